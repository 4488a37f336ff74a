"""Calibration: a rule's confidence is its measured precision on the dev sets, and the table says
how each figure was obtained."""
from __future__ import annotations

from decimal import Decimal

from graph import calibrate
from graph.extract import confidence


def test_rows_are_measured_smoothed_or_prior_by_support():
    rows = {r["rule"]: r for r in calibrate.table_rows({
        "post.apposition": {"tp": 8, "fp": 2, "datasets": ["dwie", "conll04"]},
        "family.married_to": {"tp": 1, "fp": 0, "datasets": ["redocred"]},
    })}
    assert rows["post.apposition"]["precision"] == "0.80" and rows["post.apposition"]["note"] == "measured"
    assert rows["post.apposition"]["datasets"] == "dwie,conll04"
    # one hit is not a precision of 1.0: pulled toward the prior
    assert rows["family.married_to"]["precision"] == "0.67" and rows["family.married_to"]["note"].startswith("few")
    # a rule the dev sets cannot score keeps the documented prior
    assert rows["contract.award"]["precision"] == "0.50" and rows["contract.award"]["note"].startswith("prior")


def test_every_rule_in_the_rule_files_gets_a_row():
    ids = calibrate.rule_ids()
    assert {"post.apposition", "family.married_to", "owned_by.part_owned", "renamed.became", "contract.award",
            "coi.stated", "post.of"} <= set(ids)
    assert {r["rule"] for r in calibrate.table_rows({})} == set(ids)


def test_written_table_is_what_the_extractor_reads(tmp_path):
    path = calibrate.write(calibrate.table_rows({"post.copula": {"tp": 9, "fp": 1, "datasets": ["dwie"]}}),
                           tmp_path / "confidence.tsv")
    table = confidence.table(path)
    assert table["post.copula"] == Decimal("0.90") and table["lobbied"] == Decimal("0.50")


def test_the_shipped_table_covers_every_rule():
    shipped = confidence.table()
    assert set(calibrate.rule_ids()) <= set(shipped)
    assert all(Decimal(0) <= v <= Decimal(1) for v in shipped.values())
