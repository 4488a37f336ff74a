"""Small RDF graphs in the shape of ontology/README.md (invented names), a minimal NetworkX
projection following the README's attribute list, and the checks that these helpers
themselves keep to that shape. Used by tests/test_html*.py."""
from __future__ import annotations

import hashlib
from decimal import Decimal

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

TG = Namespace("https://w3id.org/threadgraph/ns#")
ID = Namespace("https://w3id.org/threadgraph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SIOC = Namespace("http://rdfs.org/sioc/ns#")
SIOCT = Namespace("http://rdfs.org/sioc/types#")
SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
PC = Namespace("http://purl.org/procurement/public-contracts#")

STATUS = {s: TG[s.capitalize()] for s in ("asserted", "reported", "hedged", "questioned", "denied")}
RANK = ["asserted", "reported", "hedged", "questioned", "denied"]
KIND_OF_PREDICATE = {ORG.memberOf: "post", SCHEMA.spouse: "family", TG.bidFor: "bid", TG.ownedBy: "owned_by",
                     PC.contractingAuthority: "buyer", TG.partnerOf: "partner", TG.legalActionAgainst: "legal_action"}
ORG_CLASS = {"company": SCHEMA.Corporation, "government": SCHEMA.GovernmentOrganization,
             "union": SCHEMA.WorkersUnion, "charity": SCHEMA.NGO, "party": TG.PoliticalParty,
             "media": SCHEMA.NewsMediaOrganization}


def iri(kind: str, *parts: str) -> URIRef:
    return ID[f"{kind}-" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]]


