"""`threadgraph serve`: a read-only SPARQL 1.1 Protocol endpoint that standard clients can use.

The server runs here on the small invented graph, on loopback, with a short time limit
and a small row limit so both limits are really reached.
"""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from graph import sparql
from graph.serve import choose, make_server
from graph.store import write_store
from test_store_sample import write_sample

TIMEOUT = 2.0
MAX_ROWS = 100
PEOPLE = "SELECT ?name WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name"
NAMES = ["Dario Velloso", "Ines Carrow", "Marta Velloso", "Oskar Lind", "Tom Ashby"]
# four-way cross product of the whole graph: ~10^11 solutions, counted without producing a row
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    store_dir = write_store(write_sample(folder), folder / "store")
    (folder / "graph.html").write_text("<html><body>the graph page</body></html>", encoding="utf-8")
    srv = make_server(store_dir, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def endpoint(server):
    return server.url + "/sparql"


def http(url, data=None, headers=None, method=None):
    """(status, content type, body) without raising on 4xx/5xx."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read().decode()


def form(query=None, **extra):
    return urllib.parse.urlencode({**({"query": query} if query else {}), **extra}).encode()


# --- standard clients

@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_gets_the_same_rows_in_every_result_format(endpoint, fmt, method):
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(PEOPLE)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    res = sw.query()
    if fmt == JSON:
        names = [b["name"]["value"] for b in res.convert()["results"]["bindings"]]
    elif fmt == XML:
        doc = res.convert()
        names = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    else:
        lines = res.convert().decode().splitlines()
        assert lines[0] in ("name", "?name")
        names = [line.strip('"') for line in lines[1:]]
    assert names == NAMES


@pytest.mark.parametrize("fmt,rdf_format", [(TURTLE, "turtle"), (XML, "xml"), (RDFXML, "xml"), (N3, "n3")])
def test_sparqlwrapper_construct_comes_back_as_rdf(endpoint, fmt, rdf_format):
    sw = SPARQLWrapper(endpoint)
    sw.setQuery("CONSTRUCT { ?p <http://xmlns.com/foaf/0.1/name> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }")
    sw.setReturnFormat(fmt)
    out = sw.query().convert()
    g = out if isinstance(out, rdflib.Graph) else rdflib.Graph().parse(data=out, format=rdf_format)
    assert sorted(str(o) for o in g.objects()) == NAMES


def test_sparqlwrapper_ask(endpoint):
    sw = SPARQLWrapper(endpoint)
    sw.setReturnFormat(JSON)
    sw.setQuery('ASK { ?s <http://www.w3.org/2004/02/skos/core#altLabel> "OWS" }')
    assert sw.query().convert()["boolean"] is True


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_reads_results_in_every_format(endpoint, fmt, method):
    g = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat=fmt, method=method))
    assert [str(r[0]) for r in g.query(PEOPLE)] == NAMES


def test_rdflib_sparqlstore_construct_and_triple_patterns(endpoint):
    g = rdflib.Graph(store=SPARQLStore(endpoint))
    res = g.query("CONSTRUCT { ?p <http://xmlns.com/foaf/0.1/name> ?n } WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }")
    assert sorted(str(t[2]) for t in res) == NAMES
    foaf_name = rdflib.URIRef("http://xmlns.com/foaf/0.1/name")
    assert sorted(str(o) for o in g.objects(None, foaf_name)) == NAMES


def test_a_direct_post_body_and_each_graph_format_by_accept(endpoint):
    q = b"CONSTRUCT WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }"
    for accept, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml")]:
        status, ctype, body = http(endpoint, q, {"Content-Type": "application/sparql-query", "Accept": accept})
        assert status == 200 and ctype.startswith(accept)
        assert len(rdflib.Graph().parse(data=body, format=fmt)) == 5


def test_accept_negotiation_follows_q_values():
    assert choose("select", "text/csv;q=0.5, application/sparql-results+xml", None) == "xml"
    assert choose("select", "text/csv;q=0.9, application/sparql-results+xml;q=0.1", None) == "csv"
    assert choose("graph", "application/n-triples;q=0, */*", None) == "turtle"
    assert choose("select", "text/turtle", "tsv") == "tsv"  # ?format= wins


# --- read-only

@pytest.mark.parametrize("body,ctype", [
    (form(update="INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "application/x-www-form-urlencoded"),
    (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    (form("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "application/x-www-form-urlencoded"),
    (form("LOAD <http://example.org/data.ttl>"), "application/x-www-form-urlencoded"),
    (form("DROP ALL"), "application/x-www-form-urlencoded"),
])
def test_updates_and_load_are_refused_with_a_clear_error(endpoint, body, ctype):
    status, _, text = http(endpoint, body, {"Content-Type": ctype})
    assert status == 403 and "read-only" in text
    status, _, text = http(endpoint + "?" + form("ASK { <urn:a> <urn:b> <urn:c> }").decode(),
                           headers={"Accept": "application/sparql-results+json"})
    assert json.loads(text)["boolean"] is False


def test_standard_update_clients_are_refused(endpoint):
    sw = SPARQLWrapper(endpoint)
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        sw.query()
    store = SPARQLUpdateStore(endpoint, endpoint)
    with pytest.raises(Exception, match="403"):
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_service_is_refused_before_anything_is_fetched(endpoint):
    status, _, text = http(endpoint, form("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "SERVICE" in text


def test_other_write_methods_are_not_allowed(endpoint):
    assert http(endpoint, b"<urn:a> <urn:b> <urn:c> .", {"Content-Type": "text/turtle"}, method="PUT")[0] == 405


# --- limits

def test_an_over_long_query_is_stopped_at_its_time_limit_and_the_server_carries_on(server, endpoint):
    before = {w.proc.pid for w in server.pool._all}
    t0 = time.monotonic()
    status, _, text = http(endpoint, form(ENDLESS), {"Content-Type": "application/x-www-form-urlencoded"})
    elapsed = time.monotonic() - t0
    assert status == 503 and "time limit" in text
    assert TIMEOUT <= elapsed < TIMEOUT + 5
    # the worker that ran it was killed, not left computing in the background
    killed = before - {w.proc.pid for w in server.pool._all}
    assert len(killed) == 1
    status, _, text = http(endpoint + "?" + form(PEOPLE).decode(), headers={"Accept": "text/csv"})
    assert status == 200 and text.splitlines()[1:] == NAMES
    deadline = time.monotonic() + 30
    while len(server.pool._all) < 2 and time.monotonic() < deadline:  # the replacement comes up
        time.sleep(0.1)
    assert len(server.pool._all) == 2


def test_a_result_over_the_row_limit_is_refused_not_silently_cut(endpoint):
    status, _, text = http(endpoint + "?" + form("SELECT * WHERE { ?s ?p ?o }").decode())
    assert status == 400 and f"more than {MAX_ROWS} rows" in text
    status, _, text = http(endpoint + "?" + form("SELECT * WHERE { ?s ?p ?o } LIMIT 7").decode(),
                           headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and len(json.loads(text)["results"]["bindings"]) == 7


def test_a_syntax_error_is_a_400_with_its_position(endpoint):
    status, _, text = http(endpoint + "?" + form("SELECT ?x WHERE { ?x ?y }").decode())
    assert status == 400 and "line 1, column" in text


# --- pages

def test_canned_queries_are_listed_and_runnable(server):
    status, ctype, body = http(server.url + "/queries", headers={"Accept": "application/json"})
    listed = {q["name"]: q for q in json.loads(body)}
    assert set(listed) == {c.name for c in sparql.list_canned()}
    assert [p["name"] for p in listed["shortest-path"]["params"]] == ["from", "to", "max"]
    status, ctype, body = http(server.url + "/queries/family?format=json")
    ties = {(b["person"]["value"], b["tie"]["value"]) for b in json.loads(body)["results"]["bindings"]}
    assert ties == {("Marta Velloso", "spouse"), ("Ines Carrow", "relative")}
    q = urllib.parse.urlencode({"from": "Oskar Lind", "to": "Marta Velloso"})
    status, ctype, body = http(server.url + "/queries/shortest-path?" + q, headers={"Accept": "text/csv"})
    assert status == 200 and len(body.splitlines()) == 4
    status, ctype, body = http(server.url + "/queries", headers={"Accept": "text/html"})
    assert "text/html" in ctype and "shortest-path" in body
    status, ctype, body = http(server.url + "/queries/entity?name=OWS", headers={"Accept": "text/html"})
    assert status == 200 and "Chief Regulator" in body
    assert http(server.url + "/queries/entity.rq")[2].startswith("# Everything known")
    assert http(server.url + "/queries/entity")[0] == 400  # the name is missing
    assert http(server.url + "/queries/nothing")[0] == 404


def test_the_graph_page_is_served_at_the_root(server):
    status, ctype, body = http(server.url + "/")
    assert status == 200 and "the graph page" in body


def test_the_server_binds_to_loopback_unless_told_otherwise(server):
    assert server.server_address[0] == "127.0.0.1"
    from graph.commands.serve import serve
    assert next(p for p in serve.params if p.name == "host").default == "127.0.0.1"


def test_a_running_server_answers_from_the_store_a_rebuild_swapped_in(tmp_path):
    folder = tmp_path / "out"
    store_dir = write_store(write_sample(folder), folder / "store")
    srv = make_server(store_dir, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=1, quiet=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = srv.url + "/sparql?" + urllib.parse.urlencode({"query": PEOPLE})
        accept = {"Accept": "application/sparql-results+json"}

        def names():
            status, _, body = http(url, headers=accept)
            assert status == 200, body
            return [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]

        assert names() == NAMES
        rebuilt = folder / "rebuilt.ttl"
        rebuilt.write_text('<https://example.org/p/new> a <http://xmlns.com/foaf/0.1/Person> ; '
                           '<http://xmlns.com/foaf/0.1/name> "Yara Quist" .\n', encoding="utf-8")
        write_store(rebuilt, store_dir)  # what `threadgraph build` does to out/store
        assert names() == ["Yara Quist"]
    finally:
        srv.shutdown()
        srv.server_close()
