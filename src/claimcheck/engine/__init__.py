"""The extraction engine: numbers, units and qualifiers, kinds, relations and context."""
