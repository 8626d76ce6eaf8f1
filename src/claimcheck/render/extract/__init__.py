"""The formats of `claimcheck extract`."""
