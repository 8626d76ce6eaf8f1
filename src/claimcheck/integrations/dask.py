"""claimcheck on a Dask cluster: claims (and verdicts against a reference table broadcast to
every worker) of a corpus too big for one machine, written as JSON Lines part files.

    from distributed import Client
    from claimcheck.integrations.dask import extract_to_jsonl

    client = Client("tcp://scheduler:8786")          # or LocalCluster() on one machine
    extract_to_jsonl("s3://wire/2019/**/*.txt", "s3://desk/claims/2019", refs="figures.csv")

Files are listed on the client and read on the workers, `files_per_task` to a task; each task
writes `part-NNNNN.jsonl`, and the parts in order hold exactly the lines that `claimcheck
extract PATHS -f jsonl` (or `claimcheck verify PATHS --refs TABLE -f jsonl`) prints. Needs
`pip install 'claimcheck[dask]'`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import dask.bag as db
import fsspec

from claimcheck.errors import InputError
from claimcheck.files.drafts import expand, is_draft
from claimcheck.files.read import DEFAULT_MAX_BYTES
from claimcheck.run.document import Source, read_document


@dataclass(frozen=True)
class Job:
    lang: str = "auto"
    min_checkworthy: float = 0.0
    refs: str | None = None  # the table's path, as `source` of the verdicts
    approx: float | str | None = None
    storage_options: dict | None = None


def list_files(paths: str | list[str], storage_options: dict | None = None) -> list[str]:
    """Local paths as `claimcheck extract` expands them (same order, same sources); URLs
    (s3://, gs://, hdfs://…) by fsspec, directories searched for drafts, sorted."""
    paths = [paths] if isinstance(paths, str) else list(paths)
    if not any("://" in p for p in paths):
        return expand(paths)
    found = []
    for url in paths:
        fs, _, matches = fsspec.core.get_fs_token_paths(url, storage_options=storage_options)
        for match in sorted(matches):
            if fs.isdir(match):
                found += [
                    fs.unstrip_protocol(name) for name in sorted(fs.find(match)) if is_draft(name.rsplit("/", 1)[-1])
                ]
            else:
                found.append(fs.unstrip_protocol(match))
    return found


def _source(source: str, job: Job) -> Source:
    """A file as the command line reads it; a URL's bytes decoded as a file's are."""
    if "://" not in source:
        return Source.file(source)
    with fsspec.open(source, "rb", **(job.storage_options or {})) as stream:
        return Source.of_bytes(stream.read(DEFAULT_MAX_BYTES + 1), source, max_bytes=DEFAULT_MAX_BYTES)


def claims_jsonl(texts: list[tuple[str, str]], job: Job, index=None) -> list[str]:
    """One JSON line a claim of these (source, text) pairs, in order; with a reference index,
    each claim carries its verdict. Usable over any partition of texts, a dataframe's too."""
    return _lines([Source.of_text(text, source) for source, text in texts], job, index)


def _lines(sources: list[Source], job: Job, index=None) -> list[str]:
    options = {"lang": job.lang, "min_checkworthy": job.min_checkworthy}
    if index is None:
        from claimcheck.render.extract import renderer

        documents = [read_document(source, **options).document for source in sources]
        return renderer("jsonl")(documents).splitlines()
    from claimcheck.render.verify import renderer as verify_renderer
    from claimcheck.verification.report import verified_document, verify_report

    verified = []
    for source in sources:
        read = read_document(source, references=index, approximation=job.approx, **options)
        assert read.verdicts is not None
        verified.append(verified_document(read.document, read.verdicts))
    return verify_renderer("jsonl")(verify_report(verified, table_paths=[job.refs])).splitlines()


def _write_part(task: tuple[int, list[str]], out: str, job: Job, index) -> dict:
    number, sources = task
    lines = _lines([_source(source, job) for source in sources], job, index)
    path = f"{out.rstrip('/')}/part-{number:05d}.jsonl"
    with fsspec.open(path, "w", encoding="utf-8", newline="", **(job.storage_options or {})) as stream:
        stream.write("".join(line + "\n" for line in lines))
    return {"part": path, "files": len(sources), "claims": len(lines)}


def _broadcast(index):
    """The reference index sent once to every worker of the current cluster, if there is one."""
    try:
        from distributed import default_client

        return default_client().scatter(index, broadcast=True, hash=False)
    except (ImportError, ValueError):  # no distributed client: the local scheduler shares it
        return index


def extract_to_jsonl(
    paths: str | list[str],
    out: str,
    *,
    refs: str | None = None,
    lang: str = "auto",
    min_checkworthy: float = 0.0,
    approx: float | str | None = None,
    files_per_task: int = 64,
    storage_options: dict | None = None,
) -> list[dict]:
    """Run on the current Dask scheduler and write `out/part-NNNNN.jsonl`; one summary a part
    (its path, files and claims), in order."""
    job = Job(lang, min_checkworthy, refs, approx, storage_options)
    sources = list_files(paths, storage_options)
    if not sources:
        raise InputError(f"{paths}: no file to read")
    index = None
    if refs:
        from claimcheck.references.tables import load_references
        from claimcheck.verification.verifier import index_references

        index = _broadcast(index_references(load_references(refs)))
    fsspec.core.url_to_fs(out, **(storage_options or {}))[0].makedirs(out, exist_ok=True)
    tasks = [(n, sources[i : i + files_per_task]) for n, i in enumerate(range(0, len(sources), files_per_task))]
    bag = db.from_sequence(tasks, npartitions=len(tasks))
    return list(bag.map(_write_part, out, job, index).compute())


def read_claims(out: str, storage_options: dict | None = None) -> db.Bag:
    """The claims written under `out`, as a bag of dicts (for further work in Dask)."""
    return db.read_text(f"{out.rstrip('/')}/part-*.jsonl", storage_options=storage_options).map(json.loads)
