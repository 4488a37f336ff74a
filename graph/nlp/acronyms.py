"""Acronym helpers: the shape of an acronym, the letters it stands for, the initials of a
name, and the acronyms a text uses as common nouns ("two POs")."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from graph.nlp.words import AFTER_NOUN


# "MoD", "DfE", "CCGs", "HMRC": an acronym-shaped token.
ACRONYM = re.compile(r"^(?:[A-Z][a-z]?){1,}[A-Z](?:s)?$|^[A-Z]{2,}s?$")
_PLURAL_ACRONYM = re.compile(r"^([A-Z]{2,})s$")


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


def acronym_letters(text: str) -> str:
    """The letters an acronym stands for: "MoD" -> "mod", "CCGs" -> "ccg"."""
    if text.endswith("s") and len(text) > 2 and text[-2].isupper():
        text = text[:-1]
    return text.lower()


def initials(words: list[str], small: set[str] = frozenset({"of", "for", "and", "the", "&", "in", "on", "to"})) -> tuple[str, str]:
    """Initials of a name, with and without its small words: ("mod", "md") for Ministry of Defence."""
    words = [w for w in words if w and w[0].isalnum()]

    def first(w: str) -> str:  # an all-caps word gives all its letters: "North East Care Services" -> NECS
        return w if w.isupper() and w.isalpha() and len(w) <= 3 else w[0]

    every = "".join(first(w) for w in words).lower()
    content = "".join(first(w) for w in words if w.lower() not in small).lower()
    return every, content


def stands_for(acronym: str, words: list[str]) -> bool:
    """True when `acronym` is the initials of `words` (with or without the small words)."""
    letters = acronym_letters(acronym)
    if len(letters) < 2:
        return False
    every, content = initials(words)
    return letters in (every, content)


def common_acronyms(doc) -> set[str]:
    """Letters (lower case) of acronyms the text uses as common nouns: in the plural ("POs",
    not "PO's", which may be a possessive) or after "a"/"an" with no noun after them."""
    out = set()
    for i, tok in enumerate(doc):
        m = _PLURAL_ACRONYM.match(tok.text)
        if m:
            out.add(m.group(1).lower())
            continue
        if i > 0 and doc[i - 1].lower_ in ("a", "an") and is_acronym(tok.text) and not tok.text.endswith("s"):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or nxt.text in (".", ",", ";", ":", "!", "?", ")") or nxt.lower_ in AFTER_NOUN:
                out.add(acronym_letters(tok.text))
    return out


def capitalised_phrase_before(doc: Doc, i: int, letters: int) -> Span | None:
    """The capitalised words (with inner "of"/"for"/"and"/"the") ending at token i, at most
    `letters` + 3 tokens: the candidate long form of an acronym in brackets after it."""
    start = i
    small = {"of", "for", "and", "the", "&", "on"}
    while start > 0 and i - start < letters + 3:
        t = doc[start - 1]
        if t.is_space or t.is_punct and t.text != "&":
            break
        if not (t.is_title or t.is_upper or t.lower_ in small):
            break
        start -= 1
    while start < i and doc[start].lower_ in small | {"a", "an"}:
        start += 1
    if i - start < 2 or doc[start].is_sent_start and doc[start].lower_ in STOP_WORDS:
        return None
    return doc[start:i]