class Builder:
    """Adds threads, entities, facts with evidence, and findings, as the README shows them."""

    def __init__(self):
        self.g = Graph()
        for p, ns in (("tg", TG), ("id", ID), ("org", ORG), ("sioc", SIOC), ("schema", SCHEMA), ("oa", OA)):
            self.g.bind(p, ns)
        self.thread = None
        self.messages = {}

    def add_thread(self, tid: str, title: str, post_text: str):
        g = self.g
        self.thread = iri("thread", tid)
        g.add((self.thread, RDF.type, SIOC.Thread))
        g.add((self.thread, DCTERMS.title, Literal(title)))
        self.add_message("post", post_text, author="The Editor", created="2031-05-01T09:00:00")
        return self.thread

    def add_message(self, mid: str, text: str, author: str, created: str, parent: str | None = None):
        g = self.g
        m = iri("post" if mid == "post" else "comment", str(self.thread), mid)
        g.add((m, RDF.type, SIOCT.BlogPost if mid == "post" else SIOCT.Comment))
        g.add((m, SIOC.has_container, self.thread))
        g.add((m, SIOC.content, Literal(text)))
        g.add((m, TG.localId, Literal(mid)))
        g.add((m, DCTERMS.created, Literal(created, datatype=XSD.dateTime)))
        acc = iri("account", author)
        g.add((m, SIOC.has_creator, acc))
        g.add((acc, RDF.type, SIOC.UserAccount))
        g.add((acc, SIOC.name, Literal(author)))
        if parent:
            g.add((m, SIOC.reply_of, self.messages[parent]))
        self.messages[mid] = m
        return m

    def person(self, name: str, *aliases: str):
        e = iri("person", name)
        self.g.add((e, RDF.type, FOAF.Person))
        self.g.add((e, FOAF.name, Literal(name)))
        self.g.add((e, SKOS.prefLabel, Literal(name)))
        for a in aliases:
            self.g.add((e, SKOS.altLabel, Literal(a)))
        return e

    def org(self, name: str, kind: str, *aliases: str):
        e = iri("org", name)
        self.g.add((e, RDF.type, ORG.FormalOrganization))
        if kind in ORG_CLASS:
            self.g.add((e, RDF.type, ORG_CLASS[kind]))
        self.g.add((e, SKOS.prefLabel, Literal(name)))
        self.g.add((e, TG.orgKind, Literal(kind)))
        for a in aliases:
            self.g.add((e, SKOS.altLabel, Literal(a)))
        return e

    def contract(self, name: str):
        e = iri("contract", name)
        self.g.add((e, RDF.type, PC.Contract))
        self.g.add((e, SKOS.prefLabel, Literal(name)))
        return e

    def fact(self, s, pred, o, kind: str, mid: str, quote: str, sentence: str | None = None,
             confidence: str = "0.8", status: str = "asserted", rule: str = "test.rule", **qualifiers):
        """The direct triple plus one assertion whose quote is the first `quote` in the
        message (and whose sentence is the one holding it, or `sentence`)."""
        g = self.g
        m = self.messages[mid]
        text = str(g.value(m, SIOC.content))
        start = text.index(quote)
        end = start + len(quote)
        if sentence is None:
            s0 = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) != -1 else 0
            s1 = text.find(". ", end)
            sentence = text[s0: (s1 + 1 if s1 != -1 else len(text))]
        g.add((s, pred, o))
        a = iri("assertion", str(s), str(pred), str(o), mid, str(start), str(end))
        g.add((a, RDF.type, TG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, pred))
        g.add((a, RDF.object, o))
        g.add((a, TG.relationKind, Literal(kind)))
        g.add((a, TG.confidence, Literal(Decimal(confidence))))
        g.add((a, TG.status, STATUS[status]))
        g.add((a, TG.rule, Literal(rule)))
        g.add((a, PROV.wasDerivedFrom, m))
        g.add((a, TG.sentence, Literal(sentence)))
        pos, qs = URIRef(str(a) + "-pos"), URIRef(str(a) + "-quote")
        g.add((a, OA.hasSelector, pos))
        g.add((a, OA.hasSelector, qs))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(start)))
        g.add((pos, OA.end, Literal(end)))
        g.add((qs, RDF.type, OA.TextQuoteSelector))
        g.add((qs, OA.exact, Literal(quote)))
        g.add((qs, OA.prefix, Literal(text[max(0, start - 32):start])))
        g.add((qs, OA.suffix, Literal(text[end:end + 32])))
        for k, v in qualifiers.items():
            g.add((a, TG[k], Literal(v)))
        g.add((m, SCHEMA.mentions, s))
        if isinstance(o, URIRef):
            g.add((m, SCHEMA.mentions, o))
        return a

    def finding(self, official, counterparty, chain, connector=None, public_body=None, contract=None,
                basis="family tie", confidence="0.6", explanation="", kind="inferred", rule="coi-test"):
        g = self.g
        f = iri("finding", rule, str(official), str(counterparty))
        g.add((f, RDF.type, TG.ConflictOfInterest))
        g.add((f, TG.findingKind, Literal(kind)))
        g.add((f, TG.rule, Literal(rule)))
        g.add((f, TG.official, official))
        g.add((f, TG.counterparty, counterparty))
        for pred, val in ((TG.connector, connector), (TG.publicBody, public_body), (TG.contract, contract)):
            if val is not None:
                g.add((f, pred, val))
        g.add((f, TG.basis, Literal(basis)))
        g.add((f, TG.confidence, Literal(Decimal(confidence))))
        g.add((f, TG.reviewStatus, Literal("candidate")))
        g.add((f, TG.explanation, Literal(explanation)))
        for i, a in enumerate(chain, 1):
            g.add((f, PROV.wasDerivedFrom, a))
            step = URIRef(f"{f}-step-{i}")
            g.add((f, TG.step, step))
            g.add((step, RDF.type, TG.ChainStep))
            g.add((step, TG.order, Literal(i)))
            g.add((step, TG.assertion, a))
        return f


