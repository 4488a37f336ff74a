"""Mentions from a spaCy doc: people, organisations, places and roles, with evidence.

`mentions_from_doc(doc, thread_id, message)` reads the entities and role spans that
graph.nlp.load_nlp() put on the doc. Offsets are code points into `message.text`; the doc
may be built from the whole message text or from a piece of it (its offset is found).
Organisation kinds come from `org_kind()` (graph.names): the shape of the name against the keyword
table ontology/patterns/entities/org_kinds.tsv, then the words just before the name
("the charity X", "the union X").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from graph.extract.jargon import jargon_names
# the thread-level steps, and org_kind (graph.names), are re-exported here for their callers
from graph.extract.thread_mentions import (common_acronym_marks, initials_mentions,  # noqa: F401
                                           lower_case_names, propagate_names)
from graph.model import Evidence, Mention, Message
from graph.names import org_kind  # noqa: F401
from graph.nlp import CONTEXT_RULES, not_a_body

# spaCy label -> project label. FAC (buildings, prisons, airports) counts as a place.
LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
# A one-word name right after "personal", ending its clause, is a metaphor ("her personal Everest.")
_METAPHOR = re.compile(r"\bpersonal\s+$", re.I)


def _offset(doc: Doc, message: Message) -> int:
    if doc.text == message.text:
        return 0
    at = message.text.find(doc.text)
    if at < 0:
        raise ValueError(f"doc text is not part of message {message.id!r}")
    return at


def _sentence(span: Span) -> tuple[int, int]:
    doc = span.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        s = span.sent
        return s.start_char, s.end_char
    return 0, len(doc.text)


def _evidence(span: Span, thread_id: str, message: Message, base: int) -> Evidence:
    s0, s1 = _sentence(span)
    start, end = base + span.start_char, base + span.end_char
    return Evidence(thread=thread_id, message=message.id, start=start, end=end, quote=message.text[start:end],
                    sentence_start=base + s0, sentence_end=base + s1)


def mentions_from_doc(doc: Doc, thread_id: str, message: Message) -> list[Mention]:
    """Person, Organization, Place and Role mentions in document order."""
    base = _offset(doc, message)
    acronyms = doc._.acronyms or {}
    jargon = jargon_names([doc.text], {e.text for e in doc.ents if LABELS.get(e.label_) == "Organization"
                                       and not e.text in acronyms and not (e._.rule or "") in CONTEXT_RULES},
                          modifier=False)
    out: list[Mention] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        m = Mention(text=ent.text, label=label, evidence=_evidence(ent, thread_id, message, base),
                    source=ent._.rule or "ner")
        if label == "Organization" and m.source == "ner" and not_a_body(ent.text):
            continue
        if label == "Organization" and ent.text in jargon:
            continue
        if _METAPHOR.search(doc.text[max(0, ent.start_char - 20):ent.start_char]) \
                and " " not in ent.text and re.match(r"\s*(?:[.,;:!?)]|$)", doc.text[ent.end_char:]):
            continue  # "before it becomes his personal Waterloo."
        if label == "Organization":
            m.expansion = acronyms.get(ent.text)
            s0 = _sentence(ent)[0]
            before = doc.text[max(s0, ent.start_char - 40):ent.start_char]  # within its sentence
            m.kind = org_kind(m.expansion or ent.text, context=before)
        if ent._.title:
            m.attrs["title"] = ent._.title
        out.append(m)
    for span in doc.spans.get("roles", []):
        out.append(Mention(text=span.text, label="Role", evidence=_evidence(span, thread_id, message, base),
                           source="rule.role"))
    out.sort(key=lambda m: (m.evidence.start, m.evidence.end, m.label))
    _aliases(out, message.text)
    return out


# "X ... is officially known as (the) Y", "X, also called Y", "X, nicknamed Y": Y is another
# name of X. Not a renaming ("formerly known as", "renamed", "now called" with no adverb), which
# makes a new organisation out of an old one.
_ALIAS = re.compile(r"(?:\b(?:also|officially|commonly|popularly|locally|jokingly|affectionately|informally|"
                    r"sometimes|often|widely|better|simply|usually|now\s+\w+ly)\s+)?"
                    r"\b(?:known\s+as|called|nicknamed|dubbed|aka|a\.k\.a\.)\s+(?:the\s+)?[\"'“‘]?$", re.I)
_RENAME = re.compile(r"\b(?:formerly|previously|originally|initially|later|once|renamed|became|until|before|rebranded)\b"
                     r"|\ban?\s", re.I)  # (after "a"/"an" the phrase names a new thing: "a device known as Y")
_ALIAS_OPENERS = {"that", "which", "who", "but", "is", "was", "are", "were", "has", "had", "also", "officially", "commonly",
                  "popularly", "locally", "jokingly", "affectionately", "informally", "sometimes", "often", "widely",
                  "better", "simply", "usually", "now", "known", "called", "nicknamed", "dubbed", "aka", "a.k.a."}
_NOW_PLAIN = re.compile(r"\bnow\s+(?:known\s+as|called)\b", re.I)
# "X was known as Y until 2021": a name X had until a time is a former name (a renaming), no alias
_UNTIL = re.compile(r"[\s,]*(?:until|till|before|up\s+to)\b", re.I)


def _aliases(mentions: list[Mention], text: str) -> None:
    """Mark Y with attrs["alias_of"] = X's ref where the text between two names of one type in one
    sentence (X before Y, at most 80 characters apart) ends in an alias phrase (_ALIAS);
    graph.resolve joins them. Mutates the mentions it marks (they are new here)."""
    named = [m for m in mentions if m.label in ("Organization", "Person")]
    for x, y in zip(named, named[1:]):
        ex, ey = x.evidence, y.evidence
        if x.label != y.label or ex.sentence_start != ey.sentence_start or not 0 < ey.start - ex.end <= 80:
            continue
        between = text[ex.end:ey.start]
        first = re.match(r"[\s,\"'”’)]*([a-z][\w.]*)", between)
        if first and first.group(1) not in _ALIAS_OPENERS:
            continue  # "the EU mission, called Y": X is a modifier, Y names the mission
        if _ALIAS.search(between) and not _RENAME.search(between) and not _NOW_PLAIN.search(between) \
                and not _UNTIL.match(text[ey.end:ey.end + 20]):
            y.attrs["alias_of"] = x.ref
            if re.search(r"\bofficially\b", between, re.I):
                y.attrs["official"] = True  # the entity's preferred name

