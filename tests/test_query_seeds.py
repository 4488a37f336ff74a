"""Each canned query answers correctly on the seeds' graph (the store written by the build).

What a query should return is counted independently, with rdflib over the build's
graph.ttl, and compared with what the query gives from the Oxigraph store.
"""
from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from graph import sparql
from graph.store import open_store

pytestmark = pytest.mark.slow

TG = Namespace("https://w3id.org/threadgraph/ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SIOC = Namespace("http://rdfs.org/sioc/ns#")
ORG = Namespace("http://www.w3.org/ns/org#")
PC = Namespace("http://purl.org/procurement/public-contracts#")
SCHEMA = Namespace("http://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
FAMILY = {SCHEMA.spouse, SCHEMA.sibling, SCHEMA.parent, SCHEMA.children, SCHEMA.relatedTo,
          TG.legalRepresentativeOf, TG.lobbied}


@pytest.fixture(scope="module")
def g(seeds_out) -> Graph:
    return Graph().parse(seeds_out / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def store(seeds_out):
    return open_store(seeds_out / "store")


def run(store, query, **params):
    return sparql.run_canned(store, query, params).records()


def label(g, node):
    return str(g.value(node, SKOS.prefLabel)) if g.value(node, SKOS.prefLabel) is not None else None


def test_the_seeds_have_something_for_the_queries_to_find(g):
    assert len(set(g.subjects(RDF.type, TG.Assertion))) > 10
    assert set(g.subjects(RDF.type, TG.ConflictOfInterest))


def test_entity_gives_every_telling_about_each_entity(g, store):
    touched = Counter()
    for a in g.subjects(RDF.type, TG.Assertion):
        for end in {g.value(a, RDF.subject), g.value(a, RDF.object)}:
            if isinstance(end, URIRef):
                touched[end] += 1
    for entity, n in touched.items():
        got = run(store, "entity", name=str(entity))
        assert len(got) == n, label(g, entity)
        assert all(r["quote"] for r in got)


def test_lookup_finds_each_entity_by_its_own_name(g, store):
    for cls in (FOAF.Person, ORG.FormalOrganization):
        for e in g.subjects(RDF.type, cls):
            assert str(e) in {r["entity"] for r in run(store, "lookup", name=label(g, e))}


def test_posts_cover_every_membership(g, store):
    want = set()
    for m in g.subjects(RDF.type, ORG.Membership):
        cur = g.value(m, TG.current)
        tense = "unknown" if cur is None else ("current" if cur.toPython() else "former")
        want.add((label(g, g.value(m, ORG.member)), label(g, g.value(m, ORG.role)),
                  label(g, g.value(m, ORG.organization)), tense))
    got = {(r["person"], r["role"], r["organisation"], r["tense"]) for r in run(store, "posts")}
    assert got == want and want


def test_family_lists_the_ties_between_people(g, store):
    want = set()
    for a in g.subjects(RDF.type, TG.Assertion):
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        if p in FAMILY and (s, RDF.type, FOAF.Person) in g and (o, RDF.type, FOAF.Person) in g:
            want.add((label(g, s), label(g, o)))
    assert {(r["person"], r["other"]) for r in run(store, "family")} == want


def test_contracts_list_every_bidder_with_a_status(g, store):
    want = {(label(g, k), label(g, g.value(t, PC.bidder)))
            for k in g.subjects(RDF.type, PC.Contract) for t in g.objects(k, PC.tender)}
    got = run(store, "contracts")
    assert {(r["contract"], r["bidder"]) for r in got if r["bidder"]} == want
    assert all(r["status"] in ("awarded", "preferred", "shortlisted", "bidding", "withdrawn") or
               set(r["status"].split(", ")) <= {"awarded", "preferred", "shortlisted", "bidding", "withdrawn"}
               for r in got if r["bidder"])
    contracts = {label(g, k) for k in g.subjects(RDF.type, PC.Contract)}
    assert {r["contract"] for r in got} == contracts


def test_conflicts_give_each_finding_its_whole_chain_in_order(g, store):
    got = run(store, "conflicts")
    for f in g.subjects(RDF.type, TG.ConflictOfInterest):
        steps = sorted(int(g.value(s, TG.order)) for s in g.objects(f, TG.step))
        mine = [r for r in got if r["finding"] == str(f).rsplit("/", 1)[1]]
        assert [r["step"] for r in mine] == (steps or [None])
        assert all(r["stepQuote"] for r in mine if r["step"] is not None)
    conf = [r["confidence"] for r in got]
    assert conf == sorted(conf, reverse=True)


def test_commenters_account_for_every_assertion_with_an_author(g, store):
    n = sum(1 for a in g.subjects(RDF.type, TG.Assertion)
            if g.value(g.value(a, PROV.wasDerivedFrom), SIOC.has_creator) is not None)
    assert len(run(store, "commenters")) == n


def test_review_queue_is_exactly_the_weak_facts(g, store):
    facts = {}
    for a in g.subjects(RDF.type, TG.Assertion):
        key = (g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object))
        facts.setdefault(key, []).append(a)
    weak = 0
    for tellings in facts.values():
        msgs = {g.value(a, PROV.wasDerivedFrom) for a in tellings}
        best = max(g.value(a, TG.confidence).toPython() for a in tellings)
        asserted = any(g.value(a, TG.status) == TG.Asserted for a in tellings)
        weak += len(msgs) < 2 or best < 0.6 or not asserted
    assert len(run(store, "review")) == weak


def test_shortest_path_is_one_hop_for_linked_entities_and_walks_real_facts(g, store):
    pairs = []
    for a in g.subjects(RDF.type, TG.Assertion):
        s, o = g.value(a, RDF.subject), g.value(a, RDF.object)
        if isinstance(o, URIRef) and g.value(a, TG.status) != TG.Denied and (o, RDF.type, ORG.Role) not in g:
            pairs.append((s, o))
    assert pairs
    for s, o in pairs[:15]:
        got = run(store, "shortest-path", **{"from": str(s), "to": str(o)})
        assert len(got) == 1 and {got[0]["from"], got[0]["to"]} == {label(g, s), label(g, o)}
    # a longer path: each hop joins the two names it says, by a fact that is in the graph
    linked = {(label(g, s), label(g, o)) for s, o in pairs} | {(label(g, o), label(g, s)) for s, o in pairs}
    first, last = pairs[0][0], pairs[-1][1]
    got = run(store, "shortest-path", **{"from": str(first), "to": str(last), "max": "8"})
    for r in got:
        assert (r["from"], r["to"]) in linked
    if got:
        assert got[0]["from"] == label(g, first) and got[-1]["to"] == label(g, last)


def test_changes_list_renamings_and_successions(g, store):
    renamed = {(label(g, s), label(g, o)) for s, o in g.subject_objects(TG.renamedTo)}
    replaced = {(label(g, s), label(g, o)) for s, o in g.subject_objects(TG.replaces)}
    got = run(store, "changes")
    assert {(r["from"], r["to"]) for r in got if r["change"] == "replaced"} == replaced
    assert {(r["from"], r["to"]) for r in got if r["change"] != "replaced"} <= renamed
