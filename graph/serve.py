"""A read-only SPARQL 1.1 Protocol endpoint over the built store, plus the HTML graph.

    /sparql          GET ?query=…, POST form (query=…) or POST application/sparql-query
    /queries         the canned queries (HTML, or JSON for Accept: application/json)
    /queries/NAME    run one, parameters in the URL (?name=…); NAME.rq gives its text
    /                the interactive graph (graph.html next to the store)

Queries run in worker processes, not threads: Oxigraph cannot interrupt a query
from Python, so a query past its time limit is stopped by killing its worker, which
is then replaced. Results are counted as they stream and refused past the row limit.
Update, LOAD and SERVICE are refused before anything runs, and the workers open the
store read-only besides. A worker notices when `threadgraph build` has swapped in a new
store and reopens it, so a running server answers from the latest build.
"""
from __future__ import annotations

import html
import json
import multiprocessing
import queue
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from graph import sparql

MAX_BODY = 1 << 20  # a query larger than 1 MiB is not a query

# result format name -> Content-Type
SELECT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
GRAPH_TYPES = {
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
# Accept media type -> format, per result kind
SELECT_ACCEPT = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv", "text/html": "html",
}
GRAPH_ACCEPT = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "text/n3": "turtle", "text/rdf+n3": "turtle",
    "application/n3": "turtle", "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
}
# ?format= / ?output= values (as SPARQLWrapper and others send them)
FORMAT_PARAM = {
    "json": ("json", None), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "html": ("html", None), "turtle": (None, "turtle"), "ttl": (None, "turtle"), "n3": (None, "turtle"),
    "nt": (None, "nt"), "ntriples": (None, "nt"), "n-triples": (None, "nt"), "rdf": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"), "rdf+xml": (None, "rdfxml"),
}


def accepted(accept: str | None) -> list[str]:
    """Media types from an Accept header, most wanted first (q=0 dropped)."""
    items = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(items)]


def choose(kind: str, accept: str | None, fmt: str | None) -> str:
    """The result format for a result of `kind` (select/ask or graph)."""
    if fmt and fmt.lower() in FORMAT_PARAM:
        pick = FORMAT_PARAM[fmt.lower()][1 if kind == "graph" else 0]
        if pick:
            return pick
    table = GRAPH_ACCEPT if kind == "graph" else SELECT_ACCEPT
    for mime in accepted(accept):
        if mime in table:
            return table[mime]
    return "turtle" if kind == "graph" else "json"


# --- the worker process

@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: tuple = ()


def _text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def answer(store, job: dict) -> Reply:
    """Run one job in a worker: a SPARQL query or a canned query, formatted as asked."""
    t0 = time.perf_counter()
    try:
        if job["kind"] == "canned":
            res = sparql.run_canned(store, job["name"], job["params"], max_rows=job["max_rows"])
        else:
            res = sparql.execute(store, job["query"], max_rows=job["max_rows"])
    except sparql.TooLarge as e:
        return _text(400, str(e))
    except sparql.QueryError as e:
        return _text(400, e.describe())
    kind = "graph" if res.kind == "graph" else "select"
    fmt = choose(kind, job.get("accept"), job.get("format"))
    if kind == "graph":
        return Reply(200, GRAPH_TYPES[fmt], sparql.to_rdf(res, fmt))
    if fmt == "html":
        body = results_page(job.get("title") or "query results", res, time.perf_counter() - t0)
    else:
        body = {"json": sparql.to_json, "xml": sparql.to_xml, "csv": sparql.to_csv,
                "tsv": sparql.to_tsv}[fmt](res)
    return Reply(200, SELECT_TYPES[fmt], body.encode("utf-8"))


def worker_main(conn, store_dir: str) -> None:
    """Entry point of a worker process: open the store read-only, answer jobs until told to stop."""
    from graph.store import generation, open_store

    opened = generation(store_dir)
    try:
        store = open_store(store_dir)
    except Exception as e:  # reported on the first job
        store, failure = None, str(e)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        now = generation(store_dir)
        if now is not None and now != opened:
            # `threadgraph build` swapped in a new store: answer from it, not from the old files.
            try:
                store, opened = open_store(store_dir), now
            except Exception as e:  # keep the old store; the next job tries again
                failure = str(e)
        if store is None:
            reply = _text(500, failure)
        else:
            try:
                reply = answer(store, job)
            except Exception as e:  # a bug must not kill the worker silently
                reply = _text(500, f"internal error: {type(e).__name__}: {e}")
        conn.send(reply)


