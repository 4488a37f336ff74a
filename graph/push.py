"""Load the built graph into an external SPARQL server (SPARQL 1.1 Graph Store HTTP Protocol).

One HTTP PUT of the whole graph to `ENDPOINT?graph=IRI`: the protocol makes a PUT
replace the named graph's content, so readers see the old graph or the new one.
The body is N-Triples (a subset of Turtle): every Graph Store reads it, and it has
none of the `\\/` escapes in prefixed names that Virtuoso would keep (STORES.md).
"""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

DEFAULT_GRAPH = "https://w3id.org/threadgraph/graph"


class PushError(Exception):
    """The server refused the graph, or could not be reached; the message says which."""


@dataclass
class Pushed:
    url: str
    graph: str
    triples: int
    bytes: int
    status: int
    seconds: float


def ntriples(ttl_path: Path | str) -> tuple[bytes, int]:
    """The Turtle file as N-Triples bytes, and its triple count."""
    ttl_path = Path(ttl_path)
    if not ttl_path.is_file():
        raise PushError(f"no graph at {ttl_path}: run `threadgraph build` first, or give --file")
    try:
        # the parser yields a triple each time the file states it; a graph holds it once
        triples = list(dict.fromkeys(ox.parse(path=str(ttl_path), format=_format(ttl_path))))
    except SyntaxError as e:
        raise PushError(f"{ttl_path}: {e}") from e
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples)


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL for `graph` (the default graph where None)."""
    query = urlencode({"graph": graph}) if graph else "default"
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def push(endpoint: str, ttl_path: Path | str, graph: str | None = DEFAULT_GRAPH, user: str | None = None,
         password: str | None = None, timeout: float = 600.0,
         content_type: str = "application/n-triples") -> Pushed:
    """PUT the graph in `ttl_path` into `graph` at the Graph Store `endpoint`, replacing it.

    With a user, HTTP digest or basic auth is answered (whichever the server asks for).
    """
    t0 = time.perf_counter()
    body, count = ntriples(ttl_path)
    url = graph_url(endpoint, graph)
    handlers = []
    if user is not None:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, endpoint, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    opener = urllib.request.build_opener(*handlers)
    req = urllib.request.Request(url, data=body, method="PUT",
                                 headers={"Content-Type": content_type, "Content-Length": str(len(body))})
    try:
        with opener.open(req, timeout=timeout) as resp:
            status = resp.status
            resp.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip()[:500]
        hint = " (check --user/--password)" if e.code in (401, 403) else ""
        raise PushError(f"{url}: HTTP {e.code} {e.reason}{hint}\n{detail}") from None
    except (urllib.error.URLError, OSError) as e:
        raise PushError(f"cannot reach {endpoint}: {getattr(e, 'reason', e)}") from None
    return Pushed(url, graph or "(default graph)", count, len(body), status, time.perf_counter() - t0)


def _format(path: Path) -> ox.RdfFormat:
    return ox.RdfFormat.N_TRIPLES if path.suffix.lower() == ".nt" else ox.RdfFormat.TURTLE
