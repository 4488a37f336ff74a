"""Canned queries (ontology/queries/*.rq) answer their question on a small invented graph,
parameters cannot change a query's shape, and `threadgraph query` prints every format."""
from __future__ import annotations

import json
import re
from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from graph import sparql
from graph.commands.query import query as query_cmd
from graph.store import load_turtle, write_store
from test_store_sample import ASSERTIONS, FACTS, MESSAGES, write_sample


@pytest.fixture(scope="module")
def ttl(tmp_path_factory):
    return write_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def store(ttl):
    return load_turtle(ttl)


def rows(store, query, **params):
    return sparql.run_canned(store, query, params).records()


# --- what each canned query answers

def test_every_canned_query_says_what_it_answers_and_declares_the_parameters_it_uses():
    canned = sparql.list_canned()
    names = {c.name for c in canned}
    assert {"entity", "posts", "family", "contracts", "conflicts", "changes", "shortest-path", "review",
            "commenters", "lookup"} <= names
    for c in canned:
        assert len(c.description) > 40, c.name
        used = {tok[1:] for kind, tok, _ in sparql.tokens(c.text) if kind == "var" and tok[0] == "$"}
        declared = {p.name for p in c.params}
        if c.compute == "shortest-path":
            used -= {"nodes"}  # filled by the search, not by the user
            assert used == set()
        else:
            assert used == declared, c.name


def test_entity_lists_every_fact_about_it_with_quotes_either_side(store):
    got = rows(store, "entity", name="marta velloso")  # case does not matter
    assert {(r["relation"], r["otherLabel"], r["quote"]) for r in got} == {
        ("post", "Office for Widget Standards", "Marta Velloso, Chief Regulator at the Office for Widget Standards"),
        ("post", "Brightwater Services Ltd", "Ms Velloso was formerly Operations Director at Brightwater Services Ltd"),
        ("family", "Dario Velloso", "is married to Dario Velloso"),
        ("family", "Dario Velloso", "Marta Velloso is married to Dario Velloso"),
    }
    # an alias and the IRI find the same entity; facts where it is the object are there too
    assert {r["entity"] for r in rows(store, "entity", name="OWS")} == {"https://w3id.org/threadgraph/id/org-ows"}
    kestrel = rows(store, "entity", name="https://w3id.org/threadgraph/id/org-kestrel")
    assert {(r["side"], r["relation"], r["status"]) for r in kestrel} >= {
        ("object", "coi_stated", "asserted"), ("object", "post", "denied"), ("subject", "bid", "asserted")}


def test_entity_gives_one_row_per_telling_for_every_entity_even_one_place_facts(store):
    # a fact with no object (investigated for a matter) must not pair up with every label
    for key in {a[0] for a in ASSERTIONS.values()} | {a[2] for a in ASSERTIONS.values() if a[2]}:
        tellings = [aid for aid, a in ASSERTIONS.items() if key in (a[0], a[2])]
        got = rows(store, "entity", name=f"https://w3id.org/threadgraph/id/{key}")
        assert len(got) == len(tellings), key
    fraud = [r for r in rows(store, "entity", name="Kestrel Holdings") if r["relation"] == "investigated"]
    assert [(r["other"], r["otherLabel"], r["status"]) for r in fraud] == [(None, None, "reported")]


def test_posts_tell_current_from_former_with_their_sources(store):
    got = {(r["person"], r["role"], r["organisation"], r["tense"], r["sources"]) for r in rows(store, "posts")}
    assert ("Marta Velloso", "Chief Regulator", "Office for Widget Standards", "current",
            "threads/widgets.txt#c1") in got
    assert ("Marta Velloso", "Operations Director", "Brightwater Services Ltd", "former",
            "threads/widgets.txt#c2") in got
    assert len(got) == 4  # four memberships in the graph
    assert {r["organisation"] for r in rows(store, "posts", name="Brightwater")} == {"Brightwater Services Ltd"}


def test_family_ties_count_their_evidence_and_keep_hedges(store):
    got = {(r["person"], r["tie"], r["other"]): r for r in rows(store, "family")}
    assert set(got) == {("Marta Velloso", "spouse", "Dario Velloso"), ("Ines Carrow", "relative", "Dario Velloso")}
    assert got[("Marta Velloso", "spouse", "Dario Velloso")]["evidence"] == 2
    assert got[("Ines Carrow", "relative", "Dario Velloso")]["statuses"] == "hedged"


def test_contracts_give_buyer_bidders_status_value_and_term(store):
    got = rows(store, "contracts")
    assert {(r["bidder"], r["status"]) for r in got} == {("Brightwater Services Ltd", "awarded"),
                                                           ("Kestrel Holdings", "withdrawn")}
    for r in got:
        assert (r["contract"], r["buyer"], r["value"], r["currency"], r["per"], r["termYears"]) == (
            "national widget inspection contract", "Department of Widgets", Decimal("250000000"), "GBP", "year",
            Decimal(7))
        assert sorted(r["lots"].split(", ")) == ["North", "South"]
    assert rows(store, "contracts", name="Lone Ranger Trust") == []


