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
    # ("Council" alone with one "Westby Council" in the thread is that council: a generic body,
    # tests/test_resolve_short_bodies.py)
    for long, short in (("Bank of Quellen", "Quellen"), ("Westby Sports Centre", "Centre"), ("Acme Group", "Group"),
                        ("Westby Royal", "Royal")):
        a, b, s = org(long), org(long), org(short)
        entities, _, _ = resolve([a, b, s], [])
        assert entity_of(entities, s) is not entity_of(entities, a), (long, short)


def test_the_first_word_alone_is_not_a_short_form():
    # "Quillon" the group and "Quillon Pictures" its studio
    full, again, short = org("Quillon Pictures"), org("Quillon Pictures"), org("Quillon")
    entities, _, _ = resolve([full, again, short], [])
    assert entity_of(entities, short) is not entity_of(entities, full)


def test_acronyms_match_initials_without_a_leading_country_or_a_company_word():
    office, omb = org("U.S. Office of Quarry Budgets"), org("OQB")
    transit, wrt = org("Westby Rapid Transit Company"), org("WRT")
    entities, _, merges = resolve([office, omb, transit, wrt], [])
    assert entity_of(entities, omb) is entity_of(entities, office)
    assert entity_of(entities, wrt) is entity_of(entities, transit)
    assert reasons(merges)[("Westby Rapid Transit Company", "WRT")] == "initials of"


def test_a_dotted_abbreviation_joins_the_place_whose_initials_it_is():
    full, short = mention("Upper Sorland", "Place"), mention("U.S.", "Place")
    entities, _, _ = resolve([full, short], [])
    assert entity_of(entities, short) is entity_of(entities, full)


def test_acronym_initials_need_one_name_of_the_thread():
    a, b, acr = org("Westby Rail Transport"), org("Western Road Trust"), org("WRT")
    entities, _, _ = resolve([a, b, acr], [])
    assert entity_of(entities, acr) not in (entity_of(entities, a), entity_of(entities, b))


def test_a_name_without_its_last_company_word_joins_the_longer_name():
    full, short = org("Quill Carbide Corporation"), org("Quill Carbide")
    entities, _, merges = resolve([full, short], [])
    assert entity_of(entities, short) is entity_of(entities, full)
    assert reasons(merges)[("Quill Carbide Corporation", "Quill Carbide")] == "company word dropped"


def test_a_group_is_not_the_business_of_the_same_name():
    group, firm = org("Quill Media Group"), org("Quill Media")
    entities, _, _ = resolve([group, firm], [])
    assert entity_of(entities, group) is not entity_of(entities, firm)


def test_near_miss_spellings_merge_but_a_different_word_does_not():
    a, b = org("Westby Museum of Modern Art"), org("Westby Museum of Modern Craft")
    entities, _, _ = resolve([a, b], [])
    assert entity_of(entities, a) is not entity_of(entities, b)
    c, d = org("Great Southern Coastal Authority"), org("Great South Coastal Authority")
    e, f = org("Quillinghame Transport"), org("Quillingham Transport")
    entities, _, merges = resolve([c, d, e, f], [])
    assert entity_of(entities, c) is entity_of(entities, d)
    assert entity_of(entities, e) is entity_of(entities, f)
    assert any(r.startswith("fuzzy") for r in reasons(merges).values())


def test_the_reason_is_recorded_when_the_joining_name_becomes_the_entity_name():
    # one mention each: the first keeps, the longer name that joined it is the entity's name
    a, c = org("Quillingham Transport Authority"), org("Quillinghame Transport Authority")
    entities, _, merges = resolve([a, c], [])
    assert entity_of(entities, a) is entity_of(entities, c)
    assert entity_of(entities, a).name == "Quillinghame Transport Authority"
    assert reasons(merges)[("Quillinghame Transport Authority", "Quillingham Transport Authority")].startswith("fuzzy")


def test_a_singular_is_a_near_miss_of_its_plural():
    a, b = org("Westby Regional Transport Battery"), org("Westby Regional Transport Batteries")
    entities, _, _ = resolve([a, b], [])
    assert entity_of(entities, a) is not None and entity_of(entities, a) is entity_of(entities, b)
