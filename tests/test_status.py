"""Epistemic status: how the text holds each fact - asserted, reported, hedged, questioned, denied."""
from __future__ import annotations

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread


def statuses(text: str, kind: str = "family") -> list[str]:
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    _, relations = extract_thread(thread)
    return [r.status for r in relations if r.kind == kind]


@pytest.mark.parametrize("text,status", [
    ("Martin Fairbank is married to Jane Holloway.", "asserted"),
    ("According to the Calderbrook Gazette, Martin Fairbank is married to Jane Holloway.", "reported"),
    ("The Calderbrook Gazette reported that Martin Fairbank is married to Jane Holloway.", "reported"),
    ("Martin Fairbank is allegedly married to Jane Holloway.", "hedged"),
    ("I suspect Martin Fairbank is married to Jane Holloway.", "hedged"),
    ("Word has it that Martin Fairbank is married to Jane Holloway.", "hedged"),
    ("Perhaps Martin Fairbank is married to Jane Holloway.", "hedged"),
    ("Martin Fairbank is married to Jane Holloway (to be confirmed).", "hedged"),
    ("Is Martin Fairbank married to Jane Holloway?", "questioned"),
    ("Martin Fairbank is not married to Jane Holloway.", "denied"),
    ("Martin Fairbank was never married to Jane Holloway.", "denied"),
])
def test_each_status_from_its_cue(text, status):
    assert statuses(text) == [status]


def test_a_following_is_this_true_questions_the_claim_before_it():
    text = "Martin Fairbank is married to Jane Holloway.\n\nIs this true?"
    assert statuses(text) == ["questioned"]


def test_a_question_later_in_another_message_does_not_question_this_one():
    thread = Thread(id="t1", source="test", post=Message(id="post", text="Martin Fairbank is married to Jane Holloway."),
                    comments=[Message(id="c1", text="Is this true?", parent="post")])
    _, relations = extract_thread(thread)
    assert [r.status for r in relations if r.kind == "family"] == ["asserted"]


def test_denial_verb_denies():
    text = "Corvid Group denied that Brightwater Holdings Ltd is a subsidiary of Kestrel Services Ltd."
    assert statuses(text, "owned_by") == ["denied"]


def test_negation_elsewhere_in_the_sentence_does_not_deny():
    assert statuses("Martin Fairbank, who is married to Jane Holloway, did not attend.") == ["asserted"]


def test_the_speaker_of_the_fact_is_no_report_source():
    # the post is stated by the writer; Jane Holloway's saying something else does not make it reported
    thread = Thread(id="t1", source="test", post=Message(
        id="post", text="Jane Holloway, Deputy Director of Brightwater Holdings Ltd, said the plans were sound."))
    _, relations = extract_thread(thread)
    assert [r.status for r in relations if r.kind == "post"] == ["asserted"]


def test_a_claim_made_by_the_person_named_is_not_a_report_of_their_post():
    thread = Thread(id="t1", source="test", post=Message(
        id="post", text="Home Secretary Martin Fairbank wrongly claimed that the scheme had been tested."))
    _, relations = extract_thread(thread)
    assert [r.status for r in relations if r.kind == "post"] == ["asserted"]


def test_says_that_before_the_fact_reports_it():
    assert statuses("The Calderbrook Gazette says that Martin Fairbank is married to Jane Holloway.") == ["reported"]


@pytest.mark.parametrize("text,status", [
    ("Martin Fairbank married Jane Holloway in May.", "asserted"),                # the month
    ("In May, Martin Fairbank married Jane Holloway.", "asserted"),
    ("It may be that Martin Fairbank is married to Jane Holloway.", "hedged"),    # the modal
    ("May be wrong, but Martin Fairbank is married to Jane Holloway.", "hedged"),  # at the start: no name
    ("Martin Fairbank is married to Jane Holloway, MAYBE.", "hedged"),            # shouted, still the hedge
])
def test_a_capitalised_hedge_word_inside_a_sentence_is_a_name_not_a_hedge(text, status):
    assert statuses(text) == [status]


@pytest.mark.parametrize("text,status", [
    ("Isn't Martin Fairbank married to Jane Holloway?", "questioned"),      # asks whether
    ("Wasn't Martin Fairbank married to Jane Holloway?", "questioned"),
    ("Martin Fairbank isn't married to Jane Holloway.", "denied"),          # no question
])
def test_a_question_opening_on_a_negated_auxiliary_asks_and_does_not_deny(text, status):
    assert statuses(text) == [status]
