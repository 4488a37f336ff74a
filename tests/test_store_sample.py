"""A small graph in the shape of ontology/README.md, with invented people and companies.

The SPARQL tests (store, query, serve, push) read it. It is generated from the
table below, so every quote sits at its true offsets in its message's text.

The story: the Department of Widgets awarded the widget inspection contract to
Brightwater Services Ltd (Kestrel Holdings withdrew). Marta Velloso, Chief Regulator
at the Office for Widget Standards, is married to Dario Velloso, a director of
Brightwater, and used to work there herself. Brightwater was Pellham Widgets, then
Pellham Group. Oskar Lind replaced Tom Ashby and has a stated conflict with Kestrel.
"""
from __future__ import annotations

from pathlib import Path

from graph.iris import TURTLE_PREFIXES as PREFIXES  # noqa: E402  (the project's prefixes)

TG = "https://w3id.org/threadgraph/ns#"
ID = "https://w3id.org/threadgraph/id/"

# message id -> (author handle, reply-to, text)
MESSAGES = {
    "post": ("editor", None,
             "The Department of Widgets has awarded the national widget inspection contract to "
             "Brightwater Services Ltd. Kestrel Holdings withdrew its bid."),
    "c1": ("quietobserver", "post",
           "Marta Velloso, Chief Regulator at the Office for Widget Standards, is married to "
           "Dario Velloso, Deputy Managing Director of Brightwater Services Ltd."),
    "c2": ("Anonymous", "c1",
           "Word has it Ines Carrow is a relative of Dario Velloso. Ms Velloso was formerly "
           "Operations Director at Brightwater Services Ltd. It is not true that Tom Ashby "
           "works for Kestrel Holdings."),
    "c3": ("widgetwatch", "post",
           "Pellham Widgets was renamed Pellham Group, which was later taken over and became "
           "Brightwater Services Ltd. Oskar Lind replaced Tom Ashby. Oskar Lind has a conflict "
           "of interest with Kestrel Holdings. Kestrel Holdings is Brightwater Services Ltd's partner. "
           "Zoë \"Z\" Ng said: \\o/ Kestrel Holdings was investigated for fraud."),
    "c4": ("quietobserver", "c3", "Marta Velloso is married to Dario Velloso, I can confirm."),
}

PEOPLE = {
    "marta": ("Marta Velloso", ["Ms Velloso"]),
    "dario": ("Dario Velloso", []),
    "ines": ("Ines Carrow", []),
    "oskar": ("Oskar Lind", []),
    "tom": ("Tom Ashby", []),
}
ORGS = {  # key -> (label, aliases, kind, class)
    "ows": ("Office for Widget Standards", ["OWS"], "government", "schema:GovernmentOrganization"),
    "dow": ("Department of Widgets", [], "government", "schema:GovernmentOrganization"),
    "brightwater": ("Brightwater Services Ltd", ["Brightwater"], "company", "schema:Corporation"),
    "kestrel": ("Kestrel Holdings", [], "company", "schema:Corporation"),
    "pellham": ("Pellham Widgets", [], "company", "schema:Corporation"),
    "pellhamgroup": ("Pellham Group", [], "company", "schema:Corporation"),
    "lone": ("Lone Ranger Trust", [], "charity", "schema:NGO"),
}
ROLES = {"chief": "Chief Regulator", "dmd": "Deputy Managing Director", "ops": "Operations Director",
         "staff": "employee"}

