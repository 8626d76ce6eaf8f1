"""From a source to its document, one file or many, in bounded memory and worker processes."""
