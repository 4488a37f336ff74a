"""Acronym entities: acronyms defined in the text ("Ministry of Defence (MoD)", and every later
"MoD"), unknown all-caps names, and the dropping of acronyms the text uses as common nouns."""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from graph.nlp.acronyms import acronym_letters, capitalised_phrase_before, common_acronyms, is_acronym, stands_for
from graph.nlp.spans import ROMAN, ruled
from graph.nlp.words import QUOTES


def add_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Long Name (LN)" or "LN (Long Name)": tag LN everywhere in the doc like Long Name."""
    defined: dict[str, tuple[str, str]] = {}
    new_long: list[Span] = []
    by_end = {e.end: e for e in ents}
    by_start = {e.start: e for e in ents}
    for i, tok in enumerate(doc[:-2]):
        if tok.text != "(" or doc[i + 2].text != ")":
            continue
        inner = doc[i + 1]
        if not is_acronym(inner.text):
            continue
        j = i - 1 if i > 1 and doc[i - 1].text in QUOTES else i  # '" Quorvel Front " (QF)'
        long_ent = by_end.get(j)
        if long_ent is not None and stands_for(inner.text, [t.text for t in long_ent]):
            defined.setdefault(acronym_letters(inner.text), (long_ent.text, long_ent.label_))
        elif long_ent is None:
            # an untagged capitalised phrase whose initials the acronym is: "Islamic State (IS)"
            long = capitalised_phrase_before(doc, j, len(acronym_letters(inner.text)))
            # the shortest tail of the phrase that the acronym spells: "German [Islamic State] (IS)"
            tails = [long[k:] for k in range(len(long) - 1, -1, -1)] if long is not None else []
            long = next((t for t in tails if len(t) >= 2 and t[0].lower_ not in ("of", "for", "and", "the", "&")
                         and stands_for(inner.text, [x.text for x in t])), None)
            if long is not None:
                span = ruled(Span(doc, long.start, long.end, label="ORG"), "rule.acronym")
                over = [e for e in ents if e.start < span.end and span.start < e.end]
                # (a nationality word the model tagged inside it gives way: '" Islamic State " (IS)')
                if all(e.label_ == "NORP" and span.start <= e.start and e.end <= span.end for e in over):
                    ents = [e for e in ents if e not in over]
                    new_long.append(span)
                    defined.setdefault(acronym_letters(inner.text), (span.text, "ORG"))
    # "LN (Long Name)" form
    for i, tok in enumerate(doc[:-1]):
        if doc[i + 1].text == "(" and is_acronym(tok.text):
            inner = by_start.get(i + 2)
            if inner is not None and inner.end < len(doc) and doc[inner.end].text == ")" and \
                    stands_for(tok.text, [t.text for t in inner]):
                defined.setdefault(acronym_letters(tok.text), (inner.text, inner.label_))
    doc._.acronyms = {}
    if not defined:
        return ents
    ents = list(ents) + new_long
    taken = {i for e in ents for i in range(e.start, e.end)}
    new = list(ents)
    for tok in doc:
        if tok.i in taken or not is_acronym(tok.text):
            continue
        hit = defined.get(acronym_letters(tok.text))
        if hit:
            new.append(ruled(Span(doc, tok.i, tok.i + 1, label=hit[1]), "rule.acronym"))
            doc._.acronyms[tok.text] = hit[0]
    for e in ents:
        hit = defined.get(acronym_letters(e.text)) if len(e) == 1 else None
        if hit and is_acronym(e.text):
            doc._.acronyms[e.text] = hit[0]
    return new


def add_all_caps(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """An unknown all-caps word of 2-6 letters in mixed-case text is most often an organisation."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    new = list(ents)
    for tok in doc:
        t = tok.text
        if tok.i in taken or not (2 <= len(t) <= 6) or not t.isalpha() or not t.isupper():
            continue
        low = t.lower()
        if low in STOP_WORDS or low in rules.lex["not_entities"] or t in rules.role_words or ROMAN.match(t):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text in "-/" and not tok.whitespace_:
            continue  # part of a hyphenated or slashed name: "ABC-TASS"
        # shouting: the neighbours are capitals too ("THANK YOU", "NOT 'Rightly'")
        neigh = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
        if any(n.is_upper and len(n) > 1 for n in neigh):
            continue
        new.append(ruled(Span(doc, tok.i, tok.i + 1, label="ORG"), "rule.all_caps"))
    return _caps_pairs(rules, doc, new)


def _caps_pairs(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "QRST CRC sent an email": an unknown all-caps word right before a one-word acronym
    organisation is part of its name (two upper-case words, not a shouted phrase around them)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        p = e.start - 1
        if e.label_ == "ORG" and len(e) == 1 and is_acronym(e.text) and p >= 0 and p not in taken:
            t = doc[p]
            loud = (p > 0 and doc[p - 1].is_upper and doc[p - 1].is_alpha) or (
                e.end < len(doc) and doc[e.end].is_upper and doc[e.end].is_alpha)
            if t.is_alpha and t.is_upper and 2 <= len(t) <= 6 and t.whitespace_ and not loud \
                    and t.lower_ not in STOP_WORDS and t.lower_ not in rules.lex["not_entities"] \
                    and t.text not in rules.role_words and not ROMAN.match(t.text):
                e = ruled(Span(doc, p, e.end, label="ORG"), "rule.all_caps")
        out.append(e)
    return out


def drop_common_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """An acronym used as a common noun in the text names a kind of thing, not a body: written
    in the plural ("two POs", "the TPOs") or after "a"/"an" with no noun after it ("an SFO
    may be committed"; "an FBI agent" is a body's name used as a modifier). Its entities in
    the document are dropped, unless the text defines it ("Long Name (LN)")."""
    common = common_acronyms(doc)
    if not common:
        return ents
    defined = {acronym_letters(a) for a in (doc._.acronyms or {}) if is_acronym(a)}
    return [e for e in ents if not (len(e) == 1 and is_acronym(e.text) and e._.rule != "rule.known_org"
                                    and acronym_letters(e.text) in common - defined)]
