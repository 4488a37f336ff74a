"""Names and their comparison form: normalising, titles and gender, the resolution word lists."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from graph.model import Mention
from graph.nlp import lexicons, read_list


RESOLUTION_DIR = Path(__file__).resolve().parents[2] / "ontology" / "patterns" / "resolution"

PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


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


def title_of(m: Mention) -> str | None:
    t = m.attrs.get("title") if m.attrs else None
    return t or split_title(m.text)[0]


def mention_order(m: Mention) -> tuple:
    ev = m.evidence
    return ev.thread, ev.message, ev.start, ev.end


def person_initials(norm: str) -> set[str]:
    """ "jr", "jrq" for "john robert quill": the letters of all names, and of first and last."""
    w = norm.split()
    return {"".join(x[0] for x in w), w[0][0] + w[-1][0]} if len(w) >= 2 else set()
