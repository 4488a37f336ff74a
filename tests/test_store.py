"""The embedded store: written from Turtle next to it, replaced atomically, opened read-only."""
from __future__ import annotations

import rdflib
import pytest

from graph.store import StoreError, as_rdflib, load_turtle, open_store, write_store
from test_store_sample import sample_turtle, write_sample

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(store) -> int:
    return int(next(iter(store.query(COUNT)))["n"].value)


def test_the_store_holds_exactly_the_triples_of_the_turtle(tmp_path):
    ttl = write_sample(tmp_path)
    store_dir = write_store(ttl, tmp_path / "store")
    assert store_dir == tmp_path / "store"
    assert count(open_store(store_dir)) == len(rdflib.Graph().parse(ttl))


def test_rewriting_replaces_the_old_store_and_leaves_no_temporary_folders(tmp_path):
    ttl = write_sample(tmp_path)
    write_store(ttl, tmp_path / "store")
    small = tmp_path / "small.ttl"
    small.write_text("<https://example.org/a> <https://example.org/b> 'c' .\n", encoding="utf-8")
    write_store(small, tmp_path / "store")
    assert count(open_store(tmp_path / "store")) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "small.ttl", "store"]


def test_a_broken_turtle_file_leaves_the_previous_store_in_place(tmp_path):
    ttl = write_sample(tmp_path)
    write_store(ttl, tmp_path / "store")
    before = count(open_store(tmp_path / "store"))
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://example.org/a> <https://example.org/b> .\n", encoding="utf-8")
    with pytest.raises(StoreError, match="bad.ttl"):
        write_store(bad, tmp_path / "store")
    assert count(open_store(tmp_path / "store")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_missing_store_is_a_clear_error_that_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="threadgraph build"):
        open_store(tmp_path / "nothing")


def test_several_readers_can_open_the_store_at_once(tmp_path):
    store_dir = write_store(write_sample(tmp_path), tmp_path / "store")
    a, b = open_store(store_dir), open_store(store_dir)
    assert count(a) == count(b) > 0


def test_a_turtle_file_can_be_queried_without_a_store(tmp_path):
    ttl = write_sample(tmp_path)
    assert count(load_turtle(ttl)) == len(rdflib.Graph().parse(data=sample_turtle(), format="turtle"))


def test_rdflib_code_can_query_the_store_through_the_oxigraph_plugin(tmp_path):
    store_dir = write_store(write_sample(tmp_path), tmp_path / "store")
    g = as_rdflib(store_dir)
    rows = list(g.query("SELECT ?l WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> ; "
                        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"))
    assert sorted(str(r[0]) for r in rows) == ["Dario Velloso", "Ines Carrow", "Marta Velloso", "Oskar Lind",
                                               "Tom Ashby"]
