"""claimcheck: find the checkable claims in a news draft.

>>> import claimcheck
>>> [c.value for c in claimcheck.extract("交付了50萬臺")]
[500000]
"""

from claimcheck.engine.extract import extract, extract_document
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Claim, Document, ReferenceRow, Rejected, Report, Skipped, TextSpan, Verdict
from claimcheck.references.tables import ReferenceTable, load_references
from claimcheck.text.document_date import document_date
from claimcheck.verification.verifier import verify
from claimcheck.version import __version__

__all__ = [
    "Claim",
    "ClaimcheckError",
    "Document",
    "ReferenceRow",
    "ReferenceTable",
    "Rejected",
    "Report",
    "Skipped",
    "TextSpan",
    "Verdict",
    "document_date",
    "extract",
    "extract_document",
    "load_references",
    "verify",
    "__version__",
]
