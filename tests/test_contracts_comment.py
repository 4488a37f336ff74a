"""How articles and comment threads tell public contracts (ontology/patterns/relations/contracts_comment.toml):
who bid, who won, who buys, in the wordings of a reply. Invented names and threads only; each rule
has near misses that must not fire."""
from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import extract_thread
from graph.extract.contracts import parse_term
from graph.model import Message, Thread

POST = "Ribbleford Borough Council has awarded its street cleaning contract to Ashcombe Care Ltd."


def run(post: str, *replies: str):
    """The post and top-level replies c1, c2, ...: (mentions by ref, bid and buyer relations)."""
    thread = Thread(id="t1", source="test", post=Message(id="post", text=post),
                    comments=[Message(id=f"c{i}", parent="post", text=t) for i, t in enumerate(replies, 1)])
    mentions, relations = extract_thread(thread)
    return {m.ref: m for m in mentions}, [r for r in relations if r.kind in ("bid", "buyer")]


def bids(post: str, *replies: str, message: str | None = None) -> set[tuple]:
    """(bidder, contract subject, bid status, epistemic status) of the bids told in `message`."""
    by_ref, rels = run(post, *replies)
    return {(by_ref[r.subject].text.rstrip("."), by_ref[r.object].attrs.get("subject"), r.qualifiers["status"], r.status)
            for r in rels if r.kind == "bid" and (message is None or r.evidence.message == message)}


def buyers(post: str, *replies: str) -> set[tuple]:
    by_ref, rels = run(post, *replies)
    return {(by_ref[r.subject].attrs.get("subject"), by_ref[r.object].text) for r in rels if r.kind == "buyer"}


SC = "street cleaning contract"


# ------------------------------------------------------------------ who bid
@pytest.mark.parametrize("reply,expected", [
    ("Quillon Group and Vestry Logistics Ltd were the other bidders.",
     {("Quillon Group", SC, "bidding"), ("Vestry Logistics Ltd", SC, "bidding")}),
    ("The losing bidders, Quillon Group and Vestry Logistics Ltd, have complained.",
     {("Quillon Group", SC, "bidding"), ("Vestry Logistics Ltd", SC, "bidding")}),
    ("Vestry Logistics Ltd, the only other bidder, has complained.", {("Vestry Logistics Ltd", SC, "bidding")}),
    ("Vestry Logistics Ltd's bid came second.", {("Vestry Logistics Ltd", SC, "bidding")}),
    ("Quillon Group was also in the running.", {("Quillon Group", SC, "bidding")}),
    ("Quillon Group lost out on price.", {("Quillon Group", SC, "bidding")}),
    ("Vestry Logistics Ltd pulled out of the race.", {("Vestry Logistics Ltd", SC, "withdrawn")}),
    ("Dunmere Facilities plc, the incumbent, was beaten on price in the tender.",
     {("Dunmere Facilities plc", SC, "bidding")}),
])
def test_a_reply_names_a_bidder_for_the_posts_contract(reply, expected):
    got = {b[:3] for b in bids(POST, reply, message="c1")}
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("Dunmere Facilities plc lost out to Ashcombe Care Ltd for the home care contract.",
     {("Dunmere Facilities plc", "home care contract", "bidding"), ("Ashcombe Care Ltd", "home care contract", "awarded")}),
    ("Quillon Group and Vestry Logistics Ltd were the other bidders for the parking contract.",
     {("Quillon Group", "parking contract", "bidding"), ("Vestry Logistics Ltd", "parking contract", "bidding")}),
    ("Quillon Group was also in the running for the parking contract.", {("Quillon Group", "parking contract", "bidding")}),
    ("Vestry Logistics Ltd pulled out of the race for the parking contract.",
     {("Vestry Logistics Ltd", "parking contract", "withdrawn")}),
    ("Quillon Group's bid for the parking contract was rejected.", {("Quillon Group", "parking contract", "bidding")}),
])
def test_a_sentence_naming_its_own_contract(text, expected):
    assert {b[:3] for b in bids(text)} == expected


@pytest.mark.parametrize("reply", [
    "Quillon Group bid farewell to its chief executive last year.",
    "Quillon Group's bid to buy the football club failed.",  # a bid with its own purpose
    "Quillon Group's takeover bid failed.",
    "Ribbleford Library Trust launched a bid to save the library.",
    "Ashcombe Care Ltd changed the contract of employment for its staff.",
    "Vestry Logistics Ltd is in the race to buy the club.",
    "Quillon Group lost out on a grant from the lottery fund.",  # "lost out on" a thing that is no bid's score
    "Quillon Group was the highest bidder at the auction.",
    "Vestry Logistics Ltd were in the running at the awards night.",  # "in the running" of another contest
])
def test_near_misses_in_a_reply_tell_no_bid(reply):
    assert bids(POST, reply, message="c1") == set()


