"""Types from the name itself and the noun right before it: "the charity Acme", "lawyer Roe",
"President Jo Quill", a nationality word (NORP), a name ending in a place word."""
from __future__ import annotations

from spacy.tokens import Span

from graph.nlp.spans import ruled


def described(rules, ent: Span) -> Span:
    """ "the charity Acme", "carmaker Acme", "lawyer Roe": the noun before a name gives its type.

    Also: a model "person" or "organisation" whose name ends in a place word ("Klamath
    Falls", "Sacramento Valley") is a place, and a
    "person" or "organisation" that is a nationality word ("Greeks") is neither (NORP).
    """
    if ent.label_ in ("PERSON", "ORG", "GPE") and ent.text in rules.lex["demonyms"]:
        return ruled(Span(ent.doc, ent.start, ent.end, label="NORP"), "rule.demonym")
    if ent.label_ in ("PERSON", "ORG") and (ent._.rule is None and len(ent) >= 2 and ent[-1].text in
                                             rules.lex["place_suffixes"] or ent.text in rules.lex["place_names"]):
        return ruled(Span(ent.doc, ent.start, ent.end, label="LOC"), "rule.place_shape")
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") or ent.start == 0:
        return ent
    prev = ent.doc[ent.start - 1]
    # "President Jo Quill" (the model's place or organisation): a title word right before a
    # name of 1-3 words with no organisation or place word in it
    if ent.label_ in ("GPE", "LOC", "ORG") and ent._.rule is None and prev.is_title \
            and prev.text in rules.lex["role_heads"] and len(ent.text.split()) <= 3 \
            and all(t.is_title or not t.is_alpha for t in ent) and not any(
                t.text in rules.lex["org_suffixes"] | rules.lex["place_suffixes"] | rules.lex["org_prefixes"]
                for t in ent):
        return ruled(Span(ent.doc, ent.start, ent.end, label="PERSON"), "rule.descriptor")
    # "its fuel supplier, Eni", "the country's biggest utility, E.ON,": the noun in apposition
    if prev.text == "," and ent.start >= 2 and ent.label_ in ("PERSON", "GPE", "ORG") and ent._.title is None \
            and ent.doc[ent.start - 2].is_lower and ent.doc[ent.start - 2].text in rules.lex["org_descriptors"] \
            and ent[0].lower_ not in rules.lex["first_names"] and len(ent) <= 3 \
            and (ent.end >= len(ent.doc) or ent.doc[ent.end].text in (",", ".", ")", ";")):  # (not "..., X was")
        return ruled(Span(ent.doc, ent.start, ent.end, label="ORG"), "rule.descriptor")
    if not prev.is_lower:
        return ent
    # (also where the model agreed: the descriptor then makes the type win for the name's
    # other occurrences in the document, see _consistent)
    if prev.text in rules.lex["org_descriptors"] and ent._.title is None:
        return ruled(Span(ent.doc, ent.start, ent.end, label="ORG"), "rule.descriptor")
    if prev.text in rules.lex["person_descriptors"] and len(ent.text.split()) <= 3:  # ("Jean-Claude Roe")
        # "his son Jo on Acme's board": the model ran the name on past a preposition; the name ends there
        cut = next((t.i for t in ent[1:] if t.is_lower and t.lower_ != "of" and t.lower_ in rules.lex["prepositions"]),
                   ent.end)
        span = ruled(Span(ent.doc, ent.start, cut, label="PERSON"), "rule.descriptor")
        span._.title = ent._.title
        return span
    return ent
