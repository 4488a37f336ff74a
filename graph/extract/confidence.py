"""Confidence of a fact = the measured precision of its rule family on the dev sets.

ontology/confidence.tsv (rule, precision, tp, fp, datasets, note) is written by
`threadgraph eval --calibrate` / `python -m graph.calibrate`; rules never seen in a dev set
carry a documented prior, marked "prior" in the note column.
"""
from __future__ import annotations

import csv
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "ontology" / "confidence.tsv"
PRIOR = Decimal("0.50")


@lru_cache(maxsize=4)
def table(path: Path = TABLE) -> dict[str, Decimal]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {row["rule"]: Decimal(row["precision"]) for row in csv.DictReader(f, delimiter="\t")
                if row.get("rule") and row.get("precision")}


def confidence(rule: str) -> Decimal:
    """The rule's measured precision, else the prior."""
    return table().get(rule, PRIOR)