def project(g: Graph) -> nx.MultiDiGraph:
    """The README's projection, minimal: entities as nodes, one edge per direct fact
    triple that has assertions, one edge per finding (official -> counterparty)."""
    G = nx.MultiDiGraph()
    types = {FOAF.Person: "Person", ORG.FormalOrganization: "Organization", SCHEMA.Place: "Place",
             PC.Contract: "Contract"}
    for cls, typ in types.items():
        for e in sorted(set(g.subjects(RDF.type, cls)), key=str):
            G.add_node(str(e), label=str(g.value(e, SKOS.prefLabel)), type=typ,
                       kind=str(g.value(e, TG.orgKind) or ""),
                       aliases="; ".join(sorted(str(a) for a in g.objects(e, SKOS.altLabel))),
                       mentions=len(set(g.subjects(SCHEMA.mentions, e))))
    facts: dict[tuple, list] = {}
    for a in sorted(set(g.subjects(RDF.type, TG.Assertion)), key=str):
        key = (g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object))
        facts.setdefault(key, []).append(a)
    for (s, p, o), assertions in facts.items():
        if str(s) not in G or str(o) not in G:
            continue
        statuses = [str(g.value(a, TG.status)).rsplit("#", 1)[-1].lower() for a in assertions]
        kind = str(g.value(assertions[0], TG.relationKind))
        G.add_edge(str(s), str(o), key=str(p), kind=kind, predicate=str(p), label=kind.replace("_", " "),
                   confidence=max(float(g.value(a, TG.confidence)) for a in assertions),
                   status=min(statuses, key=RANK.index), evidence=len(assertions),
                   assertions=" ".join(str(a) for a in assertions), finding=False)
    for f in sorted(set(g.subjects(RDF.type, TG.ConflictOfInterest)), key=str):
        G.add_edge(str(g.value(f, TG.official)), str(g.value(f, TG.counterparty)), key=str(f),
                   kind="conflict_of_interest", label="conflict of interest",
                   confidence=float(g.value(f, TG.confidence)), finding=True)
    return G


# Thread text used by the tests: invented people and bodies, with a hostile comment,
# a non-BMP character before a quoted span, and a hedged, a questioned and a denied telling.
POST = ("Lantern contract row deepens. The Department of Lanterns awarded the lamp maintenance contract "
        "to Brindlecombe Holdings last week. Marta Quillfeather, Director of Procurement at the "
        "Department of Lanterns, signed it off.")
HOSTILE = ("<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> "
           "Word has it that Marta Quillfeather is married to Osric Vantablack & friends. Nobody asked.")
EMOJI = "\U0001F98A\U0001F98A Osric Vantablack is a director of Brindlecombe Holdings \u2014 really? Who knows."
DENIAL = "Brindlecombe Holdings denies that it is owned by Gildmoor Trust."


def sample():
    """(graph, ids): the small investigation every HTML test opens."""
    b = Builder()
    b.add_thread("lanterns", "Lantern contract row deepens", POST)
    b.add_message("c1", HOSTILE, author="<b>night owl</b>", created="2031-05-02T21:15:00", parent="post")
    b.add_message("c1.1", EMOJI, author="Pip", created="2031-05-03T08:00:00", parent="c1")
    b.add_message("c2", DENIAL, author="Pip", created="2031-05-03T09:30:00", parent="post")
    marta = b.person("Marta Quillfeather", "Ms Quillfeather", "Quillfeather")
    osric = b.person("Osric Vantablack", "Vantablack")
    dept = b.org("Department of Lanterns", "government", "DoL")
    brindle = b.org("Brindlecombe Holdings", "company", "Brindlecombe")
    gild = b.org("Gildmoor Trust", "charity")
    lonely = b.org("Union of Lamplighters", "union")
    contract = b.contract("lamp maintenance contract")
    a_buyer = b.fact(contract, PC.contractingAuthority, dept, "buyer", "post",
                     "The Department of Lanterns awarded the lamp maintenance contract", confidence="0.9")
    a_bid = b.fact(brindle, TG.bidFor, contract, "bid", "post",
                   "awarded the lamp maintenance contract to Brindlecombe Holdings", confidence="0.85",
                   bidStatus="awarded")
    a_post = b.fact(marta, ORG.memberOf, dept, "post", "post",
                    "Marta Quillfeather, Director of Procurement at the Department of Lanterns",
                    confidence="0.9", roleLabel="Director of Procurement")
    a_spouse = b.fact(marta, SCHEMA.spouse, osric, "family", "c1",
                      "Marta Quillfeather is married to Osric Vantablack", confidence="0.7", status="hedged",
                      sentence=HOSTILE, familyRelation="spouse")
    a_dir = b.fact(osric, ORG.memberOf, brindle, "post", "c1.1",
                   "Osric Vantablack is a director of Brindlecombe Holdings", confidence="0.55",
                   status="questioned", sentence=EMOJI[: EMOJI.index("?") + 1], roleLabel="director")
    b.fact(brindle, TG.ownedBy, gild, "owned_by", "c2", "Brindlecombe Holdings denies that it is owned by Gildmoor Trust",
           confidence="0.3", status="denied")
    f = b.finding(marta, brindle, [a_post, a_spouse, a_dir, a_bid, a_buyer], connector=osric, public_body=dept,
                  contract=contract, explanation="Marta Quillfeather directs procurement at the Department of "
                  "Lanterns, which awarded a contract to Brindlecombe Holdings, where her spouse <i>Osric "
                  "Vantablack</i> is said to be a director.")
    ids = {"marta": str(marta), "osric": str(osric), "dept": str(dept), "brindle": str(brindle),
           "gild": str(gild), "lonely": str(lonely), "contract": str(contract), "finding": str(f),
           "a_spouse": str(a_spouse), "a_dir": str(a_dir)}
    return b.g, ids


