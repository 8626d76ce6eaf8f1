"""The formats of `claimcheck verify`."""
