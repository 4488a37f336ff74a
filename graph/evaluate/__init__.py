"""Score the extractor against gold annotations (`threadgraph eval`).

Python API (used by `threadgraph eval` and by relation calibration):

    from graph.evaluate import run
    result = run("dwie", "../shared/eval/dwie/dev.json", limit=20)
    result.mentions["Person"].f1, result.relations["post"].precision, result.rules["post.apposition"].tp

Entities: each document's text goes through graph.nlp.load_nlp() and
graph.extract.entities.mentions_from_doc(); the mentions are scored against the gold
mentions, then resolved per document with graph.resolve.resolve() and scored as entities.
Relations: the documents become one-post Threads and go through
graph.extract.extract_corpus(); until that exists the relation scores have no predictions.
Relation ends are matched strictly by mention span (`result.relations`, the headline figures,
per-rule counts and calibration) and, reported beside them, through entity resolution
(`result.relations_resolved`, JSON "relations_resolved": an end whose span is no gold mention
counts as the gold entity its resolved entity's mentions all hit, the entity score's rule).
How a prediction matches gold is documented in graph/evaluate/scoring.py; the label
mappings in graph/evaluate/datasets.py. The seed-thread gold (tests/gold/seeds.json) is
scored by graph/evaluate/seeds.py.
"""
from __future__ import annotations

import time
from pathlib import Path

from graph.evaluate.datasets import (DATASETS, EVAL_KINDS, PREDICTED_KINDS, PREDICTED_KINDS_BY_DATASET,
                                     RULE_KINDS_BY_DATASET, SYMMETRIC, EvalDoc, load, scored_kinds)
from graph.evaluate.scoring import Counts, EvalResult, bump, score_entities, score_mentions, sole_owner
from graph.model import Message, Thread

SCORED_TYPES = ("Person", "Organization", "Place")

__all__ = ["run", "EvalResult", "Counts", "DATASETS", "evaluate_docs"]


def run(dataset: str, path: str | Path, limit: int | None = None, relations: bool = True,
        parser: bool = False, detokenize: bool = True) -> EvalResult:
    """Load `path` as `dataset` and score entities (and relations) on it."""
    if dataset == "seeds":
        from graph.evaluate.seeds import run_seeds

        return run_seeds(path)
    docs = load(dataset, path, limit=limit, detokenize=detokenize)
    return evaluate_docs(docs, dataset=dataset, path=str(path), relations=relations, parser=parser)


def evaluate_docs(docs: list[EvalDoc], dataset: str = "", path: str = "", relations: bool = True,
                  parser: bool = False) -> EvalResult:
    from graph.extract.entities import mentions_from_doc
    from graph.nlp import load_nlp
    from graph.resolve import resolve

    t0 = time.perf_counter()
    result = EvalResult(dataset=dataset, path=path, documents=len(docs))
    for t in SCORED_TYPES:
        result.mentions.setdefault(t, Counts())
        result.resolved.setdefault(t, Counts())
        result.entities.setdefault(t, Counts())
    nlp = load_nlp(parser=parser)
    threads = [_thread(d, i, dataset) for i, d in enumerate(docs)]
    for doc, thread, sdoc in zip(docs, threads, nlp.pipe(d.text for d in docs)):
        result.words += len(doc.text.split())
        mentions = [m for m in mentions_from_doc(sdoc, thread.id, thread.post) if m.label in SCORED_TYPES]
        for g in doc.mentions:
            if g.type is None:
                result.ignored_gold_types[g.gold_type] = result.ignored_gold_types.get(g.gold_type, 0) + 1
        score_mentions([(m.evidence.start, m.evidence.end, m.label) for m in mentions],
                       [(g.start, g.end, g.type) for g in doc.mentions], result.mentions)
        entities, _, _ = resolve(mentions, [])
        score_mentions([(m.evidence.start, m.evidence.end, e.type) for e in entities.values() for m in e.mentions
                        if e.type in SCORED_TYPES],
                       [(g.start, g.end, g.type) for g in doc.mentions], result.resolved)
        gold_ents: dict[int, tuple[str | None, set]] = {}
        for g in doc.mentions:
            gold_ents.setdefault(g.entity, (g.type, set()))[1].add((g.start, g.end))
        score_entities([(e.type, {(m.evidence.start, m.evidence.end) for m in e.mentions})
                        for e in entities.values() if e.type in SCORED_TYPES], gold_ents, result.entities)
        for label, n in doc.unmapped_relations.items():
            result.ignored_relation_labels[label] = result.ignored_relation_labels.get(label, 0) + n
    if relations:
        _score_relations(docs, threads, result)
    result.seconds = time.perf_counter() - t0
    return result