def large(n_nodes: int = 2000, n_edges: int = 3000, seed: int = 3):
    """A synthetic graph of the size the page must stay usable at."""
    import random

    rnd = random.Random(seed)
    b = Builder()
    text = "Alpha Person met Beta Org at the hearing. They were said to be close."
    b.add_thread("big", "A big thread", text)
    kinds = ["company", "government", "union", "charity", "party", "media"]
    ents = []
    for i in range(n_nodes):
        r = i % 4
        if r == 0:
            ents.append(b.person(f"Person {i:04d}", f"P{i:04d}"))
        elif r == 3 and i % 8 == 3:
            ents.append(b.contract(f"Contract {i:04d}"))
        else:
            ents.append(b.org(f"Organisation {i:04d}", kinds[i % len(kinds)]))
    preds = [(ORG.memberOf, "post"), (SCHEMA.spouse, "family"), (TG.partnerOf, "partner"),
             (TG.ownedBy, "owned_by"), (TG.legalActionAgainst, "legal_action")]
    statuses = ["asserted", "asserted", "reported", "hedged", "questioned", "denied"]
    made = 0
    while made < n_edges:
        # preferential-ish: a few hubs, many leaves, so the layout has real work to do
        s = ents[int(rnd.paretovariate(1.2)) % n_nodes] if rnd.random() < 0.4 else rnd.choice(ents)
        o = rnd.choice(ents)
        if s == o:
            continue
        p, kind = rnd.choice(preds)
        if (s, p, o) in b.g:
            continue
        b.fact(s, p, o, kind, "post", "Alpha Person met Beta Org", confidence=f"{rnd.uniform(0.2, 0.95):.2f}",
               status=rnd.choice(statuses))
        made += 1
    return b.g


def test_sample_projection_follows_the_readme_attribute_list():
    g, ids = sample()
    G = project(g)
    assert G.number_of_nodes() == 7
    assert G.number_of_edges() == 7  # six facts + one finding
    d = G.nodes[ids["marta"]]
    assert d["label"] == "Marta Quillfeather" and d["type"] == "Person"
    assert d["aliases"] == "Ms Quillfeather; Quillfeather"
    (edge,) = [d for _, _, d in G.edges(ids["marta"], data=True) if d["kind"] == "family"]
    assert edge["status"] == "hedged" and edge["evidence"] == 1 and edge["finding"] is False
    assert [d["kind"] for _, _, d in G.edges(data=True) if d["finding"]] == ["conflict_of_interest"]
