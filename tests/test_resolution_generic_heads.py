"""A body the text names by a common noun ("the ministry") joins the one body of its thread headed
by that word, whether the word ends its name ("Westby Borough Council") or comes before its "of"
("Ministry of Fisheries"); with two such bodies it stays apart (invented names)."""
from __future__ import annotations

from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def org(text, **kw):
    return mention(text, "Organization", **kw)


def test_the_noun_joins_the_one_body_it_heads_before_of():
    full, generic = org("Ministry of Fisheries"), org("the ministry")
    entities, _, merges = resolve([full, generic], [])
    assert entity_of(entities, generic) is entity_of(entities, full)
    assert reasons(merges)[("Ministry of Fisheries", "the ministry")] == "the only ministry of its thread"


def test_two_bodies_headed_by_the_noun_either_way_leave_it_apart():
    a, b, generic = org("Council of Westby"), org("Calder District Council"), org("the council")
    entities, _, merges = resolve([a, b, generic], [])
    assert entity_of(entities, generic) not in (entity_of(entities, a), entity_of(entities, b))
    assert any(d.merged_apart and "2 bodies of its thread" in d.reason for d in merges)


def test_a_noun_inside_a_name_that_heads_nothing_does_not_join():
    # the name has the word but is headed by "fund" (its last word; it has no "of")
    full, generic = org("Quillon Council Pension Fund"), org("the council")
    entities, _, _ = resolve([full, generic], [])
    assert entity_of(entities, generic) is not entity_of(entities, full)


def test_a_name_that_starts_with_of_is_headed_by_the_word_before_its_next_of():
    # "Of Mice Trust of Westby": the head is "trust" (before the second "of"), not the first word
    full, generic = org("Of Mice Trust of Westby"), org("the trust")
    entities, _, _ = resolve([full, generic], [])
    assert entity_of(entities, generic) is entity_of(entities, full)
