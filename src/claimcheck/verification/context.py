"""The words around a claim that a row's terms must occur in, read as the engine reads them.

The sentence is normalized first (claimcheck.text.normalize: a scraper's pinyin gloss inside
a word, 營(yíng)收, is removed as it is before extraction), then folded (case, width, traditional
→ simplified). Each sentence is read once; fields of the claim that lie outside its sentence
(a subject named in the sentence before, a carried metric) are added to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimcheck.models import Claim
from claimcheck.rules.folding import fold
from claimcheck.text.normalize import normalize
from claimcheck.verification import reasons
from claimcheck.verification.index import pieces


def occurs(term: str, text: str, endings: tuple[str, ...]) -> bool:
    """`term` in `text`; an English term must start a word and end one (or an ending of it)."""
    latin_start = term[0].isascii() and term[0].isalnum()
    latin_end = term[-1].isascii() and term[-1].isalnum()
    if not latin_start and not latin_end:
        return term in text
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        if not (latin_start and start > 0 and _latin(text[start - 1])):
            if not latin_end or end == len(text) or not _latin(text[end]):
                return True
            for ending in endings:
                after = end + len(ending)
                if text.startswith(ending, end) and (after == len(text) or not _latin(text[after])):
                    return True
        start = text.find(term, start + 1)
    return False


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """Text as terms are compared with it: normalized as the engine does, then folded."""
    return fold(normalize(text).text)


@dataclass(frozen=True, slots=True)
class Context:
    text: str  # the sentence and the claim's context fields, normalized and folded
    pieces: set[str]  # what the text is looked up by (index.pieces)
    language: str  # whose reasons: a language code, or code/traditional (reasons.language_of)


class Contexts:
    """The context of each sentence, read once: a context is its text's alone, so a sentence
    a draft repeats (a standfirst, a boilerplate line) is read once for all its places."""

    def __init__(self) -> None:
        self._sentences: dict[tuple, Context] = {}

    def of(self, claim: Claim) -> Context:
        sentence = claim.sentence
        key = (sentence.text, claim.lang)
        context = self._sentences.get(key)
        if context is None:
            text = folded(sentence.text)
            language = reasons.language_of(claim.lang, sentence.text)
            context = self._sentences[key] = Context(text, pieces(text), language)
        frame = claim.frame
        carried = (frame.entity, frame.metric) if frame is not None else ()
        outside = list(
            dict.fromkeys(
                span.text
                for span in (claim.subject, claim.metric, *carried, claim.time, claim.baseline)
                if span is not None and not (sentence.start <= span.start and span.end <= sentence.end)
            )
        )
        if not outside:
            return context
        wider_key = (key, *outside)  # the claims of a sentence often carry the same fields
        wider = self._sentences.get(wider_key)
        if wider is None:
            extra = "\n".join(folded(text) for text in outside)
            wider = Context(f"{context.text}\n{extra}", context.pieces | pieces(extra), context.language)
            self._sentences[wider_key] = wider
        return wider