def test_without_a_contract_before_the_bidders_are_not_pinned_to_one():
    # nothing names a contract: "the other bidders" of what?
    assert bids("Quillon Group was also in the running.") == set()
    assert bids("Vestry Logistics Ltd's bid came second.") == set()


# ------------------------------------------------------------------ who won
def test_a_joint_bid_wins_for_each_member():
    got = {b[:3] for b in bids("The parking contract was awarded to a joint bid by Quillon Group and Vestry Logistics Ltd.")}
    assert got == {("Quillon Group", "parking contract", "awarded"), ("Vestry Logistics Ltd", "parking contract", "awarded")}


def test_a_consortium_of_two_wins_for_each_member():
    got = {b[:3] for b in bids("A consortium of Quillon Group and Vestry Logistics Ltd won the parking contract.")}
    assert got == {("Quillon Group", "parking contract", "awarded"), ("Vestry Logistics Ltd", "parking contract", "awarded")}


def test_who_will_run_the_service_from_a_date_won_it():
    got = bids("Tarnfield Health NHS Trust has let its patient transport contract.",
               "Harrowgate Transport Ltd will run the service from April.", message="c1")
    assert {b[:3] for b in got} == {("Harrowgate Transport Ltd", "patient transport contract", "awarded")}


@pytest.mark.parametrize("reply", [
    "The council will run the service itself from April.",  # in house: no one was let it
    "Harrowgate Transport Ltd will run the marathon from April.",  # no service of the contract
    "Harrowgate Transport Ltd runs the service well.",  # no date: says nothing of winning
])
def test_running_that_is_no_award(reply):
    assert bids("Tarnfield Health NHS Trust has let its patient transport contract.", reply, message="c1") == set()


def test_the_loser_and_the_winner_of_lost_out_to():
    got = {b[:3] for b in bids(POST, "Quillon Group lost out to Ashcombe Care Ltd.", message="c1")}
    assert got == {("Quillon Group", SC, "bidding"), ("Ashcombe Care Ltd", SC, "awarded")}


def test_an_incumbent_beaten_to_the_contract_bid_for_it():
    got = {b[:3] for b in bids("Ashcombe Care Ltd beat the current contractor, Quillon Group, to the parking contract.")}
    assert got == {("Ashcombe Care Ltd", "parking contract", "awarded"), ("Quillon Group", "parking contract", "bidding")}
    got = {b[:3] for b in bids("The incumbent, Quillon Group, lost the parking contract to Ashcombe Care Ltd.")}
    assert ("Quillon Group", "parking contract", "bidding") in got


def test_an_incumbent_with_no_contest_told_is_no_bidder():
    assert bids(POST, "The incumbent, Quillon Group, has 200 staff.", message="c1") == set()


# ------------------------------------------------------------------ the buyer
@pytest.mark.parametrize("text,buyer,supplier", [
    ("The patient transport contract, let by Tarnfield Health NHS Trust, went to Harrowgate Transport Ltd.",
     "Tarnfield Health NHS Trust", "Harrowgate Transport Ltd"),
    ("Tarnfield Health NHS Trust's contract with Harrowgate Transport Ltd runs out next year.",
     "Tarnfield Health NHS Trust", "Harrowgate Transport Ltd"),
    ("Harrowgate Transport Ltd has a £2m contract with Tarnfield Health NHS Trust.",
     "Tarnfield Health NHS Trust", "Harrowgate Transport Ltd"),
    ("Harrowgate Transport Ltd won a seven-year, £38m deal with Ribbleford Borough Council.",
     "Ribbleford Borough Council", "Harrowgate Transport Ltd"),
    ("The contract between Ribbleford Borough Council and Harrowgate Transport Ltd is worth £5m a year.",
     "Ribbleford Borough Council", "Harrowgate Transport Ltd"),
])
def test_the_public_body_of_a_contract_is_its_buyer(text, buyer, supplier):
    by_ref, rels = run(text)
    got_buyers = {by_ref[r.object].text.rstrip(".") for r in rels if r.kind == "buyer"}
    got_suppliers = {by_ref[r.subject].text.rstrip(".") for r in rels if r.kind == "bid" and r.qualifiers["status"] == "awarded"}
    assert got_buyers == {buyer} and got_suppliers == {supplier}


