"""What is no name: page furniture (news credit lines), web addresses, e-mail addresses and
@handles, pronouns and other words never an entity, titles alone, a name used as an adjective
or after a possessive, kinds of business after a superlative, bodies counted by kind."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from graph.nlp.acronyms import is_acronym
from graph.nlp.spans import NAME_LABELS, WEBISH, bad_token
from graph.nlp.words import ADJ_ENDINGS, AWARD_PARTICIPLES, KIND_ADJECTIVES


def garbage(rules, ent: Span) -> bool:
    """True when the model's entity is no name at all (see the checks below): it is dropped."""
    text = ent.text.strip()
    if any(t.like_url or t.like_email or t.text.startswith("@") or WEBISH.search(t.text) for t in ent):
        return True  # web addresses, e-mail addresses and @handles are never entities
    if ent.label_ not in NAME_LABELS:
        return False
    if not any(c.isalpha() for c in text) or text.lower() in rules.lex["not_entities"]:
        return True
    if any(bad_token(t) for t in ent):
        return True
    if "\n" in text:  # spans glued across lines: "ReplyDeleteWill Thornbury"
        return True
    if text == text.lower():  # a proper name has a capital somewhere
        return True
    if ent.label_ == "PERSON" and len(ent) == 1 and (text in rules.role_words or text.rstrip("s") in rules.role_words):
        return True  # "Directors", "Chairman": a title alone is not a person
    if all(t.is_stop or t.is_punct for t in ent):
        return True
    if ent[0].lower_ in ("for", "of", "on", "to", "at", "in", "and", "by") and ent[0].is_lower:
        return True  # "(Secretary of State) for Health": the tail of a title, no name
    if ent.label_ == "ORG" and len(ent) >= 2 and after_superlative(ent):
        return True
    if ent.label_ == "ORG" and _beat(rules, ent):
        return True  # "Jo Quill, Home Affairs Reporter": a reporter's beat, not a body
    if ent.label_ in ("ORG", "PERSON") and ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "-" \
            and not ent[-1].whitespace_ and ent.doc[ent.end + 1].lower_ in AWARD_PARTICIPLES:
        return True  # "a Westby-starred meal", "Quill-winning": an award, not its giver
    if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and _POSSESSIVE.match(ent.doc[ent.start - 1].lower_):
        return True  # "his&hers Porsches", "her Quillcos": nobody's name follows a possessive
    if ent.label_ == "PERSON" and len(ent) == 1 and modifier_in_common_np(ent) \
            and text.lower() not in rules.lex["first_names"]:
        return True  # "a stereotypical Westby tight arse": a name used as an adjective
    if ent.label_ == "PERSON" and len(ent) == 1 and is_acronym(text) and len(text) >= 3 \
            and text.lower() not in rules.lex["first_names"]:
        return True  # "refer it to QAPPA": an acronym is nobody's name
    if len(ent) == 1 and (ent.start == ent.sent.start if ent.doc.has_annotation("SENT_START") else ent.start == 0):
        # A sentence-initial capitalised common word ("Hurrah", "Worth") tagged as a name.
        word = ent[0]
        if word.lower_ in STOP_WORDS or (word.has_morph() and word.pos_ not in ("PROPN", "X", "")):
            return True
    return False


def counted_kind(rules, doc: Doc, e: Span) -> bool:
    """ "21 Community Rehabilitation Companies", "35 Probation Trusts", "six Westby Care Company areas":
    after a number, a name ending in a plural for a kind of body (class_plurals.txt), or in its
    singular before a word for areas (area_nouns.txt), names bodies of a kind, not one."""
    if e.label_ != "ORG" or len(e) < 2 or e.start == 0:
        return False
    prev = doc[e.start - 1]
    if not (prev.is_digit or prev.lower_ in rules.lex["count_words"]):
        return False
    plurals = rules.lex["class_plurals"]
    last = e[-1].lower_
    if last in plurals:
        return True
    singular = last + "s" in plurals or last.endswith("y") and last[:-1] + "ies" in plurals
    return singular and e.end < len(doc) and doc[e.end].lower_ in rules.lex["area_nouns"]


# News credit lines at the end of an article or a line: the writers' initials and the agencies
# ("mz / msh (AP, AFP, dpa)"), or "Author: Jo Roe (AFP) Editor: Al Bee". Page furniture.
_CREDIT = re.compile(r"\b[a-z]{1,4}(?:\s*/\s*[a-z]{1,4})+\s*\([A-Za-z][\w-]*(?:\s*,\s*[A-Za-z][\w-]*)*\)[ \t]*$"
                     r"|\bAuthor:[^\n]{1,80}?(?:\bEditor:[^\n]{1,40})?[ \t]*$", re.M)


def credit_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of news credit lines in `text` (see _CREDIT)."""
    return [m.span() for m in _CREDIT.finditer(text)]


_POSSESSIVE = re.compile(r"^(?:his|her|hers|their|my|our|your|its)(?:[&/](?:his|her|hers|theirs))?$")


def modifier_in_common_np(span: Span) -> bool:
    """ "a stereotypical Westby tight arse": after "a"/"an" and a lower-case adjective, before a
    lower-case noun, a one-word name is a modifier in a common-noun phrase."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc):
        return False
    adj, art, nxt = doc[span.start - 1], doc[span.start - 2], doc[span.end]
    return art.lower_ in ("a", "an") and adj.is_lower and adj.is_alpha and not adj.is_stop \
        and adj.lower_.endswith(ADJ_ENDINGS) and nxt.is_lower and nxt.is_alpha and not nxt.is_stop


def after_superlative(span: Span) -> bool:
    """ "the UK's fastest growing Travel Agency Company", "a leading Software House": after a
    superlative the title-case words name a kind of business, not one."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.is_lower and (prev.lower_ in KIND_ADJECTIVES
                                                   or prev.lower_.endswith("est") and len(prev) > 4)


def _beat(rules, ent: Span) -> bool:
    """A by-line's beat: title-case words (no acronym, no organisation word) right before a
    journalist's title (beat_roles.txt) that ends its line or the text."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text not in rules.lex["beat_roles"]:
        return False
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if after is not None and "\n" not in after.text and "\n" not in doc[ent.end].whitespace_:
        return False
    return not any(t.is_upper or t.text in rules.lex["org_suffixes"] for t in ent)
