"""out/graph.html: one self-contained, offline page to investigate the graph.

pyvis builds the vis-network nodes, edges and options and renders them through our Jinja
template (graph/static/graph.html.j2), which inlines vis-network from pyvis's bundled lib
folder: no CDN, no file beside the page. Everything the side panel shows (evidence
sentences, authors, findings) is read from the RDF graph and embedded once as JSON that
the page parses; the page builds its DOM with textContent only, so thread text can
never become markup.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATE = "graph.html.j2"

TG = Namespace("https://w3id.org/threadgraph/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")
SIOC = Namespace("http://rdfs.org/sioc/ns#")

# Above this many nodes the page draws straight edges and hides them while dragging.
LARGE = 300
# The side panel shows where an entity is named: at most this many messages, this much context.
MENTION_LIMIT = 5
MENTION_CONTEXT = 90
SCHEMA_MENTIONS = URIRef("http://schema.org/mentions")
# Layout scale in vis pixels: the mean link length, and the room an unlinked entity takes.
EDGE_PX = 150.0
SINGLE_PX = 65.0


def load_styles() -> dict:
    return json.loads((STATIC / "styles.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- public API


def write_html(g: Graph, G: nx.MultiDiGraph, path, *, title: str | None = None) -> Path:
    """Write the interactive page for the projection `G`, with evidence from `g`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(g, G, title=title), encoding="utf-8")
    return path


def render_html(g: Graph, G: nx.MultiDiGraph, *, title: str | None = None) -> str:
    import pyvis
    from pyvis.network import Network

    styles = load_styles()
    data, vis_nodes, vis_edges = page_data(g, G, styles)
    large = G.number_of_nodes() > LARGE

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for n in vis_nodes:
        net.add_node(n.pop("id"), label=n.pop("label"), shape=n.pop("shape"), color=n.pop("color"), **n)
    for e in vis_edges:
        net.add_edge(e.pop("from"), e.pop("to"), **e)
    net.options = vis_options(large)
    net.set_template_dir(str(STATIC), TEMPLATE)
    # Our template first; pyvis's template folder second, for its bundled lib/vis-9.1.2.
    net.templateEnv = Environment(loader=ChoiceLoader([
        FileSystemLoader(str(STATIC)),
        FileSystemLoader(str(Path(pyvis.__file__).parent / "templates")),
    ]))
    net.templateEnv.globals.update(
        tg_title=title or "threadgraph",
        tg_data=safe_json(data),
        tg_js=_inline_asset("graph.js", "</script"),
        tg_css=_inline_asset("graph.css", "</style"),
    )
    return net.generate_html()


def safe_json(obj) -> str:
    """JSON that can sit inside <script>: no '<', '>' or '&' survive, so neither
    '</script' nor '<!--' can occur, whatever the thread text says."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def vis_options(large: bool) -> dict:
    """Layout is computed in Python, so physics stays off and the page is usable at once."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "borderWidthSelected": 3,
                  "widthConstraint": {"maximum": 160}},  # long names wrap instead of overlapping
        "edges": {"smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.2},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "horizontal", "color": "#555555", "strokeWidth": 3},
                  "selectionWidth": 2, "hoverWidth": 1},
    }


