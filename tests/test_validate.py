"""SHACL validation: the writer's output conforms, and each kind of broken graph does not."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from graph.commands.validate import validate as validate_command
from graph.iris import FOAF, OA, SIOC, SKOS, TG
from graph.rdf import corpus_to_graph, write_turtle
from graph.validate import ONTOLOGY, SHAPES, validate_graph
from test_rdf_corpus import example_corpus

README = Path(__file__).resolve().parent.parent / "ontology" / "README.md"


@pytest.fixture(scope="module")
def good() -> Graph:
    return corpus_to_graph(example_corpus())


def copy(g: Graph) -> Graph:
    h = Graph()
    for t in g:
        h.add(t)
    return h


def first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def selector(g: Graph, a: URIRef, cls) -> URIRef:
    return next(s for s in g.objects(a, OA.hasSelector) if (s, RDF.type, cls) in g)


def test_the_writers_graph_conforms(good):
    report = validate_graph(good)
    assert report.conforms and report.violations == 0, report.text


def _wrong_quote(g):
    q = selector(g, first(g, TG.Assertion), OA.TextQuoteSelector)
    g.set((q, OA.exact, Literal("words nobody wrote")))


def _shifted_offsets(g):
    pos = selector(g, first(g, TG.Assertion), OA.TextPositionSelector)
    g.set((pos, OA.start, Literal(g.value(pos, OA.start).toPython() + 1)))


def _confidence(value):
    return lambda g: g.set((first(g, TG.Assertion), TG.confidence, value))


def _remove(cls, prop):
    return lambda g: g.remove((first(g, cls), prop, None))


BROKEN = {
    "quote not at its offsets": (_wrong_quote, "not the source message's text"),
    "offsets shifted by one": (_shifted_offsets, "not the source message's text"),
    "confidence 1.5": (_confidence(Literal("1.5", datatype=XSD.decimal)), "confidence"),
    "confidence negative": (_confidence(Literal("-0.1", datatype=XSD.decimal)), "confidence"),
    "confidence as xsd:double": (_confidence(Literal(0.5)), "confidence"),
    "person without label": (_remove(FOAF.Person, SKOS.prefLabel), "skos:prefLabel"),
    "organisation without label": (_remove(URIRef("http://www.w3.org/ns/org#FormalOrganization"), SKOS.prefLabel),
                                   "skos:prefLabel"),
    "assertion without source message": (_remove(TG.Assertion, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")),
                                         "message"),
    "assertion without position selector": (
        lambda g: g.remove((selector(g, first(g, TG.Assertion), OA.TextPositionSelector), None, None)),
        "one text-position selector"),
    "fact without its direct triple": (
        lambda g: g.remove(tuple(g.value(first(g, TG.Assertion), p) for p in (RDF.subject, RDF.predicate, RDF.object))),
        "no direct triple"),
    "unknown status": (lambda g: g.set((first(g, TG.Assertion), TG.status, TG.Rumoured)), "EpistemicStatus"),
    "commenter typed as a person": (lambda g: g.add((first(g, SIOC.UserAccount), RDF.type, FOAF.Person)),
                                    "never a person"),
    "unknown type": (lambda g: g.add((first(g, FOAF.Person), RDF.type, URIRef("http://example.org/Alien"))),
                     "does not know"),
    "message mentioning a non-entity": (
        lambda g: g.add((first(g, URIRef("http://rdfs.org/sioc/types#Comment")), URIRef("http://schema.org/mentions"),
                         first(g, SIOC.UserAccount))), "not a person, organisation"),
    "reply to a non-message": (
        lambda g: g.set((first(g, URIRef("http://rdfs.org/sioc/types#Comment")), SIOC.reply_of, first(g, FOAF.Person))),
        "not a message"),
    "unknown organisation kind": (
        lambda g: g.set((next(g.subjects(TG.orgKind, None)), TG.orgKind, Literal("cabal"))), "tg:orgKind"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_graph_does_not_conform(good, name):
    breaks, expected = BROKEN[name]
    g = copy(good)
    breaks(g)
    report = validate_graph(g)
    assert not report.conforms and report.violations >= 1
    assert any(expected in what for what in report.by_shape), report.by_shape
    assert "does NOT conform" in report.text.splitlines()[0]


def test_the_summary_names_the_offending_node_by_its_label(good):
    g = copy(good)
    org = next(g.subjects(TG.orgKind, None))
    g.set((org, TG.orgKind, Literal("cabal")))
    summary = validate_graph(g).text.split("\n\n")[0]
    assert f'e.g. "{g.value(org, SKOS.prefLabel)}"' in summary and "'cabal'" in summary


def test_findings_added_by_the_inference_stage_conform(good):
    from graph.infer import add_findings

    g = copy(good)
    findings = add_findings(g)
    assert findings, "the example thread states one conflict of interest and implies others"
    report = validate_graph(g)
    assert report.violations == 0, report.text


def test_validation_does_not_change_the_graph(good):
    before = len(good)
    validate_graph(good)
    assert len(good) == before


# ---------------------------------------------------------------- the ontology

def test_the_ontology_and_shapes_parse_in_rdflib_pyoxigraph_and_rapper():
    for path in (ONTOLOGY, SHAPES):
        assert len(Graph().parse(path, format="turtle")) > 50
        assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) > 50
        if shutil.which("rapper"):
            run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
            assert run.returncode == 0, run.stderr


def _tg_terms_used(g: Graph) -> set[URIRef]:
    used = set()
    for t in g:
        for term in t:
            if isinstance(term, URIRef) and str(term).startswith(str(TG)):
                used.add(term)
    return used


def test_every_project_term_in_the_graph_and_readme_is_defined_with_label_and_comment(good):
    ont = Graph().parse(ONTOLOGY, format="turtle")
    readme_terms = {TG[name] for name in re.findall(r"\btg:([A-Za-z]+)", README.read_text())}
    used = _tg_terms_used(good) | readme_terms
    assert len(used) > 40
    for term in sorted(used):
        assert ont.value(term, RDF.type) is not None, f"{term} is not defined in threadgraph.ttl"
        assert ont.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert ont.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_project_classes_are_aligned_to_standard_classes():
    ont = Graph().parse(ONTOLOGY, format="turtle")
    for cls in ont.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(str(TG)):
            supers = set(ont.objects(cls, RDFS.subClassOf))
            assert any(not str(s).startswith(str(TG)) for s in supers), f"{cls} is not aligned"


def test_statuses_are_epistemic_status_individuals():
    ont = Graph().parse(ONTOLOGY, format="turtle")
    statuses = set(ont.subjects(RDF.type, TG.EpistemicStatus))
    assert statuses == {TG.Asserted, TG.Reported, TG.Hedged, TG.Questioned, TG.Denied}


def test_every_thing_the_writer_types_has_a_shape(good):
    shapes = Graph().parse(SHAPES, format="turtle")
    targeted = set(shapes.objects(None, SH.targetClass))
    for subject in set(good.subjects(RDF.type, None)):
        types = set(good.objects(subject, RDF.type))
        assert types & targeted, f"no shape targets {subject} ({types})"


# ---------------------------------------------------------------- the command

def test_validate_command_exits_0_on_a_conforming_file_and_1_on_violations(good, tmp_path):
    ok = write_turtle(good, tmp_path / "ok.ttl")
    run = CliRunner().invoke(validate_command, [str(ok)])
    assert run.exit_code == 0, run.output
    assert "conforms (0 violation(s)" in run.output

    bad = copy(good)
    _wrong_quote(bad)
    bad_path = write_turtle(bad, tmp_path / "bad.ttl")
    run = CliRunner().invoke(validate_command, [str(bad_path)])
    assert run.exit_code == 1
    assert "does NOT conform" in run.output and "not the source message's text" in run.output


def test_validate_command_refuses_a_file_that_is_not_rdf(tmp_path):
    junk = tmp_path / "junk.ttl"
    junk.write_text("this is not turtle <<<")
    run = CliRunner().invoke(validate_command, [str(junk)])
    assert run.exit_code == 2
    assert "cannot read" in run.output
