"""Reference tables: reading and validating a newsroom's table of figures."""
