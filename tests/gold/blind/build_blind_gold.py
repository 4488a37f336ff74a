"""Rebuild tests/gold/blind/entities.json and entities_relations.json: a BLIND gold for two invented threads.

The threads (tests/gold/blind/threads/*.jsonl) and this gold were written before looking at the
extractor's rules or output, to measure how threadgraph does on threads it was never tuned on.
The annotation is the tables below, written by hand; this script only turns them into character
spans in the ingested message texts (graph.ingest.load_paths) and checks every quote.
Run from the repository root:  python tests/gold/blind/build_blind_gold.py

Conventions (as tests/gold/build_seeds_gold.py): a mention span is the name without honorifics
("Cllr", "Dr", "Mr") and without a leading "the" or a possessive "'s"; roles, generic classes,
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
W, F = "westmarsh-bins", "fenland-pathology"

# (key, type, preferred name, kind, {thread: [surface forms]})
ENTITIES = [
    # --- westmarsh-bins
    ("council", "Organization", "Westmarsh Borough Council", "government", {W: ["Westmarsh Borough Council"]}),
    ("greenway", "Organization", "Greenway Environmental Services Ltd", "company",
     {W: ["Greenway Environmental Services Ltd", "greenway environmental services ltd", "Greenway"]}),
    ("arlen", "Organization", "Arlen Group plc", "company", {W: ["Arlen Group plc", "Arlen Group", "Arlen"]}),
    ("clearbin", "Organization", "Clearbin UK Ltd", "company", {W: ["Clearbin UK Ltd", "Clearbin"]}),
    ("tolland", "Organization", "Tolland Waste Solutions", "company", {W: ["Tolland Waste Solutions", "Tolland"]}),
    ("marren", "Organization", "Marren Services Group", "company", {W: ["Marren Services Group", "Marren"]}),
    ("wactive", "Organization", "Westmarsh Active Ltd", "company", {W: ["Westmarsh Active Ltd", "Westmarsh Active"]}),
    ("fenmoor", "Organization", "Fenmoor Leisure Trust", "charity", {W: ["Fenmoor Leisure Trust", "Fenmoor@c18"]}),
    ("mwu", "Organization", "Municipal Workers Union", "union", {W: ["Municipal Workers Union", "MWU"]}),
    ("gazette", "Organization", "Westmarsh Gazette", "media", {W: ["Westmarsh Gazette"]}),
    ("con", "Organization", "Conservative Party", "party", {W: ["Conservative"]}),
    ("libdem", "Organization", "Liberal Democrats", "party", {W: ["Lib Dem"]}),
    ("green", "Organization", "Green Party", "party", {W: ["Green Party"]}),
    ("oversight", "Organization", "Overview and Scrutiny Committee", "committee", {W: ["Overview and Scrutiny Committee"]}),
    ("kestrel", "Organization", "Kestrel Equity Partners LLP", "company", {W: ["Kestrel Equity Partners LLP"]}),
    ("verhoek", "Organization", "Verhoek Groep NV", "company", {W: ["Verhoek Groep NV"]}),
    ("daleford", "Organization", "Daleford District Council", "government", {W: ["Daleford District Council"]}),
    ("arlenleisure", "Organization", "Arlen Leisure", "company", {W: ["Arlen Leisure"]}),
    ("everfit", "Organization", "Everfit Leisure Ltd", "company", {W: ["Everfit Leisure Ltd"]}),
    ("summit", "Organization", "Summit Leisure Partnerships CIC", "company", {W: ["Summit Leisure Partnerships CIC"]}),
    ("ashdown", "Person", "Karen Ashdown", None, {W: ["Karen Ashdown", "karen ashdown"]}),
    ("derek", "Person", "Derek Pollard", None, {W: ["Derek Pollard", "Cllr [Pollard]", "[Pollard]'s mates", "[Pollard] out"]}),
    ("susan", "Person", "Susan Pollard", None, {W: ["Susan Pollard", "Mrs [Pollard]", "Susan"]}),
    ("jamie", "Person", "Jamie Pollard", None, {W: ["Jamie Pollard"]}),
    ("hussain", "Person", "Amira Hussain", None, {W: ["Amira Hussain"]}),
    ("thwaite", "Person", "Gary Thwaite", None, {W: ["Gary Thwaite"]}),
    ("ellery", "Person", "Tom Ellery", None, {W: ["Tom Ellery", "TE@c12.1"]}),
    ("keble", "Person", "Martin Keble", None, {W: ["Martin Keble", "Keble"]}),
    ("rudd", "Person", "Helen Rudd", None, {W: ["Helen Rudd"]}),
    ("neil", "Person", "Neil Ashdown", None, {W: ["Neil Ashdown", "Neil@c15.1"]}),
    ("orme", "Person", "Philip Orme", None, {W: ["Philip Orme"]}),
    # --- fenland-pathology
    ("nfht", "Organization", "North Fenland Hospitals NHS Foundation Trust", "government",
     {F: ["North Fenland Hospitals NHS Foundation Trust", "North Fenland Hospitals", "NFHT"]}),
    ("fenpath", "Organization", "Fenpath Diagnostics LLP", "company",
     {F: ["Fenpath Diagnostics LLP", "Fenpath", "Corvane North"]}),
    ("corvane", "Organization", "Corvane Health plc", "company",
     {F: ["Corvane Health plc", "Corvane Health", "Corvane", "corvane"]}),
    ("medivance", "Organization", "Medivance Holdings", "company", {F: ["Medivance Holdings", "medivance"]}),
    ("stellar", "Organization", "Stellar Medical Inc", "company", {F: ["Stellar Medical Inc", "Stellar Medical", "Stellar"]}),
    ("halden", "Organization", "Halden Laboratories Ltd", "company",
     {F: ["Halden Laboratories Ltd", "Halden Laboratories", "Halden"]}),
    ("brightwater", "Organization", "Brightwater Clinical Services", "company",
     {F: ["Brightwater Clinical Services", "Brightwater"]}),
    ("hswu", "Organization", "Health Science Workers' Union", "union", {F: ["Health Science Workers' Union", "HSWU"]}),
    ("icb", "Organization", "Fenland Integrated Care Board", "government",
     {F: ["Fenland Integrated Care Board", "Fenland ICB", "ICB"]}),
    ("labour", "Organization", "Labour Party", "party", {F: ["Labour"]}),
    ("larkspur", "Organization", "Larkspur Advisory", "company", {F: ["Larkspur Advisory", "Larkspur"]}),
    ("blackmoor", "Organization", "Blackmoor Partners", "company", {F: ["Blackmoor Partners", "Blackmoor"]}),
    ("ostrava", "Organization", "Ostrava Health Group", "company", {F: ["Ostrava Health Group"]}),
    ("hscc", "Organization", "Health and Social Care Committee", "committee", {F: ["Health and Social Care Committee"]}),
    ("fpp", "Organization", "Fenland Pathology Partnership", "other", {F: ["Fenland Pathology Partnership"]}),
    ("fgh", "Organization", "Fenland General Hospital", "government", {F: ["Fenland General Hospital"]}),
    ("aldhelm", "Organization", "St Aldhelm's", "government", {F: ["St Aldhelm's"]}),
    ("marchetti", "Person", "Fiona Marchetti", None, {F: ["Fiona Marchetti"]}),
    ("osgood", "Person", "Nigel Osgood", None, {F: ["Nigel Osgood", "nigel osgood", "Mr [Osgood]"]}),
    ("claire", "Person", "Claire Osgood", None, {F: ["Claire Osgood"]}),
    ("kerrigan", "Person", "Dave Kerrigan", None, {F: ["Dave Kerrigan", "DK@c6"]}),
    ("rowcroft", "Person", "Jenny Rowcroft", None, {F: ["Jenny Rowcroft"]}),
    ("ferrante", "Person", "Simon Ferrante", None, {F: ["Simon Ferrante"]}),
    ("menon", "Person", "Rajesh Menon", None, {F: ["Rajesh Menon", "Menon"]}),
    ("bexley", "Person", "Tom Bexley", None, {F: ["Tom Bexley"]}),
    ("tennant", "Person", "Mark Tennant", None, {F: ["Mark Tennant"]}),
]

# Contracts: (id, name, buyer key, value, term_years, [(thread, message, text)]); lots none here.
CONTRACTS = [
    ("K1", "Westmarsh waste and recycling collection contract", "council",
     {"amount": "84000000", "currency": "GBP", "period": None, "at_least": False}, "8",
     [(W, "post", "its waste and recycling collection contract"), (W, "post", "a deal worth £84 million over eight years"),
      (W, "post", "the contract after a two-year procurement")]),
    ("K2", "Westmarsh leisure centres contract (three leisure centres to Westmarsh Active)", "council",
     {"amount": "3500000", "currency": "GBP", "period": "year", "at_least": False}, "10",
     [(W, "post", "transfer the borough's three leisure centres"), (W, "post", "The ten-year arrangement is worth £3.5m a year"),
      (W, "c18", "the leisure contract")]),
    ("K3", "NFHT pathology services contract (Fenpath joint venture)", "nfht",
     {"amount": "240000000", "currency": "GBP", "period": None, "at_least": False}, "15",
     [(F, "post", "a 15-year, £240m contract to move all of its pathology services")]),
    ("K4", "the pathology business case consultancy", "nfht",
     {"amount": "380000", "currency": "GBP", "period": None, "at_least": False}, None,
     [(F, "c2", "the consultancy that wrote the business case"), (F, "c2.1", "Larkspur's fee was £380,000")]),
]

# Facts: dict with kind, subject, object (entity key | contract id | ("span", thread, msg, text) | None | list),
# status, extra fields, evidence [(thread, message, quote)].
def S(t, m, text):
    return ("span", t, m, text)


FACTS = [
    # ---------------- westmarsh-bins: post
    dict(kind="owned_by", subject="greenway", object="arlen", status="asserted", share="full",
         evidence=[(W, "post", "Greenway Environmental Services Ltd, a subsidiary of the Arlen Group plc"),
                   (W, "c7", "Greenway is 100% owned by Arlen")]),
    dict(kind="bid", subject="greenway", object="K1", status="asserted", bid_status="awarded",
         evidence=[(W, "post", "Westmarsh Borough Council has awarded its waste and recycling collection contract to Greenway Environmental Services Ltd")]),
    dict(kind="buyer", subject="K1", object="council", status="asserted",
         evidence=[(W, "post", "Westmarsh Borough Council has awarded its waste and recycling collection contract")]),
    dict(kind="renamed", subject="clearbin", object="greenway", status="asserted",
         note="'The company' is Greenway (previous sentence).",
         evidence=[(W, "post", "The company, formerly known as Clearbin UK Ltd")]),
    dict(kind="bid", subject="tolland", object="K1", status="asserted", bid_status="bidding",
         evidence=[(W, "post", "beat Tolland Waste Solutions and Marren Services Group to the contract"),
                   (W, "c8", "Tolland Waste Solutions (part of Verhoek Groep NV, the Dutch outfit) bid €9m a year less than Greenway")]),
    dict(kind="bid", subject="marren", object="K1", status="asserted", bid_status="bidding",
         evidence=[(W, "post", "beat Tolland Waste Solutions and Marren Services Group to the contract")]),
    dict(kind="post", subject="ashdown", object="council", status="asserted", role=["Director of Environment"], current=True,
         evidence=[(W, "post", "The council's Director of Environment, Karen Ashdown")]),
    dict(kind="bid", subject="wactive", object="K2", status="asserted", bid_status="awarded",
         evidence=[(W, "post", "the cabinet agreed to transfer the borough's three leisure centres to Westmarsh Active Ltd")]),
    dict(kind="partner", subject="arlen", object="fenmoor", status="asserted",
         evidence=[(W, "post", "a joint venture between Arlen Group and the Fenmoor Leisure Trust"),
                   (W, "c11", "the Fenmoor Leisure Trust is a registered charity and its chair, Dr Helen Rudd, has written to members explaining why we went into partnership with Arlen")]),
    dict(kind="owned_by", subject="wactive", object="arlen", status="asserted", share="part",
         note="A joint venture company is owned by its parents; c11 gives the shares (51%).",
         evidence=[(W, "post", "Westmarsh Active Ltd, a joint venture between Arlen Group"),
                   (W, "c11", "The trust will hold 49% of Westmarsh Active and Arlen the other 51%")]),
    dict(kind="owned_by", subject="wactive", object="fenmoor", status="asserted", share="part",
         evidence=[(W, "post", "Westmarsh Active Ltd, a joint venture between Arlen Group and the Fenmoor Leisure Trust"),
                   (W, "c11", "The trust will hold 49% of Westmarsh Active")]),
    dict(kind="post", subject="derek", object="council", status="asserted", role=["leader of the council", "leader"], current=True,
         evidence=[(W, "post", "The leader of the council, Cllr Derek Pollard")]),
    dict(kind="party", subject="derek", object="con", status="asserted",
         evidence=[(W, "post", "Cllr Derek Pollard (Conservative)"),
                   (W, "c12", "Derek Pollard has been leader since 2019 and Conservative group leader")]),
    dict(kind="post", subject="hussain", object=["council", None], status="asserted",
         role=["opposition leader", "Lib Dem councillor", "councillor"], current=True,
         evidence=[(W, "post", "opposition leader Cllr Amira Hussain"),
                   (W, "c6", "Amira Hussain, Lib Dem councillor for Northgate ward")]),
    dict(kind="party", subject="hussain", object="libdem", status="asserted",
         evidence=[(W, "post", "Cllr Amira Hussain (Lib Dem)"), (W, "c6", "Amira Hussain, Lib Dem councillor")]),
    dict(kind="post", subject="thwaite", object="mwu", status="asserted", role=["branch secretary"], current=True,
         note="c16: a signature under the union's statement.",
         evidence=[(W, "post", "Gary Thwaite, branch secretary of the MWU"),
                   (W, "c16", "Statement from the Municipal Workers Union: we have written to the Chief Executive of Westmarsh Borough Council, Philip Orme, asking for guarantees under TUPE for all 140 staff.\nGary Thwaite, Branch Secretary")]),
    dict(kind="family", subject="susan", object="derek", status="reported", relation="spouse",
         evidence=[(W, "post", "Cllr Pollard's wife, Susan Pollard")]),
    dict(kind="post", subject="susan", object="arlen", status="reported", role=["non-executive director"], current=False,
         evidence=[(W, "post", "Susan Pollard, was until last year a non-executive director of Arlen Group")]),
    # comments
    dict(kind="owned_by", subject="arlen", object="susan", status="questioned", share="part",
         note="Denied in c2.1 (sold in 2022).",
         evidence=[(W, "c2", "Is it true that Susan Pollard still holds shares in Arlen?")]),
    dict(kind="coi_stated", subject="derek", object=["arlen", "susan"], status="hedged",
         note="The conflict is Derek Pollard's, through his wife's shares in Arlen (previous sentence).",
         evidence=[(W, "c2", "If so thats a massive conflict of interest for Derek Pollard")]),
    dict(kind="post", subject="ashdown", object="tolland", status="asserted", role=["operations director"], current=False,
         evidence=[(W, "c3", "karen ashdown was at Tolland before she joined the council, she was their operations director")]),
    dict(kind="post", subject="keble", object="arlen", status="asserted", role=["Chief Executive"], current=True,
         evidence=[(W, "c5", "Martin Keble, the Chief Executive of Arlen Group")]),
    dict(kind="family", subject="keble", object="derek", status="hedged", relation="in_law",
         note="'Word has it ... Can anyone confirm?'; denied in c5.1.",
         evidence=[(W, "c5", "Martin Keble, the Chief Executive of Arlen Group, is Derek Pollard's brother-in-law")]),
    dict(kind="owned_by", subject="arlen", object="kestrel", status="asserted", share="part",
         evidence=[(W, "c7", "Arlen Group plc's biggest shareholder is Kestrel Equity Partners LLP, which owns about 38% of it")]),
    dict(kind="owned_by", subject="tolland", object="verhoek", status="asserted", share="full",
         evidence=[(W, "c8", "Tolland Waste Solutions (part of Verhoek Groep NV")]),
    dict(kind="post", subject="rudd", object="fenmoor", status="asserted", role=["chair"], current=True,
         evidence=[(W, "c11", "the Fenmoor Leisure Trust is a registered charity and its chair, Dr Helen Rudd")]),
    dict(kind="family", subject="jamie", object="derek", status="asserted", relation="parent",
         note="'His' is Derek Pollard (previous sentence of the same comment).",
         evidence=[(W, "c12", "His son Jamie Pollard")]),
    dict(kind="post", subject="jamie", object="arlen", status="asserted", role=None, current=True,
         note="Denied in c12.1 only as to the Westmarsh bid.",
         evidence=[(W, "c12", "Jamie Pollard works in Arlen's bid team")]),
    dict(kind="family", subject="ashdown", object="neil", status="asserted", relation="spouse",
         evidence=[(W, "c15", "Karen Ashdown is married to Neil Ashdown")]),
    dict(kind="post", subject="neil", object="marren", status="asserted", role=["finance director"], current=True,
         note="Doubted in c15.1.",
         evidence=[(W, "c15", "Neil Ashdown who is the finance director at Marren Services Group")]),
    dict(kind="post", subject="neil", object="daleford", status="hedged", role=None, current=True,
         evidence=[(W, "c15.1", "I thought Neil left Marren last year and joined Daleford District Council")]),
    dict(kind="post", subject="orme", object="council", status="asserted", role=["Chief Executive"], current=True,
         evidence=[(W, "c16", "the Chief Executive of Westmarsh Borough Council, Philip Orme")]),
    dict(kind="owned_by", subject="arlenleisure", object="arlen", status="asserted", share="full",
         evidence=[(W, "c17", "Arlen Leisure, which is Arlen's leisure division")]),
    dict(kind="renamed", subject="everfit", object="arlenleisure", status="asserted",
         evidence=[(W, "c17", "Arlen Leisure, which is Arlen's leisure division (formerly Everfit Leisure Ltd")]),
    dict(kind="bid", subject="summit", object="K2", status="asserted", bid_status="withdrawn",
         note="'the leisure contract' is named in the comment it answers (c18).",
         evidence=[(W, "c18.1", "There was one other bid, from Summit Leisure Partnerships CIC, but they withdrew in March")]),

    # ---------------- fenland-pathology: post
    dict(kind="bid", subject="fenpath", object="K3", status="asserted", bid_status="awarded",
         evidence=[(F, "post", "has signed a 15-year, £240m contract to move all of its pathology services into Fenpath Diagnostics LLP")]),
    dict(kind="buyer", subject="K3", object="nfht", status="asserted",
         evidence=[(F, "post", "North Fenland Hospitals NHS Foundation Trust (NFHT) has signed a 15-year, £240m contract")]),
    dict(kind="partner", subject="nfht", object="corvane", status="asserted",
         evidence=[(F, "post", "Fenpath Diagnostics LLP, a joint venture with Corvane Health plc")]),
    dict(kind="owned_by", subject="fenpath", object="nfht", status="asserted", share="part",
         evidence=[(F, "post", "the trust will own 49.9% of Fenpath"), (F, "c13", "the trust only owns 49.9%")]),
    dict(kind="owned_by", subject="fenpath", object="corvane", status="asserted", share="part",
         evidence=[(F, "post", "Fenpath Diagnostics LLP, a joint venture with Corvane Health plc"),
                   (F, "post", "the trust will own 49.9% of Fenpath and Corvane the rest")]),
    dict(kind="renamed", subject="medivance", object="corvane", status="asserted",
         evidence=[(F, "post", "Corvane, formerly known as Medivance Holdings"),
                   (F, "c12", "corvane. medivance. same people, same rubbish. they changed the name")]),
    dict(kind="owned_by", subject="corvane", object="stellar", status="asserted", share="full",
         evidence=[(F, "post", "Corvane, formerly known as Medivance Holdings, has been a subsidiary of the American group Stellar Medical Inc")]),
    dict(kind="bid", subject="corvane", object="K3", status="asserted", bid_status="shortlisted",
         evidence=[(F, "post", "Three firms were shortlisted: Corvane, Halden Laboratories Ltd and Brightwater Clinical Services")]),
    dict(kind="bid", subject="halden", object="K3", status="asserted", bid_status="shortlisted",
         evidence=[(F, "post", "Three firms were shortlisted: Corvane, Halden Laboratories Ltd and Brightwater Clinical Services")]),
    dict(kind="bid", subject="brightwater", object="K3", status="asserted", bid_status="shortlisted",
         evidence=[(F, "post", "Three firms were shortlisted: Corvane, Halden Laboratories Ltd and Brightwater Clinical Services")]),
    dict(kind="bid", subject="halden", object="K3", status="asserted", bid_status="withdrawn",
         evidence=[(F, "post", "Halden withdrew before final bids"), (F, "c10", "Halden pulled out")]),
    dict(kind="post", subject="marchetti", object="nfht", status="asserted", role=["Chief Executive"], current=True,
         evidence=[(F, "post", "The trust's Chief Executive, Dr Fiona Marchetti")]),
    dict(kind="post", subject="osgood", object="nfht", status="asserted", role=["chair"], current=True,
         note="'The board' is the trust's board.",
         evidence=[(F, "post", "The board is chaired by Nigel Osgood")]),
    dict(kind="post", subject="osgood", object="corvane", status="asserted", role=["director"], current=False,
         evidence=[(F, "post", "Nigel Osgood, a former Corvane director"),
                   (F, "c5", "nigel osgood was a director of Corvane until 2020")]),
    dict(kind="coi_stated", subject="osgood", object=["corvane", None], status="asserted",
         note="The conflict is with Corvane (previous sentence).",
         evidence=[(F, "post", "Mr Osgood declared a conflict of interest")]),
    dict(kind="post", subject="kerrigan", object="hswu", status="asserted", role=["regional organiser"], current=True,
         evidence=[(F, "post", "Its regional organiser, Dave Kerrigan"),
                   (F, "c6", "Dave Kerrigan here, regional organiser for the HSWU")]),
    dict(kind="post", subject="rowcroft", object=None, status="asserted", role=["MP", "local MP", "Labour MP"], current=True,
         evidence=[(F, "post", "The local MP, Jenny Rowcroft"), (F, "c11", "Jenny Rowcroft, Labour MP")]),
    dict(kind="party", subject="rowcroft", object="labour", status="asserted",
         evidence=[(F, "post", "Jenny Rowcroft (Labour"), (F, "c11", "Jenny Rowcroft, Labour MP")]),
    dict(kind="mp_for", subject="rowcroft", object=[S(F, "post", "North Fenland), has"), S(F, "c11", "North Fenland")],
         status="asserted",
         evidence=[(F, "post", "The local MP, Jenny Rowcroft (Labour, North Fenland)"),
                   (F, "c11", "Jenny Rowcroft, Labour MP for North Fenland")]),
    # comments
    dict(kind="family", subject="marchetti", object="ferrante", status="questioned", relation="spouse",
         note="Confirmed in c2.1 ('she is').",
         evidence=[(F, "c2", "Is it true that Fiona Marchetti is married to Simon Ferrante")]),
    dict(kind="post", subject="ferrante", object="larkspur", status="questioned", role=["partner"], current=True,
         evidence=[(F, "c2", "Simon Ferrante, a partner at Larkspur Advisory")]),
    dict(kind="bid", subject="larkspur", object="K4", status="asserted", bid_status="awarded",
         evidence=[(F, "c2", "Larkspur Advisory, the consultancy that wrote the business case"),
                   (F, "c2.1", "Larkspur's fee was £380,000")]),
    dict(kind="coi_stated", subject=["marchetti", "ferrante"], object=["larkspur", "ferrante", "marchetti"], status="questioned",
         note="The ends are named in c2, which c2.1 answers.",
         evidence=[(F, "c2.1", "I've asked the trust whether that's a conflict of interest")]),
    dict(kind="owned_by", subject="stellar", object="blackmoor", status="hedged", share=None,
         note="Denied in c4.1 (Blackmoor sold out in 2019).",
         evidence=[(F, "c4", "Word has it Stellar Medical is owned by a private equity fund, Blackmoor Partners")]),
    dict(kind="post", subject="menon", object="nfht", status="asserted", role=["medical director"], current=True,
         evidence=[(F, "c7", "Dr Rajesh Menon, the trust's medical director")]),
    dict(kind="owned_by", subject="brightwater", object="ostrava", status="asserted", share="full",
         evidence=[(F, "c9", "Brightwater Clinical Services is a subsidiary of the Ostrava Health Group")]),
    dict(kind="bid", subject="brightwater", object="K3", status="asserted", bid_status="bidding",
         note="'they bid €310m over 15 years and still lost'.",
         evidence=[(F, "c9", "they bid €310m over 15 years and still lost")]),
    dict(kind="partner", subject="halden", object="corvane", status="hedged",
         evidence=[(F, "c10", "Halden Laboratories is in partnership with Corvane")]),
    dict(kind="post", subject="bexley", object="hscc", status="asserted", role=["chair"], current=True,
         evidence=[(F, "c11", "the chair of the Health and Social Care Committee, Tom Bexley")]),
    dict(kind="post", subject="bexley", object=None, status="asserted", role=["MP"], current=True,
         evidence=[(F, "c11", "Tom Bexley MP")]),
    dict(kind="family", subject="claire", object="osgood", status="asserted", relation="parent",
         evidence=[(F, "c15", "Nigel Osgood's daughter, Claire Osgood")]),
    dict(kind="post", subject="claire", object="corvane", status="asserted", role=["head of bids"], current=True,
         note="c15.1: Corvane say she left in January.",
         evidence=[(F, "c15", "Claire Osgood, is head of bids at Corvane Health")]),
    dict(kind="post", subject="tennant", object="icb", status="asserted", role=["chief exec", "Chief Executive"], current=True,
         evidence=[(F, "c16.1", "The ICB chief exec is Mark Tennant")]),
    dict(kind="post", subject="tennant", object="stellar", status="asserted", role=["Director of Strategy"], current=False,
         note="'Stellar Medical's UK arm': an unnamed unit of Stellar Medical.",
         evidence=[(F, "c16.1", "Mark Tennant, who was previously Director of Strategy at Stellar Medical's UK arm")]),
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
    for cid, name, buyer, value, term, mentions in CONTRACTS:
        contracts.append({"id": cid, "name": name, "buyer": ids[buyer], "value": value, "term_years": term,
                          "mentions": [span(*x) for x in mentions]})
    facts = []
    for f in FACTS:
        out = {"kind": f["kind"], "subject": end(f["subject"]), "object": end(f["object"]), "status": f["status"]}
        for k, v in f.items():
            if k not in out and k != "evidence":
                out[k] = v
        out["evidence"] = []
        for t, m, q in f["evidence"]:
            sp = span(t, m, q)
            out["evidence"].append({"thread": t, "message": m, "start": sp["start"], "end": sp["end"], "quote": q})
        facts.append(out)
    rels = {"description": "BLIND relation gold for tests/gold/blind/threads (written before looking at the extractor's "
                           "rules or output), same schema and matching as tests/gold/seeds_relations.json: what one "
                           "comment states; an end is a gold entity id, a contract id, a span, null, or a list of "
                           "accepted ends. Evidence quotes equal the ingested message text at their offsets.",
            "entities": "tests/gold/blind/entities.json", "contracts": contracts, "facts": facts}
    (HERE / "entities.json").write_text(json.dumps(ents, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (HERE / "entities_relations.json").write_text(json.dumps(rels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(e["mentions"]) for e in ents["entities"])
    print(f"{len(ents['entities'])} entities, {n} mentions, {len(contracts)} contracts, {len(facts)} facts")


if __name__ == "__main__":
    main()
