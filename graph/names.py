"""Pure name helpers shared by extraction and resolution: the comparison form of a name, titles
and gender, the initials a name may be written as, and the resolution word lists
(ontology/patterns/resolution/). Neither graph.extract nor graph.resolve is imported here, so
both may use it."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from graph.nlp import initials, lexicons, read_list

RESOLUTION_DIR = Path(__file__).resolve().parents[1] / "ontology" / "patterns" / "resolution"

PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


@lru_cache(maxsize=1)
def resolution_lists() -> dict[str, set[str]]:
    """The word lists of ontology/patterns/resolution/ (one lower-case entry a line)."""
    return {p.stem: {w.lower() for w in read_list(p.name, RESOLUTION_DIR)} for p in RESOLUTION_DIR.glob("*.txt")}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return text.casefold()


def strip_possessive(text: str) -> str:
    return re.sub(r"(?:'s|'|’s|’)$", "", text.strip())


def split_title(text: str) -> tuple[str | None, str]:
    """("Mr", "Smith") for "Mr Smith"; honorifics come from honorifics.tsv."""
    hon = lexicons()["honorifics"]
    words = text.split()
    titles = []
    while len(words) > 1 and (words[0] in hon or words[0].lower() == "the" and len(words) > 2 and words[1] in hon):
        titles.append(words.pop(0))
    return (" ".join(titles) or None), " ".join(words)


def gender_of(title: str | None) -> str | None:
    if not title:
        return None
    hon = lexicons()["honorifics"]
    for w in title.split():
        g = hon.get(w)
        if g in ("m", "f"):
            return g
    return None


def norm_name(text: str, label: str) -> str:
    """The comparison form of a name (step 1 of graph.resolve)."""
    t = strip_possessive(text)
    if label == "Person":
        t = split_title(t)[1]
    t = fold(t)
    t = re.sub(r"\s*&\s*", " and ", t)
    t = PUNCT.sub(" ", t)
    words = _SPACES.sub(" ", t).strip().split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if label == "Organization":
        legal = lexicons()["legal_forms"]
        while len(words) > 1 and words[-1] in legal:
            words = words[:-1]
    return " ".join(words)


def person_initials(norm: str) -> set[str]:
    """ "jr", "jrq" for "john robert quill": the letters of all names, and of first and last."""
    w = norm.split()
    return {"".join(x[0] for x in w), w[0][0] + w[-1][0]} if len(w) >= 2 else set()


def initial_forms(name: str) -> set[str]:
    """The initials a name may be written as: with and without its small words, and without a
    leading country or nationality ("U.S. Office of Management and Budget": OMB) or a trailing
    company word ("Westby Rapid Transit Company": WRT; resolution/company_tails.txt)."""
    lex = lexicons()
    words = name.split()
    out = set(initials(words))
    tails = resolution_lists()["company_tails"]
    trimmed = list(words)
    while len(trimmed) > 2 and trimmed[-1].lower().strip(".") in tails:
        trimmed.pop()
    lead = 0
    for k in range(len(trimmed) - 2, 0, -1):
        head = trimmed[:k]
        if " ".join(head) in lex["place_names"] or (k == 1 and (head[0] in lex["demonyms"] or _DOTTED.match(head[0]))):
            lead = k
            break
    for variant in (trimmed, trimmed[lead:]):
        out |= set(initials(variant))
    return out
