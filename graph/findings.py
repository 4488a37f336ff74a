"""Findings in plain English: each finding's explanation, and out/findings.md.

Written for a reader who has not seen the threads: who, with what public duty, connected to which
counterparty, through what, about which contract - then every piece of evidence, quoted in its
sentence, with where it was said, how surely, and by whom.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef

from graph.infer import (DCT, ORG, PC, PROV, SCHEMA, TG, is_former, label, status_of)

OA = Namespace("http://www.w3.org/ns/oa#")
SIOC = Namespace("http://rdfs.org/sioc/ns#")

# strongest first: how firmly the text holds a fact
STATUS_ORDER = ("asserted", "reported", "hedged", "questioned", "denied")
CAUTION = {
    "reported": "the text reports second-hand that {}",
    "hedged": "the text only hedges that {}",
    "questioned": "the text asks, rather than asserts, that {}",
    "denied": "the text denies that {}",
}
BID_PHRASE = {
    "awarded": "has been awarded", "preferred": "is preferred bidder for", "shortlisted": "is shortlisted for",
    "withdrawn": "withdrew its bid for", "bidding": "is bidding for",
}


# ---------------------------------------------------------------- one fact, one sentence

def fact_sentence(g: Graph, a) -> str:
    """What one assertion says, as a short English clause (no full stop)."""
    s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
    node = g.value(a, TG.about)
    if node is not None and (node, RDF.type, ORG.Membership) in g:
        return _post_sentence(g, a, node)
    S, O = (label(g, s) if s is not None else "someone"), (label(g, o) if o is not None else "")
    if p == SCHEMA.spouse:
        return f"{S} is married to {O}"
    if p == SCHEMA.sibling:
        return f"{S} and {O} are siblings"
    if p == SCHEMA.parent:
        return f"{O} is a parent of {S}"
    if p == SCHEMA.children:
        return f"{O} is a child of {S}"
    if p == SCHEMA.relatedTo:
        rel = g.value(a, TG.familyRelation)
        rel = str(rel) if rel is not None and str(rel) not in ("relative", "relatedTo") else "relative"
        return f"{S} is a {rel} of {O}"
    if p == TG.bidFor:
        status = g.value(a, TG.bidStatus) or (g.value(node, TG.bidStatus) if node is not None else None)
        return f"{S} {BID_PHRASE.get(str(status), 'is bidding for')} {O}"
    if p == PC.contractingAuthority:
        return f"{O} is the buyer of {S}"
    if p == TG.partnerOf:
        return f"{S} is a partner of {O}"
    if p == TG.ownedBy:
        share = str(g.value(a, TG.share) or "")
        return f"{S} is {'part ' if share == 'part' else ''}owned by {O}" if share else f"{S} is owned, at least in part, by {O}"
    if p == ORG.subOrganizationOf:
        return f"{S} is part of {O}"
    if p == TG.paidBy:
        return f"{S} is paid by {O}"
    if p == TG.consultantTo:
        return f"{S} is a consultant to {O}"
    if p in (TG.lobbied, TG.recommended, TG.referred):
        verb = {TG.lobbied: "lobbied", TG.recommended: "recommended", TG.referred: "referred"}[p]
        behalf = g.value(a, TG.onBehalfOf)
        return f"{S} {verb} {O}" + (f" on behalf of {label(g, behalf)}" if behalf is not None else "")
    if p == TG.statedConflictWith:
        return f"there is a conflict of interest between {S} and {O}"
    if p == TG.representsConstituency:
        return f"{S} is MP for {O}"
    if p == TG.memberOfParty:
        return f"{S} is a member of {O}"
    if p == ORG.memberOf:
        return f"{S} holds a post at {O}"
    name = str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] if p is not None else "is linked to"
    return f"{S} {name} {O}".strip()


def _post_sentence(g: Graph, a, m) -> str:
    who = label(g, g.value(m, ORG.member))
    org = g.value(m, ORG.organization)
    role = g.value(m, ORG.role)
    role_text = label(g, role) if role is not None else str(g.value(a, TG.roleLabel) or "")
    former = is_former(g, m)
    at = f" of {label(g, org)}" if org is not None else ""
    if role_text and who.lower().startswith(role_text.lower()):
        # "Chief Inspector of X married to ..." - resolution made a person of the post itself
        return f"the text names the {who} only by the post"
    if role_text:
        return f"{who} {'was formerly' if former else 'is'} {role_text}{at}"
    return f"{who} {'formerly worked' if former else 'works'} at {label(g, org) if org is not None else 'an organisation'}"


# ---------------------------------------------------------------- a finding's explanation

def explain(g: Graph, f: URIRef, chain: list, rule, notes: list[str]) -> str:
    """One paragraph: who, which duty, which counterparty, through what, which contract; why it
    matters; and which premises the text only hedges, questions or reports."""
    parts = [headline(g, f) + "."]
    said = []
    facts = _facts(g, chain)
    for sentence, _ in facts:
        if sentence not in said:
            said.append(sentence)
    parts += [_cap(s) + "." for s in said]
    parts += [_cap(n) for n in notes if n]
    parts.append(rule.why)
    cautions = [CAUTION[st].format(s) for s, st in facts
                if st in CAUTION and not s.startswith("the text names")]
    if cautions:
        parts.append("Caution: " + "; ".join(cautions) + ".")
    return " ".join(parts)


def headline(g: Graph, f: URIRef) -> str:
    kind = str(g.value(f, TG.findingKind) or "inferred")
    basis = str(g.value(f, TG.basis) or "")
    cp = g.value(f, TG.counterparty)
    contract = g.value(f, TG.contract)
    about = f", over {label(g, contract)}" if contract is not None else ""
    opener = "The text states a possible conflict of interest" if kind == "stated" else \
        f"Possible conflict of interest ({basis})"
    return f"{opener}: {who(g, f)} and {label(g, cp) if cp is not None else 'an unnamed party'}{about}"


def who(g: Graph, f: URIRef) -> str:
    official, body = g.value(f, TG.official), g.value(f, TG.publicBody)
    duties = sorted(str(d) for d in g.objects(f, TG.duty))
    duty = " and ".join(duties)
    if official is not None:
        name = label(g, official)
        duty = "" if duty.lower() == name.lower() else duty
        extra = ", ".join(x for x in (duty, label(g, body) if body is not None else "") if x)
        return name + (f" ({extra})" if extra else "")
    if body is not None:
        return f"{label(g, body)}" + (f" ({duty})" if duty else "")
    return "an unnamed official"


def _facts(g: Graph, chain: list) -> list[tuple[str, str]]:
    """(sentence, strongest status) per fact, in chain order."""
    order: list[str] = []
    best: dict[str, str] = {}
    for a in chain:
        s = fact_sentence(g, a)
        st = status_of(g, a)
        if s not in best:
            order.append(s)
            best[s] = st
        elif STATUS_ORDER.index(st) < STATUS_ORDER.index(best[s]):
            best[s] = st
    return [(s, best[s]) for s in order]


def reach_note(g: Graph, reach) -> str:
    """Why a target falls within a duty found by sector words."""
    where = reach.where or ""
    if len(where) > 160:
        i = where.lower().find(reach.term or "")
        lo = max(0, i - 70)
        where = ("…" if lo else "") + where[lo:lo + 150].strip() + "…"
    return (f"{label(g, reach.target)} falls within the remit of {reach.duty.label}: "
            f"the text ties it to “{reach.term}” (“{where}”).")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------- the report

def findings_in(g: Graph) -> list[URIRef]:
    """Every finding, strongest first: confirmed, then by confidence."""
    def key(f):
        status = str(g.value(f, TG.reviewStatus) or "candidate")
        return ({"confirmed": 0, "candidate": 1, "dismissed": 2}.get(status, 1),
                -Decimal(str(g.value(f, TG.confidence) or 0)), str(f))
    return sorted(set(g.subjects(RDF.type, TG.ConflictOfInterest)), key=key)


def steps(g: Graph, f: URIRef) -> list:
    """The chain's assertions in order."""
    ordered = sorted(g.objects(f, TG.step), key=lambda s: int(g.value(s, TG.order) or 0))
    return [g.value(s, TG.assertion) for s in ordered]


