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

Relations (when tests/gold/seeds_relations.json, or `<gold stem>_relations.json` next to the
entity gold, exists; the relation gold may also be given as the path itself). The gold lists the
facts a careful reader finds, each with its kind (the project's relation kinds), its two ends, its
status and its evidence (thread, message, start, end, quote). The build's relations (extract_corpus
then resolve, as `threadgraph build` calls them) are scored against it, strict, per kind
(owned_by and unit_of both as "ownership", as on the dev sets):

- A predicted end is a resolved entity. It stands for the gold entity whose mentions its own
  mentions hit, exactly as the entity score decides it: the (thread, message, start, end) spans of
  the entity's mentions that equal a gold mention all belong to one gold entity. A gold end that
  the entity gold does not annotate ("the government", a person named only by a post, a
  constituency) is a span: a predicted end matches it when one of its mentions overlaps that span
  in the same message. A Contract entity stands for the gold contract (`contracts`: K1, K2 ...)
  one of whose mention spans one of its mentions overlaps. A gold end may be a list of ends, any
  one of which is accepted.
- A post with no organisation matches on its role instead (casefolded, spaces collapsed, a
  leading "the"/"my"/"our" dropped; the gold lists the accepted forms); a post with an
  organisation matches on the organisation, whatever the role. A one-place fact (investigated
  for fraud) matches on its subject. A bid also has to have the gold bid status (bidding,
  shortlisted, preferred, awarded, withdrawn). family, partner and coi_stated have no direction.
- Evidence: the prediction must come from a message the gold states the fact in, with an
  evidence span overlapping the gold quote there. The right ends from the wrong place are wrong
  (unless the graph also holds that fact from a right place: then the fact counts once, right, and
  the stray telling is wrong only in the rule table).
- Counting: a gold fact is a true positive when some prediction matches it, else a false
  negative. Predictions are reduced to distinct (kind, subject, object[, role/bid status])
  facts in the gold's terms; one that matches no gold fact is a false positive (so one fact
  told five times counts once, and two predictions matching one gold fact count once).
  The rule table counts per prediction.
- The status (asserted, reported, hedged, questioned, denied) is not part of the match: how
  many matched facts carry the gold status is a note. So is, for matched posts with an
  organisation, whether current/former agrees.