@pytest.mark.parametrize("text", [
    "Quillon Group signed a five-year deal with Ashcombe Care Ltd.",  # two companies: which way?
    "Ribbleford Borough Council has a partnership contract with Tarnfield Health NHS Trust.",  # two bodies
    "Quillon Group's contracts with Ribbleford Borough Council are many.",  # no one contract
])
def test_no_buyer_where_the_names_do_not_say_which_way(text):
    assert buyers(text) == set()


# ------------------------------------------------------------------ how the text holds it
@pytest.mark.parametrize("reply,status", [
    ("Apparently Dunmere Facilities plc bid for it as well.", "hedged"),
    ("Didn't Dunmere Facilities plc bid too?", "questioned"),
    ("Dunmere Facilities plc says it never bid.", "denied"),
    ("Dunmere Facilities plc was also in the running, I think.", "hedged"),
])
def test_statuses_of_a_bid_in_a_reply(reply, status):
    got = bids(POST, reply, message="c1")
    assert {(b[2], b[3]) for b in got} == {("bidding", status)}


# ------------------------------------------------------------------ value and term
@pytest.mark.parametrize("text,term", [
    ("worth £38m over seven years", 7),
    ("a seven-year, £38m deal", 7),
    ("£5.4m a year for eight years", 8),
    ("a 10-year contract with an option to extend by 2 years", 10),
    ("for an initial five years, with an option of a further two", 5),
    ("a contract lasting seven years", 7),
])
def test_terms_as_threads_word_them(text, term):
    assert parse_term(text) == Decimal(term)


@pytest.mark.parametrize("text", ["extended for a further two years", "after a two-year procurement", "a five-year wait"])
def test_no_term(text):
    assert parse_term(text) is None


