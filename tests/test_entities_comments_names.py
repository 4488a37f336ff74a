"""Comment-thread entity errors (session 4, round 5): a former name is no alias, a company name
the model took for a person's yields to its own legal form, prizes and the "HMP" title are no
bodies. All names are invented."""
from __future__ import annotations

import pytest

from graph.extract.entities import mentions_from_doc
from graph.model import Evidence, Mention, Message
from graph.nlp import load_nlp, not_a_body
from graph.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(parser=False)


def mention(text, label, source="ner", message="post", at=0):
    ev = Evidence(thread="t", message=message, start=at, end=at + len(text), quote=text,
                  sentence_start=at, sentence_end=at + len(text))
    return Mention(text=text, label=label, evidence=ev, source=source)


# -- a name a company had until a time is a former name, not an alias

@pytest.mark.parametrize("text", [
    "Zentrix Ltd, which was known as Quornby Skills Ltd until 2019, won the deal.",
    "Zentrix Ltd, which was known as Quornby Skills Ltd before the merger, won the deal.",
])
def test_a_name_held_until_a_time_is_no_alias(nlp, text):
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    assert not [m for m in ms if m.attrs.get("alias_of")]


def test_a_name_known_as_with_no_time_is_still_an_alias(nlp):
    text = "Zentrix Ltd, which is known as Quornby Skills Ltd, won the deal."
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    assert [m for m in ms if m.attrs.get("alias_of")]


# -- the model's person guesses yield to the name's own legal form

def test_a_company_name_typed_person_by_the_model_joins_its_legal_form():
    ms = [mention("Dravel Osmart plc", "Organization", source="rule.org_shape"),
          mention("Dravel Osmart", "Person", message="c1"), mention("Dravel Osmart", "Person", message="c2"),
          mention("Dravel Osmart", "Person", message="c3")]
    ents, _, _ = resolve(ms, [])
    assert [e.type for e in ents.values()] == ["Organization"]


def test_a_person_a_rule_typed_keeps_the_name_despite_a_namesake_company():
    # "Mr Dravel Osmart" (a rule read the title): the person stays next to the company
    ms = [mention("Dravel Osmart plc", "Organization", source="rule.org_shape"),
          mention("Dravel Osmart", "Person", source="rule.title", message="c1"),
          mention("Dravel Osmart", "Person", message="c2"), mention("Dravel Osmart", "Person", message="c3")]
    ents, _, _ = resolve(ms, [])
    assert "Person" in {e.type for e in ents.values()}


def test_a_company_word_without_a_legal_form_leaves_the_model_vote_alone():
    ms = [mention("Dravel Osmart Group", "Organization", source="rule.org_shape"),
          mention("Dravel Osmart", "Person", message="c1"), mention("Dravel Osmart", "Person", message="c2")]
    ents, _, _ = resolve(ms, [])
    assert "Person" in {e.type for e in ents.values()}


# -- prizes and prison titles

def test_awards_are_no_body_but_an_awards_body_with_of_is():
    assert not_a_body("Westby Care Awards")
    assert not not_a_body("Academy of Westby Care Awards")
    assert not not_a_body("Westby Care Association")


def test_a_project_or_operation_name_is_no_body_but_a_project_body_with_of_is():
    assert not_a_body("Project Quillmore") and not_a_body("Operation Westgate")
    assert not not_a_body("Project Quillmore Trust of Westby")
    assert not not_a_body("Projects Quillmore")  # (a plural opener is no scheme word)


def test_the_hmp_title_alone_is_no_organisation(nlp):
    text = "I taught at HMP Quarnley for years, and the QWTU branch backed me."
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    names = {m.text for m in ms if m.label == "Organization"}
    assert "HMP" not in names


# -- context: a firm's trade after its name, a system's name, a run-on name, a councillor's seat

def _labels(nlp, text):
    return {(m.text, m.label) for m in mentions_from_doc(nlp(text), "t", Message(id="post", text=text))}


def test_a_name_before_solicitors_is_a_firm(nlp):
    found = _labels(nlp, "Zentrix Ltd have instructed Dravel Osmart solicitors and may go to court.")
    assert ("Dravel Osmart", "Organization") in found


def test_a_name_before_lawyers_is_left_to_the_model(nlp):
    found = _labels(nlp, "Mr Dravel Osmart met the press and his lawyers said nothing.")
    assert ("Dravel Osmart", "Organization") not in found


def test_an_inner_capital_name_only_before_a_system_noun_is_no_body(nlp):
    found = _labels(nlp, "We were never consulted on the new QuilTrack system at the prison.")
    assert ("QuilTrack", "Organization") not in found


def test_a_surname_shape_is_no_system_name():
    from graph.extract.jargon import _CAMEL
    assert _CAMEL.match("QuilTrack") and _CAMEL.match("QXLog")
    assert not _CAMEL.match("McQuill") and not _CAMEL.match("MacQuarrie") and not _CAMEL.match("Quill")


def test_a_name_run_on_past_a_preposition_after_son_is_cut(nlp):
    from spacy.tokens import Span
    from graph.nlp.descriptors import described
    doc = nlp.make_doc("Isn't her son Jory on Zentrix's board?")
    rules = nlp.get_pipe("tg_entity_rules")
    cut = described(rules, Span(doc, 4, 7, label="PERSON"))   # the model's "Jory on Zentrix"
    assert (cut.text, cut.label_) == ("Jory", "PERSON")
    whole = described(rules, Span(doc, 4, 5, label="PERSON"))  # a name that stops in time keeps its end
    assert whole.text == "Jory"


def test_a_one_word_name_after_councillor_for_is_a_place(nlp):
    found = _labels(nlp, "The chair of the fire authority, Cllr Ann Quarnley, is a Conservative councillor for "
                         "Dunsworth. She denied it.")
    assert ("Dunsworth", "Place") in found and ("Dunsworth", "Organization") not in found


def test_a_name_after_a_non_seat_title_and_for_stays_a_body(nlp):
    found = _labels(nlp, "The chair, Cllr Ann Quarnley, is a paid adviser for Quillcorp. She denied it.")
    assert ("Quillcorp", "Organization") in found


# -- two areas sharing one joined service name

def test_two_areas_before_a_joined_service_name_are_one_body(nlp):
    found = _labels(nlp, "Callow and Quarn Fire and Rescue Authority has awarded a ten-year contract.")
    assert ("Callow and Quarn Fire and Rescue Authority", "Organization") in found


def test_an_area_and_the_service_stay_two_names(nlp):
    found = _labels(nlp, "Callow and the Quarn Fire and Rescue Authority have awarded a ten-year contract.")
    assert ("Callow and the Quarn Fire and Rescue Authority", "Organization") not in found
    assert ("Quarn Fire and Rescue Authority", "Organization") in found


# -- a reporter's beat in a by-line

@pytest.mark.parametrize("line, beat", [
    ("Jo Quarnley, Home Affairs Reporter", "Home Affairs"),
])
def test_a_beat_before_reporter_ending_a_byline_is_no_body(nlp, line, beat):
    found = _labels(nlp, f"The contract looks like a race to the bottom.\n\n{line}\n\nBRANCH RESPONSE")
    assert (beat, "Organization") not in found


@pytest.mark.parametrize("line, org", [
    ("Jo Quarnley, Westby Times Reporter", "Westby Times"),   # a paper's name (an organisation word)
    ("Jo Quarnley, ZBC Reporter", "ZBC"),                     # an acronym
])
def test_a_paper_before_reporter_stays_a_body(nlp, line, org):
    found = _labels(nlp, f"The contract looks bad.\n\n{line}")
    assert (org, "Organization") in found