class Worker:
    def __init__(self, ctx, store_dir: str):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=worker_main, args=(child, store_dir), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.kill()
            raise RuntimeError("a query worker did not start")

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()  # SIGKILL: a query deep inside Oxigraph does not see SIGTERM handlers
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        self.kill()


class QueryPool:
    """Worker processes that run queries with a time limit; a worker past it is killed and replaced."""

    def __init__(self, store_dir: Path | str, workers: int = 2, timeout: float = 30.0, max_rows: int = 100_000):
        self.store_dir, self.timeout, self.max_rows = str(store_dir), timeout, max_rows
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: list[Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, workers)):
            self._add()

    def _add(self) -> None:
        w = Worker(self._ctx, self.store_dir)
        with self._lock:
            if self._closed:
                w.stop()
                return
            self._all.append(w)
        self._idle.put(w)

    def run(self, job: dict) -> Reply:
        job = dict(job, max_rows=self.max_rows)
        deadline = time.monotonic() + self.timeout
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _text(503, f"the server is busy: no query worker came free within {self.timeout:g} s")
        try:
            w.conn.send(job)
            if w.conn.poll(max(0.0, deadline - time.monotonic())):
                reply = w.conn.recv()
                self._idle.put(w)
                return reply
        except (EOFError, OSError):
            pass
        # Too slow (or the worker died): stop it for real and start a fresh one in the background.
        w.kill()
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        threading.Thread(target=self._add, daemon=True).start()
        return _text(503, f"the query was stopped at the time limit of {self.timeout:g} s "
                          "(threadgraph serve --timeout S to change it)")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for w in workers:
            w.stop()


# --- HTML pages

_STYLE = ("<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:75em}"
          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;"
          "text-align:left}th{background:#f3f3f3}code,textarea{font:13px monospace}"
          "form{margin:.5em 0 1.5em}label{margin-right:1em}</style>")


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>{_STYLE}"
            f"</head><body><h1>{html.escape(title)}</h1>{body}</body></html>")


def results_page(title: str, res: sparql.Result, seconds: float) -> str:
    if res.kind == "ask":
        return _page(title, f"<p>{'true' if res.boolean else 'false'}</p>")
    head = "".join(f"<th>{html.escape(v)}</th>" for v in res.vars)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(sparql.compact(t))}</td>" for t in row) + "</tr>"
                   for row in res.rows)
    return _page(title, f"<p>{len(res.rows)} rows in {seconds:.3f} s · <a href='/queries'>all queries</a></p>"
                        f"<table><tr>{head}</tr>{rows}</table>")


def queries_page(canned: list[sparql.Canned]) -> str:
    parts = ["<p>Canned queries from <code>ontology/queries/</code>. Run one below, or send any SPARQL "
             "query to <code>/sparql</code>.</p>"]
    for c in canned:
        fields = "".join(
            f"<label>{html.escape(p.name)} <input name='{html.escape(p.name)}' "
            f"value='{html.escape(p.default or '')}' title='{html.escape(p.help)}'></label>" for p in c.params)
        parts.append(
            f"<h2 id='{html.escape(c.name)}'>{html.escape(c.name)}</h2><p>{html.escape(c.description)}</p>"
            f"<form action='/queries/{html.escape(c.name)}' method='get'>{fields}"
            f"<select name='format'><option>html</option><option>json</option><option>csv</option>"
            f"<option>tsv</option><option>xml</option></select> <button>run</button> "
            f"<a href='/queries/{html.escape(c.name)}.rq'>query text</a></form>")
    return _page("threadgraph: canned queries", "".join(parts))


def sparql_form() -> str:
    return _page("threadgraph SPARQL endpoint", (
        "<p>SPARQL 1.1 Protocol, read-only. GET or POST <code>query=</code>; results as JSON, XML, CSV or "
        "TSV by Accept (or <code>format=</code>); CONSTRUCT/DESCRIBE as Turtle, N-Triples or RDF/XML.</p>"
        "<form method='post' action='/sparql'><textarea name='query' rows='12' cols='90'>"
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea><br>"
        "<select name='format'><option>html</option><option>json</option><option>csv</option>"
        "<option>tsv</option><option>xml</option><option>turtle</option></select> <button>run</button></form>"
        "<p><a href='/queries'>canned queries</a> · <a href='/'>graph</a></p>"))


# --- HTTP

