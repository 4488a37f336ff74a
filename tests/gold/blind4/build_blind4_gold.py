"""Rebuild tests/gold/blind4/entities.json and entities_relations.json: a fourth BLIND gold for two invented threads.

The threads (tests/gold/blind4/threads: one plain-text Blogger dump on a prison education contract, one
JSON Lines export on a fire-and-rescue control-room IT contract) and this gold were written without
looking at the extractor's rules, code or output (graph/, ontology/), to measure how threadgraph does on
threads it was never tuned on. The annotation is the tables below, written by hand;
tests/gold/blind_builder.py only turns them into character spans in the ingested message texts.
Run from the repository root:  python tests/gold/blind4/build_blind4_gold.py

Conventions (as tests/gold/blind3/build_blind3_gold.py): a mention span is the name without honorifics
("Cllr", "Mr", "Mrs", "Ms", "Dr", "MP") and without a leading "the" or a possessive "'s"; roles, generic
classes, places (prisons, wards, buildings), courts and tribunals, programmes, IT systems, awards,
committees, web addresses and commenter handles (the author field) are not entities. Surface forms are
matched case-sensitively on word boundaries, longest first, never inside a URL; "@id,id" limits a form
to some messages; "Mr [Ormerod]" matches the context but spans only the bracketed part.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/gold: the shared builder
from blind_builder import build  # noqa: E402

HERE = Path(__file__).resolve().parent
R, C = "ravensworth_prison_education", "callerton-fire-control"

# (key, type, preferred name, kind, {thread: [surface forms]})
ENTITIES = [
    # --- ravensworth_prison_education (plain-text Blogger dump)
    ("rpg", "Organization", "Ravensworth Prison Group", "government", {R: ["Ravensworth Prison Group", "RPG"]}),
    ("quorant", "Organization", "Quorant Learning Ltd", "company", {R: ["Quorant Learning Ltd", "Quorant", "quorant"]}),
    ("brightpath", "Organization", "Brightpath Skills", "company", {R: ["Brightpath Skills", "Brightpath"]}),
    ("halsey", "Organization", "Halsey Marrick plc", "company",
     {R: ["Halsey Marrick plc", "Halsey Marrick", "halsey marrick"]}),
    ("aldermoor", "Organization", "Aldermoor College", "other", {R: ["Aldermoor College", "Aldermoor"]}),
    ("tessera", "Organization", "Tessera Education", "company", {R: ["Tessera Education", "Tessera"]}),
    ("peu", "Organization", "Prison Educators' Union", "union", {R: ["Prison Educators' Union", "PEU"]}),
    ("linthorpe", "Organization", "Linthorpe Strategies", "company", {R: ["Linthorpe Strategies", "Linthorpe"]}),
    ("standard", "Organization", "Ravensworth Standard", "media", {R: ["Ravensworth Standard", "Standard"]}),
    ("dfe", "Organization", "Department for Education", "government", {R: ["Department for Education"]}),
    ("ofsted", "Organization", "Ofsted", "government", {R: ["Ofsted"]}),
    ("gillow", "Organization", "Gillow Brant LLP", "company", {R: ["Gillow Brant LLP", "Gillow Brant"]}),
    ("sowerbyf", "Organization", "Sowerby Facilities", "company", {R: ["Sowerby Facilities"]}),
    ("labour", "Organization", "Labour Party", "party", {R: ["Labour"], C: ["Labour"]}),
    ("conservative", "Organization", "Conservative Party", "party", {R: ["Conservative"], C: ["Conservative"]}),
    ("cathcart", "Person", "Fiona Cathcart", None, {R: ["Fiona Cathcart"]}),
    ("ormerod", "Person", "Derek Ormerod", None, {R: ["Derek Ormerod", "Mr [Ormerod]", "Derek@c11"]}),
    ("gail", "Person", "Gail Ormerod", None, {R: ["Gail Ormerod"]}),
    ("copley", "Person", "Neil Copley", None, {R: ["Neil Copley"]}),
    ("blaikie", "Person", "Harriet Blaikie", None, {R: ["Harriet Blaikie"]}),
    ("voss", "Person", "Lena Voss", None, {R: ["Lena Voss"]}),
    ("tasker", "Person", "Owen Tasker", None, {R: ["Owen Tasker", "Owen@c9"]}),
    ("sowerby", "Person", "Martin Sowerby", None, {R: ["Martin Sowerby"]}),
    ("ennis", "Person", "Patricia Ennis", None, {R: ["Patricia Ennis"]}),
    ("adeyemi", "Person", "Yusuf Adeyemi", None, {R: ["Yusuf Adeyemi"]}),
    # --- callerton-fire-control (JSON Lines)
    ("cwfra", "Organization", "Callerton and Wyre Fire and Rescue Authority", "government",
     {C: ["Callerton and Wyre Fire and Rescue Authority", "CWFRA"]}),
    ("vexlow", "Organization", "Vexlow Command Systems Ltd", "company",
     {C: ["Vexlow Command Systems Ltd", "Vexlow", "vexlow"]}),
    ("arbery", "Organization", "Arbery Holdings plc", "company", {C: ["Arbery Holdings plc", "Arbery Holdings", "arbery"]}),
    ("castlegate", "Organization", "Castlegate Communications Ltd", "company",
     {C: ["Castlegate Communications Ltd", "Castlegate Communications", "Castlegate", "castlegate"]}),
    ("dataline", "Organization", "Dataline Control", "company", {C: ["Dataline Control"]}),
    ("telwyn", "Organization", "Telwyn Systems", "company", {C: ["Telwyn Systems", "Telwyn"]}),
    ("fenner", "Organization", "Fenner Quay Advisory", "company", {C: ["Fenner Quay Advisory", "Fenner Quay"]}),
    ("courier", "Organization", "Wyre Valley Courier", "media", {C: ["Wyre Valley Courier", "Courier"]}),
    ("fcsu", "Organization", "Fire and Control Staff Union", "union", {C: ["Fire and Control Staff Union", "FCSU"]}),
    ("harcourt", "Organization", "Harcourt Venn", "company", {C: ["Harcourt Venn"]}),
    ("ico", "Organization", "Information Commissioner's Office", "government", {C: ["ICO"]}),
    ("dunwoody", "Person", "Martin Dunwoody", None, {C: ["Martin Dunwoody", "Dunwoody@c5.1,c13"]}),
    ("keswick", "Person", "Paul Keswick", None, {C: ["Paul Keswick", "Keswick@c5,c5.1"]}),
    ("alan", "Person", "Alan Threap", None, {C: ["Alan Threap"]}),
    ("lorna", "Person", "Lorna Threap", None, {C: ["Lorna Threap"]}),
    ("janet", "Person", "Janet Brereton", None, {C: ["Janet Brereton"]}),
    ("tom", "Person", "Tom Brereton", None, {C: ["Tom Brereton", "Tom@c2"]}),
    ("mulvey", "Person", "Mulvey", None, {C: ["Mulvey@c2.1"]}),
    ("quinlan", "Person", "Sarah Quinlan", None, {C: ["Sarah Quinlan", "Sarah@c14"]}),
    ("oakes", "Person", "Graham Oakes", None, {C: ["Graham Oakes"]}),
    ("penrose", "Person", "Ruth Penrose", None, {C: ["Ruth Penrose"]}),
]

# Contracts: (id, name, buyer key, value, term_years, lots, [(thread, message, text)]).
CONTRACTS = [
    ("K1", "Ravensworth Prison Group prison education contract", "rpg",
     {"amount": "54000000", "currency": "GBP", "period": None, "at_least": False}, "5", None,
     [(R, "post", "a five-year, £54m contract to run education, libraries and workshops in its six prisons")]),
    ("K2", "Callerton and Wyre control-room computer system contract", "cwfra",
     {"amount": "17500000", "currency": "GBP", "period": None, "at_least": False}, "10", None,
     [(C, "post", "a ten-year contract worth £17.5m to replace its 999 control-room computer system")]),
]


def S(t, m, text):
    return ("span", t, m, text)


FACTS = [
    # ================= ravensworth_prison_education
    dict(kind="buyer", subject="K1", object="rpg", status="asserted",
         evidence=[(R, "post", "The Ravensworth Prison Group has awarded a five-year, £54m contract")]),
    dict(kind="bid", subject="quorant", object="K1", status="asserted", bid_status="awarded",
         evidence=[(R, "post", "in its six prisons to Quorant Learning Ltd")]),
    dict(kind="renamed", subject="brightpath", object="quorant", status="asserted",
         evidence=[(R, "post", "Quorant, which was known as Brightpath Skills until 2021"),
                   (R, "c1.1", "Quorant were called Brightpath back then")]),
    dict(kind="owned_by", subject="quorant", object="halsey", status="asserted", share="full",
         evidence=[(R, "post", "is a wholly owned subsidiary of Halsey Marrick plc")]),
    dict(kind="post", subject="cathcart", object="quorant", status="asserted", role=["chief executive"], current=True,
         note="'Its' is Quorant (previous sentence).",
         evidence=[(R, "post", "Its chief executive, Fiona Cathcart")]),
    dict(kind="bid", subject="aldermoor", object="K1", status="asserted", bid_status="shortlisted",
         note="Reached the final round and lost; the incumbent since 2013 (not a contract of its own).",
         evidence=[(R, "post", "Aldermoor College, which has taught in the prisons since 2013, reached the final round but lost")]),
    dict(kind="bid", subject="tessera", object="K1", status="asserted", bid_status="withdrawn",
         evidence=[(R, "post", "A third bidder, Tessera Education, withdrew in May")]),
    dict(kind="post", subject="ormerod", object="rpg", status="asserted", role=["director of learning and skills"], current=True,
         evidence=[(R, "post", "The group's director of learning and skills, Derek Ormerod")]),
    dict(kind="coi_stated", subject="ormerod", object=["halsey", None], status="reported",
         note="'declared an interest' according to papers seen by the Standard; the interest is his wife's former job.",
         evidence=[(R, "post", "Mr Ormerod declared an interest because his wife")]),
    dict(kind="family", subject="gail", object="ormerod", status="reported", relation="spouse",
         note="Told inside the 'According to papers seen by the Standard' sentence.",
         evidence=[(R, "post", "his wife, Gail Ormerod")]),
    dict(kind="post", subject="gail", object="halsey", status="reported", role=None, current=False,
         evidence=[(R, "post", "had worked for Halsey Marrick until 2023")]),
    dict(kind="consultant_to", subject="linthorpe", object="quorant", status="reported",
         note="A lobbying firm 'retained' by a bidder ('The Standard understands'); no payment stated.",
         evidence=[(R, "post", "Quorant retained the lobbying firm Linthorpe Strategies")]),
    dict(kind="post", subject="copley", object="linthorpe", status="asserted", role=["senior adviser"], current=True,
         evidence=[(R, "post", "Linthorpe's senior adviser is Neil Copley"),
                   (R, "c3", "is now on Linthorpe's books")]),
    dict(kind="post", subject="copley", object=None, status="asserted", role=["prisons minister"], current=False,
         note="The government department is not named.",
         evidence=[(R, "post", "Neil Copley, the former prisons minister"),
                   (R, "c3", "Neil Copley was prisons minister from 2016 to 2018")]),
    dict(kind="lobbied", subject="linthorpe", object="rpg", status="denied", on_behalf_of="quorant",
         note="Exists only as the group's denial.",
         evidence=[(R, "post", "A spokesman for the Ravensworth Prison Group said no lobbying had taken place")]),
    dict(kind="party", subject="blaikie", object="labour", status="asserted",
         evidence=[(R, "post", "Harriet Blaikie, the Labour MP for Ravensworth East")]),
    dict(kind="mp_for", subject="blaikie", object=S(R, "post", "Ravensworth East"), status="asserted",
         evidence=[(R, "post", "the Labour MP for Ravensworth East")]),
    dict(kind="post", subject="voss", object="standard", status="asserted", role=["Home Affairs Reporter"], current=True,
         note="A by-line with no employer: the story is the Standard's.",
         evidence=[(R, "post", "Lena Voss, Home Affairs Reporter")]),
    dict(kind="legal_action", subject="aldermoor", object="rpg", status="reported", action="High Court claim",
         note="Told by Aldermoor to the branch; c14 quotes the college's statement.",
         evidence=[(R, "post", "Aldermoor College has told us it has issued a claim in the High Court against the group"),
                   (R, "c14", "We have asked the court to set aside the award.")]),
    dict(kind="post", subject="tasker", object="peu", status="asserted", role=["Branch Secretary"], current=True,
         evidence=[(R, "post", "Owen Tasker\nBranch Secretary, PEU Ravensworth branch"),
                   (R, "c9.1", "Owen Tasker, PEU")]),
    dict(kind="post", subject="cathcart", object="rpg", status="hedged", role=["deputy director"], current=False,
         note="'Or am I thinking of someone else?'",
         evidence=[(R, "c4", "Fiona Cathcart used to be deputy director at the Ravensworth Prison Group herself")]),
    dict(kind="post", subject="cathcart", object="halsey", status="hedged", role=None, current=None,
         evidence=[(R, "c4", "before she went to halsey marrick")]),
    dict(kind="lobbied", subject="linthorpe", object="dfe", status="hedged", on_behalf_of="quorant",
         evidence=[(R, "c6", "Apparently Linthorpe also lobbied the Department for Education on Quorant's behalf")]),
    dict(kind="represents", subject="gillow", object="aldermoor", status="asserted",
         note="c7.1's 'acted for Aldermoor that time too' (2019) is a note.",
         evidence=[(R, "c7", "Aldermoor's lawyers are Gillow Brant LLP")]),
    dict(kind="party", subject="sowerby", object="conservative", status="asserted",
         evidence=[(R, "c9", "Cllr Martin Sowerby (Conservative, Greyfell ward)")]),
    dict(kind="mp_for", subject="sowerby", object=S(R, "c9", "Greyfell ward"), status="asserted",
         evidence=[(R, "c9", "Cllr Martin Sowerby (Conservative, Greyfell ward)")]),
    dict(kind="post", subject="sowerby", object="rpg", status="asserted", role=["board member"], current=True,
         evidence=[(R, "c9", "sits on the group's board")]),
    dict(kind="owned_by", subject="sowerbyf", object="sowerby", status="asserted", share=None,
         note="'his firm'; a company named after its owner. The conflict is only implied (a question): not coi_stated.",
         evidence=[(R, "c9", "his firm Sowerby Facilities")]),
    dict(kind="post", subject="ennis", object="rpg", status="asserted", role=["chair"], current=True,
         evidence=[(R, "c9.1", "the group's chair, Patricia Ennis")]),
    dict(kind="consultant_to", subject="gail", object="quorant", status="hedged",
         evidence=[(R, "c11", "Heard that Gail Ormerod is now a consultant to Quorant")]),
    dict(kind="coi_stated", subject="ormerod", object=["quorant", "gail", None], status="hedged",
         note="'If so that's a clear conflict of interest for Derek' (on a hearsay premise).",
         evidence=[(R, "c11", "If so that's a clear conflict of interest for Derek")]),
    dict(kind="post", subject="adeyemi", object="aldermoor", status="asserted", role=["Principal"], current=True,
         evidence=[(R, "c14", "Yusuf Adeyemi, Principal, Aldermoor College")]),
    # ================= callerton-fire-control
    dict(kind="buyer", subject="K2", object="cwfra", status="asserted",
         evidence=[(C, "post", "Callerton and Wyre Fire and Rescue Authority has awarded a ten-year contract worth £17.5m")]),
    dict(kind="bid", subject="vexlow", object="K2", status="asserted", bid_status="awarded",
         evidence=[(C, "post", "to Vexlow Command Systems Ltd, the Courier has learned")]),
    dict(kind="owned_by", subject="vexlow", object="arbery", status="asserted", share="full",
         note="'a subsidiary'; c1.1 'part of the arbery group'.",
         evidence=[(C, "post", "Vexlow, a subsidiary of Arbery Holdings plc"),
                   (C, "c1.1", "Vexlow is part of the arbery group")]),
    dict(kind="bid", subject="castlegate", object="K2", status="asserted", bid_status="shortlisted",
         evidence=[(C, "post", "beat Castlegate Communications, which was shortlisted")]),
    dict(kind="bid", subject="telwyn", object="K2", status="asserted", bid_status="bidding",
         evidence=[(C, "post", "which was shortlisted, and Telwyn Systems")]),
    dict(kind="post", subject="dunwoody", object="cwfra", status="asserted", role=["chief fire officer"], current=True,
         evidence=[(C, "post", "The authority's chief fire officer, Martin Dunwoody")]),
    dict(kind="post", subject="keswick", object="vexlow", status="asserted", role=["managing director"], current=True,
         evidence=[(C, "post", "Vexlow's managing director, Paul Keswick")]),
    dict(kind="post", subject="alan", object="cwfra", status="asserted", role=["chief fire officer"], current=False,
         note="'at Callerton' is the brigade, i.e. the authority; c3 'ran this brigade for six years'.",
         evidence=[(C, "post", "Alan Threap, who was chief fire officer at Callerton until 2022"),
                   (C, "c3", "Alan Threap ran this brigade for six years")]),
    dict(kind="consultant_to", subject="alan", object="vexlow", status="reported",
         note="'the Courier understands'; an implied conflict (never called one): not coi_stated.",
         evidence=[(C, "post", "has been a paid adviser to Vexlow since last year"),
                   (C, "c3", "now he's advising the winning bidder")]),
    dict(kind="paid_by", subject="alan", object="vexlow", status="reported",
         evidence=[(C, "post", "has been a paid adviser to Vexlow since last year")]),
    dict(kind="consultant_to", subject="fenner", object="cwfra", status="reported",
         evidence=[(C, "post", "The authority confirmed that it paid Fenner Quay Advisory £240,000 to run the procurement")]),
    dict(kind="paid_by", subject="fenner", object="cwfra", status="reported",
         evidence=[(C, "post", "it paid Fenner Quay Advisory £240,000")]),
    dict(kind="post", subject="janet", object="cwfra", status="asserted", role=["chair"], current=True,
         evidence=[(C, "post", "The chair of the fire authority, Cllr Janet Brereton")]),
    dict(kind="party", subject="janet", object="conservative", status="asserted",
         evidence=[(C, "post", "is a Conservative councillor for Hollinsend")]),
    dict(kind="mp_for", subject="janet", object=S(C, "post", "Hollinsend"), status="asserted",
         evidence=[(C, "post", "is a Conservative councillor for Hollinsend")]),
    dict(kind="lobbied", subject="vexlow", object="janet", status="denied",
         evidence=[(C, "post", "She denied that Vexlow had lobbied her")]),
    dict(kind="legal_action", subject="fcsu", object="cwfra", status="reported", action="employment tribunal claim",
         evidence=[(C, "post", "said it had lodged an employment tribunal claim against the authority"),
                   (C, "c14", "Our tribunal claim against CWFRA is listed for March")]),
    dict(kind="post", subject="penrose", object="courier", status="asserted", role=["reporter"], current=True,
         evidence=[(C, "post", "Ruth Penrose, Courier reporter"),
                   (C, "c12", "Ruth Penrose, Wyre Valley Courier")]),
    dict(kind="family", subject="tom", object="janet", status="questioned", relation="parent",
         note="Tom is the son (subject).",
         evidence=[(C, "c2", "Isn't Janet Brereton's son Tom on Vexlow's sales team?")]),
    dict(kind="post", subject="tom", object="vexlow", status="questioned", role=["sales team"], current=True,
         note="c2.1 says he left in 2023; c12's confirmation is its own fact.",
         evidence=[(C, "c2", "Isn't Janet Brereton's son Tom on Vexlow's sales team?")]),
    dict(kind="post", subject="tom", object="vexlow", status="reported", role=["account manager"], current=False,
         evidence=[(C, "c12", "CWFRA has confirmed that Tom Brereton was a Vexlow account manager until 2023"),
                   (C, "c2.1", "Tom Brereton left Vexlow in 2023")]),
    dict(kind="post", subject="quinlan", object="fcsu", status="asserted", role=["Regional Secretary"], current=True,
         evidence=[(C, "c4", "Sarah Quinlan\nRegional Secretary, FCSU")]),
    dict(kind="family", subject="keswick", object="dunwoody", status="hedged", relation="in_law",
         note="'Word is'; c5.1 denies it (a note).",
         evidence=[(C, "c5", "Word is that Keswick's brother-in-law is Martin Dunwoody")]),
    dict(kind="owned_by", subject="telwyn", object="arbery", status="asserted", share="full",
         evidence=[(C, "c6", "Telwyn Systems was bought by Arbery Holdings in 2024")]),
    dict(kind="party", subject="oakes", object="labour", status="asserted",
         evidence=[(C, "c7", "Cllr Graham Oakes, Labour, Callerton Moor")]),
    dict(kind="mp_for", subject="oakes", object=S(C, "c7", "Callerton Moor"), status="asserted",
         evidence=[(C, "c7", "Cllr Graham Oakes, Labour, Callerton Moor")]),
    dict(kind="investigated", subject="vexlow", object="ico", status="hedged",
         evidence=[(C, "c8", "The ICO is investigating Vexlow over a data breach")]),
    dict(kind="post", subject="lorna", object="fenner", status="asserted", role=None, current=True,
         note="'is run by'.",
         evidence=[(C, "c10", "Fenner Quay Advisory is run by Lorna Threap")]),
    dict(kind="family", subject="lorna", object="alan", status="asserted", relation="spouse",
         note="Asked in c10, asserted in c10.1.",
         evidence=[(C, "c10.1", "Lorna Threap is Alan Threap's wife")]),
    dict(kind="represents", subject="harcourt", object="castlegate", status="asserted",
         evidence=[(C, "c11", "Castlegate Communications Ltd have instructed Harcourt Venn solicitors")]),
    dict(kind="legal_action", subject="castlegate", object="cwfra", status="hedged", action="challenge",
         note="Considered, not brought ('considering a challenge'), as blind3.",
         evidence=[(C, "c11", "are considering a challenge")]),
    dict(kind="renamed", subject="dataline", object="castlegate", status="asserted",
         evidence=[(C, "c11", "Castlegate, formerly Dataline Control")]),
]


def main() -> None:
    build(HERE, __doc__, ENTITIES, CONTRACTS, FACTS,
          "Fourth BLIND relation gold for tests/gold/blind4/threads (written without looking at the extractor's "
          "rules, code or output), same schema and matching as tests/gold/seeds_relations.json: what one "
          "comment states; an end is a gold entity id, a contract id, a span, null, or a list of "
          "accepted ends. Evidence quotes equal the ingested message text at their offsets.")


if __name__ == "__main__":
    main()
