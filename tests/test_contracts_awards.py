"""Contract awards, bids and terms in the forms a news report uses: a misparsed object ("waste and
recycling collection contract"), two losers beaten to a contract, a service transferred to a company,
a contract signed to move a service into one, a shortlist after a colon, a withdrawal with no object,
a consultancy's fee; and a term only where a contract's noun follows it."""
from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import extract_thread
from graph.extract.contracts import parse_term
from graph.model import Message, Thread


def run(text: str):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    bids = sorted((by_ref[r.subject].text, r.qualifiers["status"]) for r in relations if r.kind == "bid")
    buyers = [(by_ref[r.subject], by_ref[r.object].text) for r in relations if r.kind == "buyer"]
    contracts = [m for m in mentions if m.label == "Contract"]
    return bids, buyers, contracts


@pytest.mark.parametrize("text,years", [
    ("a 15-year, £240m contract", Decimal("15")),
    ("The ten-year arrangement is worth £3.5m a year", Decimal("10")),
    ("a 3-year framework", Decimal("3")),
    # near misses: a hyphenated span of time before a noun that is no contract
    ("beat them to the contract after a two-year procurement", None),
    ("a five-year wait for the deal", None),
    ("after a three-year legal battle the deal was signed", None),
])
def test_a_hyphenated_term_needs_a_contract_noun_after_it(text, years):
    assert parse_term(text) == years


def test_award_with_the_object_misparsed_as_a_gerund_keeps_supplier_buyer_value_and_term():
    bids, buyers, contracts = run(
        "Ashby District Council has awarded its waste and recycling collection contract to Norbury "
        "Services Ltd, a subsidiary of the Pellow Group plc, in a deal worth £52 million over seven years.")
    assert bids == [("Norbury Services Ltd", "awarded")]
    (c,) = contracts
    assert [b for _, b in buyers] == ["Ashby District Council"]
    assert c.attrs["value"] == Decimal("52000000") and c.attrs["currency"] == "GBP"
    assert c.attrs["term_years"] == Decimal("7") and "collection contract" in c.attrs["subject"]


def test_beat_two_rivals_to_the_contract_bids_for_both_and_takes_no_term_from_the_procurement():
    bids, _, contracts = run(
        "Ashby District Council has awarded its street cleaning contract to Norbury Services Ltd. "
        "Norbury Services Ltd beat Quarrington Facilities Ltd and Dunmore Services Group to the contract "
        "after a three-year procurement.")
    assert ("Quarrington Facilities Ltd", "bidding") in bids and ("Dunmore Services Group", "bidding") in bids
    assert ("Norbury Services Ltd", "awarded") in bids
    assert len(contracts) == 1 and "term_years" not in contracts[0].attrs  # "the contract" is the one named


def test_transferring_a_public_service_to_a_company_is_an_award_with_its_buyer():
    bids, buyers, contracts = run(
        "Ashby District Council agreed to transfer the borough's two swimming pools to Ravelstone Sport Ltd.")
    assert [(s.rstrip("."), st) for s, st in bids] == [("Ravelstone Sport Ltd", "awarded")]
    assert [b for _, b in buyers] == ["Ashby District Council"]
    assert contracts[0].attrs["subject"] == "two swimming pools"


@pytest.mark.parametrize("text", [
    "The cabinet agreed to transfer the shares to Ravelstone Sport Ltd.",  # no public service
    "Norbury United transferred the striker to Ravelstone Rovers.",
    "Most of the staff will be transferred to Ravelstone Sport Ltd.",  # staff, not a service let
])
def test_transfers_of_other_things_are_no_award(text):
    bids, buyers, _ = run(text)
    assert bids == [] and buyers == []


def test_a_generic_cabinet_is_no_buyer():
    bids, buyers, _ = run("The cabinet agreed to transfer the two swimming pools to Ravelstone Sport Ltd.")
    assert [(s.rstrip("."), st) for s, st in bids] == [("Ravelstone Sport Ltd", "awarded")] and buyers == []


