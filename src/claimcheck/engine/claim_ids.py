"""The stable id of a claim."""

from __future__ import annotations

import hashlib
from collections import Counter


class ClaimIds:
    """Stable ids: a hash of the claim's kind, its sentence, its text and which occurrence of
    that triple it is. Each sentence is hashed once (a long sentence with many claims stays
    linear), and one instance may span the blocks of a text read in parts.

    The parts of one text, read in order, share through it what belongs to the whole text:
    where the current part starts in it (`offset`) the text's lead entity (`lead`: its
    text and span in the whole original, once a part has found it; claimcheck.engine.frame) and
    its lead period (`lead_period`), and the text's first characters (`head`), where its
    headline and lede stand."""

    def __init__(self) -> None:
        self.seen: Counter[bytes] = Counter()
        self._prefixes: dict[tuple[str, int, int], hashlib.blake2b] = {}
        self.offset = 0
        self._next = 0
        self.lead: tuple[str, str, int, int] | None = None  # as cleaned, as written, start, end
        self.lead_period: tuple[object, int] | None = None  # the headline's FramePeriod, where it ends
        self.head = ""  # the text's first characters in the parts before this one, as cleaned
        self.read = ""  # this part's, added to `head` when the next part starts

    def new_text(self, length: int = 0) -> None:
        """A new part of `length` characters, which follows the last one."""
        self._prefixes.clear()
        self.head, self.read = self.head + self.read, ""
        self.offset = self._next
        self._next += length

    def of(self, kind: str, clean: str, sentence: tuple[int, int], claim: str) -> str:
        prefix = self._prefixes.get((kind, *sentence))
        if prefix is None:
            sentence_text = clean[sentence[0] : sentence[1]]
            prefix = hashlib.blake2b(_utf8(f"{kind}\x1f{sentence_text}\x1f"), digest_size=8)
            self._prefixes[(kind, *sentence)] = prefix
        digest = prefix.copy()
        digest.update(_utf8(claim))
        key = digest.digest()  # the triple, in 8 bytes
        self.seen[key] += 1
        digest.update(f"\x1f{self.seen[key]}".encode())
        return digest.hexdigest()


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a str from Python may hold lone surrogates
