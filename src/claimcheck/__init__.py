"""claimcheck: find the checkable claims in a news draft.

    >>> import claimcheck
    >>> [c.value for c in claimcheck.extract("交付了50萬臺")]
    [500000]
"""

from claimcheck.errors import ClaimcheckError
from claimcheck.extract import extract, extract_document
from claimcheck.models import Claim, Document, Report, TextSpan

__version__ = "0.1.0"
__all__ = ["Claim", "ClaimcheckError", "Document", "Report", "TextSpan", "extract", "extract_document", "__version__"]
