"""The formats of `claimcheck refs check`."""