# ---------------------------------------------------------------------------- views


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The node named `name` (preferred name or any alias, any case); a unique partial
    match otherwise. LookupError says what matched when it is not one entity."""
    want = _norm(name)
    exact, partial = [], []
    for n, d in G.nodes(data=True):
        names = [_norm(x) for x in _names(d)]
        if want in names:
            exact.append(n)
        elif any(want in x for x in names):
            partial.append(n)
    hits = exact or partial
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise LookupError(f"no entity is called {name!r}")
    if exact:  # the same name on several entities: the best connected one
        return max(exact, key=lambda n: (G.degree(n), str(n)))
    labels = sorted(str(G.nodes[n].get("label", n)) for n in hits)
    raise LookupError(f"{name!r} matches {len(hits)} entities: " + "; ".join(labels[:10]))


def subview(G: nx.MultiDiGraph, focus: str | None = None, hops: int = 1,
            min_confidence: float | None = None) -> nx.MultiDiGraph:
    """A smaller graph: edges at or above `min_confidence`, then the neighbourhood of
    `focus` (a node id) to `hops` steps, edge direction ignored."""
    H = G.copy()
    if min_confidence is not None:
        low = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
               if _float(d.get("confidence"), 1.0) < min_confidence]
        had_edges = {n for n in H if H.degree(n) > 0}
        H.remove_edges_from(low)
        H.remove_nodes_from([n for n in had_edges if H.degree(n) == 0 and n != focus])
    if focus is not None:
        keep = set(nx.single_source_shortest_path_length(H.to_undirected(as_view=True), focus, cutoff=hops))
        H = H.subgraph(keep).copy()
    return H


# ---------------------------------------------------------------------------- layout


def layout(G: nx.MultiDiGraph, seed: int = 7) -> dict:
    """Pixel positions: each connected component laid out by Fruchterman-Reingold (fixed
    seed, so rebuilds look the same) and packed in rows, biggest first; entities without
    links in a grid below them."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    linked, single = [], []
    for comp in comps:
        if len(comp) == 1:
            single.append(({comp[0]: (0.0, 0.0)}, SINGLE_PX, SINGLE_PX / 2))
            continue
        sub = U.subgraph(comp)
        raw = _force_layout(sub, comp, seed)
        # scale so that an average link is EDGE_PX long: labels stay apart in long chains too
        mean = sum(math.dist(raw[u], raw[v]) for u, v in sub.edges()) / sub.number_of_edges()
        k = EDGE_PX / max(mean, 1e-6)
        pts = {n: (x * k, y * k) for n, (x, y) in raw.items()}
        linked.append((pts, max(abs(x) for x, _ in pts.values()) + SINGLE_PX,
                       max(abs(y) for _, y in pts.values()) + SINGLE_PX))  # room for wrapped labels
    pos: dict = {}
    width = _pack(linked, 0.0, pos, None)
    top = max((y for _, y in pos.values()), default=-SINGLE_PX) + 2 * SINGLE_PX
    area = sum(4 * hw * hh for _, hw, hh in single)
    _pack(single, top, pos, max(width, math.sqrt(area) * 1.6))
    return pos


def _pack(blocks, top: float, pos: dict, width: float | None) -> float:
    """Shelf packing of (points, half width, half height) blocks into rows about as wide
    as the blocks are tall together; returns the row width used."""
    if not blocks:
        return width or 0.0
    area = sum(4 * hw * hh for _, hw, hh in blocks)
    width = width or max(2 * blocks[0][1], math.sqrt(area) * 1.5)  # screens are wide
    x, y, row_h = 0.0, top, 0.0
    for pts, hw, hh in blocks:
        if x > 0 and x + 2 * hw > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for n, (px, py) in pts.items():
            pos[n] = (round(x + hw + px, 1), round(y + hh + py, 1))
        x += 2 * hw
        row_h = max(row_h, 2 * hh)
    return width


def _force_layout(sub: nx.Graph, order: list, seed: int) -> dict:
    """Positions in [-1, 1]². igraph's C Fruchterman-Reingold lays out 2,000 nodes in a
    fraction of a second (networkx's takes several); networkx is the fallback."""
    try:
        import igraph
    except ImportError:  # pragma: no cover - igraph is in requirements.txt
        raw = nx.spring_layout(sub, seed=seed, iterations=50)
        return {n: (float(x), float(y)) for n, (x, y) in raw.items()}
    import random

    index = {n: i for i, n in enumerate(order)}
    h = igraph.Graph(n=len(order), edges=sorted((min(index[u], index[v]), max(index[u], index[v]))
                                                for u, v in sub.edges()))
    igraph.set_random_number_generator(random.Random(seed))  # deterministic, and no global state touched
    try:
        coords = h.layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    return {n: ((coords[i][0] - cx) / half, (coords[i][1] - cy) / half) for n, i in index.items()}


