"""The embedded store: an on-disk Oxigraph database written next to graph.ttl.

Queries against it never re-parse Turtle (1 M triples: Oxigraph loads in ~9 s and
answers in 0.1-0.3 s where in-memory rdflib takes 28 s and 5 s; see STORES.md).
The build writes it once; `threadgraph query` and `threadgraph serve` open it
read-only, so several readers can share it.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pyoxigraph as ox

# Written inside the store folder so a reader can tell which Turtle it came from.
SOURCE_NOTE = "SOURCE.txt"


class StoreError(Exception):
    """A store that cannot be opened or written, with a message for the user."""


def write_store(ttl_path: Path | str, store_dir: Path | str) -> Path:
    """Load `ttl_path` into a fresh Oxigraph store at `store_dir`, replacing any old one.

    The new store is written to a temporary sibling folder and renamed into place,
    so a reader sees the old store or the new one, never a half-loaded one.
    """
    ttl_path, store_dir = Path(ttl_path), Path(store_dir)
    if not ttl_path.is_file():
        raise StoreError(f"no Turtle file at {ttl_path}")
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    tmp = store_dir.with_name(f".{store_dir.name}.new-{tag}")
    old = store_dir.with_name(f".{store_dir.name}.old-{tag}")
    try:
        store = ox.Store(str(tmp))
        # bulk_load skips the transaction log: the fast path for a fresh database.
        store.bulk_load(path=str(ttl_path), format=ox.RdfFormat.TURTLE)
        store.optimize()
        store.flush()
        del store  # releases the database lock before the rename
        (tmp / SOURCE_NOTE).write_text(f"{ttl_path.resolve()}\n", encoding="utf-8")
        if store_dir.exists():
            os.rename(store_dir, old)
        os.rename(tmp, store_dir)
    except SyntaxError as e:
        raise StoreError(f"{ttl_path}: {e}") from e
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return store_dir


def open_store(store_dir: Path | str) -> ox.Store:
    """Open a store written by `write_store`, read-only (safe with other readers)."""
    store_dir = Path(store_dir)
    if not (store_dir / "CURRENT").exists():
        raise StoreError(f"no store at {store_dir}: run `threadgraph build` first, or query a Turtle file with --graph")
    try:
        return ox.Store.read_only(str(store_dir))
    except OSError as e:
        raise StoreError(f"cannot open the store at {store_dir}: {e}") from e


def generation(store_dir: Path | str) -> int | None:
    """Which build the store folder holds now (None while a rebuild swaps it in).

    `write_store` renames a fresh folder into place, so the folder's inode changes with
    each build; a reader that opened an older one can tell and reopen.
    """
    try:
        return os.stat(store_dir).st_ino
    except OSError:
        return None


def load_turtle(ttl_path: Path | str) -> ox.Store:
    """An in-memory store holding one Turtle file (for `--graph FILE.ttl`)."""
    ttl_path = Path(ttl_path)
    if not ttl_path.is_file():
        raise StoreError(f"no Turtle file at {ttl_path}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(ttl_path), format=_format_for(ttl_path))
    except SyntaxError as e:
        raise StoreError(f"{ttl_path}: {e}") from e
    return store


def open_any(store_dir: Path | str | None = None, graph: Path | str | None = None) -> ox.Store:
    """The store to query: a Turtle file when `graph` is given, else the on-disk store."""
    if graph is not None:
        return load_turtle(graph)
    return open_store(store_dir if store_dir is not None else Path("out") / "store")


def as_rdflib(store_dir: Path | str):
    """The on-disk store as an rdflib Graph (oxrdflib plugin), for code that speaks rdflib.

    `Graph.query(str)` then runs in Oxigraph; a prepared query would silently fall
    back to rdflib's engine (STORES.md), so pass query strings.
    """
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    g = rdflib.Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)
    g.open(str(store_dir), create=False)
    return g


def _format_for(path: Path) -> ox.RdfFormat:
    return {
        ".nt": ox.RdfFormat.N_TRIPLES,
        ".nq": ox.RdfFormat.N_QUADS,
        ".trig": ox.RdfFormat.TRIG,
        ".jsonld": ox.RdfFormat.JSON_LD,
        ".rdf": ox.RdfFormat.RDF_XML,
        ".owl": ox.RdfFormat.RDF_XML,
    }.get(path.suffix.lower(), ox.RdfFormat.TURTLE)
