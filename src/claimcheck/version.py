"""The version of claimcheck, where every stage may read it (SARIF's tool, `--version`)."""

__version__ = "0.1.0"
