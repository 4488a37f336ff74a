"""The arguments a relation rule can use in one parsed sentence: slots.

A slot is a run of tokens standing for one thing: a name the entity pass found (PER, ORG, LOC)
or a role phrase (ROLE, "Deputy Managing Director") found here with the lexicon. Rules see a
sentence as tokens with each slot collapsed to one symbol (see `render`).
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from graph.extract.lexicon import lexicon
from graph.model import Mention

LABEL_TO_SLOT = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}


@dataclass
class Slot:
    type: str  # PER ORG LOC ROLE
    start: int  # token index in the sentence doc
    end: int  # exclusive
    text: str
    mention: Mention | None = None  # the entity pass's mention (None for a role phrase)
    head: str = ""  # last word, lower-case (for roles)
    exact: bool = True  # False: the slot is not the entity pass's span (a title or a stray word cut off)


@dataclass
class Sentence:
    """One parsed sentence and what the rules know about it."""

    doc: object  # spacy Doc of this sentence alone
    offset: int  # char offset of the sentence in the message text
    slots: list[Slot] = field(default_factory=list)
    tok2slot: dict[int, int] = field(default_factory=dict)
    rendered: str = ""
    char2tok: list[int] = field(default_factory=list)  # rendered char -> first token of its unit
    unit_tokens: list[tuple[int, int]] = field(default_factory=list)  # unit -> token range


def _is_cap(tok) -> bool:
    return tok.text[:1].isupper()


def find_roles(doc, taken: set[int]) -> list[tuple[int, int]]:
    """Role phrases: modifiers + a head noun ("Deputy Managing Director", "Chief Insp of Prisons")."""
    lex = lexicon()
    spans: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        low = tok.lower_
        if i not in taken and tok.text in lex.role_abbreviations and i + 1 < n and (i + 1) in taken \
                and not (i > 0 and doc[i - 1].like_num):  # "at 3 PM X arrived": a time
            spans.append((i, i + 1))  # an abbreviated title right before a name ("SoS X")
            i += 1
            continue
        if i in taken or low not in lex.role_heads:
            i += 1
            continue
        # a head word; walk left over modifiers (any title-case word in a Title Case run)
        start = i
        j = i - 1
        while j >= 0 and j not in taken:
            lj = doc[j].lower_
            if lj in lex.role_modifiers or lj in lex.role_heads or (
                _is_cap(doc[j]) and _is_cap(tok) and doc[j].is_alpha and lj not in lex.honorifics
                and doc[j].pos_ not in ("DET", "PRON", "ADP", "VERB", "AUX") and j > 0
            ):
                start = j
                j -= 1
            elif lj == "-" and j > 0 and (j - 1) not in taken and doc[j - 1].lower_ in lex.role_modifiers \
                    and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
                start = j - 1  # "co-director", "vice-chairman" split into three tokens
                j -= 2
            else:
                break
        end = i + 1
        # absorb further heads ("Minister ... and Lord Chancellor" stays split; "Chief Executive")
        while end < n and end not in taken and doc[end].lower_ in lex.role_heads and _is_cap(doc[end]) == _is_cap(tok):
            end += 1
        # "Secretary General", "Attorney General", "Director General": a trailing General is part of the title
        if end < n and end not in taken and doc[end].lower_ == "general" and _is_cap(doc[end]) == _is_cap(tok):
            end += 1
        # "of Prisons", "of State for ..." : title-case words after "of" that are no name
        if end + 1 < n and doc[end].lower_ == "of" and end + 1 not in taken and _is_cap(doc[end + 1]) \
                and _is_cap(doc[end - 1]) and doc[end + 1].lower_ not in lex.honorifics:
            k = end + 1
            while k < n and k not in taken and _is_cap(doc[k]) and doc[k].is_alpha and k - end <= 3:
                k += 1
            end = k
        # a lone lower-case head that is really a verb or adjective ("chair a meeting") is no role
        if end - start == 1 and not _is_cap(tok) and tok.pos_ not in ("NOUN", "PROPN", ""):
            i += 1
            continue
        spans.append((start, end))
        i = end
    return spans


# title-case only because they open the sentence: "New", "Former" ... before an organisation's name
NOT_NAME_OPENERS = frozenset({"new", "former", "ex", "then", "acting", "interim", "outgoing", "incoming", "embattled"})


# a broadcast frequency ("101.5", "96.3") written before a station's name
FREQUENCY = re.compile(r"[0-9]{2,3}\.[0-9]")


def _acronym(tok) -> bool:
    return tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 5


def org_span(doc, a: int, b: int, taken: set[int], lex) -> tuple[int, int]:
    """The organisation's own name inside (or around) the entity pass's span, for a relation end:
    - leading lower-case words are no part of a name ("pro-European Democratic Left", "the");
    - an acronym followed by portfolio words and a role is the body ("EU Migration Commissioner":
      EU, the rest is the role) unless a word of the rest names an institution ("UN Security Council");
    - a title-case "The" inside a sentence belongs to the name ("director of The Centre for X");
    - so does a hyphenated pair of title-case words right before it ("the German-Dutch Chamber");
    - a party's name runs on over "of" and its country ("the Democratic Green Party of Rwanda") and
      takes a title-case word right before it ("the rightist Austrian People's Party")."""
    while a < b - 1 and doc[a].is_lower:
        # "pro-European" may be one token or three ("pro", "-", "European")
        a += 3 if a + 3 < b and doc[a + 1].text == "-" else 1
    if b - a >= 2 and _acronym(doc[a]) and b < len(doc) and doc[b].lower_ in lex.role_heads \
            and all(t.text[:1].isupper() and t.lower_ not in lex.institution_words for t in doc[a + 1:b]):
        b = a + 1
    if a >= 3 and doc[a - 2].text == "-" and doc[a - 1].is_title and doc[a - 3].is_title and doc[a - 3].is_alpha \
            and not doc[a - 3].whitespace_ and not doc[a - 2].whitespace_ and not any(x in taken for x in (a - 3, a - 2, a - 1)):
        a -= 3  # "the German-Dutch Chamber of Commerce": a hyphenated pair of title-case words opens the name
    if doc[b - 1].lower_ == "party" and a >= 2 and doc[a - 1].is_title and doc[a - 1].is_alpha and (a - 1) not in taken \
            and doc[a - 2].is_lower:
        a -= 1  # "the rightist Austrian People's Party": the nationality opens a party's name
    if doc[b - 1].lower_ == "party" and b + 1 < len(doc) and doc[b].lower_ == "of" and doc[b + 1].is_title \
            and doc[b + 1].is_alpha and b not in taken and (b + 1) not in taken:
        b += 2  # "the Democratic Green Party of Rwanda": a party's name runs on to its country
        while b < len(doc) and b - a < 12 and doc[b].is_title and doc[b].is_alpha and b not in taken:
            b += 1
    if a >= 2 and doc[a - 1].text == "The" and (a - 1) not in taken and doc[a - 2].is_alpha \
            and doc[a - 2].text[:1].islower():
        a -= 1
    elif a >= 3 and doc[a - 1].text == "The" and FREQUENCY.fullmatch(doc[a - 2].text) \
            and not any(x in taken for x in (a - 2, a - 1)):
        a -= 2  # "branded as 101.5 The Bear": a station's frequency opens its name
    return a, b


def split_joined(doc, a: int, b: int, lex) -> int | None:
    """The "to" / "for" token inside an organisation span that joins two names the entity pass ran
    together: "a challenge by <X Ltd to Y Council>", "lobbied the <Ministry of Housing for Z Group>".
    "to" never stands inside a name of title-case words; "for" does ("Department for Transport",
    "Society for the Protection of Birds"), so it splits only where the words after it are a
    name of their own: title case, two or more, ending in an institution word ("Group", "Council")."""
    for i in range(a + 1, b - 1):
        w = doc[i].text
        if w not in ("to", "for"):
            continue
        before, after = doc[a:i], doc[i + 1:b]
        if not (before[0].text[:1].isupper() and all(t.text[:1].isupper() or not t.is_alpha for t in after)):
            continue
        if w == "to" or (len(after) >= 2 and after[-1].lower_.rstrip(".") in lex.institution_words):
            return i
    return None


def repeats(doc, names: dict[str, str], taken: set[int]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, slot type) where a name the entity pass found elsewhere in the
    message ("Spicejet", type ORG) appears again untagged ("... Spicejet Chairman X said"). A
    title-case word next to it that is no role word means a longer name: left alone."""
    lex = lexicon()
    out = []
    n = len(doc)
    if not names:
        return out
    by_first: dict[str, list] = {}
    for text, st in names.items():  # longest first (the caller's order)
        words = text.split()
        by_first.setdefault(words[0], []).append((words, st))
    for i in range(n):
        if i in taken or doc[i].text not in by_first:
            continue
        for words, st in by_first[doc[i].text]:
            k = len(words)
            if i + k > n or [t.text for t in doc[i:i + k]] != words or any(j in taken for j in range(i, i + k)):
                continue
            around = [doc[j] for j in (i - 1, i + k) if 0 <= j < n]
            if any(t.text[:1].isupper() and t.is_alpha and j not in taken and t.lower_ not in lex.role_heads
                   and t.lower_ not in lex.role_modifiers and t.lower_ not in lex.honorifics and not t.is_sent_start
                   for j, t in zip((i - 1, i + k), around)):
                continue
            out.append((i, i + k, st))
            taken.update(range(i, i + k))
            break
    return out


