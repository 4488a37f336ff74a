"""Bidders named with no contract: "The bidders include X and Y", and a writer who points at "the
bidders" in one sentence and names them at the start of the next ("If you look at the bidders ... .
X for example is part owned by the council")."""
from __future__ import annotations

import pytest

import graph.extract.assemble as assemble
from graph.extract import Extractor, _mentions_from_doc, extract_thread
from graph.extract import slots as slotmod
from graph.extract.contracts import listed_bidders, opening_bidders, pointed_bidders
from graph.extract.facts import Arg
from graph.model import Message, Thread


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def sentences(ex, text: str) -> list:
    """The message's sentences as the rules see them: parsed, with their name slots."""
    msg = Message(id="p", text=text)
    doc = next(ex.cheap_docs([text]))
    work = assemble.MessageWork("t", msg, doc, _mentions_from_doc(doc, "t", msg))
    out = []
    for s in work.sents:
        sd = ex.parse([s.as_doc()])[0]
        out.append(slotmod.build(sd, s.start_char, work._in(s), work.names()))
    return out


def run(text: str):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    return by_ref, [r for r in relations if r.kind == "bid"]


# ------------------------------------------------- the sentence that points at the bidders
@pytest.mark.parametrize("text", [
    "If you look at the bidders there is something odd going on.",
    "Just check the bidders.",
    "Have you seen these bidders?",
])
def test_a_writer_pointing_at_the_bidders(ex, text):
    (s,) = sentences(ex, text)
    c = pointed_bidders(s)
    assert c is not None and c.label == "Contract" and dict(c.attrs)["unnamed"] is True
    assert s.doc[c.start:c.end].text.split()[-1] == "bidders"


@pytest.mark.parametrize("text", [
    "If you look at the bidders for the rail contract there is something odd going on.",  # a contract named
    "If you look at the suppliers there is something odd going on.",  # suppliers need not be bidders
    "I met the bidders at the station.",  # no pointing
    "Look at the bidders, Brightwater Holdings Ltd is owned by the council.",  # names in the sentence itself
    "The bidders were all disappointed.",
])
def test_no_pointing_at_bidders(ex, text):
    assert pointed_bidders(sentences(ex, text)[0]) is None


# ------------------------------------------------- the sentence that names them
@pytest.mark.parametrize("text,names", [
    ("Brightwater Holdings Ltd for example is part owned by the council.", ["Brightwater Holdings Ltd"]),
    ("Brightwater Holdings Ltd and Calder Foods Ltd are both owned by one family.",
     ["Brightwater Holdings Ltd", "Calder Foods Ltd"]),
    ("Brightwater Holdings Ltd, Calder Foods Ltd and Sandford Rail Ltd, for instance, have the same directors.",
     ["Brightwater Holdings Ltd", "Calder Foods Ltd", "Sandford Rail Ltd"]),
])
def test_the_organisations_opening_the_next_sentence(ex, text, names):
    (s,) = sentences(ex, text)
    got = opening_bidders(s)
    assert [s.slots[a.slot].text for a in got] == names
    facts = listed_bidders(s, got, Arg(ref="contract-ref"))
    assert [(f.kind, f.object.ref, f.qualifiers["status"]) for f in facts] == [("bid", "contract-ref", "bidding")] * len(names)


@pytest.mark.parametrize("text", [
    "The council said Brightwater Holdings Ltd is owned by a trust.",  # not the opening subject
    "Brightwater Holdings Ltd's owners live abroad.",  # a possessor, not the subject
    "Brightwater Holdings Ltd and other firms are owned by one family.",  # the list does not end on a name
])
def test_no_bidders_where_the_sentence_does_not_open_with_them(ex, text):
    (s,) = sentences(ex, text)
    assert opening_bidders(s) == []


