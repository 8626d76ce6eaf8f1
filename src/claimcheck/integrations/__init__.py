"""Optional integrations with other engines; each needs its extra (`pip install 'claimcheck[dask]'`)."""
