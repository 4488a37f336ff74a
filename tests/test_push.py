"""`threadgraph push`: the built graph goes into a real Virtuoso 7 and comes back unchanged.

The test starts its own Virtuoso on loopback with a throwaway database (the recipe in
STORES.md), pushes with the Graph Store Protocol and digest auth, and queries the graph
back over HTTP. Where Virtuoso is not installed the tests are skipped with a message
saying so (`make system-deps` installs it).
"""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.commands.push import push as push_cmd
from graph.push import PushError, graph_url, push
from test_store_sample import write_sample

pytestmark = pytest.mark.virtuoso

VIRTUOSO = shutil.which("virtuoso-t")
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
XSD = "http://www.w3.org/2001/XMLSchema#"
GRAPH = "https://example.org/threads/test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ini(template: str, db: Path, sql_port: int, http_port: int) -> str:
    """The packaged virtuoso.ini pointed at `db`, listening on loopback only."""
    sets = {
        "Database": {"DatabaseFile": db / "virtuoso.db", "ErrorLogFile": db / "virtuoso.log",
                     "LockFile": db / "virtuoso.lck", "TransactionFile": db / "virtuoso.trx",
                     "xa_persistent_file": db / "virtuoso.pxa"},
        "TempDatabase": {"DatabaseFile": db / "virtuoso-temp.db", "TransactionFile": db / "virtuoso-temp.trx"},
        "Parameters": {"ServerPort": f"127.0.0.1:{sql_port}", "DirsAllowed": f"., {db}"},
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}"},
        "SPARQL": {"ResultSetMaxRows": "1000000"},  # the default 10000 would silently cut results
    }
    out, section = [], None
    for line in template.splitlines():
        m = re.match(r"\s*\[([^\]]+)\]", line)
        if m:
            section = m[1].strip()
        k = re.match(r"\s*(\w+)\s*=", line)
        if k and section in sets and k[1] in sets[section]:
            line = f"{k[1]} = {sets[section][k[1]]}"
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if VIRTUOSO is None or not INI.exists():
        pytest.skip("Virtuoso Open Source 7 is not installed (Debian package virtuoso-opensource; "
                    "`make system-deps`): the push round trip was NOT tested")
    db = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    (db / "virtuoso.ini").write_text(_ini(INI.read_text(), db, sql_port, http_port), encoding="utf-8")
    proc = subprocess.Popen([VIRTUOSO, "+configfile", str(db / "virtuoso.ini"), "+foreground"], cwd=db,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/sparql?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log = (db / "virtuoso.log").read_text(errors="replace")[-2000:] if (db / "virtuoso.log").exists() else ""
                pytest.fail(f"Virtuoso did not start on port {http_port}:\n{log}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _graph_from_server(base: str, graph: str) -> set[tuple]:
    q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    req = urllib.request.Request(base + "/sparql?" + urllib.parse.urlencode({"query": q}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        rows = json.load(r)["results"]["bindings"]
    return {tuple(_value(b[v]["type"], b[v]["value"], b[v].get("datatype"), b[v].get("xml:lang")) for v in "spo")
            for b in rows}


def _graph_from_file(path: Path) -> set[tuple]:
    def term(t):
        if isinstance(t, ox.NamedNode):
            return _value("uri", t.value, None, None)
        return _value("literal", t.value, t.datatype.value if t.datatype else None, t.language)
    return {(term(t.subject), term(t.predicate), term(t.object))
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}


def _value(kind, value, datatype, lang):
    """A term by value: Virtuoso gives back the same values in canonical lexical forms
    (true as 1, 250000000.0 as 250000000), which are equal values in XSD."""
    if kind == "uri":
        return ("uri", value)
    datatype = datatype or (None if lang else XSD + "string")
    if datatype == XSD + "boolean":
        value = value in ("1", "true")
    elif datatype in (XSD + "decimal", XSD + "integer"):
        value = Decimal(value)
    return ("literal", value, datatype, lang)


def test_push_then_query_back_gives_the_same_graph(virtuoso, tmp_path):
    ttl = write_sample(tmp_path)
    done = push(virtuoso + "/sparql-graph-crud-auth", ttl, graph=GRAPH, user="dba", password="dba")
    want = _graph_from_file(ttl)
    assert done.triples == len(want) and done.status in (200, 201, 204)
    got = _graph_from_server(virtuoso, GRAPH)
    assert got == want
    # text that needs escaping survives: quotes, a backslash, non-ASCII
    assert any(isinstance(t[2][1], str) and 'Zoë "Z" Ng said: \\o/' in t[2][1] for t in got)


def test_a_second_push_replaces_the_graph_and_leaves_other_graphs_alone(virtuoso, tmp_path):
    ttl = write_sample(tmp_path)
    push(virtuoso + "/sparql-graph-crud-auth", ttl, graph=GRAPH + "-other", user="dba", password="dba")
    push(virtuoso + "/sparql-graph-crud-auth", ttl, graph=GRAPH, user="dba", password="dba")
    small = tmp_path / "small.ttl"
    small.write_text('<https://example.org/a> <https://example.org/b> "only this" .\n', encoding="utf-8")
    push(virtuoso + "/sparql-graph-crud-auth", small, graph=GRAPH, user="dba", password="dba")
    assert _graph_from_server(virtuoso, GRAPH) == _graph_from_file(small)
    assert _graph_from_server(virtuoso, GRAPH + "-other") == _graph_from_file(ttl)


def test_the_command_pushes_and_a_wrong_password_is_a_clear_error(virtuoso, tmp_path):
    ttl = write_sample(tmp_path)
    ok = CliRunner().invoke(push_cmd, ["--endpoint", virtuoso + "/sparql-graph-crud-auth", "--graph", GRAPH + "-cli",
                                       "--user", "dba", "--password", "dba", "--file", str(ttl)])
    assert ok.exit_code == 0, ok.output
    assert f"pushed {len(_graph_from_file(ttl))} triples" in ok.output
    assert _graph_from_server(virtuoso, GRAPH + "-cli") == _graph_from_file(ttl)
    bad = CliRunner().invoke(push_cmd, ["--endpoint", virtuoso + "/sparql-graph-crud-auth", "--graph", GRAPH,
                                        "--user", "dba", "--password", "wrong", "--file", str(ttl)])
    assert bad.exit_code == 1 and "401" in bad.output and "Traceback" not in bad.output


def test_anonymous_writes_are_refused_by_the_server(virtuoso, tmp_path):
    with pytest.raises(PushError, match="401|403"):
        push(virtuoso + "/sparql-graph-crud-auth", write_sample(tmp_path), graph=GRAPH)


def test_push_errors_without_a_server_or_a_graph_file(tmp_path):
    with pytest.raises(PushError, match="cannot reach"):
        push(f"http://127.0.0.1:{_free_port()}/store", write_sample(tmp_path))
    with pytest.raises(PushError, match="threadgraph build"):
        push("http://127.0.0.1:1/store", tmp_path / "missing.ttl")


def test_graph_store_urls():
    assert graph_url("http://h/gsp", "https://x.org/g#1") == "http://h/gsp?graph=https%3A%2F%2Fx.org%2Fg%231"
    assert graph_url("http://h/gsp?a=1", None) == "http://h/gsp?a=1&default"