def build(doc, offset: int, mentions: list[Mention], names: dict[str, str] | None = None) -> Sentence:
    """Slots for the mentions inside this sentence plus the role phrases around them; `names`
    (text -> slot type) are names found elsewhere in the message, slotted where they recur here."""
    sent = Sentence(doc=doc, offset=offset)
    lex = lexicon()
    taken: set[int] = set()
    raw: list[Slot] = []
    for m in mentions:
        st = LABEL_TO_SLOT.get(m.label)
        if st is None:
            continue
        span = doc.char_span(m.evidence.start - offset, m.evidence.end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        a, b = span.start, span.end
        a0, b0 = a, b
        # a name the entity pass read with its title ("Justice Secretary Jane Roe"): leave the
        # title to the role finder, keep the name
        if st == "PER":
            while a < b - 1 and (doc[a].lower_ in lex.role_heads or doc[a].lower_ in lex.role_modifiers
                                 or doc[a].lower_ in lex.honorifics) and doc[a + 1].text[:1].isupper():
                a += 1
        if st == "ORG":
            a, b = org_span(doc, a, b, taken, lex)
            # "New World Bank President X" opening a sentence: "New" is the news, not the name, when
            # the message also names "World Bank" alone
            if a == 0 and b - a >= 3 and doc[a].lower_ in NOT_NAME_OPENERS and (names or {}).get(doc[a + 1:b].text) == "ORG":
                a += 1
        # an "organisation" that is only role words ("Deputy Managing Director") is a role
        if st == "ORG" and all(t.lower_ in lex.role_heads or t.lower_ in lex.role_modifiers or t.lower_ in ("of", "the") for t in doc[a:b]):
            continue
        if any(t in taken for t in range(a, b)):
            continue
        taken.update(range(a, b))
        cut = split_joined(doc, a, b, lex) if st == "ORG" else None
        if cut is not None:
            # two organisations the entity pass read as one ("<X to Y>"): two ends, new mentions
            raw.append(Slot(st, a, cut, doc[a:cut].text, None, exact=False))
            raw.append(Slot(st, cut + 1, b, doc[cut + 1:b].text, None, exact=False))
            continue
        raw.append(Slot(st, a, b, doc[a:b].text, m, exact=(a, b) == (a0, b0)))
    for a, b, st in repeats(doc, names or {}, taken):
        raw.append(Slot(st, a, b, doc[a:b].text, None))
    for a, b in find_roles(doc, taken):
        raw.append(Slot("ROLE", a, b, doc[a:b].text, None, doc[b - 1].lower_ if doc[b - 1].lower_ != "of" else doc[a].lower_))
        taken.update(range(a, b))
    raw.sort(key=lambda s: s.start)
    for idx, s in enumerate(raw):
        if s.type == "ROLE":
            # the role's head word: the last role head in it (before any "of ...")
            words = lex.role_abbreviations.get(s.text, s.text).split() if s.end - s.start == 1 else \
                [t.text for t in doc[s.start:s.end]]
            heads = [w.lower() for w in words if w.lower() in lex.role_heads]
            s.head = heads[-1] if heads else doc[s.end - 1].lower_
        for t in range(s.start, s.end):
            sent.tok2slot[t] = idx
    sent.slots = raw
    render(sent)
    return sent


def render(sent: Sentence) -> None:
    """The sentence as ' '-joined units, each slot one symbol like <PER#0>, words lower-cased."""
    doc = sent.doc
    parts: list[str] = []
    char2tok: list[int] = []
    units: list[tuple[int, int]] = []
    i = 0
    pos = 0
    while i < len(doc):
        si = sent.tok2slot.get(i)
        if si is not None:
            s = sent.slots[si]
            piece = f"<{s.type}#{si}>"
            rng = (s.start, s.end)
            i = s.end
        else:
            piece = doc[i].lower_.replace(" ", "_") or "_"
            if piece.startswith("<"):
                piece = "‹" + piece[1:]
            rng = (i, i + 1)
            i += 1
        parts.append(piece)
        units.append(rng)
        char2tok.extend([len(units) - 1] * (len(piece) + 1))
        pos += len(piece) + 1
    sent.rendered = " ".join(parts)
    sent.char2tok = char2tok
    sent.unit_tokens = units
