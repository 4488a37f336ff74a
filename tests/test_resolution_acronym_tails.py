"""A name that ends in an acronym of the rest of a longer name ("Quarrington ICB" for "Quarrington
Integrated Care Board") is that body, and so is the acronym alone in its thread (invented names)."""
from __future__ import annotations

from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def org(text, **kw):
    return mention(text, "Organization", **kw)


def test_place_and_acronym_join_the_long_name_and_the_bare_acronym_follows():
    full, short, bare = org("Quarrington Integrated Care Board"), org("Quarrington ICB"), org("ICB")
    entities, _, merges = resolve([full, short, bare], [])
    assert entity_of(entities, short) is entity_of(entities, full) is entity_of(entities, bare)
    why = reasons(merges)
    assert why[("Quarrington Integrated Care Board", "Quarrington ICB")] == "acronym of the rest of its name"
    assert why[("Quarrington Integrated Care Board", "ICB")] == "initials of the rest of its name"


def test_another_leading_word_or_another_thread_stays_apart():
    full, short = org("Calder Integrated Care Board"), org("Quarrington ICB")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
    full, short = org("Quarrington Integrated Care Board", thread="t1"), org("Quarrington ICB", thread="t2")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


def test_two_longer_names_with_those_initials_leave_the_short_name_apart():
    a, b = org("Quarrington Integrated Care Board"), org("Quarrington Island Cycling Board")
    short, bare = org("Quarrington ICB"), org("ICB")
    entities, _, _ = resolve([a, b, short, bare], [])
    assert entity_of(entities, short) not in (entity_of(entities, a), entity_of(entities, b))
    assert entity_of(entities, bare) not in (entity_of(entities, a), entity_of(entities, b))


def test_an_acronym_that_is_not_the_initials_of_the_rest_stays_apart():
    full, short = org("Quarrington Integrated Care Board"), org("Quarrington CCG")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


def test_the_bare_acronym_alone_needs_the_short_name_in_its_thread():
    full, bare = org("Quarrington Integrated Care Board"), org("ICB")  # initials of no whole name
    entities, _, _ = resolve([full, bare], [])
    assert entity_of(entities, bare) is not entity_of(entities, full)


def test_a_leading_the_in_the_longer_name_does_not_put_its_initials_out_of_step():
    full, short = org("The Quarrington Integrated Care Board"), org("Quarrington ICB")
    entities, _, merges = resolve([full, short], [])
    assert entity_of(entities, short) is entity_of(entities, full)
    assert reasons(merges)[("The Quarrington Integrated Care Board", "Quarrington ICB")] == \
        "acronym of the rest of its name"


def test_a_short_name_with_of_or_an_acronym_before_its_tail_stays_apart():
    # "of" in the shared words: the tail's letters may name another part of a longer name
    full, short = org("Council of Westby Integrated Care Board"), org("Council of Westby ICB")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
    # two acronyms side by side ("QRB ICB") are a list of bodies, not a place and an acronym
    full, short = org("QRB Integrated Care Board"), org("QRB ICB")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
