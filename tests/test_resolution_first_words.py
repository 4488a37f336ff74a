"""A one-word name that is the first word of the one longer organisation name its thread named
before it ("Quillon" after "Quillon Clinical Services") is that organisation, and only then
(invented names)."""
from __future__ import annotations

import pytest

from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def org(text, **kw):
    return mention(text, "Organization", **kw)


@pytest.mark.parametrize("long", ["Quillon Clinical Services", "Quillon Partners", "Quillon Advisory",
                                  "Quillon Waste Solutions"])
def test_the_first_word_of_the_one_longer_name_named_before_it_joins_it(long):
    full, short = org(long), org("Quillon")  # (mention() places each after the one before)
    entities, _, merges = resolve([full, short], [])
    assert entity_of(entities, short) is entity_of(entities, full)
    assert reasons(merges)[(long, "Quillon")] == "first word of"


def test_the_word_named_before_the_longer_name_stays_a_body_of_its_own():
    short, full = org("Quillon"), org("Quillon Partners")
    entities, _, _ = resolve([short, full], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


@pytest.mark.parametrize("longs", [
    ["Quillon Partners", "Quillon Leisure"],  # two longer names start with the word
    ["Quillon Pictures"],  # no word for a kind of organisation at its end: a body of its own
    ["Quillon Bank of Commerce"],
    ["Quillon and Marsh Partners"],
])
def test_near_misses_keep_the_word_apart(longs):
    fulls = [org(x) for x in longs]
    short = org("Quillon")
    entities, _, _ = resolve([*fulls, short], [])
    assert all(entity_of(entities, short) is not entity_of(entities, f) for f in fulls)


def test_a_body_named_after_a_place_does_not_take_the_place_name():
    full, short = org("Quarrington City Council", kind="government"), org("Quarrington")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


def test_a_first_name_or_a_word_in_another_thread_stays_apart():
    full, short = org("Martin Partners"), org("Martin")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
    full, short = org("Quillon Partners", thread="t1"), org("Quillon", thread="t2")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


def test_a_known_place_or_a_body_of_a_place_named_kind_keeps_the_word_apart():
    # a known place (place_names.txt; its one one-word entry, written here not as an acronym)
    full, short = org("Ussr Partners"), org("Ussr")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
    # a public body ending in a kind-of-organisation word: named after a place, not a brand
    full, short = org("Quarrington Health Services", kind="government"), org("Quarrington")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
    full, short = org("Quarrington Health Services", kind="company"), org("Quarrington")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is entity_of(entities, full)