- Contracts go into the entity table: "Contract" (a predicted Contract entity is right when it
  stands for a gold contract; a second entity for a contract already found is a duplicate, noted,
  not counted; one that stands for none is a false positive: a vague "contracts" made a thing),
  "contract value" (amount, currency and period equal the gold's) and "contract term" (years).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from graph.evaluate.scoring import Counts, EvalResult, score_entities, score_mentions, sole_owner

SCORED = ("Person", "Organization")


def run_seeds(gold_path: str | Path, root: str | Path | None = None) -> EvalResult:
    from graph.extract import extract_corpus
    from graph.ingest import load_paths
    from graph.resolve import resolve

    t0 = time.perf_counter()
    gold_path = Path(gold_path)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "facts" in gold:  # the relation gold given: its entity gold is named in it
            rel_path = gold_path
            gold_path = _repo_root(gold_path) / gold["entities"]
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            gold["relations_path"] = str(rel_path)
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
    from graph.extract.thread_mentions import propagate_names

    mentions, relations = extract_corpus(threads)
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
    resolved, rels, _ = resolve(mentions, relations)  # as the build calls it
    score_mentions([(m.ref, "", e.type) for e in resolved.values() if e.type in SCORED for m in e.mentions],
                   [(k, "", t) for k, t in gold_mentions], result.resolved)
    gold_ents = {e["id"]: (e["type"], {(key(x["thread"], x["message"], x["start"], x["end"]), "")
                                       for x in e["mentions"]}) for e in entities}
    pred = [(e.type, {(m.ref, "") for m in e.mentions}) for e in resolved.values() if e.type in SCORED]
    score_entities(pred, gold_ents, result.entities)
    _names(result, resolved, entities, key)
    rel_gold = _relation_gold(gold_path, gold)
    if rel_gold is not None:
        score_relations(rel_gold, entities, resolved, rels, result)
    result.seconds = time.perf_counter() - t0
    return result


def _names(result: EvalResult, resolved, entities, key) -> None:
    owner = {}
    for e in entities:
        for x in e["mentions"]:
            owner[key(x["thread"], x["message"], x["start"], x["end"])] = e["id"]
    found: dict[int, list] = {}
    for ent in resolved.values():
        gid = sole_owner((m.ref for m in ent.mentions), owner)
        if gid is not None:
            found.setdefault(gid, []).append(ent)
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


# ------------------------------------------------------------------ relations

SYMMETRIC_KINDS = {"family", "partner", "coi_stated"}
_ROLE_DROP = ("the ", "my ", "our ", "a ", "an ")


def _relation_gold(gold_path: Path, gold: dict) -> dict | None:
    p = Path(gold["relations_path"]) if gold.get("relations_path") else \
        gold_path.with_name(gold_path.stem + "_relations.json")
    if not p.exists():
        return None
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read seeds relation gold {p}: {exc}") from exc


def eval_kind(kind: str) -> str:
    from graph.evaluate.datasets import PREDICTED_KINDS

    return PREDICTED_KINDS.get(kind, kind)


def norm_role(role) -> str:
    r = " ".join(str(role or "").split()).casefold().strip(" ,.;:")
    for d in _ROLE_DROP:
        if r.startswith(d):
            r = r[len(d):]
    return r


def _alts(end) -> list:
    return end if isinstance(end, list) else [end]


def _overlaps(a: tuple, b: tuple) -> bool:
    """(thread, message, start, end) spans: same message, overlapping characters."""
    return a[0] == b[0] and a[1] == b[1] and a[2] < b[3] and b[2] < a[3]


def _where(x: dict) -> tuple:
    return x["thread"], x["message"], x["start"], x["end"]


def _ref_span(ref: str) -> tuple | None:
    parts = ref.rsplit("|", 3)
    try:
        return parts[0], parts[1], int(parts[2]), int(parts[3])
    except (ValueError, IndexError):
        return None


class _Ends:
    """What a predicted entity can stand for in the gold's terms."""

    def __init__(self, gold_entities: list[dict], contracts: list[dict], resolved: dict):
        owner = {_where(x): e["id"] for e in gold_entities for x in e["mentions"]}
        self.resolved = resolved
        self.gold_id: dict[str, int] = {}
        self.spans: dict[str, list[tuple]] = {}
        self.contract: dict[str, list[str]] = {}
        for key, ent in resolved.items():
            spans = [s for s in (_ref_span(m.ref) for m in ent.mentions) if s is not None]
            self.spans[key] = spans
            gid = sole_owner(spans, owner)
            if gid is not None:
                self.gold_id[key] = gid
            if ent.type == "Contract":
                self.contract[key] = [c["id"] for c in contracts
                                      if any(_overlaps(s, _where(x)) for s in spans for x in c["mentions"])]

    def matches(self, key: str | None, gold_end) -> bool:
        if gold_end is None or key is None:
            return gold_end is None and key is None
        if isinstance(gold_end, bool):
            return False
        if isinstance(gold_end, int):
            return self.gold_id.get(key) == gold_end
        if isinstance(gold_end, str):  # a contract id
            return gold_end in self.contract.get(key, [])
        g = _where(gold_end)
        return any(_overlaps(s, g) for s in self.spans.get(key, []))

    def label(self, key: str | None):
        """A stable name for a predicted end in the gold's terms, for counting distinct facts."""
        if key is None:
            return None
        if key in self.gold_id:
            return self.gold_id[key]
        if self.contract.get(key):
            return self.contract[key][0]
        return f"pred:{key}"


def _fact_matches(rel, g: dict, ends: _Ends) -> bool:
    if eval_kind(rel.kind) != eval_kind(g["kind"]):
        return False
    if rel.kind == "bid" and str(rel.qualifiers.get("status") or rel.qualifiers.get("bid_status")) != g.get("bid_status"):
        return False
    ev = rel.evidence
    here = (ev.thread, ev.message, ev.start, ev.end)
    if not any(_overlaps(here, _where(x)) for x in g["evidence"]):
        return False
    orders = [(rel.subject, rel.object)]
    if g["kind"] in SYMMETRIC_KINDS:
        orders.append((rel.object, rel.subject))
    for s, o in orders:
        if not any(ends.matches(s, a) for a in _alts(g["subject"])):
            continue
        for a in _alts(g["object"]):
            if a is None and g["kind"] == "post":
                roles = {norm_role(r) for r in g.get("role") or []}
                if o is None and norm_role(rel.qualifiers.get("role")) in roles:
                    return True
            elif ends.matches(o, a):
                return True
    return False


def _pred_key(rel, ends: _Ends) -> tuple:
    kind = eval_kind(rel.kind)
    s, o = ends.label(rel.subject), ends.label(rel.object)
    if kind in SYMMETRIC_KINDS:
        s, o = sorted((s, o), key=repr)
    extra = None
    if kind == "post" and rel.object is None:
        extra = norm_role(rel.qualifiers.get("role"))
    elif kind == "bid":
        extra = rel.qualifiers.get("status") or rel.qualifiers.get("bid_status")
    return kind, s, o, extra


def score_relations(rel_gold: dict, gold_entities: list[dict], resolved: dict, relations: list,
                    result: EvalResult) -> None:
    """Score `relations` (resolved, as the build holds them) against the relation gold; see the
    module docstring. Fills result.relations (per kind), result.rules, result.entities["Contract" ...]
    and notes."""
    from graph.evaluate.scoring import bump

    facts = rel_gold.get("facts", [])
    contracts = rel_gold.get("contracts", [])
    ends = _Ends(gold_entities, contracts, resolved)
    kinds = sorted({eval_kind(g["kind"]) for g in facts})
    for k in kinds:
        result.relations.setdefault(k, Counts())
    found: dict[int, object] = {}  # gold fact index -> a prediction that matched it
    pred_hits: dict[tuple, set[int]] = {}
    for rel in relations:
        hits = {i for i, g in enumerate(facts) if _fact_matches(rel, g, ends)}
        for i in hits:
            found.setdefault(i, rel)
        bump(result.rules, rel.rule, tp=int(bool(hits)), fp=int(not hits))
        pred_hits.setdefault(_pred_key(rel, ends), set()).update(hits)
    for key, hits in pred_hits.items():
        if not hits:
            bump(result.relations, key[0], fp=1)
    for i, g in enumerate(facts):
        bump(result.relations, eval_kind(g["kind"]), tp=int(i in found), fn=int(i not in found))
    same = sum(1 for i, rel in found.items() if rel.status == facts[i].get("status", "asserted"))
    result.notes.append(f"relations: {same} of {len(found)} matched facts carry the gold status")
    posts = [(facts[i], rel) for i, rel in found.items() if facts[i]["kind"] == "post" and rel.object is not None
             and "current" in facts[i]]
    if posts:
        ok = sum(1 for g, rel in posts if rel.qualifiers.get("current") == g["current"])
        result.notes.append(f"relations: {ok} of {len(posts)} matched posts with an organisation agree on current/former")
    missed = [g for i, g in enumerate(facts) if i not in found]
    if missed:
        result.notes.append("relations missed: " + "; ".join(
            f"{g['kind']} {g['evidence'][0]['message']} “{g['evidence'][0].get('quote', '')[:60]}”" for g in missed))
    _score_contracts(contracts, ends, resolved, result)


def _score_contracts(contracts: list[dict], ends: _Ends, resolved: dict, result: EvalResult) -> None:
    from decimal import Decimal

    from graph.evaluate.scoring import bump

    table = result.entities
    for k in ("Contract", "contract value", "contract term"):
        table.setdefault(k, Counts())
    gold = {c["id"]: c for c in contracts}
    seen: set[str] = set()
    dups: list[str] = []
    values: dict[str, set] = {}
    terms: dict[str, set] = {}
    for key, ent in resolved.items():
        if ent.type != "Contract":
            continue
        ids = ends.contract.get(key, [])
        new = [i for i in ids if i not in seen]
        if new:
            seen.update(new)
            bump(table, "Contract", tp=len(new))
        elif ids:
            dups.append(ent.name)
        else:
            bump(table, "Contract", fp=1)
        where = ids or [f"pred:{key}"]
        a = ent.attrs or {}
        if a.get("value") is not None:
            v = (Decimal(str(a["value"])), a.get("currency"), a.get("period"))
            for i in where:
                values.setdefault(i, set()).add(v)
        if a.get("term_years") is not None:
            for i in where:
                terms.setdefault(i, set()).add(Decimal(str(a["term_years"])))
    for cid in gold:
        if cid not in seen:
            bump(table, "Contract", fn=1)
    for cid, c in gold.items():
        gv = c.get("value")
        want = (Decimal(gv["amount"]), gv["currency"], gv.get("period")) if gv else None
        got = values.pop(cid, set())
        if want is not None:
            bump(table, "contract value", tp=int(want in got), fn=int(want not in got))
        bump(table, "contract value", fp=len(got - {want}))
        gt = Decimal(str(c["term_years"])) if c.get("term_years") is not None else None
        got_t = terms.pop(cid, set())
        if gt is not None:
            bump(table, "contract term", tp=int(gt in got_t), fn=int(gt not in got_t))
        bump(table, "contract term", fp=len(got_t - {gt}))
    for rest, t in ((values, "contract value"), (terms, "contract term")):
        for got in rest.values():
            bump(table, t, fp=len(got))
    if dups:
        result.notes.append("contracts found as more than one entity (not counted): " + ", ".join(sorted(dups)))