# assertion id -> (subject, predicate, object, about, kind, confidence, status, message, quote, extra)
ASSERTIONS = {
    "a1": ("org-brightwater", "tg:bidFor", "contract-inspect", "tender-bw", "bid", "0.9", "Asserted", "post",
           "awarded the national widget inspection contract to Brightwater Services Ltd",
           {"tg:bidStatus": '"awarded"'}),
    "a2": ("contract-inspect", "pc:contractingAuthority", "org-dow", None, "buyer", "0.85", "Asserted", "post",
           "The Department of Widgets has awarded the national widget inspection contract", {}),
    "a3": ("org-kestrel", "tg:bidFor", "contract-inspect", "tender-ke", "bid", "0.8", "Asserted", "post",
           "Kestrel Holdings withdrew its bid", {"tg:bidStatus": '"withdrawn"'}),
    "a4": ("person-marta", "org:memberOf", "org-ows", "membership-marta-ows", "post", "0.9", "Asserted", "c1",
           "Marta Velloso, Chief Regulator at the Office for Widget Standards",
           {"tg:roleLabel": '"Chief Regulator"', "tg:current": "true"}),
    "a5": ("person-marta", "schema:spouse", "person-dario", None, "family", "0.86", "Asserted", "c1",
           "is married to Dario Velloso", {"tg:familyRelation": '"spouse"'}),
    "a6": ("person-dario", "org:memberOf", "org-brightwater", "membership-dario-bw", "post", "0.9", "Asserted",
           "c1", "Dario Velloso, Deputy Managing Director of Brightwater Services Ltd",
           {"tg:roleLabel": '"Deputy Managing Director"', "tg:current": "true"}),
    "a7": ("person-ines", "schema:relatedTo", "person-dario", None, "family", "0.4", "Hedged", "c2",
           "Ines Carrow is a relative of Dario Velloso", {"tg:familyRelation": '"relative"'}),
    "a8": ("person-marta", "org:memberOf", "org-brightwater", "membership-marta-bw", "post", "0.75", "Asserted",
           "c2", "Ms Velloso was formerly Operations Director at Brightwater Services Ltd",
           {"tg:roleLabel": '"Operations Director"', "tg:current": "false"}),
    "a9": ("org-pellham", "tg:renamedTo", "org-pellhamgroup", "change-1", "renamed", "0.8", "Asserted", "c3",
           "Pellham Widgets was renamed Pellham Group", {}),
    "a10": ("org-pellhamgroup", "tg:renamedTo", "org-brightwater", "change-2", "renamed", "0.7", "Asserted", "c3",
            "was later taken over and became Brightwater Services Ltd", {}),
    "a11": ("person-oskar", "tg:replaces", "person-tom", None, "replaces", "0.7", "Asserted", "c3",
            "Oskar Lind replaced Tom Ashby", {}),
    "a12": ("person-oskar", "tg:statedConflictWith", "org-kestrel", None, "coi_stated", "0.8", "Asserted", "c3",
            "Oskar Lind has a conflict of interest with Kestrel Holdings", {}),
    "a13": ("org-kestrel", "tg:partnerOf", "org-brightwater", "collab-1", "partner", "0.7", "Asserted", "c3",
            "Kestrel Holdings is Brightwater Services Ltd's partner", {}),
    "a14": ("person-marta", "schema:spouse", "person-dario", None, "family", "0.86", "Asserted", "c4",
            "Marta Velloso is married to Dario Velloso", {"tg:familyRelation": '"spouse"'}),
    # a one-place fact: no object, the matter as a literal on the entity
    "a16": ("org-kestrel", "tg:investigatedFor", None, None, "investigated", "0.7", "Reported", "c3",
            "Kestrel Holdings was investigated for fraud", {"tg:matter": '"fraud"'}),
    "a15": ("person-tom", "org:memberOf", "org-kestrel", "membership-tom-ke", "post", "0.6", "Denied", "c2",
            "Tom Ashby works for Kestrel Holdings", {"tg:roleLabel": '"employee"'}),
}

# The facts the sample holds: (subject, predicate, object) -> the assertions telling it.
FACTS = {}
for _aid, (_s, _p, _o, *_rest) in ASSERTIONS.items():
    FACTS.setdefault((_s, _p, _o), []).append(_aid)


