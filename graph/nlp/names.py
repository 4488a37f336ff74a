"""Name boundaries: where a name the model found starts and ends (a leading "the", an
honorific kept as ``span._.title``, a trailing possessive or lower-case word, a spaced dash),
double-barrelled surnames, a given name or an odd-case surname the model left out."""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from graph.nlp.lexicon import read_list
from graph.nlp.spans import NAME_LABELS, ruled
from graph.nlp.words import MONTHS, SAYS, SPEECH

# comment adverbs and hedges opening a sentence ("Apparently Acme won"): never part of a name
ADVERBS = set(read_list("shapes_sentence_adverbs.txt"))


def legal_form(rules, tok) -> bool:
    """A company legal form ("Ltd", "Ltd.", "PLC"; in lower case only "plc", "ltd", "llp")."""
    w = tok.lower_.rstrip(".")
    return w in rules.lex["legal_forms"] and (not tok.is_lower or w in rules.lex["lower_forms"])


def adverb_opener(doc: Doc, i: int) -> bool:
    """doc[i] is a title-case comment adverb opening a sentence ("Reportedly Acme Group ...")."""
    t = doc[i]
    return t.lower_ in ADVERBS and t.is_title and (i == 0 or t.is_sent_start or doc[i - 1].is_punct
                                                   or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_)


def form_pieces(rules, span: Span) -> list[tuple[int, int]]:
    """(start, end) of the names a legal form inside `span` separates: "Acme Ltd and Quill plc"
    (two names each ending in a legal form), "Acme Ltd. Quill withdrew" (the form's point ends a
    sentence); also "Acme Ltd and Quill Group". A single form at the end covers the whole
    ("Marks and Sparks plc"); two forms in a row are one name's ("Acme Co., Ltd.", "Acme Co. Ltd")."""
    doc, pieces, start, i = span.doc, [], span.start, span.start + 1
    while i < span.end - 1:
        t, nxt = doc[i], doc[i + 1]
        if not legal_form(rules, t) or legal_form(rules, nxt) or (
                nxt.text == "," and i + 2 < span.end and legal_form(rules, doc[i + 2])):
            i += 1
            continue
        if nxt.lower_ in ("and", "&") and i + 2 < span.end - 1 and (
                legal_form(rules, doc[span.end - 1]) or doc[span.end - 1].text in rules.lex["org_suffixes"]):
            pieces.append((start, i + 1))
            start = i + 2
        elif t.text.endswith(".") and (nxt.is_title or nxt.is_upper) and nxt.is_alpha and t.lower_ != "co." \
                and nxt.text not in rules.lex["org_suffixes"]:  # (not "Quill & Co. Solicitors", "Acme Ltd. Group")
            pieces.append((start, i + 1))
            start = i + 1
        elif nxt.text == "." and i + 2 < span.end:
            pieces.append((start, i + 1))
            start = i + 2
        else:
            i += 1
            continue
        i = start + 1
    if pieces:
        pieces.append((start, span.end))
    return pieces


