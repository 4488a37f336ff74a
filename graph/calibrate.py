"""Rule confidence = measured precision on the dev sets (`threadgraph eval --calibrate`).

Runs the extractor over every dev set in ../shared/eval beside the repository (or THREADGRAPH_EVAL) through
graph.evaluate, adds up each rule's true and false positives (strict: kind and both ends
must match a gold relation; relations with no counterpart in a dataset are not scored), and
writes ontology/confidence.tsv: rule, precision, tp, fp, datasets, note.

- precision = tp / (tp + fp) when a rule made at least MIN_SUPPORT scored predictions;
- with fewer, the figure is smoothed toward the prior: (tp + PRIOR*K) / (tp + fp + K), note "few";
- a rule never scored on a dev set (contracts, legal, lobbying, stated conflicts: kinds the dev
  sets do not annotate) gets the prior, note "prior".
"""
from __future__ import annotations

import csv
import os
import sys
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from graph.extract.confidence import PRIOR, TABLE
from graph.extract.lexicon import PATTERNS, rule_list

# The dev sets live in shared/ beside the repository checkout (they are not ours to commit).
EVAL_DIR = Path(os.environ.get("THREADGRAPH_EVAL", Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
DEV_SETS = (("dwie", "dwie/dev.json"), ("redocred", "redocred/dev_revised.json"), ("conll04", "conll04/conll04_dev.json"))
MIN_SUPPORT = 5
K = 2


def rule_ids() -> list[str]:
    """Every rule id the rule files declare, plus the ones the code names."""
    ids: set[str] = {"post.of", "coi.stated", "family.list_siblings", "family.parents_pair", "post.member"}
    for stem, key in (("surface", "rule"), ("frames", "frame"), ("contracts", "verbs")):
        ids |= {r["id"] for r in rule_list(stem, key)}
    with open(PATTERNS / "contracts.toml", "rb") as f:
        d = tomllib.load(f)
    ids |= {d["nouns"]["id"], d["preferred"]["id"]}
    return sorted(ids)


def measure(limit: int | None = None, sets=DEV_SETS) -> dict[str, dict]:
    """Per rule: tp, fp and the datasets it was scored on."""
    # every rule is measured, also those that do not fire by default (`default = false`)
    os.environ["THREADGRAPH_RULES"] = "all"
    from graph.extract.relations import reload_rules

    reload_rules()
    from graph.evaluate import run

    out: dict[str, dict] = {}
    for name, rel in sets:
        path = EVAL_DIR / rel
        if not path.exists():
            print(f"skipped {name}: {path} not found", file=sys.stderr)
            continue
        result = run(name, path, limit=limit)
        for rule, c in result.rules.items():
            row = out.setdefault(rule, {"tp": 0, "fp": 0, "datasets": []})
            row["tp"] += c.tp
            row["fp"] += c.fp
            if c.tp + c.fp:
                row["datasets"].append(name)
        print(f"{name}: {result.documents} documents, {result.seconds:.0f} s", file=sys.stderr)
        for kind, c in sorted(result.relations.items()):
            if c.tp + c.fp + c.fn:
                print(f"  {kind:10} tp={c.tp:4} fp={c.fp:4} fn={c.fn:4}  P={c.precision:.3f} R={c.recall:.3f} "
                      f"F1={c.f1:.3f}", file=sys.stderr)
    return out


def table_rows(counts: dict[str, dict]) -> list[dict]:
    rows = []
    q = Decimal("0.01")
    for rule in sorted(set(rule_ids()) | set(counts)):
        c = counts.get(rule, {"tp": 0, "fp": 0, "datasets": []})
        tp, fp = c["tp"], c["fp"]
        if tp + fp >= MIN_SUPPORT:
            p, note = Decimal(tp) / Decimal(tp + fp), "measured"
        elif tp + fp:
            p, note = (Decimal(tp) + PRIOR * K) / Decimal(tp + fp + K), f"few: smoothed toward prior {PRIOR}"
        else:
            p, note = PRIOR, "prior: not seen in a dev set"
        rows.append({"rule": rule, "precision": str(p.quantize(q, ROUND_HALF_UP)), "tp": tp, "fp": fp,
                     "datasets": ",".join(c["datasets"]) or "-", "note": note})
    return rows


def write(rows: list[dict], path: Path = TABLE) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["rule", "precision", "tp", "fp", "datasets", "note"], delimiter="\t",
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


def main(limit: int | None = None) -> Path:
    path = write(table_rows(measure(limit=limit)))
    print(f"wrote {path}")
    return path


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
