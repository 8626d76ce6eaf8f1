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


def verify_documents(
    documents: list[Document],
    references: References,
    *,
    table_paths: list[str],
    approximation: float | str | None = None,
    explain: bool = False,
) -> VerifyReport:
    """Every claim of every document against one index of the tables; with `explain`, each
    verdict lists the rows considered (Verdict.considered)."""
    index = index_references(references)
    claims = [claim for document in documents for claim in document.claims]
    verdicts = iter(verify(claims, index, approximation=approximation, explain=explain))
    verified = [
        VerifiedDocument(
            source=document.source,
            language=document.language,
            # Both parts are validated records already: join them without validating again.
            claims=[VerifiedClaim.model_construct(**dict(claim), verdict=next(verdicts)) for claim in document.claims],
        )
        for document in documents
    ]
    counts = Counter(claim.verdict.status for document in verified for claim in document.claims)
    summary = Summary(claims=len(claims), **counts)
    return VerifyReport(references=table_paths, documents=verified, summary=summary)
