"""The RDF writer: a Corpus in, an rdflib Graph in the shape of ontology/README.md out.

Every fact becomes one direct triple (for queries and the network), an n-ary node where
the standard vocabulary has one (org:Membership, org:OrganizationalCollaboration,
org:ChangeEvent, pc:Tender), and one tg:Assertion per (fact, evidence span) carrying the
quote, its offsets, the sentence, the rule, the confidence and the epistemic status.

Writing goes through pyoxigraph: rdflib's Turtle writer takes ~45 s on 1 M triples,
pyoxigraph ~1 s (../shared/STORES.md). Triples are sorted first, so the same graph
always gives the same bytes.
"""
from __future__ import annotations

import gc
import json
import logging
import re
from contextlib import contextmanager
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graph.iris import (
    DCT, FOAF, GR, OA, ORG, PC, PREFIXES, PROV, SCHEMA, SIOC, SIOCT, SKOS, TG,
    account_iri, activity_iri, bind_prefixes, entity_iri, message_iri, mint, normalise_label,
    price_iri, role_iri, selector_iris, thread_iri,
)
from graph.model import EXTRACTOR_VERSION, STATUSES, Corpus, Entity, Message, Relation

log = logging.getLogger(__name__)

# Epistemic status -> its individual (tg:EpistemicStatus).
STATUS_IRIS = {s: TG[s.capitalize()] for s in STATUSES}

# Organisation kind -> the class it adds to org:FormalOrganization ("other" adds none).
ORG_KIND_CLASSES = {
    "government": SCHEMA.GovernmentOrganization,
    "company": SCHEMA.Corporation,
    "union": SCHEMA.WorkersUnion,
    "charity": SCHEMA.NGO,
    "party": TG.PoliticalParty,
    "media": SCHEMA.NewsMediaOrganization,
    "court": TG.Court,
    "committee": TG.Committee,
}

ENTITY_CLASSES = {
    "Person": [FOAF.Person],
    "Organization": [ORG.FormalOrganization],
    "Place": [SCHEMA.Place],
    "Contract": [PC.Contract],
}

# family qualifier -> predicate (subject P, object Q). "parent": Q is P's parent.
FAMILY_PREDICATES = {
    "spouse": SCHEMA.spouse,
    "sibling": SCHEMA.sibling,
    "parent": SCHEMA.parent,
    "child": SCHEMA.children,
    "relative": SCHEMA.relatedTo,
}

# Relation kinds whose fact is just one direct triple (README table).
DIRECT_PREDICATES = {
    "owned_by": TG.ownedBy,
    "unit_of": ORG.subOrganizationOf,
    "replaces": TG.replaces,
    "buyer": PC.contractingAuthority,
    "represents": TG.legalRepresentativeOf,
    "legal_action": TG.legalActionAgainst,
    "investigated": TG.investigatedBy,
    "mp_for": TG.representsConstituency,
    "party": TG.memberOfParty,
    "paid_by": TG.paidBy,
    "consultant_to": TG.consultantTo,
    "lobbied": TG.lobbied,
    "coi_stated": TG.statedConflictWith,
}

RELATION_KINDS = frozenset(DIRECT_PREDICATES) | {"post", "family", "partner", "renamed", "bid"}

# Bid statuses, most decisive first: the tender's status is the first one any telling gives.
BID_STATUSES = ("awarded", "withdrawn", "preferred", "shortlisted", "bidding")
# Tellings that do not establish a fact on their own (a denied award is no award).
WEAK_STATUSES = frozenset({"questioned", "denied"})

# Qualifier key -> assertion property, for qualifiers kept as plain literals.
LITERAL_QUALIFIERS = {
    "share": TG.share,
    "action": TG.legalAction,
    "matter": TG.matter,
    "form": TG.collaborationForm,
    "change": TG.changeKind,
}

CONTEXT_CHARS = 32  # length of oa:prefix / oa:suffix

