"""Text before the engine reads it: normalizing with an offset map, data paragraphs, prose of Markdown and HTML."""