def trim(rules, ent: Span) -> Span | None:
    """Drop a leading "the"/possessive, and a PERSON's honorific (kept in span._.title)."""
    doc, start, end, title = ent.doc, ent.start, ent.end, None
    if ent.label_ not in NAME_LABELS:
        return ent
    while start < end and (doc[start].lower_ in ("the", "a", "an", "our", "my", "their", "his", "her")
                           or doc[start].is_punct or doc[start].is_space):
        start += 1
    # a sentence opener glued to a name: "Later Smith", "However Acme"
    if end - start > 1 and doc[start].is_title and (doc[start].lower_ in STOP_WORDS or doc[start].lower_ in ADVERBS
                                                    or doc[start].lower_ in rules.lex["not_entities"]):
        if start == 0 or doc[start - 1].is_punct or doc[start - 1].is_space or doc[start].is_sent_start:
            start += 1
            while start < end - 1 and (doc[start].is_space or doc[start].is_punct):
                start += 1  # "Bravo\n\nJo Roe": the line break after the cut opener goes too
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", "-", ",", ".") or doc[end - 1].is_space
                           or doc[end - 1].is_punct and doc[end - 1].text not in ".)") and end - 1 > start:
        if doc[end - 1].text == "." and len(doc[end - 2].text) <= 3:  # "Inc." / "Ltd."
            break
        end -= 1
    # "Skadden, Arps said Popeyes": a name never runs across a reporting verb
    verb = next((t.i for t in doc[start + 1:end] if t.is_lower and t.lower_ in SAYS | SPEECH), None)
    if verb is not None:
        end = verb
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    # "Westby-Quill Corp. of Westby": after a legal form, "of" + a place is no part of the name
    legal = next((t.i for t in doc[start + 1:end - 1] if t.lower_ == "of" and
                  doc[t.i - 1].lower_.rstrip(".") in rules.lex["legal_forms"]), None)
    if legal is not None:
        end = legal
    opens = [t.i for t in doc[start:end] if t.text == "("]
    if opens and not any(t.text == ")" for t in doc[opens[0]:end]) and opens[0] > start:
        end = opens[0]  # "Ministry of Fisheries (MoF": the bracket starts something else
    label = ent.label_
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and (
            label != "PERSON" or doc[end - 1].lower_ in ("of", "and", "the", "for", "at", "in", "from")) \
            and not (label != "PERSON" and legal_form(rules, doc[end - 1]) and doc[end - 2].is_title):
        # (but a lower-case legal form after a title-case name is its end: "Dunmore Facilities plc")
        end -= 1  # names end in a capitalised word: "Acme Society wildlife" -> "Acme Society", "Jo Roe of" -> "Jo Roe"
        while end - start > 1 and doc[end - 1].text in ("-", ","):
            end -= 1  # "Jo Roe-and" -> "Jo Roe"
    gendered = {h for h, g in rules.lex["honorifics"].items() if g in ("m", "f") and h not in ("Lord", "Lady")}
    if label != "PERSON" and (doc[start].text in gendered and end - start > 1
                              or start > 0 and doc[start - 1].text in gendered and doc[start].is_title):
        label = "PERSON"  # "Mr Smith" is a person whatever the model said
    elif label in ("ORG", "GPE", "NORP") and end - start == 2 and doc[start].text in rules.lex["honorifics"] \
            and doc[start + 1].is_title and doc[start + 1].is_alpha and not doc[start + 1].is_sent_start \
            and not (start > 0 and doc[start - 1].is_title) \
            and doc[start + 1].text not in rules.lex["org_suffixes"] | rules.role_words:
        label = "PERSON"  # "SoS Quill", "Sgt Roe": a title abbreviation and one name
    elif label in ("ORG", "GPE", "NORP") and end - start >= 3 and doc[start].text in rules.lex["honorifics"] \
            and doc[start].text not in ("Lord", "Lady") \
            and all(t.is_title and t.is_alpha and t.text not in rules.lex["org_suffixes"] | rules.role_words
                    | rules.lex["org_prefixes"] for t in doc[start + 1:end]):
        label = "PERSON"  # "Cllr Jo Quint", "Dr Al Bee": a title and a full name
    # (only the informal "Govt": "the Zenith Government" is a name in formal text)
    if label == "ORG" and end - start > 1 and doc[end - 1].lower_ in ("govt", "gov't"):
        from graph.names import org_kind  # (a late import: graph.names imports graph.nlp)
        if org_kind(doc[start:end - 1].text) == "party":
            end -= 1  # "the New Zenith Govt": the party in government, not a body named so
    if label == "PERSON":
        while start < end - 1 and doc[start].text in rules.lex["honorifics"]:
            title = f"{title} {doc[start].text}" if title else doc[start].text
            start += 1
        before = start - 1
        while before >= 0 and doc[before].text in rules.lex["honorifics"] and before < ent.start \
                and not doc[start].is_sent_start:  # "... Hen Sen. Tabcorp": no title across a sentence end
            title = f"{doc[before].text} {title}" if title else doc[before].text  # "Mr [Tom Bramble]"
            before -= 1
        if start < end - 1 and doc[start].text.lower() == "hm":  # "HM Inspector ..." is a title
            return None
        # a title-case descriptor noun heading the sentence or headline: "Rapper Jo Roe" is Jo Roe
        while start < end - 1 and doc[start].is_title and doc[start].lower_ in rules.lex["person_descriptors"] \
                and doc[start + 1].is_title and doc[start + 1].is_alpha:
            start += 1
    if start >= end:
        return None
    span = Span(doc, start, end, label=label)
    if title:
        span._.title = title
    return span


