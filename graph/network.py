"""The NetworkX projection of the RDF graph, and its GEXF 1.3 / GraphML exports.

Nodes are entities, edges are the direct fact triples (with how well the text supports
them) plus one highlighted edge per conflict-of-interest finding (ontology/README.md,
"The NetworkX projection"). Every attribute is a str, int, float or bool, so GEXF,
GraphML and their readers (Gephi, igraph, networkx) keep them as they are.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
from lxml import etree
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from graph.iris import FOAF, ORG, PC, PROV, SCHEMA, SKOS, TG, digest

ENTITY_TYPES = (  # class -> node type; the first that matches wins
    (FOAF.Person, "Person"),
    (ORG.FormalOrganization, "Organization"),
    (SCHEMA.Place, "Place"),
    (PC.Contract, "Contract"),
)

# strongest first: an edge shows the strongest way any of its assertions holds it
STATUS_ORDER = ("asserted", "reported", "hedged", "questioned", "denied")

# How an edge reads, where the predicate's local name does not say it well.
PREDICATE_LABELS = {
    ORG.memberOf: "member of",
    ORG.subOrganizationOf: "part of",
    SCHEMA.spouse: "spouse of",
    SCHEMA.sibling: "sibling of",
    SCHEMA.parent: "child of",  # P schema:parent Q: Q is P's parent
    SCHEMA.children: "parent of",
    SCHEMA.relatedTo: "relative of",
    PC.contractingAuthority: "bought by",
    TG.bidFor: "bid for",
    TG.partnerOf: "partner of",
    TG.ownedBy: "owned by",
    TG.renamedTo: "became",
    TG.replaces: "replaces",
    TG.legalRepresentativeOf: "acts for",
    TG.legalActionAgainst: "legal action against",
    TG.investigatedBy: "investigated by",
    TG.representsConstituency: "MP for",
    TG.memberOfParty: "member of party",
    TG.paidBy: "paid by",
    TG.consultantTo: "consultant to",
    TG.lobbied: "lobbied",
    TG.statedConflictWith: "stated conflict of interest with",
}

# GEXF viz: colour by node type, findings in red.
TYPE_COLOURS = {
    "Person": (78, 121, 167),
    "Organization": (89, 161, 79),
    "Place": (176, 122, 161),
    "Contract": (242, 142, 43),
}
EDGE_COLOUR = (160, 160, 160)
FINDING_COLOUR = (225, 30, 40)

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def _text(g: Graph, s, p) -> str:
    v = g.value(s, p)
    return str(v) if v is not None else ""


def _label(text: str) -> str:
    """One line, single spaces: GEXF labels are xsd:token, and a label is for display."""
    return " ".join(text.split())


def _float(v) -> float:
    try:
        return float(v.toPython() if isinstance(v, Literal) else v)
    except (TypeError, ValueError, AttributeError):
        return 0.0


def _status_name(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].lower() if iri is not None else ""


def _strongest(statuses) -> str:
    known = [s for s in statuses if s in STATUS_ORDER]
    return min(known, key=STATUS_ORDER.index) if known else ""


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def edge_key(s, p, o) -> str:
    """A key unique across the whole network (GEXF and GraphML need unique edge ids)."""
    return f"fact-{digest(s, p, o)}"


def project(g: Graph) -> nx.MultiDiGraph:
    """Entities as nodes, facts and findings as edges (deterministic order)."""
    G = nx.MultiDiGraph(name="threadgraph")
    types: dict[URIRef, str] = {}
    for cls, name in ENTITY_TYPES:
        for s in g.subjects(RDF.type, cls):
            if isinstance(s, URIRef):
                types.setdefault(s, name)
    mentions = Counter()
    for message, entity in set(g.subject_objects(SCHEMA.mentions)):
        mentions[entity] += 1

    for iri in sorted(types):
        G.add_node(
            str(iri),
            label=_label(_text(g, iri, SKOS.prefLabel) or _text(g, iri, FOAF.name)) or _local(iri),
            type=types[iri],
            kind=_text(g, iri, TG.orgKind),
            aliases="; ".join(sorted(str(a) for a in g.objects(iri, SKOS.altLabel))),
            mentions=int(mentions[iri]),
        )
    _add_facts(g, G, types)
    _add_findings(g, G, types)
    return G


def _add_facts(g: Graph, G: nx.MultiDiGraph, types: dict) -> None:
    groups: dict[tuple, list[URIRef]] = defaultdict(list)
    for a in g.subjects(RDF.type, TG.Assertion):
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        if s in types and o in types and (s, p, o) in g:
            groups[(s, p, o)].append(a)
    for (s, p, o) in sorted(groups):
        assertions = sorted(groups[(s, p, o)])
        kinds = Counter(_text(g, a, TG.relationKind) for a in assertions)
        G.add_edge(
            str(s), str(o), key=edge_key(s, p, o),
            kind=min(kinds, key=lambda k: (-kinds[k], k)),
            predicate=str(p),
            label=_label(_fact_label(g, p, assertions)),
            confidence=max(_float(g.value(a, TG.confidence)) for a in assertions),
            status=_strongest(_status_name(g.value(a, TG.status)) for a in assertions),
            evidence=len(assertions),
            weight=float(len(assertions)),
            assertions=" ".join(str(a) for a in assertions),
            rule=" ".join(sorted({_text(g, a, TG.rule) for a in assertions} - {""})),
            finding=False,
        )


def _fact_label(g: Graph, p: URIRef, assertions: list[URIRef]) -> str:
    """For a post, the role(s) held; otherwise how the predicate reads."""
    if p == ORG.memberOf:
        roles = set()
        for a in assertions:
            node = g.value(a, TG.about)
            role = g.value(node, ORG.role) if node is not None else None
            if role is not None:
                roles.add(_text(g, role, SKOS.prefLabel))
        roles.discard("")
        if roles:
            return "; ".join(sorted(roles))
    return PREDICATE_LABELS.get(p, _local(p))


def _add_findings(g: Graph, G: nx.MultiDiGraph, types: dict) -> None:
    for f in sorted(g.subjects(RDF.type, TG.ConflictOfInterest)):
        official = g.value(f, TG.official)
        counterparty = g.value(f, TG.counterparty)
        # a stated finding may name only the entities involved
        involved = [e for e in sorted(set(g.objects(f, TG.involves)) | set(g.objects(f, TG.connector)))
                    if e in types]
        if official is None and involved:
            official = involved[0]
        if counterparty is None:
            counterparty = next((e for e in involved if e != official), None)
        if official not in types or counterparty not in types or official == counterparty:
            continue
        derived = sorted(g.objects(f, PROV.wasDerivedFrom))
        G.add_edge(
            str(official), str(counterparty), key=str(f),
            kind="conflict_of_interest",
            predicate=str(TG.ConflictOfInterest),
            label=_label(_text(g, f, TG.basis)) or "conflict of interest",
            confidence=_float(g.value(f, TG.confidence)),
            status=_text(g, f, TG.reviewStatus) or "candidate",
            evidence=len(derived),
            weight=float(max(1, len(derived))),
            assertions=" ".join(str(a) for a in derived),
            rule=_text(g, f, TG.rule),
            finding=True,
        )


# --------------------------------------------------------------------------- GEXF 1.3

def _gexf_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "double"
    return "string"


def _gexf_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


XML_ATTRIBUTES = ("label", "weight")  # written on the element itself, not as attvalues


def _declare(graph_el, cls: str, items) -> dict[str, str]:
    """<attributes class=...>: one per attribute name, typed from its values."""
    types: dict[str, str] = {}
    for data in items:
        for k, v in data.items():
            if k not in XML_ATTRIBUTES:
                types.setdefault(k, _gexf_type(v))
    el = etree.SubElement(graph_el, f"{{{GEXF_NS}}}attributes", {"class": cls})  # 1.3: no mode here
    for name in sorted(types):
        etree.SubElement(el, f"{{{GEXF_NS}}}attribute", {"id": name, "title": name, "type": types[name]})
    return types


def _attvalues(parent, data: dict, skip=XML_ATTRIBUTES) -> None:
    el = etree.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
    for k in sorted(data):
        if k not in skip:
            etree.SubElement(el, f"{{{GEXF_NS}}}attvalue", {"for": k, "value": _gexf_value(data[k])})


def _colour(parent, rgb) -> None:
    r, g, b = rgb
    etree.SubElement(parent, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})


def node_size(mentions: int) -> float:
    """Bigger for entities named in more messages; never zero."""
    return round(10.0 + 6.0 * math.sqrt(max(0, mentions)), 2)


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GEXF 1.3 for Gephi: typed attributes, viz colours and sizes, edge kinds; deterministic."""
    path = Path(path)
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "viz": VIZ_NS, "xsi": XSI_NS})
    root.set("version", "1.3")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "threadgraph"
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = (
        "Entities and the facts between them; red edges are conflict-of-interest findings.")
    graph_el = etree.SubElement(root, f"{{{GEXF_NS}}}graph", {"mode": "static", "defaultedgetype": "directed"})
    _declare(graph_el, "node", (d for _, d in G.nodes(data=True)))
    _declare(graph_el, "edge", (d for _, _, d in G.edges(data=True)))

    nodes_el = etree.SubElement(graph_el, f"{{{GEXF_NS}}}nodes")
    for n, data in G.nodes(data=True):
        node = etree.SubElement(nodes_el, f"{{{GEXF_NS}}}node", {"id": str(n), "label": str(data.get("label", n))})
        _attvalues(node, data)
        _colour(node, TYPE_COLOURS.get(data.get("type"), EDGE_COLOUR))
        etree.SubElement(node, f"{{{VIZ_NS}}}size", {"value": str(node_size(int(data.get("mentions", 0))))})

    edges_el = etree.SubElement(graph_el, f"{{{GEXF_NS}}}edges")
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = {"id": str(key), "source": str(u), "target": str(v)}
        if "label" in data:
            attrs["label"] = str(data["label"])
        if "weight" in data:
            attrs["weight"] = _gexf_value(float(data["weight"]))
        if data.get("kind"):
            attrs["kind"] = str(data["kind"])  # GEXF 1.3: parallel edges of different kinds
        edge = etree.SubElement(edges_el, f"{{{GEXF_NS}}}edge", attrs)
        _attvalues(edge, data)
        finding = bool(data.get("finding"))
        _colour(edge, FINDING_COLOUR if finding else EDGE_COLOUR)
        etree.SubElement(edge, f"{{{VIZ_NS}}}thickness", {"value": "4.0" if finding else "1.0"})

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return path


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF 1.3 file written by write_gexf back into a MultiDiGraph."""
    read = nx.read_gexf(path, version="1.3")  # a DiGraph when no two edges share their ends
    G = nx.MultiDiGraph(**read.graph)
    G.add_nodes_from(read.nodes(data=True))
    edges = read.edges(keys=True, data=True) if read.is_multigraph() else (
        (u, v, d.get("id"), d) for u, v, d in read.edges(data=True))
    for u, v, key, data in edges:
        data = {k: val for k, val in data.items() if k != "id"}  # the id is the key
        G.add_edge(u, v, key=key, **data)
    return G


# --------------------------------------------------------------------------- GraphML

def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GraphML with a typed key for every attribute (networkx's writer)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(G, path, encoding="utf-8", prettyprint=True)
    return path
