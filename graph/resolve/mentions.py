"""Mention clean-up before clustering: one mention per span, acronyms used as common nouns
dropped, "Quill and Marsh" joined where an organisation is named so, words the model cut
out of a longer name."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from graph.model import MergeDecision, Mention
from graph.nlp import acronym_letters, is_acronym
from graph.resolve.names import norm_name


def dedupe(mentions) -> list[Mention]:
    """One mention per span: where two stages typed the same span, the NER/rule mention wins."""
    mentions, _ = drop_common(mentions)
    best: dict[str, Mention] = {}
    order: list[str] = []
    for m in mentions:
        prev = best.get(m.ref)
        if prev is None:
            best[m.ref] = m
            order.append(m.ref)
        elif not _primary(prev) and _primary(m):
            best[m.ref] = m
    out = [best[r] for r in order]
    # a thread name found over a shorter mention of its type ("Acme travel" for "Acme Travel",
    # see propagate_names) replaces it
    wide: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for m in out:
        if m.source == "rule.thread_name":
            ev = m.evidence
            wide[(ev.thread, ev.message)].append((ev.start, ev.end, m.label))
    if not wide:
        return out
    return [m for m in out if not any(
        a <= m.evidence.start and m.evidence.end <= b and b - a > m.evidence.end - m.evidence.start and lab == m.label
        for a, b, lab in wide.get((m.evidence.thread, m.evidence.message), ()))]


def drop_common(mentions) -> tuple[list[Mention], list[MergeDecision]]:
    """Drop the mentions of an acronym that its thread uses as a common noun or a scheme (marks of
    label "Common" from graph.extract.thread_mentions.common_acronym_marks: "how many POs", "the
    Transforming Rehabilitation programme" for "TR"); the marks go too."""
    marks = {(m.evidence.thread, m.attrs.get("letters")): m for m in mentions if m.label == "Common"}
    if not marks:
        return list(mentions), []
    out, decisions, seen = [], [], set()
    for m in mentions:
        if m.label == "Common":
            continue
        text = m.text.strip()
        # (also the acronym in another case that propagate_names found from it: "crc" for "CRC")
        shaped = is_acronym(text) or m.source == "rule.thread_name" and text.isalpha()
        mark = marks.get((m.evidence.thread, acronym_letters(text) if is_acronym(text) else text.lower())) \
            if " " not in text and shaped else None
        if mark is not None and m.label in ("Person", "Organization", "Place"):
            if (m.evidence.thread, text) not in seen:
                seen.add((m.evidence.thread, text))
                decisions.append(MergeDecision(kept=text, merged=mark.text, type=m.label, merged_apart=True,
                                               reason=f"no entity: a common noun in its thread ({mark.attrs.get('why')})"))
            continue
        out.append(m)
    return out, decisions


def _primary(m: Mention) -> bool:
    return m.source == "ner" or m.source.startswith("rule.")


def joined_names(mentions: list[Mention]) -> tuple[list[Mention], list[MergeDecision]]:
    """Two one-word names the model tagged side by side, "Quill and Marsh" (or "Quill & Marsh"),
    that are an organisation's name written elsewhere in the corpus ("Quill & Marsh" as a firm)
    are one mention of that organisation, not two people."""
    orgs = {norm_name(m.text, "Organization") for m in mentions if m.label == "Organization" and " and " in
            norm_name(m.text, "Organization")}
    if not orgs:
        return mentions, []
    out: list[Mention] = []
    decisions: list[MergeDecision] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and a.label in ("Person", "Organization") and b.label in ("Person", "Organization") \
                and (a.evidence.thread, a.evidence.message) == (b.evidence.thread, b.evidence.message) \
                and b.evidence.start - a.evidence.end in (3, 5) and " " not in a.text.strip() + b.text.strip():
            joiner = " and " if b.evidence.start - a.evidence.end == 5 else " & "
            text = a.text + joiner + b.text
            if norm_name(text, "Organization") in orgs:
                ev = replace(a.evidence, end=b.evidence.end, quote=text)
                out.append(Mention(text=text, label="Organization", evidence=ev, source="rule.joined_name"))
                decisions.append(MergeDecision(kept=text, merged=f"{a.text}; {b.text}",
                                               reason="two names that an organisation's name joins", type="Organization"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out, decisions


def names_cut_short(mentions: list[Mention]) -> set[tuple[str, str]]:
    """(thread, one-word name) where the model tagged the word inside a longer name that
    propagate_names then found over it ("Acme" of "Acme travel")."""
    wide = defaultdict(list)
    for m in mentions:
        if m.source == "rule.thread_name" and m.label == "Organization" and " " in m.text.strip():
            wide[(m.evidence.thread, m.evidence.message)].append(m)
    out = set()
    for m in mentions:
        if m.source != "ner" or m.label != "Organization" or " " in m.text.strip():
            continue
        for w in wide.get((m.evidence.thread, m.evidence.message), ()):
            if w.evidence.start == m.evidence.start and m.evidence.end < w.evidence.end:
                out.add((m.evidence.thread, norm_name(m.text, "Organization")))
    return out