def short_id(f) -> str:
    return str(f).rsplit("/", 1)[-1]


def write_report(g: Graph, path) -> Path:
    """out/findings.md: stated findings, then inferred ones, strongest first; dismissed ones last."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(g), encoding="utf-8")
    return path


def render_report(g: Graph) -> str:
    all_f = findings_in(g)
    status = {f: str(g.value(f, TG.reviewStatus) or "candidate") for f in all_f}
    live = [f for f in all_f if status[f] != "dismissed"]
    stated = [f for f in live if str(g.value(f, TG.findingKind)) == "stated"]
    inferred = [f for f in live if str(g.value(f, TG.findingKind)) != "stated"]
    dismissed = [f for f in all_f if status[f] == "dismissed"]
    threads = len(set(g.subjects(RDF.type, SIOC.Thread)))
    counts = Counter(status.values())

    out = ["# Possible conflicts of interest", ""]
    out.append(f"From {threads} thread{'s' if threads != 1 else ''}: {len(stated)} stated in the text, "
               f"{len(inferred)} inferred from the graph"
               + (f", {counts['confirmed']} confirmed by a reviewer" if counts["confirmed"] else "")
               + (f", {len(dismissed)} dismissed" if dismissed else "") + ".")
    out += ["", "*Stated* findings are conflicts the writers themselves point out. *Inferred* findings are "
            "patterns the rules in `ontology/rules/` found by joining facts that may come from different "
            "comments. Each finding shows its evidence in order, quoted in the sentence it comes from, with "
            "how firmly the text holds it (asserted, reported, hedged, questioned). A finding is a lead to "
            "check, not a verdict: its confidence is the rule's own weight times its weakest premise, lowered "
            "where a comment only reports, hedges or asks. "
            "Record your judgement with `threadgraph findings confirm ID --note \"…\"` or "
            "`threadgraph findings dismiss ID --note \"…\"`; later builds keep it.", ""]
    if not live:
        out += ["No conflicts of interest were found.", ""]
    else:  # an index first, so a reader sees the whole list before the evidence
        ordered = stated + inferred
        out += [f"{i}. {_title(g, f)} — confidence {g.value(f, TG.confidence)}"
                + (f", {status[f]}" if status[f] != "candidate" else "") for i, f in enumerate(ordered, 1)]
        out.append("")
    n = 0
    for title, group in (("Stated in the text", stated), ("Inferred from the graph", inferred)):
        if not group:
            continue
        out += [f"## {title}", ""]
        for f in group:
            n += 1
            out += _entry(g, f, n, _related(g, f, stated + inferred))
    if dismissed:
        out += ["## Dismissed by a reviewer", ""]
        for f in dismissed:
            note = g.value(f, TG.reviewNote)
            out.append(f"- `{short_id(f)}` — {headline(g, f)}" + (f". Note: {note}" if note else ""))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _parties(g: Graph, f: URIRef) -> set:
    """Everyone a finding involves: its named parties and every end of its chain."""
    out = {g.value(f, p) for p in (TG.official, TG.publicBody, TG.connector, TG.counterparty, TG.contract)}
    for a in steps(g, f):
        out |= {g.value(a, RDF.subject), g.value(a, RDF.object)}
    return {x for x in out if x is not None}


def _related(g: Graph, f: URIRef, listed: list[URIRef]) -> list[int]:
    """Numbers of the other findings of the other kind about the same official and a shared party:
    a stated conflict that a rule also finds (or the reverse) corroborates it."""
    kind, official = g.value(f, TG.findingKind), g.value(f, TG.official)
    if official is None:
        return []
    mine = _parties(g, f) - {official}
    return [i for i, h in enumerate(listed, 1)
            if h != f and g.value(h, TG.findingKind) != kind and g.value(h, TG.official) == official
            and mine & (_parties(g, h) - {official})]


def _entry(g: Graph, f: URIRef, n: int, related: list[int] = ()) -> list[str]:
    conf = g.value(f, TG.confidence)
    status = str(g.value(f, TG.reviewStatus) or "candidate")
    lines = [f"### {n}. {_title(g, f)}", "",
             f"Confidence **{conf}** · status **{status}** · {g.value(f, TG.findingKind)} "
             f"(rule `{g.value(f, TG.rule)}`) · id `{short_id(f)}`", ""]
    note = g.value(f, TG.reviewNote)
    if note:
        lines += [f"Reviewer's note: {note}", ""]
    lines += [str(g.value(f, TG.explanation) or ""), ""]
    if related:
        other = "inferred by the rules" if str(g.value(f, TG.findingKind)) == "stated" else "stated in the text"
        lines += [f"Also {other}: see {', '.join(f'no. {i}' for i in related)}.", ""]
    lines += ["Evidence, in order:", ""]
    for i, a in enumerate(steps(g, f), 1):
        lines += _evidence(g, a, i)
    lines.append("")
    return lines


def _title(g: Graph, f: URIRef) -> str:
    official, body, cp = g.value(f, TG.official), g.value(f, TG.publicBody), g.value(f, TG.counterparty)
    first = official if official is not None else body
    basis = str(g.value(f, TG.basis) or "")
    return f"{label(g, first) if first is not None else 'Unnamed'} — {basis} — {label(g, cp) if cp is not None else '?'}"


def _evidence(g: Graph, a, i: int) -> list[str]:
    quote = sentence = ""
    for sel in g.objects(a, OA.hasSelector):
        exact = g.value(sel, OA.exact)
        if exact is not None:
            quote = str(exact)
    sentence = str(g.value(a, TG.sentence) or quote)
    shown = sentence.replace(quote, f"**{quote}**", 1) if quote and quote in sentence else sentence
    msg = g.value(a, PROV.wasDerivedFrom)
    where = _where(g, msg) if msg is not None else "source not recorded"
    conf = g.value(a, TG.confidence)
    return [f"{i}. {_cap(fact_sentence(g, a))} — {status_of(g, a)}, confidence {conf}",
            f"   > {' '.join(shown.split())}",
            f"   — {where}", ""]


def _where(g: Graph, msg) -> str:
    local = g.value(msg, TG.localId)
    kind = "the article" if str(local) == "post" or (msg, RDF.type, URIRef("http://rdfs.org/sioc/types#BlogPost")) in g \
        else f"comment {local}" if local is not None else "a message"
    acct = g.value(msg, SIOC.has_creator)
    author = g.value(acct, SIOC.name) if acct is not None else None
    created = g.value(msg, DCT.created)
    thread = g.value(msg, SIOC.has_container)
    title = g.value(thread, DCT.title) if thread is not None else None
    source = g.value(thread, DCT.source) if thread is not None else None
    bits = [kind + (f" by {author}" if author else "") + (f", {created}" if created else "")]
    if title or source:
        bits.append("thread " + (f"“{title}”" if title else "") + (f" ({source})" if source else ""))
    return " · ".join(bits)