def test_signing_a_contract_to_move_a_service_into_a_company_awards_it():
    bids, buyers, contracts = run(
        "Ashby Hospitals NHS Trust has signed a 12-year, £150m contract to move all of its imaging "
        "services into Norbury Imaging LLP, a joint venture with Quarrington Health plc.")
    assert bids == [("Norbury Imaging LLP", "awarded")]
    assert [b for _, b in buyers] == ["Ashby Hospitals NHS Trust"]
    (c,) = contracts
    assert (c.attrs["value"], c.attrs["term_years"]) == (Decimal("150000000"), Decimal("12"))


@pytest.mark.parametrize("text", [
    "Norbury United signed a deal to move to Ravelstone Rovers.",  # no object moved, no named body
    "Ashby Hospitals NHS Trust signed a letter to move the meeting.",  # no contract noun
    "Ashby Hospitals NHS Trust has signed a contract with Norbury Imaging LLP.",  # who supplies is not said
    "Schneider Holdings agreed a two-year contract to coach the national skeleton team.",  # no one supplied
])
def test_other_signings_are_no_award_and_no_contract(text):
    bids, buyers, contracts = run(text)
    assert bids == [] and buyers == [] and contracts == []


def test_shortlist_after_a_colon_and_a_withdrawal_without_object_name_the_contract_named_before():
    bids, _, contracts = run(
        "Ashby Hospitals NHS Trust has signed a 12-year contract to move its imaging services into "
        "Norbury Imaging LLP. Three firms were shortlisted: Quarrington Health plc, Dunmore Laboratories "
        "Ltd and Hallam Clinical Services. Dunmore Laboratories Ltd withdrew before final bids, citing the price.")
    assert {("Quarrington Health plc", "shortlisted"), ("Dunmore Laboratories Ltd", "shortlisted"),
            ("Hallam Clinical Services", "shortlisted"), ("Dunmore Laboratories Ltd", "withdrawn")} <= set(bids)
    assert len(contracts) == 1


@pytest.mark.parametrize("text", [
    # no contract named before, or no word of bidding in the sentence
    "Three firms were shortlisted: Quarrington Health plc, Dunmore Laboratories Ltd and Hallam Clinical Services.",
    "Ashby Hospitals NHS Trust has signed a 12-year contract to move its imaging services into Norbury "
    "Imaging LLP. Dunmore Laboratories Ltd withdrew from the talks in March.",
    "Ashby Hospitals NHS Trust has signed a 12-year contract to move its imaging services into Norbury "
    "Imaging LLP. Quarrington Health plc withdrew its troops.",
])
def test_no_shortlist_or_withdrawal_without_a_contract_to_name(text):
    bids, _, _ = run(text)
    assert not [b for b in bids if b[1] in ("shortlisted", "withdrawn")]


def test_a_consultancys_fee_is_a_contract_awarded_to_it_worth_the_fee():
    bids, buyers, contracts = run("She says Pellow Advisory Ltd's fee was £250,000.")
    assert bids == [("Pellow Advisory Ltd", "awarded")] and buyers == []  # the one paid buys nothing
    (c,) = contracts
    assert (c.attrs["value"], c.attrs["currency"]) == (Decimal("250000"), "GBP")


@pytest.mark.parametrize("text", [
    "The club's transfer fee was £30m.",  # a kind of fee, not someone's fee for work
    "Pellow Advisory Ltd's fees were high.",  # no amount
    "Pellow Advisory Ltd's fee was high.",
    "His fee was £2,000.",  # not an organisation
])
def test_other_fees_are_no_contract(text):
    bids, _, contracts = run(text)
    assert bids == [] and contracts == []


def _bid_rels(text: str):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    return [(by_ref[r.subject].text, r.qualifiers) for r in relations if r.kind == "bid"]


