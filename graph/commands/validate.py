"""`threadgraph validate FILE.ttl`: SHACL-validate a graph file on its own."""
from __future__ import annotations

import sys

import click


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), default=None,
              help="SHACL shapes to use instead of ontology/shapes.ttl.")
@click.option("--full/--summary", default=False, show_default=True,
              help="Print every result (pyshacl's whole report), not just the counts per constraint.")
def validate(file, shapes, full):
    """Validate FILE (Turtle, N-Triples, JSON-LD) against the threadgraph SHACL shapes.

    Prints how many violations each constraint found; exits 1 when there are any,
    0 when the graph conforms (warnings alone do not fail it).
    """
    from pathlib import Path

    from rdflib import Graph
    from rdflib.util import guess_format

    from graph.validate import SHAPES, validate_graph

    try:
        g = Graph().parse(file, format=guess_format(file) or "turtle")
    except Exception as e:  # a parse error is the user's file, not a crash
        click.echo(f"error: cannot read {file} as RDF: {e}", err=True)
        sys.exit(2)
    report = validate_graph(g, shapes=Path(shapes) if shapes else SHAPES)
    text = report.text if full else report.text.split("\n\n", 1)[0]
    click.echo(f"{file}: {len(g)} triples")
    click.echo(text)
    sys.exit(0 if report.conforms else 1)
