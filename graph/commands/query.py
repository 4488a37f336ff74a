"""`threadgraph query`: SPARQL against the built store (or a Turtle file)."""
from __future__ import annotations

import sys
import time

import click


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE", param_hint="--param")
        out[name.strip()] = value
    return out


@click.command()
@click.argument("query", required=False)
@click.option("--file", "-f", "file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a file.")
@click.option("--name", "-n", "name", help="Run a canned query from ontology/queries/ (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a $NAME placeholder (repeatable); substituted as an escaped literal.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "tsv", "turtle", "nt"]),
              default="table", show_default=True,
              help="Results format; CONSTRUCT/DESCRIBE give Turtle (or N-Triples with nt).")
@click.option("--store", "store_dir", default="out/store", show_default=True, type=click.Path(file_okay=False),
              help="The store written by `threadgraph build`.")
@click.option("--graph", "graph", type=click.Path(dir_okay=False),
              help="Query this Turtle file instead of the store (parsed on each run).")
@click.option("--list", "list_", is_flag=True, help="List the canned queries with what they answer.")
def query(query, file, name, params, fmt, store_dir, graph, list_):
    """Run a SPARQL QUERY (or --file F, or --name CANNED) and print the results.

    \b
    Examples:
      threadgraph query --list
      threadgraph query --name entity --param name="Jane Roe"
      threadgraph query --name shortest-path -p from="Jane Roe" -p to="Acme Ltd"
      threadgraph query 'SELECT ?p ?o WHERE { ?s ?p ?o } LIMIT 5' --format csv
      threadgraph query --graph out/graph.ttl --name contracts --format json
    """
    from rich.console import Console

    from graph import sparql
    from graph.store import StoreError, open_any

    err = Console(stderr=True, highlight=False)
    if list_:
        _print_list(sparql.list_canned())
        return
    given = [x for x in (query, file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, --file or --name (or --list)")
    values = _params(params)
    try:
        t0 = time.perf_counter()
        store = open_any(store_dir, graph)
        t1 = time.perf_counter()
        if name:
            result = sparql.run_canned(store, name, values)
        else:
            text = open(file, encoding="utf-8").read() if file else query
            result = sparql.run(store, text, values)
        t2 = time.perf_counter()
    except StoreError as e:
        err.print(f"[red]error:[/] {e}", markup=True, soft_wrap=True)
        sys.exit(2)
    except sparql.QueryError as e:
        err.print(f"[red]error:[/] {e.describe()}", markup=True, soft_wrap=True)
        sys.exit(1)
    _emit(result, fmt)
    if result.kind == "select":
        err.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''} "
                  f"(query {t2 - t1:.3f} s, open {t1 - t0:.3f} s)", style="dim")


def _emit(result, fmt: str) -> None:
    from graph import sparql

    out = sys.stdout
    if result.kind == "graph":
        sys.stdout.buffer.write(sparql.to_rdf(result, "nt" if fmt == "nt" else "turtle"))
        return
    if fmt in ("table", "turtle", "nt"):
        if result.kind == "ask":
            out.write(("true" if result.boolean else "false") + "\n")
        else:
            _print_table(result)
        return
    out.write({"csv": sparql.to_csv, "json": sparql.to_json, "tsv": sparql.to_tsv}[fmt](result))
    if fmt == "json":
        out.write("\n")


def _print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    from graph.sparql import compact

    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    table = Table(show_lines=False, header_style="bold")
    for v in result.vars:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*(compact(t) for t in row))
    console.print(table)


def _print_list(canned) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    table = Table(title="canned queries (ontology/queries/)", show_lines=True, header_style="bold")
    table.add_column("name", no_wrap=True)
    table.add_column("answers")
    table.add_column("parameters")
    for c in canned:
        params = "\n".join(f"{p.name}{'' if p.type == 'string' else ':' + p.type}"
                           f"{'' if p.required else ' = ' + repr(p.default)} — {p.help}" for p in c.params)
        table.add_row(c.name, c.description, params)
    console.print(table)