# ---------------------------------------------------------------------------- data


# Predicates read per assertion, made once (rdflib builds a new URIRef on every Namespace lookup).
P_KIND, P_CONFIDENCE, P_STATUS, P_RULE = TG.relationKind, TG.confidence, TG.status, TG.rule
P_SENTENCE, P_DERIVED, P_SELECTOR = TG.sentence, PROV.wasDerivedFrom, OA.hasSelector
P_START, P_END, P_EXACT, P_PREFIX = OA.start, OA.end, OA.exact, OA.prefix
DETAILS = ((TG.roleLabel, "role"), (TG.current, "current"), (TG.familyRelation, "family relation"),
           (TG.share, "share"), (TG.bidStatus, "bid status"), (TG.onBehalfOf, "on behalf of"),
           (TG.legalAction, "action"), (TG.matter, "matter"), (TG.collaborationForm, "form"),
           (TG.changeKind, "change"), (DCTERMS.date, "date"))


@dataclass
class _Ctx:
    g: Graph
    G: nx.MultiDiGraph
    styles: dict
    messages: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)

    def label(self, node) -> str:
        if node not in self.labels:
            self.labels[node] = _label(self.g, node)
        return self.labels[node]


def page_data(g: Graph, G: nx.MultiDiGraph, styles: dict | None = None):
    """(page JSON, vis nodes, vis edges) for the nodes and edges of `G`."""
    styles = styles or load_styles()
    ctx = _Ctx(g, G, styles)
    pos = layout(G)
    cats, rels = styles["categories"], styles["relations"]
    degree = dict(G.degree())

    nodes, vis_nodes = {}, []
    for n, d in G.nodes(data=True):
        nid = str(n)
        cat = category(d, styles)
        label = str(d.get("label") or _label(g, n) or nid)
        aliases = [a for a in _split_aliases(d.get("aliases")) if a != label]
        nodes[nid] = {"label": label, "category": cat, "type": d.get("type") or "",
                      "kind": d.get("kind") or "", "aliases": aliases,
                      "mentions": _int(d.get("mentions")), "degree": degree.get(n, 0),
                      "seen": _mentioned_in(ctx, n, [label, *aliases])}
        style = cats.get(cat, cats["organisation"])
        x, y = pos.get(n, (0.0, 0.0))
        vis_nodes.append({"id": nid, "label": label, "shape": style["shape"],
                          "color": style["color"], "size": round(9 + 4 * math.sqrt(degree.get(n, 0)), 1),
                          "x": x, "y": y, "title": f"{label} ({cats.get(cat, {}).get('label', cat)})"})

    findings = _findings(ctx)
    by_pair: dict[tuple[str, str], list[str]] = {}
    for f in findings.values():
        by_pair.setdefault((f["official"], f["counterparty"]), []).append(f["id"])

    edges, vis_edges, assertion_ids = {}, [], set()
    label_edges = G.number_of_edges() <= LARGE
    parallel: dict[frozenset, int] = {}
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        eid = f"e{i}"
        kind = str(d.get("kind") or "")
        is_finding = bool(d.get("finding")) or kind == "conflict_of_interest"
        fid = _finding_for_edge(str(u), str(v), k, d, by_pair, findings) if is_finding else None
        f = findings.get(fid) if fid else None
        assertions = f["steps"] if f else str(d.get("assertions") or "").split()
        assertion_ids.update(assertions)
        conf = _float(d.get("confidence"), None)
        if conf is None and f:
            conf = f["confidence"]
        status = _status(d.get("status")) if not f else "asserted"
        label = str(d.get("label") or rels.get(kind, {}).get("label", kind))
        edges[eid] = {"from": str(u), "to": str(v), "kind": kind, "label": label,
                      "confidence": conf, "status": status, "assertions": assertions,
                      "evidence": _int(d.get("evidence")) or len(assertions), "finding": fid}
        if f:
            f["edge"] = eid
        color = rels.get(kind, {}).get("color", styles["unknown_relation_color"])
        pair = frozenset((str(u), str(v)))
        nth = parallel.get(pair, 0)
        parallel[pair] = nth + 1
        ve = {"id": eid, "from": str(u), "to": str(v), "color": {"color": color, "highlight": color, "hover": color},
              "title": f"{nodes[str(u)]['label']} — {label} — {nodes[str(v)]['label']}"
                       + (f" (confidence {conf:.2f}, {status})" if conf is not None else f" ({status})")}
        if is_finding:
            ve.update(width=styles["finding_width"], label="conflict of interest",
                      font={"color": color, "size": 12, "strokeWidth": 4},
                      shadow={"enabled": True, "color": "rgba(214,39,40,0.5)", "size": 12, "x": 0, "y": 0})
        else:
            ve.update(width=1 + 2 * (conf or 0), label=label if label_edges else "")
            if status in styles["dashed_statuses"]:
                ve["dashes"] = styles["dashed_statuses"][status]
            if status == "denied":
                ve["color"]["opacity"] = 0.45
        if nth:  # parallel edges: bend each one a little more so all stay visible
            ve["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                            "roundness": 0.3 * ((nth + 1) // 2)}
        vis_edges.append(ve)

    for f in findings.values():
        assertion_ids.update(f["steps"])
    shown_findings = [f for f in findings.values()
                      if f["edge"] or f["official"] in nodes or f["counterparty"] in nodes]
    assertions = {a: _assertion(ctx, URIRef(a)) for a in sorted(assertion_ids)}

    def present(values, table):
        return [{"key": k, "label": table.get(k, {}).get("label", k or "?"),
                 "color": table.get(k, {}).get("color", styles["unknown_relation_color"]),
                 "shape": table.get(k, {}).get("shape", ""),
                 "count": sum(1 for x in values if x == k)}
                for k in [k for k in table if k in set(values)] + sorted(set(values) - set(table))]

    data = {
        "nodes": nodes,
        "edges": edges,
        "assertions": assertions,
        "findings": sorted(shown_findings, key=lambda f: (-(f["confidence"] or 0), f["id"])),
        "categories": present([n["category"] for n in nodes.values()], cats),
        "kinds": present([e["kind"] for e in edges.values()], rels),
        "relationLabels": {k: v["label"] for k, v in rels.items()},
        "statuses": styles["statuses"],
        "dashes": styles["dashed_statuses"],
    }
    return data, vis_nodes, vis_edges


def category(d: dict, styles: dict) -> str:
    """person, company, public body, union/charity, party, media, contract, place or organisation."""
    typ = str(d.get("type") or "")
    if typ == "Organization" or (not typ and d.get("kind")):
        return styles["org_kinds"].get(str(d.get("kind") or "other"), "organisation")
    return styles["types"].get(typ, "organisation")


def _mentioned_in(ctx: _Ctx, node, names: list[str], limit: int = MENTION_LIMIT) -> list[dict]:
    """Where the text names an entity (schema:mentions), with the name highlighted in a
    window of its message: the trail for entities that no fact links yet."""
    names = sorted({x for x in names if x}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(x) for x in names), re.I) if names else None
    out = []
    for msg in sorted(ctx.g.subjects(SCHEMA_MENTIONS, URIRef(str(node))), key=str)[:limit]:
        info = _message(ctx, msg)
        content = info["content"]
        m = pattern.search(content) if pattern else None
        if m:
            a, b = m.span()
            lo, hi = max(0, a - MENTION_CONTEXT), min(len(content), b + MENTION_CONTEXT)
            before = ("\u2026" if lo else "") + content[lo:a]
            quote, after = content[a:b], content[b:hi] + ("\u2026" if hi < len(content) else "")
        else:
            before, quote, after = content[: 2 * MENTION_CONTEXT], "", ""
        out.append({"before": before, "quote": quote, "after": after,
                    **{k: v for k, v in info.items() if k != "content"}})
    return out


