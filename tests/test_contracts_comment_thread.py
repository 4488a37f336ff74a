"""A small invented comment thread about one council contract, read end to end (extraction, then
resolution as the build runs it): every bid and buyer a careful reader finds, with its bid status and
how the text holds it, and nothing from the near misses ("bid farewell", "contract of employment", "a
bid to save the day centre"). All names are invented."""
from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread
from graph.resolve import resolve

POST = ("Ashby County Council has awarded its home care contract to Brennock Care Services Ltd in a deal worth "
        "£46m over six years.\nThe other bidders were Holloway Healthcare Ltd and Mereside Care Group. The "
        "incumbent, Fallowfield Care Ltd, did not bid again.\nBrennock Care Services Ltd will run the service "
        "from 1 October.")
COMMENTS = [
    ("c1", "post", "Holloway Healthcare Ltd lost out on price apparently. Their bid was £3m higher."),
    ("c2", "post", "Didn't Ravensworth Homes Ltd bid too?"),
    ("c2.1", "c2", "Ravensworth Homes Ltd says it never bid for the contract."),
    ("c3", "post", "Mereside Care Group pulled out of the race in June, I heard."),
    ("c4", "post", "Fallowfield Care Ltd had the previous contract for ten years. Good riddance."),
    ("c5", "post", "We said goodbye to my nan's carer last week. The council bid farewell to quality care long ago."),
    ("c6", "post", "Brennock Care Services Ltd also has a £2m contract with Ashby County Council for day centres."),
    ("c7", "post", "Staff will transfer under TUPE but their contract of employment will change. The union "
                   "launched a bid to save the day centre."),
]

HOME = "home care contract"
EXPECTED = {
    ("post", "bid", "Brennock Care Services Ltd", HOME, "awarded", "asserted"),
    ("post", "buyer", HOME, "Ashby County Council", None, "asserted"),
    ("post", "bid", "Holloway Healthcare Ltd", HOME, "bidding", "asserted"),
    ("post", "bid", "Mereside Care Group", HOME, "bidding", "asserted"),
    ("post", "bid", "Fallowfield Care Ltd", HOME, "bidding", "denied"),  # "did not bid again"
    ("c1", "bid", "Holloway Healthcare Ltd", HOME, "bidding", "hedged"),
    ("c2", "bid", "Ravensworth Homes Ltd", HOME, "bidding", "questioned"),
    ("c2.1", "bid", "Ravensworth Homes Ltd", HOME, "bidding", "denied"),
    ("c3", "bid", "Mereside Care Group", HOME, "withdrawn", "hedged"),
    ("c6", "bid", "Brennock Care Services Ltd", "DAY", "awarded", "asserted"),
    ("c6", "buyer", "DAY", "Ashby County Council", None, "asserted"),
}


@pytest.fixture(scope="module")
def graph():
    thread = Thread(id="ashby-care", source="test", post=Message(id="post", text=POST),
                    comments=[Message(id=i, parent=p, text=t) for i, p, t in COMMENTS])
    mentions, relations = extract_thread(thread)
    entities, rels, _ = resolve(mentions, relations)
    return entities, [r for r in rels if r.kind in ("bid", "buyer")]


def _name(entities, ref) -> str:
    e = entities[ref]
    if e.type == "Contract":
        return HOME if "home care" in e.name else "DAY" if "day centres" in e.name else e.name
    return e.name.rstrip(".")


def test_every_bid_and_buyer_of_the_thread_and_nothing_else(graph):
    entities, rels = graph
    got = {(r.evidence.message, r.kind, _name(entities, r.subject), _name(entities, r.object),
            r.qualifiers.get("status"), r.status) for r in rels}
    assert got == EXPECTED


def test_the_replies_bid_for_the_posts_contract(graph):
    entities, rels = graph
    contracts = {r.object for r in rels if r.kind == "bid" and r.evidence.message in ("c1", "c2", "c2.1", "c3")}
    assert len(contracts) == 1 and _name(entities, contracts.pop()) == HOME


def test_the_posts_contract_carries_value_and_term(graph):
    entities, _ = graph
    (home,) = [e for e in entities.values() if e.type == "Contract" and "home care" in e.name]
    attrs = {k: v for m in home.mentions for k, v in (m.attrs or {}).items()}
    assert (attrs["value"], attrs["currency"], attrs["term_years"]) == (Decimal("46000000"), "GBP", Decimal("6"))


def test_evidence_quotes_are_the_text_at_their_offsets(graph):
    _, rels = graph
    texts = {"post": POST} | {i: t for i, _, t in COMMENTS}
    for r in rels:
        ev = r.evidence
        assert texts[ev.message][ev.start:ev.end] == ev.quote
