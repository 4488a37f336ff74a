"""The builder both blind golds share (tests/gold/blind, tests/gold/blind2): hand tables of
entities (surface forms per thread), contracts and facts become span-exact gold files in the
schema of tests/gold/seeds.json and seeds_relations.json."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from graph.ingest import load_paths  # noqa: E402

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|co\.uk)(?:/\S*)?")


def compile_form(form: str):
    form, _, only = form.partition("@")
    pre, _, rest = form.partition("[")
    if rest:
        inner, _, post = rest.partition("]")
    else:
        pre, inner, post = "", form, ""
    pat = re.compile(r"(?<![\w@/])" + re.escape(pre) + "(" + re.escape(inner) + ")" + re.escape(post) + r"(?![\w/])")
    return pat, set(only.split(",")) if only else None


def locate(text: str, quote: str, where: str) -> int:
    n = text.count(quote)
    assert n == 1, f"{where}: quote {quote!r} found {n} times"
    return text.index(quote)


def build(here: Path, doc: str, entities, contract_rows, fact_rows, rel_description: str) -> None:
    """Turn one gold's hand tables into tests/gold/<here>/entities.json and entities_relations.json:
    every surface form is found in the ingested messages, every quote exactly once."""
    threads, problems = load_paths([here / "threads"])
    assert not problems, problems
    msgs = {(t.id, m.id): m.text for t in threads for m in t.messages()}
    ents = {"description": doc.strip().splitlines()[0] + " Entity gold, same schema as tests/gold/seeds.json.",
            "threads": {t.id: str(Path(t.source).resolve().relative_to(ROOT)) for t in threads}, "entities": []}
    ids = {}
    forms = []
    for i, (key, typ, name, kind, surfaces) in enumerate(entities):
        ids[key] = i
        ents["entities"].append({"id": i, "type": typ, "name": name, "kind": kind, "names": [], "mentions": []})
        for tid, fs in surfaces.items():
            for s in fs:
                pat, only = compile_form(s)
                forms.append((len(s), i, tid, pat, only))
    forms.sort(key=lambda f: -f[0])
    for t in threads:
        for m in t.messages():
            blocked = [(u.start(), u.end()) for u in URL.finditer(m.text)]
            taken = []
            for _, i, tid, pat, only in forms:
                if tid != t.id or (only and m.id not in only):
                    continue
                for hit in pat.finditer(m.text):
                    a, b = hit.span(1)
                    if any(x < b and a < y for x, y in blocked + taken):
                        continue
                    taken.append((a, b))
                    ents["entities"][i]["mentions"].append(
                        {"thread": t.id, "message": m.id, "start": a, "end": b, "text": m.text[a:b]})
    for e in ents["entities"]:
        e["mentions"].sort(key=lambda x: (x["thread"], [int(p) if p.isdigit() else -1 for p in x["message"].lstrip("c").split(".")], x["start"]))
        e["names"] = sorted({x["text"] for x in e["mentions"]})
        assert e["mentions"], f"no mention found for {e['name']}"

    def span(t, m, text):
        a = locate(msgs[(t, m)], text, f"{t}/{m}")
        return {"thread": t, "message": m, "start": a, "end": a + len(text), "text": text}

    def end(x):
        if isinstance(x, list):
            return [end(y) for y in x]
        if x is None or (isinstance(x, str) and re.fullmatch(r"K\d+", x)):
            return x
        if isinstance(x, tuple):
            return span(*x[1:])
        return ids[x]

    contracts = []
    for row in contract_rows:  # (id, name, buyer, value, term[, lots], mentions)
        cid, name, buyer, value, term, *lots, mentions = row
        c = {"id": cid, "name": name, "buyer": ids[buyer], "value": value, "term_years": term}
        if lots and lots[0]:
            c["lots"] = lots[0]
        c["mentions"] = [span(*x) for x in mentions]
        contracts.append(c)
    facts = []
    for f in fact_rows:
        out = {"kind": f["kind"], "subject": end(f["subject"]), "object": end(f["object"]), "status": f["status"]}
        for k, v in f.items():
            if k not in out and k != "evidence":
                out[k] = ids[v] if k == "on_behalf_of" else v
        out["evidence"] = []
        for t, m, q in f["evidence"]:
            sp = span(t, m, q)
            out["evidence"].append({"thread": t, "message": m, "start": sp["start"], "end": sp["end"], "quote": q})
        facts.append(out)
    rels = {"description": rel_description,
            "entities": str((here / "entities.json").relative_to(ROOT)), "contracts": contracts, "facts": facts}
    (here / "entities.json").write_text(json.dumps(ents, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (here / "entities_relations.json").write_text(json.dumps(rels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(e["mentions"]) for e in ents["entities"])
    print(f"{len(ents['entities'])} entities, {n} mentions, {len(contracts)} contracts, {len(facts)} facts")