def test_conflicts_show_each_finding_with_its_ordered_chain_of_quotes(store):
    got = rows(store, "conflicts")
    assert [(r["finding"], r["step"]) for r in got] == [
        ("finding-stated", 1), ("finding-relative", 1), ("finding-relative", 2), ("finding-relative", 3),
        ("finding-relative", 4)]  # strongest (0.8) first, steps in order
    chain = [r["stepQuote"] for r in got if r["finding"] == "finding-relative"]
    assert chain == [ASSERTIONS[a][8] for a in ("a4", "a5", "a6", "a1")]
    first = got[1]
    assert (first["official"], first["connector"], first["counterparty"], first["basis"], first["kind"]) == (
        "Marta Velloso", "Dario Velloso", "Brightwater Services Ltd", "family tie", "inferred")
    assert {r["finding"] for r in rows(store, "conflicts", name="Kestrel Holdings")} == {"finding-stated"}


def test_changes_walk_a_renaming_chain_in_order_and_list_successions(store):
    got = [(r["chain"], r["step"], r["from"], r["change"], r["to"]) for r in rows(store, "changes")]
    assert got == [
        ("Pellham Widgets", 1, "Pellham Widgets", "renamed", "Pellham Group"),
        ("Pellham Widgets", 2, "Pellham Group", "taken over", "Brightwater Services Ltd"),
        ("Tom Ashby", 1, "Oskar Lind", "replaced", "Tom Ashby"),
    ]
    assert len(rows(store, "changes", name="Brightwater")) == 2


def test_shortest_path_finds_the_fewest_hops_and_never_crosses_a_denied_fact(store):
    got = rows(store, "shortest-path", **{"from": "Oskar Lind", "to": "Marta Velloso"})
    assert [(r["from"], r["relation"], r["to"]) for r in got] == [
        ("Oskar Lind", "coi_stated", "Kestrel Holdings"),
        ("Kestrel Holdings", "partner", "Brightwater Services Ltd"),
        ("Brightwater Services Ltd", "post", "Marta Velloso"),
    ]
    assert got[2]["direction"] == "←" and got[2]["quote"].startswith("Ms Velloso was formerly")
    # "Tom Ashby works for Kestrel" is denied: the path goes round by Oskar Lind instead
    tom = rows(store, "shortest-path", **{"from": "Tom Ashby", "to": "Kestrel Holdings"})
    assert [r["to"] for r in tom] == ["Oskar Lind", "Kestrel Holdings"]
    assert rows(store, "shortest-path", **{"from": "Tom Ashby", "to": "Lone Ranger Trust"}) == []
    assert rows(store, "shortest-path", **{"from": "Tom Ashby", "to": "Marta Velloso", "max": "2"}) == []
    with pytest.raises(sparql.QueryError, match="no entity is named"):
        rows(store, "shortest-path", **{"from": "Nobody Atall", "to": "Tom Ashby"})


def test_review_queue_holds_single_source_and_weak_facts_but_not_corroborated_ones(store):
    got = {(r["subject"], r["relation"], r["object"]): r for r in rows(store, "review")}
    assert ("Marta Velloso", "family", "Dario Velloso") not in got  # two messages, 0.86
    assert len(got) == len(FACTS) - 1
    assert got[("Ines Carrow", "family", "Dario Velloso")]["reason"] == "one source; low confidence; not asserted outright"
    assert list(got)[0] == ("Ines Carrow", "family", "Dario Velloso")  # weakest first
    strict = rows(store, "review", threshold="0.95")
    assert ("Marta Velloso", "family", "Dario Velloso") in {(r["subject"], r["relation"], r["object"]) for r in strict}


def test_commenters_get_what_they_wrote_and_handles_are_not_people(store):
    got = rows(store, "commenters")
    by = {}
    for r in got:
        by.setdefault(r["commenter"], []).append(r)
    expected = {}
    for aid, a in ASSERTIONS.items():
        expected.setdefault(MESSAGES[a[7]][0], set()).add(a[8])
    assert {h: {r["quote"] for r in rs} for h, rs in by.items()} == expected
    assert {r["commenter"] for r in rows(store, "commenters", commenter="ANONYMOUS")} == {"Anonymous"}


# --- parameters are values, never query text

@pytest.mark.parametrize("value", ['x" } ; DROP ALL #', "a\\u0022b", "\\", "line\nbreak\r\t", "o'q\"\"\"",
                                   "$name", "Zoë “Z” \\o/", "\x00\x07"])
def test_a_parameter_value_arrives_in_the_query_exactly_as_given(value):
    q = sparql.bind_params("SELECT ($name AS ?x) WHERE {}", [sparql.Param("name")], {"name": value})
    assert sparql.execute(ox.Store(), q).rows[0][0].value == value


def test_a_name_that_matches_no_entity_gives_no_rows_not_all_rows(store):
    for query in ("entity", "posts", "family", "contracts", "conflicts", "changes"):
        assert rows(store, query, name="Nobody Of That Name") == [], query
    assert rows(store, "posts", name="") == rows(store, "posts")  # empty: no restriction


