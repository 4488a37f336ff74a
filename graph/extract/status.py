"""Epistemic status: how a sentence holds a fact (asserted, reported, hedged, questioned, denied).

Cue lexicons live in ontology/patterns/relations/status.toml. Precedence when several cues
apply: denied > questioned > hedged > reported > asserted.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.lexicon import status_cues

FIRST_PERSON = {"i", "we", "you", "me", "us"}


def _phrase_re(phrases) -> re.Pattern:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w'])(?:" + alts + r")(?![\w])", re.I)


@lru_cache(maxsize=1)
def _res():
    c = status_cues()
    return {
        "reported": _phrase_re(c["reported"]["phrases"]),
        "reported_before": _phrase_re(c["reported"]["before"]),
        "hedged": _phrase_re(c["hedged"]["phrases"]),
        "hedged_kind": {k: _phrase_re(v) for k, v in c["hedged"].get("by_kind", {}).items()},
        "denied": _phrase_re(c["denied"]["phrases"]),
        "followups": {f.lower() for f in c["questioned"]["followups"]},
        "negations": {n.lower() for n in c["denied"]["negations"]},
        "deny_verbs": {v.lower() for v in c["denied"]["verbs"]},
        "say_verbs": set(c["reported"]["verbs"]),
    }


def _normal(s: str) -> str:
    return " ".join(s.lower().split())


def is_questioned(sentence_text: str, later_sentences: list[str] = ()) -> bool:
    """A question, or a claim that the next sentences of the same message put in question."""
    r = _res()
    if sentence_text.rstrip().rstrip("\"'”’)").endswith("?"):
        return True
    return any(_normal(s) in r["followups"] for s in later_sentences[:3])


def is_denied(doc, start: int, end: int, trigger: int | None) -> bool:
    """Negation of the fact itself: on its trigger, on the trigger's auxiliaries, or inside its
    span; or a verb of denial governing it."""
    r = _res()
    negs = r["negations"]
    toks = list(doc[start:end])
    if trigger is not None:
        t = doc[trigger]
        toks += list(t.children) + ([c for c in t.head.children] if t.dep_ in ("acomp", "attr", "xcomp") else [])
    if any(t.lower_ in negs or t.dep_ == "neg" for t in toks):
        return True
    if any(t.lemma_.lower() in r["deny_verbs"] or t.lower_ in r["deny_verbs"] for t in doc):
        return True
    return bool(r["denied"].search(doc.text))


# what ends a clause after a fact: a hedge word beyond one of these is about something else
# ("X is our MP - a Whig, a tax dodger, alleged in a blog"), unless it closes the sentence
# (", apparently.")
CLAUSE_BREAK = re.compile(r"[,;:(]|\s[-–—]\s")
TAIL = re.compile(r"^[\s.!?)\"'”’]*$")


def _a_name(text: str, m: re.Match) -> bool:
    """A one-word cue with a capital inside a sentence is a name, not the hedge: "heard in May"
    (the month), "Mr Might". At the start of a sentence the capital says nothing ("Maybe X is ...")."""
    word = m.group(0)
    if " " in word or not word[0].isupper() or word.isupper():
        return False
    before = text[:m.start()].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?\n"


def is_hedged(text: str, start: int | None = None, end: int | None = None, kind: str | None = None) -> bool:
    """A hedge word in the fact's scope: inside its span [start, end) (chars), before it, or after
    it in the same clause or as the sentence's closing tag. No span: anywhere in the text."""
    r = _res()
    cues = list(r["hedged"].finditer(text))
    if kind and kind in r["hedged_kind"]:
        cues += list(r["hedged_kind"][kind].finditer(text))
    for m in cues:
        if _a_name(text, m):
            continue
        if start is None or end is None or m.start() < end:
            return True
        if not CLAUSE_BREAK.search(text[end:m.start()]) or TAIL.match(text[m.end():]):
            return True
    return False


def is_reported(doc, start: int = 0, end: int | None = None) -> bool:
    """A named or cited source: "according to", "the Guardian says", "X said that" - a verb of
    saying whose clause holds the fact."""
    r = _res()
    if r["reported"].search(doc.text):
        return True
    end = len(doc) if end is None else end
    if start < len(doc) and r["reported_before"].search(doc.text[:doc[start].idx]):
        return True
    for t in doc:
        if t.lemma_.lower() in r["say_verbs"] and t.pos_ == "VERB":
            clause = [c for c in t.children if c.dep_ in ("ccomp", "xcomp", "advcl", "parataxis")]
            if not any(c.left_edge.i <= start and end <= c.right_edge.i + 1 for c in clause) and t.dep_ != "parataxis":
                continue
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in FIRST_PERSON and (subj[0].ent_type_ or subj[0].pos_ == "PROPN"
                                                                or subj[0].lower_ in ("spokesman", "spokeswoman", "spokesperson", "report", "paper", "newspaper")):
                return True
    return False


def negative_question(doc) -> bool:
    """A question that opens on a negated auxiliary ("Didn't X ...?", "Wasn't Y ...?", "Isn't it
    true that ...?"): its "n't" asks whether, it does not deny. Only the auxiliary's own negation:
    a second one inside ("Didn't X say it never ...?") still denies."""
    toks = [t for t in doc if not (t.is_space or t.is_punct and t.text != "?")]
    if len(toks) < 3 or toks[-1].text != "?" or toks[0].pos_ != "AUX":
        return False
    # "Didn't X bid?", "Was X not bidding?": the one negation is the question's own
    return sum(1 for t in toks if t.lower_ in ("not", "n't", "never", "no", "nt")) == 1 and any(
        t.lower_ in ("not", "n't", "nt") for t in toks[1:4])


def status_of(doc, start: int, end: int, trigger: int | None, later_sentences: list[str] = (),
              kind: str | None = None) -> str:
    """The status of a fact (of `kind`) found in `doc` (one sentence) at tokens [start, end)."""
    if is_denied(doc, start, end, trigger) and not negative_question(doc):
        return "denied"  # "Didn't X bid for it too?" asks, it does not deny
    if is_questioned(doc.text, later_sentences):
        return "questioned"
    cs = doc[start].idx if start < len(doc) else len(doc.text)
    ce = doc[end - 1].idx + len(doc[end - 1].text) if 0 < end <= len(doc) else len(doc.text)
    if is_hedged(doc.text, cs, ce, kind):
        return "hedged"
    if is_reported(doc, start, end):
        return "reported"
    return "asserted"
