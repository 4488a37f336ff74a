"""The RDF writer: what ontology/README.md promises, checked on the invented example thread."""
from __future__ import annotations

import dataclasses
import json
import random
import shutil
import subprocess
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from graph.iris import DCT, FOAF, GR, OA, ORG, PC, PROV, SCHEMA, SIOC, SIOCT, SKOS, TG, entity_iri, mint
from graph.model import EXTRACTOR_VERSION
from graph.rdf import corpus_to_graph, serialize, write_graph, write_turtle
from test_rdf_corpus import ENTITIES, MESSAGES, example_corpus

# For every assertion, the substring of its message at the selector's offsets, next to its quote.
# SPARQL SUBSTR is 1-based and counts code points, like the offsets.
QUOTE_CHECK = """
PREFIX tg: <https://w3id.org/threadgraph/ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX sioc: <http://rdfs.org/sioc/ns#>
SELECT ?a ?exact ?actual WHERE {
  ?a a tg:Assertion ; prov:wasDerivedFrom ?m ; oa:hasSelector ?pos, ?q .
  ?pos a oa:TextPositionSelector ; oa:start ?s ; oa:end ?e .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  ?m sioc:content ?text .
  BIND(SUBSTR(?text, ?s + 1, ?e - ?s) AS ?actual)
}
"""


@pytest.fixture(scope="module")
def g() -> Graph:
    return corpus_to_graph(example_corpus())


def iri(key: str) -> URIRef:
    return entity_iri(ENTITIES[key][0], key)


def assertions_for(g: Graph, predicate: URIRef) -> list[URIRef]:
    return sorted(g.subjects(RDF.predicate, predicate))


# ---------------------------------------------------------------- facts

DIRECT = [  # README table: relation kind -> its direct triple
    ("bid", "wexford", TG.bidFor, "contract"),
    ("buyer", "contract", PC.contractingAuthority, "dca"),
    ("post", "marta", ORG.memberOf, "wexford"),
    ("family/spouse", "marta", SCHEMA.spouse, "tobias"),
    ("family/sibling", "tobias", SCHEMA.sibling, "lena"),
    ("partner", "brackley-care", TG.partnerOf, "wexford"),
    ("renamed", "brackley-health", TG.renamedTo, "brackley-care"),
    ("paid_by", "voss", TG.paidBy, "wexford"),
    ("lobbied", "voss", TG.lobbied, "dca"),
    ("mp_for", "voss", TG.representsConstituency, "dunmere"),
    ("party", "voss", TG.memberOfParty, "cup"),
    ("consultant_to", "voss", TG.consultantTo, "brackley-care"),
    ("represents", "ostler", TG.legalRepresentativeOf, "probity"),
    ("legal_action", "probity", TG.legalActionAgainst, "dca"),
    ("owned_by", "wexford", TG.ownedBy, "kestrel"),
    ("unit_of", "unit", ORG.subOrganizationOf, "dca"),
    ("replaces", "wexford", TG.replaces, "old-trust"),
    ("investigated", "kestrel", TG.investigatedBy, "fraud-office"),
    ("coi_stated", "tobias", TG.statedConflictWith, "wexford"),
]


@pytest.mark.parametrize("kind,s,p,o", DIRECT, ids=[d[0] for d in DIRECT])
def test_each_relation_kind_writes_its_direct_triple_and_an_assertion_reifying_it(g, kind, s, p, o):
    assert (iri(s), p, iri(o)) in g
    reifying = [a for a in g.subjects(RDF.type, TG.Assertion)
                if (a, RDF.subject, iri(s)) in g and (a, RDF.predicate, p) in g and (a, RDF.object, iri(o)) in g]
    assert len(reifying) == 1
    assert g.value(reifying[0], TG.relationKind) == Literal(kind.split("/")[0])


def test_an_investigation_without_investigator_names_the_matter(g):
    assert (iri("brackley-health"), TG.investigatedFor, Literal("fraud")) in g
    (a,) = assertions_for(g, TG.investigatedFor)
    assert g.value(a, RDF.object) == Literal("fraud")


