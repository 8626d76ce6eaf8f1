"""One claim per line, each with the `source` it came from; with explain, then a line per
number read and not reported: {"source": …, "rejected": {…}}."""

from __future__ import annotations

from claimcheck.models import Document
from claimcheck.names import shown
from claimcheck.render import json_text


def render(documents: list[Document]) -> str:
    lines = []
    for document in documents:
        source = shown(document.source)
        for claim in document.claims:
            lines.append(json_text({"source": source, **claim.model_dump(mode="json")}))
        for number in document.rejected or ():
            lines.append(json_text({"source": source, "rejected": number.model_dump(mode="json")}))
    return "".join(line + "\n" for line in lines)