def _assertion(ctx: _Ctx, a: URIRef) -> dict:
    """One telling of a fact: the sentence split around the quoted span, who said it, when."""
    g = ctx.g
    props: dict = {}
    for p, o in g.predicate_objects(a):  # one pass over the node instead of a lookup per property
        props.setdefault(p, []).append(o)

    def one(p):
        v = props.get(p)
        return v[0] if v else None

    start = end = None
    exact = prefix = ""
    for sel in props.get(P_SELECTOR, []):
        sp = dict(g.predicate_objects(sel))
        if P_START in sp:
            start, end = _int(sp[P_START]), _int(sp.get(P_END))
        if P_EXACT in sp:
            exact, prefix = _str(sp[P_EXACT]), _str(sp.get(P_PREFIX))
    msg = _message(ctx, one(P_DERIVED))
    before, quote, after = split_evidence(_str(one(P_SENTENCE)), msg["content"], start, end, exact, prefix)
    details = []
    for pred, name in DETAILS:
        for o in props.get(pred, []):
            details.append([name, ctx.label(o) if isinstance(o, URIRef) else _str(o)])
    subj, obj = one(RDF.subject), one(RDF.object)
    info = {k: v for k, v in msg.items() if k != "content"}
    return {
        "kind": _str(one(P_KIND)),
        "subject": ctx.label(subj) if subj is not None else "",
        "object": ctx.label(obj) if isinstance(obj, URIRef) else _str(obj),
        "confidence": _float(one(P_CONFIDENCE), None),
        "status": _status(one(P_STATUS)),
        "rule": _str(one(P_RULE)),
        "before": before, "quote": quote, "after": after,
        **info,
        "details": details,
    }


