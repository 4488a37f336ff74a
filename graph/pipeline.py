"""The build: ingest → nlp/extract → resolve → rdf → infer → outputs.

IO happens here and in the output writers; every stage in between is a function
of its inputs.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from graph.model import Corpus, Problem

DEFAULT_OVERRIDES = Path("overrides.toml")
DEFAULT_DECISIONS = Path("decisions.toml")


@dataclass
class BuildResult:
    corpus: Corpus
    outputs: dict[str, Path] = field(default_factory=dict)
    findings: int = 0
    violations: int = 0
    seconds: float = 0.0

    @property
    def problems(self) -> list[Problem]:
        return self.corpus.problems

    def summary(self) -> dict[str, object]:
        c = self.corpus
        return {
            "threads": len(c.threads),
            "comments": sum(len(t.comments) for t in c.threads),
            "entities": len(c.entities),
            "relations": len(c.relations),
            "findings": self.findings,
            "problems": len(c.problems),
            "shacl violations": self.violations,
            "seconds": round(self.seconds, 2),
        }


def build(
    paths: Sequence[str | Path],
    out: str | Path,
    fmt: str | None = None,
    workers: int = 1,
    overrides: str | Path | None = None,
    decisions: str | Path | None = None,
    validate: bool = True,
    progress: Callable[[int, int], None] | None = None,
    exports: Sequence[str] = (),
) -> BuildResult:
    """Build the graph from `paths` into the folder `out`."""
    from graph import extract, ingest, resolve

    t0 = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    threads, problems = ingest.load_paths(paths, fmt=fmt)
    corpus = Corpus(threads=threads, problems=list(problems))
    if not threads:
        return BuildResult(corpus=corpus, seconds=time.perf_counter() - t0)

    mentions, relations = extract.extract_corpus(threads, workers=workers, progress=progress)
    # A name found in one comment is often missed by the model in a short one further down.
    from graph.extract.thread_mentions import propagate_names

    for thread in threads:
        mentions += propagate_names(thread, mentions)
    overrides = _existing(overrides, DEFAULT_OVERRIDES)
    corpus.entities, corpus.relations, corpus.merges = resolve.resolve(mentions, relations, overrides=overrides)

    result = BuildResult(corpus=corpus)
    result.outputs, result.findings, result.violations = write_outputs(
        corpus, out, decisions=_existing(decisions, DEFAULT_DECISIONS), validate=validate, exports=exports
    )
    result.seconds = time.perf_counter() - t0
    return result


EXPORT_SUFFIX = {"nt": "nt", "jsonld": "jsonld"}


def write_outputs(corpus: Corpus, out: Path, decisions: Path | None, validate: bool, exports: Sequence[str] = ()):
    """RDF, inference and every file the build leaves in `out`."""
    from graph import findings as findings_report
    from graph import html, infer, network, rdf, store

    g = rdf.corpus_to_graph(corpus)
    finding_iris = infer.add_findings(g, decisions=decisions)
    violations = 0
    if validate:
        from graph import validate as shacl

        report = shacl.validate_graph(g)
        violations = report.violations
        (out / "validation.txt").write_text(report.text, encoding="utf-8")

    outputs = {
        "turtle": rdf.write_turtle(g, out / "graph.ttl"),
        "store": store.write_store(out / "graph.ttl", out / "store"),
    }
    for fmt in exports:
        outputs[fmt] = rdf.write_graph(g, out / f"graph.{EXPORT_SUFFIX[fmt]}", fmt)
    G = network.project(g)
    outputs["gexf"] = network.write_gexf(G, out / "graph.gexf")
    outputs["graphml"] = network.write_graphml(G, out / "graph.graphml")
    outputs["html"] = html.write_html(g, G, out / "graph.html")
    outputs["findings"] = findings_report.write_report(g, out / "findings.md")
    outputs["merges"] = resolve_log(corpus, out / "merges.tsv")
    return outputs, len(finding_iris), violations


def resolve_log(corpus: Corpus, path: Path) -> Path:
    """Every merge decision, so a user can see why two names became one entity."""
    lines = ["type\tkept\tmerged\treason\tapart"]
    for m in sorted(corpus.merges, key=lambda m: (m.type, m.kept, m.merged)):
        lines.append(f"{m.type}\t{m.kept}\t{m.merged}\t{m.reason}\t{'yes' if m.merged_apart else ''}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _existing(given: str | Path | None, default: Path) -> Path | None:
    if given is not None:
        return Path(given)
    return default if default.exists() else None