class Handler(BaseHTTPRequestHandler):
    server_version = "threadgraph-sparql/0.1"
    server: "SparqlServer"

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {fmt % args}\n")

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in reply.headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def do_GET(self):
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        path = url.path.rstrip("/") or "/"
        if path == "/":
            return self._send(self._graph_page())
        if path == "/sparql":
            if "update" in params:
                return self._send(_text(403, "this endpoint is read-only: SPARQL Update is refused"))
            if "query" not in params:
                return self._send(Reply(200, SELECT_TYPES["html"], sparql_form().encode()))
            return self._send(self._query(params["query"][0], params))
        if path == "/queries":
            return self._send(self._list())
        if path.startswith("/queries/"):
            return self._send(self._canned(path[len("/queries/"):], params))
        return self._send(_text(404, f"nothing at {url.path}: try /sparql, /queries or /"))

    do_HEAD = do_GET

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path.rstrip("/") != "/sparql":
            return self._send(_text(405 if url.path.rstrip("/") in ("", "/queries") else 404,
                                    "POST queries to /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._send(_text(413, f"request body over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._send(_text(403, "this endpoint is read-only: SPARQL Update is refused"))
        if ctype == "application/sparql-query":
            return self._send(self._query(body, params))
        if ctype in ("application/x-www-form-urlencoded", ""):
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._send(_text(403, "this endpoint is read-only: SPARQL Update is refused"))
            if "query" not in form:
                return self._send(_text(400, "no query: send query=… (form) or an application/sparql-query body"))
            return self._send(self._query(form["query"][0], {**params, **form}))
        return self._send(_text(415, f"unsupported Content-Type {ctype!r}: use application/sparql-query "
                                     "or application/x-www-form-urlencoded"))

    def _refuse_write(self):
        self._send(_text(405, "this endpoint is read-only"))

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    def _fmt(self, params) -> str | None:
        for key in ("format", "output", "results"):
            if params.get(key):
                return params[key][0]
        return None

    def _query(self, text: str, params) -> Reply:
        try:
            sparql.check_read_only(text)
        except sparql.Refused as e:
            return _text(403, e.message)
        return self.server.pool.run({"kind": "sparql", "query": text, "accept": self.headers.get("Accept"),
                                     "format": self._fmt(params), "title": "query results"})

    def _list(self) -> Reply:
        canned = sparql.list_canned(self.server.queries_dir)
        if "html" not in (accepted(self.headers.get("Accept")) or ["text/html"])[0]:
            data = [{"name": c.name, "description": c.description, "url": f"/queries/{c.name}",
                     "params": [{"name": p.name, "type": p.type, "default": p.default, "help": p.help}
                                for p in c.params]} for c in canned]
            return Reply(200, "application/json", json.dumps(data, indent=1).encode())
        return Reply(200, SELECT_TYPES["html"], queries_page(canned).encode())

    def _canned(self, name: str, params) -> Reply:
        if name.endswith(".rq"):
            try:
                c = sparql.load_canned(name[:-3], self.server.queries_dir)
            except sparql.QueryError as e:
                return _text(404, e.message)
            return Reply(200, "application/sparql-query; charset=utf-8", c.text.encode())
        try:
            c = sparql.load_canned(name, self.server.queries_dir)
        except sparql.QueryError as e:
            return _text(404, e.message)
        values = {k: v[0] for k, v in params.items() if c.param(k) and v and (v[0] != "" or c.param(k).default)}
        return self.server.pool.run({"kind": "canned", "name": c.name, "params": values,
                                     "accept": self.headers.get("Accept"), "format": self._fmt(params),
                                     "title": f"{c.name}: {c.description}"})

    def _graph_page(self) -> Reply:
        page = Path(self.server.store_dir).parent / "graph.html"
        if not page.is_file():
            return _text(404, f"no {page}: run `threadgraph build` (the SPARQL endpoint is at /sparql)")
        return Reply(200, "text/html; charset=utf-8", page.read_bytes())


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, store_dir: Path, pool: QueryPool, queries_dir: Path = sparql.QUERIES_DIR,
                 quiet: bool = False):
        self.store_dir, self.pool, self.queries_dir, self.quiet = Path(store_dir), pool, queries_dir, quiet
        super().__init__(address, Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


def make_server(store_dir: Path | str, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
                max_rows: int = 100_000, workers: int = 2, quiet: bool = False) -> SparqlServer:
    """A server ready to `serve_forever()`; check the store opens before binding the port."""
    from graph.store import open_store

    open_store(store_dir)  # a clear error now rather than on the first query
    pool = QueryPool(store_dir, workers=workers, timeout=timeout, max_rows=max_rows)
    try:
        return SparqlServer((host, port), Path(store_dir), pool, quiet=quiet)
    except OSError:
        pool.close()
        raise
