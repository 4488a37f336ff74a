"""Forms the seed threads showed the rules missing, as general rules: each with invented
positives and near misses that must not fire (see ontology/patterns/relations/README.md)."""
from __future__ import annotations

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread


def run(text: str):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    return {m.ref: m for m in mentions}, relations


def facts(text: str, kind: str):
    by_ref, relations = run(text)
    return [(by_ref[r.subject].text, by_ref[r.object].text if r.object else None, r.qualifiers, r.rule, r.status)
            for r in relations if r.kind == kind]


def roles(text: str, person: str) -> set:
    return {q.get("role") for s, _, q, _, _ in facts(text, "post") if s == person}


# -------------------------------------------- two coordinated titles before a name, quoted
def test_two_titles_in_apposition_after_an_opening_quote_are_both_posts():
    text = '"The Minister of Health and Deputy Prime Minister, Martin Fairbank, gave evidence last week.'
    assert {"Minister of Health", "Deputy Prime Minister"} <= roles(text, "Martin Fairbank")


def test_titles_that_are_a_clause_subject_name_no_later_person():
    text = '"The Minister of Health and Deputy Prime Minister met Martin Fairbank last week.'
    assert roles(text, "Martin Fairbank") == set()


# -------------------------------------------- a signature line
def test_a_signature_line_gives_the_signers_post():
    text = "We will fight this decision.\n\nJane Holloway General Secretary and the Brightwater Officer Group"
    got = [(s, o, q.get("role"), r) for s, o, q, r, _ in facts(text, "post")]
    assert ("Jane Holloway", None, "General Secretary", "post.signature") in got
    # the co-signing group is not the role's organisation
    assert not any(o for s, o, _, r in got if r == "post.signature")


def test_a_signature_with_its_organisation():
    text = "Thank you for your support.\n\nJane Holloway, Chief Executive, Brightwater Holdings Ltd"
    got = [(s, o, q.get("role")) for s, o, q, r, _ in facts(text, "post") if r == "post.signature"]
    assert got == [("Jane Holloway", "Brightwater Holdings Ltd", "Chief Executive")]


def test_a_name_and_role_inside_a_running_sentence_is_no_signature():
    text = "Jane Holloway General Secretary and the Brightwater Officer Group met the minister on Monday."
    assert not [f for f in facts(text, "post") if f[3] == "post.signature"]


# -------------------------------------------- "the Minister of State for X" as the clause's subject
def test_a_ministerial_post_for_a_body_names_its_holder():
    text = "The Minister of State for the Northern Development Office was responding to a question."
    got = [(s, o, q.get("role"), r) for s, o, q, r, _ in facts(text, "post")]
    assert ("Minister of State for the Northern Development Office", "Northern Development Office",
            "Minister of State", "post.holder") in got


def test_for_after_a_role_that_is_not_ministerial_names_no_body():
    text = "The Candidate for the Northern Development Office was responding to a question."
    assert not [f for f in facts(text, "post") if f[3] == "post.holder"]


def test_a_ministerial_title_for_a_body_in_apposition():
    text = "The Secretary of State for the Northern Development Office, Jane Holloway, said no."
    got = [(s, o) for s, o, q, r, _ in facts(text, "post")]
    assert ("Jane Holloway", "Northern Development Office") in got


# -------------------------------------------- "X, MP for Y": a constituency and a post
def test_mp_for_a_constituency_is_also_a_post_of_mp():
    text = "The question came from Jane Holloway, MP for Calderbrook East, on Monday."
    assert facts(text, "mp_for")
    assert "MP" in roles(text, "Jane Holloway")


def test_voting_for_an_mp_gives_the_voter_no_post():
    text = "Jane Holloway voted for the Labour candidate in Calderbrook East."
    assert roles(text, "Jane Holloway") == set()


# -------------------------------------------- a conjoined "then moved to X to run Y"
def test_moved_to_a_body_to_run_something_is_a_post_there():
    text = "Seems Jane Holloway made her name in the prison service, then moved to BWX to run Ashgrove."
    got = [(s, o, r, st) for s, o, q, r, st in facts(text, "post")]
    assert ("Jane Holloway", "BWX", "post.moved", "hedged") in got


def test_moved_to_a_place_like_name_without_a_purpose_is_no_post():
    text = "Jane Holloway made her name in the prison service, then moved to BWX last year."
    assert not [f for f in facts(text, "post") if f[3] == "post.moved"]


# -------------------------------------------- a question mark inside brackets ends no sentence
def test_a_sentence_runs_on_across_question_marks_inside_brackets():
    text = "Jane Holloway (his wife? his sister?) is the daughter of Martin Fairbank."
    got = [(s, o) for s, o, *_ in facts(text, "family")]
    assert ("Jane Holloway", "Martin Fairbank") in got


def test_a_question_mark_outside_brackets_still_ends_the_sentence():
    assert facts("Who is Jane Holloway? The daughter of Martin Fairbank, they say.", "family") == []


