"""The seeds' graph: SHACL-valid, every quote at its offsets, stable bytes, exports that re-read.

Uses the session build of the seeds (tests/conftest.py: `seeds_build`, `seeds_out`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from graph.iris import TG
from graph.network import project, read_gexf
from graph.validate import validate_graph
from test_rdf import QUOTE_CHECK

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_graph(seeds_out) -> Graph:
    return Graph().parse(seeds_out / "graph.ttl", format="turtle")


def test_the_seeds_graph_is_shacl_valid(seeds_build, seeds_graph):
    assert seeds_build.violations == 0, (seeds_build.out / "validation.txt").read_text()[:3000]
    report = validate_graph(seeds_graph)  # the file on disk, validated again on its own
    assert report.violations == 0, report.text[:3000]


def test_the_seeds_graph_has_facts_with_evidence(seeds_graph):
    assert len(set(seeds_graph.subjects(RDF.type, TG.Assertion))) > 0


def test_every_seed_quote_is_the_text_at_its_offsets_in_rdflib_and_pyoxigraph(seeds_out, seeds_graph):
    n = len(set(seeds_graph.subjects(RDF.type, TG.Assertion)))
    rows = sorted((str(r.exact), str(r.actual)) for r in seeds_graph.query(QUOTE_CHECK))
    store = ox.Store()
    store.load(path=str(seeds_out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    ox_rows = sorted((s["exact"].value, s["actual"].value) for s in store.query(QUOTE_CHECK))
    assert len(rows) == n and rows == ox_rows
    assert [r for r in rows if r[0] != r[1]] == []


def test_the_seeds_turtle_parses_in_pyoxigraph_and_rapper(seeds_out, seeds_graph):
    path = seeds_out / "graph.ttl"
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) == len(seeds_graph)
    if shutil.which("rapper") is None:
        pytest.skip("rapper not installed (Debian package raptor2-utils): independent Turtle parse not checked")
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {len(seeds_graph)} triples" in run.stderr


def test_the_seeds_exports_reread_into_the_projection_of_the_turtle(seeds_out, seeds_graph):
    G = project(seeds_graph)
    assert G.number_of_nodes() > 0
    for back, drop in ((read_gexf(seeds_out / "graph.gexf"), ("viz",)),
                       (nx.read_graphml(seeds_out / "graph.graphml", force_multigraph=True), ())):
        assert set(back.nodes) == set(G.nodes)
        for node in G.nodes:
            assert {k: v for k, v in back.nodes[node].items() if k not in drop} == G.nodes[node]
        assert set(back.edges(keys=True)) == set(G.edges(keys=True))
        for e in G.edges(keys=True):
            assert back.edges[e] == G.edges[e]


@pytest.mark.slow
def test_two_builds_in_fresh_processes_give_byte_identical_turtle(seeds_out, tmp_path):
    """A rebuild, with a different hash seed, writes the very same bytes (and so the same graph)."""
    first = (seeds_out / "graph.ttl").read_bytes()
    out = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    run = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(ROOT / "seeds"), "--out", str(out), "-q"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    second = (out / "graph.ttl").read_bytes()
    if first != second:  # say what differs, not just that it does
        a, b = Graph().parse(data=first, format="turtle"), Graph().parse(data=second, format="turtle")
        only_a, only_b = sorted(set(a) - set(b))[:5], sorted(set(b) - set(a))[:5]
        pytest.fail(f"rebuild differs (isomorphic={isomorphic(a, b)}): first only {only_a}; second only {only_b}")