def test_a_post_is_an_org_membership_with_role_and_current_flag(g):
    (m,) = g.subjects(ORG.organization, iri("wexford"))
    assert (m, RDF.type, ORG.Membership) in g
    assert g.value(m, ORG.member) == iri("marta")
    role = g.value(m, ORG.role)
    assert (role, RDF.type, ORG.Role) in g
    assert g.value(role, SKOS.prefLabel) == Literal("Deputy Managing Director")
    assert g.value(m, TG.current) == Literal(True)
    (a,) = [a for a in assertions_for(g, ORG.memberOf)]
    assert g.value(a, TG.about) == m
    assert g.value(a, TG.roleLabel) == Literal("Deputy Managing Director")


def test_a_post_without_an_organisation_is_a_role_held(g):
    (a,) = assertions_for(g, TG.holdsRole)
    role = g.value(a, RDF.object)
    assert g.value(role, SKOS.prefLabel) == Literal("Chief Inspector of Civic Standards")
    assert (iri("tobias"), TG.holdsRole, role) in g
    m = g.value(a, TG.about)
    assert g.value(m, ORG.member) == iri("tobias") and g.value(m, ORG.organization) is None


def test_a_former_post_is_flagged_not_current():
    corpus = example_corpus()
    post = next(r for r in corpus.relations if r.kind == "post" and r.object == "wexford")
    corpus.relations.append(dataclasses.replace(post, qualifiers={"role": "deputy managing  director",
                                                                  "current": "former"}, confidence=Decimal("0.5"),
                                                evidence=dataclasses.replace(post.evidence, start=0, end=13,
                                                                             quote=MESSAGES["post"].text[:13])))
    g = corpus_to_graph(corpus)
    (m,) = g.subjects(ORG.organization, iri("wexford"))  # same role, differently written: one membership
    assert g.value(m, TG.current) == Literal(False)
    # each telling keeps its own flag: two memberships + three assertions
    flags = [o.toPython() for o in g.objects(None, TG.current)]
    assert sorted(flags) == [False, False, True, True, True]


def test_family_qualifier_is_kept_on_the_assertion(g):
    (a,) = assertions_for(g, SCHEMA.spouse)
    assert g.value(a, TG.familyRelation) == Literal("spouse")
    assert g.value(a, TG.status) == TG.Reported


def test_a_partnership_is_a_collaboration_with_both_members(g):
    (c,) = g.subjects(RDF.type, ORG.OrganizationalCollaboration)
    assert set(g.objects(c, ORG.hasMember)) == {iri("brackley-care"), iri("wexford")}
    assert g.value(c, SKOS.prefLabel) == Literal("Brackley Care and Wexford Justice Partners")


def test_a_renaming_is_an_org_change_event(g):
    (c,) = g.subjects(RDF.type, ORG.ChangeEvent)
    assert g.value(c, ORG.originalOrganization) == iri("brackley-health")
    assert g.value(c, ORG.resultingOrganization) == iri("brackley-care")
    assert g.value(c, TG.changeKind) == Literal("renamed")
    assert (iri("brackley-care"), ORG.resultedFrom, c) in g


def test_an_awarded_bid_is_the_contracts_awarded_tender_and_its_price_is_agreed(g):
    contract = iri("contract")
    (t,) = g.subjects(RDF.type, PC.Tender)
    assert g.value(t, PC.bidder) == iri("wexford")
    assert (contract, PC.tender, t) in g
    assert (contract, PC.awardedTender, t) in g
    assert g.value(t, TG.bidStatus) == Literal("awarded")
    price = g.value(contract, PC.agreedPrice)
    assert g.value(contract, PC.estimatedPrice) is None
    assert (price, RDF.type, GR.PriceSpecification) in g
    value = g.value(price, GR.hasCurrencyValue)
    assert value.datatype == XSD.decimal and str(value) == "1200000000.0"  # no exponent: valid xsd:decimal
    assert g.value(price, GR.hasCurrency) == Literal("GBP")
    assert g.value(price, TG.perPeriod) == Literal("total")
    assert g.value(contract, TG.termYears) == Literal("7.0", datatype=XSD.decimal)
    assert set(g.objects(contract, TG.lot)) == {Literal("north"), Literal("south")}
    assert g.value(contract, DCT.subject) == Literal("offender monitoring")
    assert g.value(contract, PC.contractingAuthority) == iri("dca")


def test_a_denied_award_is_no_award():
    corpus = example_corpus()
    bid = next(r for r in corpus.relations if r.kind == "bid")
    bid.status = "denied"
    g = corpus_to_graph(corpus)
    contract = iri("contract")
    assert g.value(contract, PC.awardedTender) is None
    assert g.value(contract, PC.agreedPrice) is None and g.value(contract, PC.estimatedPrice) is not None
    (a,) = assertions_for(g, TG.bidFor)
    assert g.value(a, TG.status) == TG.Denied


