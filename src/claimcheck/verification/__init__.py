"""Claims against reference tables: the index, intervals, periods and reasons."""