def _message(ctx: _Ctx, msg) -> dict:
    """A message's text, author, time, id and thread title; read once per message."""
    if msg in ctx.messages:
        return ctx.messages[msg]
    g = ctx.g
    info = {"content": "", "author": "", "created": "", "message": "", "is_post": False, "thread": ""}
    if msg is not None:
        account = g.value(msg, SIOC.has_creator)
        thread = g.value(msg, SIOC.has_container)
        local = _str(g.value(msg, TG.localId))
        info = {
            "content": _str(g.value(msg, SIOC.content)),
            "author": _str(g.value(account, SIOC.name)) if account is not None else "",
            "created": _str(g.value(msg, DCTERMS.created)),
            "message": local,
            "is_post": local == "post",
            "thread": (_str(g.value(thread, DCTERMS.title)) or _str(g.value(thread, DCTERMS.source)))
            if thread is not None else "",
        }
    ctx.messages[msg] = info
    return info


def split_evidence(sentence: str, content: str, start: int | None, end: int | None,
                   exact: str = "", prefix: str = "") -> tuple[str, str, str]:
    """(before, quote, after) with before+quote+after == sentence where the quote can be
    placed in it. Done here in code points, so the page never has to translate
    offsets into JavaScript's UTF-16 units."""
    if sentence and content and start is not None and end is not None and 0 <= start <= end <= len(content):
        i = content.find(sentence)
        while i != -1:
            if i <= start and end <= i + len(sentence):
                return sentence[: start - i], sentence[start - i: end - i], sentence[end - i:]
            i = content.find(sentence, i + 1)
    quote = exact or (content[start:end] if content and start is not None and end is not None else "")
    if sentence and quote:
        hits = [m.start() for m in re.finditer(re.escape(quote), sentence)]
        if hits:
            tail = prefix[-20:]
            j = next((h for h in hits if tail and sentence[:h].endswith(tail)), hits[0])
            return sentence[:j], quote, sentence[j + len(quote):]
    if sentence:
        return sentence + (" … " if quote else ""), quote, ""
    return "", quote, ""