# U+FFFD for U+FFFD keeps every offset: one code point for one
_SURROGATE = re.compile("[\ud800-\udfff]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


# --------------------------------------------------------------------------- literals

def decimal_literal(value: object) -> Literal | None:
    """An xsd:decimal with a plain lexical form ("0.86", "1100000000.0"), or None if not a number.

    Decimal("1.1E+9") would otherwise be written as an exponent, which xsd:decimal forbids.
    """
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not d.is_finite():
        return None
    text = format(d.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def date_literal(text: str) -> Literal:
    """xsd:date / xsd:dateTime where the string is ISO 8601, else a plain string."""
    if _DATE.match(text):
        return Literal(text, datatype=XSD.date)
    if _DATETIME.match(text):
        return Literal(text, datatype=XSD.dateTime)
    return Literal(text)


def _flag(value: object) -> bool | None:
    """A current/former qualifier as a bool (None when the text does not say)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        v = value.strip().lower()
        if v in ("current", "true", "yes", "now"):
            return True
        if v in ("former", "false", "no", "ex", "past"):
            return False
    return None


def _most_common(values: Iterable[object]) -> object | None:
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


# --------------------------------------------------------------------------- builder

@dataclass
class _Fact:
    """What one Relation says, in RDF terms, before its assertion is written."""

    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    about: URIRef | None = None  # the n-ary node


@dataclass
class _Builder:
    corpus: Corpus
    g: Graph = field(default_factory=lambda: bind_prefixes(Graph()))
    messages: dict[tuple[str, str], tuple[URIRef, Message]] = field(default_factory=dict)
    iris: dict[str, URIRef] = field(default_factory=dict)  # entity key -> IRI
    # aggregated per n-ary node: values from every telling
    node_values: dict[URIRef, dict[str, list]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    role_forms: dict[URIRef, Counter] = field(default_factory=lambda: defaultdict(Counter))
    skipped: Counter = field(default_factory=Counter)

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    # ---- threads
    def threads(self) -> None:
        for thread in self.corpus.threads:
            t = thread_iri(thread.id)
            self.add(t, RDF.type, SIOC.Thread)
            title = thread.title or thread.post.title or thread.id
            self.add(t, DCT.title, Literal(title))
            self.add(t, DCT.source, Literal(thread.source))
            is_post = {m.id: m.is_post for m in thread.messages()}
            for m in thread.messages():
                self.message(thread.id, t, m, title if m.is_post else None, is_post)

    def message(self, thread_id: str, t: URIRef, m: Message, thread_title: str | None,
                is_post: dict[str, bool]) -> None:
        iri = message_iri(thread_id, m.id, m.is_post)
        self.messages[(thread_id, m.id)] = (iri, m)
        self.add(iri, RDF.type, SIOCT.BlogPost if m.is_post else SIOCT.Comment)
        self.add(iri, SIOC.has_container, t)
        self.add(iri, SIOC.content, Literal(m.text))
        self.add(iri, TG.localId, Literal(m.id))
        title = m.title or thread_title
        if title:
            self.add(iri, DCT.title, Literal(title))
        if m.created:
            self.add(iri, DCT.created, date_literal(m.created))
        if m.author:
            account = account_iri(m.author)
            self.add(iri, SIOC.has_creator, account)
            self.add(account, RDF.type, SIOC.UserAccount)
            self.add(account, SIOC.name, Literal(m.author))
        if m.parent is not None:
            parent_is_post = is_post.get(m.parent, m.parent == "post")
            self.add(iri, SIOC.reply_of, message_iri(thread_id, m.parent, parent_is_post))

    def message_ref(self, thread_id: str, message_id: str) -> tuple[URIRef, Message | None]:
        found = self.messages.get((thread_id, message_id))
        if found:
            return found
        return message_iri(thread_id, message_id), None

    # ---- entities
    def entities(self) -> None:
        for key in sorted(self.corpus.entities):
            e = self.corpus.entities[key]
            if e.type not in ENTITY_CLASSES:
                self.skipped[f"entity of unknown type {e.type}"] += 1
                continue
            self.iris[key] = entity_iri(e.type, key)
        for key, iri in self.iris.items():
            self.entity(self.corpus.entities[key], iri)

    def entity(self, e: Entity, iri: URIRef) -> None:
        for cls in ENTITY_CLASSES[e.type]:
            self.add(iri, RDF.type, cls)
        self.add(iri, SKOS.prefLabel, Literal(e.name))
        if e.type in ("Person", "Organization"):
            self.add(iri, FOAF.name, Literal(e.name))
        for alias in e.aliases:
            if alias and alias != e.name:
                self.add(iri, SKOS.altLabel, Literal(alias))
        if e.type == "Organization" and e.kind:
            self.add(iri, TG.orgKind, Literal(e.kind))
            if e.kind in ORG_KIND_CLASSES:
                self.add(iri, RDF.type, ORG_KIND_CLASSES[e.kind])
        if e.type == "Contract":
            self.contract(e, iri)
        for mention in e.mentions:
            ev = mention.evidence
            msg, _ = self.message_ref(ev.thread, ev.message)
            self.add(msg, SCHEMA.mentions, iri)

    def contract(self, e: Entity, iri: URIRef) -> None:
        a = e.attrs
        if a.get("subject"):
            self.add(iri, DCT.subject, Literal(str(a["subject"])))
        term = decimal_literal(a["term_years"]) if a.get("term_years") is not None else None
        if term is not None:
            self.add(iri, TG.termYears, term)
        for lot in a.get("lots") or ():
            self.add(iri, TG.lot, Literal(str(lot)))
        value = decimal_literal(a["value"]) if a.get("value") is not None else None
        if value is not None:
            price = price_iri(iri)
            self.add(price, RDF.type, GR.PriceSpecification)
            self.add(price, GR.hasCurrencyValue, value)
            if a.get("currency"):
                self.add(price, GR.hasCurrency, Literal(str(a["currency"])))
            if a.get("period"):
                self.add(price, TG.perPeriod, Literal(str(a["period"])))
            # agreed once some telling says it was awarded; estimated before that
            self.node_values[iri]["price"].append(price)

    # ---- relations
    def relations(self) -> None:
        best: dict[tuple, tuple[Relation, _Fact]] = {}
        for r in self.corpus.relations:
            fact = self.fact(r)
            if fact is None:
                continue
            ev = r.evidence
            key = (fact.subject, fact.predicate, fact.object, fact.about, ev.thread, ev.message, ev.start, ev.end)
            old = best.get(key)
            # one assertion per (fact, span): keep the most confident telling
            if old is None or (r.confidence, old[0].rule) > (old[0].confidence, r.rule):
                best[key] = (r, fact)
        for key in sorted(best, key=lambda k: tuple(str(x) for x in k)):
            r, fact = best[key]
            self.assertion(r, fact)
        self.aggregate()

    def fact(self, r: Relation) -> _Fact | None:
        if r.kind not in RELATION_KINDS:
            self.skipped[f"relation of unknown kind {r.kind}"] += 1
            return None
        s = self.iris.get(r.subject)
        o = self.iris.get(r.object) if r.object is not None else None
        if s is None or (r.object is not None and o is None):
            self.skipped[f"{r.kind} relation with an unresolved end"] += 1
            return None
        if s == o:  # "X's partner X": resolution merged both ends; no fact between a thing and itself
            self.skipped[f"{r.kind} relation from an entity to itself"] += 1
            return None
        q = r.qualifiers
        if r.kind == "post":
            return self.post_fact(r, s, o)
        if o is None:
            matter = q.get("matter")
            if r.kind == "investigated" and matter:
                return _Fact(s, TG.investigatedFor, Literal(str(matter)))
            self.skipped[f"{r.kind} relation without an object"] += 1
            return None
        if r.kind == "family":
            rel = str(q.get("relation") or q.get("family") or "relative")
            return _Fact(s, FAMILY_PREDICATES.get(rel, SCHEMA.relatedTo), o)
        if r.kind == "partner":
            node = mint("collab", *sorted((s, o)))
            self.node_values[node]["members"] += [s, o]
            self.node_values[node]["form"].append(q.get("form"))
            return _Fact(s, TG.partnerOf, o, node)
        if r.kind == "renamed":
            node = mint("change", s, o)
            self.node_values[node]["ends"] = [s, o]
            self.node_values[node]["change"].append(q.get("change"))
            self.node_values[node]["date"].append(q.get("date"))
            return _Fact(s, TG.renamedTo, o, node)
        if r.kind == "bid":
            node = mint("tender", s, o)
            self.node_values[node]["ends"] = [s, o]
            status = q.get("status") or q.get("bid_status")
            self.node_values[node]["status"].append((str(status) if status else None, r.status))
            return _Fact(s, TG.bidFor, o, node)
        return _Fact(s, DIRECT_PREDICATES[r.kind], o)

    def post_fact(self, r: Relation, s: URIRef, o: URIRef | None) -> _Fact | None:
        role = r.qualifiers.get("role")
        role = str(role).strip() if role else None
        role_node = role_iri(role) if role else None
        if role_node is not None:
            self.role_forms[role_node][role] += 1
        if o is None and role_node is None:
            self.skipped["post relation with neither organisation nor role"] += 1
            return None
        node = mint("membership", s, o or "", normalise_label(role) if role else "")
        values = self.node_values[node]
        values["ends"] = [s, o]
        values["role"] = [role_node]
        values["current"].append(_flag(r.qualifiers.get("current")))
        if o is None:  # "Justice Secretary X": a post with no organisation named
            return _Fact(s, TG.holdsRole, role_node, node)
        return _Fact(s, ORG.memberOf, o, node)

    def assertion(self, r: Relation, fact: _Fact) -> None:
        ev = r.evidence
        msg, message = self.message_ref(ev.thread, ev.message)
        a = mint("assertion", fact.subject, fact.predicate, fact.object, fact.about or "",
                 ev.thread, ev.message, ev.start, ev.end)
        add = self.add
        add(fact.subject, fact.predicate, fact.object)  # the direct triple, for queries and the network
        add(a, RDF.type, TG.Assertion)
        add(a, RDF.subject, fact.subject)
        add(a, RDF.predicate, fact.predicate)
        add(a, RDF.object, fact.object)
        if fact.about is not None:
            add(a, TG.about, fact.about)
        add(a, TG.relationKind, Literal(r.kind))
        conf = decimal_literal(r.confidence)
        if conf is not None:
            add(a, TG.confidence, conf)
        add(a, TG.status, STATUS_IRIS.get(r.status, TG[str(r.status).capitalize() or "Unknown"]))
        add(a, TG.rule, Literal(r.rule))
        add(a, PROV.wasDerivedFrom, msg)
        activity = activity_iri(r.rule, EXTRACTOR_VERSION)
        add(a, PROV.wasGeneratedBy, activity)
        add(activity, RDF.type, PROV.Activity)
        add(activity, SKOS.prefLabel, Literal(f"rule {r.rule} (threadgraph {EXTRACTOR_VERSION})"))
        add(activity, TG.rule, Literal(r.rule))
        add(activity, TG.extractorVersion, Literal(EXTRACTOR_VERSION))

        pos, quote = selector_iris(a)
        add(a, OA.hasSelector, pos)
        add(a, OA.hasSelector, quote)
        add(pos, RDF.type, OA.TextPositionSelector)
        add(pos, OA.start, Literal(ev.start))
        add(pos, OA.end, Literal(ev.end))
        add(quote, RDF.type, OA.TextQuoteSelector)
        add(quote, OA.exact, Literal(ev.quote))
        if message is not None:
            text = message.text
            add(quote, OA.prefix, Literal(text[max(0, ev.start - CONTEXT_CHARS):ev.start]))
            add(quote, OA.suffix, Literal(text[ev.end:ev.end + CONTEXT_CHARS]))
            ss, se = ev.sentence_start, ev.sentence_end
            sentence = text[ss:se] if 0 <= ss <= ev.start and ev.end <= se <= len(text) else ev.quote
            add(a, TG.sentence, Literal(sentence))
        self.qualifiers(a, r)

    def qualifiers(self, a: URIRef, r: Relation) -> None:
        """Qualifiers that belong to this one telling sit on the assertion."""
        q = r.qualifiers
        for key, prop in LITERAL_QUALIFIERS.items():
            if q.get(key) not in (None, ""):
                self.add(a, prop, Literal(str(q[key])))
        if q.get("date"):
            self.add(a, DCT.date, date_literal(str(q["date"])))
        if r.kind == "family":
            self.add(a, TG.familyRelation, Literal(str(q.get("relation") or q.get("family") or "relative")))
        if r.kind == "post":
            if q.get("role"):
                self.add(a, TG.roleLabel, Literal(str(q["role"]).strip()))
            current = _flag(q.get("current"))
            if current is not None:
                self.add(a, TG.current, Literal(current))
        if r.kind == "bid":
            status = q.get("status") or q.get("bid_status")
            if status:
                self.add(a, TG.bidStatus, Literal(str(status)))
            # "they bid €310m and still lost": the amount this telling gives for the bid
            amount = decimal_literal(q["amount"]) if q.get("amount") not in (None, "") else None
            if amount is not None:
                self.add(a, TG.bidValue, amount)
                if q.get("currency"):
                    self.add(a, TG.bidCurrency, Literal(str(q["currency"])))
        behalf = q.get("on_behalf_of")
        if behalf is not None and behalf in self.iris:
            self.add(a, TG.onBehalfOf, self.iris[behalf])
        for key in q.get("entities") or ():
            if key in self.iris:
                self.add(a, TG.involves, self.iris[key])

    # ---- n-ary nodes, once every telling is in
    def aggregate(self) -> None:
        for role, forms in self.role_forms.items():
            self.add(role, RDF.type, ORG.Role)
            self.add(role, SKOS.prefLabel, Literal(min(forms, key=lambda f: (-forms[f], f))))
        awarded: set[URIRef] = set()
        for node in sorted(self.node_values):
            v = self.node_values[node]
            kind = str(node).rsplit("/", 1)[1].split("-", 1)[0]
            if kind == "membership":
                self.membership(node, v)
            elif kind == "collab":
                self.collaboration(node, v)
            elif kind == "change":
                self.change(node, v)
            elif kind == "tender":
                if self.tender(node, v):
                    awarded.add(v["ends"][1])
        for node in sorted(self.node_values):  # contract prices
            for price in self.node_values[node].get("price", ()):
                self.add(node, PC.agreedPrice if node in awarded else PC.estimatedPrice, price)

    def label(self, iri: URIRef | None) -> str:
        return str(self.g.value(iri, SKOS.prefLabel)) if iri is not None else ""

    def membership(self, node: URIRef, v: dict) -> None:
        person, org = v["ends"]
        role = v["role"][0]
        self.add(node, RDF.type, ORG.Membership)
        self.add(node, ORG.member, person)
        if org is not None:
            self.add(node, ORG.organization, org)
        if role is not None:
            self.add(node, ORG.role, role)
        flags = [f for f in v["current"] if f is not None]
        if flags:  # "former" anywhere wins: a post once held and since left
            self.add(node, TG.current, Literal(all(flags)))
        what = ", ".join(x for x in (self.label(role), self.label(org)) if x)
        self.add(node, SKOS.prefLabel, Literal(f"{self.label(person)}: {what}"))

    def collaboration(self, node: URIRef, v: dict) -> None:
        members = sorted(set(v["members"]))
        self.add(node, RDF.type, ORG.OrganizationalCollaboration)
        for m in members:
            self.add(node, ORG.hasMember, m)
        form = _most_common(v["form"])
        if form:
            self.add(node, TG.collaborationForm, Literal(str(form)))
        self.add(node, SKOS.prefLabel, Literal(" and ".join(sorted(self.label(m) for m in members))))

    def change(self, node: URIRef, v: dict) -> None:
        old, new = v["ends"]
        self.add(node, RDF.type, ORG.ChangeEvent)
        self.add(node, ORG.originalOrganization, old)
        self.add(node, ORG.resultingOrganization, new)
        self.add(old, ORG.changedBy, node)
        self.add(new, ORG.resultedFrom, node)
        kind = str(_most_common(v["change"]) or "renamed")
        self.add(node, TG.changeKind, Literal(kind))
        date = _most_common(v["date"])
        if date:
            self.add(node, DCT.date, date_literal(str(date)))
        self.add(node, SKOS.prefLabel, Literal(f"{self.label(old)} {kind} {self.label(new)}"))

    def tender(self, node: URIRef, v: dict) -> bool:
        """Write the pc:Tender; True when it was awarded (by a telling that is not denied/questioned)."""
        bidder, contract = v["ends"]
        self.add(node, RDF.type, PC.Tender)
        self.add(node, PC.bidder, bidder)
        self.add(contract, PC.tender, node)
        strong = [s for s, how in v["status"] if s and how not in WEAK_STATUSES]
        told = strong or [s for s, _ in v["status"] if s]
        ranked = sorted(told, key=lambda s: (BID_STATUSES.index(s) if s in BID_STATUSES else len(BID_STATUSES), s))
        status = ranked[0] if ranked else None
        if status:
            self.add(node, TG.bidStatus, Literal(status))
        awarded = status == "awarded" and bool(strong)
        if awarded:
            self.add(contract, PC.awardedTender, node)
        self.add(node, SKOS.prefLabel, Literal(f"{self.label(bidder)}: tender for {self.label(contract)}"))
        return awarded


@contextmanager
def _gc_paused():
    """Millions of small term objects and no cycles: the cyclic collector would only
    rescan them again and again while the graph grows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def corpus_to_graph(corpus: Corpus) -> Graph:
    """The whole corpus as one rdflib Graph (threads, entities, facts, assertions)."""
    b = _Builder(corpus)
    with _gc_paused():
        b.threads()
        b.entities()
        b.relations()
    for what, n in sorted(b.skipped.items()):
        log.warning("rdf: skipped %d %s", n, what)
    return b.g


# --------------------------------------------------------------------------- writing

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES, "n-triples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD,
}


def _spo_index(g: Graph) -> dict:
    """{subject: {predicate: {object: …}}} for every triple of g.

    rdflib's Memory store already keeps this index; reading it directly is several times
    faster than iterating the graph (which checks contexts triple by triple). Any other
    store, or a store shared with other graphs, is indexed here instead.
    """
    from rdflib.plugins.stores.memory import Memory

    store = g.store
    spo = getattr(store, "_Memory__spo", None) if type(store) is Memory else None
    if spo is not None and sum(len(os) for po in spo.values() for os in po.values()) == len(g):
        return spo
    index: dict = {}
    for s, p, o in g:
        index.setdefault(s, {}).setdefault(p, {})[o] = 1
    return index


def _sorted_ox_triples(g: Graph) -> list[ox.Triple]:
    """The graph's triples as pyoxigraph terms in a fixed order: by subject, rdf:type first,
    then by predicate and object. Blank nodes are relabelled canonically first."""
    spo = _spo_index(g)
    # exact type tests: isinstance() on rdflib terms goes through ABC checks, ~3x slower
    has_bnodes = any(type(s) is BNode for s in spo) or any(
        type(o) is BNode for po in spo.values() for os in po.values() for o in os)
    if has_bnodes:
        from rdflib.compare import to_canonical_graph

        spo = _spo_index(to_canonical_graph(g))  # blank-node labels otherwise differ on every run

    iris: dict[str, ox.NamedNode] = {}  # keyed by str: rdflib terms hash slowly

    def iri(t) -> ox.NamedNode:
        k = str(t)
        n = iris.get(k)
        if n is None:
            n = iris[k] = ox.NamedNode(k)
        return n

    def term(t):
        if type(t) is URIRef:
            return iri(t)
        if not isinstance(t, Literal):
            return iri(t) if isinstance(t, URIRef) else ox.BlankNode(str(t))
        try:
            return literal(str(t), t)
        except ValueError:  # a lone surrogate (e.g. "\ud800" from JSON) cannot be UTF-8
            return literal(_SURROGATE.sub("\ufffd", str(t)), t)

    def literal(text: str, t: Literal) -> ox.Literal:
        if t.language:
            return ox.Literal(text, language=t.language)
        if t.datatype is not None:
            return ox.Literal(text, datatype=iri(t.datatype))
        return ox.Literal(text)

    def object_key(o):
        if type(o) is URIRef:
            return (0, str(o), "", "")
        if isinstance(o, Literal):
            return (2, str(o), str(o.datatype or ""), o.language or "")
        return (1, str(o), "", "")

    rdf_type = str(RDF.type)
    out: list[ox.Triple] = []
    Triple = ox.Triple
    for s in sorted(spo, key=lambda s: (type(s) is not URIRef, str(s))):
        s_node = term(s)
        po = spo[s]
        for p in sorted(po, key=lambda p: (str(p) != rdf_type, str(p))):
            p_node = iri(p)
            objects = po[p]
            for o in (sorted(objects, key=object_key) if len(objects) > 1 else objects):
                out.append(Triple(s_node, p_node, term(o)))
    return out


def _prefix_header() -> bytes:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode()


def serialize(g: Graph, fmt: str = "turtle") -> bytes:
    """The graph in `fmt` (turtle | nt | jsonld), deterministic bytes."""
    try:
        ox_format = FORMATS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r} (expected turtle, nt or jsonld)")
    with _gc_paused():
        triples = _sorted_ox_triples(g)
    if ox_format is ox.RdfFormat.TURTLE:
        body = ox.serialize(triples, format=ox_format, prefixes=PREFIXES)
        # pyoxigraph writes the @prefix lines in its own order: put ours, fixed, in their place
        lines = body.split(b"\n")
        i = 0
        while i < len(lines) and lines[i].startswith(b"@prefix "):
            i += 1
        return _prefix_header() + b"\n" + b"\n".join(lines[i:])
    if ox_format is ox.RdfFormat.JSON_LD:
        return _compact_jsonld(triples)
    return ox.serialize(triples, format=ox_format)


