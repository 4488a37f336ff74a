"""Writes the Turtle fixtures in this folder from the small invented threads below.

Run `python tests/data/findings/make_fixtures.py` after changing a scenario. The Turtle follows
ontology/README.md (IRIs, direct triples, n-ary nodes, one tg:Assertion per evidence span with
position and quote selectors), so the rules see what a real build writes. Every name is invented.

A fact is (kind, subject, object, qualifiers, comment, quote): the quote must occur in that comment's
text; its offsets and sentence are computed here.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

from graph.iris import TURTLE_PREFIXES as PREFIXES  # noqa: E402  (the project's prefixes)

ORG_CLASS = {"government": "schema:GovernmentOrganization", "company": "schema:Corporation",
             "charity": "schema:NGO", "union": "schema:WorkersUnion", "party": "tg:PoliticalParty"}
FAMILY_PRED = {"spouse": "schema:spouse", "sibling": "schema:sibling", "parent": "schema:parent",
               "child": "schema:children", "relative": "schema:relatedTo"}
SIMPLE_PRED = {"owned_by": "tg:ownedBy", "unit_of": "org:subOrganizationOf", "buyer": "pc:contractingAuthority",
               "paid_by": "tg:paidBy", "consultant_to": "tg:consultantTo", "lobbied": "tg:lobbied",
               "mp_for": "tg:representsConstituency", "coi_stated": "tg:statedConflictWith",
               "partner": "tg:partnerOf"}
STATUS = {"asserted": "tg:Asserted", "reported": "tg:Reported", "hedged": "tg:Hedged",
          "questioned": "tg:Questioned", "denied": "tg:Denied"}


def h(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    s = max((m.end() for m in re.finditer(r"[.!?]\s+", text[:start])), default=0)
    m = re.search(r"[.!?](\s|$)", text[end:])
    e = end + m.end() if m else len(text)
    return s, len(text[:e].rstrip())


def build(sc: dict) -> str:
    thread = sc["thread"]
    out = [PREFIXES]
    t = f"id:thread-{h(thread)}"
    out.append(f"{t} a sioc:Thread ; dct:title {lit(sc['title'])} ; dct:source {lit('tests/' + thread + '.txt')} .")
    msgs = {}
    for mid, author, created, text in sc["messages"]:
        iri = f"id:post-{h(thread, mid)}" if mid == "post" else f"id:comment-{h(thread, mid)}"
        cls = "sioct:BlogPost" if mid == "post" else "sioct:Comment"
        acct = f"id:account-{h(author)}"
        reply = "" if mid == "post" else f" sioc:reply_of id:post-{h(thread, 'post')} ;"
        out.append(f"{iri} a {cls} ; sioc:has_container {t} ;{reply} sioc:content {lit(text)} ; "
                   f"sioc:has_creator {acct} ; dct:created {lit(created)} ; tg:localId {lit(mid)} .")
        out.append(f"{acct} a sioc:UserAccount ; sioc:name {lit(author)} .")
        msgs[mid] = (iri, text)
    ent = {}
    for key, name in sc.get("people", {}).items():
        ent[key] = f"id:person-{h(key)}"
        out.append(f"{ent[key]} a foaf:Person ; foaf:name {lit(name)} ; skos:prefLabel {lit(name)} .")
    for key, (name, kind) in sc.get("orgs", {}).items():
        ent[key] = f"id:org-{h(key)}"
        cls = ORG_CLASS.get(kind, "org:FormalOrganization")
        out.append(f"{ent[key]} a org:FormalOrganization, {cls} ; skos:prefLabel {lit(name)} ; tg:orgKind {lit(kind)} .")
    for key, name in sc.get("places", {}).items():
        ent[key] = f"id:place-{h(key)}"
        out.append(f"{ent[key]} a schema:Place ; skos:prefLabel {lit(name)} .")
    for key, name in sc.get("contracts", {}).items():
        ent[key] = f"id:contract-{h(key)}"
        out.append(f"{ent[key]} a pc:Contract ; skos:prefLabel {lit(name)} .")
    act = f"id:activity-{h('fixture', '0.1.0')}"
    out.append(f"{act} a prov:Activity ; skos:prefLabel \"fixture 0.1.0\" ; tg:rule \"fixture\" ; "
               f"tg:extractorVersion \"0.1.0\" .")
    names = {**sc.get("people", {}), **{k: v[0] for k, v in sc.get("orgs", {}).items()},
             **sc.get("places", {}), **sc.get("contracts", {})}

    for n, fact in enumerate(sc["facts"]):
        kind, s, o, q, mid, quote = fact
        status = q.pop("status", "asserted")
        conf = q.pop("confidence", "0.9")
        s_iri, o_iri = ent[s], (ent[o] if o else None)
        extra, about = [], None
        if kind == "post":
            role = q["role"]
            r = f"id:role-{h(role.lower())}"
            out.append(f"{r} a org:Role ; skos:prefLabel {lit(role)} .")
            about = f"id:membership-{h(s, o, role)}"
            cur = "true" if q.get("current", True) else "false"
            org_part = f" org:organization {o_iri} ;" if o_iri else ""
            where = f", {sc['orgs'][o][0]}" if o else ""
            out.append(f"{about} a org:Membership ; skos:prefLabel {lit(names[s] + ': ' + role + where)} ; "
                       f"org:member {s_iri} ;{org_part} org:role {r} ; tg:current {cur} .")
            if o_iri:
                out.append(f"{s_iri} org:memberOf {o_iri} .")
                pred = "org:memberOf"
            else:  # a role and no organisation: the writer's tg:holdsRole, object the role
                out.append(f"{s_iri} tg:holdsRole {r} .")
                pred, o_iri = "tg:holdsRole", r
            extra += [f"tg:roleLabel {lit(role)}", f"tg:current {cur}"]
        elif kind == "family":
            pred = FAMILY_PRED[q["relation"]]
            out.append(f"{s_iri} {pred} {o_iri} .")
            extra.append(f"tg:familyRelation {lit(q['relation'])}")
        elif kind == "bid":
            pred = "tg:bidFor"
            about = f"id:tender-{h(s, o)}"
            st = q["bid"]
            out.append(f"{s_iri} tg:bidFor {o_iri} .")
            out.append(f"{about} a pc:Tender ; skos:prefLabel {lit(names[s] + ': tender for ' + names[o])} ; "
                       f"pc:bidder {s_iri} ; tg:bidStatus {lit(st)} .")
            out.append(f"{o_iri} pc:tender {about} .")
            if st == "awarded":
                out.append(f"{o_iri} pc:awardedTender {about} .")
            extra.append(f"tg:bidStatus {lit(st)}")
        else:
            pred = SIMPLE_PRED[kind]
            out.append(f"{s_iri} {pred} {o_iri} .")
            if kind == "partner":
                about = f"id:collab-{h(*sorted((s, o)))}"
                out.append(f"{about} a org:OrganizationalCollaboration ; skos:prefLabel {lit(names[s] + ' and ' + names[o])} ; "
                           f"org:hasMember {s_iri}, {o_iri} ; tg:collaborationForm \"partnership\" .")
            if "share" in q:
                extra.append(f"tg:share {lit(q['share'])}")
            if "on_behalf_of" in q:
                extra.append(f"tg:onBehalfOf {ent[q['on_behalf_of']]}")
        msg_iri, text = msgs[mid]
        start = text.index(quote)
        end = start + len(quote)
        ss, se = sentence_around(text, start, end)
        a = f"id:assertion-{h(thread, mid, start, end, kind, s, o)}"
        lines = [f"{a} a tg:Assertion ;", f"    rdf:subject {s_iri} ; rdf:predicate {pred} ;"]
        if o_iri:
            lines.append(f"    rdf:object {o_iri} ;")
        if about:
            lines.append(f"    tg:about {about} ;")
        lines += [f"    tg:relationKind {lit(kind)} ;",
                  f"    tg:confidence \"{conf}\"^^xsd:decimal ; tg:status {STATUS[status]} ;",
                  f"    tg:rule {lit('fixture.' + kind)} ;",
                  f"    prov:wasDerivedFrom {msg_iri} ; prov:wasGeneratedBy {act} ;",
                  f"    tg:sentence {lit(text[ss:se])} ;"]
        lines += [f"    {e} ;" for e in extra]
        lines.append(f"    oa:hasSelector {a}-pos, {a}-quote .")
        out.append("\n".join(lines))
        out.append(f"{a}-pos a oa:TextPositionSelector ; oa:start {start} ; oa:end {end} .")
        out.append(f"{a}-quote a oa:TextQuoteSelector ; oa:exact {lit(quote)} ; "
                   f"oa:prefix {lit(text[max(0, start - 20):start])} ; oa:suffix {lit(text[end:end + 20])} .")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------- scenarios

RELATIVE = {
    "thread": "relative", "title": "Who inspects the prison escort bidders?",
    "messages": [
        ("post", "Editor", "2031-03-01T09:00:00", "Castlegate Custodial Services is preferred bidder for the prison "
         "escort contract. The Ministry of Corrections awards the prison escort contract this spring. "
         "Northgate Security is shortlisted for the prison escort contract."),
        ("c1", "watcher", "2031-03-01T10:00:00", "Olivia Brandt, the Chief Inspector of Prisons, is married to "
         "Martin Brandt. Martin Brandt is Managing Director of Castlegate Custodial Services."),
        ("c2", "quill", "2031-03-01T11:00:00", "Derek Hollis is Procurement Director at the Department of Roads. "
         "His sister Fiona Hollis is Chair of Bramble Bakeries."),
        ("c3", "moth", "2031-03-01T12:00:00", "Nadia Quist, Commissioner of Fisheries, is the sister of Tom Quist. "
         "Tom Quist is Chief Executive of Castlegate Custodial Services."),
        ("c4", "heron", "2031-03-01T13:00:00", "Priya Lamb is Commercial Director at the Ministry of Corrections. "
         "Her brother Oscar Lamb is Finance Director of Northgate Security. Her husband Gerald Lamb is a cashier "
         "at Castlegate Custodial Services."),
    ],
    "people": {"brandt_o": "Olivia Brandt", "brandt_m": "Martin Brandt", "hollis_d": "Derek Hollis",
               "hollis_f": "Fiona Hollis", "quist_n": "Nadia Quist", "quist_t": "Tom Quist",
               "lamb_p": "Priya Lamb", "lamb_o": "Oscar Lamb", "lamb_g": "Gerald Lamb"},
    "orgs": {"castlegate": ("Castlegate Custodial Services", "company"), "moc": ("Ministry of Corrections", "government"),
             "northgate": ("Northgate Security", "company"), "roads": ("Department of Roads", "government"),
             "bramble": ("Bramble Bakeries", "company")},
    "contracts": {"escort": "the prison escort contract"},
    "facts": [
        ("bid", "castlegate", "escort", {"bid": "preferred"}, "post",
         "Castlegate Custodial Services is preferred bidder for the prison escort contract"),
        ("buyer", "escort", "moc", {}, "post", "The Ministry of Corrections awards the prison escort contract"),
        ("bid", "northgate", "escort", {"bid": "shortlisted"}, "post",
         "Northgate Security is shortlisted for the prison escort contract"),
        ("post", "brandt_o", None, {"role": "Chief Inspector of Prisons"}, "c1",
         "Olivia Brandt, the Chief Inspector of Prisons"),
        ("family", "brandt_o", "brandt_m", {"relation": "spouse"}, "c1", "Olivia Brandt, the Chief Inspector of "
         "Prisons, is married to Martin Brandt"),
        ("post", "brandt_m", "castlegate", {"role": "Managing Director"}, "c1",
         "Martin Brandt is Managing Director of Castlegate Custodial Services"),
        ("post", "hollis_d", "roads", {"role": "Procurement Director"}, "c2",
         "Derek Hollis is Procurement Director at the Department of Roads"),
        ("family", "hollis_f", "hollis_d", {"relation": "sibling"}, "c2", "His sister Fiona Hollis"),
        ("post", "hollis_f", "bramble", {"role": "Chair"}, "c2", "Fiona Hollis is Chair of Bramble Bakeries"),
        ("post", "quist_n", None, {"role": "Commissioner of Fisheries"}, "c3", "Nadia Quist, Commissioner of Fisheries"),
        ("family", "quist_n", "quist_t", {"relation": "sibling"}, "c3", "is the sister of Tom Quist"),
        ("post", "quist_t", "castlegate", {"role": "Chief Executive"}, "c3",
         "Tom Quist is Chief Executive of Castlegate Custodial Services"),
        ("post", "lamb_p", "moc", {"role": "Commercial Director"}, "c4",
         "Priya Lamb is Commercial Director at the Ministry of Corrections"),
        ("family", "lamb_o", "lamb_p", {"relation": "sibling"}, "c4", "Her brother Oscar Lamb"),
        ("post", "lamb_o", "northgate", {"role": "Finance Director"}, "c4",
         "Oscar Lamb is Finance Director of Northgate Security"),
        ("family", "lamb_g", "lamb_p", {"relation": "spouse"}, "c4", "Her husband Gerald Lamb"),
        ("post", "lamb_g", "castlegate", {"role": "cashier"}, "c4",
         "Gerald Lamb is a cashier at Castlegate Custodial Services"),
    ],
}

PARTNER = {
    "thread": "partner", "title": "Care homes consortium",
    "messages": [
        ("post", "Editor", "2031-04-01T09:00:00", "Meridian Care Group is preferred bidder for the care homes "
         "contract, which the Department of Social Care is buying. Willowbrook Trust is the partner of Meridian "
         "Care Group. Ashdown Ltd is the partner of Pinecrest Ltd."),
        ("c1", "fern", "2031-04-01T10:00:00", "Hugo Marsh is Chief Inspector of Care Homes. Lena Marsh, a close "
         "relative of Hugo Marsh, is Deputy Chief Executive of Willowbrook Trust."),
        ("c2", "ash", "2031-04-01T11:00:00", "Ruth Penn, the Care Homes Regulator, was formerly a Director of "
         "Willowbrook Trust."),
        ("c3", "elm", "2031-04-01T12:00:00", "Ian Cole is Chief Inspector of Care Homes for the north. His wife "
         "Ada Cole is Managing Director of Ashdown Ltd."),
    ],
    "people": {"marsh_h": "Hugo Marsh", "marsh_l": "Lena Marsh", "penn_r": "Ruth Penn", "cole_i": "Ian Cole",
               "cole_a": "Ada Cole"},
    "orgs": {"meridian": ("Meridian Care Group", "company"), "willow": ("Willowbrook Trust", "charity"),
             "dsc": ("Department of Social Care", "government"), "ashdown": ("Ashdown Ltd", "company"),
             "pinecrest": ("Pinecrest Ltd", "company")},
    "contracts": {"care": "the care homes contract"},
    "facts": [
        ("bid", "meridian", "care", {"bid": "preferred"}, "post",
         "Meridian Care Group is preferred bidder for the care homes contract"),
        ("buyer", "care", "dsc", {}, "post", "which the Department of Social Care is buying"),
        ("partner", "willow", "meridian", {}, "post", "Willowbrook Trust is the partner of Meridian Care Group"),
        ("partner", "ashdown", "pinecrest", {}, "post", "Ashdown Ltd is the partner of Pinecrest Ltd"),
        ("post", "marsh_h", None, {"role": "Chief Inspector of Care Homes"}, "c1",
         "Hugo Marsh is Chief Inspector of Care Homes"),
        ("family", "marsh_l", "marsh_h", {"relation": "relative"}, "c1", "Lena Marsh, a close relative of Hugo Marsh"),
        ("post", "marsh_l", "willow", {"role": "Deputy Chief Executive"}, "c1",
         "is Deputy Chief Executive of Willowbrook Trust"),
        ("post", "penn_r", None, {"role": "Care Homes Regulator"}, "c2", "Ruth Penn, the Care Homes Regulator"),
        ("post", "penn_r", "willow", {"role": "Director", "current": False}, "c2",
         "was formerly a Director of Willowbrook Trust"),
        ("post", "cole_i", None, {"role": "Chief Inspector of Care Homes"}, "c3",
         "Ian Cole is Chief Inspector of Care Homes"),
        ("family", "cole_a", "cole_i", {"relation": "spouse"}, "c3", "His wife Ada Cole"),
        ("post", "cole_a", "ashdown", {"role": "Managing Director"}, "c3", "Ada Cole is Managing Director of Ashdown Ltd"),
    ],
}

REVOLVING = {
    "thread": "revolving", "title": "Regulators and their old employers",
    "messages": [
        ("post", "Editor", "2031-05-01T09:00:00", "Ironline Rail is bidding for the northern franchise. The "
         "Department for Transport runs the northern franchise competition. Stonefield Quarries has bid for the "
         "school meals contract."),
        ("c1", "rook", "2031-05-01T10:00:00", "Sara Venn, the Rail Regulator, was formerly Chief Operating Officer "
         "of Ironline Rail."),
        ("c2", "wren", "2031-05-01T11:00:00", "Colin Ward, also a Rail Regulator, was formerly Sales Director of "
         "Stonefield Quarries."),
        ("c3", "kite", "2031-05-01T12:00:00", "Maeve Doyle is Commercial Director at the Department for Transport. "
         "Maeve Doyle was formerly Head of Bids at Ironline Rail. Maeve Doyle was formerly a Partner at "
         "Larchmont Advisory."),
        ("c4", "lark", "2031-05-01T13:00:00", "Rhys Bell, the Water Regulator, was formerly Chief Executive of "
         "Clearbrook Water."),
    ],
    "people": {"venn": "Sara Venn", "ward": "Colin Ward", "doyle": "Maeve Doyle", "bell": "Rhys Bell"},
    "orgs": {"ironline": ("Ironline Rail", "company"), "dft": ("Department for Transport", "government"),
             "stonefield": ("Stonefield Quarries", "company"), "larchmont": ("Larchmont Advisory", "company"),
             "clearbrook": ("Clearbrook Water", "company")},
    "contracts": {"franchise": "the northern franchise", "meals": "the school meals contract"},
    "facts": [
        ("bid", "ironline", "franchise", {"bid": "bidding"}, "post", "Ironline Rail is bidding for the northern franchise"),
        ("buyer", "franchise", "dft", {}, "post", "The Department for Transport runs the northern franchise competition"),
        ("bid", "stonefield", "meals", {"bid": "bidding"}, "post", "Stonefield Quarries has bid for the school meals contract"),
        ("post", "venn", None, {"role": "Rail Regulator"}, "c1", "Sara Venn, the Rail Regulator"),
        ("post", "venn", "ironline", {"role": "Chief Operating Officer", "current": False}, "c1",
         "was formerly Chief Operating Officer of Ironline Rail"),
        ("post", "ward", None, {"role": "Rail Regulator"}, "c2", "Colin Ward, also a Rail Regulator"),
        ("post", "ward", "stonefield", {"role": "Sales Director", "current": False}, "c2",
         "was formerly Sales Director of Stonefield Quarries"),
        ("post", "doyle", "dft", {"role": "Commercial Director"}, "c3",
         "Maeve Doyle is Commercial Director at the Department for Transport"),
        ("post", "doyle", "ironline", {"role": "Head of Bids", "current": False}, "c3",
         "Maeve Doyle was formerly Head of Bids at Ironline Rail"),
        ("post", "doyle", "larchmont", {"role": "Partner", "current": False}, "c3",
         "Maeve Doyle was formerly a Partner at Larchmont Advisory"),
        ("post", "bell", None, {"role": "Water Regulator"}, "c4", "Rhys Bell, the Water Regulator"),
        ("post", "bell", "clearbrook", {"role": "Chief Executive", "current": False}, "c4",
         "was formerly Chief Executive of Clearbrook Water"),
    ],
}

OWNERSHIP = {
    "thread": "ownership", "title": "Who owns the work programme bidders?",
    "messages": [
        ("post", "Editor", "2031-06-01T09:00:00", "The Department for Work Schemes is letting the work programme "
         "contract. The Department for Work Schemes is part of the Government of Westland. Jobpath Services, "
         "Skillbridge Ltd and Fairstart Ltd are bidding for the work programme contract."),
        ("c1", "otter", "2031-06-01T10:00:00", "Jobpath Services is part owned by the Government of Westland."),
        ("c2", "vole", "2031-06-01T11:00:00", "Skillbridge Ltd is part owned by the Government of Eastmark."),
        ("c3", "shrew", "2031-06-01T12:00:00", "Look at the bidders: Fairstart Ltd is part owned by the government!"),
    ],
    "orgs": {"dws": ("Department for Work Schemes", "government"), "westland": ("Government of Westland", "government"),
             "eastmark": ("Government of Eastmark", "government"), "thegov": ("the government", "government"),
             "jobpath": ("Jobpath Services", "company"), "skill": ("Skillbridge Ltd", "company"),
             "fair": ("Fairstart Ltd", "company")},
    "contracts": {"wp": "the work programme contract"},
    "facts": [
        ("buyer", "wp", "dws", {}, "post", "The Department for Work Schemes is letting the work programme contract"),
        ("unit_of", "dws", "westland", {}, "post", "The Department for Work Schemes is part of the Government of Westland"),
        ("bid", "jobpath", "wp", {"bid": "bidding"}, "post", "Jobpath Services, Skillbridge Ltd and Fairstart Ltd are "
         "bidding for the work programme contract"),
        ("bid", "skill", "wp", {"bid": "bidding"}, "post", "Skillbridge Ltd and Fairstart Ltd are bidding"),
        ("bid", "fair", "wp", {"bid": "bidding"}, "post", "Fairstart Ltd are bidding for the work programme contract"),
        ("owned_by", "jobpath", "westland", {"share": "part"}, "c1",
         "Jobpath Services is part owned by the Government of Westland"),
        ("owned_by", "skill", "eastmark", {"share": "part"}, "c2",
         "Skillbridge Ltd is part owned by the Government of Eastmark"),
        ("owned_by", "fair", "thegov", {"share": "part"}, "c3", "Fairstart Ltd is part owned by the government"),
    ],
}

ADVOCACY = {
    "thread": "advocacy", "title": "Members' interests",
    "messages": [
        ("post", "Editor", "2031-07-01T09:00:00", "Gwen Ashby, MP for Eastvale, is a paid consultant to Halden Energy. "
         "Gwen Ashby lobbied the Department of Energy on behalf of Halden Energy. Peter Lowe, MP for Westvale, is "
         "paid by Corran Media. Peter Lowe lobbied the Department of Energy on behalf of Halden Energy."),
        ("c1", "badger", "2031-07-01T10:00:00", "Alan Crane, the Minister for Housing, recommended Redbrick Homes "
         "to the Housing Agency. His wife Judith Crane is a Director of Redbrick Homes. Redbrick Homes is "
         "preferred bidder for the social housing contract."),
        ("c2", "stoat", "2031-07-01T11:00:00", "Bella Frost, MP for Northmoor, lobbied the Housing Agency on behalf "
         "of Oakfield Builders. Her husband Karl Frost is a Director of Lumen Paints."),
        ("c3", "weasel", "2031-07-01T12:00:00", "Dana Pryce, MP for Southmere, recommended Quarry Hill Ltd to the "
         "Housing Agency. Quarry Hill Ltd is owned by Dana Pryce."),
    ],
    "people": {"ashby": "Gwen Ashby", "lowe": "Peter Lowe", "crane_a": "Alan Crane", "crane_j": "Judith Crane",
               "frost_b": "Bella Frost", "frost_k": "Karl Frost", "pryce": "Dana Pryce"},
    "orgs": {"halden": ("Halden Energy", "company"), "energy": ("Department of Energy", "government"),
             "corran": ("Corran Media", "company"), "redbrick": ("Redbrick Homes", "company"),
             "agency": ("Housing Agency", "government"), "oakfield": ("Oakfield Builders", "company"),
             "lumen": ("Lumen Paints", "company"), "quarry": ("Quarry Hill Ltd", "company")},
    "places": {"eastvale": "Eastvale", "westvale": "Westvale", "northmoor": "Northmoor", "southmere": "Southmere"},
    "contracts": {"housing": "the social housing contract"},
    "facts": [
        ("mp_for", "ashby", "eastvale", {}, "post", "Gwen Ashby, MP for Eastvale"),
        ("consultant_to", "ashby", "halden", {}, "post", "Gwen Ashby, MP for Eastvale, is a paid consultant to Halden Energy"),
        ("lobbied", "ashby", "energy", {"on_behalf_of": "halden"}, "post",
         "Gwen Ashby lobbied the Department of Energy on behalf of Halden Energy"),
        ("mp_for", "lowe", "westvale", {}, "post", "Peter Lowe, MP for Westvale"),
        ("paid_by", "lowe", "corran", {}, "post", "Peter Lowe, MP for Westvale, is paid by Corran Media"),
        ("lobbied", "lowe", "energy", {"on_behalf_of": "halden"}, "post",
         "Peter Lowe lobbied the Department of Energy on behalf of Halden Energy"),
        ("post", "crane_a", None, {"role": "Minister for Housing"}, "c1", "Alan Crane, the Minister for Housing"),
        ("lobbied", "crane_a", "agency", {"on_behalf_of": "redbrick"}, "c1",
         "recommended Redbrick Homes to the Housing Agency"),
        ("family", "crane_j", "crane_a", {"relation": "spouse"}, "c1", "His wife Judith Crane"),
        ("post", "crane_j", "redbrick", {"role": "Director"}, "c1", "Judith Crane is a Director of Redbrick Homes"),
        ("bid", "redbrick", "housing", {"bid": "preferred"}, "c1",
         "Redbrick Homes is preferred bidder for the social housing contract"),
        ("mp_for", "frost_b", "northmoor", {}, "c2", "Bella Frost, MP for Northmoor"),
        ("lobbied", "frost_b", "agency", {"on_behalf_of": "oakfield"}, "c2",
         "lobbied the Housing Agency on behalf of Oakfield Builders"),
        ("family", "frost_k", "frost_b", {"relation": "spouse"}, "c2", "Her husband Karl Frost"),
        ("post", "frost_k", "lumen", {"role": "Director"}, "c2", "Karl Frost is a Director of Lumen Paints"),
        ("mp_for", "pryce", "southmere", {}, "c3", "Dana Pryce, MP for Southmere"),
        ("lobbied", "pryce", "agency", {"on_behalf_of": "quarry"}, "c3",
         "recommended Quarry Hill Ltd to the Housing Agency"),
        ("owned_by", "quarry", "pryce", {"share": "whole"}, "c3", "Quarry Hill Ltd is owned by Dana Pryce"),
    ],
}

STATED = {
    "thread": "stated", "title": "A perceived conflict",
    "messages": [
        ("post", "Editor", "2031-08-01T09:00:00", "Wendy Hale is Chief Inspector of Libraries."),
        ("c1", "lynx", "2031-08-01T10:00:00", "I think there may be a conflict of interest between Wendy Hale and "
         "Pageturn Books."),
        ("c2", "puma", "2031-08-01T11:00:00", "There is no conflict of interest between Wendy Hale and Inkwell Press."),
    ],
    "people": {"hale": "Wendy Hale"},
    "orgs": {"pageturn": ("Pageturn Books", "company"), "inkwell": ("Inkwell Press", "company")},
    "facts": [
        ("post", "hale", None, {"role": "Chief Inspector of Libraries"}, "post",
         "Wendy Hale is Chief Inspector of Libraries"),
        ("coi_stated", "hale", "pageturn", {"status": "hedged", "confidence": "0.8"}, "c1",
         "there may be a conflict of interest between Wendy Hale and Pageturn Books"),
        ("coi_stated", "hale", "inkwell", {"status": "denied", "confidence": "0.8"}, "c2",
         "There is no conflict of interest between Wendy Hale and Inkwell Press"),
    ],
}

# The sector word is only in the thread's title: a contract the article tells of is about what the title
# says; one a comment tells of is not; a title in another sector reaches nothing.
TOPIC = {
    "thread": "topic", "title": "Prison escort sell-off: who is bidding?",
    "messages": [
        ("post", "Editor", "2031-09-01T09:00:00", "Ravensmoor Escorts Ltd and Stonebridge Guarding are "
         "bidding for the escort contract."),
        ("c1", "wren", "2031-09-01T10:00:00", "Irene Marsh, the Chief Inspector of Prisons, is married to "
         "Colin Marsh. Colin Marsh is Managing Director of Ravensmoor Escorts Ltd."),
        ("c2", "finch", "2031-09-01T11:00:00", "Hale Kitchens is bidding for the catering contract. Its Chair, "
         "Ruth Hale, is the sister of Irene Marsh."),
        ("c3", "lark", "2031-09-01T12:00:00", "Victor Penn, the Chief Inspector of Schools, is the brother of "
         "Karen Penn. Karen Penn is Finance Director of Stonebridge Guarding."),
    ],
    "people": {"marsh_i": "Irene Marsh", "marsh_c": "Colin Marsh", "hale_r": "Ruth Hale",
               "penn_v": "Victor Penn", "penn_k": "Karen Penn"},
    "orgs": {"ravensmoor": ("Ravensmoor Escorts Ltd", "company"), "stonebridge": ("Stonebridge Guarding", "company"),
             "halek": ("Hale Kitchens", "company")},
    "contracts": {"topic_escort": "the escort contract", "topic_catering": "the catering contract"},
    "facts": [
        ("bid", "ravensmoor", "topic_escort", {"bid": "bidding"}, "post",
         "Ravensmoor Escorts Ltd and Stonebridge Guarding are bidding for the escort contract"),
        ("bid", "stonebridge", "topic_escort", {"bid": "bidding"}, "post", "Stonebridge Guarding are bidding for the escort contract"),
        ("post", "marsh_i", None, {"role": "Chief Inspector of Prisons"}, "c1",
         "Irene Marsh, the Chief Inspector of Prisons"),
        ("family", "marsh_i", "marsh_c", {"relation": "spouse"}, "c1", "Irene Marsh, the Chief Inspector of "
         "Prisons, is married to Colin Marsh"),
        ("post", "marsh_c", "ravensmoor", {"role": "Managing Director"}, "c1",
         "Colin Marsh is Managing Director of Ravensmoor Escorts Ltd"),
        ("bid", "halek", "topic_catering", {"bid": "bidding"}, "c2", "Hale Kitchens is bidding for the catering contract"),
        ("post", "hale_r", "halek", {"role": "Chair"}, "c2", "Its Chair, Ruth Hale"),
        ("family", "hale_r", "marsh_i", {"relation": "sibling"}, "c2", "Ruth Hale, is the sister of Irene Marsh"),
        ("post", "penn_v", None, {"role": "Chief Inspector of Schools"}, "c3", "Victor Penn, the Chief Inspector of Schools"),
        ("family", "penn_v", "penn_k", {"relation": "sibling"}, "c3", "is the brother of Karen Penn"),
        ("post", "penn_k", "stonebridge", {"role": "Finance Director"}, "c3",
         "Karen Penn is Finance Director of Stonebridge Guarding"),
    ],
}

SCENARIOS = {"relative": RELATIVE, "partner": PARTNER, "revolving": REVOLVING, "ownership": OWNERSHIP,
             "advocacy": ADVOCACY, "stated": STATED, "topic": TOPIC}


def main() -> None:
    for name, sc in SCENARIOS.items():
        (HERE / f"{name}.ttl").write_text(build(sc), encoding="utf-8")
        print(f"wrote {name}.ttl")


if __name__ == "__main__":
    main()
