"""Benchmark: the embedded Oxigraph store against pure in-memory rdflib on a large graph.

Builds a graph of about --triples triples in the shape of ontology/README.md (threads,
comments, people, organisations, posts, family ties, contracts and bids, renamings,
findings, one assertion with selectors per telling; invented names, fresh IRIs), or
takes --graph FILE.ttl (e.g. a real build's out/graph.ttl), then prints, side by side:
load, each canned query of ontology/queries/ and Turtle export, with the ratio
rdflib / Oxigraph. Each rdflib query runs in a forked child and is stopped at
--rdflib-limit seconds (reported as "> limit"), so the run stays within minutes.

    python bench/bench_store.py                    # ~1 M triples
    python bench/bench_store.py --triples 200000   # quicker
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

from graph import sparql  # noqa: E402
from graph.store import open_store, write_store  # noqa: E402

from graph.iris import TURTLE_PREFIXES as PREFIXES  # noqa: E402  (the project's prefixes)

FIRST = ["Alma", "Bruno", "Cora", "Dmitri", "Edda", "Fenn", "Greta", "Hollis", "Ivo", "Juna", "Kasper", "Lio",
         "Mirela", "Noor", "Otto", "Pia", "Quill", "Rasa", "Soren", "Tilda", "Umar", "Vesna", "Wim", "Yara"]
LAST = ["Ardell", "Brisk", "Carrow", "Dunmore", "Elbury", "Fallow", "Garnet", "Holloway", "Inchley", "Jessop",
        "Kestle", "Lowther", "Marrick", "Nettle", "Orrin", "Penhale", "Quarry", "Rusk", "Stennet", "Tolley"]
ORG_WORDS = ["Harbour", "Granite", "Lantern", "Meridian", "Northgate", "Oakfield", "Pinewood", "Quayside",
             "Redbrook", "Silverton", "Thornbury", "Upland", "Vantage", "Westmoor"]
ORG_KINDS = [("Services Ltd", "company", "schema:Corporation"), ("Holdings", "company", "schema:Corporation"),
             ("Department", "government", "schema:GovernmentOrganization"),
             ("Inspectorate", "government", "schema:GovernmentOrganization"), ("Trust", "charity", "schema:NGO")]
ROLES = ["Chief Executive", "Director", "Deputy Managing Director", "Chair", "Minister", "Chief Inspector",
         "Operations Director", "Board Member", "Adviser", "Head of Procurement"]
FAMILY = [("schema:spouse", "spouse"), ("schema:sibling", "sibling"), ("schema:relatedTo", "relative")]
STATUSES = ["Asserted"] * 6 + ["Reported", "Hedged", "Questioned", "Denied"]
HANDLES = [f"reader{i}" for i in range(400)] + ["Anonymous"] * 50


def lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(path: Path, target: int, seed: int = 7) -> None:
    """Write a synthetic graph of about `target` triples to `path`."""
    rnd = random.Random(seed)
    threads = max(1, target // 420)  # each thread below comes to ~420 triples
    people = [f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}" for i in range(threads * 3)]
    orgs = []
    for i in range(threads * 2):
        suffix, kind, cls = rnd.choice(ORG_KINDS)
        orgs.append((f"{rnd.choice(ORG_WORDS)} {suffix} {i}", kind, cls))
    contracts = [f"contract for service {i}" for i in range(max(1, threads // 3))]
    n_assert = 0
    with open(path, "w", encoding="utf-8") as f:
        w = f.write
        w(PREFIXES)
        for i, name in enumerate(people):
            w(f"id:person-{i} a foaf:Person ; foaf:name {lit(name)} ; skos:prefLabel {lit(name)} .\n")
        for i, (name, kind, cls) in enumerate(orgs):
            w(f"id:org-{i} a org:FormalOrganization, {cls} ; skos:prefLabel {lit(name)} ; "
              f"skos:altLabel {lit(name.split()[0] + ' ' + str(i))} ; tg:orgKind {lit(kind)} .\n")
        for i, role in enumerate(ROLES):
            w(f"id:role-{i} a org:Role ; skos:prefLabel {lit(role)} .\n")
        for i, name in enumerate(contracts):
            buyer = rnd.randrange(len(orgs))
            w(f"id:contract-{i} a pc:Contract ; skos:prefLabel {lit(name)} ; pc:contractingAuthority id:org-{buyer} ; "
              f"tg:termYears {rnd.randint(2, 10)}.0 ; tg:lot \"Lot 1\", \"Lot 2\" ; pc:agreedPrice id:price-{i} .\n"
              f"id:price-{i} a gr:PriceSpecification ; gr:hasCurrencyValue {rnd.randint(1, 900)}000000.0 ; "
              f"gr:hasCurrency \"GBP\" ; tg:perPeriod \"year\" .\n")
        w('id:activity-bench a prov:Activity ; tg:rule "bench" ; tg:extractorVersion "0.1.0" .\n')
        for t in range(threads):
            w(f"id:thread-{t} a sioc:Thread ; dct:title \"Thread {t}\" ; dct:source \"bench/{t}.txt\" .\n")
            for m in range(11):
                msg = f"id:msg-{t}-{m}"
                handle = rnd.choice(HANDLES)
                text = f"Message {m} of thread {t}: " + " ".join(rnd.choice(LAST) for _ in range(25))
                cls = "sioct:BlogPost" if m == 0 else "sioct:Comment"
                reply = "" if m == 0 else f" ; sioc:reply_of id:msg-{t}-{rnd.randrange(m)}"
                w(f"{msg} a {cls} ; sioc:has_container id:thread-{t}{reply} ; sioc:content {lit(text)} ; "
                  f"sioc:has_creator id:account-{handle} ; dct:created \"2024-01-{1 + m:02d}\" ; tg:localId \"c{m}\" .\n")
                a = f"id:assertion-{t}-{m}"
                s, p, o, about, kind, extra = _fact(rnd, t, m, people, orgs, contracts)
                w(f"id:{s} {p} id:{o} .\n")
                if about:
                    w(about)
                status = rnd.choice(STATUSES)
                w(f"{a} a tg:Assertion ; rdf:subject id:{s} ; rdf:predicate {p} ; rdf:object id:{o} ; "
                  f"tg:relationKind \"{kind}\" ; tg:confidence {rnd.randint(30, 95) / 100} ; tg:status tg:{status} ; "
                  f"tg:rule \"{kind}.bench\" ; prov:wasDerivedFrom {msg} ; prov:wasGeneratedBy id:activity-bench ; "
                  f"tg:sentence {lit(text[:80])} ; oa:hasSelector {a}-pos, {a}-quote{extra} .\n"
                  f"{a}-pos a oa:TextPositionSelector ; oa:start 0 ; oa:end 40 .\n"
                  f"{a}-quote a oa:TextQuoteSelector ; oa:exact {lit(text[:40])} ; oa:prefix \"\" ; "
                  f"oa:suffix {lit(text[40:72])} .\n"
                  f"{msg} schema:mentions id:{s}, id:{o} .\n")
                n_assert += 1
            if t % 10 == 0:  # a finding resting on this thread's first three assertions
                fid = f"id:finding-{t}"
                w(f"{fid} a tg:ConflictOfInterest ; tg:findingKind \"inferred\" ; tg:rule \"coi-bench\" ; "
                  f"tg:official id:person-{rnd.randrange(len(people))} ; tg:counterparty id:org-{rnd.randrange(len(orgs))} ; "
                  f"tg:basis \"family tie\" ; tg:confidence 0.5 ; tg:reviewStatus \"candidate\" ; "
                  f"tg:explanation \"generated\" ; tg:step {fid}-step-1, {fid}-step-2, {fid}-step-3 .\n")
                for k in range(1, 4):
                    w(f"{fid}-step-{k} a tg:ChainStep ; tg:order {k} ; tg:assertion id:assertion-{t}-{k} .\n")
        for h in sorted(set(HANDLES)):
            w(f"id:account-{h} a sioc:UserAccount ; sioc:name {lit(h)} .\n")


def _fact(rnd, t, m, people, orgs, contracts):
    """One fact (subject, predicate, object, n-ary node Turtle, kind, assertion qualifiers)."""
    P, O, C = len(people), len(orgs), len(contracts)
    # a small neighbourhood per thread, so threads share entities and paths cross threads
    per = lambda n: (t * 3 + rnd.randrange(12)) % n  # noqa: E731
    orgi = lambda: (t * 2 + rnd.randrange(8)) % O  # noqa: E731
    r = rnd.random()
    if r < 0.35:
        p_, o_ = per(P), orgi()
        role, cur = rnd.randrange(len(ROLES)), rnd.choice(["true", "false"])
        mem = f"membership-{p_}-{o_}-{role}"
        return (f"person-{p_}", "org:memberOf", f"org-{o_}",
                f"id:{mem} a org:Membership ; org:member id:person-{p_} ; org:organization id:org-{o_} ; "
                f"org:role id:role-{role} ; tg:current {cur} .\n", "post",
                f" ; tg:about id:{mem} ; tg:roleLabel {lit(ROLES[role])} ; tg:current {cur}")
    if r < 0.45:
        pred, rel = rnd.choice(FAMILY)
        return (f"person-{per(P)}", pred, f"person-{per(P)}", "", "family", f" ; tg:familyRelation \"{rel}\"")
    if r < 0.62:
        o_, c_ = orgi(), (t // 3 + rnd.randrange(3)) % C
        st = rnd.choice(["bidding", "shortlisted", "preferred", "awarded", "withdrawn"])
        tender = f"tender-{o_}-{c_}"
        return (f"org-{o_}", "tg:bidFor", f"contract-{c_}",
                f"id:{tender} a pc:Tender ; pc:bidder id:org-{o_} ; tg:bidStatus \"{st}\" .\n"
                f"id:contract-{c_} pc:tender id:{tender} .\n", "bid", f" ; tg:about id:{tender} ; tg:bidStatus \"{st}\"")
    if r < 0.70:
        a, b = orgi(), orgi()
        return (f"org-{a}", "tg:partnerOf", f"org-{b}",
                f"id:collab-{a}-{b} a org:OrganizationalCollaboration ; org:hasMember id:org-{a}, id:org-{b} .\n",
                "partner", f" ; tg:about id:collab-{a}-{b}")
    if r < 0.75:
        a, b = orgi(), orgi()
        return (f"org-{a}", "tg:renamedTo", f"org-{b}",
                f"id:change-{a}-{b} a org:ChangeEvent ; org:originalOrganization id:org-{a} ; "
                f"org:resultingOrganization id:org-{b} ; tg:changeKind \"renamed\" .\n", "renamed",
                f" ; tg:about id:change-{a}-{b}")
    if r < 0.80:
        return (f"person-{per(P)}", "tg:replaces", f"person-{per(P)}", "", "replaces", "")
    if r < 0.83:
        return (f"person-{per(P)}", "tg:statedConflictWith", f"org-{orgi()}", "", "coi_stated", "")
    if r < 0.92:
        return (f"person-{per(P)}", "tg:paidBy", f"org-{orgi()}", "", "paid_by", "")
    return (f"person-{per(P)}", "tg:lobbied", f"org-{orgi()}", "", "lobbied", "")


def sample_params(store) -> dict[str, dict[str, str]]:
    """Parameters for each canned query: the best-connected person and organisation."""
    def first(query: str, var: str, default: str = "") -> str:
        for row in store.query(query):
            return row[var].value
        return default

    top = lambda cls: first(  # noqa: E731
        f"SELECT ?l (COUNT(*) AS ?n) WHERE {{ ?e a <{cls}> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l . "
        f"?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e }} GROUP BY ?l ORDER BY DESC(?n) LIMIT 1", "l")
    person, org = top("http://xmlns.com/foaf/0.1/Person"), top("http://www.w3.org/ns/org#FormalOrganization")
    handle = first("SELECT ?h WHERE { ?a <http://rdfs.org/sioc/ns#name> ?h } ORDER BY ?h LIMIT 1", "h")
    # an organisation a few facts away from the person, for a shortest path worth searching
    far = first(f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?l WHERE {{
          ?e <http://www.w3.org/2004/02/skos/core#prefLabel> {sparql.sparql_literal(person)} .
          ?a1 rdf:subject|rdf:object ?e . ?a1 rdf:subject|rdf:object ?x1 . FILTER(?x1 != ?e)
          ?a2 rdf:subject|rdf:object ?x1 . ?a2 rdf:subject|rdf:object ?x2 . FILTER(?x2 != ?x1)
          ?a3 rdf:subject|rdf:object ?x2 . ?a3 rdf:subject|rdf:object ?x3 . FILTER(?x3 != ?x2)
          ?a4 rdf:subject|rdf:object ?x3 . ?a4 rdf:subject|rdf:object ?x4 .
          ?x4 a <http://www.w3.org/ns/org#FormalOrganization> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l
        }} LIMIT 1""", "l", org)
    return {"entity": {"name": person}, "posts": {"name": org}, "family": {"name": person},
            "contracts": {"name": org}, "conflicts": {}, "changes": {"name": org},
            "shortest-path": {"from": person, "to": far}, "review": {"threshold": "0.4"},
            "commenters": {"commenter": handle}, "lookup": {"name": person}}