def cut_dash(ent: Span) -> Span:
    """ "Jane Roe - Westby": a spaced dash ends a name."""
    for t in ent[1:]:
        if t.text in ("-", "–", "—") and t.whitespace_ and t.i > 0 and ent.doc[t.i - 1].whitespace_:
            span = Span(ent.doc, ent.start, t.i, label=ent.label_)
            if ent._.title:
                span._.title = ent._.title
            return span
    return ent


def hyphen_names(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Faure-Favier", "Ajayi-Adeniran": a person's name that starts right after a hyphen glued to a
    capitalised word takes that word in (a double-barrelled surname), over a one-word tag on it;
    a one-word person's name takes in an untagged given name right before it ("Mehmet Kaya")."""
    out = list(ents)
    taken = {i for x in ents for i in range(x.start, x.end)}
    for e in ents:
        s0 = e.start
        # "Ahmet Kaya" where the model tagged only "Kaya": a given name right before a person's
        # one-word name is part of it
        if e.label_ == "PERSON" and len(e) == 1 and s0 > 0 and s0 - 1 not in taken and e in out \
                and doc[s0 - 1].is_title and doc[s0 - 1].is_alpha and doc[s0 - 1].whitespace_ \
                and doc[s0 - 1].lower_ in rules.lex["first_names"] and doc[s0 - 1].lower_ not in STOP_WORDS \
                and doc[s0 - 1].lower_ not in MONTHS:
            span = ruled(Span(doc, s0 - 1, e.end, label="PERSON"), "rule.first_name")
            out = [x for x in out if x is not e] + [span]
            continue
        if e.label_ != "PERSON" or s0 < 2 or doc[s0 - 1].text not in ("-", "‐") or doc[s0 - 1].whitespace_ \
                or doc[s0 - 2].whitespace_ or not (doc[s0 - 2].is_title and doc[s0 - 2].is_alpha):
            continue
        over = [x for x in out if x.start <= s0 - 2 < x.end]
        if any(len(x) > 1 or x.label_ == "PERSON" for x in over) or e not in out:
            continue  # ("the Putin-Aso meeting": two people)
        span = ruled(Span(doc, s0 - 2, e.end, label="PERSON"), e._.rule or "rule.consistency")
        span._.title = e._.title
        out = [x for x in out if x not in over and x is not e] + [span]
    return out


def odd_case_surnames(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Jane SMITH", "Mark LEFTy": a person's name the model cut before a surname written in
    upper or odd case takes that word in (an upper-case first letter, a letter after it in
    upper case, no stop word, title or never-entity word)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        if e.label_ == "PERSON" and e.end < len(doc) and e[-1].whitespace_ and all(t.is_title for t in e):
            t = doc[e.end]
            odd = t.is_alpha and len(t) >= 3 and t.text[0].isupper() and not t.is_title \
                and any(c.isupper() for c in t.text[1:])
            if odd and t.i not in taken and not t.is_stop and t.lower_ not in rules.lex["not_entities"] \
                    and t.text not in rules.role_words and t.lower_ not in MONTHS:
                span = ruled(Span(doc, e.start, e.end + 1, label="PERSON"), "rule.odd_case")
                span._.title = e._.title
                e = span
        out.append(e)
    return out
