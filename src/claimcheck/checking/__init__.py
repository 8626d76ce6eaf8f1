"""claimcheck check: the CI gate over drafts (discovery, config, prose, suppressions, baseline, policy)."""