# ------------------------------------------------- "The bidders include X and Y": no contract named
def test_the_bidders_include_without_a_contract_is_a_bid_for_an_unnamed_one():
    by_ref, bids = run("The bidders include Brightwater Holdings Ltd and Calder Foods Ltd.")
    # (the entity pass may keep the full stop after "Ltd")
    assert {by_ref[b.subject].text.rstrip(".") for b in bids} == {"Brightwater Holdings Ltd", "Calder Foods Ltd"}
    (contract,) = {b.object for b in bids}
    c = by_ref[contract]
    assert c.label == "Contract" and c.attrs["unnamed"] is True and c.evidence.quote == "The bidders"
    assert all(b.qualifiers["status"] == "bidding" for b in bids)


def test_the_bidders_after_a_named_contract_bid_for_it():
    by_ref, bids = run("Calder Group Ltd won the £20m rail contract from the Harbour Council. "
                       "The bidders included Brightwater Holdings Ltd and Sandford Rail Ltd.")
    losing = [b for b in bids if b.qualifiers["status"] == "bidding"]
    assert {by_ref[b.subject].text.rstrip(".") for b in losing} == {"Brightwater Holdings Ltd", "Sandford Rail Ltd"}
    assert {by_ref[b.object].attrs.get("subject") for b in bids} == {"rail contract"}


@pytest.mark.parametrize("text", [
    "The suppliers include Brightwater Holdings Ltd and Calder Foods Ltd.",  # not said to bid
    "Brightwater Holdings Ltd is one of the operators.",
])
def test_nouns_that_do_not_say_bidding_give_no_bid_without_a_contract(text):
    _, bids = run(text)
    assert bids == []


# ------------------------------------------------- across two sentences, in a message


def test_bidders_pointed_at_then_named_in_the_next_sentence():
    by_ref, bids = run("If you look at the bidders there is something odd going on. "
                       "Brightwater Holdings Ltd for example is part owned by the council.")
    (b,) = bids
    assert by_ref[b.subject].text.rstrip(".") == "Brightwater Holdings Ltd" and b.qualifiers["status"] == "bidding"
    assert b.evidence.quote == "Brightwater Holdings Ltd for example"  # the words that tie it to the bidders
    c = by_ref[b.object]
    assert c.label == "Contract" and c.attrs["unnamed"] is True and c.evidence.quote == "the bidders"


@pytest.mark.parametrize("text", [
    "If you look at the bidders there is something odd going on. The council said nothing about it.",
    "I met the bidders yesterday. Brightwater Holdings Ltd was there.",
    "If you look at the bidders there is something odd going on. It is late. Brightwater Holdings Ltd is owned "
    "by the council.",  # not the next sentence
])
def test_no_bid_where_the_next_sentence_does_not_name_the_pointed_bidders(text):
    by_ref, bids = run(text)
    assert bids == []
    assert not [m for m in by_ref.values() if m.label == "Contract"]  # and no stray contract


def findings_for(text: str) -> set[tuple]:
    """(rule, public body, counterparty, contract label) of each finding the text's graph gives."""
    from rdflib import RDF

    from graph import infer, rdf
    from graph.model import Corpus
    from graph.resolve import resolve

    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    entities, rels, merges = resolve(mentions, relations)
    g = rdf.corpus_to_graph(Corpus(threads=[thread], entities=entities, relations=rels, merges=merges))
    infer.add_findings(g)
    return {(str(g.value(f, infer.TG.rule)), infer.label(g, g.value(f, infer.TG.publicBody)),
             infer.label(g, g.value(f, infer.TG.counterparty)), infer.label(g, g.value(f, infer.TG.contract)))
            for f in g.subjects(RDF.type, infer.TG.ConflictOfInterest)}


def test_a_pointed_at_bidder_part_owned_by_the_government_is_an_ownership_finding():
    found = findings_for("If you look at the bidders there is something odd going on. "
                         "Brightwater Holdings Ltd for example is part owned by the government.")
    assert [f[:3] for f in found if f[0] == "coi-owner-is-buyer"] == [
        ("coi-owner-is-buyer", "government", "Brightwater Holdings Ltd")]


def test_a_firm_part_owned_by_the_government_that_bids_for_nothing_is_no_finding():
    found = findings_for("If you look at the suppliers there is something odd going on. "
                         "Brightwater Holdings Ltd for example is part owned by the government.")
    assert not [f for f in found if f[0] == "coi-owner-is-buyer"]