def test_lobbying_on_behalf_of_and_stated_conflict_parties_are_entities_on_the_assertion(g):
    (a,) = assertions_for(g, TG.lobbied)
    assert g.value(a, TG.onBehalfOf) == iri("brackley-care")
    (c,) = assertions_for(g, TG.statedConflictWith)
    assert set(g.objects(c, TG.involves)) == {iri("tobias"), iri("wexford")}


def test_relations_to_oneself_or_to_unknown_entities_are_skipped():
    corpus = example_corpus()
    partner = next(r for r in corpus.relations if r.kind == "partner")
    corpus.relations = [
        dataclasses.replace(partner, object=partner.subject),
        dataclasses.replace(partner, object="nobody-resolved-this"),
        dataclasses.replace(partner, kind="gossip"),
    ]
    g = corpus_to_graph(corpus)
    assert list(g.subjects(RDF.type, TG.Assertion)) == []
    assert list(g.subjects(RDF.type, ORG.OrganizationalCollaboration)) == []


# ---------------------------------------------------------------- evidence

def test_one_assertion_per_relation_with_full_evidence(g):
    corpus = example_corpus()
    assertions = sorted(g.subjects(RDF.type, TG.Assertion))
    assert len(assertions) == len(corpus.relations)
    for a in assertions:
        conf = g.value(a, TG.confidence)
        assert conf.datatype == XSD.decimal and Decimal("0") <= conf.toPython() <= Decimal("1")
        assert g.value(a, TG.status) in {TG.Asserted, TG.Reported, TG.Hedged, TG.Questioned, TG.Denied}
        msg = g.value(a, PROV.wasDerivedFrom)
        text = str(g.value(msg, SIOC.content))
        pos = next(s for s in g.objects(a, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in g)
        quote = next(s for s in g.objects(a, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in g)
        start, end = g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython()
        assert text[start:end] == str(g.value(quote, OA.exact))
        assert text[:start].endswith(str(g.value(quote, OA.prefix)))
        assert text[end:].startswith(str(g.value(quote, OA.suffix)))
        assert 0 < len(str(g.value(quote, OA.prefix))) <= 32 or start == 0
        assert str(g.value(quote, OA.exact)) in str(g.value(a, TG.sentence)) in text
        activity = g.value(a, PROV.wasGeneratedBy)
        assert (activity, RDF.type, PROV.Activity) in g
        assert g.value(activity, TG.extractorVersion) == Literal(EXTRACTOR_VERSION)
        assert g.value(activity, TG.rule) == g.value(a, TG.rule)


def test_the_same_fact_told_twice_in_one_span_is_one_assertion_with_the_higher_confidence():
    corpus = example_corpus()
    first = corpus.relations[0]
    corpus.relations.append(dataclasses.replace(first, rule="bid.other", confidence=Decimal("0.95")))
    corpus.relations.append(dataclasses.replace(first, rule="bid.weaker", confidence=Decimal("0.3")))
    g = corpus_to_graph(corpus)
    (a,) = assertions_for(g, TG.bidFor)
    assert g.value(a, TG.confidence) == Literal("0.95", datatype=XSD.decimal)
    assert g.value(a, TG.rule) == Literal("bid.other")


def test_the_sparql_quote_check_agrees_in_rdflib_and_pyoxigraph(g):
    n = len(set(g.subjects(RDF.type, TG.Assertion)))
    rows = [(str(r.exact), str(r.actual)) for r in g.query(QUOTE_CHECK)]
    store = ox.Store()
    store.load(serialize(g, "nt"), format=ox.RdfFormat.N_TRIPLES)
    ox_rows = [(s["exact"].value, s["actual"].value) for s in store.query(QUOTE_CHECK)]
    assert len(rows) == len(ox_rows) == n
    assert all(exact == actual for exact, actual in rows)
    assert sorted(rows) == sorted(ox_rows)


def test_the_sparql_quote_check_catches_a_shifted_offset(g):
    broken = Graph()
    for t in g:
        broken.add(t)
    pos = sorted(g.subjects(RDF.type, OA.TextPositionSelector))[0]
    start = g.value(pos, OA.start)
    broken.set((pos, OA.start, Literal(start.toPython() + 1)))
    store = ox.Store()
    store.load(serialize(broken, "nt"), format=ox.RdfFormat.N_TRIPLES)
    for rows in ([(str(r.exact), str(r.actual)) for r in broken.query(QUOTE_CHECK)],
                 [(s["exact"].value, s["actual"].value) for s in store.query(QUOTE_CHECK)]):
        assert sum(exact != actual for exact, actual in rows) == 1


# ---------------------------------------------------------------- threads and entities

def test_threads_are_sioc_and_commenters_are_accounts_not_people(g):
    (t,) = g.subjects(RDF.type, SIOC.Thread)
    assert g.value(t, DCT.title) == Literal("Monitoring deal questions")
    posts = list(g.subjects(RDF.type, SIOCT.BlogPost))
    comments = list(g.subjects(RDF.type, SIOCT.Comment))
    assert len(posts) == 1 and len(comments) == 3
    for m in posts + comments:
        assert g.value(m, SIOC.has_container) == t
        creator = g.value(m, SIOC.has_creator)
        assert (creator, RDF.type, SIOC.UserAccount) in g and (creator, RDF.type, FOAF.Person) not in g
    reply = next(m for m in comments if g.value(m, TG.localId) == Literal("c1.1"))
    parent = g.value(reply, SIOC.reply_of)
    assert g.value(parent, TG.localId) == Literal("c1")
    assert g.value(reply, SIOC.content) == Literal(MESSAGES["c1.1"].text)
    assert g.value(posts[0], DCT.created) == Literal("2024-03-01", datatype=XSD.date)


def test_entities_have_labels_types_kinds_and_aliases(g):
    assert (iri("voss"), RDF.type, FOAF.Person) in g
    assert g.value(iri("voss"), FOAF.name) == Literal("Harlan Voss")
    assert g.value(iri("voss"), SKOS.altLabel) == Literal("Voss")
    kinds = {"wexford": SCHEMA.Corporation, "dca": SCHEMA.GovernmentOrganization, "probity": SCHEMA.WorkersUnion,
             "brackley-care": SCHEMA.NGO, "cup": TG.PoliticalParty}
    for key, cls in kinds.items():
        assert {ORG.FormalOrganization, cls} <= set(g.objects(iri(key), RDF.type))
        assert g.value(iri(key), TG.orgKind) == Literal(ENTITIES[key][3])
    assert g.value(iri("ostler"), TG.orgKind) is None  # kind unknown: not guessed
    assert (iri("dunmere"), RDF.type, SCHEMA.Place) in g
    for key in ENTITIES:
        assert g.value(iri(key), SKOS.prefLabel) == Literal(ENTITIES[key][1])


def test_messages_mention_the_entities_named_in_them(g):
    mentioning = {str(g.value(m, TG.localId)) for m in g.subjects(SCHEMA.mentions, iri("voss"))}
    assert mentioning == {"c1", "c1.1"}


def test_iris_are_hashes_of_what_identifies_the_thing():
    assert mint("person", "x") == mint("person", "x") != mint("person", "y")
    assert str(mint("org", "a/b")).rsplit("/", 1)[1].startswith("org-")  # never a / in the local name
    assert len(str(mint("org", "a")).rsplit("-", 1)[1]) == 16


# ---------------------------------------------------------------- serialisation

def test_two_builds_give_byte_identical_turtle_whatever_the_input_order(tmp_path):
    a = write_turtle(corpus_to_graph(example_corpus()), tmp_path / "a.ttl").read_bytes()
    shuffled = example_corpus()
    random.Random(7).shuffle(shuffled.relations)
    b = write_turtle(corpus_to_graph(shuffled), tmp_path / "b.ttl").read_bytes()
    assert a == b


def test_blank_nodes_from_other_stages_do_not_break_byte_identical_output():
    from rdflib import BNode

    def with_blank_nodes() -> bytes:
        h = corpus_to_graph(example_corpus())
        note = BNode()  # a fresh random label every time
        h.add((iri("voss"), TG.note, note))
        h.add((note, SKOS.prefLabel, Literal("a note")))
        return serialize(h, "turtle")

    assert with_blank_nodes() == with_blank_nodes()


def test_a_lone_surrogate_in_a_message_is_written_as_a_replacement_character_keeping_offsets(tmp_path):
    corpus = example_corpus()
    thread = corpus.threads[0]
    bad = dataclasses.replace(thread.comments[0], text="\ud800" + thread.comments[0].text[1:])
    thread.comments[0] = bad  # "Is it true..." -> "\ud800s it true..."; the quotes lie further on
    path = write_turtle(corpus_to_graph(corpus), tmp_path / "graph.ttl")
    back = Graph().parse(path, format="turtle")
    assert any(str(o).startswith("\ufffds it true") for o in back.objects(None, SIOC.content))
    rows = [(str(r.exact), str(r.actual)) for r in back.query(QUOTE_CHECK)]
    assert rows and all(exact == actual for exact, actual in rows)


def test_turtle_declares_the_w3c_org_prefix_not_rdflibs(g):
    ttl = serialize(g, "turtle").decode()
    assert "@prefix org: <http://www.w3.org/ns/org#> ." in ttl
    assert "org1:" not in ttl and " org:memberOf " in ttl
    assert "\\/" not in ttl  # no escaped slash in a prefixed name (Virtuoso keeps the backslash)


def test_turtle_rereads_into_an_isomorphic_graph_in_rdflib_and_pyoxigraph(g, tmp_path):
    path = write_turtle(g, tmp_path / "graph.ttl")
    assert isomorphic(Graph().parse(path, format="turtle"), g)
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) == len(g)


@pytest.mark.parametrize("fmt,rdflib_format", [("nt", "nt"), ("jsonld", "json-ld")])
def test_other_formats_reread_into_an_isomorphic_graph(g, tmp_path, fmt, rdflib_format):
    path = write_graph(g, tmp_path / f"graph.{fmt}", fmt)
    assert isomorphic(Graph().parse(path, format=rdflib_format), g)
    if fmt == "jsonld":
        assert isinstance(json.loads(path.read_text()), (list, dict))


def test_jsonld_is_compacted_with_the_project_prefixes_and_expands_to_the_same_triples(g, tmp_path):
    path = write_graph(g, tmp_path / "graph.jsonld", "jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"]["foaf"] == "http://xmlns.com/foaf/0.1/"
    people = [n for n in doc["@graph"] if "foaf:Person" in n.get("@type", [])]
    assert people and all(n["@id"].startswith("id:") for n in people)
    assert not any(k.startswith("http") for n in doc["@graph"] for k in n)  # every predicate compacted
    # pyoxigraph's own JSON-LD parser agrees with rdflib's
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD))) == len(g)
    assert path.read_bytes() == write_graph(g, tmp_path / "again.jsonld", "jsonld").read_bytes()


