"""One exception family. The command line turns it into one line on stderr and exit 2."""


class ClaimcheckError(Exception):
    """Base class of every error claimcheck reports to its user."""


class InputError(ClaimcheckError):
    """An input file is missing, unreadable, not text, or not decodable."""


class RulesError(ClaimcheckError):
    """A rule table is malformed; the message names the file and the entry."""


CLIP = 60  # characters of a cell, header or value a message shows


def clipped(text: str, limit: int = CLIP) -> str:
    """`text` as a message shows what the user gave: at most `limit` characters, then `…`.
    (A table that is really /etc/passwd has its whole first line as a header.)"""
    return text if len(text) <= limit else text[:limit] + "…"


def quoted(text: str, limit: int = CLIP) -> str:
    """`text` clipped and in quotes, its control characters escaped (Python's repr)."""
    return repr(clipped(text, limit))
