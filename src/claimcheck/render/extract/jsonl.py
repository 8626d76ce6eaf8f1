"""One claim per line, each with the `source` it came from."""

from __future__ import annotations

from claimcheck.models import Document
from claimcheck.names import shown
from claimcheck.render import json_text


def render(documents: list[Document]) -> str:
    lines = []
    for document in documents:
        for claim in document.claims:
            record = {"source": shown(document.source), **claim.model_dump(mode="json")}
            lines.append(json_text(record))
    return "".join(line + "\n" for line in lines)