def _lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def sample_turtle() -> str:
    out = [PREFIXES]
    add = out.append
    add(f'id:thread-t1 a sioc:Thread ; dct:title "Widget contract" ; dct:source "threads/widgets.txt" .')
    for handle in sorted({a for a, _, _ in MESSAGES.values()}):
        add(f"id:account-{handle} a sioc:UserAccount ; sioc:name {_lit(handle)} .")
    for mid, (author, parent, text) in MESSAGES.items():
        kind = "sioct:BlogPost" if parent is None else "sioct:Comment"
        node = "id:post-t1" if parent is None else f"id:comment-t1-{mid}"
        reply = "" if parent is None else f" ; sioc:reply_of {'id:post-t1' if parent == 'post' else 'id:comment-t1-' + parent}"
        add(f"{node} a {kind} ; sioc:has_container id:thread-t1{reply} ; sioc:content {_lit(text)} ; "
            f"sioc:has_creator id:account-{author} ; dct:created \"2024-05-0{len(mid)}T10:00:00\" ; "
            f"tg:localId {_lit(mid)} .")
    for key, (name, aliases) in PEOPLE.items():
        alts = "".join(f" ; skos:altLabel {_lit(a)}" for a in aliases)
        add(f"id:person-{key} a foaf:Person ; foaf:name {_lit(name)} ; skos:prefLabel {_lit(name)}{alts} .")
    for key, (name, aliases, kind, cls) in ORGS.items():
        alts = "".join(f" ; skos:altLabel {_lit(a)}" for a in aliases)
        add(f"id:org-{key} a org:FormalOrganization, {cls} ; skos:prefLabel {_lit(name)}{alts} ; "
            f"tg:orgKind {_lit(kind)} .")
    for key, label in ROLES.items():
        add(f"id:role-{key} a org:Role ; skos:prefLabel {_lit(label)} .")
    # n-ary nodes
    for mem, person, orgk, role, current in [
        ("marta-ows", "marta", "ows", "chief", "true"), ("dario-bw", "dario", "brightwater", "dmd", "true"),
        ("marta-bw", "marta", "brightwater", "ops", "false"), ("tom-ke", "tom", "kestrel", "staff", "true"),
    ]:
        add(f"id:membership-{mem} a org:Membership ; org:member id:person-{person} ; "
            f"org:organization id:org-{orgk} ; org:role id:role-{role} ; tg:current {current} .")
    add("id:collab-1 a org:OrganizationalCollaboration ; org:hasMember id:org-kestrel, id:org-brightwater .")
    add('id:change-1 a org:ChangeEvent ; org:originalOrganization id:org-pellham ; '
        'org:resultingOrganization id:org-pellhamgroup ; tg:changeKind "renamed" ; dct:date "2009" .')
    add('id:change-2 a org:ChangeEvent ; org:originalOrganization id:org-pellhamgroup ; '
        'org:resultingOrganization id:org-brightwater ; tg:changeKind "taken over" ; dct:date "2015" .')
    add('id:contract-inspect a pc:Contract ; skos:prefLabel "national widget inspection contract" ; '
        'pc:contractingAuthority id:org-dow ; dct:subject "widget inspection" ; '
        'tg:termYears "7"^^xsd:decimal ; tg:lot "North", "South" ; '
        'pc:tender id:tender-bw, id:tender-ke ; pc:awardedTender id:tender-bw ; pc:agreedPrice id:price-inspect .')
    add('id:price-inspect a gr:PriceSpecification ; gr:hasCurrencyValue "250000000.0"^^xsd:decimal ; '
        'gr:hasCurrency "GBP" ; tg:perPeriod "year" .')
    add('id:tender-bw a pc:Tender ; pc:bidder id:org-brightwater ; tg:bidStatus "awarded" .')
    add('id:tender-ke a pc:Tender ; pc:bidder id:org-kestrel ; tg:bidStatus "withdrawn" .')
    # direct triples, one per fact
    for (s, p, o) in FACTS:
        add(f"id:{s} {p} {'id:' + o if o else chr(34) + 'fraud' + chr(34)} .")
    # assertions with their evidence
    for aid, (s, p, o, about, kind, conf, status, mid, quote, extra) in ASSERTIONS.items():
        text = MESSAGES[mid][2]
        start = text.index(quote)
        msg = "id:post-t1" if mid == "post" else f"id:comment-t1-{mid}"
        a = f"id:assertion-{aid}"
        lines = [f"{a} a tg:Assertion ; rdf:subject id:{s} ; rdf:predicate {p}" + (f" ; rdf:object id:{o}" if o else "")]
        if about:
            lines.append(f"tg:about id:{about}")
        lines += [f"tg:relationKind {_lit(kind)}", f'tg:confidence "{conf}"^^xsd:decimal',
                  f"tg:status tg:{status}", f'tg:rule "{kind}.sample"', f"prov:wasDerivedFrom {msg}",
                  "prov:wasGeneratedBy id:activity-sample", f"tg:sentence {_lit(text)}",
                  f"oa:hasSelector {a}-pos, {a}-quote"]
        lines += [f"{k} {v}" for k, v in extra.items()]
        add(" ;\n    ".join(lines) + " .")
        add(f"{a}-pos a oa:TextPositionSelector ; oa:start {start} ; oa:end {start + len(quote)} .")
        add(f"{a}-quote a oa:TextQuoteSelector ; oa:exact {_lit(quote)} ; "
            f"oa:prefix {_lit(text[max(0, start - 10):start])} ; oa:suffix {_lit(text[start + len(quote):][:10])} .")
        add(f"{msg} schema:mentions id:{s}" + (f", id:{o} ." if o else " ."))
    add('id:activity-sample a prov:Activity ; tg:rule "sample" ; tg:extractorVersion "0.1.0" .')
    # findings
    add('id:finding-relative a tg:ConflictOfInterest ; tg:findingKind "inferred" ; '
        'tg:rule "coi-relative-at-bidder" ; tg:official id:person-marta ; tg:publicBody id:org-ows ; '
        'tg:duty "Chief Regulator" ; tg:connector id:person-dario ; tg:counterparty id:org-brightwater ; '
        'tg:contract id:contract-inspect ; tg:basis "family tie" ; tg:confidence "0.62"^^xsd:decimal ; '
        'tg:reviewStatus "candidate" ; '
        'tg:explanation "Marta Velloso regulates widgets; her spouse is a director of the winning bidder." ; '
        'prov:wasDerivedFrom id:assertion-a4, id:assertion-a5, id:assertion-a6, id:assertion-a1 ; '
        'tg:step id:finding-relative-step-1, id:finding-relative-step-2, '
        'id:finding-relative-step-3, id:finding-relative-step-4 .')
    for n, aid in enumerate(["a4", "a5", "a6", "a1"], 1):
        add(f"id:finding-relative-step-{n} a tg:ChainStep ; tg:order {n} ; tg:assertion id:assertion-{aid} .")
    add('id:finding-stated a tg:ConflictOfInterest ; tg:findingKind "stated" ; tg:rule "coi-stated" ; '
        'tg:official id:person-oskar ; tg:counterparty id:org-kestrel ; tg:basis "stated in text" ; '
        'tg:confidence "0.8"^^xsd:decimal ; tg:reviewStatus "candidate" ; '
        'tg:explanation "A commenter says Oskar Lind has a conflict of interest with Kestrel Holdings." ; '
        'prov:wasDerivedFrom id:assertion-a12 ; tg:step id:finding-stated-step-1 .')
    add("id:finding-stated-step-1 a tg:ChainStep ; tg:order 1 ; tg:assertion id:assertion-a12 .")
    return "\n".join(out) + "\n"


def write_sample(folder: Path) -> Path:
    """Write the sample graph as folder/graph.ttl and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "graph.ttl"
    path.write_text(sample_turtle(), encoding="utf-8")
    return path
