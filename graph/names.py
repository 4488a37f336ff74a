"""Pure name helpers shared by extraction and resolution: the comparison form of a name, titles
and gender, the initials a name may be written as, the kind of an organisation from its name
(`org_kind`), and the resolution word lists (ontology/patterns/resolution/). Neither graph.extract nor graph.resolve is imported here, so
both may use it."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from graph.nlp import PATTERNS_DIR, initials, lexicons, read_list, read_table

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


# Words before a name that say what kind of organisation it is ("the charity Acme").
CONTEXT_KINDS = {
    "charity": "charity", "union": "union", "party": "party", "newspaper": "media", "paper": "media",
    "broadcaster": "media", "company": "company", "firm": "company", "contractor": "company",
    "supplier": "company", "group": "company", "giant": "company", "provider": "company",
    "department": "government", "ministry": "government", "agency": "government", "regulator": "government",
    "watchdog": "government", "council": "government", "court": "court", "committee": "committee",
    "caterer": "company", "outsourcer": "company", "lawyer": "company", "lawyers": "company",
    "solicitors": "company", "insurer": "company", "retailer": "company", "bank": "company",
}
_SPLIT = re.compile(r"\s+(?:of|for)\s+", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")


@lru_cache(maxsize=1)
def _kind_table() -> tuple[dict[str, str], list[tuple[str, str]]]:
    single, multi = {}, []
    for row in read_table("org_kinds.tsv", PATTERNS_DIR):
        if len(row) < 2:
            continue
        key, kind = row[0].lower(), row[1]
        if " " in key:
            multi.append((key, kind))
        else:
            single.setdefault(key, kind)
    return single, multi


def org_kind(name: str, context: str | None = None) -> str:
    """government | company | union | charity | party | media | court | committee | other.

    Order: a name in known_orgs.tsv ("Instagram"), a committee/court/union/party keyword as the head or last word, a multi-word
    keyword anywhere ("house of lords"), the head word (before the first "of"/"for", else the
    last word), any other word, then the word right before the name in `context` (the text
    of its sentence before the mention: "the charity X", "a charity called X"), else "other".
    """
    known = lexicons()["known_orgs"].get(name.strip())
    if known:  # a well-known platform or news outlet (known_orgs.tsv)
        return known[0]
    single, multi = _kind_table()
    low = " " + " ".join(w.lower().strip(".'’") for w in _WORD.findall(name)) + " "
    # the head phrase decides before keywords elsewhere: "House of Lords Quarry Rights Committee"
    parts = _SPLIT.split(name, maxsplit=1)
    head_words = [w.lower().strip(".'’") for w in _WORD.findall(parts[0])]
    if len(parts) > 1 and head_words:
        head = head_words[0] if len(head_words) == 1 else head_words[-1]
    else:
        head = head_words[-1] if head_words else ""
    last = low.split()[-1] if low.strip() else ""
    for word in (head, last):  # these kinds win wherever the name's head is: "House of Lords X Committee"
        if word in single and single[word] in ("committee", "court", "union", "party"):
            return single[word]
    for key, kind in multi:
        if f" {key} " in low:
            return kind
    if head in single:
        return single[head]
    for w in low.split():
        if w in single:
            return single[w]
    if context:
        # the word right before the name, skipping "the", "a", "called", "named":
        # "the charity X", "a charity called X", "caterer X" (not "lawyers for X")
        words = [w.lower() for w in _WORD.findall(context)]
        while words and words[-1] in ("the", "a", "an", "called", "named"):
            words.pop()
        if words and words[-1] in CONTEXT_KINDS:
            return CONTEXT_KINDS[words[-1]]
    return "other"
