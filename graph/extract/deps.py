"""Walking the dependency parse: from a verb to its arguments, and from a token to a slot."""
from __future__ import annotations

from graph.extract.facts import Arg, generic_body, pick
from graph.extract.lexicon import lexicon
from graph.extract.slots import Sentence

RELATIVE = {"which", "who", "that", "whom", "whose"}
PRONOUNS = {"he", "she", "him", "her"}


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in verb.children))


def _subjects(verb, dep: str) -> list:
    found = [c for c in verb.children if c.dep_ == dep]
    if found:
        return found
    # "X became Y and then renamed itself Z": a conjoined verb shares the first verb's subject
    if verb.dep_ in ("conj", "dep") and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, dep) or _subjects(verb.head, "nsubj")
    if verb.dep_ == "xcomp":
        return _subjects(verb.head, "nsubj")
    return []


def follow(verb, path: str) -> list:
    """Tokens reached from `verb` by one path of a frame (see ontology/patterns/relations/frames.toml)."""
    if path in ("nsubj", "nsubjpass"):
        out = _subjects(verb, path)
        # "which" / "who" stands for the noun its clause modifies
        return [verb.head if t.lower_ in RELATIVE and verb.dep_ == "relcl" else t for t in out]
    if path == "head":
        if verb.dep_ in ("acl", "relcl", "amod", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]
        return []
    if ">" in path:
        first, second = path.split(">", 1)
        if first.startswith("prep:"):
            words = set(first[5:].split("|"))
            mids = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in words]
            # "moved into" may hang the preposition on a particle
            for c in verb.children:
                if c.dep_ == "prt":
                    mids += [g for g in c.children if g.dep_ == "prep" and g.lower_ in words]
        else:
            mids = [c for c in verb.children if c.dep_ == first]
        return [g for m in mids for g in m.children if g.dep_ == second]
    return [c for c in verb.children if c.dep_ == path]


def with_conjuncts(tokens: list, verb=None) -> list:
    """The tokens and their later conjuncts. With `verb`, a token that is the noun a clause of `verb`
    modifies ("A, which was shortlisted, and B") keeps only the conjuncts before the clause: the
    clause is told of A (and of "A and B, which were" both), not of a name after it."""
    out = []
    for t in tokens:
        out.append(t)
        clause = verb is not None and verb.dep_ in ("relcl", "acl") and verb.head.i == t.i
        out.extend(c for c in t.conjuncts if c.i > t.i and not (clause and c.i > verb.i))
    return out


def as_arg(sent: Sentence, tok, want: str, antecedent: Arg | None = None) -> Arg | None:
    """The slot a token stands for, if it has the wanted type (PER ORG LOC ENT PERX ORGX)."""
    lex = lexicon()
    ok = {"PER": {"PER"}, "ORG": {"ORG"}, "LOC": {"LOC"}, "ENT": {"PER", "ORG"},
          "PERX": {"PER", "ROLE"}, "ORGX": {"ORG"}}[want]
    candidates = [tok] + [c for c in tok.children if c.dep_ == "appos"]
    for t in candidates:
        si = sent.tok2slot.get(t.i)
        if si is not None and sent.slots[si].type in ok:
            return Arg(slot=si)
    # the head noun of a name ("the company Acme Ltd"): a compound child in a slot
    for c in tok.children:
        if c.dep_ in ("compound", "nmod") and c.i in sent.tok2slot:
            si = sent.tok2slot[c.i]
            if sent.slots[si].type in ok and sent.slots[si].end == tok.i:
                return None  # a name used as a modifier ("Acme staff") is not the argument
    # "the Director of Acme, who ...": a role's organisation stands for it where one is wanted
    si = sent.tok2slot.get(tok.i)
    if si is not None and sent.slots[si].type == "ROLE" and "ORG" in ok:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    gi = sent.tok2slot.get(g.i)
                    if g.dep_ == "pobj" and gi is not None and sent.slots[gi].type == "ORG":
                        return Arg(slot=gi)
    if want == "ORGX" and tok.lower_ in lex.generic_orgs and any(c.lower_ == "the" for c in tok.children):
        return generic_body(tok.i, tok.i + 1)
    if tok.lower_ in PRONOUNS and antecedent is not None and want in ("PER", "PERX", "ENT"):
        return pick(antecedent, tok.lower_)
    return None
