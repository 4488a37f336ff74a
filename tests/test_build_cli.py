"""`threadgraph build` end to end: what a user runs first."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from graph.cli import main

SIOC = rdflib.Namespace("http://rdfs.org/sioc/ns#")
SIOCT = rdflib.Namespace("http://rdfs.org/sioc/types#")


def test_seeds_build_writes_every_output(seeds_build):
    for name in ("turtle", "store", "gexf", "graphml", "html", "findings", "merges"):
        assert Path(seeds_build.outputs[name]).exists(), name
    summary = seeds_build.summary()
    assert summary["threads"] == 2
    assert summary["entities"] > 0 and summary["relations"] > 0


def test_seeds_turtle_has_the_thread_structure(seeds_build):
    g = rdflib.Graph().parse(seeds_build.outputs["turtle"], format="turtle")
    threads = set(g.subjects(rdflib.RDF.type, SIOC.Thread))
    comments = set(g.subjects(rdflib.RDF.type, SIOCT.Comment))
    assert len(threads) == 2
    assert len(comments) == sum(len(t.comments) for t in seeds_build.corpus.threads)
    # every comment replies to something in its own thread, and has its text
    for c in comments:
        parent = g.value(c, SIOC.reply_of)
        assert parent is not None
        assert g.value(parent, SIOC.has_container) == g.value(c, SIOC.has_container)
        assert str(g.value(c, SIOC.content)).strip()


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
def test_seeds_turtle_parses_with_an_independent_parser(seeds_build):
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(seeds_build.outputs["turtle"])],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "returned" in run.stderr and "triples" in run.stderr


def test_build_reports_bad_files_and_builds_the_rest(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"thread": "t1", "id": "post", "parent": None, "author": "ed", "created": None,
                    "text": "Jane Roe is the Chief Executive of Acme Holdings Ltd."}) + "\n"
        + json.dumps({"thread": "t1", "id": "c1", "parent": "post", "author": "bo", "created": None,
                      "text": "Acme Holdings Ltd won the contract."}) + "\n",
        encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert "empty.txt" in res.output and "blob.txt" in res.output
    assert (out / "graph.ttl").exists()
    strict = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(out), "-q", "--strict"])
    assert strict.exit_code == 1


def test_build_fails_when_nothing_can_be_read(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 2
    assert "nothing could be read" in res.output


def test_console_script_is_installed():
    run = subprocess.run([sys.executable, "-m", "graph.cli", "--help"], capture_output=True, text=True)
    assert run.returncode == 0
    for command in ("build", "query", "serve", "push", "findings", "eval", "validate", "html"):
        assert command in run.stdout
