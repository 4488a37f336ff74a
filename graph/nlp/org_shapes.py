"""Organisation-name shapes ("… Ltd", "… Council", "Ministry of …", "House of …") and
well-known organisations whose names are common words or nicknames (known_orgs.tsv)."""
from __future__ import annotations

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.nlp.names import adverb_opener, form_pieces, legal_form
from graph.nlp.not_names import after_superlative
from graph.nlp.spans import bad_token, merge_rule_spans, ruled
from graph.nlp.words import NOT_AFTER_OUTLET


def org_matchers(nlp, lex: dict, role_words: set[str]) -> tuple[Matcher, PhraseMatcher]:
    """The organisation-name shape matcher (suffixes, "X of Y" prefixes) and the phrase matcher of
    well-known organisations (known_orgs.tsv)."""
    matcher = Matcher(nlp.vocab)
    titles = sorted(role_words - lex["org_suffixes"])
    # A capitalised name word: not a stop word, not a title word ("Director").
    # (letters only: dateline codes like "PA2904034294" are not name words)
    cap = {"IS_TITLE": True, "IS_ALPHA": True, "IS_STOP": False, "TEXT": {"NOT_IN": titles}}
    upper = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2}, "IS_STOP": False,
             "TEXT": {"NOT_IN": titles}}
    name_word = [cap, upper]
    # a suffix written in lower case in the file matches in any case; the others as written
    suffixes = sorted(w for w in lex["org_suffixes"] if not w.islower())
    # (a legal form a comment writes in lower case after a title-case name: "Dunmore Facilities ltd")
    suffixes_any = sorted({w for w in lex["org_suffixes"] if w.islower()}
                          | lex["lower_forms"] | {f"{w}." for w in lex["lower_forms"]})
    prefixes = sorted(lex["org_prefixes"])
    conn = {"LOWER": {"IN": ["&", "and", "of", "for"]}}
    known = PhraseMatcher(nlp.vocab, attr="ORTH")
    known.add("KNOWN_ORG", [nlp.make_doc(n) for n in lex["known_orgs"]])
    for w in name_word:
        # "Acme Ltd", "Eastfold Valley Council", "Quill & Marsh Services", "House of Lords Committee"
        for suffix in ({"TEXT": {"IN": suffixes}}, {"LOWER": {"IN": suffixes_any}}):
            matcher.add("ORG_SUFFIX", [
                [w, {"OP": "*", "IS_TITLE": True, "IS_STOP": False}, suffix],
                [w, {"OP": "*", "IS_TITLE": True, "IS_STOP": False}, conn,
                 {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}, suffix],
                # two joined areas before a joined service name: "Eastfold and Quarn Fire and Rescue
                # Authority" (else the shorter "Quarn Fire and Rescue Authority" is the match)
                [w, {"LOWER": {"IN": ["and", "&"]}}, {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}, conn,
                 {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}, suffix],
            ])
        # "Ministry of Defence", "Department for Work and Pensions", "House of the Lords"
        matcher.add("ORG_PREFIX", [
            [{"TEXT": {"IN": prefixes}}, {"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"}, w,
             {"OP": "*", "IS_TITLE": True, "IS_STOP": False}],
            [{"TEXT": {"IN": prefixes}}, {"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"}, w,
             {"OP": "*", "IS_TITLE": True, "IS_STOP": False}, {"LOWER": {"IN": ["and", "&"]}}, w,
             {"OP": "*", "IS_TITLE": True, "IS_STOP": False}],
        ])
    return matcher, known


def add_org_shapes(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """Organisation-name shapes the matcher finds (rule.org_shape), over the model entities they
    contain or partly cover (see merge_rule_spans)."""
    spans = []
    for match_id, start, end in rules.matcher(doc):
        # never across a line break or a URL
        if any(t.is_space or "\n" in t.text or bad_token(t) for t in doc[start:end]):
            continue
        if adverb_opener(doc, start):
            start += 1  # "Apparently Acme Services won": the adverb is no part of the name
            if end - start < 2:
                continue
        if legal_form(rules, doc[start]) or form_pieces(rules, doc[start:end]):
            continue  # "Acme Ltd and Quill plc", "Acme Ltd. Quill Council": the shorter matches are the names
        spans.append(Span(doc, start, end, label="ORG"))
    ents = split_at_forms(rules, doc, ents)
    # (the rule is set only on the spans kept: span extensions are shared by equal spans)
    spans = [ruled(sp, "rule.org_shape") for sp in filter_spans(spans)
             if sp.text.lower() not in rules.lex["not_entities"] and not after_superlative(sp)]
    for sp in spans:
        conn = next((t.i for t in sp[1:-1] if t.lower_ in ("and", "&")), None)
        if legal_form(rules, sp[-1]) and conn is not None and conn - sp.start <= 2 \
                and doc[conn - 1].text not in rules.lex["org_suffixes"]:
            # "Marks and Sparks plc", "Quill & Roe Ltd": one legal form at the end covers the whole,
            # over the model's names inside it (a short first part: not "Quill Group and Roe Ltd")
            ents = [e for e in ents if not (sp.start <= e.start and e.end <= sp.end and e.label_ in
                                            ("ORG", "PERSON", "GPE", "NORP", "LOC"))]
        elif len(sp) >= 5 and sp[1].lower_ in ("and", "&") and sum(t.lower_ in ("and", "&") for t in sp) >= 2 \
                and not legal_form(rules, sp[-1]):
            # "Eastfold and Quarn Fire and Rescue Authority": two areas sharing one joined service
            # name are one body, over the model's names inside it
            ents = [e for e in ents if not (sp.start <= e.start and e.end <= sp.end and e.label_ in
                                            ("ORG", "GPE", "NORP", "LOC"))]
    return merge_rule_spans(ents, spans, replace_labels={"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT",
                                                           "WORK_OF_ART", "LAW", "EVENT"})


def split_at_forms(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """A model name a legal form splits (see names.form_pieces) becomes its pieces: "Acme Ltd and
    Quill plc" two organisations, "Acme Ltd. Quill withdrew" the company and, after the sentence
    end, a name of the model's type."""
    out = []
    for e in ents:
        pieces = form_pieces(rules, e) if e.label_ in ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC") else []
        if not pieces:
            out.append(e)
            continue
        for a, b in pieces:
            if b > a:
                org = legal_form(rules, doc[b - 1]) and e.label_ in ("ORG", "PERSON")  # (not a place: "Adelaide SA")
                out.append(ruled(Span(doc, a, b, label="ORG" if org else e.label_),
                                 "rule.org_shape" if org else e._.rule))
    return out


def known_orgs(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """Well-known organisations whose names are common words or nicknames (known_orgs.tsv):
    "I'm not on Instagram", "the Grauniad piece". The name as written, not glued to a longer
    title-case name, not in a web address; a nickname marked "the" only right after a
    lower-case "the". Its full name, where the list gives one, goes to doc._.acronyms."""
    known = rules.lex["known_orgs"]
    if doc._.acronyms is None:
        doc._.acronyms = {}
    out = list(ents)
    for _, start, end in rules.known(doc):
        span = doc[start:end]
        kind, full, needs_the = known[span.text]
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if needs_the and (before is None or not (before.text == "the" or before.text == "The"
                                                 and before.is_sent_start)):
            continue
        if needs_the and after is not None and (after.lower_ in NOT_AFTER_OUTLET or after.lower_ in
                                                rules.lex["person_descriptors"]):
            continue  # "the Herald candidate", "the Herald of Westby"
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
