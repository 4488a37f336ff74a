"""Organisations and places (step 4 of graph.resolve): the order of the joins, and near-miss
spellings."""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process

from graph.nlp import is_acronym
from graph.resolve.acronyms import join_acronym_tails, join_defined_acronyms, join_initials
from graph.resolve.bodies import join_generic_bodies
from graph.resolve.clusters import Clusters, Node
from graph.resolve.names import resolution_lists
from graph.resolve.short_forms import (join_company_tails, join_first_words, join_last_words, join_short_forms,
                                       join_short_names)

ORG_FUZZY = 92


def resolve_names(cl: Clusters, nodes: list[Node], cut_short: set[tuple[str, str]] = frozenset()) -> None:
    """Join the organisation (or place) names of `nodes`, in this order: defined acronyms,
    initials, words cut short, near misses, then (organisations only) generic bodies, short
    names, last words and company words dropped."""
    label = nodes[0].label if nodes else "Organization"
    join_defined_acronyms(cl, nodes, label)
    join_initials(cl, nodes)
    if label == "Organization":
        join_acronym_tails(cl, nodes)
    # a one-word name the model once cut off a longer name of its thread ("Acme" in "Acme
    # travel", where the thread names "Acme Travel") is that name's short form everywhere in the
    # thread ("the Acme service"), when the thread has only one such longer name
    if label == "Organization" and cut_short:
        join_short_forms(cl, nodes, cut_short)
    join_near_misses(cl, nodes)
    if label == "Organization":
        join_generic_bodies(cl, nodes)
        join_short_names(cl, nodes)
        join_last_words(cl, nodes)
        join_company_tails(cl, nodes)
        join_first_words(cl, nodes)


def join_near_misses(cl: Clusters, nodes: list[Node]) -> None:
    """Near-miss spellings ("fuzzy NN"), compared within blocks of one first letter and the same
    digits (a near miss rarely changes the first letter; this keeps large corpora fast)."""
    blocks: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for n in nodes:
        if len(n.norm) >= 6 and not any(is_acronym(m.text) for m in n.mentions) \
                and n.norm not in resolution_lists()["generic_bodies"] \
                and not any(m.attrs and m.attrs.get("generic") for m in n.mentions):  # "the council": one per thread
            blocks[(n.norm[0], re.sub(r"\D", "", n.norm))].append(n)
    for block in blocks.values():
        names = [n.norm for n in block]
        for i, a in enumerate(block[:-1]):
            for _, score, j in process.extract(a.norm, names[i + 1:], scorer=fuzz.ratio, score_cutoff=ORG_FUZZY,
                                               limit=None):
                b = block[i + 1 + j]
                if not _words_near(a.words, b.words):
                    continue  # "Museum of Modern Art" / "Museum of Modern Craft": a whole word differs
                keep, merge = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
                cl.union(keep.id, merge.id, f"fuzzy {score:.0f}")


def _words_near(a: list[str], b: list[str]) -> bool:
    """Two names of as many words are a near-miss spelling only when each word that differs is a
    near miss of its counterpart (rapidfuzz ratio >= 80, one begins the other: "South" /
    "Southern", or its plural: "Companies"), not another word."""
    if len(a) != len(b):
        return True
    return all(x == y or fuzz.ratio(x, y) >= 80 or x.startswith(y) or y.startswith(x) or _singular(x) == _singular(y)
               for x, y in zip(a, b))


def _singular(word: str) -> str:
    """ "companies" -> "company", "trusts" -> "trust" (enough to compare two names' words)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
