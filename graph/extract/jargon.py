"""Acronyms used as jargon for a scheme, a system or a record, not a body ("the QRP
facilitators", "QXLog records"): `jargon_names`, read by mentions_from_doc for one document and by
common_acronym_marks (graph.extract.thread_mentions) for a thread; and the common abbreviations
that are no name (mentions_common_abbreviations.txt)."""
from __future__ import annotations

import re
from functools import lru_cache

from graph.nlp import PATTERNS_DIR, is_acronym, lexicons, read_list
from graph.nlp.lexicon import sections
from graph.nlp.spans import web_spans


@lru_cache(maxsize=1)
def _jargon_heads() -> dict[str, frozenset[str]]:
    """The [scheme] and [modifier] sections of mentions_jargon_heads.txt (lines before the first
    section count as [scheme])."""
    parts = sections(read_list("mentions_jargon_heads.txt", PATTERNS_DIR))
    out: dict[str, set[str]] = {"scheme": set(), "modifier": set()}
    for name, phrases in parts.items():
        out.setdefault(name or "scheme", set()).update(" ".join(p) for p in phrases)
    return {k: frozenset(v) for k, v in out.items()}


# "QXLog", "NDXray": two or more capitals, then lower case (a system's or a scheme's name shape);
# "QuilTrack": a capital inside one word (not a surname's "Mc"/"Mac"/"De"/"La"/"Le" one: "McQuill")
_CAMEL = re.compile(r"^(?:[A-Z]{2,}[a-z][A-Za-z]*|(?!Ma?c|De|Di|La|Le|Van|Von)[A-Z][a-z]+[A-Z][a-z]+)$")
# Acronyms joined to the name before its noun: "ABC/QRP facilitators", "ABC and QRP groups"
# (each a word with two capitals or more; "[a-z]*" before the second, as "[A-Za-z]*" there
# backtracks quadratically on a long run of capitals)
_JOINED = re.compile(r"(?:\s*(?:/|&|,|\band\b|\bor\b)\s*[A-Z][a-z]*[A-Z][A-Za-z]*)*\s+([a-z]+)\b")


def jargon_names(texts: list[str], names: set[str], modifier: bool = True) -> set[str]:
    """The names among `names` (one word, acronym- or camel-case-shaped, not defined as "(X)" in
    `texts`, not a known organisation) used as jargon for a scheme, system or record, not a body:
    one occurrence in `texts` followed by a [scheme] noun of mentions_jargon_heads.txt ("the QRP
    facilitators") and at least half followed by a noun of either section, or every occurrence
    followed by a [modifier] or [scheme] noun ("QXLog records") — with modifier=False, that second test only for camel-case names (an acronym is
    left to its thread: "FBI records" in one comment, "the FBI said" in the next)."""
    heads = _jargon_heads()
    known = lexicons()["known_orgs"]
    out = set()
    for name in names:
        camel = bool(_CAMEL.match(name))
        if " " in name or not (is_acronym(name) or camel) or name in known or name.lower() in common_abbreviations():
            continue
        if any(f"({name})" in t for t in texts):
            continue
        found = []
        for t in texts:
            webs = web_spans(t)
            for hit in re.finditer(r"(?<![\w@.-])" + re.escape(name) + r"(?![\w@-]|\.\w)", t):
                if any(x < hit.end() and hit.start() < y for x, y in webs):
                    continue  # inside a web address
                nxt = _JOINED.match(t, hit.end())
                found.append(nxt.group(1) if nxt else None)
        if not found:
            continue
        jargon = sum(h in heads["scheme"] | heads["modifier"] for h in found)
        # (a body's name used often, once before a scheme noun, stays: "the QRP facilitators" once
        # among ten "QRP said")
        if any(h in heads["scheme"] for h in found) and 2 * jargon >= len(found):
            out.add(name)
        elif (modifier or camel) and jargon == len(found):
            out.add(name)
    return out


@lru_cache(maxsize=1)
def common_abbreviations() -> frozenset[str]:
    """mentions_common_abbreviations.txt, lower case: abbreviations that are no name ("PM", "UK")."""
    return frozenset(w.lower() for w in read_list("mentions_common_abbreviations.txt", PATTERNS_DIR))
