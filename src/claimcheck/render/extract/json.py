from __future__ import annotations

from claimcheck.models import Document, Report


def render(documents: list[Document]) -> str:
    return Report(documents=documents).model_dump_json(indent=2) + "\n"
