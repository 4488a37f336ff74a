"""Score the build's entities on the project's own annotated seed threads.

The gold (tests/gold/seeds.json, built by tests/gold/build_seeds_gold.py) lists the people and
organisations a careful reader finds in seeds/, each with all its mentions as spans in the
ingested message texts. The threads are read with graph.ingest, extracted with
graph.extract.extract_corpus (the build's own extractor), completed with
graph.extract.entities.propagate_names (names found elsewhere in the thread), resolved with graph.resolve,
then scored exactly like the dev sets (graph/evaluate/scoring.py), with spans keyed by
(thread, message, start, end). Only Person and Organization are annotated, so only they
are scored. Two more figures: `names` — for each gold entity matched by a predicted one,
how many of its gold names are among the predicted entity's name and aliases; `duplicates`
— gold entities found as more than one predicted entity (each extra one is a false
positive in the entity table).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from graph.evaluate.scoring import Counts, EvalResult, score_entities, score_mentions

SCORED = ("Person", "Organization")


def run_seeds(gold_path: str | Path, root: str | Path | None = None) -> EvalResult:
    from graph.extract import extract_corpus
    from graph.ingest import load_paths
    from graph.resolve import resolve

    t0 = time.perf_counter()
    gold_path = Path(gold_path)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        sources = gold["threads"]
        entities = gold["entities"]
    except (OSError, ValueError, KeyError) as exc:
        raise ValueError(f"cannot read seeds gold {gold_path}: {exc}") from exc
    root = Path(root) if root else _repo_root(gold_path)
    threads, problems = load_paths([root / src for src in sources.values()])
    ids = {t.id for t in threads}
    missing = set(sources) - ids
    if missing:
        raise ValueError(f"gold threads not found after ingest: {', '.join(sorted(missing))}")
    from graph.extract.entities import propagate_names

    mentions, _ = extract_corpus(threads)
    for t in threads:  # no-op where the extractor already does it
        mentions += propagate_names(t, mentions)
    result = EvalResult(dataset="seeds", path=str(gold_path), documents=len(threads))
    result.words = sum(len(m.text.split()) for t in threads for m in t.messages())
    for t in SCORED:
        result.mentions.setdefault(t, Counts())
        result.resolved.setdefault(t, Counts())
        result.entities.setdefault(t, Counts())
    from graph.resolve import dedupe

    scored = [m for m in dedupe(mentions) if m.label in SCORED]

    def key(thread, message, start, end):
        return f"{thread}|{message}|{start}|{end}"

    gold_mentions = [(key(x["thread"], x["message"], x["start"], x["end"]), e["type"])
                     for e in entities for x in e["mentions"]]
    score_mentions([(m.ref, "", m.label) for m in scored], [(k, "", t) for k, t in gold_mentions], result.mentions)
    resolved, _, _ = resolve(mentions, [])  # as the build calls it
    score_mentions([(m.ref, "", e.type) for e in resolved.values() if e.type in SCORED for m in e.mentions],
                   [(k, "", t) for k, t in gold_mentions], result.resolved)
    gold_ents = {e["id"]: (e["type"], {(key(x["thread"], x["message"], x["start"], x["end"]), "")
                                       for x in e["mentions"]}) for e in entities}
    pred = [(e.type, {(m.ref, "") for m in e.mentions}) for e in resolved.values() if e.type in SCORED]
    score_entities(pred, gold_ents, result.entities)
    _names(result, resolved, entities, key)
    result.seconds = time.perf_counter() - t0
    return result


def _names(result: EvalResult, resolved, entities, key) -> None:
    owner = {}
    for e in entities:
        for x in e["mentions"]:
            owner[key(x["thread"], x["message"], x["start"], x["end"])] = e["id"]
    found: dict[int, list] = {}
    for ent in resolved.values():
        hits = {owner[m.ref] for m in ent.mentions if m.ref in owner}
        if len(hits) == 1:
            found.setdefault(hits.pop(), []).append(ent)
    names = Counts()
    dup = []
    for e in entities:
        preds = found.get(e["id"], [])
        if len(preds) > 1:
            dup.append(e["name"])
        have = {n.casefold() for p in preds for n in {p.name} | p.aliases}
        for n in e["names"]:
            if n.casefold() in have:
                names.tp += 1
            else:
                names.fn += 1
    result.entities["names (gold names on the matched entities)"] = names
    if dup:
        result.notes.append("found as more than one entity: " + ", ".join(sorted(dup)))


def _repo_root(gold_path: Path) -> Path:
    for p in [gold_path.resolve().parent, *gold_path.resolve().parents]:
        if (p / "seeds").is_dir() and (p / "graph").is_dir():
            return p
    return Path.cwd()
