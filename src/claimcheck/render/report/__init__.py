"""The editor's report: one HTML page per draft."""
