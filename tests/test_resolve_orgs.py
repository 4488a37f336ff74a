"""Resolution of organisations: short forms of a longer name (invented names)."""
from __future__ import annotations

from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def org(text, **kw):
    return mention(text, "Organization", **kw)


def test_the_last_word_of_the_one_longer_name_of_its_thread_joins_it():
    full, again, short = org("Westby Harriers"), org("Westby Harriers"), org("Harriers")
    entities, _, merges = resolve([full, again, short], [])
    assert entity_of(entities, short).key == "org:westby harriers"
    assert reasons(merges)[("Westby Harriers", "Harriers")] == "last word of"


def test_a_last_word_shared_by_two_longer_names_stays_apart():
    a, b, short = org("Westby Harriers"), org("Calder Harriers"), org("Harriers")
    entities, _, _ = resolve([a, b, short], [])
    assert entity_of(entities, short).key == "org:harriers"


def test_a_last_word_in_another_thread_stays_apart():
    full, short = org("Westby Harriers", thread="t1"), org("Harriers", thread="t2")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


def test_a_word_used_alone_more_often_than_the_longer_name_is_another_body():
    full, s1, s2 = org("Westby Harriers"), org("Harriers"), org("Harriers")
    entities, _, _ = resolve([full, s1, s2], [])
    assert entity_of(entities, s1) is not entity_of(entities, full)


def test_names_with_of_and_generic_words_do_not_take_the_word():
    for long, short in (("Bank of Quellen", "Quellen"), ("Westby Council", "Council"), ("Acme Group", "Group"),
                        ("Westby Royal", "Royal")):
        a, b, s = org(long), org(long), org(short)
        entities, _, _ = resolve([a, b, s], [])
        assert entity_of(entities, s) is not entity_of(entities, a), (long, short)


def test_the_first_word_alone_is_not_a_short_form():
    # "Quillon" the group and "Quillon Pictures" its studio
    full, again, short = org("Quillon Pictures"), org("Quillon Pictures"), org("Quillon")
    entities, _, _ = resolve([full, again, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)
