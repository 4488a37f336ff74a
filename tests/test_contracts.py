"""Contracts: values with currency and period, terms, lots, and the bid / buyer facts."""
from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import extract_thread
from graph.extract.contracts import parse_lots, parse_money, parse_term
from graph.model import Message, Thread


@pytest.mark.parametrize("text,value,currency,period", [
    ("the domestic side alone amounts to £1.1 billion a year of travel", Decimal("1100000000"), "GBP", "year"),
    ("deals worth at least £5bn over 10 years", Decimal("5000000000"), "GBP", None),
    ("a $3m settlement", Decimal("3000000"), "USD", None),
    ("€250,000 per annum", Decimal("250000"), "EUR", "year"),
    ("fees of 20 million euros", Decimal("20000000"), "EUR", None),
    ("£300k", Decimal("300000"), "GBP", None),
    ("£2.5 million a month", Decimal("2500000"), "GBP", "month"),
])
def test_money_value_currency_and_period(text, value, currency, period):
    (m,) = parse_money(text)
    assert (m.value, m.currency, m.period) == (value, currency, period)
    assert text[m.start:m.end][0] in "£$€0123456789"  # the span starts at the amount


@pytest.mark.parametrize("text,value,currency,period", [
    ("a £60m-a-year contract", Decimal("60000000"), "GBP", "year"),  # hyphenated period
    ("£3m p.a. for the service", Decimal("3000000"), "GBP", "year"),
    ("$3m/year", Decimal("3000000"), "USD", "year"),
    ("£2m/yr", Decimal("2000000"), "GBP", "year"),
    ("£4m monthly", Decimal("4000000"), "GBP", "month"),
    ("US$40 million", Decimal("40000000"), "USD", None),
    ("GBP 3m", Decimal("3000000"), "GBP", None),
    ("2.5 billion dollars", Decimal("2500000000"), "USD", None),
    ("£1,250,000 every year", Decimal("1250000"), "GBP", "year"),
    ("£0.5bn", Decimal("500000000"), "GBP", None),
    ("£5M", Decimal("5000000"), "GBP", None),
    # near misses: a word that only starts like a period is none
    ("£5m paid to the firm", Decimal("5000000"), "GBP", None),
    ("£2m a yearly review", Decimal("2000000"), "GBP", None),
])
def test_money_in_other_spellings(text, value, currency, period):
    (m,) = parse_money(text)
    assert (m.value, m.currency, m.period) == (value, currency, period)


def test_no_money_in_plain_numbers():
    assert parse_money("33 employees in 2 offices since 1937") == []


@pytest.mark.parametrize("text,years", [
    ("£5bn over 10 years", Decimal("10")),
    ("a seven-year deal", Decimal("7")),
    ("a 5 year contract", Decimal("5")),
    ("for five years", Decimal("5")),
    ("run by the firm since 2004", None),
    ("a 25-year lease", Decimal("25")),
    ("for twenty-five years", Decimal("25")),
    ("for the next 3 years", Decimal("3")),
    ("an 18-month contract", Decimal("1.5")),
    ("a 6-month extension", Decimal("0.5")),
    ("for six months", Decimal("0.5")),
    ("a 3-year, £5m contract", Decimal("3")),
    # near misses: an age, a time ago, a rate per month
    ("a twelve-year-old contract", None),
    ("a 10-year-old boy", None),
    ("in the past 10 years", None),
    ("10 years ago", None),
    ("£2m a month", None),
])
def test_term_in_years(text, years):
    assert parse_term(text) == years


@pytest.mark.parametrize("text,lots", [
    ("named preferred bidder in six probation areas", ["six probation areas"]),
    ("the framework is split into 4 lots", ["4 lots"]),
    ("it won one of twelve regional lots", ["twelve regional lots"]),
    ("across 21 regions", ["21 regions"]),
    ("the firm has 4 offices", []),  # no lot noun
    ("six areas of concern were raised", []),  # no preposition before the count
])
def test_lots_or_areas(text, lots):
    assert parse_lots(text) == lots


def run(text: str):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    return {m.ref: m for m in mentions}, relations