def test_copula_post_across_a_bracketed_aside_but_not_a_life_span():
    # an aside between the name and the verb is read (round 6); a birth date or life span never
    text = "Ms Holloway (wife? Sister?) is Deputy Managing Director of Brightwater Justice Services."
    assert [(f[0], f[1], f[2]["role"]) for f in facts(text, "post") if f[3] == "post.copula"] == \
        [("Holloway", "Brightwater Justice Services", "Deputy Managing Director")]
    text = "Jane Holloway (born 4 May 1961) was an officer in the Brightwater Justice Services."
    assert not [f for f in facts(text, "post") if f[3] == "post.copula"]


# -------------------------------------------- a hedge word's scope
@pytest.mark.parametrize("text,kind,status", [
    # a hedge about something else later in the sentence, after a clause break
    ("My MP is Martin Fairbank - Tory, the richest MP in the house and a tax avoider, alleged in a blog.",
     "party", "asserted"),
    ("Martin Fairbank is married to Jane Holloway, who has, allegedly, hidden the money abroad.", "family", "asserted"),
    # in the same clause, before the fact, or closing the sentence: hedged
    ("Martin Fairbank is married to Jane Holloway, apparently.", "family", "hedged"),
    ("Martin Fairbank is married to Jane Holloway as alleged in a blog.", "family", "hedged"),
    ("Seems that, after a long search, Martin Fairbank is married to Jane Holloway.", "family", "hedged"),
])
def test_a_hedge_word_hedges_only_the_clause_it_is_in(text, kind, status):
    got = [st for *_, st in facts(text, kind)]
    assert got and set(got) == {status}


def test_a_threatened_legal_action_is_hedged_and_a_brought_one_asserted():
    threatened = "The Brightwater Union is threatening Calderbrook Council with a judicial review."
    brought = "The Brightwater Union has started a judicial review against Calderbrook Council."
    assert [st for *_, st in facts(threatened, "legal_action")] == ["hedged"]
    assert [st for *_, st in facts(brought, "legal_action")] == ["asserted"]


# -------------------------------------------- an abbreviated title before a name
def test_an_abbreviated_title_before_a_name_is_a_post():
    assert "PM" in roles("PM Jane Holloway resigned on Tuesday.", "Jane Holloway")
    assert "Cllr" in roles("Cllr Jane Holloway of Calderbrook Council resigned.", "Jane Holloway")


def test_an_abbreviation_after_a_number_is_a_time_not_a_title():
    assert roles("At 3 PM Jane Holloway arrived at the Brightwater Holdings office.", "Jane Holloway") == set()


def test_an_abbreviation_in_the_wrong_case_is_no_title():
    # the list is case-sensitive: "pm" and "SOS" are no titles
    assert roles("Call at 3 pm Jane Holloway said.", "Jane Holloway") == set()


# -------------------------------------------- "X being investigated for Y" with nothing after the matter
@pytest.mark.parametrize("text,matter,body", [
    ("Brightwater Holdings Ltd being investigated for fraud, this council is gaining a reputation.", "fraud", None),
    ("Brightwater Holdings Ltd is being investigated for tax fraud by the Calderbrook Police.", "tax fraud",
     "Calderbrook Police"),
])
def test_investigated_for_a_matter_ending_the_clause(text, matter, body):
    got = [(s, o, q.get("matter")) for s, o, q, _, _ in facts(text, "investigated")]
    assert got == [("Brightwater Holdings Ltd", body, matter)]


def test_an_organisation_investigating_something_is_not_investigated():
    assert facts("Brightwater Holdings Ltd investigated the fraud claims last year.", "investigated") == []
    assert facts("Brightwater Holdings Ltd was investigated.", "investigated") == []  # no matter, no body


# -------------------------------------------- "on behalf of X, I ... a judicial review of Y"
def test_legal_action_taken_on_behalf_of_a_body_is_that_bodys():
    text = ("Last night on behalf of the Brightwater Officer Group, I was pleased to instruct our lawyers to "
            "apply for a judicial review of Calderbrook Council's plans.")
    got = [(s, o, q.get("action"), r) for s, o, q, r, _ in facts(text, "legal_action")]
    assert ("Brightwater Officer Group", "Calderbrook Council", "judicial review", "legal.on_behalf") in got


def test_on_behalf_of_without_a_legal_action_is_none():
    text = ("Last night on behalf of the Brightwater Officer Group, I was pleased to write to Calderbrook "
            "Council about the plans.")
    assert facts(text, "legal_action") == []


# -------------------------------------------- the seeds: bidders pointed at, named in the next sentence
def test_seeds_a_bidder_part_owned_by_the_government_is_an_ownership_finding(tmp_path):
    from pathlib import Path

    from rdflib import Graph, RDF

    from graph import infer
    from graph.pipeline import build

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    build([seeds], tmp_path, validate=False)
    g = Graph().parse(tmp_path / "graph.ttl")
    found = {(str(g.value(f, infer.TG.rule)), infer.label(g, g.value(f, infer.TG.counterparty)))
             for f in g.subjects(RDF.type, infer.TG.ConflictOfInterest)}
    assert ("coi-owner-is-buyer", "Working Links") in found
    report = (tmp_path / "findings.md").read_text(encoding="utf-8")
    assert "Working Links is bidding for an unnamed contract" in report
