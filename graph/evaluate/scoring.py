"""Counting and scoring: strict matches, precision / recall / F1.

Mentions (strict): a predicted mention is correct when its character span is exactly the
span of a gold mention AND its type equals the gold mention's mapped type. Each gold
mention can be matched once. Gold mentions of types the project does not produce are
left out (neither recall nor precision counts them), except that a prediction on exactly
such a span still counts as a false positive of the predicted type (strict).

Resolved mentions: the same strict mention score after resolution, each mention typed as
the entity it joined (the type vote can fix a model's slip) and mentions left ambiguous
dropped: the mentions the graph holds.

Entities (strict, per document): a predicted entity (all mentions that resolution put
together) is correct when its type equals a gold entity's type and every one of its
mentions that hit any gold mention hits a mention of that same gold entity, with at least
one hit. Each gold entity can be matched once. This scores resolution: two gold entities
merged into one, or a name of another thing pulled into a cluster, fail it.

Relations (strict), for the kinds the dataset annotates (datasets.SCORED_KINDS): a predicted relation is reduced to (eval kind, head, tail) where head
and tail are the gold entities whose mention spans exactly equal the relation's subject /
object mention spans (or the mention text, when it matches no gold mention). It is correct
when that triple is a gold triple. Relations with no object (a post with no organisation)
have no gold counterpart and are not scored; nor are predictions of a kind the dataset does
not annotate (they are counted under relation_kinds_not_scored). Counts are over distinct triples per document (several
predictions of one fact count once); per-rule counts are per prediction.

Relations, ends matched through resolution (`relations_resolved`, reported beside the strict
`relations`, which stay the headline figures and the basis of per-rule counts and calibration):
as above, except that an end whose mention span is no gold mention span is matched through the
entity resolution puts its mention in (graph.resolve over the extractor's mentions of the
document): when that entity's mentions that hit gold mentions all hit one gold entity, the end is
that gold entity - the rule the entity score uses. "Madrid midfielder X" then counts for gold
"Real Madrid" when the document also says "Real Madrid" and resolution joins the two; an end
resolution leaves apart, or joins to two gold entities, stays unmatched. An end that hits a gold
mention exactly keeps that gold entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalResult:
    dataset: str
    path: str
    documents: int = 0
    mentions: dict[str, Counts] = field(default_factory=dict)  # per project entity type
    resolved: dict[str, Counts] = field(default_factory=dict)  # mentions with their entity's type
    entities: dict[str, Counts] = field(default_factory=dict)  # per type, resolved clusters
    relations: dict[str, Counts] = field(default_factory=dict)  # per eval kind
    relations_resolved: dict[str, Counts] = field(default_factory=dict)  # ends matched through resolution
    rules: dict[str, Counts] = field(default_factory=dict)  # per Relation.rule: tp / fp per prediction
    ignored_gold_types: dict[str, int] = field(default_factory=dict)
    ignored_relation_labels: dict[str, int] = field(default_factory=dict)
    unscored_kinds: dict[str, int] = field(default_factory=dict)  # eval kind the dataset lacks -> predictions
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0

    @staticmethod
    def total(table: dict[str, Counts], keys=None) -> Counts:
        c = Counts()
        for k, v in table.items():
            if keys is None or k in keys:
                c.add(v)
        return c

    def to_dict(self) -> dict[str, object]:
        def tab(t):
            return {k: v.to_dict() for k, v in sorted(t.items())}

        return {
            "dataset": self.dataset, "path": self.path, "documents": self.documents, "words": self.words,
            "seconds": round(self.seconds, 2),
            "mentions": tab(self.mentions), "mentions_all": self.total(self.mentions).to_dict(),
            "resolved_mentions": tab(self.resolved), "entities": tab(self.entities), "relations": tab(self.relations),
            "relations_all": self.total(self.relations).to_dict(),
            "relations_resolved": tab(self.relations_resolved),
            "relations_resolved_all": self.total(self.relations_resolved).to_dict(), "rules": tab(self.rules),
            "ignored_gold_types": dict(sorted(self.ignored_gold_types.items())),
            "ignored_relation_labels": dict(sorted(self.ignored_relation_labels.items())),
            "relation_kinds_not_scored": dict(sorted(self.unscored_kinds.items())),
            "notes": self.notes,
        }


def bump(table: dict[str, Counts], key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
    c = table.setdefault(key, Counts())
    c.tp += tp
    c.fp += fp
    c.fn += fn


def score_mentions(pred: list[tuple[int, int, str]], gold: list[tuple[int, int, str | None]],
                   table: dict[str, Counts]) -> None:
    """pred/gold: (start, end, type); gold type None = not scored."""
    scored = {}
    for s, e, t in gold:
        if t is not None:
            scored[(s, e, t)] = scored.get((s, e, t), 0) + 1
    remaining = dict(scored)
    for s, e, t in pred:
        if remaining.get((s, e, t), 0) > 0:
            remaining[(s, e, t)] -= 1
            bump(table, t, tp=1)
        else:
            bump(table, t, fp=1)
    for (s, e, t), n in remaining.items():
        if n:
            bump(table, t, fn=n)


def sole_owner(keys, owner: dict):
    """The one gold entity that the keys (mention spans or refs) hit, or None when they hit none
    or several: the rule by which a predicted entity stands for a gold one. Keys not in `owner` are
    mentions the gold does not have and count for nothing."""
    hits = {owner[k] for k in keys if k in owner}
    return next(iter(hits)) if len(hits) == 1 else None


def score_entities(pred: list[tuple[str, set[tuple[int, int]]]], gold: dict[int, tuple[str | None, set[tuple[int, int]]]],
                   table: dict[str, Counts]) -> None:
    """pred: (type, spans) per predicted entity; gold: entity id -> (type, spans)."""
    span_owner: dict[tuple[int, int], int] = {}
    for gid, (_, spans) in gold.items():
        for sp in spans:
            span_owner.setdefault(sp, gid)
    matched: set[int] = set()
    for t, spans in pred:
        gid = sole_owner(spans, span_owner)
        if gid is not None and gold[gid][0] == t and gid not in matched:
            matched.add(gid)
            bump(table, t, tp=1)
        else:  # no gold entity, two of them, a type we do not score, or another type: wrong
            bump(table, t, fp=1)
    for gid, (t, _) in gold.items():
        if t is not None and gid not in matched:
            bump(table, t, fn=1)
