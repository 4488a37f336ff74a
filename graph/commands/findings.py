"""`threadgraph findings`: print the conflicts of interest; confirm or dismiss one.

    threadgraph findings                      # the report for out/ (re-applies decisions.toml)
    threadgraph findings --graph g.ttl        # the report for any threadgraph Turtle file
    threadgraph findings dismiss finding-ab12cd34ef56ab78 --note "different person, same name"
    threadgraph findings confirm finding-… --note "checked the register of interests"

Decisions are appended to a small TOML file (default ./decisions.toml, the file `threadgraph build`
reads); the latest decision for an id wins. Dismissed findings stay in the graph, marked
"dismissed", and are listed apart at the end of the report.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import sys
from pathlib import Path

import click

DEFAULT_DECISIONS = Path("decisions.toml")
HEADER = """# threadgraph: your decisions on conflict-of-interest findings.
# One [[finding]] per decision: id (from findings.md), decision (confirmed | dismissed), note.
# The latest entry for an id wins. `threadgraph build` and `threadgraph findings` apply them.
"""


def _graph_path(out: str, graph_file: str | None) -> Path:
    return Path(graph_file) if graph_file else Path(out) / "graph.ttl"


def _load(path: Path):
    from rdflib import Graph

    g = Graph()
    try:
        g.parse(path, format="ox-turtle")  # oxrdflib: much faster on big graphs
    except Exception:  # plugin missing: rdflib's own parser reads the same file
        g = Graph()
        g.parse(path, format="turtle")
    return g


def _refresh(g, decisions: Path | None):
    """Re-run the rules on g and apply the decisions file (findings already in g are replaced)."""
    from graph.infer import add_findings

    return add_findings(g, decisions=decisions if decisions and decisions.exists() else None)


@click.group(invoke_without_command=True, name="findings")
@click.option("--out", default="out", show_default=True, help="Build folder holding graph.ttl.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False), default=None,
              help="A threadgraph Turtle file to read instead of OUT/graph.ttl.")
@click.option("--decisions", type=click.Path(dir_okay=False), default=str(DEFAULT_DECISIONS),
              show_default=True, help="Your confirm / dismiss decisions.")
@click.pass_context
def findings(ctx: click.Context, out: str, graph_file: str | None, decisions: str) -> None:
    """Print the conflicts of interest found in a build, strongest first, with their evidence.

    Re-reads the graph and applies the decisions file, so a decision shows at once; when reading
    OUT/graph.ttl it also refreshes OUT/findings.md.
    """
    ctx.obj = {"out": out, "graph": graph_file, "decisions": Path(decisions)}
    if ctx.invoked_subcommand is not None:
        return
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    path = _graph_path(out, graph_file)
    if not path.exists():
        raise click.ClickException(f"{path} not found: run `threadgraph build --out {out}` first, or give --graph FILE.ttl")
    from graph.findings import render_report, write_report

    g = _load(path)
    _refresh(g, Path(decisions))
    if graph_file is None:
        write_report(g, Path(out) / "findings.md")
    click.echo(render_report(g), nl=False)


def _decide(ctx: click.Context, finding: str, decision: str, note: str) -> None:
    from graph.infer import TG, finding_id

    fid = finding_id(finding)
    if not fid.startswith("finding-"):
        raise click.BadParameter(f"{finding!r} is not a finding id (they look like finding-0123456789abcdef)")
    decisions: Path = ctx.obj["decisions"]
    path = _graph_path(ctx.obj["out"], ctx.obj["graph"])
    g = None
    if path.exists():
        from rdflib import RDF, URIRef

        g = _load(path)
        _refresh(g, None)  # the findings this graph gives now, whatever file it came from
        iri = URIRef("https://w3id.org/threadgraph/id/" + fid)
        if (iri, RDF.type, TG.ConflictOfInterest) not in g:
            raise click.ClickException(f"{fid} is not a finding in {path}; `threadgraph findings` lists them")
    else:
        click.echo(f"warning: {path} not found; recording the decision without checking the id", err=True)

    entry = (f"\n[[finding]]\nid = {json.dumps(fid)}\ndecision = {json.dumps(decision)}\n"
             f"note = {json.dumps(note, ensure_ascii=False)}\n"
             f"date = {json.dumps(_dt.datetime.now(_dt.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'))}\n")
    new = not decisions.exists()
    decisions.parent.mkdir(parents=True, exist_ok=True)
    with decisions.open("a", encoding="utf-8") as fh:
        if new:
            fh.write(HEADER)
        fh.write(entry)
    click.echo(f"{fid}: {decision} (recorded in {decisions})")
    if g is not None and ctx.obj["graph"] is None:
        from graph.findings import write_report

        _refresh(g, decisions)
        click.echo(f"updated {write_report(g, Path(ctx.obj['out']) / 'findings.md')}")


@findings.command()
@click.argument("finding")
@click.option("--note", default="", help="Why: what you checked.")
@click.pass_context
def confirm(ctx: click.Context, finding: str, note: str) -> None:
    """Mark FINDING as confirmed: you checked it (ids look like finding-0123456789abcdef)."""
    _decide(ctx, finding, "confirmed", note)


@findings.command()
@click.argument("finding")
@click.option("--note", default="", help="Why it is not a conflict of interest.")
@click.pass_context
def dismiss(ctx: click.Context, finding: str, note: str) -> None:
    """Mark FINDING as dismissed: kept in the graph, listed apart in the report."""
    _decide(ctx, finding, "dismissed", note)