def _compact_jsonld(triples: list[ox.Triple]) -> bytes:
    """JSON-LD with the project's prefixes as its @context: one node object per subject,
    IRIs written as compact IRIs (`foaf:name`), plain strings as JSON strings.

    pyoxigraph writes only expanded JSON-LD, which is valid but hard to read; any JSON-LD
    processor expands this form back to the same triples.
    """
    by_ns = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))  # longest namespace wins

    def curie(value: str) -> str:
        for prefix, ns in by_ns:
            rest = value[len(ns):]
            if value.startswith(ns) and rest and not rest.startswith("//"):
                return f"{prefix}:{rest}"
        return value

    def node_ref(t) -> str:
        return f"_:{t.value}" if isinstance(t, ox.BlankNode) else curie(t.value)

    xsd_string, rdf_type = str(XSD.string), str(RDF.type)
    nodes: dict[str, dict] = {}
    for t in triples:
        node = nodes.setdefault(node_ref(t.subject), {"@id": node_ref(t.subject)})
        if t.predicate.value == rdf_type and not isinstance(t.object, ox.Literal):
            node.setdefault("@type", []).append(node_ref(t.object))
            continue
        o = t.object
        if not isinstance(o, ox.Literal):
            value: object = {"@id": node_ref(o)}
        elif o.language:
            value = {"@value": o.value, "@language": o.language}
        elif o.datatype.value != xsd_string:
            value = {"@value": o.value, "@type": curie(o.datatype.value)}
        else:
            value = o.value
        node.setdefault(curie(t.predicate.value), []).append(value)
    doc = {"@context": dict(PREFIXES), "@graph": list(nodes.values())}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def write_graph(g: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize(g, fmt))
    return path


def write_turtle(g: Graph, path: str | Path) -> Path:
    """Turtle, byte-identical for the same graph; readable by rdflib, pyoxigraph and rapper."""
    return write_graph(g, path, "turtle")
