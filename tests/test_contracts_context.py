"""A reply's "the contract" / "it" is the contract its parent message (for a top-level comment, the
post) named last, until the reply names its own. Invented threads only."""
from __future__ import annotations

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread

POST = "The council's £40m cleaning contract was let last year."


def run(post: str, *comments: tuple[str, str | None, str]):
    """comments: (id, parent, text)."""
    thread = Thread(id="t1", source="test", post=Message(id="post", text=post),
                    comments=[Message(id=i, parent=p, text=t) for i, p, t in comments])
    mentions, relations = extract_thread(thread)
    return {m.ref: m for m in mentions}, relations


def bids_in(rels, message: str):
    return [r for r in rels if r.kind == "bid" and r.evidence.message == message]


def subject_of(by_ref, ref: str) -> str:
    return by_ref[ref].attrs.get("subject")


def test_a_replys_the_contract_is_the_posts_contract():
    by_ref, rels = run(POST, ("c1", "post", "Kestrel Services Ltd won the contract after a long fight."))
    (bid,) = bids_in(rels, "c1")
    assert by_ref[bid.subject].text == "Kestrel Services Ltd"
    contract = by_ref[bid.object]
    assert contract.evidence.message == "post" and contract.attrs["subject"] == "cleaning contract"
    # no second, empty "the contract" of the comment's own
    assert [m.evidence.message for m in by_ref.values() if m.label == "Contract"] == ["post"]


def test_a_reply_to_a_reply_inherits_through_its_parent():
    by_ref, rels = run(POST, ("c1", "post", "What a waste of money."),
                       ("c1.1", "c1", "Kestrel Services Ltd won the contract after a long fight."))
    (bid,) = bids_in(rels, "c1.1")
    assert by_ref[bid.object].evidence.message == "post"


def test_a_reply_naming_its_own_contract_keeps_its_own():
    by_ref, rels = run(POST, ("c1", "post", "Kestrel Services Ltd won the catering contract in May."))
    (bid,) = bids_in(rels, "c1")
    assert by_ref[bid.object].evidence.message == "c1"
    assert subject_of(by_ref, bid.object) == "catering contract"


def test_a_reply_hands_its_own_contract_on_to_its_replies():
    by_ref, rels = run(POST, ("c1", "post", "Kestrel Services Ltd won the catering contract in May."),
                       ("c1.1", "c1", "Brightwater Holdings Ltd also bid for the contract."))
    (bid,) = bids_in(rels, "c1.1")
    assert subject_of(by_ref, bid.object) == "catering contract"


def test_a_comment_in_another_branch_does_not_inherit_a_siblings_contract():
    by_ref, rels = run("What a week for the council.",
                       ("c1", "post", "Kestrel Services Ltd won the catering contract in May."),
                       ("c2", "post", "Brightwater Holdings Ltd lost the contract."))
    assert bids_in(rels, "c1")
    # c2's parent (the post) named no contract: c1's catering contract is not c2's
    assert all(by_ref[r.object].evidence.message != "c1" for r in bids_in(rels, "c2"))


def test_a_parent_that_named_two_contracts_hands_on_neither():
    by_ref, rels = run(POST + " The £2m catering contract went to Harbour Facilities Ltd.",
                       ("c1", "post", "Kestrel Services Ltd won the contract after a long fight."))
    assert [r for r in rels if r.kind == "bid" and r.evidence.message == "post"]  # the post named both
    assert all(by_ref[r.object].evidence.message != "post" for r in bids_in(rels, "c1"))


def test_a_reply_that_names_an_organisation_first_keeps_its_it_for_that():
    # "it" after the reply named a partnership of its own is not the post's contract
    by_ref, rels = run(POST, ("c1", "post", "This was once run by the Calder Cleaning Partnership. "
                                            "Kestrel Services Ltd pulled out of it in 2019."))
    assert all(by_ref[r.object].evidence.message != "post" for r in bids_in(rels, "c1"))


@pytest.mark.parametrize("text", [
    "Kestrel Services Ltd won the contract after a long fight.",
])
def test_without_a_parent_contract_a_reply_says_what_it_said_before(text):
    # the same comment under a post that names no contract: nothing of the post's is borrowed
    by_ref, rels = run("What a week for the council.", ("c1", "post", text))
    assert all(by_ref[r.object].evidence.message == "c1" for r in bids_in(rels, "c1"))
