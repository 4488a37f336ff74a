"""`threadgraph build`: the whole pipeline, from thread files to out/."""
from __future__ import annotations

import sys

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--out", "out", default="out", show_default=True, help="Folder for the outputs.")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "html", "jsonl"]), default="auto",
              show_default=True, help="Input format; auto detects it per file.")
@click.option("--workers", default=1, show_default=True, help="Extraction processes (documents in parallel).")
@click.option("--overrides", type=click.Path(dir_okay=False), default=None,
              help="Entity merge / keep-apart decisions (default: ./overrides.toml if present).")
@click.option("--decisions", type=click.Path(dir_okay=False), default=None,
              help="Confirm / dismiss decisions on findings (default: ./decisions.toml if present).")
@click.option("--export", "exports", multiple=True, type=click.Choice(["nt", "jsonld"]),
              help="Also write the graph as N-Triples or JSON-LD (repeatable).")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--strict", is_flag=True, help="Exit non-zero on any input problem.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(paths, out, fmt, workers, overrides, decisions, exports, no_validate, strict, quiet):
    """Build the graph from thread files or folders (default: seeds/) into OUT.

    Writes graph.ttl, store/ (for `threadgraph query`), graph.html, graph.gexf,
    graph.graphml, findings.md, merges.tsv and validation.txt.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from graph.pipeline import build as run_build

    err = Console(stderr=True)
    paths = list(paths) or ["seeds"]
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
        task = bar.add_task("extract", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = run_build(paths, out, fmt=None if fmt == "auto" else fmt, workers=workers,
                           overrides=overrides, decisions=decisions, validate=not no_validate,
                           progress=progress, exports=exports)

    for p in result.problems:
        err.print(f"[yellow]warning:[/] {p}", highlight=False, markup=True)
    table = Table(title="threadgraph build", show_header=False)
    for k, v in result.summary().items():
        table.add_row(k, str(v))
    Console().print(table)
    for name, path in result.outputs.items():
        click.echo(f"  {name:10} {path}")
    if not result.corpus.threads:
        err.print("[red]error:[/] nothing could be read from the input")
        sys.exit(2)
    if strict and (result.problems or result.violations):
        sys.exit(1)
