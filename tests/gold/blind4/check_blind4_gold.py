"""Check tests/gold/blind4 the way tests/test_blind_gold.py checks the other blind golds, without
running the extractor (the set stays blind): every mention, evidence quote and span end equals the
ingested text at its offsets, no two mentions overlap, every relation end exists, every kind and
status is a project one, contract lots and on_behalf_of ends exist, and no invented name is reused
from the seeds or the earlier blind sets. Not collected by pytest (a plain script):
    python tests/gold/blind4/check_blind4_gold.py
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from graph.ingest import load_paths  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
KINDS = {"post", "family", "partner", "owned_by", "unit_of", "renamed", "replaces", "bid", "buyer", "represents",
         "legal_action", "investigated", "mp_for", "party", "paid_by", "consultant_to", "lobbied", "coi_stated"}
STATUSES = {"asserted", "reported", "hedged", "questioned", "denied"}
BID_STATUSES = {"bidding", "shortlisted", "preferred", "awarded", "withdrawn"}


def main() -> None:
    gold = json.loads((HERE / "entities.json").read_text(encoding="utf-8"))
    rel = json.loads((HERE / "entities_relations.json").read_text(encoding="utf-8"))
    threads, problems = load_paths([ROOT / p for p in gold["threads"].values()])
    assert problems == [], problems
    assert {t.id for t in threads} == set(gold["threads"]) and len(threads) == 2
    texts = {(t.id, m.id): m.text for t in threads for m in t.messages()}

    def at(x):
        return texts[(x["thread"], x["message"])][x["start"]:x["end"]]

    mentions = [x for e in gold["entities"] for x in e["mentions"]]
    assert len(mentions) > 100
    for x in mentions:
        assert at(x) == x["text"], x
    for e in gold["entities"]:
        assert e["type"] in ("Person", "Organization"), e["name"]
        assert e["mentions"] and set(e["names"]) == {x["text"] for x in e["mentions"]}, e["name"]
    spans = sorted((x["thread"], x["message"], x["start"], x["end"]) for x in mentions)
    for a, b in zip(spans, spans[1:]):
        assert not (a[:2] == b[:2] and b[2] < a[3]), (a, b)

    assert rel["entities"] == "tests/gold/blind4/entities.json"
    ids = {e["id"] for e in gold["entities"]}
    contracts = {c["id"] for c in rel["contracts"]}
    lots = {c["id"]: set(c.get("lots") or ()) for c in rel["contracts"]}
    for c in rel["contracts"]:
        assert c["buyer"] in ids, c
        for x in c["mentions"]:
            assert at(x) == x["text"], x
    for f in rel["facts"]:
        assert f["kind"] in KINDS and f["status"] in STATUSES, f
        assert f["evidence"], f
        for x in f["evidence"]:
            assert at(x) == x["quote"], x
        for end in (f["subject"], f["object"]):
            for alt in end if isinstance(end, list) else [end]:
                if alt is None:
                    continue
                if isinstance(alt, dict):
                    assert at(alt) == alt["text"], alt
                elif isinstance(alt, str):
                    assert alt in contracts, f
                else:
                    assert alt in ids, f
        if f["kind"] == "bid":
            assert f["bid_status"] in BID_STATUSES, f
        if "on_behalf_of" in f:
            assert f["on_behalf_of"] in ids, f
        if f.get("lots"):
            assert set(f["lots"]) <= lots[f["object"]], f

    def names(path):
        g = json.loads(path.read_text(encoding="utf-8"))
        return {n.casefold() for e in g["entities"] if e.get("kind") != "party" for n in [e["name"], *e["names"]]}
    ours = names(HERE / "entities.json")
    for other in ("seeds.json", "blind/entities.json", "blind2/entities.json", "blind3/entities.json"):
        clash = ours & names(GOLD / other)
        assert not clash, (other, clash)

    kinds = Counter(f["kind"] for f in rel["facts"])
    statuses = Counter(f["status"] for f in rel["facts"])
    types = Counter(e["type"] for e in gold["entities"])
    print(f"ok: {dict(types)} entities, {len(mentions)} mentions, {len(rel['contracts'])} contracts, "
          f"{len(rel['facts'])} facts")
    print("kinds:", dict(kinds.most_common()))
    print("statuses:", dict(statuses.most_common()))
    print("facts per thread:", dict(Counter(f["evidence"][0]["thread"] for f in rel["facts"])))
    print("entities per thread:", dict(Counter(t for e in gold["entities"] for t in {x["thread"] for x in e["mentions"]})))


if __name__ == "__main__":
    main()
