"""The ``tg_roles`` component: job titles and roles ("Deputy Managing Director", "Justice
Secretary", "Chief Inspector of Prisons", "MP for …") as spans in ``doc.spans["roles"]`` (label
ROLE), never as entities, so relation rules can read them next to the names."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.nlp.lexicon import lexicons
from graph.nlp.spans import is_cap
from graph.nlp.words import SENTENCE_START_TITLES


@Language.factory("tg_roles", default_config={"patterns_dir": None, "spans_key": "roles"})
def make_roles(nlp: Language, name: str, patterns_dir: str | None, spans_key: str):
    return Roles(nlp, patterns_dir, spans_key)


class Roles:
    """Job titles as doc.spans["roles"]; entities that are really titles are trimmed or dropped.

    A title is: fixed title (roles.txt) | [modifier]* head | domain head ("Justice Secretary").
    Titles in capitals always count; a lower-case one only with a modifier ("deputy managing
    director") or an "of/for" complement ("director of Acme"). The complement "of X" / "for X"
    is part of the role ("Chief Inspector of Prisons", "Minister of State") unless X is a name
    (an entity), which the role then stops before, so "Deputy Managing Director of Acme Ltd"
    gives the role "Deputy Managing Director" and the organisation "Acme Ltd".
    """

    def __init__(self, nlp, patterns_dir, spans_key):
        lex = lexicons(patterns_dir)
        self.key = spans_key
        self.heads = lex["role_heads"]
        self.first_names = lex["first_names"]
        self.mods = lex["role_modifiers"]
        self.domains = lex["role_domains"]
        heads_l = sorted({h.lower() for h in self.heads if " " not in h})
        mods_l = sorted({m.lower() for m in self.mods})
        doms = sorted(self.domains)
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("ROLE", [
            [{"LOWER": {"IN": mods_l}, "OP": "*"}, {"LOWER": {"IN": heads_l}}],
            [{"TEXT": {"IN": doms}}, {"LOWER": {"IN": mods_l}, "OP": "*"}, {"LOWER": {"IN": heads_l}}],
        ])
        self.fixed = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.fixed.add("ROLE", [nlp.make_doc(r) for r in lex["roles"]])

    def __call__(self, doc: Doc) -> Doc:
        cands = [Span(doc, s, e, label="ROLE") for _, s, e in self.matcher(doc)]
        cands += [Span(doc, s, e, label="ROLE") for _, s, e in self.fixed(doc)]
        spans = []
        ents = list(doc.ents)
        for span in filter_spans(cands):
            if not self._counts(span):
                continue
            span = self._extend(span, ents)
            spans.append(span)
        spans = filter_spans(spans)
        # a title word inside a longer name is part of the name: "Acme Officer Group"
        spans = [r for r in spans if not any(e.start < r.start and r.end <= e.end for e in ents)]
        doc.spans[self.key] = spans
        if spans:
            doc.ents = filter_spans(self._fix_ents(doc, ents, spans))
        return doc

    def _counts(self, span: Span) -> bool:
        doc = span.doc
        if any(t.is_space for t in span):
            return False
        # (the small words of a fixed title do not count for its case: "Member of Parliament")
        words = [t.text for t in span if t.lower_ not in ("of", "for", "the", "and")] or [span[0].text]
        if all(w[:1].isupper() for w in words):
            if len(span) == 1:
                w = words[0]
                # a lone capital "Chair", "Partner", "Head" at a sentence start is an ordinary word
                if span.start == 0 or doc[span.start - 1].is_sent_end or doc[span.start - 1].text in ".!?\n\"“":
                    nxt = doc[span.end] if span.end < len(doc) else None
                    if w not in SENTENCE_START_TITLES and not (
                            nxt is not None and nxt.lower_ in ("of", "for") ):
                        return False
                if w.isupper() and w not in self.heads:
                    return False
                nxt = doc[span.end] if span.end < len(doc) else None
                if w.lower() in self.first_names and nxt is not None and nxt.is_title and nxt.is_alpha \
                        and nxt.text not in self.heads:
                    return False  # "Dean Reed": a given name that is also a title, before a surname
            return True
        if any(w[:1].isupper() for w in words) and not all(w[:1].isupper() for w in words):
            return False  # "Deputy director": mixed case is not a title shape
        if len(span) > 1:
            return True
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is not None and nxt.lower_ in ("of", "for") and span.end + 1 < len(doc) and is_cap(doc[span.end + 1])

    def _extend(self, span: Span, ents: list[Span]) -> Span:
        """Take in "of/for X" complements that are not names: "Minister of State", "Chief Inspector of Prisons"."""
        doc = span.doc
        end = span.end
        ent_starts = {e.start: e for e in ents}
        ent_tokens = {i for e in ents for i in range(e.start, e.end)}
        while end + 1 < len(doc) and doc[end].lower_ in ("of", "for"):
            j = end + 1
            if doc[j].lower_ == "the" and j + 1 < len(doc):
                j += 1
            if j in ent_starts or j in ent_tokens or not is_cap(doc[j]) or doc[j].is_space:
                break
            k = j
            while k < len(doc) and is_cap(doc[k]) and k not in ent_tokens and not doc[k].is_space:
                k += 1
            end = k
        return Span(doc, span.start, end, label="ROLE")

    def _fix_ents(self, doc: Doc, ents: list[Span], roles: list[Span]) -> list[Span]:
        """Entities that overlap a title lose the title's words ("Justice Secretary Jane Thornbury")."""
        out = []
        for e in ents:
            span = e
            for r in roles:
                if r.end <= span.start or r.start >= span.end:
                    continue
                if r.start <= span.start and r.end >= span.end:
                    span = None  # the entity was only a title ("Deputy Managing Director", "Secretary of State")
                    break
                if r.start <= span.start < r.end:
                    span = Span(doc, r.end, span.end, label=span.label_)
                    if len(span) and span[0].lower_ in ("of", "for") and span[0].is_lower:
                        span = None  # "Secretary of State [for Health]": the rest of the title, no name
                        break
                elif span.start < r.start and r.end >= span.end:
                    span = Span(doc, span.start, r.start, label=span.label_)
                else:
                    break  # title inside a longer name ("Acme Officer Group"): keep the name
            # (an all-caps stop word is a name here: "US", "IS" for a defined "Islamic State (IS)")
            if span is not None and len(span) > 0 and any(c.isalpha() for c in span.text) and not all(
                    t.is_stop and not (t.is_upper and len(t) > 1) for t in span):
                if e._.title and span.start == e.start:
                    span._.title = e._.title
                out.append(span)
        return out
