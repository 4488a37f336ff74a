"""Conflict-of-interest findings: run the SPARQL rules in ontology/rules/ and write findings into the graph.

Two kinds, kept apart by tg:findingKind:
- "stated": the text says there is (or may be) a conflict of interest (tg:statedConflictWith);
- "inferred": a CONSTRUCT rule found a pattern (a relative at a bidder, a revolving door, ...).

How it runs (see ontology/rules/README.md):
1. A WORKING COPY of the graph holds the triples the rules read, without any assertion the text
   denies, plus helper facts (namespace tgx:) that need word lists rather than graph structure:
   which posts are public duties, which are senior, which contracts and organisations a duty buys
   or oversees. The helpers never reach the output graph.
2. Every rule runs on that copy, in pyoxigraph (default, fast) or rdflib (the cross-check: both
   must give the same triples).
3. Python adds what a CONSTRUCT cannot: the confidence (from the premises, see
   ontology/rules/confidence.toml), the ordered chain of steps, the plain-English explanation and
   the review status from the user's decisions file.
"""
from __future__ import annotations

import hashlib
import logging
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Iterable

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, SKOS, XSD

log = logging.getLogger("threadgraph.infer")

TG = Namespace("https://w3id.org/threadgraph/ns#")
TGX = Namespace("https://w3id.org/threadgraph/ns/infer#")  # helper facts: working copy only
ID = Namespace("https://w3id.org/threadgraph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
PC = Namespace("http://purl.org/procurement/public-contracts#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("http://schema.org/")
SIOC = Namespace("http://rdfs.org/sioc/ns#")
DCT = Namespace("http://purl.org/dc/terms/")

RULES_DIR = Path(__file__).resolve().parent.parent / "ontology" / "rules"
ENGINES = ("oxigraph", "rdflib")

STATUS_NAMES = {TG.Asserted: "asserted", TG.Reported: "reported", TG.Hedged: "hedged",
                TG.Questioned: "questioned", TG.Denied: "denied"}
FAMILY = (SCHEMA.spouse, SCHEMA.sibling, SCHEMA.parent, SCHEMA.children, SCHEMA.relatedTo)
# Organisation kinds whose posts are never public duties, whatever the role's words.
PRIVATE_KINDS = {"company", "charity", "union", "party", "media"}
# Chain order: the duty first, then ties, posts, money, bids and buyers.
PREDICATE_RANK = {
    TG.statedConflictWith: 1, SCHEMA.spouse: 2, SCHEMA.sibling: 2, SCHEMA.parent: 2,
    SCHEMA.children: 2, SCHEMA.relatedTo: 2, ORG.memberOf: 3, TG.paidBy: 4, TG.consultantTo: 4,
    TG.lobbied: 5, TG.recommended: 5, TG.referred: 5, TG.partnerOf: 6, TG.ownedBy: 7, TG.bidFor: 8,
    PC.contractingAuthority: 9, ORG.subOrganizationOf: 10,
}


# ---------------------------------------------------------------- rules and word lists (data files)

@dataclass(frozen=True)
class Rule:
    id: str
    kind: str  # inferred | stated
    basis: str
    factor: Decimal
    finds: str
    why: str
    query: str
    path: Path


def load_rules(rules_dir: Path = RULES_DIR) -> list[Rule]:
    """Every *.rq file in rules_dir, with the metadata in its header comment."""
    rules = []
    for path in sorted(Path(rules_dir).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        meta = _header(text)
        missing = {"id", "basis", "factor", "finds", "why"} - meta.keys()
        if missing:
            raise ValueError(f"{path}: header comment lacks {', '.join(sorted(missing))}")
        rules.append(Rule(id=meta["id"], kind=meta.get("kind", "inferred"), basis=meta["basis"],
                          factor=Decimal(meta["factor"]), finds=meta["finds"], why=meta["why"],
                          query=text, path=path))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate rule ids in {rules_dir}: {sorted(ids)}")
    return rules


def _header(text: str) -> dict[str, str]:
    """`# key: value` lines at the top; indented `#   more` lines continue the previous value."""
    meta: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s(\w+):\s*(.*)$", line)
        if m:
            key = m.group(1)
            meta[key] = m.group(2).strip()
        elif key and re.match(r"#\s{2,}\S", line):
            meta[key] += " " + line[1:].strip()
        else:
            key = None
    return meta


def load_words(path: Path) -> list[str]:
    words = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.append(line)
    return words


@dataclass
class Lexicon:
    """The word lists the helper facts need (ontology/rules/*.txt, confidence.toml)."""

    official: list[str]
    senior: list[str]
    stopwords: set[str]
    generic_government: set[str]
    status_weight: dict[str, Decimal]

    @classmethod
    def load(cls, rules_dir: Path = RULES_DIR) -> "Lexicon":
        d = Path(rules_dir)
        conf = tomllib.loads((d / "confidence.toml").read_text(encoding="utf-8"))
        return cls(official=load_words(d / "official_roles.txt"), senior=load_words(d / "senior_roles.txt"),
                   stopwords=set(load_words(d / "role_stopwords.txt")),
                   generic_government=set(load_words(d / "generic_government.txt")),
                   status_weight={k: Decimal(str(v)) for k, v in conf["status_weight"].items()})

    def __post_init__(self) -> None:
        self._official = _word_regex(self.official)
        self._senior = _word_regex(self.senior)
        self._official_tokens = {t for w in self.official for t in re.findall(r"[a-z'-]+", w)}

    def is_official_role(self, label: str) -> bool:
        return bool(self._official.search(label))

    def is_senior_role(self, label: str) -> bool:
        return bool(self._senior.search(label))

    def sector_terms(self, label: str) -> list[str]:
        """What a public role oversees: its label less role words and stopwords (>= 4 letters)."""
        terms = []
        for tok in re.findall(r"[a-z][a-z'-]*", label.lower()):
            tok = tok.strip("'-")
            if len(tok) >= 4 and tok not in self.stopwords and tok not in self._official_tokens:
                terms.append(tok)
        return terms

    def is_generic_government(self, label: str) -> bool:
        return " ".join(label.lower().replace(".", "").split()) in self.generic_government


def _word_regex(words: Iterable[str]) -> re.Pattern:
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


# ---------------------------------------------------------------- the graph, read for the helpers

def label(g: Graph, node) -> str:
    for p in (SKOS.prefLabel, FOAF.name, URIRef("http://www.w3.org/2000/01/rdf-schema#label")):
        v = g.value(node, p)
        if v is not None:
            return str(v)
    s = str(node)
    return s.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def labels(g: Graph, node) -> list[str]:
    out = [str(v) for p in (SKOS.prefLabel, SKOS.altLabel, FOAF.name) for v in g.objects(node, p)]
    return out or [label(g, node)]


def status_of(g: Graph, a) -> str:
    return STATUS_NAMES.get(g.value(a, TG.status), "asserted")


def _usable(g: Graph, a) -> bool:
    return status_of(g, a) != "denied"


def _assertions_for(g: Graph, s, p, o) -> list:
    """Assertions that tell the direct triple (s, p, o)."""
    return [a for a in g.subjects(RDF.subject, s)
            if g.value(a, RDF.predicate) == p and g.value(a, RDF.object) == o]


def _support(g: Graph, assertions: list) -> list | None:
    """The usable assertions, or None when every telling is denied (the fact does not hold)."""
    usable = [a for a in assertions if _usable(g, a)]
    if assertions and not usable:
        return None
    return sorted(usable)


def is_former(g: Graph, membership) -> bool:
    current = g.value(membership, TG.current)
    return current is not None and str(current).strip().lower() in ("false", "0")


def _stem(term: str) -> str:
    """Crude singular, matched as a prefix: prisons -> prison, libraries -> librar, homes -> home."""
    for suffix in ("ies", "es", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class Duty:
    node: URIRef
    holder: URIRef
    label: str
    body: URIRef | None
    evidence: list
    terms: list[str]


@dataclass
class Reach:
    """A duty buys or oversees a target (a contract or an organisation), and how we know."""

    duty: Duty
    target: URIRef
    how: str  # buyer | parent | sector
    evidence: list = field(default_factory=list)
    term: str | None = None
    where: str | None = None  # for sector: the text the term was found in


@dataclass
class Workspace:
    work: set  # (s, p, o) rdflib triples: each engine loads them into its own store
    duties: list[Duty]
    reaches: list[Reach]
    sector_index: dict = field(default_factory=dict)  # (holder, target) -> [sector Reach]

    def __post_init__(self) -> None:
        for r in self.reaches:
            if r.how == "sector":
                self.sector_index.setdefault((r.duty.holder, r.target), []).append(r)


def prepare(g: Graph, lex: Lexicon, rules: list[Rule]) -> Workspace:
    """The working copy the rules run on: g's relevant triples (no denied assertions) + helpers."""
    work: set = set()
    denied = {a for a in g.subjects(TG.status, TG.Denied)}
    wanted = _predicates_used(rules)
    for s, p, o in g:
        if p in wanted and s not in denied:
            work.add((s, p, o))

    public = {o for o, kind in g.subject_objects(TG.orgKind) if str(kind) == "government"}
    for o in public:
        work.add((o, TGX.publicBody, Literal(True)))
    for o in set(g.subjects(RDF.type, ORG.FormalOrganization)) | set(g.subjects(TG.orgKind, None)):
        if any(lex.is_generic_government(lb) for lb in labels(g, o)):
            work.add((o, TGX.genericGovernment, Literal(True)))

    duties = _duties(g, lex, public, work)
    reaches = _reaches(g, lex, duties, public)
    for r in reaches:
        node = TGX["reach-" + _hash(r.duty.node, r.target, r.how, r.term)]
        work.add((node, TGX.duty, r.duty.node))
        work.add((node, TGX.target, r.target))
        work.add((node, TGX.how, Literal(r.how)))
        for a in r.evidence:
            work.add((node, TGX.evidence, a))
    return Workspace(work=work, duties=duties, reaches=reaches)


def _predicates_used(rules: list[Rule]) -> set[URIRef]:
    """Every IRI a rule names (prefixed or in <...>): the working copy needs no other predicate."""
    used = {RDF.type}
    for r in rules:
        prefixes = dict(re.findall(r"PREFIX\s+(\w*):\s*<([^>]+)>", r.query, re.IGNORECASE))
        body = re.sub(r"^\s*#.*$", "", r.query, flags=re.MULTILINE)
        for pfx, local in re.findall(r"(?<![\w<])(\w+):([A-Za-z_][\w-]*)", body):
            if pfx in prefixes:
                used.add(URIRef(prefixes[pfx] + local))
        used.update(URIRef(i) for i in re.findall(r"<(https?://[^>\s]+)>", body))
    return used


def _duties(g: Graph, lex: Lexicon, public: set, work: set) -> list[Duty]:
    """Public duties: current posts at government bodies, or roles whose words make them public
    ("Chief Inspector of ..."), and an MP's seat. Also marks senior posts for the rules."""
    duties = []
    for m in sorted(set(g.subjects(RDF.type, ORG.Membership))):
        member, org, role = g.value(m, ORG.member), g.value(m, ORG.organization), g.value(m, ORG.role)
        if member is None:
            continue
        role_label = label(g, role) if role is not None else ""
        support = _support(g, sorted(g.subjects(TG.about, m)))
        if support is None:
            continue
        if role_label and lex.is_senior_role(role_label):
            work.add((m, TGX.seniorPost, Literal(True)))
        if is_former(g, m):
            continue
        kind = str(g.value(org, TG.orgKind) or "") if org is not None else ""
        is_public = org in public if org is not None else False
        if not is_public and not (role_label and lex.is_official_role(role_label) and kind not in PRIVATE_KINDS):
            continue
        if (member, RDF.type, FOAF.Person) not in g:
            continue
        text = role_label or f"post at {label(g, org)}"
        node = TGX["duty-" + _hash(m)]
        duties.append(Duty(node=node, holder=member, label=text, body=org, evidence=support,
                           terms=lex.sector_terms(role_label) if role_label else []))
    for p, place in sorted(g.subject_objects(TG.representsConstituency)):
        support = _support(g, _assertions_for(g, p, TG.representsConstituency, place))
        if support is None:
            continue
        duties.append(Duty(node=TGX["duty-" + _hash(p, place)], holder=p, label=f"MP for {label(g, place)}",
                           body=None, evidence=support, terms=[]))
    for d in duties:
        work.add((d.node, RDF.type, TGX.Duty))
        work.add((d.node, TGX.holder, d.holder))
        work.add((d.node, TGX.label, Literal(d.label)))
        if d.body is not None:
            work.add((d.node, TGX.body, d.body))
        for a in d.evidence:
            work.add((d.node, TGX.evidence, a))
    return duties


def _reaches(g: Graph, lex: Lexicon, duties: list[Duty], public: set) -> list[Reach]:
    """Which contracts and organisations each duty buys or oversees.

    buyer:  the duty's body is the contract's contracting authority;
    parent: the body and the buyer are one part of the other (org:subOrganizationOf);
    sector: a sector term of the role ("prisons" in "Chief Inspector of Prisons") is in the
            target's name, its contract's subject or buyer, or a sentence of an assertion about it
            (with the official's own role title taken out of that sentence), or, for a contract
            the article that opens a thread tells of, in the thread's title.
    """
    buyers: dict = defaultdict(list)  # buyer -> [(contract, evidence)]
    for k, b in sorted(g.subject_objects(PC.contractingAuthority)):
        support = _support(g, _assertions_for(g, k, PC.contractingAuthority, b))
        if support is not None:
            buyers[b].append((k, support))
    parents: dict = defaultdict(list)  # org -> [(related org, evidence)] either direction
    for a, b in sorted(g.subject_objects(ORG.subOrganizationOf)):
        support = _support(g, _assertions_for(g, a, ORG.subOrganizationOf, b))
        if support is not None:
            parents[a].append((b, support))
            parents[b].append((a, support))

    out: list[Reach] = []
    for d in duties:
        if d.body is not None:
            for k, ev in buyers.get(d.body, []):
                out.append(Reach(d, k, "buyer", ev))
            for other, ev_parent in parents.get(d.body, []):
                for k, ev in buyers.get(other, []):
                    out.append(Reach(d, k, "parent", sorted(set(ev) | set(ev_parent))))
    if any(d.terms for d in duties):
        out.extend(_sector_reaches(g, duties, public))
    return out


def _sector_reaches(g: Graph, duties: list[Duty], public: set) -> list[Reach]:
    """Work is per sector TERM, not per duty x target: each term is looked for once in every
    target's names and in every sentence about it, then shared by the duties that have it."""
    places = {lb.lower() for p in g.subjects(RDF.type, SCHEMA.Place) for lb in labels(g, p)}
    terms = sorted({t for d in duties for t in d.terms if t not in places})
    if not terms:
        return []
    contracts = set(g.subjects(RDF.type, PC.Contract))
    orgs = {o for o in g.subjects(TG.orgKind, None)} | set(g.subjects(RDF.type, ORG.FormalOrganization))
    targets = sorted(contracts | (orgs - public))

    names: dict = {}
    for t in targets:
        names[t] = labels(g, t)
        if t in contracts:
            names[t] += [str(v) for p in (DCT.subject, TG.lot) for v in g.objects(t, p)]
            names[t] += [label(g, b) for b in g.objects(t, PC.contractingAuthority)]

    # the sentences that talk about each target, with role titles ("Chief Inspector of X" describes a
    # person, not the organisation) and the other parties' names taken out: they say nothing about it
    titles = {label(g, r) for r in g.subjects(RDF.type, ORG.Role)} | {d.label for d in duties}
    strip = re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)), re.IGNORECASE)
    talk: dict = defaultdict(list)  # target -> [(confidence, assertion, stripped sentence, sentence)]
    # a contract the article itself tells of is about what the article's title says ("Prison escort
    # sell-off ..."); comments drift from the title, so only the article's own tellings count
    topics: dict = defaultdict(set)  # contract -> {title}
    for a in sorted(g.subjects(RDF.type, TG.Assertion)):
        if not _usable(g, a):
            continue
        ends = _ends(g, a)
        msg = g.value(a, PROV.wasDerivedFrom)
        if msg is not None and ends & contracts and g.value(msg, SIOC.reply_of) is None:
            title = g.value(g.value(msg, SIOC.has_container), DCT.title) if g.value(msg, SIOC.has_container) else None
            for t in ends & contracts:
                topics[t].update(str(x) for x in (title, g.value(msg, DCT.title)) if x is not None)
        sentence = g.value(a, TG.sentence)
        if sentence is None:
            continue
        base = strip.sub(" ", str(sentence))
        conf = Decimal(str(g.value(a, TG.confidence) or "0"))
        for t in ends & names.keys():
            text = base
            for other in ends - {t}:
                for n in labels(g, other):
                    text = text.replace(n, " ")
            talk[t].append((conf, a, text, str(sentence)))

    found: dict = {}  # (term, target) -> (evidence, where)
    for term in terms:
        pat = re.compile(r"(?<!\w)" + re.escape(_stem(term)), re.IGNORECASE)
        for t in targets:
            hit = next((n for n in names[t] if pat.search(n)), None)
            if hit is not None:
                found[(term, t)] = ([], hit)
                continue
            best = max(((c, a, full) for c, a, text, full in talk.get(t, ()) if pat.search(text)),
                       key=lambda x: (x[0], str(x[1])), default=None)
            if best is not None:
                found[(term, t)] = ([best[1]], best[2])
                continue
            title = next((x for x in sorted(topics.get(t, ())) if pat.search(x)), None)
            if title is not None:
                found[(term, t)] = ([], title)

    by_term: dict = defaultdict(list)
    for term, t in sorted(found):
        by_term[term].append(t)
    out = []
    for d in duties:
        seen = set()
        for term in d.terms:
            for t in by_term.get(term, ()):
                if t not in seen:
                    seen.add(t)
                    evidence, where = found[(term, t)]
                    out.append(Reach(d, t, "sector", list(evidence), term, where))
    return out


# ---------------------------------------------------------------- running the rules

def run_rules(ws: Workspace, rules: list[Rule], engine: str = "oxigraph") -> dict[str, Graph]:
    """Each rule's CONSTRUCT result (rdflib triples), keyed by rule id."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    results = {}
    if engine == "oxigraph":
        import pyoxigraph as ox

        to_ox = _Converter()
        store = ox.Store()
        store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in ws.work)
        for r in rules:
            # a CONSTRUCT repeats a triple once per solution: convert each distinct one once
            found = {(t.subject, t.predicate, t.object) for t in store.query(r.query)}
            out = Graph()
            out.addN((_from_ox(s), _from_ox(p), _from_ox(o), out) for s, p, o in found)
            results[r.id] = out
    else:
        work = Graph()
        work.addN((s, p, o, work) for s, p, o in ws.work)
        for r in rules:
            out = Graph()
            for t in work.query(r.query):
                out.add(t)
            results[r.id] = out
    return results


class _Converter:
    """rdflib term -> pyoxigraph term, remembered: the same IRIs come back again and again."""

    def __init__(self) -> None:
        self.seen: dict = {}

    def __call__(self, term):
        t = self.seen.get(term)
        if t is None:
            t = self.seen[term] = _to_ox(term)
        return t


def _to_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _from_ox(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


# ---------------------------------------------------------------- decisions (confirm / dismiss)

DECISION_WORDS = {"confirm": "confirmed", "confirmed": "confirmed", "dismiss": "dismissed", "dismissed": "dismissed",
                  "candidate": "candidate", "reopen": "candidate"}


@dataclass(frozen=True)
class Decision:
    id: str  # "finding-<16 hex>"
    decision: str  # confirmed | dismissed | candidate
    note: str = ""


def finding_id(text: str) -> str:
    """'finding-ab12…', 'id:finding-…' or the full IRI -> 'finding-ab12…'."""
    text = text.strip()
    return text.rsplit("/", 1)[-1].split(":", 1)[-1] if ("/" in text or text.startswith("id:")) else text


def read_decisions(path: Path | None) -> tuple[dict[str, Decision], list[str]]:
    """The user's decisions (TOML, [[finding]] id / decision / note); a later entry for the same id
    overrides an earlier one. Returns (decisions, problems); a bad entry is a problem, not an error."""
    if path is None or not Path(path).exists():
        return {}, []
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        return {}, [f"{path}: not valid TOML ({e}); no decisions applied"]
    out: dict[str, Decision] = {}
    problems = []
    for i, entry in enumerate(data.get("finding", []), 1):
        fid = finding_id(str(entry.get("id", "")))
        word = DECISION_WORDS.get(str(entry.get("decision", "")).strip().lower())
        if not fid.startswith("finding-") or word is None:
            problems.append(f"{path}: entry {i} needs id = \"finding-…\" and decision = confirmed|dismissed; skipped")
            continue
        out[fid] = Decision(fid, word, str(entry.get("note", "")))
    return out, problems


# ---------------------------------------------------------------- findings into the graph

def remove_findings(g: Graph) -> None:
    """Drop findings (and their steps) already in g, so that add_findings can run again."""
    for f in list(g.subjects(RDF.type, TG.ConflictOfInterest)):
        for step in list(g.objects(f, TG.step)):
            g.remove((step, None, None))
        g.remove((f, None, None))


def add_findings(g: Graph, decisions: Path | None = None, engine: str = "oxigraph",
                 rules_dir: Path | None = None) -> list[URIRef]:
    """Run every rule, add the findings to g, return their IRIs (strongest first).

    Findings a user dismissed stay in the graph with tg:reviewStatus "dismissed" (the report lists
    them apart); decisions naming no finding of this build are logged as warnings.
    """
    from graph import findings as english

    rules_dir = Path(rules_dir) if rules_dir is not None else RULES_DIR
    rules = load_rules(rules_dir)
    lex = Lexicon.load(rules_dir)
    remove_findings(g)
    ws = prepare(g, lex, rules)
    results = run_rules(ws, rules, engine)
    chosen, problems = read_decisions(decisions)
    for p in problems:
        log.warning(p)

    by_rule = {r.id: r for r in rules}
    duty_evidence = {a for d in ws.duties for a in d.evidence}
    made: list[tuple[Decimal, URIRef]] = []
    for rule_id in sorted(results):
        rule = by_rule[rule_id]
        triples = results[rule_id]
        for f in sorted(set(triples.subjects(RDF.type, TG.ConflictOfInterest))):
            for t in triples.triples((f, None, None)):
                g.add(t)
            premises = _premises(g, sorted(triples.objects(f, PROV.wasDerivedFrom)), lex)
            # a stated finding is as sure as its statement; the rest of its chain is context
            counted = [p for p in premises if rule.kind != "stated"
                       or (p.assertions[0], RDF.predicate, TG.statedConflictWith) in g]
            conf = confidence(g, rule, counted, lex)
            g.add((f, TG.confidence, Literal(conf, datatype=XSD.decimal)))
            start = g.value(f, TG.official) or g.value(f, TG.counterparty)
            chain = _chain(g, premises, start, duty_evidence)
            for n, a in enumerate(chain, 1):
                step = URIRef(f"{f}-step-{n}")
                g.add((f, TG.step, step))
                g.add((step, RDF.type, TG.ChainStep))
                g.add((step, TG.order, Literal(n)))
                g.add((step, TG.assertion, a))
            decision = chosen.pop(finding_id(str(f)), None)
            g.add((f, TG.reviewStatus, Literal(decision.decision if decision else "candidate")))
            if decision and decision.note:
                g.add((f, TG.reviewNote, Literal(decision.note)))
            notes = [english.reach_note(g, r) for r in _reaches_used(ws, g, f, chain)]
            g.add((f, TG.explanation, Literal(english.explain(g, f, chain, rule, notes))))
            made.append((conf, f))
    for fid in sorted(chosen):
        log.warning("decisions: %s names no finding in this build (%s); kept in the file, not applied",
                    fid, chosen[fid].decision)
    made.sort(key=lambda cf: (-cf[0], str(cf[1])))
    return [f for _, f in made]


@dataclass
class Premise:
    """One fact a finding rests on, with every assertion that tells it."""

    key: tuple
    assertions: list
    weight: Decimal  # the best telling: confidence x status weight


def _premises(g: Graph, assertions: list, lex: Lexicon) -> list[Premise]:
    groups: dict = defaultdict(list)
    for a in assertions:
        about = g.value(a, TG.about)
        key = (about,) if about is not None else (g.value(a, RDF.subject), g.value(a, RDF.predicate),
                                                  g.value(a, RDF.object))
        groups[key].append(a)
    out = []
    for key, group in groups.items():
        best = max(telling(g, a, lex) for a in group)
        out.append(Premise(key, sorted(group, key=lambda a: (-telling(g, a, lex), str(a))), best))
    return out


def confidence(g: Graph, rule: Rule, premises: list[Premise], lex: Lexicon) -> Decimal:
    """rule factor x the weakest premise's confidence x, once per message, the lowest status weight
    among the tellings used from it (ontology/rules/confidence.toml). A chain is as strong as its
    weakest link; doubt voiced once ("X is married to a director of Y. Is this true?") counts once,
    however many facts that comment gives."""
    if not premises:
        return rule.factor
    weakest = Decimal(1)
    doubt: dict = {}
    for p in _best_per_link(g, premises):
        best = p.assertions[0]
        raw = g.value(best, TG.confidence)
        weakest = min(weakest, Decimal(str(raw)) if raw is not None else Decimal("0.5"))
        msg = g.value(best, PROV.wasDerivedFrom) or best
        w = lex.status_weight.get(status_of(g, best), Decimal(1))
        doubt[msg] = min(doubt.get(msg, Decimal(1)), w)
    conf = rule.factor * weakest
    for w in doubt.values():
        conf *= w
    return max(conf.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("0.01"))


def _best_per_link(g: Graph, premises: list[Premise]) -> list[Premise]:
    """One premise per link of the chain: facts that join the same entities ("X is married to Y" in
    one comment, "Y is a close relative of X" in another; one post told in two wordings) are
    alternative tellings of one link, so the chain takes the best of them, not all of them (a post's
    role is left out of its ends: two posts at one body are one link between the person and the body)."""
    best: dict = {}
    for p in premises:
        # the role a post names is no end of the link: two wordings of one post join the same people
        ends = frozenset(e for e in _ends(g, p.assertions[0]) if (e, RDF.type, ORG.Role) not in g)
        key = ends if ends else p.key
        if key not in best or p.weight > best[key].weight:
            best[key] = p
    return list(best.values())


def telling(g: Graph, a, lex: Lexicon) -> Decimal:
    conf = g.value(a, TG.confidence)
    conf = Decimal(str(conf)) if conf is not None else Decimal("0.5")
    return conf * lex.status_weight.get(status_of(g, a), Decimal(1))


def _ends(g: Graph, a) -> set:
    """The entities an assertion connects (its n-ary node's members and organisation too)."""
    ends = {g.value(a, RDF.subject), g.value(a, RDF.object)}
    node = g.value(a, TG.about)
    if node is not None:
        ends |= {g.value(node, ORG.member), g.value(node, ORG.organization), g.value(node, PC.bidder)}
        ends |= set(g.subjects(PC.tender, node))
    return {e for e in ends if e is not None}


def _chain(g: Graph, premises: list[Premise], start, duty_evidence: set) -> list:
    """The assertions in reading order, the order a story is told: the duty first, then ties, posts,
    money, bids and buyers (PREDICATE_RANK); facts of one rank nearer the official (or the
    counterparty) first."""
    def rank(p: Premise):
        a = p.assertions[0]
        first = 0 if a in duty_evidence else PREDICATE_RANK.get(g.value(a, RDF.predicate), 20)
        return (first, str(a))

    # distance of each fact from the start, walking fact to fact through shared entities
    dist: dict = {}
    reached = {start} if start is not None else set()
    left = sorted(premises, key=rank)
    n = 0
    while left:
        layer = [p for p in left if any(_ends(g, a) & reached for a in p.assertions)] or left[:1]
        for p in layer:
            left.remove(p)
            dist[id(p)] = n
            for a in p.assertions:
                reached |= _ends(g, a)
        n += 1
    order = sorted(premises, key=lambda p: (rank(p)[0], dist[id(p)], rank(p)[1]))
    return [a for p in order for a in p.assertions]


def _reaches_used(ws: Workspace, g: Graph, f, chain: list) -> list[Reach]:
    """The sector link behind a finding (for the explanation): a duty its official holds reaches its
    contract, else its counterparty, connector or another party of the chain. One says why."""
    official = g.value(f, TG.official)
    targets = [g.value(f, TG.contract), g.value(f, TG.counterparty), g.value(f, TG.connector)]
    targets += [e for a in chain for e in sorted(_ends(g, a))]
    for target in targets:
        found = ws.sector_index.get((official, target))
        if found:
            return found[:1]
    return []
