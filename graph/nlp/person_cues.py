"""People told by the words around a name: an age between commas, a common given name, life
dates in brackets, a quoted speaker, a person noun in apposition, a possession or a verb only
people have."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.nlp.spans import ruled
from graph.nlp.words import LIFE_DATE_WORDS, MONTHS, SPEECH, WEEKDAYS


def person_context(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """Person shapes the model types as organisations or places.

    - "Jane Quill, 53, said": a name followed by an age between commas is a person;
    - "Mary Anne Quill", "Jo-Ann Quill": a model ORG/GPE/LOC of 2-3 capitalised words that starts with a
      common given name (first_names.tsv) and has no organisation or place word in it;
    - "Quill (born 3 May 1960)", "Quill (1 May 1901 – 3 June 1970)": life dates in brackets;
    - "Quill, a professor of ...": a name in apposition with a person noun
      (person_descriptors.txt) is a person;
    - "Quill's wife", "Quill's home": a one-word name with a possession only people have
      (person_possessions.txt) is a person;
    - "before Quill has to accept that", "Quill resigned": a one-word title-case name as the
      subject of a verb only people do (person_verbs.txt) is a person, unless it is a known
      organisation, follows "the" or a capitalised word, or has an organisation word in it;
      so is one opening a clause that goes on, in lower-case words only, to "his"/"her"/
      "himself"/"herself" ("Quill has not said much about his motives").
    """
    out = []
    suffixes = rules.lex["org_suffixes"] | rules.lex["place_suffixes"] | rules.lex["org_prefixes"]
    for e in ents:
        if e.label_ in ("ORG", "GPE", "LOC", "NORP") and e._.rule is None:
            nxt = doc[e.end:e.end + 3]
            if (len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[1].text.isdigit()
                    and 1 <= int(nxt[1].text) <= 110 and nxt[2].text == "," and len(e) <= 4):
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.age")
            elif (2 <= sum(t.text != "-" for t in e) <= 3 and e[0].lower_ in rules.lex["first_names"]
                  and e[0].is_title and not (e.start > 0 and doc[e.start - 1].lower_ == "the")  # "the Marine Corps"
                  # (a hyphenated given name: "Jo-Ann Quill")
                  and all(t.is_title or (len(t.text) == 2 and t.text.endswith(".")) or t.text == "-"
                          and 0 < t.i - e.start < len(e) - 1 and not t.whitespace_ for t in e)
                  and not any(t.text in suffixes or t.lower_ in rules.lex["org_heads"] for t in e)):
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.first_name")
            elif life_dates(doc, e.end):
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
            elif e.label_ in ("ORG", "NORP") and _quoted_speaker(rules, doc, e):
                # weaker than the others (organisations are quoted too): this mention only
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.speaker")
            elif e.label_ in ("ORG", "NORP") and _apposed_person(rules, doc, e.end) or (
                    len(e) == 1 and _personal_possession(rules, doc, e)):
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
            elif e.label_ in ("ORG", "GPE") and len(e) == 1 and e[0].is_title and e.start >= 2 \
                    and doc[e.start - 1].lower_ == "of" and doc[e.start - 2].lower_ in rules.lex["person_of_nouns"] \
                    and doc[e.start - 2].is_lower and e.text not in rules.lex["known_orgs"] \
                    and not (e.end < len(doc) and (doc[e.end].text in ("'s", "’s") or doc[e.end].is_title)):
                # "the assassination of X", "the widow of X" (person_of_nouns.txt); not "the son of X's founder"
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
            elif (e.label_ in ("ORG", "GPE") or e.label_ == "NORP" and not e.text.endswith("s")
                  and e.text not in rules.lex["demonyms"]) and _person_verb(rules, doc, e):
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_verb")
        out.append(e)
    return out


def _personal_possession(rules, doc: Doc, e: Span) -> bool:
    """ "X's wife", "X's New Jersey home": after "'s" and at most three capitalised words, a
    possession only people have (person_possessions.txt), not a modifier ("X's home market")."""
    if e.end + 1 >= len(doc) or doc[e.end].text not in ("'s", "’s"):
        return False
    j = e.end + 1
    while j < len(doc) and j - e.end <= 3 and doc[j].is_title and doc[j].is_alpha:
        j += 1
    if j >= len(doc) or not doc[j].is_lower or doc[j].lower_ not in rules.lex["person_possessions"]:
        return False
    return not (j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].is_lower and not doc[j + 1].is_stop)


def _person_verb(rules, doc: Doc, e: Span) -> bool:
    """A one-word title-case name right before a verb only people do (person_verbs.txt), with only
    auxiliaries and a few adverbs between: "Quill has to accept that", "Roe resigned"."""
    if len(e) != 1 or not e[0].is_title or not e[0].is_alpha or e.text in rules.lex["known_orgs"] \
            or e.text in rules.lex["place_names"] or e.text in rules.lex["org_suffixes"] \
            or e[0].lower_ in rules.lex["org_heads"] or e.text in rules.lex["org_prefixes"]:
        return False
    prev = doc[e.start - 1] if e.start > 0 else None
    if prev is not None and (prev.lower_ in ("the", "a", "an") or prev.lower_ in rules.lex["prepositions"]
                             or prev.is_title and not prev.is_sent_start
                             and not e[0].is_sent_start and prev.lower_ not in MONTHS | WEEKDAYS):
        return False  # "the Quill accepts", "Westby Quill resigned", "Inspector of Prisons married": no subject
    verbs, between = rules.lex["person_verbs"].get("verbs", set()), rules.lex["person_verbs"].get("between", set())
    j = e.end
    while j < len(doc) and j - e.end < 3 and doc[j].lower_ in between:
        j += 1
    late = rules.lex["person_verbs"].get("after_between", set())
    if j < len(doc) and doc[j].is_lower and (doc[j].lower_ in verbs or j > e.end and doc[j].lower_ in late):
        return True
    # "Quill has not said much about his motives": a subject whose own clause, in lower-case words
    # only, goes on to "his"/"her"/"himself"/"herself" (an organisation's is "its")
    if not (prev is None or e[0].is_sent_start or prev.is_punct or prev.lower_ in rules.lex["clause_openers"]):
        return False
    for t in doc[e.end:e.end + 7]:
        if t.lower_ in ("his", "her", "himself", "herself"):
            return t.i > e.end
        if not (t.is_lower and t.is_alpha):
            return False
    return False


def life_dates(doc: Doc, i: int) -> bool:
    """ "X (born 13 March 1963", "X (died 1870)", "X (11 January 1930 – 10 March 2010)": a bracket
    of birth and death right after a name says it is a person."""
    if i >= len(doc) or doc[i].text != "(":
        return False
    inner = doc[i + 1:i + 9]
    if len(inner) and inner[0].lower_ in LIFE_DATE_WORDS:
        return True
    # "(11 January 1930 – 10 March 2010)": a day and month on both sides of the dash (a bare
    # "(2003-2015)" is as often a term of office at a place)
    texts = [t.text for t in inner]
    if ")" not in texts:
        return False
    texts = texts[:texts.index(")")]
    dash = next((k for k, t in enumerate(texts) if t in ("-", "–", "—")), None)
    if dash is None:
        return False
    return all(any(w.lower() in MONTHS for w in side) and any(w.isdigit() and len(w) == 4 for w in side)
               for side in (texts[:dash], texts[dash + 1:]))


def _quoted_speaker(rules, doc: Doc, e: Span) -> bool:
    """ '" ... ," said X' / '" ... ," X told': the speaker of a quotation, named by a short
    name with no organisation word or acronym in it, is a person (organisations speak through
    people in news: "a spokesman for X said")."""
    if len(e) > 3 or any(t.is_upper or t.text in rules.lex["org_suffixes"] or t.lower_ in rules.lex["org_heads"]
                         or t.text in rules.lex["org_prefixes"] for t in e):
        return False
    quote = {'"', "”", "“", "''", "'"}
    before = [t.text for t in doc[max(0, e.start - 3):e.start]]
    after = doc[e.end].lower_ if e.end < len(doc) else ""
    if after in ("'s", "’s"):
        return False  # '" ...," said X's spokesman
    if before and before[-1].lower() in SPEECH and len(before) >= 2 and (before[-2] in quote or before[-2] == ","
                                                                           and len(before) == 3 and before[0] in quote):
        return True
    return after in SPEECH and bool(before) and before[-1] in quote


def _apposed_person(rules, doc: Doc, i: int) -> bool:
    """ ", a professor", ", the former chief executive": a person noun in apposition at token i."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return False
    j = i + 2
    while j < len(doc) and j < i + 5 and doc[j].is_lower and doc[j].is_alpha:
        if doc[j].text in rules.lex["person_descriptors"]:
            return True
        j += 1
    return False
