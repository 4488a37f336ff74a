"""Places told by the words around a name: definitions ("X is a small town"), "the town of
X", "born in X", news datelines, "in X." at the end of a clause, pairs of places."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.nlp.acronyms import is_acronym
from graph.nlp.spans import ruled
from graph.nlp.words import IN_COMPANY


def place_context(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """Places told by the words around a name (a model PERSON or ORG is retyped GPE):

    - "X is a small town in ...", "X was a village": a name defined as a place noun
      (place_nouns.txt), with at most three adjectives between (and "X is a British
      company": defined by an organisation head noun, it is an organisation);
    - "the town of X", "the region of X": a lower-case place noun + "of" right before it;
    - "born in X", "born at X"; "a councillor for X", "MP for X" (seat_holders.txt);
    - a news dateline: "WESTBY, Ohio (AP)", an all-caps name opening a line before a place.
    """
    nouns = rules.lex["place_nouns"]
    out = []
    for e in ents:
        # a news dateline: "WESTBY, Ohio (AP) -", the all-caps town at the start of a line
        if e.label_ in ("ORG", "PERSON") and all(t.is_upper for t in e if t.is_alpha) and e.end + 1 < len(doc) \
                and (e.start == 0 or "\n" in doc[e.start - 1].text_with_ws) and doc[e.end].text == "," \
                and any(x.start == e.end + 1 and x.label_ == "GPE" and x.end < len(doc)
                        and doc[x.end].text in ("(", "-", "--", "–", "—", "_") for x in ents):
            out.append(ruled(Span(doc, e.start, e.end, label="GPE"), "rule.dateline"))
            continue
        defined = _defined_as(rules, doc, e)
        # (where the model agreed too: a definition then types the name's other occurrences)
        if defined == "ORG" and e.label_ in ("PERSON", "GPE", "NORP", "ORG") and e._.rule is None \
                and e._.title is None:
            e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.org_head")
        elif defined == "PERSON" and e.label_ in ("ORG", "GPE", "NORP", "PERSON") and e._.rule is None:
            e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
        elif defined == "FAC" and e.label_ in ("ORG", "PERSON", "GPE", "FAC") and e._.rule is None \
                and e._.title is None:  # "X was a purpose-built establishment": a building
            e = ruled(Span(doc, e.start, e.end, label="FAC"), "rule.place_context")
        elif defined == "GPE" and e.label_ == "GPE" and e._.rule is None:
            e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_context")
        elif e.label_ == "ORG" and e._.rule is None and _place_then_region(rules, doc, e, ents):
            e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")
        elif e.label_ == "ORG" and e._.rule is None and len(e) == 1 and _org_in_place(rules, doc, e):
            e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")
        elif e.label_ == "GPE" and e._.rule is None and _in_place(rules, doc, e):
            e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")  # confirms it doc-wide
        elif e.label_ in ("PERSON", "ORG") and e._.rule is None and e._.title is None:
            b = [t.lower_ for t in doc[max(0, e.start - 2):e.start]]
            noun_of = len(b) == 2 and b[1] == "of" and b[0] in nouns and doc[e.start - 2].is_lower
            born = len(b) == 2 and b[0] == "born" and b[1] in ("in", "at")
            # "70 miles northeast of X", "just south of X"
            compass = len(b) == 2 and b[1] == "of" and b[0] in rules.lex["compass_words"] and doc[e.start - 2].is_lower
            # "a councillor for Eastgate", "MP for Westby": the seat (seat_holders.txt)
            seat = len(b) == 2 and b[1] == "for" and b[0] in rules.lex["seat_holders"] and len(e) == 1 \
                and e[0].is_title and e.text not in rules.lex["org_suffixes"]
            if defined == "GPE" or noun_of or born or compass or seat or e.label_ == "ORG" and _owns_place(rules, doc, e):
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_context")
            elif _in_place(rules, doc, e):
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")
        out.append(e)
    return out


def _place_then_region(rules, doc: Doc, e: Span, ents: list[Span]) -> bool:
    """ "the author's hometown of McKees Rocks, Pennsylvania,": a model organisation with no
    organisation word, then a comma and a place the model found, then the end of the phrase,
    is a place in that region (an address has a street or a company word: "Acme Ltd, Leeds")."""
    if e.end + 1 >= len(doc) or doc[e.end].text != "," or any(
            t.text in rules.lex["org_suffixes"] or t.text in rules.lex["org_prefixes"] or t.is_upper
            or t.lower_ in rules.lex["org_heads"] for t in e):
        return False
    if e.start > 0 and doc[e.start - 1].text == ",":
        return False  # an item of a list ("Arsenal, Madrid and Ajax")
    region = next((x for x in ents if x.start == e.end + 1 and x.label_ in ("GPE", "LOC")), None)
    if region is None:
        return False
    after = doc[region.end] if region.end < len(doc) else None
    if after is not None and after.text == "," and region.end + 1 < len(doc) and doc[region.end + 1].is_title \
            and not doc[region.end + 1].is_sent_start:
        return any(x.start == region.end + 1 and x.label_ in ("GPE", "LOC") for x in ents)  # "X, County, State"
    if after is not None and after.text == "," and region.end + 1 < len(doc) \
            and doc[region.end + 1].lower_ in ("and", "or"):
        return False  # "joining Arsenal, Westby, and Quill": a list
    return after is None or after.text in (",", ".", ";", ")") or after.lower_ in ("in", "on")


def _owns_place(rules, doc: Doc, e: Span) -> bool:
    """ "X's second-largest city", "X's capital": a place noun (place_nouns.txt) after "X's", with
    only lower-case words or hyphens between, makes X a place (for a model organisation only:
    people have places too, "X's home town", "X's district")."""
    if e.end + 1 >= len(doc) or doc[e.end].text not in ("'s", "’s"):
        return False
    for t in doc[e.end + 1:e.end + 6]:
        if t.is_lower and t.lower_ in rules.lex["place_nouns"]:
            return True
        if not (t.is_lower and t.is_alpha and not t.is_stop or t.text == "-"):
            return False
    return False


def _in_place(rules, doc: Doc, e: Span) -> bool:
    """ "happy in Westby.": a one-word model "person" (or place) right after "in" that is no
    known given name and ends its clause is a place (and the name is one in the document)."""
    if e.label_ not in ("PERSON", "GPE") or len(e) != 1 or e.start == 0 or doc[e.start - 1].lower_ != "in":
        return False
    if e[0].lower_ in rules.lex["first_names"]:
        return False
    nxt = doc[e.end] if e.end < len(doc) else None
    return nxt is None or nxt.is_punct and nxt.text not in ("'s", "’s", "'", "’")


def _org_in_place(rules, doc: Doc, e: Span) -> bool:
    """ "a summit in Westby.", "the bill passed in Westby seems": a one-word model organisation
    (not an acronym) right after "in", ending its clause or before a time word, after no word of
    investing or working ("a stake in Acme."), is a place."""
    if e.start < 2 or doc[e.start - 1].lower_ != "in" or is_acronym(e.text) or not e[0].is_title:
        return False
    if doc[e.start - 2].lower_ in IN_COMPANY or e.text in rules.lex["org_suffixes"] | rules.lex["org_prefixes"] \
            or e[0].lower_ in rules.lex["org_heads"] or e[0].lower_ in rules.lex["org_descriptors"]:
        return False  # "served 24 years in Congress"
    nxt = doc[e.end] if e.end < len(doc) else None
    return nxt is None or nxt.text in (".", ",", ";", ":", ")") or nxt.lower_ in ("in", "on", "last", "this", "next")


def _defined_as(rules, doc: Doc, e: Span) -> str | None:
    """ "X is a small town", "X was a British company", "X is a women's prison": GPE, ORG or FAC
    (building_nouns.txt) from a definition, else None.

    Between the article and the noun only lower-case adjectives or nationality words
    (no stop word, no person noun: "X is a lawyer in the town" defines a person)."""
    i = e.end
    if i < len(doc) and doc[i].text == "(":  # "X (Greek: ..., born 1950) is a town": skip the bracket
        close = next((t.i for t in doc[i + 1:i + 25] if t.text == ")"), None)
        if close is None:
            return None
        i = close + 1
    after = doc[i:i + 9]
    if len(after) < 3 or after[0].lower_ not in ("is", "was") or after[1].lower_ not in ("a", "an"):
        return None
    for t in after[2:]:
        if t.lower_ in rules.lex["place_nouns"] and t.is_lower:
            return "GPE"
        if t.lower_ in rules.lex["building_nouns"] and t.is_lower:
            return "FAC"
        if t.lower_ in rules.lex["org_heads"] and t.is_lower:
            return "ORG"
        if t.text in rules.lex["person_descriptors"]:
            return "PERSON"
        if t.text in rules.lex["demonyms"] or (t.is_lower and t.is_alpha and not t.is_stop) \
                or t.lower_ == "and" or t.text in ("-", ",", "'s", "’s"):  # "a Japanese video game development and publishing company"
            continue
        return None
    return None


def place_pairs(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "offices in Westby and Quillham": after in/at/from/near, a one-word "person" (not a given
    name) joined by and/or to a place the model found is a place too (rule.place_pair, that
    mention only)."""
    places = {(e.start, e.end) for e in ents if e.label_ in ("GPE", "LOC")}
    if not places:
        return ents
    loc = ("in", "at", "from", "near")  # the pair must follow one: "between Westby and Bramble" is no cue
    starts = {a for a, _ in places}
    ends = {b for a, b in places if a >= 1 and doc[a - 1].lower_ in loc}
    out = []
    for e in ents:
        if e.label_ == "PERSON" and len(e) == 1 and e._.rule is None and e[0].lower_ not in rules.lex["first_names"]:
            before = e.start >= 2 and doc[e.start - 1].lower_ in ("and", "or") and e.start - 1 in ends
            after = e.end + 1 < len(doc) and doc[e.end].lower_ in ("and", "or") and e.end + 1 in starts \
                and e.start >= 1 and doc[e.start - 1].lower_ in loc
            if before or after:
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_pair")
        out.append(e)
    return out
