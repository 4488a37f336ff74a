"""The NetworkX projection and its GEXF 1.3 / GraphML exports."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

import igraph
import networkx as nx
import pytest
from lxml import etree
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graph.iris import PROV, TG, entity_iri, finding_iri
from graph.network import FINDING_COLOUR, GEXF_NS, VIZ_NS, project, read_gexf, write_gexf, write_graphml
from graph.rdf import corpus_to_graph
from test_rdf_corpus import ENTITIES, MESSAGES, RELATIONS, example_corpus


def iri(key: str) -> str:
    return str(entity_iri(ENTITIES[key][0], key))


def with_finding(g: Graph) -> tuple[Graph, URIRef]:
    """The example graph plus one finding written as ontology/README.md shows it."""
    h = Graph()
    for t in g:
        h.add(t)
    f = finding_iri("coi-test", iri("tobias"), iri("wexford"), iri("contract"))
    family = next(h.subjects(RDF.predicate, URIRef("http://schema.org/spouse")))
    h.add((f, RDF.type, TG.ConflictOfInterest))
    h.add((f, TG.findingKind, Literal("inferred")))
    h.add((f, TG.rule, Literal("coi-test")))
    h.add((f, TG.official, URIRef(iri("tobias"))))
    h.add((f, TG.counterparty, URIRef(iri("wexford"))))
    h.add((f, TG.basis, Literal("family tie")))
    h.add((f, TG.confidence, Literal("0.62", datatype=XSD.decimal)))
    h.add((f, PROV.wasDerivedFrom, family))
    return h, f


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    g, _ = with_finding(corpus_to_graph(example_corpus()))
    return project(g)


def edges_between(G, s, o):
    return [d for _, v, d in G.out_edges(iri(s), data=True) if v == iri(o)]


def test_nodes_are_the_entities_with_label_type_kind_aliases_and_mentions(G):
    assert set(G.nodes) == {iri(k) for k in ENTITIES}
    for key, (etype, name, aliases, kind) in ENTITIES.items():
        node = G.nodes[iri(key)]
        assert node["label"] == name and node["type"] == etype
        assert node["kind"] == (kind or "")
        assert node["aliases"] == "; ".join(sorted(aliases))
    # Voss is named in c1 and c1.1: two messages
    assert G.nodes[iri("voss")]["mentions"] == 2
    assert G.nodes[iri("dca")]["mentions"] == sum("Department of Civic Affairs" in m.text for m in MESSAGES.values())


def test_edges_are_the_facts_between_entities(G):
    facts = [(u, v) for u, v, d in G.edges(data=True) if not d["finding"]]
    # every relation whose object is an entity: the role-only post and the investigator-less
    # investigation have no entity at their far end
    expected = [(iri(s), iri(o)) for _, s, o, *_ in RELATIONS if o is not None]
    assert sorted(facts) == sorted(expected)


def test_a_fact_edge_carries_kind_confidence_status_and_its_evidence(G):
    (spouse,) = edges_between(G, "marta", "tobias")
    assert spouse["kind"] == "family" and spouse["label"] == "spouse of"
    assert spouse["confidence"] == pytest.approx(0.86) and spouse["status"] == "reported"
    assert spouse["evidence"] == 1 and spouse["assertions"].startswith("https://w3id.org/threadgraph/id/assertion-")
    assert spouse["finding"] is False
    (post,) = edges_between(G, "marta", "wexford")
    assert post["kind"] == "post" and post["label"] == "Deputy Managing Director"


def test_a_fact_told_twice_is_one_edge_with_two_pieces_of_evidence_and_the_strongest_status():
    corpus = example_corpus()
    paid = next(r for r in corpus.relations if r.kind == "paid_by")  # questioned in c1
    text = MESSAGES["c2"].text
    quote = "Kestrel Holdings"
    again = dataclasses.replace(
        paid, status="asserted", confidence=Decimal("0.55"),
        evidence=dataclasses.replace(paid.evidence, message="c2", start=text.index(quote),
                                     end=text.index(quote) + len(quote), quote=quote,
                                     sentence_start=0, sentence_end=len(text)))
    corpus.relations.append(again)
    G = project(corpus_to_graph(corpus))
    (edge,) = edges_between(G, "voss", "wexford")
    assert edge["evidence"] == 2 and len(edge["assertions"].split()) == 2
    assert edge["status"] == "asserted"  # asserted beats questioned
    assert edge["confidence"] == pytest.approx(0.6)  # the max


def test_a_finding_is_a_highlighted_edge_from_official_to_counterparty(G):
    findings = [d for _, _, d in G.edges(data=True) if d["finding"]]
    assert len(findings) == 1
    (edge,) = [d for d in edges_between(G, "tobias", "wexford") if d["finding"]]
    assert edge["kind"] == "conflict_of_interest" and edge["label"] == "family tie"
    assert edge["confidence"] == pytest.approx(0.62) and edge["evidence"] == 1


def test_findings_from_the_inference_stage_are_edges_from_official_to_counterparty():
    from graph.infer import add_findings

    g = corpus_to_graph(example_corpus())
    findings = add_findings(g)
    G = project(g)
    edges = {k: (u, v) for u, v, k, d in G.edges(keys=True, data=True) if d["finding"]}
    assert set(edges) == {str(f) for f in findings}
    for f in findings:
        assert edges[str(f)] == (str(g.value(f, TG.official)), str(g.value(f, TG.counterparty)))


def test_every_attribute_is_a_plain_scalar(G):
    for _, data in G.nodes(data=True):
        assert all(type(v) in (str, int, float, bool) for v in data.values()), data
    for _, _, data in G.edges(data=True):
        assert all(type(v) in (str, int, float, bool) for v in data.values()), data


# ---------------------------------------------------------------- GEXF

def test_gexf_is_version_1_3_with_viz_colours_and_sizes(G, tmp_path):
    path = write_gexf(G, tmp_path / "graph.gexf")
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    assert root.nsmap["viz"] == "http://gexf.net/1.3/viz"
    nodes = root.findall(f".//{{{GEXF_NS}}}node")
    assert len(nodes) == G.number_of_nodes()
    for node in nodes:
        assert node.find(f"{{{VIZ_NS}}}color") is not None
        assert float(node.find(f"{{{VIZ_NS}}}size").get("value")) > 0
    sizes = {n.get("label"): float(n.find(f"{{{VIZ_NS}}}size").get("value")) for n in nodes}
    assert sizes["Harlan Voss"] > sizes["Dunmere"]  # named in more messages
    red = [e for e in root.findall(f".//{{{GEXF_NS}}}edge")
           if tuple(int(e.find(f"{{{VIZ_NS}}}color").get(c)) for c in "rgb") == FINDING_COLOUR]
    assert [e.get("kind") for e in red] == ["conflict_of_interest"]
    ids = [e.get("id") for e in root.findall(f".//{{{GEXF_NS}}}edge")]
    assert len(ids) == len(set(ids)) == G.number_of_edges()


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph, drop=()) -> None:
    assert set(a.nodes) == set(b.nodes)
    for n in a.nodes:
        assert {k: v for k, v in b.nodes[n].items() if k not in drop} == a.nodes[n], n
    assert set(a.edges(keys=True)) == set(b.edges(keys=True))
    for e in a.edges(keys=True):
        assert b.edges[e] == a.edges[e], e


def test_gexf_rereads_into_an_equal_graph(G, tmp_path):
    back = read_gexf(write_gexf(G, tmp_path / "graph.gexf"))
    _same(G, back, drop=("viz",))


def test_graphml_rereads_into_an_equal_graph_in_networkx(G, tmp_path):
    path = write_graphml(G, tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.is_directed()
    _same(G, back)


def test_graphml_reads_the_same_in_igraph(G, tmp_path):
    path = write_graphml(G, tmp_path / "graph.graphml")
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.is_directed()
    assert ig.vcount() == G.number_of_nodes() and ig.ecount() == G.number_of_edges()
    names = ig.vs["id"]
    assert {names[i]: (v["label"], v["type"]) for i, v in enumerate(ig.vs)} == {
        n: (d["label"], d["type"]) for n, d in G.nodes(data=True)}
    ig_edges = sorted((names[e.source], names[e.target], e["kind"], e["label"], round(e["confidence"], 6),
                       int(e["evidence"]), bool(e["finding"])) for e in ig.es)
    nx_edges = sorted((u, v, d["kind"], d["label"], round(d["confidence"], 6), d["evidence"], d["finding"])
                      for u, v, d in G.edges(data=True))
    assert ig_edges == nx_edges


def test_exports_are_byte_identical_on_rebuild(tmp_path):
    a, b = (project(with_finding(corpus_to_graph(example_corpus()))[0]) for _ in range(2))
    assert write_gexf(a, tmp_path / "a.gexf").read_bytes() == write_gexf(b, tmp_path / "b.gexf").read_bytes()
    assert (write_graphml(a, tmp_path / "a.graphml").read_bytes()
            == write_graphml(b, tmp_path / "b.graphml").read_bytes())
