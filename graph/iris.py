"""Namespaces and deterministic instance IRIs (ontology/README.md, "Instance IRIs").

An instance IRI is `id:{kind}-{h}` where h is the first 16 hex digits of the SHA-1 of
what identifies the thing: its parts, as strings, joined by U+001F (a separator no
name or id contains). The same input always gives the same IRI, so rebuilds diff cleanly.
"""
from __future__ import annotations

import hashlib
import re

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

TG = Namespace("https://w3id.org/threadgraph/ns#")
ID = Namespace("https://w3id.org/threadgraph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SIOC = Namespace("http://rdfs.org/sioc/ns#")
SIOCT = Namespace("http://rdfs.org/sioc/types#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
PC = Namespace("http://purl.org/procurement/public-contracts#")
GR = Namespace("http://purl.org/goodrelations/v1#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCT = Namespace("http://purl.org/dc/terms/")

# prefix -> namespace, in the order they are written at the top of every Turtle file.
PREFIXES: dict[str, str] = {
    "tg": str(TG),
    "id": str(ID),
    "dct": str(DCT),
    "foaf": str(FOAF),
    "gr": str(GR),
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "pc": str(PC),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "sioc": str(SIOC),
    "sioct": str(SIOCT),
    "skos": str(SKOS),
    "xsd": str(XSD),
}

# The same prefixes as Turtle directives, for code and tests that write Turtle by hand.
TURTLE_PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())

# Entity.type -> the kind part of its IRI.
ENTITY_KINDS = {"Person": "person", "Organization": "org", "Place": "place", "Contract": "contract"}

_SEP = "\x1f"
_SPACES = re.compile(r"\s+")


def bind_prefixes(g: Graph) -> Graph:
    """Bind the project's prefixes, overriding rdflib's built-in defaults.

    rdflib pre-binds its own `org:` (and others); without replace=True ours would come
    out as `org1:`.
    """
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def digest(*parts: object) -> str:
    """First 16 hex digits of the SHA-1 of the parts (None counts as empty)."""
    text = _SEP.join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def mint(kind: str, *parts: object) -> URIRef:
    """`id:{kind}-{hash(parts)}`: the one way every stage makes an instance IRI."""
    if not kind or "/" in kind or "#" in kind:
        raise ValueError(f"bad IRI kind {kind!r}")
    return ID[f"{kind}-{digest(*parts)}"]


def normalise_label(label: str) -> str:
    """Case- and whitespace-insensitive form, so "Deputy  director" and "deputy director" match."""
    return _SPACES.sub(" ", label).strip().casefold()


def thread_iri(thread_id: str) -> URIRef:
    return mint("thread", thread_id)


def message_iri(thread_id: str, message_id: str, is_post: bool | None = None) -> URIRef:
    """The article is `id:post-…`, a comment `id:comment-…` (both hash thread id + message id)."""
    if is_post is None:
        is_post = message_id == "post"
    return mint("post" if is_post else "comment", thread_id, message_id)


def account_iri(handle: str) -> URIRef:
    return mint("account", handle)


def entity_iri(entity_type: str, key: str) -> URIRef:
    try:
        kind = ENTITY_KINDS[entity_type]
    except KeyError:
        raise ValueError(f"unknown entity type {entity_type!r} (expected one of {sorted(ENTITY_KINDS)})")
    return mint(kind, key)


def role_iri(label: str) -> URIRef:
    return mint("role", normalise_label(label))


def activity_iri(rule: str, version: str) -> URIRef:
    return mint("activity", rule, version)


def price_iri(contract: URIRef) -> URIRef:
    return mint("price", contract)


def selector_iris(assertion: URIRef) -> tuple[URIRef, URIRef]:
    """The text-position and text-quote selectors of an assertion."""
    return URIRef(f"{assertion}-pos"), URIRef(f"{assertion}-quote")


def finding_iri(rule: str, official: object, counterparty: object, contract: object = None) -> URIRef:
    return mint("finding", rule, official, counterparty, contract)


def finding_step_iri(finding: URIRef, n: int) -> URIRef:
    return URIRef(f"{finding}-step-{n}")
