"""The formats of `claimcheck check`."""