def test_value_and_term_reach_the_contract():
    by_ref, rels = run("Harrowgate Transport Ltd won the patient transport contract, worth £5.4m a year for eight years.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    attrs = by_ref[bid.object].attrs
    assert (attrs["value"], attrs["currency"], attrs["period"], attrs["term_years"]) == (
        Decimal("5400000"), "GBP", "year", Decimal("8"))


# ------------------------------------------------------------------ a small thread
THREAD = [
    "Tarnfield Health NHS Trust has awarded its £38m patient transport contract to Harrowgate Transport Ltd.",
    "Who were the other bidders for the patient transport contract?",
]


def test_a_small_thread():
    thread = Thread(id="t2", source="test", post=Message(id="post", text=THREAD[0]), comments=[
        Message(id="c1", parent="post", text=THREAD[1]),
        Message(id="c1.1", parent="c1", text="Vestry Logistics Ltd's bid came second."),
        Message(id="c1.2", parent="c1", text="The losing bidders were Quillon Group and Vestry Logistics Ltd."),
        Message(id="c2", parent="post", text="The incumbent, Dunmere Facilities plc, pulled out of the race in March."),
        Message(id="c3", parent="post", text="Quillon Group bid farewell to its finance director the same week."),
    ])
    mentions, rels = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    got = {(r.evidence.message, by_ref[r.subject].text.rstrip("."), r.qualifiers["status"])
           for r in rels if r.kind == "bid"}
    assert got == {("post", "Harrowgate Transport Ltd", "awarded"), ("c1.1", "Vestry Logistics Ltd", "bidding"),
                   ("c1.2", "Quillon Group", "bidding"), ("c1.2", "Vestry Logistics Ltd", "bidding"),
                   ("c2", "Dunmere Facilities plc", "withdrawn")}
    contracts = {by_ref[r.object].attrs.get("subject") for r in rels if r.kind == "bid"}
    assert contracts == {"patient transport contract"}


# ------------------------------------------------------------------ bids made, bids lost
@pytest.mark.parametrize("reply,expected", [
    ("Quillon Group also put in a bid.", {("Quillon Group", SC, "bidding")}),
    ("Vestry Logistics Ltd submitted a tender as well.", {("Vestry Logistics Ltd", SC, "bidding")}),
    ("Vestry Logistics Ltd made the shortlist.", {("Vestry Logistics Ltd", SC, "shortlisted")}),
    ("Quillon Group lost the bid on price.", {("Quillon Group", SC, "bidding")}),
])
def test_bids_made_and_lost_in_a_reply(reply, expected):
    assert {b[:3] for b in bids(POST, reply, message="c1")} == expected


@pytest.mark.parametrize("reply", [
    "Quillon Group put in a bid to buy the football club.",
    "Quillon Group put in a takeover bid last year.",
    "Quillon Group made a profit of £3m.",
    "Quillon Group lost the contract in 2019.",  # an incumbent losing a contract need not have bid again
])
def test_no_bid_made(reply):
    assert bids(POST, reply, message="c1") == set()


# ------------------------------------------------------------------ a body named by its common noun
def test_the_trust_that_awards_is_the_threads_trust():
    by_ref, rels = run("Tarnfield Health NHS Trust runs two hospitals. The trust has awarded its patient transport "
                       "contract to Harrowgate Transport Ltd.")
    (buyer,) = [r for r in rels if r.kind == "buyer"]
    assert by_ref[buyer.object].text == "trust" and by_ref[buyer.object].attrs.get("generic") is True


def test_a_company_contract_with_the_council():
    by_ref, rels = run("Ribbleford Borough Council was criticised. Harrowgate Transport Ltd's contract with the "
                       "council is worth £5m a year.")
    assert {by_ref[r.object].text for r in rels if r.kind == "buyer"} == {"council"}
    assert {by_ref[r.subject].text for r in rels if r.kind == "bid"} == {"Harrowgate Transport Ltd"}


# ------------------------------------------------------------------ more wordings of winning
def test_handed_to_where_the_parser_hangs_to_on_the_contract():
    got = bids("Halvergate County Council has handed its £12m highways maintenance contract to Pembury Roadworks Ltd.")
    assert {b[:3] for b in got} == {("Pembury Roadworks Ltd", "highways maintenance contract", "awarded")}


@pytest.mark.parametrize("reply,expected", [
    ("Pembury Roadworks Ltd got the contract because they were cheapest.", {("Pembury Roadworks Ltd", SC, "awarded")}),
    ("Pembury Roadworks Ltd picked up the contract in May.", {("Pembury Roadworks Ltd", SC, "awarded")}),
])
def test_plain_words_of_winning(reply, expected):
    assert {b[:3] for b in bids(POST, reply, message="c1")} == expected


@pytest.mark.parametrize("reply", [
    "Pembury Roadworks Ltd got a deal on its vans.",  # no one contract
    "Pembury Roadworks Ltd got the blame.",
    "Pembury Roadworks Ltd picked the contract apart in its response.",
])
def test_plain_words_that_win_nothing(reply):
    assert bids(POST, reply, message="c1") == set()


def test_signing_a_deal_with_a_company_to_do_the_work():
    got = buyers("The Ministry of Justice has signed a £300m deal with Corran Secure Services Ltd to run three prisons.")
    assert got and {b for _, b in got} == {"Ministry of Justice"}
    assert {b[:3] for b in bids("The Ministry of Justice has signed a £300m deal with Corran Secure Services Ltd "
                                "to run three prisons.")} == {("Corran Secure Services Ltd", "deal", "awarded")}


def test_a_negated_question_asks():
    got = bids(POST, "Was Dunmere Facilities plc not in the running this time?", message="c1")
    assert {(b[2], b[3]) for b in got} == {("bidding", "questioned")}
    got = bids(POST, "Didn't Dunmere Facilities plc say it never bid?", message="c1")  # a denial inside the question
    assert {b[3] for b in got} == {"denied"}


def test_the_term_told_in_a_later_sentence():
    by_ref, rels = run("Pembury Roadworks Ltd won the highways maintenance contract. The contract runs for seven years "
                       "with an option to extend by three.")
    (bid,) = [r for r in rels if r.kind == "bid"]
    assert by_ref[bid.object].attrs["term_years"] == Decimal(7)


# ------------------------------------------------------------------ a post with two contracts
TWO = ("Ribbleford Borough Council has awarded its street cleaning contract to Ashcombe Care Ltd. "
       "Separately, the council has awarded its parking enforcement contract to Vestry Logistics Ltd.")


def test_a_reply_means_the_contract_whose_party_it_names():
    got = bids(TWO, "Quillon Group bid £2m less than Ashcombe Care Ltd and still lost.", message="c1")
    assert {b[:3] for b in got} == {("Quillon Group", SC, "bidding")}


@pytest.mark.parametrize("reply", [
    "Quillon Group bid for it too.",  # which one?
    "Quillon Group bid less than both Ashcombe Care Ltd and Vestry Logistics Ltd.",  # parties of both
])
def test_a_reply_that_does_not_say_which_contract_gets_none(reply):
    assert bids(TWO, reply, message="c1") == set()


@pytest.mark.parametrize("text,contract", [
    ("The street cleaning contract was won by Pembury Roadworks Ltd.", "street cleaning contract"),
    ("The £12m highways contract, won by Pembury Roadworks Ltd in 2019, is up for renewal.", "highways contract"),
    ("The £12m highways contract, awarded to Pembury Roadworks Ltd in 2019, is up for renewal.", "highways contract"),
])
def test_the_passive_of_winning_and_awarding(text, contract):
    assert {b[:3] for b in bids(text)} == {("Pembury Roadworks Ltd", contract, "awarded")}


@pytest.mark.parametrize("text", [
    "The election was won by Pembury Roadworks Ltd.",
    "The company, given to Pembury Roadworks Ltd by its founder, is up for sale.",
])
def test_passives_of_no_contract(text):
    assert bids(text) == set()


# ------------------------------------------------------------------ a body that tenders buys
@pytest.mark.parametrize("text,buyer", [
    ("Ashby County Council tendered the home care contract last year.", "Ashby County Council"),
    ("Ashby County Council put the home care contract out to tender last year.", "Ashby County Council"),
    ("Ashby County Council is retendering its home care contract.", "Ashby County Council"),
])
def test_a_body_that_tenders_a_contract_buys_it(text, buyer):
    assert buyers(text) == {("home care contract", buyer)}
    assert bids(text) == set()  # the council does not bid for its own contract


@pytest.mark.parametrize("text", [
    "Holloway Healthcare Ltd is advertising the home care contract.",  # a company: not its contract to let
    "Holloway Healthcare Ltd tendered for the home care contract.",  # a bid, not a letting
])
def test_tendering_that_lets_nothing(text):
    assert buyers(text) == set()


def test_a_bidder_named_after_the_reply_names_other_organisations():
    # the reply's own organisation in its first sentence does not hide the thread's contract from
    # "X's bid" (only from a pronoun: "it")
    got = bids(POST, "Vestry Logistics Ltd is owned by Quillon Group. Vestry Logistics Ltd's bid came second.",
               message="c1")
    assert {b[:3] for b in got} == {("Vestry Logistics Ltd", SC, "bidding")}


# ------------------------------------------------------------------ a body engaging a company for work
@pytest.mark.parametrize("text,supplier,buyer,work", [
    ("Ashby County Council appointed Quillon Group to run its leisure centres.", "Quillon Group",
     "Ashby County Council", "run its leisure centres"),
    ("Quillon Group was contracted by Ashby County Council to run the day centres.", "Quillon Group",
     "Ashby County Council", "run the day centres"),
    ("Ashby County Council pays Quillon Group £3m a year to manage the parks.", "Quillon Group",
     "Ashby County Council", "manage the parks"),
])
def test_a_body_engaging_a_company_to_do_work_lets_a_contract(text, supplier, buyer, work):
    assert {b[:3] for b in bids(text)} == {(supplier, work, "awarded")}
    assert buyers(text) == {(work, buyer)}


@pytest.mark.parametrize("text", [
    "Quillon Group hired Vestry Logistics Ltd to run its fleet.",  # a company's own supplier: who lets it?
    "Ashby County Council appointed John Smith to run the inquiry.",  # a person, not a contractor
    "Ashby County Council paid Quillon Group to leave.",  # no work
])
def test_engagements_that_let_no_public_contract(text):
    assert bids(text) == set() and buyers(text) == set()


# ------------------------------------------------------------------ chattier wordings
@pytest.mark.parametrize("reply,expected", [
    ("Quillon Group went for it too.", {("Quillon Group", SC, "bidding")}),
    ("Quillon Group was beaten to the contract by Ashcombe Care Ltd.",
     {("Quillon Group", SC, "bidding"), ("Ashcombe Care Ltd", SC, "awarded")}),
    ("Quillon Group missed out to Ashcombe Care Ltd.",
     {("Quillon Group", SC, "bidding"), ("Ashcombe Care Ltd", SC, "awarded")}),
    ("Ashcombe Care Ltd walked away with the contract.", {("Ashcombe Care Ltd", SC, "awarded")}),
    ("Ashcombe Care Ltd has the contract now.", {("Ashcombe Care Ltd", SC, "awarded")}),
])
def test_chatty_wordings_in_a_reply(reply, expected):
    assert {b[:3] for b in bids(POST, reply, message="c1")} == expected


@pytest.mark.parametrize("reply", [
    "Quillon Group went for a walk.",
    "Quillon Group went for the cheapest option.",
    "Quillon Group has a lot of staff.",
    "Quillon Group had the contract details leaked.",
    "Ribbleford Borough Council has the contract now.",  # the buyer has it to let
    "Quillon Group missed out on the party.",
])
def test_chatty_near_misses(reply):
    assert bids(POST, reply, message="c1") == set()


def test_pipped_to_the_contract():
    got = {b[:3] for b in bids("Holloway Healthcare Ltd pipped Mereside Care Group to the home care contract.")}
    assert got == {("Holloway Healthcare Ltd", "home care contract", "awarded"),
                   ("Mereside Care Group", "home care contract", "bidding")}


@pytest.mark.parametrize("reply,expected", [
    ("Quillon Group was also shortlisted but dropped out.",
     {("Quillon Group", SC, "shortlisted"), ("Quillon Group", SC, "withdrawn")}),
    ("The shortlisted firms were Quillon Group and Vestry Logistics Ltd.",
     {("Quillon Group", SC, "shortlisted"), ("Vestry Logistics Ltd", SC, "shortlisted")}),
    ("Ashcombe Care Ltd was appointed as the new provider.", {("Ashcombe Care Ltd", SC, "awarded")}),
    ("Ashcombe Care Ltd is the new operator.", {("Ashcombe Care Ltd", SC, "awarded")}),
])
def test_shortlists_dropping_out_and_new_providers(reply, expected):
    assert {b[:3] for b in bids(POST, reply, message="c1")} == expected


@pytest.mark.parametrize("reply", [
    "The firms were Quillon Group and Vestry Logistics Ltd.",  # no word of bidding
    "Quillon Group is a provider of care homes.",  # not the new one of this contract
    "Ashcombe Care Ltd was appointed as the new provider of school meals in Leeds.",  # another service, unnamed as a contract
    "Quillon Group dropped out of the league.",
])
def test_no_new_provider_or_shortlist(reply):
    assert bids(POST, reply, message="c1") == set()


def test_contracts_in_general_let_by_a_body_are_no_one_contract():
    assert buyers("Most drilling contracts issued by the state oil company went abroad.") == set()


@pytest.mark.parametrize("text,buyer", [
    ("Quillon Group won the parking contract for Ashby County Council.", "Ashby County Council"),
    ("Quillon Group won the Ashby County Council parking contract.", "Ashby County Council"),
    ("Quillon Group won the council contract.", "council"),
])
def test_a_public_body_in_the_contracts_own_phrase_buys_it(text, buyer):
    assert {b for _, b in buyers(text)} == {buyer}


@pytest.mark.parametrize("text", [
    "Quillon Group won the Vestry Logistics Ltd contract.",  # a company's contract: buyer or earlier holder?
    "Quillon Group won the parking contract for its vans.",
    "Quillon Group won the Ashby parking contract.",  # a place, not a body
])
def test_no_buyer_in_the_phrase(text):
    assert buyers(text) == set()


def test_a_short_name_of_a_shortlisted_firm_withdraws():
    by_ref, rels = run("Tarnfield Health NHS Trust has awarded its pathology contract to Brennock Care Services Ltd. "
                       "Three firms were shortlisted: "
                       "Vestry Logistics Group, Oxley Laboratories Ltd and Quillon Group. Oxley withdrew before final bids.")
    withdrawn = {by_ref[r.subject].text for r in rels if r.kind == "bid" and r.qualifiers["status"] == "withdrawn"}
    assert withdrawn == {"Oxley"}


@pytest.mark.parametrize("reply,expected", [
    ("Saxby Civils Ltd came second, apparently.", {("Saxby Civils Ltd", SC, "bidding", "hedged")}),
    ("Saxby Civils Ltd finished a close second.", {("Saxby Civils Ltd", SC, "bidding", "asserted")}),
])
def test_a_bidder_placed_in_the_contest(reply, expected):
    assert bids(POST, reply, message="c1") == expected


@pytest.mark.parametrize("reply", [
    "Saxby Civils Ltd came second in the league.",
    "Saxby Civils Ltd came second at the industry awards.",
    "Saxby Civils Ltd finished second to last among employers for pay.",
])
def test_placed_in_another_contest(reply):
    assert bids(POST, reply, message="c1") == set()


def test_placed_with_no_contract_before_is_nothing():
    assert bids("Saxby Civils Ltd came second.") == set()
