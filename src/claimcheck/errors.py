"""One exception family. The command line turns it into one line on stderr and exit 2."""


class ClaimcheckError(Exception):
    """Base class of every error claimcheck reports to its user."""


class InputError(ClaimcheckError):
    """An input file is missing, unreadable, not text, or not decodable."""


class RulesError(ClaimcheckError):
    """A rule table is malformed; the message names the file and the entry."""