def test_an_injection_attempt_in_a_name_matches_nothing(store):
    assert rows(store, "entity", name='x") || true || ("') == []
    assert rows(store, "family", name='" || true || "') == []


def test_placeholders_inside_strings_iris_and_comments_are_left_alone():
    text = 'SELECT * WHERE { ?s ?p "$name" . <http://x.org/$name> ?q $name } # $name'
    out = sparql.bind_params(text, [sparql.Param("name")], {"name": "v"})
    assert out == 'SELECT * WHERE { ?s ?p "$name" . <http://x.org/$name> ?q "v" } # $name'


def test_bad_parameters_are_clear_errors(store):
    with pytest.raises(sparql.QueryError, match="missing parameter name"):
        rows(store, "entity")
    with pytest.raises(sparql.QueryError, match="unknown parameter nmae"):
        rows(store, "entity", nmae="x")
    with pytest.raises(sparql.QueryError, match="not a number"):
        rows(store, "review", threshold="0.5; DROP")
    with pytest.raises(sparql.QueryError, match="not an absolute IRI"):
        sparql.sparql_literal("http://x.org/> } DROP ALL {", "iri")
    with pytest.raises(sparql.QueryError, match="no canned query named"):
        rows(store, "nope")


def test_update_service_and_load_are_recognised_as_not_read_only():
    for text in ["INSERT DATA { <a:b> <a:c> <a:d> }", "PREFIX x: <a:> DELETE WHERE { ?s ?p ?o }",
                 "LOAD <http://example.org/x.ttl>", "CLEAR ALL", "DROP GRAPH <a:g>"]:
        with pytest.raises(sparql.Refused, match="read-only"):
            sparql.check_read_only(text)
    with pytest.raises(sparql.Refused, match="SERVICE"):
        sparql.check_read_only("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    sparql.check_read_only('SELECT * { ?s ?p "INSERT SERVICE" } # DELETE')  # words in strings/comments are fine


# --- the command line

@pytest.fixture(scope="module")
def store_dir(ttl):
    return write_store(ttl, ttl.parent / "store")


def cli(*args):
    return CliRunner().invoke(query_cmd, list(args), catch_exceptions=False)


def test_cli_prints_a_readable_table_by_default(store_dir):
    r = cli("--store", str(store_dir), "--name", "family")
    assert r.exit_code == 0
    assert re.search(r"Marta Velloso\s*│\s*spouse\s*│\s*Dario Velloso", r.output)


def test_cli_csv_json_and_tsv_carry_the_same_rows(store_dir):
    base = ["--store", str(store_dir), "--name", "lookup", "--param", "name=Brightwater"]
    csv_out = cli(*base, "--format", "csv").stdout
    assert csv_out.splitlines()[:2] == ["entity,label,type,mentions",
                                        "https://w3id.org/threadgraph/id/org-brightwater,Brightwater Services Ltd,Organization,4"]
    data = json.loads(cli(*base, "--format", "json").stdout)
    assert data["head"]["vars"] == ["entity", "label", "type", "mentions"]
    assert data["results"]["bindings"][0]["mentions"] == {
        "type": "literal", "value": "4", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    tsv = cli(*base, "--format", "tsv").stdout.splitlines()
    assert tsv[1].split("\t") == ["<https://w3id.org/threadgraph/id/org-brightwater>", '"Brightwater Services Ltd"',
                                  '"Organization"', "4"]


def test_cli_construct_gives_turtle_that_rdflib_reads(store_dir):
    r = cli("--store", str(store_dir),
            "CONSTRUCT { ?p <http://xmlns.com/foaf/0.1/name> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }")
    g = rdflib.Graph().parse(data=r.stdout, format="turtle")
    assert len(g) == 5


def test_cli_reads_a_turtle_file_with_graph_and_a_query_file(ttl, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("ASK { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> $label }", encoding="utf-8")
    assert cli("--graph", str(ttl), "--file", str(q), "-p", "label=Tom Ashby").stdout.strip() == "true"
    assert cli("--graph", str(ttl), "--file", str(q), "-p", "label=Tom Ashbee").stdout.strip() == "false"


def test_cli_reports_a_syntax_error_with_its_position_not_a_traceback(store_dir):
    r = cli("--store", str(store_dir), "SELECT ?x WHERE {\n  ?x ?y }")
    assert r.exit_code == 1
    assert "syntax error" in r.stderr and "line 2, column" in r.stderr and "^" in r.stderr
    assert "Traceback" not in r.output


def test_cli_refuses_an_update_with_a_clear_message(store_dir):
    r = cli("--store", str(store_dir), "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert r.exit_code == 1 and "read-only" in r.stderr and "Traceback" not in r.output


def test_cli_lists_the_canned_queries_and_explains_a_missing_store(tmp_path):
    listing = cli("--list").stdout
    for c in sparql.list_canned():
        assert c.name in listing
    r = cli("--store", str(tmp_path / "none"), "--name", "posts")
    assert r.exit_code == 2 and "threadgraph build" in r.stderr