def test_award_with_buyer_value_period_and_subject():
    by_ref, rels = run("Brightwater Holdings Ltd won the £1.1 billion a year travel contract from the Calderbrook Council.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    (buyer,) = [r for r in rels if r.kind == "buyer"]
    contract = by_ref[bid.object]
    assert contract.label == "Contract" and bid.qualifiers["status"] == "awarded"
    assert by_ref[bid.subject].text == "Brightwater Holdings Ltd"
    assert contract.attrs["value"] == Decimal("1100000000") and contract.attrs["currency"] == "GBP"
    assert contract.attrs["period"] == "year" and contract.attrs["subject"] == "travel contract"
    assert buyer.subject == bid.object and by_ref[buyer.object].text == "Calderbrook Council"
    assert contract.attrs["buyer"] == "Calderbrook Council"  # for resolution: same subject, other buyer, other contract


def test_passive_award_with_term():
    by_ref, rels = run("Brightwater Holdings Ltd was awarded a £5bn contract over 10 years by the Calderbrook Council.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    c = by_ref[bid.object]
    assert c.attrs["term_years"] == Decimal("10") and c.attrs["value"] == Decimal("5000000000")
    assert [by_ref[r.object].text for r in rels if r.kind == "buyer"] == ["Calderbrook Council"]


@pytest.mark.parametrize("text,status", [
    ("Brightwater Holdings Ltd is bidding for the probation contract.", "bidding"),
    ("Brightwater Holdings Ltd was shortlisted for the cleaning contract.", "shortlisted"),
    ("Brightwater Holdings Ltd was named preferred bidder in six probation areas.", "preferred"),
    ("Brightwater Holdings Ltd withdrew from the catering contract.", "withdrawn"),
])
def test_bid_statuses(text, status):
    by_ref, rels = run(text)
    assert [r.qualifiers["status"] for r in rels if r.kind == "bid"] == [status]


def test_preferred_bidder_areas_are_lots():
    by_ref, rels = run("Brightwater Holdings Ltd was named preferred bidder in six probation areas.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["lots"] == ["six probation areas"]


def test_it_in_a_later_sentence_is_the_contract_named_before():
    by_ref, rels = run("The council's £40m cleaning contract was let last year. In the end it went to Kestrel Services Ltd.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["subject"] == "cleaning contract"
    assert by_ref[bid.subject].text.rstrip(".") == "Kestrel Services Ltd"


@pytest.mark.parametrize("text", [
    "Brightwater Holdings Ltd won the league in 2012.",
    "Brightwater Holdings Ltd signed a letter to the council.",
    "The contract was a disaster for everyone.",
])
def test_no_bid_without_a_contract_and_a_supplier(text):
    _, rels = run(text)
    assert [r for r in rels if r.kind == "bid"] == []


def test_they_as_bidder_stands_for_the_organisations_the_sentence_opens_with():
    from graph.extract import extract_thread
    from graph.model import Message, Thread

    text = ("The engineering giant Kestrel Services Ltd, transport group Brightwater Holdings Ltd, and caterer "
            "Larkspur Foods Ltd are among those companies waiting to see if they have won the right to run "
            "half of the service, in deals worth at least £3bn over 8 years.")
    ms, rs = extract_thread(Thread(id="t", source="x", post=Message(id="p", text=text)))
    by = {m.ref: m for m in ms}
    bids = [(by[r.subject].text, by[r.object].attrs, r.qualifiers["status"]) for r in rs if r.kind == "bid"]
    assert {s for s, _, _ in bids} == {"Kestrel Services Ltd", "Brightwater Holdings Ltd", "Larkspur Foods Ltd"}
    assert all(st == "bidding" for _, _, st in bids)  # "waiting to see if they have won": not won yet
    attrs = bids[0][1]
    assert attrs["currency"] == "GBP" and attrs["value"] == 3_000_000_000 and attrs["term_years"] == 8


def test_they_without_organisations_above_it_bids_for_nothing():
    from graph.extract import extract_thread
    from graph.model import Message, Thread

    text = "Nobody knows if they have won the right to run the service, in deals worth £3bn."
    _, rs = extract_thread(Thread(id="t", source="x", post=Message(id="p", text=text)))
    assert [r for r in rs if r.kind == "bid"] == []


@pytest.mark.parametrize("text", [
    "It is vital that small firms should be able to bid for ICT and other contracts.",
    "Any small firm can bid for major Government contracts and win.",
    "He asked how local enterprises could bid for central Government information and facilities management contracts.",
])
def test_a_plural_no_one_bids_for_is_no_contract(text):
    by_ref, rels = run(text)
    assert not [m for m in by_ref.values() if m.label == "Contract"]
    assert not [r for r in rels if r.kind in ("bid", "buyer")]


def test_a_plural_with_a_named_bidder_is_still_a_contract():
    by_ref, rels = run("Brightwater Holdings Ltd won contracts worth £2bn over five years.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].label == "Contract" and by_ref[bid.object].attrs["term_years"] == Decimal("5")


def test_the_government_unnamed_is_no_buyer():
    by_ref, rels = run("The Government's travel contract was let to Brightwater Holdings Ltd last year.")
    assert [r for r in rels if r.kind == "bid"]
    assert not [r for r in rels if r.kind == "buyer"]


def test_a_named_public_body_possessor_is_the_buyer():
    by_ref, rels = run("The Calderbrook Council's travel contract was let to Brightwater Holdings Ltd last year.")
    (buyer,) = [r for r in rels if r.kind == "buyer"]
    assert "Calderbrook Council" in by_ref[buyer.object].text


@pytest.mark.parametrize("text,buyer,contract", [
    ("The Ministry of Transport is expected to name preferred bidders to run 12 rail franchises by the end of May.",
     "Ministry of Transport", "run 12 rail franchises"),
    ("The Calderbrook Council will choose a preferred bidder for the waste contract in May.",
     "Calderbrook Council", "waste contract"),
    ("The preferred bidder for the ferry contract was named by the Northmoor Transport Authority on Monday.",
     "Northmoor Transport Authority", "ferry contract"),
])
def test_who_names_the_preferred_bidders_buys_the_contract(text, buyer, contract):
    by_ref, rels = run(text)
    (b,) = [r for r in rels if r.kind == "buyer"]
    assert buyer in by_ref[b.object].text and by_ref[b.subject].label == "Contract"
    assert by_ref[b.subject].text == contract


@pytest.mark.parametrize("text", [
    "The Calderbrook Council will name a new chairman to run the board.",  # no bidder
    "The Calderbrook Council named bidders to run the parks.",  # not the winners: no buyer said
    "The Government is expected to name preferred bidders to run the prisons.",  # no one body named
])
def test_naming_without_winning_bidders_or_a_named_body_is_no_buyer(text):
    _, rels = run(text)
    assert not [r for r in rels if r.kind == "buyer"]


def test_the_right_to_run_something_is_the_contract():
    by_ref, rels = run("Brightwater Rail won the right to operate the Northmoor line for seven years.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    c = by_ref[bid.object]
    assert c.text == "right to operate the Northmoor line" and c.attrs["term_years"] == Decimal("7")
    assert bid.qualifiers["status"] == "awarded"


def test_a_right_that_is_no_work_is_no_contract():
    _, rels = run("Brightwater Rail won the right to appeal against the ruling.")
    assert not [r for r in rels if r.kind == "bid"]


def test_the_contract_later_in_a_message_is_the_contract_named_before():
    by_ref, rels = run("The council's £40m cleaning contract was let last year. Kestrel Services Ltd won the contract "
                       "after a long fight.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["subject"] == "cleaning contract"
    assert [m.text for m in by_ref.values() if m.label == "Contract"] == ["cleaning contract"]


def test_the_contract_with_its_own_name_is_a_new_one():
    by_ref, rels = run("The council's £40m cleaning contract was let last year. Kestrel Services Ltd won the catering "
                       "contract in May.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["subject"] == "catering contract"


@pytest.mark.parametrize("text", [
    "Why is the council even considering giving a contract to a company steeped in such scandals?",
    "Why should such a firm be their preferred bidder on such a lucrative contract?",
])
def test_a_contract_no_one_names_is_no_contract(text):
    by_ref, _ = run(text)
    assert not [m for m in by_ref.values() if m.label == "Contract"]


@pytest.mark.parametrize("text,names,status", [
    ("The bidders for the prison contract include Brightwater Holdings Ltd and Kestrel Services Ltd.",
     {"Brightwater Holdings Ltd", "Kestrel Services Ltd"}, "bidding"),
    ("Among the shortlisted bidders for the ferry contract are Brightwater Holdings Ltd and Kestrel Services Ltd.",
     {"Brightwater Holdings Ltd", "Kestrel Services Ltd"}, "shortlisted"),
    ("Kestrel Services Ltd is one of the bidders for the cleaning contract.", {"Kestrel Services Ltd"}, "bidding"),
    ("Kestrel Services Ltd, one of the preferred bidders for the cleaning contract, has denied it.",
     {"Kestrel Services Ltd"}, "preferred"),
])
def test_organisations_listed_as_bidders_bid(text, names, status):
    by_ref, rels = run(text)
    bids = [r for r in rels if r.kind == "bid"]
    assert {by_ref[b.subject].text.rstrip(".") for b in bids} == names
    assert {b.qualifiers["status"] for b in bids} == {status}
    assert {by_ref[b.object].label for b in bids} == {"Contract"}


@pytest.mark.parametrize("text", [
    # (with no contract named, "The bidders include X and Y" is a bid for an unnamed contract: see
    # tests/test_contracts_bidders.py)
    "The critics include Brightwater Holdings Ltd and Kestrel Services Ltd.",  # no bidder noun
    "Kestrel Services Ltd is one of the critics of the cleaning contract.",  # no bidder noun
    "The bidders for the prison contract include several charities.",  # no organisation named
])
def test_bidder_lists_near_misses(text):
    _, rels = run(text)
    assert not [r for r in rels if r.kind == "bid"]


def test_bare_plurals_with_no_bidder_named_make_no_buyer():
    by_ref, rels = run("In the end Greece won concessions from the European Union.")
    assert not [r for r in rels if r.kind in ("bid", "buyer")]
    by_ref, rels = run("In the end Brightwater Holdings Ltd won concessions from the European Union.")
    assert [r for r in rels if r.kind == "bid"]  # a named bidder: the fact stays


@pytest.mark.parametrize("text,contract", [
    ("Kestrel Services Ltd pulled out of the bidding for the £1bn hospital contract.", "hospital contract"),
    ("Kestrel Services Ltd withdrew from the race for the hospital contract.", "hospital contract"),
    ("Kestrel Services Ltd dropped out of the race for the ferry contract.", "ferry contract"),
    ("Kestrel Services Ltd withdrew its bid for the ferry contract.", "ferry contract"),
])
def test_pulling_out_of_the_race_for_a_contract_is_a_withdrawn_bid(text, contract):
    by_ref, rels = run(text)
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert bid.qualifiers["status"] == "withdrawn" and by_ref[bid.object].attrs["subject"] == contract


@pytest.mark.parametrize("text", [
    "Kestrel Services Ltd pulled staff off the hospital contract.",  # no "out"
    "Kestrel Services Ltd pulled the plug on the hospital contract.",
    "Kestrel Services Ltd is out of the race for the hospital contract.",  # no verb of leaving it
])
def test_pulling_without_leaving_a_contest_is_no_withdrawal(text):
    _, rels = run(text)
    assert not [r for r in rels if r.kind == "bid" and r.qualifiers["status"] == "withdrawn"]


def test_a_contract_lost_to_a_rival_was_won_by_the_rival():
    by_ref, rels = run("Brightwater Rail Ltd lost the ferry franchise to Kestrel Services Ltd.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.subject].text.rstrip(".") == "Kestrel Services Ltd" and bid.qualifiers["status"] == "awarded"


def test_losing_something_that_is_no_contract_is_no_bid():
    _, rels = run("Brightwater Rail Ltd lost the election to Kestrel Services Ltd.")
    assert not [r for r in rels if r.kind == "bid"]


def test_a_numbered_lot_keeps_its_number():
    by_ref, rels = run("Brightwater Rail Ltd was shortlisted for lot 3 of the Northmoor framework.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["lots"] == ["lot 3"] and bid.qualifiers["status"] == "shortlisted"


def test_a_contract_held_for_a_body_was_awarded_by_it():
    by_ref, rels = run("Kestrel Services Ltd, which holds the £12m parking contract for the Harbour Council, was fined.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    (buyer,) = [r for r in rels if r.kind == "buyer"]
    c = by_ref[bid.object]
    assert bid.qualifiers["status"] == "awarded" and c.attrs["value"] == Decimal("12000000")
    # the amount and the buyer are not part of the contract's name
    assert c.attrs["subject"] == "parking contract" and by_ref[buyer.object].text == "Harbour Council"


@pytest.mark.parametrize("text", [
    "The Ministry of Transport holds the ferry contract.",  # a public body holding a contract buys it
    "Kestrel Services Ltd held talks with the Harbour Council.",  # no contract
])
def test_holding_what_is_no_supplier_s_contract_is_no_bid(text):
    _, rels = run(text)
    assert not [r for r in rels if r.kind == "bid"]


def test_beating_a_rival_to_a_contract():
    by_ref, rels = run("Kestrel Services Ltd beat Brightwater Rail Ltd to the £50m ferry contract.")
    got = {(by_ref[r.subject].text.rstrip("."), r.qualifiers["status"]) for r in rels if r.kind == "bid"}
    assert got == {("Kestrel Services Ltd", "awarded"), ("Brightwater Rail Ltd", "bidding")}


def test_beating_a_rival_at_something_else_is_no_bid():
    _, rels = run("Kestrel Services Ltd beat Brightwater Rail Ltd in the cup final.")
    assert not [r for r in rels if r.kind == "bid"]


def test_a_contract_for_work_keeps_the_work_in_its_name():
    by_ref, rels = run("Kestrel Services Ltd won the £12 million contract for cleaning services.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["subject"] == "contract for cleaning services"
