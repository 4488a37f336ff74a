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


def test_the_hmp_title_alone_is_no_organisation(nlp):
    text = "I taught at HMP Quarnley for years, and the QWTU branch backed me."
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    names = {m.text for m in ms if m.label == "Organization"}
    assert "HMP" not in names