# --- rdflib as an engine for the same canned queries

def _to_ox(t):
    if t is None:
        return None
    if isinstance(t, rdflib.URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, rdflib.BNode):
        return ox.BlankNode(str(t))
    if t.language:
        return ox.Literal(str(t), language=t.language)
    return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None)


def rdflib_select(g: rdflib.Graph):
    def select(text: str) -> sparql.Result:
        res = g.query(text)
        if res.type == "ASK":
            return sparql.Result("ask", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return sparql.Result("graph", triples=list(res))
        names = [str(v) for v in res.vars]
        return sparql.Result("select", vars=names, rows=[tuple(_to_ox(r[v]) for v in names) for r in res])
    return select


_GRAPH: rdflib.Graph | None = None  # shared with forked children (copy-on-write)


def _child(conn, name, params):
    t0 = time.perf_counter()
    canned = sparql.load_canned(name)
    res = sparql.run_canned_query(rdflib_select(_GRAPH), canned, params)
    conn.send((time.perf_counter() - t0, len(res.rows)))


def rdflib_query(name, params, limit):
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_child, args=(child, name, params))
    proc.start()
    if parent.poll(limit):
        out = parent.recv()
        proc.join()
        return out
    proc.kill()
    proc.join()
    return None, None


def main() -> None:
    global _GRAPH
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_050_000, help="size of the generated graph")
    ap.add_argument("--graph", type=Path, help="benchmark this Turtle file instead of a generated one")
    ap.add_argument("--rdflib-limit", type=float, default=20.0, help="seconds before an rdflib query is stopped")
    ap.add_argument("--no-rdflib", action="store_true", help="only the Oxigraph column")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_store_"))
    ttl = args.graph or tmp / "graph.ttl"
    if not args.graph:
        t0 = time.perf_counter()
        generate(ttl, args.triples)
        print(f"generated {ttl} ({ttl.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f} s", flush=True)

    rows: list[tuple[str, float | None, float | None, str]] = []
    t0 = time.perf_counter()
    store_dir = write_store(ttl, tmp / "store")
    ox_load = time.perf_counter() - t0
    store = open_store(store_dir)
    n = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    print(f"{n:,} triples; Oxigraph store written in {ox_load:.1f} s", flush=True)
    params = sample_params(store)

    if not args.no_rdflib:
        t0 = time.perf_counter()
        _GRAPH = rdflib.Graph().parse(ttl, format="turtle")
        rdf_load = time.perf_counter() - t0
        print(f"rdflib parsed it in {rdf_load:.1f} s", flush=True)
    else:
        rdf_load = None
    rows.append(("load Turtle", ox_load, rdf_load, ""))

    for c in sparql.list_canned():
        p = params.get(c.name, {})
        t0 = time.perf_counter()
        res = sparql.run_canned(store, c.name, p)
        ox_t = time.perf_counter() - t0
        rd_t, rd_rows = (None, None) if args.no_rdflib else rdflib_query(c.name, p, args.rdflib_limit)
        same = "" if rd_rows is None else ("same rows" if rd_rows == len(res.rows) else f"rdflib {rd_rows} rows!")
        rows.append((f"query {c.name} ({len(res.rows)} rows)", ox_t, rd_t if rd_t is not None else
                     (None if args.no_rdflib else float("inf")), same))
        print(f"  {c.name}: oxigraph {ox_t:.3f} s, rdflib {_fmt(rows[-1][2], args.rdflib_limit)}", flush=True)

    t0 = time.perf_counter()
    store.dump(output=str(tmp / "export_ox.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    ox_exp = time.perf_counter() - t0
    rd_exp = None
    if _GRAPH is not None:
        t0 = time.perf_counter()
        _GRAPH.serialize(tmp / "export_rdflib.ttl", format="turtle")
        rd_exp = time.perf_counter() - t0
    rows.append(("export Turtle", ox_exp, rd_exp, ""))

    print(f"\n{n:,} triples ({'generated' if not args.graph else args.graph}); seconds; ratio = rdflib / Oxigraph\n")
    print(f"{'step':44} {'oxigraph':>9} {'rdflib':>9} {'ratio':>8}  note")
    for name, a, b, note in rows:
        ratio = "" if b is None else (f">{args.rdflib_limit / a:.0f}x" if b == float("inf") else f"{b / a:.1f}x")
        print(f"{name:44} {a:9.3f} {_fmt(b, args.rdflib_limit):>9} {ratio:>8}  {note}")
    print(f"\n(files in {tmp}; delete when done)")


def _fmt(x, limit):
    if x is None:
        return "-"
    if x == float("inf"):
        return f">{limit:g}"
    return f"{x:.3f}"


if __name__ == "__main__":
    main()
