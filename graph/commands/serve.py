"""`threadgraph serve`: a read-only SPARQL endpoint and the HTML graph over HTTP."""
from __future__ import annotations

import sys

import click

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; loopback unless you mean to share the graph on a network.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--store", "store_dir", default="out/store", show_default=True, type=click.Path(file_okay=False),
              help="The store written by `threadgraph build` (graph.html is served from its folder).")
@click.option("--timeout", default=30.0, show_default=True, type=float,
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=100_000, show_default=True, type=int,
              help="Most rows (or triples) a result may have.")
@click.option("--workers", default=2, show_default=True, type=int, help="Query worker processes.")
@click.option("--quiet", "-q", is_flag=True, help="No request log.")
def serve(host, port, store_dir, timeout, max_rows, workers, quiet):
    """Serve the built graph: SPARQL at /sparql, canned queries at /queries, the graph at /.

    Read-only: SPARQL Update, LOAD and SERVICE are refused.
    """
    from graph.serve import make_server
    from graph.store import StoreError

    try:
        server = make_server(store_dir, host=host, port=port, timeout=timeout, max_rows=max_rows,
                             workers=workers, quiet=quiet)
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    except OSError as e:
        click.echo(f"error: cannot listen on {host}:{port}: {e}", err=True)
        sys.exit(2)
    if host not in LOOPBACK:
        click.echo(f"warning: listening on {host}: anyone who can reach this address can query the graph",
                   err=True)
    click.echo(f"SPARQL endpoint  {server.url}/sparql\ncanned queries   {server.url}/queries\n"
               f"graph            {server.url}/\n(timeout {timeout:g} s, at most {max_rows} rows; Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
