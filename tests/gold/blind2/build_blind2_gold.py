"""Rebuild tests/gold/blind2/entities.json and entities_relations.json: a second BLIND gold for two invented threads.

The threads (tests/gold/blind2/threads/*.jsonl) and this gold were written without looking at the
extractor's rules or output (graph/extract, graph/nlp.py, graph/resolve.py, ontology/patterns), to measure how threadgraph does on threads it was never tuned on.
The annotation is the tables below, written by hand; this script only turns them into character
spans in the ingested message texts (graph.ingest.load_paths) and checks every quote.
Run from the repository root:  python tests/gold/blind2/build_blind2_gold.py

Conventions (as tests/gold/build_seeds_gold.py and tests/gold/blind/build_blind_gold.py): a mention span is the name without honorifics
("Cllr", "Dr", "Mr", "Sir", "Professor", "MP") and without a leading "the" or a possessive "'s"; roles, generic classes,
places, web addresses and commenter handles (the author field) are not entities. Surface forms
are matched case-sensitively on word boundaries, longest first, never inside a URL; "@id,id"
limits a form to some messages.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from graph.ingest import load_paths  # noqa: E402

HERE = Path(__file__).resolve().parent
C, B = "calderbridge-campus", "bpa-identity-platform"

# (key, type, preferred name, kind, {thread: [surface forms]})
ENTITIES = [
    # --- calderbridge-campus
    ("uni", "Organization", "University of Calderbridge", "other", {C: ["University of Calderbridge"]}),
    ("ucouncil", "Organization", "University Council", "committee", {C: ["University Council", "university council@c19"]}),
    ("brack", "Organization", "Brackenfield Facilities Management Ltd", "company",
     {C: ["Brackenfield Facilities Management Ltd", "Brackenfield Facilities Management", "Brackenfield", "brackenfield"]}),
    ("cleanwise", "Organization", "Cleanwise Services Ltd", "company", {C: ["Cleanwise Services Ltd", "Cleanwise"]}),
    ("torr", "Organization", "Torrington Holdings plc", "company",
     {C: ["Torrington Holdings plc", "Torrington Holdings", "Torrington"]}),
    ("tfs", "Organization", "Torrington Food Services", "company", {C: ["Torrington Food Services"]}),
    ("tmh", "Organization", "TMH Group plc", "company", {C: ["TMH Group plc"]}),
    ("halbeck", "Organization", "Halbeck Services", "company", {C: ["Halbeck Services", "Halbeck"]}),
    ("sentinel", "Organization", "Sentinel Guarding Ltd", "company",
     {C: ["Sentinel Guarding Ltd", "Sentinel Guarding", "sentinel"]}),
    ("pemberly", "Organization", "Pemberly Cleaning Group", "company", {C: ["Pemberly Cleaning Group", "Pemberly"]}),
    ("oakhurst", "Organization", "Oakhurst Support Services", "company", {C: ["Oakhurst Support Services", "Oakhurst"]}),
    ("quillon", "Organization", "Quillon Partners", "company", {C: ["Quillon Partners", "Quillon"]}),
    ("ecwu", "Organization", "Education and Campus Workers Union", "union",
     {C: ["Education and Campus Workers Union", "ECWU"]}),
    ("marsh", "Organization", "Marsh Kettle Solicitors", "company", {C: ["Marsh Kettle Solicitors", "Marsh Kettle"]}),
    ("su", "Organization", "Calderbridge Students' Union", "other",
     {C: ["Calderbridge Students' Union", "Students' Union@c15"]}),
    ("westbury", "Organization", "University of Westbury", "other", {C: ["University of Westbury"]}),
    ("courier", "Organization", "Calderbridge Courier", "media", {C: ["Calderbridge Courier"]}),
    ("fpeo", "Organization", "Fair Pay Enforcement Office", "government", {C: ["Fair Pay Enforcement Office"]}),
    ("ccc", "Organization", "Calderbridge City Council", "government", {C: ["Calderbridge City Council"]}),
    ("labour", "Organization", "Labour Party", "party", {C: ["Labour"]}),
    ("halloway", "Person", "Richard Halloway", None, {C: ["Richard Halloway", "Mr [Halloway]@c2.1"]}),
    ("lucy", "Person", "Lucy Halloway", None, {C: ["Lucy Halloway"]}),
    ("fairweather", "Person", "Dominic Fairweather", None, {C: ["Dominic Fairweather"]}),
    ("pevensey", "Person", "Graham Pevensey", None, {C: ["Graham Pevensey"]}),
    ("quayle", "Person", "Bernadette Quayle", None, {C: ["Bernadette Quayle"]}),
    ("tremlett", "Person", "Alison Tremlett", None, {C: ["Alison Tremlett"]}),
    ("adewale", "Person", "Tobi Adewale", None, {C: ["Tobi Adewale"]}),
    ("craig", "Person", "Craig Mottram", None, {C: ["Craig Mottram"]}),
    ("alan", "Person", "Alan Mottram", None, {C: ["Alan@c3.1"]}),
    ("pryce", "Person", "Owen Pryce", None, {C: ["Owen Pryce"]}),
    ("megan", "Person", "Megan Pryce", None, {C: ["Megan Pryce", "Megan@c7.1.1"]}),
    ("whitlock", "Person", "Sam Whitlock", None, {C: ["Sam Whitlock"]}),
    ("tallis", "Person", "Imogen Tallis", None, {C: ["Imogen Tallis"]}),
    ("okafor", "Person", "Rachel Okafor", None, {C: ["Rachel Okafor"]}),
    ("vane", "Person", "Peter Vane", None, {C: ["Peter Vane"]}),
    # --- bpa-identity-platform
    ("bpa", "Organization", "Borders and Passports Agency", "government", {B: ["Borders and Passports Agency", "BPA"]}),
    ("hadept", "Organization", "Department for Citizenship and Migration", "government", {B: ["Department for Citizenship and Migration"]}),
    ("veridane", "Organization", "Veridane Systems UK Ltd", "company",
     {B: ["Veridane Systems UK Ltd", "Veridane Systems UK", "Veridane UK", "Veridane"]}),
    ("halvard", "Organization", "Halvard Systems Inc", "company", {B: ["Halvard Systems Inc", "Halvard Systems", "Halvard"]}),
    ("hps", "Organization", "Halvard Public Sector Ltd", "company", {B: ["Halvard Public Sector Ltd"]}),
    ("northlight", "Organization", "Northlight Digital", "other", {B: ["Northlight Digital", "Northlight"]}),
    ("aptera", "Organization", "Quenby Technologies", "company", {B: ["Quenby Technologies", "Quenby"]}),
    ("holmwood", "Organization", "Holmwood Consulting", "company", {B: ["Holmwood Consulting"]}),
    ("carrow", "Organization", "Carrow Data Services", "company", {B: ["Carrow Data Services", "Carrow", "carrow"]}),
    ("datastream", "Organization", "Datavale Public Sector Ltd", "company", {B: ["Datavale Public Sector Ltd"]}),
    ("ashcombe", "Organization", "Ashcombe Street Strategies", "company", {B: ["Ashcombe Street Strategies"]}),
    ("hollins", "Organization", "Hollins Varga LLP", "company", {B: ["Hollins Varga LLP", "hollins varga"]}),
    ("pstr", "Organization", "Public Sector Technology Review", "media", {B: ["Public Sector Technology Review"]}),
    ("dac", "Organization", "Digital Affairs Committee", "committee", {B: ["Digital Affairs Committee"]}),
    ("libdem", "Organization", "Liberal Democrats", "party", {B: ["Liberal Democrat"]}),
    ("ostrander", "Organization", "Ostrander Capital", "company", {B: ["Ostrander Capital"]}),
    ("csdu", "Organization", "Civil Service Digital Union", "union", {B: ["Civil Service Digital Union", "CSDU"]}),
    ("dfi", "Organization", "Cobbold Institute", "other", {B: ["Cobbold Institute"]}),
    ("pda", "Organization", "Pike Dunstable Associates", "company", {B: ["Pike Dunstable Associates"]}),
    ("bap", "Organization", "Business Appointments Panel", "government", {B: ["Business Appointments Panel"]}),
    ("hendry", "Person", "Paul Hendry", None, {B: ["Paul Hendry", "Mr [Hendry]@c2.1"]}),
    ("markh", "Person", "Mark Hendry", None, {B: ["Mark Hendry"]}),
    ("dunstable", "Person", "Malcolm Dunstable", None, {B: ["Malcolm Dunstable", "Sir [Malcolm]", "Dunstable"]}),
    ("oduya", "Person", "Catherine Oduya", None, {B: ["Catherine Oduya"]}),
    ("amara", "Person", "Amara Oduya", None, {B: ["Amara Oduya"]}),
    ("brennock", "Person", "Laura Brennock", None, {B: ["Laura Brennock"]}),
    ("castell", "Person", "Rhiannon Castell", None, {B: ["Rhiannon Castell", "Rhiannon@c7.1"]}),
    ("oliver", "Person", "Oliver Castell", None, {B: ["Oliver Castell"]}),
    ("sallis", "Person", "Deborah Sallis", None, {B: ["Deborah Sallis"]}),
    ("brierly", "Person", "Kevin Brierly", None, {B: ["Kevin Brierly"]}),
    ("pike", "Person", "Gerald Pike", None, {B: ["Gerald Pike"]}),
    ("brisk", "Person", "Joanna Brisk", None, {B: ["Joanna Brisk"]}),
    ("ahluwalia", "Person", "Ravi Ahluwalia", None, {B: ["Ravi Ahluwalia"]}),
]

LOT1C, LOT2C = "Lot 1 (cleaning and porterage)", "Lot 2 (campus security)"
LOT1B, LOT2B = "Lot 1, the platform build", "Lot 2, hosting and support"

# Contracts: (id, name, buyer key, value, term_years, lots, [(thread, message, text)]).
CONTRACTS = [
    ("K1", "University of Calderbridge cleaning and security contract (two lots)", "uni",
     {"amount": "46000000", "currency": "GBP", "period": None, "at_least": False}, "7", [LOT1C, LOT2C],
     [(C, "post", "its cleaning and security services will be outsourced"), (C, "post", "a contract worth £46m over seven years"),
      (C, "post", "The tender was split into two lots"), (C, "post", LOT1C), (C, "post", LOT2C),
      (C, "c9", "the cleaning lot")]),
    ("K2", "the procurement consultancy for the cleaning and security tender", "uni",
     {"amount": "210000", "currency": "GBP", "period": None, "at_least": False}, None, None,
     [(C, "post", "The procurement was run by Quillon Partners"), (C, "post", "a consultancy the university paid £210,000")]),
    ("K3", "the 2021 University of Calderbridge catering contract", "uni", None, None, None,
     [(C, "c14", "the 2021 catering tender")]),
    ("K4", "BPA digital identity platform contract (two lots)", "bpa",
     {"amount": "380000000", "currency": "GBP", "period": None, "at_least": False}, "10", [LOT1B, LOT2B],
     [(B, "post", "a ten-year, £380m contract to build and run its new digital identity platform"),
      (B, "post", "The contract was let in two lots"), (B, "post", LOT1B + ", worth £240m"), (B, "post", LOT2B),
      (B, "post", "the award of Lot 1"), (B, "c9", "the Lot 1 evaluation"), (B, "c11", "lot 1"),
      (B, "c17", "the decision to outsource Lot 2"), (B, "c18", "Northlight's Lot 2 is worth £140m over the ten years"),
      (B, "c20", "Lot 1")]),
]


# Facts: dict with kind, subject, object (entity key | contract id | ("span", thread, msg, text) | None | list),
# status, extra fields, evidence [(thread, message, quote)].
def S(t, m, text):
    return ("span", t, m, text)


FACTS = [
    # ---------------- calderbridge-campus: post
    dict(kind="buyer", subject="K1", object="uni", status="asserted",
         evidence=[(C, "post", "The University of Calderbridge has confirmed that its cleaning and security services will be outsourced")]),
    dict(kind="bid", subject="brack", object="K1", status="asserted", bid_status="awarded", lots=[LOT1C, LOT2C],
         evidence=[(C, "post", "its cleaning and security services will be outsourced to Brackenfield Facilities Management Ltd"),
                   (C, "post", "Brackenfield won both")]),
    dict(kind="bid", subject="sentinel", object="K1", status="asserted", bid_status="awarded", lots=[LOT2C],
         note="A joint bid with the winner (Brackenfield) for Lot 2: both are gold as winning bidders.",
         evidence=[(C, "post", "For Lot 2 it bid jointly with Sentinel Guarding Ltd")]),
    dict(kind="partner", subject="brack", object="sentinel", status="asserted",
         note="'it' is Brackenfield (previous sentence).",
         evidence=[(C, "post", "For Lot 2 it bid jointly with Sentinel Guarding Ltd")]),
    dict(kind="bid", subject="pemberly", object="K1", status="asserted", bid_status="shortlisted", lots=[LOT1C],
         evidence=[(C, "post", "Pemberly Cleaning Group and Oakhurst Support Services were also shortlisted for Lot 1")]),
    dict(kind="bid", subject="oakhurst", object="K1", status="asserted", bid_status="shortlisted", lots=[LOT1C],
         evidence=[(C, "post", "Pemberly Cleaning Group and Oakhurst Support Services were also shortlisted for Lot 1")]),
    dict(kind="bid", subject="oakhurst", object="K1", status="asserted", bid_status="withdrawn", lots=[LOT1C],
         evidence=[(C, "post", "Oakhurst withdrew in January")]),
    dict(kind="renamed", subject="cleanwise", object="brack", status="asserted",
         evidence=[(C, "post", "Brackenfield, formerly Cleanwise Services Ltd"),
                   (C, "c8", "Cleanwise rebranded as Brackenfield in 2019")]),
    dict(kind="owned_by", subject="brack", object="torr", status="asserted", share="full",
         evidence=[(C, "post", "Brackenfield, formerly Cleanwise Services Ltd, is a wholly owned subsidiary of Torrington Holdings plc")]),
    dict(kind="post", subject="halloway", object="uni", status="asserted", role=["Chief Operating Officer"], current=True,
         evidence=[(C, "post", "The university's Chief Operating Officer, Richard Halloway")]),
    dict(kind="bid", subject="quillon", object="K2", status="asserted", bid_status="awarded",
         evidence=[(C, "post", "The procurement was run by Quillon Partners, a consultancy the university paid £210,000")]),
    dict(kind="buyer", subject="K2", object="uni", status="asserted",
         note="'the university': the buyer is named only as 'the university' here.",
         evidence=[(C, "post", "a consultancy the university paid £210,000")]),
    dict(kind="post", subject="fairweather", object="quillon", status="asserted", role=["managing partner"], current=True,
         evidence=[(C, "post", "Quillon's managing partner, Dominic Fairweather")]),
    dict(kind="post", subject="fairweather", object="brack", status="asserted", role=["commercial director"], current=False,
         evidence=[(C, "post", "Dominic Fairweather, is a former commercial director of Brackenfield"),
                   (C, "c4", "Dominic Fairweather spent nine years at Brackenfield")]),
    dict(kind="post", subject="pevensey", object=["ucouncil", "uni"], status="asserted", role=["chair"], current=True,
         evidence=[(C, "post", "The chair of the University Council, Sir Graham Pevensey")]),
    dict(kind="post", subject="pevensey", object="torr", status="asserted", role=["non-executive director"], current=True,
         note="Questioned again in c10 ('still on the Torrington board?'), confirmed in c10.1.",
         evidence=[(C, "post", "Sir Graham Pevensey, is also a non-executive director of Torrington Holdings"),
                   (C, "c10", "Is Sir Graham Pevensey still on the Torrington board?"),
                   (C, "c10.1", "Torrington's 2024 annual report lists him as a non-executive director")]),
    dict(kind="coi_stated", subject="pevensey", object=["torr", None], status="reported",
         note="'he' is Pevensey; the conflict is with Torrington (previous sentence).",
         evidence=[(C, "post", "According to the minutes, he declared a conflict of interest")]),
    dict(kind="post", subject="quayle", object="ecwu", status="asserted", role=["branch secretary"], current=True,
         note="Post: 'Our' is the ECWU branch writing; c2.1: a signature.",
         evidence=[(C, "post", "Our branch secretary, Bernadette Quayle"),
                   (C, "c2.1", "Bernadette Quayle, Branch Secretary, ECWU Calderbridge")]),
    dict(kind="post", subject="tremlett", object="uni", status="asserted", role=["Vice-Chancellor"], current=True,
         evidence=[(C, "post", "the Vice-Chancellor, Professor Alison Tremlett")]),
    dict(kind="represents", subject="marsh", object="ecwu", status="asserted",
         evidence=[(C, "post", "our lawyers, Marsh Kettle Solicitors"), (C, "c17", "Our solicitors Marsh Kettle")]),
    dict(kind="legal_action", subject=["ecwu", "marsh"], object="uni", status="hedged", action="legal challenge",
         note="Being prepared, not yet brought. The university is 'the university' in both quotes.",
         evidence=[(C, "post", "our lawyers, Marsh Kettle Solicitors, are preparing a legal challenge to the way the university ran the consultation"),
                   (C, "c17", "Our solicitors Marsh Kettle have written to the university's registrar, Peter Vane, setting out the legal challenge")]),
    dict(kind="post", subject="adewale", object="su", status="asserted", role=["president"], current=True,
         evidence=[(C, "post", "Its president, Tobi Adewale"),
                   (C, "c15", "Tobi Adewale, President, Calderbridge Students' Union")]),
    # comments
    dict(kind="family", subject="halloway", object="lucy", status="questioned", relation="spouse",
         note="Not contradicted in c2.1 (he 'declared the relationship').",
         evidence=[(C, "c2", "Isn't Richard Halloway's wife Lucy Halloway")]),
    dict(kind="post", subject="lucy", object="brack", status="questioned", role=["HR director"], current=False,
         note="Asked in c2; c2.1 says she left Brackenfield in 2023.",
         evidence=[(C, "c2", "Lucy Halloway the HR director at Brackenfield"),
                   (C, "c2.1", "Lucy Halloway left Brackenfield in 2023")]),
    dict(kind="owned_by", subject="sentinel", object="craig", status="asserted", share="part",
         note="Answers c3 ('owned by the same people as Brackenfield', not annotated: no owner named).",
         evidence=[(C, "c3.1", "Sentinel Guarding Ltd is owned by its founder Craig Mottram")]),
    dict(kind="owned_by", subject="sentinel", object="alan", status="asserted", share="part",
         evidence=[(C, "c3.1", "Sentinel Guarding Ltd is owned by its founder Craig Mottram and his brother Alan")]),
    dict(kind="post", subject="craig", object="sentinel", status="asserted", role=["founder"], current=True,
         evidence=[(C, "c3.1", "its founder Craig Mottram")]),
    dict(kind="family", subject="craig", object="alan", status="asserted", relation="sibling",
         evidence=[(C, "c3.1", "Craig Mottram and his brother Alan")]),
    dict(kind="investigated", subject="torr", object="fpeo", status="reported", matter="unpaid holiday pay",
         evidence=[(C, "c5", "According to the Calderbridge Courier, Torrington Holdings is being investigated by the Fair Pay Enforcement Office over unpaid holiday pay")]),
    dict(kind="post", subject="pryce", object=["ccc", None], status="asserted", role=["ward councillor", "councillor"], current=True,
         evidence=[(C, "c7", "Cllr Owen Pryce (Labour, University ward), Calderbridge City Council")]),
    dict(kind="party", subject="pryce", object="labour", status="asserted",
         evidence=[(C, "c7", "Cllr Owen Pryce (Labour")]),
    dict(kind="mp_for", subject="pryce", object=[S(C, "c7", "University ward I"), S(C, "c7", "University ward)")],
         status="asserted", note="A councillor for a ward (the first span is the author's 'the ward councillor for University ward').",
         evidence=[(C, "c7", "Cllr Owen Pryce (Labour, University ward)")]),
    dict(kind="family", subject="megan", object="pryce", status="hedged", relation="sibling",
         note="'word is'; Owen Pryce denies it in c7.1.1.",
         evidence=[(C, "c7.1", "Owen Pryce's sister Megan Pryce")]),
    dict(kind="post", subject="megan", object="pemberly", status="hedged", role=None, current=True,
         note="Denied in c7.1.1.",
         evidence=[(C, "c7.1", "Megan Pryce works for Pemberly")]),
    dict(kind="post", subject="whitlock", object="ecwu", status="asserted", role=["health and safety rep"], current=True,
         evidence=[(C, "c9", "Sam Whitlock, ECWU health and safety rep")]),
    dict(kind="owned_by", subject="torr", object="pevensey", status="asserted", share="part",
         note="'him'/'he' is Pevensey (c10), 'the company' Torrington.",
         evidence=[(C, "c10.1", "Torrington's 2024 annual report lists him as a non-executive director and he holds 40,000 shares in the company")]),
    dict(kind="post", subject="tremlett", object="westbury", status="asserted", role=["Pro-Vice-Chancellor"], current=False,
         evidence=[(C, "c11", "Alison Tremlett used to be Pro-Vice-Chancellor at the University of Westbury")]),
    dict(kind="post", subject="tallis", object="brack", status="asserted", role=["managing director"], current=True,
         evidence=[(C, "c12", "Brackenfield's managing director, Imogen Tallis")]),
    dict(kind="renamed", subject="tmh", object="torr", status="asserted",
         evidence=[(C, "c13", "Torrington Holdings plc was called TMH Group plc until 2016")]),
    dict(kind="renamed", subject="halbeck", object=["torr", "tmh"], status="asserted",
         note="Taken over ('it took over Halbeck Services'): the ontology's renamed_to covers take-overs.",
         evidence=[(C, "c13", "when it took over Halbeck Services")]),
    dict(kind="bid", subject="tfs", object="K3", status="asserted", bid_status="awarded",
         evidence=[(C, "c14", "the 2021 catering tender, which went to Torrington's catering arm, Torrington Food Services")]),
    dict(kind="buyer", subject="K3", object="uni", status="asserted",
         evidence=[(C, "c14", "advised the university on the 2021 catering tender")]),
    dict(kind="owned_by", subject="tfs", object="torr", status="asserted", share="full",
         evidence=[(C, "c14", "Torrington's catering arm, Torrington Food Services")]),
    dict(kind="investigated", subject="sentinel", object=None, status="hedged", matter="paying guards below the minimum wage",
         evidence=[(C, "c16", "Sentinel Guarding is allegedly under investigation for paying guards below the minimum wage")]),
    dict(kind="post", subject="okafor", object="ecwu", status="asserted", role=["regional officer"], current=True,
         evidence=[(C, "c17", "Rachel Okafor, regional officer, ECWU")]),
    dict(kind="post", subject="vane", object="uni", status="asserted", role=["registrar"], current=True,
         evidence=[(C, "c17", "the university's registrar, Peter Vane")]),
    dict(kind="family", subject="tallis", object="fairweather", status="asserted", relation="in_law",
         note="Asked for a source in c18.1.",
         evidence=[(C, "c18", "Imogen Tallis is Dominic Fairweather's sister-in-law")]),

    # ---------------- bpa-identity-platform: post
    dict(kind="buyer", subject="K4", object="bpa", status="asserted",
         evidence=[(B, "post", "The Borders and Passports Agency (BPA) has awarded a ten-year, £380m contract")]),
    dict(kind="bid", subject="veridane", object="K4", status="asserted", bid_status="awarded", lots=[LOT1B],
         evidence=[(B, "post", "has awarded a ten-year, £380m contract to build and run its new digital identity platform to Veridane Systems UK Ltd"),
                   (B, "post", "Lot 1, the platform build, worth £240m, went to Veridane"),
                   (B, "c20", "Veridane won Lot 1 on quality and price")]),
    dict(kind="bid", subject=["northlight", "aptera", "holmwood"], object="K4", status="asserted", bid_status="awarded", lots=[LOT2B],
         note="The consortium won; its members are accepted in its place.",
         evidence=[(B, "post", "Lot 2, hosting and support, was won by Northlight Digital")]),
    dict(kind="partner", subject="aptera", object="holmwood", status="asserted",
         note="Consortium members; the consortium itself (Northlight Digital) is not gold as owned by them.",
         evidence=[(B, "post", "Northlight Digital, a consortium of Quenby Technologies and Holmwood Consulting")]),
    dict(kind="bid", subject="carrow", object="K4", status="asserted", bid_status="shortlisted", lots=[LOT1B, LOT2B],
         evidence=[(B, "post", "Carrow Data Services, which was shortlisted for both lots")]),
    dict(kind="owned_by", subject="veridane", object="halvard", status="asserted", share="full",
         evidence=[(B, "post", "Veridane Systems UK Ltd, the British subsidiary of the US technology group Halvard Systems Inc"),
                   (B, "c3", "Halvard Systems owns 100% of Veridane UK")]),
    dict(kind="unit_of", subject="bpa", object="hadept", status="asserted",
         evidence=[(B, "post", "The agency, an executive agency of the Department for Citizenship and Migration")]),
    dict(kind="post", subject="hendry", object="bpa", status="asserted", role=["chief executive"], current=True,
         evidence=[(B, "post", "Its chief executive, Paul Hendry")]),
    dict(kind="consultant_to", subject="dunstable", object="veridane", status="reported",
         evidence=[(B, "post", "Veridane retained Sir Malcolm Dunstable, the former Minister for Digital Government, as a paid adviser from 2022"),
                   (B, "c16", "was advising Veridane by 2022")]),
    dict(kind="paid_by", subject="dunstable", object="veridane", status="reported",
         note="'a paid adviser' (post); c5 reads his register of interests.",
         evidence=[(B, "post", "Veridane retained Sir Malcolm Dunstable, the former Minister for Digital Government, as a paid adviser"),
                   (B, "c5", "Sir Malcolm's register of interests entry says Veridane pays him £95,000 a year")]),
    dict(kind="post", subject="dunstable", object=None, status="asserted",
         role=["former Minister for Digital Government", "Minister for Digital Government", "minister", "former minister"], current=False,
         evidence=[(B, "post", "Sir Malcolm Dunstable, the former Minister for Digital Government"),
                   (B, "c16", "Dunstable left government in 2021")]),
    dict(kind="post", subject="oduya", object="hadept", status="asserted", role=["permanent secretary"], current=True,
         evidence=[(B, "post", "the Department for Citizenship and Migration's permanent secretary, Catherine Oduya")]),
    dict(kind="lobbied", subject="dunstable", object=["hadept", "oduya", S(B, "post", "the department")], status="denied",
         on_behalf_of="veridane",
         note="Only told as denied. The meetings with Oduya (previous sentence) are not annotated as lobbying.",
         evidence=[(B, "post", "Veridane denied that Sir Malcolm had lobbied the department on its behalf")]),
    dict(kind="post", subject="brennock", object="ashcombe", status="asserted", role=["chief executive"], current=True,
         evidence=[(B, "post", "Ashcombe Street Strategies, whose chief executive, Laura Brennock")]),
    dict(kind="post", subject="brennock", object=None, status="asserted", role=["former special adviser", "special adviser"], current=False,
         note="Special adviser to a minister (Dunstable): no organisation named.",
         evidence=[(B, "post", "Laura Brennock, is a former special adviser to Sir Malcolm")]),
    dict(kind="renamed", subject="datastream", object="carrow", status="asserted",
         evidence=[(B, "post", "Carrow, formerly Datavale Public Sector Ltd")]),
    dict(kind="legal_action", subject="carrow", object=["bpa", S(B, "post", "the agency over")], status="asserted",
         action="legal proceedings",
         evidence=[(B, "post", "Carrow, formerly Datavale Public Sector Ltd, has launched legal proceedings against the agency over the award of Lot 1"),
                   (B, "c11", "carrow are suing")]),
    dict(kind="represents", subject="hollins", object="carrow", status="asserted",
         evidence=[(B, "post", "It is represented by the law firm Hollins Varga LLP")]),
    dict(kind="post", subject="castell", object=None, status="asserted", role=["MP", "Liberal Democrat MP"], current=True,
         evidence=[(B, "post", "Rhiannon Castell, the Liberal Democrat MP"), (B, "c9", "Rhiannon Castell MP")]),
    dict(kind="party", subject="castell", object="libdem", status="asserted",
         evidence=[(B, "post", "Rhiannon Castell, the Liberal Democrat MP")]),
    dict(kind="mp_for", subject="castell", object=S(B, "post", "Wexmoor East"), status="asserted",
         evidence=[(B, "post", "Rhiannon Castell, the Liberal Democrat MP for Wexmoor East")]),
    dict(kind="post", subject="castell", object="dac", status="asserted", role=["member"], current=True,
         evidence=[(B, "post", "Rhiannon Castell, the Liberal Democrat MP for Wexmoor East and a member of the Digital Affairs Committee")]),
    dict(kind="coi_stated", subject="dunstable", object=["veridane", "oduya", "hadept"], status="reported",
         note="'the arrangement': Dunstable advising Veridane while meeting the permanent secretary (earlier sentences).",
         evidence=[(B, "post", "called the arrangement \"a textbook conflict of interest\"")]),
    # comments
    dict(kind="family", subject="markh", object="hendry", status="questioned", relation="sibling",
         note="Denied in c2.1 ('no relation').",
         evidence=[(B, "c2", "Is it true that Paul Hendry's brother works for Veridane? I heard Mark Hendry")]),
    dict(kind="post", subject="markh", object="veridane", status="hedged", role=["UK sales director"], current=True,
         note="'their' is Veridane (previous sentence).",
         evidence=[(B, "c2", "I heard Mark Hendry is their UK sales director")]),
    dict(kind="owned_by", subject="halvard", object="ostrander", status="asserted", share="part",
         evidence=[(B, "c3", "Halvard is majority owned by Ostrander Capital")]),
    dict(kind="post", subject="sallis", object="bpa", status="asserted", role=["commercial director"], current=True,
         evidence=[(B, "c4", "the agency's commercial director does. That's Deborah Sallis")]),
    dict(kind="post", subject="sallis", object="carrow", status="asserted", role=None, current=False,
         evidence=[(B, "c4", "Deborah Sallis, who joined from Carrow in 2021")]),
    dict(kind="post", subject="brierly", object="csdu", status="asserted", role=["general secretary"], current=True,
         evidence=[(B, "c6", "Kevin Brierly, General Secretary, Civil Service Digital Union")]),
    dict(kind="family", subject="brennock", object="oliver", status="asserted", relation="spouse",
         evidence=[(B, "c7", "Laura Brennock is married to Oliver Castell")]),
    dict(kind="family", subject="oliver", object="castell", status="asserted", relation="sibling",
         note="Contradicted in c7.1 ('a different Oliver Castell').",
         evidence=[(B, "c7", "Oliver Castell, Rhiannon Castell's brother")]),
    dict(kind="owned_by", subject="aptera", object="halvard", status="asserted", share="part",
         note="c8 says a take-over; c8.1 corrects it to a 30% stake. Gold as ownership (Quenby still trades as itself), not as a renaming.",
         evidence=[(B, "c8", "Quenby Technologies was taken over by Halvard in 2023"),
                   (B, "c8.1", "Halvard bought a 30% stake in Quenby")]),
    dict(kind="lobbied", subject="ashcombe", object="bpa", status="hedged", on_behalf_of="veridane",
         evidence=[(B, "c10", "Ashcombe Street Strategies apparently lobbied the BPA board on Veridane's behalf")]),
    dict(kind="post", subject="oduya", object="dfi", status="asserted", role=["advisory board member", "member"], current=True,
         evidence=[(B, "c12", "Catherine Oduya sits on the advisory board of the Cobbold Institute")]),
    dict(kind="renamed", subject="hps", object="veridane", status="asserted",
         evidence=[(B, "c13", "Veridane Systems UK was called Halvard Public Sector Ltd until last year")]),
    dict(kind="post", subject="pike", object="holmwood", status="asserted", role=["founder"], current=True,
         evidence=[(B, "c14", "Holmwood Consulting's founder, Gerald Pike")]),
    dict(kind="post", subject="pike", object="pda", status="asserted", role=None, current=False,
         note="'They' is Pike and Dunstable (previous sentence).",
         evidence=[(B, "c14", "They ran Pike Dunstable Associates together in the 2000s")]),
    dict(kind="post", subject="dunstable", object="pda", status="asserted", role=None, current=False,
         evidence=[(B, "c14", "They ran Pike Dunstable Associates together in the 2000s")]),
    dict(kind="legal_action", subject="csdu", object="bpa", status="hedged", action="judicial review",
         note="Considered, not brought; the decision is the agency's.",
         evidence=[(B, "c17", "the union is considering a judicial review of the decision to outsource Lot 2")]),
    dict(kind="family", subject="amara", object="oduya", status="asserted", relation="parent",
         evidence=[(B, "c19", "Catherine Oduya's daughter, Amara Oduya")]),
    dict(kind="post", subject="amara", object="ashcombe", status="asserted", role=["graduate trainee"], current=True,
         evidence=[(B, "c19", "Amara Oduya, is a graduate trainee at Ashcombe Street Strategies")]),
    dict(kind="post", subject="ahluwalia", object="veridane", status="asserted", role=["Head of Communications"], current=True,
         note="A signature under the company's statement.",
         evidence=[(B, "c20", "Statement from Veridane Systems UK: \"Sir Malcolm Dunstable's role is limited to international markets and he has had no involvement in any UK public sector bid. Veridane won Lot 1 on quality and price.\"\nRavi Ahluwalia, Head of Communications")]),
]

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|co\.uk)(?:/\S*)?")


def compile_form(form: str):
    form, _, only = form.partition("@")
    pre, _, rest = form.partition("[")
    if rest:
        inner, _, post = rest.partition("]")
    else:
        pre, inner, post = "", form, ""
    pat = re.compile(r"(?<![\w@/])" + re.escape(pre) + "(" + re.escape(inner) + ")" + re.escape(post) + r"(?![\w/])")
    return pat, set(only.split(",")) if only else None


def locate(text: str, quote: str, where: str) -> int:
    n = text.count(quote)
    assert n == 1, f"{where}: quote {quote!r} found {n} times"
    return text.index(quote)


def main() -> None:
    threads, problems = load_paths([HERE / "threads"])
    assert not problems, problems
    msgs = {(t.id, m.id): m.text for t in threads for m in t.messages()}
    ents = {"description": __doc__.strip().splitlines()[0] + " Entity gold, same schema as tests/gold/seeds.json.",
            "threads": {t.id: str(Path(t.source).resolve().relative_to(ROOT)) for t in threads}, "entities": []}
    ids = {}
    forms = []
    for i, (key, typ, name, kind, surfaces) in enumerate(ENTITIES):
        ids[key] = i
        ents["entities"].append({"id": i, "type": typ, "name": name, "kind": kind, "names": [], "mentions": []})
        for tid, fs in surfaces.items():
            for s in fs:
                pat, only = compile_form(s)
                forms.append((len(s), i, tid, pat, only))
    forms.sort(key=lambda f: -f[0])
    for t in threads:
        for m in t.messages():
            blocked = [(u.start(), u.end()) for u in URL.finditer(m.text)]
            taken = []
            for _, i, tid, pat, only in forms:
                if tid != t.id or (only and m.id not in only):
                    continue
                for hit in pat.finditer(m.text):
                    a, b = hit.span(1)
                    if any(x < b and a < y for x, y in blocked + taken):
                        continue
                    taken.append((a, b))
                    ents["entities"][i]["mentions"].append(
                        {"thread": t.id, "message": m.id, "start": a, "end": b, "text": m.text[a:b]})
    for e in ents["entities"]:
        e["mentions"].sort(key=lambda x: (x["thread"], [int(p) if p.isdigit() else -1 for p in x["message"].lstrip("c").split(".")], x["start"]))
        e["names"] = sorted({x["text"] for x in e["mentions"]})
        assert e["mentions"], f"no mention found for {e['name']}"

    def span(t, m, text):
        a = locate(msgs[(t, m)], text, f"{t}/{m}")
        return {"thread": t, "message": m, "start": a, "end": a + len(text), "text": text}

    def end(x):
        if isinstance(x, list):
            return [end(y) for y in x]
        if x is None or (isinstance(x, str) and re.fullmatch(r"K\d+", x)):
            return x
        if isinstance(x, tuple):
            return span(*x[1:])
        return ids[x]

    contracts = []
    for cid, name, buyer, value, term, lots, mentions in CONTRACTS:
        c = {"id": cid, "name": name, "buyer": ids[buyer], "value": value, "term_years": term}
        if lots:
            c["lots"] = lots
        c["mentions"] = [span(*x) for x in mentions]
        contracts.append(c)
    facts = []
    for f in FACTS:
        out = {"kind": f["kind"], "subject": end(f["subject"]), "object": end(f["object"]), "status": f["status"]}
        for k, v in f.items():
            if k not in out and k != "evidence":
                out[k] = ids[v] if k == "on_behalf_of" else v
        out["evidence"] = []
        for t, m, q in f["evidence"]:
            sp = span(t, m, q)
            out["evidence"].append({"thread": t, "message": m, "start": sp["start"], "end": sp["end"], "quote": q})
        facts.append(out)
    rels = {"description": "Second BLIND relation gold for tests/gold/blind2/threads (written without looking at the extractor's "
                           "rules or output), same schema and matching as tests/gold/seeds_relations.json: what one "
                           "comment states; an end is a gold entity id, a contract id, a span, null, or a list of "
                           "accepted ends. Evidence quotes equal the ingested message text at their offsets.",
            "entities": "tests/gold/blind2/entities.json", "contracts": contracts, "facts": facts}
    (HERE / "entities.json").write_text(json.dumps(ents, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (HERE / "entities_relations.json").write_text(json.dumps(rels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(e["mentions"]) for e in ents["entities"])
    print(f"{len(ents['entities'])} entities, {n} mentions, {len(contracts)} contracts, {len(facts)} facts")


if __name__ == "__main__":
    main()
