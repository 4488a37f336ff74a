"""Readers for the gold evaluation formats: DWIE / Re-DocRED (DocRED JSON) and CoNLL04.

Each reader turns a file into `EvalDoc`s: one text, the gold mentions as character spans
in it, and the gold relations mapped onto the project's relation kinds. The text is the
tokens joined with single spaces, except that no space goes before closing punctuation and
clitics ("Smith 's" -> "Smith's", "Ltd ." -> "Ltd.") or after opening brackets, a hyphen
token joins its neighbours ("Jean - Claude" -> "Jean-Claude"), and a newline token stays a newline: the model was trained on ordinary text, and every gold
token keeps exact character offsets either way. CoNLL04 glues a sentence's full stop to its
last word; a gold name there ends before the stop (see _unglue_final_period).

Label mappings (kept here, in code, so they are reviewed with it):

- entity types -> project types: PER/PERSON/type::person/Peop -> Person;
  ORG/type::organization/Org -> Organization; LOC/type::location/Loc -> Place. Every
  other gold type (TIME, NUM, MISC, Other, DWIE role/misc/other/event/money/ethnicity...)
  has no counterpart in the project and is left out of the score.
- relations -> eval kinds (post, family, ownership, replaces, party):
  DWIE head_of, member_of, spokesperson_of, coach_of -> post (when the tail is an
  organisation: DWIE member_of also links players to clubs typed as places); DWIE
  agent_of is NOT mapped: in DWIE it links people to countries ("German minister"), which
  the project models as no relation. spouse_of, child_of, parent_of, sibling -> family.
  Re-DocRED P108 employer -> post; P488 chairperson (organisation -> person) -> post with
  head and tail swapped; P26 spouse, P3373 sibling, P40 child, P22 father, P25 mother,
  P1038 relative -> family; P127 owned by, P749 parent organisation -> ownership (owned ->
  owner); P355 subsidiary -> ownership swapped; P1365 replaces -> replaces; P1366 replaced by
  -> replaces swapped; P102 political party -> party; P463 member of -> membership.
  Re-DocRED files membership apart from employment, so there a post found by the rule
  post.member ("X, a member of Y") is scored as membership (RULE_KINDS_BY_DATASET), not as
  a P108 employer fact; on DWIE member_of is a post and so is what post.member finds.
  CoNLL04 Work_For -> post. Every other label is left out of the score.
  The project's owned_by and unit_of kinds are both scored as "ownership"; on DWIE the
  project's party kind is scored as post (DWIE's member_of covers party membership).
  family is scored without direction (the direction lives in its qualifier).
- scored kinds per dataset (SCORED_KINDS): a relation kind is scored only on a dataset that
  annotates it. DWIE: post, family; Re-DocRED: post, family, ownership, replaces, party, membership;
  CoNLL04: post only. A prediction of a kind the dataset does not annotate (a family tie
  found in CoNLL04) is neither a true nor a false positive: it is counted apart and the
  report names the kinds not scored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = {
    "PER": "Person", "PERSON": "Person", "type::person": "Person", "Peop": "Person",
    "ORG": "Organization", "type::organization": "Organization", "Org": "Organization",
    "LOC": "Place", "type::location": "Place", "Loc": "Place",
}

# label -> (eval kind, swap head and tail)
RELATIONS = {
    "dwie": {
        "head_of": ("post", False), "member_of": ("post", False), "spokesperson_of": ("post", False),
        "coach_of": ("post", False), "spouse_of": ("family", False), "child_of": ("family", False),
        "parent_of": ("family", False), "sibling": ("family", False),
    },
    "redocred": {
        "P108": ("post", False), "P488": ("post", True), "P26": ("family", False), "P3373": ("family", False),
        "P40": ("family", False), "P22": ("family", False), "P25": ("family", False), "P1038": ("family", False),
        "P127": ("ownership", False), "P749": ("ownership", False), "P355": ("ownership", True),
        "P1365": ("replaces", False), "P1366": ("replaces", True), "P102": ("party", False),
        "P463": ("membership", False),
    },
    "conll04": {"Work_For": ("post", False)},
}
# Project relation kind -> eval kind.
PREDICTED_KINDS = {"post": "post", "family": "family", "owned_by": "ownership", "unit_of": "ownership",
                   "replaces": "replaces", "party": "party"}
# DWIE annotates membership of a party as member_of (-> post), so a predicted party
# membership is scored as a post there.
PREDICTED_KINDS_BY_DATASET = {"dwie": {**PREDICTED_KINDS, "party": "post"}}
# Rule id -> eval kind, where a dataset splits a project kind by what the rule finds.
RULE_KINDS_BY_DATASET = {"redocred": {"post.member": "membership"}}
# Eval kinds each dataset annotates: only these are scored there (see the docstring).
SCORED_KINDS = {
    "dwie": ("post", "family"),
    "redocred": ("post", "family", "ownership", "replaces", "party", "membership"),
    "conll04": ("post",),
}
EVAL_KINDS = tuple(sorted(set(PREDICTED_KINDS.values())
                          | {k for kinds in RULE_KINDS_BY_DATASET.values() for k in kinds.values()}))


def scored_kinds(dataset: str) -> tuple[str, ...]:
    """The eval kinds scored on `dataset`; all of them for a dataset we know nothing about."""
    return SCORED_KINDS.get(dataset, EVAL_KINDS)


SYMMETRIC = {"family"}
# The type the tail of a mapped relation must have to count (None: any).
TAIL_TYPES = {"post": "Organization", "ownership": "Organization", "party": "Organization", "family": "Person"}

DATASETS = ("dwie", "redocred", "conll04")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    type: str | None  # project type, None when the gold type has no counterpart
    gold_type: str
    entity: int  # index of its entity in the document


@dataclass(frozen=True)
class GoldRelation:
    kind: str
    head: int
    tail: int
    label: str


@dataclass
class EvalDoc:
    id: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    unmapped_relations: dict[str, int] = field(default_factory=dict)


NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "'", "n't", "'re", "'ve", "'ll",
                   "'d", "'m", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "``"}


def join_tokens(tokens: list[str], detokenize: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """Text from tokens, with each token's (start, end) character offsets."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for tok in tokens:
        if prev is not None:
            if detokenize and (tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or tok == "\n" or prev == "\n"
                               or tok == "-" or prev == "-"):
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), offsets