def test_an_unknown_format_is_refused(g, tmp_path):
    with pytest.raises(ValueError, match="unknown RDF format"):
        write_graph(g, tmp_path / "x", "rdfxml-please")


def test_rapper_parses_the_turtle(g, tmp_path):
    if shutil.which("rapper") is None:
        pytest.skip("rapper not installed (Debian package raptor2-utils): independent Turtle parse not checked")
    path = write_turtle(g, tmp_path / "graph.ttl")
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {len(g)} triples" in run.stderr


def test_a_bids_amount_is_written_on_its_assertion_with_its_currency_and_validates():
    # "they bid €310m and still lost": the amount is the bid's, told on this one assertion
    from graph.validate import validate_graph

    corpus = example_corpus()
    bid = next(r for r in corpus.relations if r.kind == "bid")
    bid.qualifiers.update(amount="310000000", currency="EUR")
    g = corpus_to_graph(corpus)
    (a,) = assertions_for(g, TG.bidFor)
    value = g.value(a, TG.bidValue)
    assert value.datatype == XSD.decimal and str(value) == "310000000.0"
    assert g.value(a, TG.bidCurrency) == Literal("EUR")
    report = validate_graph(g)
    assert report.violations == 0, report.text


def test_a_bid_without_a_number_writes_no_amount():
    corpus = example_corpus()
    bid = next(r for r in corpus.relations if r.kind == "bid")
    bid.qualifiers.update(amount="a lot", currency="EUR")  # not a number: nothing rather than a bad literal
    g = corpus_to_graph(corpus)
    (a,) = assertions_for(g, TG.bidFor)
    assert g.value(a, TG.bidValue) is None and g.value(a, TG.bidCurrency) is None
    assert (None, TG.bidValue, None) not in corpus_to_graph(example_corpus())