def _thread(doc: EvalDoc, i: int, dataset: str) -> Thread:
    tid = f"{dataset or 'eval'}-{i}"
    return Thread(id=tid, source=doc.id, post=Message(id="post", text=doc.text), title=doc.id)


def _span_of(ref: str) -> tuple[int, int] | None:
    parts = ref.rsplit("|", 2)
    try:
        return int(parts[-2]), int(parts[-1])
    except (ValueError, IndexError):
        return None


def _score_relations(docs: list[EvalDoc], threads: list[Thread], result: EvalResult) -> None:
    scored = scored_kinds(result.dataset)
    for kind in scored:
        result.relations.setdefault(kind, Counts())
    result.unscored_kinds = {k: 0 for k in EVAL_KINDS if k not in scored}
    try:
        from graph.extract import extract_corpus
    except ImportError as exc:
        result.notes.append(f"relations: graph.extract.extract_corpus is not available ({exc}); no predictions")
        extract_corpus = None
    predicted = []
    extracted_mentions = []
    if extract_corpus is not None:
        extracted_mentions, predicted = extract_corpus(threads)
    result.relations_resolved = {kind: Counts() for kind in scored}
    mentions_by_thread: dict[str, list] = {}
    for m in extracted_mentions:
        mentions_by_thread.setdefault(m.evidence.thread, []).append(m)
    kinds = PREDICTED_KINDS_BY_DATASET.get(result.dataset, PREDICTED_KINDS)
    rule_kinds = RULE_KINDS_BY_DATASET.get(result.dataset, {})
    by_thread: dict[str, list] = {}
    for rel in predicted:
        by_thread.setdefault(rel.evidence.thread, []).append(rel)
    for doc, thread in zip(docs, threads):
        owner: dict[tuple[int, int], int] = {}
        for g in doc.mentions:
            owner.setdefault((g.start, g.end), g.entity)
        gold = set()
        for g in doc.relations:
            gold.add(_triple(g.kind, g.head, g.tail))
        found = set()
        found_resolved = set()
        via = _resolved_owner(mentions_by_thread.get(thread.id, []), owner)
        for rel in by_thread.get(thread.id, []):
            kind = rule_kinds.get(rel.rule) or kinds.get(rel.kind)
            if kind is None or rel.object is None:  # one-place facts have no gold counterpart
                continue
            if kind not in scored:  # the dataset does not annotate this kind: no right or wrong
                result.unscored_kinds[kind] += 1
                continue
            ends = []
            ends_resolved = []
            for ref in (rel.subject, rel.object):
                span = _span_of(ref) if ref else None
                if span is None:
                    ends.append(("?", ref))
                else:
                    ends.append(owner.get(span, ("?", doc.text[span[0]:span[1]].lower())))
                ends_resolved.append(ends[-1] if isinstance(ends[-1], int) or ref not in via else via[ref])
            triple = _triple(kind, ends[0], ends[1])
            hit = triple in gold
            bump(result.rules, rel.rule, tp=int(hit), fp=int(not hit))
            found.add(triple)
            found_resolved.add(_triple(kind, ends_resolved[0], ends_resolved[1]))
        for table, got in ((result.relations, found), (result.relations_resolved, found_resolved)):
            for triple in got:
                bump(table, triple[0], tp=int(triple in gold), fp=int(triple not in gold))
            for triple in gold - got:
                bump(table, triple[0], fn=1)


def _resolved_owner(mentions: list, owner: dict[tuple[int, int], int]) -> dict[str, int]:
    """Mention ref -> the gold entity its resolved entity stands for, under the entity score's rule
    (scoring.py): the entity's mentions that hit gold mentions all hit the same gold entity."""
    from graph.resolve import resolve

    if not mentions:
        return {}
    try:
        entities, _, _ = resolve(mentions, [])
    except Exception:  # resolution failing leaves the strict rule alone
        return {}
    out: dict[str, int] = {}
    for e in entities.values():
        gid = sole_owner(((m.evidence.start, m.evidence.end) for m in e.mentions), owner)
        if gid is not None:
            for m in e.mentions:
                out[m.ref] = gid
    return out


def _triple(kind: str, head, tail) -> tuple:
    if kind in SYMMETRIC:
        a, b = sorted((head, tail), key=repr)
        return kind, a, b
    return kind, head, tail
