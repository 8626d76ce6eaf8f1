"""Score the extractor on the real-text development set (a report, not a test).

    python scripts/realtext.py                    # per set and per language: P, R, value-F1, kinds, traps
    python scripts/realtext.py --misses           # plus every miss, false claim, trap hit and wrong kind
    python scripts/realtext.py --set en --json    # one set, machine-readable
    python scripts/realtext.py --auto             # language detected rather than given
    python scripts/realtext.py --holdout          # the held-out set, never tuned on

The annotations are fixtures/realtext/<set>/<slug>.toml (docs/realtext.md has the format);
the articles themselves are published text we did not write, kept outside the repository in
$CLAIMCHECK_REALTEXT (default: ../realtext beside the repository) as <set>/<slug>.txt, checked
against the sha256 each annotation records. The held-out set is the same under holdout/ in both
places; rules are never tuned on it, so its figures say how the tuned rules carry to new text. A claim matches a gold claim when their spans
overlap; the pair is a *value hit* when both values agree (relative 1e-6) or neither has one.
A claim overlapping an annotated trap is a trap hit. Exit status 0, 2 when no text is found.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "fixtures" / "realtext"
SETS = {"zh-hans": "zh", "zh-hant": "zh", "en": "en"}


@dataclass
class Article:
    set: str
    slug: str
    meta: dict
    claims: list[dict]
    traps: list[dict]
    text: str

    @property
    def language(self) -> str:
        return SETS[self.set]


@dataclass
class Score:
    articles: int = 0
    gold: int = 0
    found: int = 0
    span_hits: int = 0
    value_hits: int = 0
    kind_hits: int = 0
    trap_hits: int = 0
    missed: list = field(default_factory=list)
    false: list = field(default_factory=list)
    trapped: list = field(default_factory=list)
    kinds_wrong: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def figures(self) -> dict:
        precision = self.value_hits / self.found if self.found else 0.0
        recall = self.value_hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        span_p = self.span_hits / self.found if self.found else 0.0
        span_r = self.span_hits / self.gold if self.gold else 0.0
        span_f1 = 2 * span_p * span_r / (span_p + span_r) if span_p + span_r else 0.0
        return {
            "articles": self.articles,
            "gold": self.gold,
            "found": self.found,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "value_f1": round(f1, 4),
            "span_f1": round(span_f1, 4),
            "kind_accuracy": round(self.kind_hits / self.value_hits, 4) if self.value_hits else 0.0,
            "trap_hits": self.trap_hits,
            "trap_hits_per_10": round(10 * self.trap_hits / self.articles, 2) if self.articles else 0.0,
        }


def texts_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    return Path(os.environ.get("CLAIMCHECK_REALTEXT", ROOT.parent / "realtext"))


def load(texts: Path, only: str | None, holdout: bool = False) -> tuple[list[Article], list[str]]:
    articles, problems = [], []
    annotations = ANNOTATIONS / "holdout" if holdout else ANNOTATIONS
    texts = texts / "holdout" if holdout else texts
    for path in sorted(annotations.glob("*/*.toml")):
        set_name = path.parent.name
        if only and set_name != only:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        meta = data["article"]
        text_path = texts / set_name / f"{path.stem}.txt"
        if not text_path.is_file():
            problems.append(f"{set_name}/{path.stem}: text not found at {text_path}")
            continue
        raw = text_path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != meta["sha256"]:
            problems.append(f"{set_name}/{path.stem}: text differs from the annotated one (sha256)")
            continue
        text = raw.decode("utf-8")
        articles.append(Article(set_name, path.stem, meta, data.get("claim", []), data.get("trap", []), text))
    return articles, problems


def same_value(gold: dict, claim) -> bool:
    expected = gold.get("value")
    if expected is None or claim.value is None:
        return expected is None and claim.value is None
    return abs(float(claim.value) - float(expected)) <= 1e-6 * max(1.0, abs(float(expected)))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(article: Article, auto: bool) -> Score:
    published = article.meta.get("published")
    date = published if isinstance(published, datetime.date) else None
    claims = claimcheck.extract(article.text, lang=None if auto else article.language, date=date)
    result = Score(articles=1, gold=len(article.claims), found=len(claims))
    used: set[int] = set()
    where = f"{article.set}/{article.slug}"
    for gold in article.claims:
        candidates = [
            i
            for i, claim in enumerate(claims)
            if i not in used and overlaps(gold["start"], gold["end"], claim.start, claim.end)
        ]
        valued = [i for i in candidates if same_value(gold, claims[i])]
        chosen = (valued or candidates or [None])[0]
        if chosen is None:
            result.missed.append((where, gold["text"], gold["kind"], gold.get("value")))
            continue
        used.add(chosen)
        claim = claims[chosen]
        result.span_hits += 1
        if not valued:
            result.missed.append((where, gold["text"], gold["kind"], gold.get("value"), f"read {claim.value}"))
            result.false.append((where, claim.text, claim.kind, claim.value, f"gold {gold.get('value')}"))
            continue
        result.value_hits += 1
        if claim.kind == gold["kind"]:
            result.kind_hits += 1
        else:
            result.kinds_wrong.append((where, claim.text, claim.kind, f"gold {gold['kind']}"))
    for i, claim in enumerate(claims):
        if i in used:
            continue
        trap = next((t for t in article.traps if overlaps(t["start"], t["end"], claim.start, claim.end)), None)
        if trap is not None:
            result.trap_hits += 1
            result.trapped.append((where, claim.text, claim.kind, claim.value, trap["class"]))
        result.false.append((where, claim.text, claim.kind, claim.value))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", help="directory of the article texts (default $CLAIMCHECK_REALTEXT or ../realtext)")
    parser.add_argument("--set", choices=sorted(SETS), help="only this set")
    parser.add_argument("--auto", action="store_true", help="detect the language instead of giving it")
    parser.add_argument("--misses", action="store_true", help="list misses, false claims, trap hits, wrong kinds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--holdout", action="store_true", help="score the held-out set (holdout/ in both places)")
    args = parser.parse_args()

    articles, problems = load(texts_dir(args.texts), args.set, args.holdout)
    for problem in problems:
        print(f"realtext: {problem}", file=sys.stderr)
    if not articles:
        print("realtext: no article text found; set --texts or CLAIMCHECK_REALTEXT", file=sys.stderr)
        return 2
    by_set: dict[str, Score] = {}
    by_language: dict[str, Score] = {}
    for article in articles:
        result = score(article, args.auto)
        by_set.setdefault(article.set, Score()).add(result)
        by_language.setdefault(article.language, Score()).add(result)

    figures = {
        "sets": {name: s.figures() for name, s in sorted(by_set.items())},
        "languages": {name: s.figures() for name, s in sorted(by_language.items())},
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print_table(figures)
    if args.misses:
        for language, result in sorted(by_language.items()):
            print_misses(language, result)
    return 0


def print_table(figures: dict) -> None:
    columns = ["articles", "gold", "found", "precision", "recall", "value_f1", "span_f1", "kind_accuracy", "trap_hits"]
    print(f"{'':10}" + "".join(f"{c:>14}" for c in columns))
    for group in ("sets", "languages"):
        for name, row in figures[group].items():
            print(f"{name:10}" + "".join(f"{row[c]:>14}" for c in columns))


def print_misses(language: str, result: Score) -> None:
    sections = [
        ("missed (gold kind)", result.missed, 2),
        ("false claims (kind)", result.false, 2),
        ("trap hits (class)", result.trapped, 4),
        ("wrong kind (read)", result.kinds_wrong, 2),
    ]
    for title, rows, class_at in sections:
        print(f"\n[{language}] {title}: {len(rows)}  " + ", ".join(_tally(rows, class_at)))
        for row in rows:
            print("  " + " | ".join(str(part) for part in row))


def _tally(rows: list, at: int) -> list[str]:
    return [f"{name} {count}" for name, count in Counter(str(row[at]) for row in rows).most_common()]


if __name__ == "__main__":
    sys.exit(main())
