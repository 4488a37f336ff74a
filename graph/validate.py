"""SHACL validation of a threadgraph graph against ontology/shapes.ttl.

The ontology (ontology/threadgraph.ttl) goes in as pyshacl's ont_graph, so sh:class checks
see its axioms and status individuals. No inference is run: the writer states every class
it relies on, and a full OWL-RL closure would add invalid triples (../shared/DESIGN.md).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import SH

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "threadgraph.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass
class ValidationReport:
    conforms: bool
    violations: int  # results of severity sh:Violation
    warnings: int
    text: str  # pyshacl's readable report, with a summary on top
    by_shape: dict[str, int] = field(default_factory=dict)  # "ShapeOrPath: message" -> count
    graph: Graph | None = None  # the sh:ValidationReport as RDF


MAX_EXAMPLES = 3  # per kind of violation, in the summary


@lru_cache(maxsize=4)
def _load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def validate_graph(g: Graph, shapes: Path = SHAPES, ontology: Path = ONTOLOGY) -> ValidationReport:
    """Validate `g` (not modified) against the shapes; count violations and warnings."""
    from pyshacl import validate

    conforms, report, text = validate(
        g,
        shacl_graph=_load(Path(shapes)),
        ont_graph=_load(Path(ontology)),
        inference="none",
        allow_warnings=True,
        abort_on_first=False,
    )
    if not isinstance(report, Graph):  # pyshacl could not run the shapes at all
        raise RuntimeError(f"SHACL validation failed to run: {text}")
    severities = Counter(report.objects(None, SH.resultSeverity))
    violations = severities[SH.Violation]
    warnings = severities[SH.Warning]
    by_shape: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for result in sorted(report.subjects(SH.resultSeverity, SH.Violation)):
        where = report.value(result, SH.resultPath) or report.value(result, SH.sourceShape)
        message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
        what = f"{_short(where)}: {message}"
        by_shape[what] += 1
        seen = examples.setdefault(what, [])
        if len(seen) < MAX_EXAMPLES:
            focus, value = report.value(result, SH.focusNode), report.value(result, SH.value)
            seen.append(" -> ".join(_named(g, t) for t in (focus, value) if t is not None))
    summary = [f"SHACL: {'conforms' if violations == 0 else 'does NOT conform'} "
               f"({violations} violation(s), {warnings} warning(s))"]
    for what, n in sorted(by_shape.items(), key=lambda kv: (-kv[1], kv[0])):
        summary.append(f"  {n:6d}  {what}")
        summary += [f"          e.g. {example}" for example in sorted(examples[what])]
    return ValidationReport(
        conforms=violations == 0,
        violations=violations,
        warnings=warnings,
        text="\n".join(summary) + "\n\n" + text,
        by_shape=dict(by_shape),
        graph=report,
    )


@lru_cache(maxsize=1)
def _names() -> Graph:
    from graph.iris import bind_prefixes

    g = bind_prefixes(Graph())
    g.bind("tgsh", "https://w3id.org/threadgraph/shapes#")
    return g


def _short(term) -> str:
    """A result's path or shape as a prefixed name, for the summary."""
    if term is None:
        return "?"
    try:
        return _names().namespace_manager.normalizeUri(term)
    except Exception:  # a blank node (a nameless property shape) or an odd IRI
        return str(term)


def _named(g: Graph, term) -> str:
    """A node as a reader knows it: its label, then its prefixed IRI."""
    from graph.iris import SKOS

    label = g.value(term, SKOS.prefLabel) if not isinstance(term, Literal) else None
    name = _short(term) if not isinstance(term, Literal) else repr(str(term))[:60]
    return f'"{label}" ({name})' if label is not None else name


def validate_file(path: str | Path) -> ValidationReport:
    """Parse a Turtle (or any rdflib-guessable) file and validate it."""
    from rdflib.util import guess_format

    path = Path(path)
    fmt = guess_format(str(path)) or "turtle"
    return validate_graph(Graph().parse(path, format=fmt))
