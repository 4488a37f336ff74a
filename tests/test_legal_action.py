"""Legal action against a party named only by a post ("X sued the Home Secretary"): the post's
holder is the other side, a role-holder Person as for the other relations with a post-holder end."""
from __future__ import annotations

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread


def legal(text: str) -> list[tuple]:
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    return [(by_ref[r.subject].text.rstrip("."), by_ref[r.object].text, by_ref[r.object].label, r.status,
             r.qualifiers.get("action")) for r in relations if r.kind == "legal_action"]


@pytest.mark.parametrize("text,holder", [
    ("Brightwater Holdings Ltd sued the Secretary of State.", "Secretary of State"),
    ("Brightwater Holdings Ltd is suing the Home Secretary over the ruling.", "Home Secretary"),
])
def test_suing_a_post_holder(text, holder):
    got = legal(text)
    assert ("Brightwater Holdings Ltd", holder, "Person", "asserted", "lawsuit") in got


def test_suing_a_post_of_a_named_body_also_sues_the_body():
    got = {(s, o) for s, o, *_ in legal("Brightwater Holdings Ltd is suing the Chief Constable of Northmoor Police.")}
    assert ("Brightwater Holdings Ltd", "Northmoor Police") in got
    assert ("Brightwater Holdings Ltd", "Chief Constable of Northmoor Police") in got


def test_suing_a_named_person_is_unchanged():
    assert legal("Brightwater Holdings Ltd sued Jane Holloway.") == [
        ("Brightwater Holdings Ltd", "Jane Holloway", "Person", "asserted", "lawsuit")]


def test_a_denied_suit_against_a_post_holder_is_denied():
    assert [st for *_, st, _ in legal("Brightwater Holdings Ltd did not sue the Secretary of State.")] == ["denied"]


@pytest.mark.parametrize("text", [
    "Brightwater Holdings Ltd met the Secretary of State.",  # no legal action
    "Brightwater Holdings Ltd wrote to the Secretary of State about the suit.",  # "suit" is no verb of suing
    "The Secretary of State said Brightwater Holdings Ltd would sue.",  # no one sued
])
def test_no_legal_action_without_suing_the_post_holder(text):
    assert legal(text) == []
