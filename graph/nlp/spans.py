"""Span extensions and small helpers shared by the rule components.

- ``doc._.acronyms``: {acronym: long form} for acronyms defined in this text.
- ``span._.title``: on a PERSON entity whose honorific was trimmed, the honorific ("Mr").
- ``span._.rule``: on an entity a rule added or retyped, the rule ("rule.org_shape",
  "rule.acronym", "rule.all_caps", "rule.consistency", "rule.descriptor"); None = the model's."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span


# Labels the rule components work with (spaCy's OntoNotes names).
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}

if not Doc.has_extension("acronyms"):
    Doc.set_extension("acronyms", default=None)
if not Span.has_extension("title"):
    Span.set_extension("title", default=None)
if not Span.has_extension("rule"):
    Span.set_extension("rule", default=None)

# Rules that type a name from the words around it ("the charity X", "X, 53,", "the X union"):
# within a document that type wins over the model's for every occurrence of the name.
CONTEXT_RULES = {"rule.descriptor", "rule.org_head", "rule.age", "rule.company_verb", "rule.first_name",
                 "rule.person_context", "rule.place_context", "rule.team", "rule.in_place", "rule.medium",
                 "rule.person_verb", "rule.company_cue", "rule.plural_verb"}

URLISH = re.compile(r"(https?://|www\.|\.com\b|\.co\.uk\b|\.org\b|\.net\b|@\w|\w@\w|\.html?\b|/)", re.I)
ROMAN = re.compile(r"^[IVXLCDM]+$")
WEBISH = re.compile(r"(https?://|www\.|\w@\w)", re.I)
# A web address, an e-mail address or a bare domain ("westby-group.com/investors") in plain text;
# anchored at a token's start: unanchored, a long run of dots is quadratic
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S+@\S+"
                         r"|(?<![\w.-])[\w.-]+\.(?:com|org|net|co\.uk|org\.uk|gov\.uk|uk|io|eu)\b\S*")


def web_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each web address, e-mail address or bare domain in `text` (WEB_ADDRESS)."""
    return [m.span() for m in WEB_ADDRESS.finditer(text)]


def bad_token(tok) -> bool:
    """A web address, an e-mail address, an @handle or a path: never part of a name."""
    return bool(tok.like_url or tok.like_email or URLISH.search(tok.text) or tok.text.startswith("@"))


def is_cap(tok) -> bool:
    """A capitalised word (or one starting with a digit) with a letter in it."""
    t = tok.text
    return bool(t) and (t[0].isupper() or t[0].isdigit()) and any(c.isalpha() for c in t)


def lower_texts(doc: Doc) -> list[str]:
    """The doc's lower-case token texts, computed once per doc (the rules look words up often)."""
    lows = doc.user_data.get("tg_lows")
    if lows is None or len(lows) != len(doc):
        lows = doc.user_data["tg_lows"] = [t.lower_ for t in doc]
    return lows


def ruled(span: Span, rule: str) -> Span:
    """`span` with span._.rule set (the rule that added or retyped it)."""
    span._.rule = rule
    return span


def merge_rule_spans(ents: list[Span], rule_spans: list[Span], replace_labels: set[str]) -> list[Span]:
    """Rule spans win over model entities they contain or that only partly cover them.

    A model entity that strictly contains a rule span wins (it saw more context), except
    when its extra words are a title (handled by the role component).
    """
    out = list(ents)
    for r in rule_spans:
        overlapping = [e for e in out if e.start < r.end and r.start < e.end]
        if len(overlapping) >= 2:
            continue  # the rule would glue two names together: "Guatemala City Teleonce Television"
        if any(e.start <= r.start and e.end >= r.end and (e.end - e.start) > (r.end - r.start) for e in overlapping):
            continue
        if any(e.label_ not in replace_labels for e in overlapping):
            continue
        out = [e for e in out if e not in overlapping]
        out.append(r)
    return out
