"""`threadgraph push`: load the built graph into an external SPARQL server."""
from __future__ import annotations

import sys

import click


@click.command()
@click.option("--endpoint", required=True,
              help="The server's Graph Store endpoint, e.g. http://host:8890/sparql-graph-crud-auth (Virtuoso).")
@click.option("--graph", "graph", default=None, metavar="IRI",
              help="The named graph to replace [default: https://w3id.org/threadgraph/graph].")
@click.option("--default-graph", is_flag=True, help="Replace the server's default graph instead of a named one.")
@click.option("--user", default=None, help="User for HTTP digest or basic auth.")
@click.option("--password", default=None, help="Password (or set THREADGRAPH_PASSWORD).",
              envvar="THREADGRAPH_PASSWORD")
@click.option("--file", "file", default="out/graph.ttl", show_default=True, type=click.Path(dir_okay=False),
              help="The graph to send (Turtle or N-Triples).")
@click.option("--timeout", default=600.0, show_default=True, type=float, help="Seconds to wait for the server.")
def push(endpoint, graph, default_graph, user, password, file, timeout):
    """Replace a named graph on a SPARQL server with the built graph (Graph Store Protocol PUT).

    \b
    Example (Virtuoso):
      threadgraph push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth \\
          --graph https://example.org/threads --user dba --password dba
    """
    from graph.push import DEFAULT_GRAPH, PushError, push as do_push

    if default_graph and graph:
        raise click.UsageError("give --graph or --default-graph, not both")
    target = None if default_graph else (graph or DEFAULT_GRAPH)
    try:
        done = do_push(endpoint, file, graph=target, user=user, password=password, timeout=timeout)
    except PushError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    click.echo(f"pushed {done.triples} triples ({done.bytes} bytes N-Triples) to {done.graph} "
               f"at {endpoint}: HTTP {done.status} in {done.seconds:.2f} s")
