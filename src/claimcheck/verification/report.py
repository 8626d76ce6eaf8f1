"""What `claimcheck verify --format json` prints: the extractor's documents, each claim with
its verdict, and the counts by status."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.models import Claim, Document, FileName, Verdict
from claimcheck.verification.verifier import References, index_references, verify


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VerifiedClaim(Claim):
    verdict: Verdict


class VerifiedDocument(_Record):
    source: FileName
    language: str
    claims: list[VerifiedClaim]


class Summary(_Record):
    claims: int = 0
    sourced: int = 0
    mismatch: int = 0
    unsourced: int = 0


class VerifyReport(_Record):
    references: list[FileName] = Field(description="The reference tables, as given.")
    documents: list[VerifiedDocument]
    summary: Summary


def verified_document(document: Document, verdicts: list[Verdict]) -> VerifiedDocument:
    """A document's claims, each with its verdict (in order)."""
    verdict = iter(verdicts)
    return VerifiedDocument(
        source=document.source,
        language=document.language,
        # Both parts are validated records already: join them without validating again.
        claims=[VerifiedClaim.model_construct(**dict(claim), verdict=next(verdict)) for claim in document.claims],
    )


def verify_report(documents: list[VerifiedDocument], *, table_paths: list[str]) -> VerifyReport:
    """The documents verified against the tables, with the counts by status."""
    counts = Counter(claim.verdict.status for document in documents for claim in document.claims)
    summary = Summary(claims=sum(len(document.claims) for document in documents), **counts)
    return VerifyReport(references=table_paths, documents=documents, summary=summary)


def verify_documents(
    documents: list[Document],
    references: References,
    *,
    table_paths: list[str],
    approximation: float | str | None = None,
    explain: bool = False,
) -> VerifyReport:
    """Every claim of documents extracted already against one index of the tables; with
    `explain`, each verdict lists the rows considered (Verdict.considered)."""
    index = index_references(references)
    verified = [
        verified_document(document, verify(document.claims, index, approximation=approximation, explain=explain))
        for document in documents
    ]
    return verify_report(verified, table_paths=table_paths)
