"""`threadgraph html`: (re)write the interactive page from a built graph, or a smaller view of it."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click


@click.command()
@click.option("--graph", "graph_path", default="out/graph.ttl", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The Turtle file a build wrote.")
@click.option("--out", "out", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Page to write (default: graph.html beside the graph, or graph-<focus>.html for a view).")
@click.option("--focus", default=None, help="Draw only this entity (any of its names) and its neighbourhood.")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10),
              help="How many links away from --focus to draw.")
@click.option("--min-confidence", default=None, type=click.FloatRange(0.0, 1.0),
              help="Leave out links less confident than this.")
def html(graph_path: Path, out: Path | None, focus: str | None, hops: int, min_confidence: float | None):
    """Write an offline, self-contained HTML network of the graph (open it in any browser)."""
    from rdflib import Graph

    from graph.html import find_entity, subview, write_html
    from graph.network import project

    if not graph_path.exists():
        raise click.ClickException(f"{graph_path} not found: run `threadgraph build` first, or pass --graph")
    g = Graph()
    g.parse(graph_path, format="turtle")
    G = project(g)
    node = None
    if focus:
        try:
            node = find_entity(G, focus)
        except LookupError as e:
            raise click.ClickException(str(e)) from None
    view = subview(G, focus=node, hops=hops, min_confidence=min_confidence)
    if out is None:
        name = "graph.html"
        if focus or min_confidence is not None:
            parts = ["graph"]
            if focus:
                parts += [_slug(G.nodes[node].get("label") or focus), f"{hops}hop"]
            if min_confidence is not None:
                parts.append(f"min{min_confidence:g}")
            name = "-".join(parts) + ".html"
        out = graph_path.with_name(name)
    title = "threadgraph"
    if node is not None:
        title += f" \u2014 {G.nodes[node].get('label', focus)} ({hops} hop{'s' if hops != 1 else ''})"
    if min_confidence is not None:
        title += f" \u2014 confidence \u2265 {min_confidence:g}"
    path = write_html(g, view, out, title=title)
    click.echo(f"{path}  ({view.number_of_nodes()} entities, {view.number_of_edges()} links"
               f" of {G.number_of_nodes()} and {G.number_of_edges()})")
    if view.number_of_nodes() == 0:
        click.echo("warning: nothing left to draw with these options", err=True)
        sys.exit(1)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(name).casefold()).strip("-")[:40] or "entity"
