"""Name shapes of comment threads the model reads wrongly ("the Eastfold ICB", "St Edwold's",
initials signing a comment, "councillor for Eastgate ward", lower-case company names)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.nlp.acronyms import is_acronym
from graph.nlp.lexicon import read_list
from graph.nlp.names import adverb_opener
from graph.nlp.spans import ruled

# "the Quill–Westby consortium": a venture of two organisations (one or two lower-case words)
VENTURES = tuple(read_list("shapes_venture_heads.txt"))


def comment_shapes(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """Name shapes of comment threads the model reads wrongly:
    - "the Eastfold ICB": after "the", a title-case word glued to an acronym organisation is one
      organisation (a body named by its area), not a person or place beside an acronym;
    - "St Edwold's": a saint's name keeps its "'s" (a hospital, church or school so named);
    - "... \\nJR" at the very end of a comment: initials signing it, a person;
    - "councillor for Eastgate ward": a name before "ward"/"constituency" is a place;
    - "quorvel cleaning services ltd": a lower-case company name ending in a legal form."""
    out = []
    ents = [_no_adverb(e) for e in ents]
    by_end = {e.end: e for e in ents}
    drop = set()
    for e in ents:
        if e.label_ == "ORG" and len(e) == 1 and is_acronym(e.text) and e.start >= 2 \
                and doc[e.start - 2].lower_ == "the" and doc[e.start - 1].is_title \
                and doc[e.start - 1].is_alpha and doc[e.start - 1].text not in rules.role_words \
                | rules.lex["org_suffixes"] | rules.lex["org_prefixes"]:
            prev = by_end.get(e.start)
            if prev is None or (len(prev) == 1 and prev.label_ in ("PERSON", "GPE", "LOC", "NORP", "ORG")):
                if prev is not None:
                    drop.add(prev.start)
                e = ruled(Span(doc, e.start - 1, e.end, label="ORG"), "rule.org_shape")
        elif e[0].text in ("St", "St.", "Saint") and len(e) >= 2 and e.end < len(doc) \
                and doc[e.end].text in ("'s", "’s") and e[-1].text not in rules.lex["org_suffixes"]:
            e = ruled(Span(doc, e.start, e.end + 1, label=e.label_), e._.rule)
        elif len(e) == 1 and e.label_ in ("ORG", "PERSON", "GPE") and e.text.isalpha() and e.text.isupper() \
                and 2 <= len(e.text) <= 3 and e.start > 0 and ("\n" in doc[e.start - 1].text_with_ws
                                                                or doc[e.start - 1].text in (".", "!")) \
                and all(t.is_space or t.is_punct for t in doc[e.end:]):
            e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.signature")
        elif len(e) == 1 and e.label_ == "PERSON" and e._.title is None and e.end < len(doc) \
                and doc[e.end].lower_ in ("were", "are") and e[0].lower_ not in rules.lex["first_names"] \
                and not (e.start > 0 and doc[e.start - 1].lower_ in ("and", "&", "or", "if", ",", "nor")):
            e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.plural_verb")  # "Quillco were useless"
        elif e.label_ == "ORG" and len(e) >= 4 and e[1].text == "," and e[0].is_title \
                and e[-1].text in rules.lex["org_suffixes"] and e.end < len(doc) \
                and doc[e.end].lower_ in ("and", ",", "or"):
            # "shortlisted: Quillco, Westby Labs Ltd and ...": two items of a list, not one name
            out.append(ruled(Span(doc, e.start, e.start + 1, label="ORG"), "rule.list"))
            e = ruled(Span(doc, e.start + 2, e.end, label="ORG"), e._.rule)
        elif len(e) == 1 and e.label_ in ("ORG", "PERSON") and e.end < len(doc) \
                and doc[e.end].lower_ in rules.lex["place_after"] and doc[e.end].is_lower:
            e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_context")
        out.append(e)
    out = [e for e in out if not (e.start in drop and len(e) == 1)]
    return _ventures(rules, doc, out + _lower_companies(rules, doc, out))


def _no_adverb(e: Span) -> Span:
    """ "Reportedly Acme Group": a comment adverb opening the sentence is no part of a name."""
    if len(e) > 1 and adverb_opener(e.doc, e.start):
        return ruled(Span(e.doc, e.start + 1, e.end, label=e.label_), e._.rule)
    return e


def _ventures(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the Quill–Westby consortium", "a Quill Bins-Westby joint venture": two title-case names
    joined by an unspaced en dash or hyphen before a venture noun (shapes_venture_heads.txt) are
    two organisations, over what the model made of the pair."""
    out = list(ents)
    for t in doc:
        if t.text not in ("-", "–", "‐") or t.whitespace_ or t.i == 0 or doc[t.i - 1].whitespace_:
            continue
        end = t.i + 1
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            end += 1
        rest = doc.text[doc[end].idx:doc[end].idx + 40].lower() + " " if end < len(doc) else ""
        if end == t.i + 1 or not any(rest.startswith(v) and not rest[len(v)].isalpha() for v in VENTURES):
            continue
        start = t.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and not doc[start - 1].is_stop \
                and not adverb_opener(doc, start - 1):
            start -= 1
        if start == t.i:
            continue
        out = [e for e in out if not (e.start < end and start < e.end)]
        out += [ruled(Span(doc, start, t.i, label="ORG"), "rule.org_shape"),
                ruled(Span(doc, t.i + 1, end, label="ORG"), "rule.org_shape")]
    return out


def _lower_companies(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "quorvel cleaning services ltd": a company name in lower case, ending in a legal form
    after an organisation suffix word; its words go back to a stop word, a punctuation
    mark or a line break (five words at most)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    suffixes = {w.lower() for w in rules.lex["org_suffixes"]}
    out = []
    for t in doc:
        if t.lower_.rstrip(".") not in rules.lex["lower_forms"] or not t.is_lower or t.i < 2 or t.i in taken:
            continue
        if doc[t.i - 1].lower_ not in suffixes or not doc[t.i - 1].is_lower:
            continue
        start = t.i - 1
        while start > 0 and t.i - start < 5 and doc[start - 1].is_lower and doc[start - 1].is_alpha \
                and not doc[start - 1].is_stop and doc[start - 1].i not in taken \
                and doc[start - 1].lower_ not in rules.lex["not_entities"]:
            start -= 1
        if start < t.i - 1:  # a name word before the suffix: "services ltd" alone is no name
            out.append(ruled(Span(doc, start, t.i + 1, label="ORG"), "rule.org_shape"))
    return out
