"""Posts in a comparable form: "HM Chief Insp. of Fisheries" and "the Chief Inspector of
Fisheries" are one post written two ways. A role is case-folded, its abbreviations expanded
(resolution/role_abbreviations.tsv), the words before it that do not change the post dropped
("HM", "Her Majesty's", "the": role_prefixes.txt), and its rank words ("chief", "senior":
role_ranks.txt) set apart from its core, which alone may differ between two wordings."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.nlp import read_table
from graph.resolve.names import RESOLUTION_DIR, fold, resolution_lists

_QUOTES = re.compile(r"[.'’‘]")  # "H.M.", "Her Majesty's", "Ass't": one word each
_SEPARATORS = re.compile(r"[^\w\s]+")
_DOMAIN_WORDS = ("of", "for")  # "Inspector of Fisheries", "Minister for Housing"


@dataclass(frozen=True)
class Role:
    """A post's comparison form: its rank words and the rest ("inspector of fisheries")."""

    ranks: frozenset[str]
    core: tuple[str, ...]

    @property
    def names_domain(self) -> bool:
        """The role says what it is over ("of Fisheries", "for Housing"), not only a job title."""
        return any(w in _DOMAIN_WORDS for w in self.core[1:-1])


def _words(text: str) -> list[str]:
    text = _QUOTES.sub("", fold(text)).replace("&", " and ")
    return _SEPARATORS.sub(" ", text).split()


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, ...]]:
    return {"".join(_words(row[0])): tuple(_words(row[1]))
            for row in read_table("role_abbreviations.tsv", RESOLUTION_DIR) if len(row) > 1}


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, ...]]:
    """Longest first, so "her majesty's" goes before a shorter prefix could."""
    return sorted((tuple(_words(p)) for p in resolution_lists()["role_prefixes"]), key=len, reverse=True)


@lru_cache(maxsize=4096)
def role_form(text: str) -> Role | None:
    """The comparison form of a role, or None for an empty one."""
    abbr = _abbreviations()
    words = [x for w in _words(text) for x in abbr.get(w, (w,))]
    dropped = True
    while dropped and words:
        dropped = False
        for p in _prefixes():
            if len(words) > len(p) and tuple(words[:len(p)]) == p:
                words = words[len(p):]
                dropped = True
                break
    ranks = resolution_lists()["role_ranks"]
    # a rank word counts as one only before the post's head ("Chief Inspector"), never as it
    # ("the Chief of Staff" keeps "chief")
    k = 0
    while k < len(words) - 1 and words[k] in ranks and words[k + 1] not in _DOMAIN_WORDS:
        k += 1
    core = tuple(words[k:])
    return Role(frozenset(words[:k]), core) if core else None
