"""The NLP stage: the pinned spaCy English model plus small rule components.

`load_nlp()` returns the pipeline, cached per process. Two rule components run after the
statistical NER, and neither needs the dependency parse:

- ``tg_entity_rules`` (entity_rules.py): fixes what the model gets wrong on thread text — trims
  honorifics and leading "the" off names, drops garbage entities (pronouns, interjections, page
  furniture, URLs, @handles, e-mail addresses, lower-case words), adds organisation-name
  shapes ("… Ltd", "… Council", "Ministry of …", "House of …"), acronyms defined in the
  text ("Ministry of Defence (MoD)", every later "MoD" too) and unknown all-caps names;
  well-known platforms and news outlets (known_orgs.tsv); drops acronyms the text uses as
  common nouns ("how many POs"), generic phrases (not_entities.txt), a name after a
  possessive or used as an adjective ("his&hers X", "a stereotypical X tight arse"), and
  every entity in a news credit line ("mz / msh (AP, AFP, dpa)").
- ``tg_roles`` (roles.py): job titles and roles ("Deputy Managing Director", "Justice Secretary",
  "Chief Inspector of Prisons", "MP for …") as spans in ``doc.spans["roles"]`` (label
  ROLE), never as entities, so relation rules can read them next to the names.

Lexicons are data files under ontology/patterns/entities/ (see the README there).

Modules: pipeline (load_nlp), lexicon (the pattern files), words (plain word sets from data
files), spans (span extensions, shared helpers), acronyms (acronym helpers); the entity-rule
steps by concern: names (name boundaries), not_names (page furniture, URLs, what is no name),
org_shapes, acronym_rules, descriptors, place_cues, person_cues, org_cues, consistency,
comment_shapes; roles.

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

Doc extensions (set in spans.py):
- ``doc._.acronyms``: {acronym: long form} for acronyms defined in this text.
- ``span._.title``: on a PERSON entity whose honorific was trimmed, the honorific ("Mr").
- ``span._.rule``: on an entity a rule added or retyped, the rule ("rule.org_shape",
  "rule.acronym", "rule.all_caps", "rule.consistency", "rule.descriptor"); None = the model's.
"""
from __future__ import annotations

from graph.nlp.lexicon import PATTERNS_DIR, lexicons, not_a_body, read_list, read_table
from graph.nlp.spans import CONTEXT_RULES, NAME_LABELS
from graph.nlp.acronyms import acronym_letters, common_acronyms, initials, is_acronym, stands_for
from graph.nlp.not_names import credit_lines
from graph.nlp.pipeline import MODEL, EntityRules, Roles, load_nlp

__all__ = [
    "load_nlp", "MODEL", "EntityRules", "Roles",
    "PATTERNS_DIR", "lexicons", "read_list", "read_table", "not_a_body",
    "CONTEXT_RULES", "NAME_LABELS", "credit_lines",
    "acronym_letters", "common_acronyms", "initials", "is_acronym", "stands_for",
]