def load(dataset: str, path: str | Path, limit: int | None = None, detokenize: bool = True) -> list[EvalDoc]:
    """Read `path` in the format of `dataset` (dwie | redocred | conll04)."""
    dataset = dataset.lower()
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}: use one of {', '.join(DATASETS)}")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of documents")
    if limit is not None:
        data = data[:limit]
    reader = _conll04_doc if dataset == "conll04" else _docred_doc
    docs = []
    for i, raw in enumerate(data):
        try:
            docs.append(reader(raw, i, dataset, detokenize))
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: document {i} is not in {dataset} format ({exc!r})") from exc
    return docs


def _docred_doc(raw: dict, i: int, dataset: str, detokenize: bool) -> EvalDoc:
    tokens: list[str] = []
    sent_base: list[int] = []
    for sent in raw["sents"]:
        sent_base.append(len(tokens))
        tokens.extend(sent)
    text, offs = join_tokens(tokens, detokenize)
    doc = EvalDoc(id=str(raw.get("title") or i), text=text)
    types: dict[int, str | None] = {}
    for ent_i, mentions in enumerate(raw["vertexSet"]):
        for m in mentions:
            a, b = m["pos"]
            base = sent_base[m["sent_id"]]
            start, end = offs[base + a][0], offs[base + b - 1][1]
            t = ENTITY_TYPES.get(m["type"])
            doc.mentions.append(GoldMention(start, end, t, m["type"], ent_i))
            types.setdefault(ent_i, t)
    _relations(doc, [(lab["r"], lab["h"], lab["t"]) for lab in raw.get("labels", [])], dataset, types)
    return doc


def _conll04_doc(raw: dict, i: int, dataset: str, detokenize: bool) -> EvalDoc:
    text, offs = join_tokens(raw["tokens"], detokenize)
    offs = _unglue_final_period(raw["tokens"], offs)
    doc = EvalDoc(id=str(raw.get("orig_id", i)), text=text)
    types: dict[int, str | None] = {}
    start = None
    for k, tag in enumerate(raw["tags"]):
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "U"):
            start = k
        if prefix in ("L", "U") and start is not None:
            ent_i = len(types)
            t = ENTITY_TYPES.get(label)
            types[ent_i] = t
            doc.mentions.append(GoldMention(offs[start][0], offs[k][1], t, label, ent_i))
            start = None
    _relations(doc, [(r["type"], r["head"], r["tail"]) for r in raw.get("relations", [])], dataset, types)
    return doc


def _unglue_final_period(tokens: list[str], offs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """CoNLL04's tokenisation glues a sentence's full stop to its last word ("... north of
    Boise."), so a gold name at the end of a sentence would include the stop. The stop is no
    part of the name: the last token's span ends before it when the word is 5+ characters
    with no other full stop ("Boise." -> "Boise"; "Mass." and "N.M." keep theirs)."""
    if not tokens:
        return offs
    last = tokens[-1]
    word = last[:-1]
    if last.endswith(".") and len(word) >= 5 and "." not in word and word[-1].isalnum():
        a, b = offs[-1]
        offs = offs[:-1] + [(a, b - 1)]
    return offs


def _relations(doc: EvalDoc, labels, dataset: str, types: dict[int, str | None]) -> None:
    table = RELATIONS[dataset]
    for label, h, t in labels:
        mapped = table.get(label)
        if mapped is None:
            doc.unmapped_relations[label] = doc.unmapped_relations.get(label, 0) + 1
            continue
        kind, swap = mapped
        if swap:
            h, t = t, h
        need = TAIL_TYPES.get(kind)
        if need and types.get(t) != need:
            doc.unmapped_relations[f"{label} (tail not {need})"] = doc.unmapped_relations.get(
                f"{label} (tail not {need})", 0) + 1
            continue
        doc.relations.append(GoldRelation(kind, h, t, label))