def test_an_amount_bid_by_they_after_a_clause_is_a_bid_for_the_contract_named_before_with_its_amount():
    bids = _bid_rels("Ashby Hospitals NHS Trust has signed a 12-year contract to move its imaging services into "
                     "Norbury Imaging LLP. Hallam Clinical Services is a subsidiary of the Brno Health Group, "
                     "they bid €210m over 12 years and still lost.")
    (q,) = [q for name, q in bids if name == "Hallam Clinical Services"]
    assert q["status"] == "bidding" and (q["amount"], q["currency"]) == ("210000000", "EUR")
    assert not [name for name, _ in bids if name == "Brno Health Group"]  # the owner named in the clause did not bid


@pytest.mark.parametrize("text", [
    # no contract named before in the message
    "Hallam Clinical Services is a subsidiary of the Brno Health Group, they bid €210m and still lost.",
    # the object is a thing bought at auction, not an amount alone
    "Ashby Hospitals NHS Trust has signed a 12-year contract to move its imaging services into Norbury "
    "Imaging LLP. Hallam Clinical Services bid £5m for the painting.",
])
def test_an_amount_bid_needs_the_contract_named_before_and_nothing_else_bid_for(text):
    assert not [name for name, _ in _bid_rels(text) if name == "Hallam Clinical Services"]


def test_a_bid_from_a_company_that_withdrew_is_a_bid_and_a_withdrawal_for_the_contract_named_before():
    bids = _bid_rels("Ashby District Council has awarded its leisure contract to Norbury Services Ltd. "
                     "There was one other bid, from Tamworth Leisure Ltd, but they withdrew in March.")
    assert {q["status"] for name, q in bids if name == "Tamworth Leisure Ltd"} == {"bidding", "withdrawn"}


@pytest.mark.parametrize("text", [
    "There was one other bid, from Tamworth Leisure Ltd, but they withdrew in March.",  # no contract named
    "Ashby District Council has awarded its leisure contract to Norbury Services Ltd. "
    "There was a bid from Tamworth Leisure Ltd to buy the stadium.",  # a bid for something else
])
def test_a_bid_from_needs_a_contract_and_no_other_object(text):
    assert not [name for name, _ in _bid_rels(text) if name == "Tamworth Leisure Ltd"]


@pytest.mark.parametrize("text,want", [
    ("The ten-year arrangement is worth £3.5m a year.",
     {"value": Decimal("3500000"), "currency": "GBP", "period": "year", "term_years": Decimal("10")}),
    ("This deal is said to be worth $40 million.", {"value": Decimal("40000000"), "currency": "USD", "period": None}),
    # near misses: not about the contract named before, or no value told
    ("A similar deal in Kent was worth £2m.", {}),
    ("The club is worth £300m.", {}),
    ("The arrangement is a scandal.", {}),
    ("The separate cleaning contract is worth £3m a year.", {}),  # another contract, not the one named before
])
def test_a_sentence_saying_what_the_contract_is_worth_gives_its_value_and_term(text, want):
    from graph.extract.contracts import contract_details
    assert contract_details(text) == want


def test_a_service_moved_to_no_organisation_makes_no_contract():
    bids, buyers, contracts = run("Ashby District Council will transfer its payroll services to the new building.")
    assert bids == [] and buyers == [] and contracts == []


def test_the_next_sentence_saying_what_the_deal_is_worth_fills_in_the_contract():
    from decimal import Decimal

    from graph.extract import extract_thread
    from graph.model import Message, Thread

    def contract(text):
        ms, _ = extract_thread(Thread(id="t1", source="x", post=Message(id="post", text=text)))
        return [m.attrs for m in ms if m.label == "Contract"]

    (attrs,) = contract("Westby Borough Council has awarded its parks maintenance contract to Quillon Services Ltd. "
                        "The ten-year arrangement is worth £3.5m a year.")
    assert (attrs["value"], attrs["currency"], attrs["period"], attrs["term_years"]) == \
        (Decimal("3500000"), "GBP", "year", Decimal("10"))
    # a value the contract's own sentence gave is kept
    (attrs,) = contract("Westby Borough Council has awarded its £2m parks maintenance contract to Quillon Services "
                        "Ltd. The arrangement is worth £3.5m a year.")
    assert attrs["value"] == Decimal("2000000")
