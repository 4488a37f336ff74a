"""The ``tg_entity_rules`` component: post-NER corrections from name shapes and lexicons (no parse
needed). The component holds the lexicons and matchers; each step is a function in the module
for its concern, run in the order of __call__ below (each takes the entity list the step before
it left). A step's first argument `rules` is this component: its lexicons (`rules.lex`), title
words (`rules.role_words`) and `rules.name_word(token)`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from graph.nlp.acronym_rules import add_acronyms, add_all_caps, drop_common_acronyms
from graph.nlp.comment_shapes import comment_shapes
from graph.nlp.consistency import consistent, short_forms
from graph.nlp.descriptors import described
from graph.nlp.lexicon import lexicons
from graph.nlp.names import cut_dash, hyphen_names, odd_case_surnames, trim
from graph.nlp.not_names import counted_kind, credit_lines, garbage
from graph.nlp.org_cues import company_cues, lists, medium_context, org_context, partner_firms, teams
from graph.nlp.org_shapes import add_org_shapes, known_orgs, org_matchers
from graph.nlp.person_cues import person_context
from graph.nlp.place_cues import place_context, place_pairs


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
        ents = place_context(self, doc, ents)
        ents = person_context(self, doc, ents)
        ents = org_context(self, doc, ents)
        ents = partner_firms(self, doc, ents)
        ents = medium_context(self, doc, ents)
        ents = lists(self, doc, ents)
        ents = place_pairs(self, doc, ents)
        ents = teams(self, doc, ents)
        ents = company_cues(self, doc, ents)
        if self.consistency:
            ents = consistent(self, doc, ents)
            ents = short_forms(self, doc, ents)
        ents = [e for e in ents if not counted_kind(self, doc, e)]
        ents = hyphen_names(self, doc, ents)
        ents = comment_shapes(self, doc, ents)
        credits = credit_lines(doc.text)
        if credits:  # page furniture: no entity in a news credit line
            ents = [e for e in ents if not any(a < e.end_char and e.start_char < b for a, b in credits)]
        doc.ents = filter_spans(ents)
        return doc

    def name_word(self, tok) -> bool:
        """A capitalised word that can be part of a name: not a stop word, title or page word."""
        return (tok.is_alpha and tok.text[0].isupper() and not tok.is_stop
                and tok.lower_ not in self.lex["not_entities"] and tok.text not in self.role_words)
