"""One name, one type within a document, every occurrence of it tagged; and the short form
of an organisation name ("Quorvel" after "Quorvel Health plc")."""
from __future__ import annotations

import collections

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from graph.nlp.spans import CONTEXT_RULES, NAME_LABELS, ruled


def consistent(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """One name, one type within a document, and every occurrence of it tagged.

    - a one-word name that is the first or last word of a multi-word PERSON in the same
      document is that person ("Jo Quillon" ... "Quillon"), whatever the model said;
    - a name tagged with several types takes the one it has at least twice as often;
    - an untagged occurrence of a tagged name gets the tag ("Quillon" missed the 2nd time);
    - "Afghan Quorvel" where the document also names "Quorvel" alone as an organisation: the
      nationality word is no part of the name (unlike "British Westways", never said alone; the
      rest named alone twice or more, and no body's common name: "European Parliament").
    """
    names = NAME_LABELS - {"NORP"}
    org_texts = collections.Counter(e.text for e in ents if e.label_ == "ORG")
    # (not where the rest is a body's common name: "European Parliament", "Irish Labour Party")
    bodies = rules.lex["org_suffixes"] | rules.lex["org_prefixes"]
    ents = [ruled(Span(doc, e.start + 1, e.end, label="ORG"), "rule.consistency")
            if e.label_ == "ORG" and len(e) >= 2 and e[0].text in rules.lex["demonyms"]
            and org_texts[doc[e.start + 1:e.end].text] >= 2 and e._.rule != "rule.org_shape"
            and not {t.text for t in e[1:]} & bodies else e for e in ents]
    # "Christina Quill" (the model's organisation) where the text also says "Quill" alone as a
    # person, and never as an organisation: a person's full name
    alone = {}
    for e in ents:
        if len(e) == 1:
            alone.setdefault(e.text, set()).add(e.label_)
    shape_words = rules.lex["org_suffixes"] | rules.lex["org_prefixes"] | rules.lex["org_heads"]
    ents = [ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.consistency")
            if e.label_ == "ORG" and e._.rule is None and 2 <= len(e) <= 3 and all(t.is_title for t in e)
            and alone.get(e[-1].text) == {"PERSON"} and not any(t.text in shape_words for t in e)
            and not (e.end < len(doc) and doc[e.end].lower_ in rules.lex["org_heads"]) else e for e in ents]
    person_parts: dict[str, int] = {}
    other_parts: set[str] = set()
    for e in ents:
        if len(e) >= 2 and e.label_ == "PERSON":
            for t in (e[0], e[-1]):
                if t.is_alpha and t.is_title and not t.is_stop:
                    person_parts[t.text] = person_parts.get(t.text, 0) + 1
        elif len(e) >= 2 and e.label_ in names:
            other_parts.update(t.text for t in e)
    told_other = {e.text for e in ents if e._.rule in CONTEXT_RULES and e.label_ != "PERSON"}
    person_parts = {k: v for k, v in person_parts.items() if k not in other_parts and k not in told_other}
    out = []
    for e in ents:
        if len(e) == 1 and e.label_ in names and e.label_ != "PERSON" and e.text in person_parts \
                and e._.rule not in CONTEXT_RULES:
            e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.consistency")
        out.append(e)
    votes: dict[str, dict[str, int]] = {}
    for e in out:
        if e.label_ in names:
            v = votes.setdefault(e.text, {})
            v[e.label_] = v.get(e.label_, 0) + 1
    major = {}
    context: dict[str, set[str]] = {}
    for e in out:
        if e.label_ in names and e._.rule in CONTEXT_RULES:
            context.setdefault(e.text, set()).add(e.label_)
    for text, v in votes.items():
        if len(context.get(text, ())) == 1:  # the words around one occurrence said what it is
            major[text] = next(iter(context[text]))
            continue
        ranked = sorted(v.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            major[text] = ranked[0][0]
    out = [ruled(Span(doc, e.start, e.end, label=major[e.text]), "rule.consistency")
           if e.text in major and major[e.text] != e.label_ and e._.title is None else e for e in out]
    # untagged occurrences
    taken = [False] * len(doc)
    owner: dict[int, Span] = {}
    for e in out:
        for i in range(e.start, e.end):
            taken[i] = True
            owner[i] = e
    seqs: dict[tuple[str, ...], str] = {}
    for e in out:
        if e.text in major and e.label_ in names and all(t.is_title or t.is_upper or not t.is_alpha for t in e):
            seqs.setdefault(tuple(t.text for t in e), major[e.text])
    for part in person_parts:
        seqs.setdefault((part,), "PERSON")
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        if seq[0].lower() in STOP_WORDS or seq[0].lower() in rules.lex["not_entities"]:
            continue
        by_first.setdefault(seq[0], []).append(seq)
    added = []
    dropped: set[Span] = set()

    def inner(a: int, b: int, label: str) -> list[Span] | None:
        """The entities over tokens a..b if each lies inside them and is a nationality word or of
        `label` ('" Islamic State "' where the model tagged "Islamic" alone), else None."""
        found = {owner[i] for i in range(a, b) if i in owner}
        if any(x.start < a or x.end > b or len(x) >= b - a or x.label_ not in ("NORP", label) or x in dropped
               for x in found) or len({x.label_ for x in found}) > 1:
            return None  # ("Afghan Taliban": a nationality word and a name are two things)
        return list(found)

    for tok in doc:
        if tok.text not in by_first or taken[tok.i] and tok.i in owner and owner[tok.i].start < tok.i:
            continue
        for seq in sorted(by_first[tok.text], key=len, reverse=True):
            end = tok.i + len(seq)
            if end > len(doc) or tuple(t.text for t in doc[tok.i:end]) != seq:
                continue
            # a longer name over a shorter tag inside it: only for names of two or more words
            under = inner(tok.i, end, seqs[seq]) if len(seq) >= 2 else None
            if any(taken[tok.i:end]) and not under:
                continue
            # not glued to a longer capitalised phrase ("Quillon Street")
            if end < len(doc) and doc[end].is_title and not doc[end].is_sent_start and not (
                    doc[end].is_stop and len(doc[end]) > 1 and not (end + 1 < len(doc) and doc[end + 1].lower_ == "the")):
                break  # (a capitalised stop word starts something else: "Party backs Quill On Tuesday";
                # not "Quill I", "Rage Against the Machine")
            if tok.i > 0 and doc[tok.i - 1].is_title and not tok.is_sent_start:
                break
            dropped.update(under or ())
            added.append(ruled(Span(doc, tok.i, end, label=seqs[seq]), "rule.consistency"))
            for i in range(tok.i, end):
                taken[i] = True
            break
    out = [e for e in out if e not in dropped]
    return out + added


def short_forms(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Quorvel Health plc won. When Quorvel took over ...": the first word of an organisation
    name that ends in an organisation suffix ("plc", "Group", "Services") is its short form in
    the same document: a model person (no title) or an untagged occurrence of it is that
    organisation. Not a common given name, a nationality or a word of a person's full name."""
    suffixes = rules.lex["org_suffixes"]
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) >= 2 for t in e}
    shorts = {e[0].text for e in ents if e.label_ == "ORG" and len(e) >= 2 and e[-1].text in suffixes
              and e[1].is_alpha and e[0].whitespace_  # not "Westby-Quill Corp."
              and e[0].is_title and e[0].is_alpha and len(e[0]) >= 3 and not e[0].is_stop
              and e[0].lower_ not in rules.lex["first_names"] and e[0].text not in rules.lex["demonyms"]
              and e[0].text not in suffixes | rules.lex["org_prefixes"] | rules.role_words}
    shorts -= person_words
    if not shorts:
        return ents
    out = []
    for e in ents:
        if len(e) == 1 and e.text in shorts and e.label_ == "PERSON" and e._.title is None:
            e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.consistency")
        out.append(e)
    taken = {i for e in out for i in range(e.start, e.end)}
    for tok in doc:
        if tok.text in shorts and tok.i not in taken and not (
                tok.i + 1 < len(doc) and (doc[tok.i + 1].is_title or doc[tok.i + 1].text in suffixes)) \
                and not (tok.i > 0 and doc[tok.i - 1].is_title and not doc[tok.i - 1].is_stop
                         and not tok.is_sent_start):
            out.append(ruled(Span(doc, tok.i, tok.i + 1, label="ORG"), "rule.consistency"))
    return out