def _findings(ctx: _Ctx) -> dict[str, dict]:
    g = ctx.g
    out = {}
    for f in sorted(set(g.subjects(RDF.type, TG.ConflictOfInterest)), key=str):
        steps = []
        for s in g.objects(f, TG.step):
            a = g.value(s, TG.assertion)
            if a is not None:
                steps.append((_int(g.value(s, TG.order)), str(a)))
        chain = [a for _, a in sorted(steps)]
        for a in sorted(g.objects(f, PROV.wasDerivedFrom), key=str):
            if str(a) not in chain:
                chain.append(str(a))

        def role(pred):
            o = g.value(f, pred)
            return {"id": str(o), "label": _label(g, o)} if isinstance(o, URIRef) else None

        parties = {name: role(p) for name, p in (
            ("official", TG.official), ("publicBody", TG.publicBody), ("connector", TG.connector),
            ("counterparty", TG.counterparty), ("contract", TG.contract))}
        out[str(f)] = {
            "id": str(f),
            "kind": _str(g.value(f, TG.findingKind)),
            "rule": _str(g.value(f, TG.rule)),
            "parties": {k: v for k, v in parties.items() if v},
            "official": parties["official"]["id"] if parties["official"] else "",
            "counterparty": parties["counterparty"]["id"] if parties["counterparty"] else "",
            "duty": _str(g.value(f, TG.duty)),
            "basis": _str(g.value(f, TG.basis)),
            "confidence": _float(g.value(f, TG.confidence), None),
            "review": _str(g.value(f, TG.reviewStatus)),
            "explanation": _str(g.value(f, TG.explanation)),
            "steps": chain,
            "edge": None,
        }
    return out


def _finding_for_edge(u, v, key, d, by_pair, findings) -> str | None:
    """The finding an edge of the projection stands for: named on the edge where the
    projection names it, else the one finding between the same two entities."""
    for cand in (d.get("iri"), d.get("finding_iri"), key, *str(d.get("assertions") or "").split()):
        if cand is not None and str(cand) in findings:
            return str(cand)
    for fid in by_pair.get((u, v), []):
        if findings[fid]["edge"] is None:
            return fid
    return None


# ---------------------------------------------------------------------------- small helpers


def _inline_asset(name: str, closer: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    if closer in text.lower():
        raise ValueError(f"{name} must not contain {closer!r}: it is inlined into the page")
    return text


def _names(d: dict) -> list[str]:
    return [str(d.get("label") or "")] + _split_aliases(d.get("aliases"))


def _split_aliases(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple, set)):
        return sorted(str(x) for x in value)
    return [a.strip() for a in str(value).split(";") if a.strip()]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def _label(g: Graph, node) -> str:
    if node is None:
        return ""
    for p in (SKOS.prefLabel, URIRef("http://xmlns.com/foaf/0.1/name"), URIRef("http://rdfs.org/sioc/ns#name")):
        v = g.value(node, p)
        if v is not None:
            return str(v)
    return str(node).rsplit("/", 1)[-1]


def _status(v) -> str:
    s = str(v or "asserted").rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()
    return s if s in ("asserted", "reported", "hedged", "questioned", "denied") else "asserted"


def _str(v) -> str:
    return "" if v is None else str(v)


def _int(v) -> int:
    try:
        return int(v.toPython() if isinstance(v, Literal) else v)
    except (TypeError, ValueError):
        return 0


def _float(v, default):
    if v is None or v == "":
        return default
    try:
        return float(v.toPython() if isinstance(v, Literal) else v)
    except (TypeError, ValueError):
        return default


__all__ = ("write_html", "render_html", "page_data", "layout", "subview", "find_entity",
                          "split_evidence", "safe_json", "category")
