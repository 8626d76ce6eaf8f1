"""Files: reading bytes in the right encoding, writing outputs safely, walking folders."""
