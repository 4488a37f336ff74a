"""The first word of a body named after a place ("Quarrington Borough Council") or of a place name
("Tarrowick Province"), where the model called it an organisation or a person on its own, is a
place (invented names)."""
from __future__ import annotations

import pytest

from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def org(text, source="ner", **kw):
    m = mention(text, "Organization", **kw)
    m.source = source
    return m


@pytest.mark.parametrize("body", ["Quarrington Borough Council", "Quarrington Crown Court", "Quarrington Police"])
def test_the_place_a_body_is_named_after_is_a_place(body):
    full, word = org(body), org("Quarrington")
    entities, _, merges = resolve([full, word], [])
    assert entity_of(entities, word).type == "Place"
    assert entity_of(entities, full).type == "Organization"
    assert reasons(merges)[("Quarrington", "Quarrington")] == \
        "first word of a body of its thread named after a place: Organization -> Place"


@pytest.mark.parametrize("body, word", [
    ("Commerce Department", "Commerce"),  # a department is named after what it does
    ("Quarrington Partners", "Quarrington"),  # a firm, not a body named after a place
    ("Council of Quarrington", "Council"),
    ("Labour Council", "Labour"),  # the word alone names a kind of body (a party)
])
def test_near_misses_keep_the_organisation(body, word):
    full, short = org(body), org(word)
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short).type == "Organization"


def test_a_word_a_rule_typed_an_organisation_or_one_in_another_thread_stays_one():
    full, word, ruled = org("Quarrington Borough Council"), org("Quarrington"), \
        org("Quarrington", source="rule.org_shape")
    entities, _, _ = resolve([full, word, ruled], [])
    assert entity_of(entities, word).type == "Organization"
    full, word = org("Quarrington Borough Council", thread="t1"), org("Quarrington", thread="t2")
    entities, _, _ = resolve([full, word], [])
    assert entity_of(entities, word).type == "Organization"


# -- a one-word "person" that begins a place name of its thread

def person(text, source="ner", **kw):
    m = mention(text, "Person", **kw)
    m.source = source
    return m


def place(text, **kw):
    return mention(text, "Place", **kw)


@pytest.mark.parametrize("longer", ["Tarrowick Province", "Tarrowick Airport", "Tarrowick River"])
def test_a_one_word_person_that_begins_a_place_name_of_its_thread_is_a_place(longer):
    full, word = place(longer), person("Tarrowick")
    entities, _, merges = resolve([full, word], [])
    assert entity_of(entities, word).type == "Place"
    assert entity_of(entities, word) is not entity_of(entities, full)  # a city and its province: two
    assert reasons(merges)[("Tarrowick", "Tarrowick")] == "first word of a place of its thread: Person -> Place"


@pytest.mark.parametrize("others", [
    [person("Ann Tarrowick")],  # a full name of the thread has the word
    [person("Tarrowick", source="rule.title", title="Mr")],  # a rule or a title says it is a person
])
def test_a_person_the_thread_names_so_stays_a_person(others):
    full, word = place("Tarrowick Province"), person("Tarrowick")
    entities, _, _ = resolve([full, *others, word], [])
    assert entity_of(entities, word).type == "Person"


def test_a_first_name_or_a_place_in_another_thread_leaves_the_person():
    full, word = place("Martin County"), person("Martin")
    entities, _, _ = resolve([full, word], [])
    assert entity_of(entities, word).type == "Person"
    full, word = place("Tarrowick Province", thread="t1"), person("Tarrowick", thread="t2")
    entities, _, _ = resolve([full, word], [])
    assert entity_of(entities, word).type == "Person"


def test_a_body_whose_last_word_follows_of_or_for_is_not_named_after_a_place():
    # "Quillon Foundation for Police" is headed by "Foundation": "Quillon" stays an organisation
    for body in ("Quillon Foundation for Police", "Quillon Friends of the Police"):
        full, word = org(body), org("Quillon")
        entities, _, _ = resolve([full, word], [])
        assert entity_of(entities, word).type == "Organization"
    full, word = org("Quillon Police"), org("Quillon")
    entities, _, _ = resolve([full, word], [])
    assert entity_of(entities, word).type == "Place"
