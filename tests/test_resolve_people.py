"""Resolution of people: namesakes, initials, surnames of several words (invented names)."""
from __future__ import annotations

from dataclasses import replace

from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def test_a_bare_surname_used_before_a_namesake_is_named_is_the_one_named_before_it():
    tom, bare, ned, later = mention("Tom Bramble"), mention("Bramble"), mention("Ned Bramble"), mention("Bramble")
    entities, _, merges = resolve([tom, bare, ned, later], [])
    assert entity_of(entities, bare).key == "person:tom bramble"
    assert entity_of(entities, later).key == "person:tom bramble"
    assert entity_of(entities, ned).key == "person:ned bramble"
    assert reasons(merges)[("Tom Bramble", "Bramble")] == "surname of, the only one named before it"
    apart = [d for d in merges if d.merged_apart and d.kept == "Ned Bramble" and d.merged == "Bramble"]
    assert apart and "named only later" in apart[0].reason


def test_a_bare_surname_first_used_after_both_namesakes_stays_ambiguous():
    tom, ned, bare = mention("Tom Bramble"), mention("Ned Bramble"), mention("Bramble")
    entities, _, _ = resolve([tom, ned, bare], [])
    assert entity_of(entities, bare) is None


def test_a_bare_surname_used_before_any_namesake_is_named_stays_ambiguous():
    bare, tom, ned = mention("Bramble"), mention("Tom Bramble"), mention("Ned Bramble")
    entities, _, _ = resolve([bare, tom, ned], [])
    assert entity_of(entities, bare) is None


def test_a_bare_first_name_before_a_second_full_name_is_the_one_named_before_it():
    # surname-first names: "Wen Lizhi ... Wen said ... Wen Daoming"
    a, bare, b = mention("Wen Lizhi"), mention("Wen"), mention("Wen Daoming")
    entities, _, _ = resolve([a, bare, b], [])
    assert entity_of(entities, bare).key == "person:wen lizhi"


def test_initials_for_first_names_join_the_full_name():
    full, short, mid = mention("John Henry Quillby"), mention("J. H. Quillby"), mention("John H. Quillby")
    entities, _, merges = resolve([full, short, mid], [])
    assert len(entities) == 1
    assert reasons(merges)[("John Henry Quillby", "J. H. Quillby")] == "initials for first names"


def test_initials_that_fit_two_full_names_or_none_stay_apart():
    john, jane, short = mention("John Quillby"), mention("Jane Quillby"), mention("J. Quillby")
    entities, _, _ = resolve([john, jane, short], [])
    assert entity_of(entities, short).key not in ("person:john quillby", "person:jane quillby")
    mark, other = mention("Mark Ferrow"), mention("P. Ferrow")
    entities, _, _ = resolve([mark, other], [])
    assert entity_of(entities, mark) is not entity_of(entities, other)


def test_a_hyphenated_or_particle_surname_joins_the_full_name_ending_with_it():
    full, hyph = mention("Hasan al-Qurami"), mention("al-Qurami")
    vega, short = mention("Ana de la Vegarra"), mention("de la Vegarra")
    double, bare = mention("Johanna Dorring-Smirova"), mention("Dorring-Smirova")
    entities, _, merges = resolve([full, hyph, vega, short, double, bare], [])
    assert entity_of(entities, hyph).key == "person:hasan al qurami"
    assert entity_of(entities, short).key == "person:ana de la vegarra"
    assert entity_of(entities, bare).key == "person:johanna dorring smirova"
    assert reasons(merges)[("Hasan al-Qurami", "al-Qurami")] == "surname of"


def test_a_two_word_name_with_a_first_name_is_not_a_surname_of_a_longer_name():
    long, other = mention("Peter Ross Vegarra"), mention("Ross Vegarra")
    entities, _, _ = resolve([long, other], [])
    assert entity_of(entities, long) is not entity_of(entities, other)


def test_a_bare_surname_prefers_the_full_name_to_a_hyphenated_word_ending_with_it():
    full, odd, bare = mention("Manuel Orrega"), mention("pro-Orrega"), mention("Orrega")
    entities, _, _ = resolve([full, odd, bare], [])
    assert entity_of(entities, bare).key == "person:manuel orrega"


def test_initials_of_the_one_person_named_in_full_are_that_person():
    full, short = mention("Tom Bramble"), mention("TB", "Organization")
    entities, _, merges = resolve([full, short], [])
    assert entity_of(entities, short).key == "person:tom bramble"
    assert reasons(merges)[("Tom Bramble", "TB")] == "initials of"


def test_initials_shared_by_two_people_or_an_organisation_stay_apart():
    tom, tim, short = mention("Tom Bramble"), mention("Tim Burrow"), mention("TB", "Organization")
    entities, _, _ = resolve([tom, tim, short], [])
    assert entity_of(entities, short).type == "Organization"
    tom, board, short = mention("Tom Bramble"), mention("Tarn Board", "Organization"), mention("TB", "Organization")
    entities, _, _ = resolve([tom, board, short], [])
    assert entity_of(entities, short).key == "org:tarn board"


def test_initials_in_another_thread_or_of_four_letters_are_not_the_person():
    full, other = mention("Tom Bramble", thread="t1"), mention("TB", "Organization", thread="t2")
    entities, _, _ = resolve([full, other], [])
    assert entity_of(entities, other).type == "Organization"
    full, four = mention("Tom Rob Ian Bramble"), mention("TRIB", "Organization")
    entities, _, _ = resolve([full, four], [])
    assert entity_of(entities, four).type == "Organization"



def test_a_bare_surname_joins_a_full_name_ending_in_a_generational_suffix():
    full, bare = mention("William Carl Quimott II"), mention("Quimott")
    entities, _, _ = resolve([full, bare], [])
    assert entity_of(entities, bare).key == "person:william carl quimott ii"


def test_father_and_son_with_one_name_stay_apart():
    jr, sr = mention("Paul Quimott Jr."), mention("Paul Quimott Sr.")
    entities, _, _ = resolve([jr, sr], [])
    assert entity_of(entities, jr) is not entity_of(entities, sr)


def test_a_surname_of_several_words_used_before_a_namesake_is_named_joins_the_one_before_it():
    ern, short, lupe = mention("Ernesto D'Alvio"), mention("D'Alvio"), mention("Lupita D'Alvio")
    entities, _, _ = resolve([ern, short, lupe], [])
    assert entity_of(entities, short).key == "person:ernesto d alvio"
    ern, lupe, short = mention("Ernesto D'Alvio"), mention("Lupita D'Alvio"), mention("D'Alvio")
    entities, _, _ = resolve([ern, lupe, short], [])
    assert entity_of(entities, short) not in (entity_of(entities, ern), entity_of(entities, lupe))


def test_a_particle_surname_the_model_typed_as_an_organisation_is_the_person():
    full, org = mention("Marine Le Quellec"), mention("Le Quellec", "Organization")
    entities, _, _ = resolve([full, org], [])
    assert entity_of(entities, org).key == "person:marine le quellec"
    # near miss: two words that are no particle + surname stay an organisation
    full, org = mention("Marine Stone Quellec"), mention("Stone Quellec", "Organization")
    entities, _, _ = resolve([full, org], [])
    assert entity_of(entities, org).type == "Organization"


def test_overrides_keep_initials_apart_from_the_person(tmp_path):
    path = tmp_path / "overrides.toml"
    path.write_text('[[keep_apart]]\nnames = ["TB", "Tom Bramble"]\n')
    full, short = mention("Tom Bramble"), mention("TB", "Organization")
    entities, _, _ = resolve([full, short], [], overrides=path)
    assert entity_of(entities, short).type == "Organization"


def test_a_surname_the_model_typed_as_an_organisation_everywhere_is_the_person():
    # graph.nlp spreads the model's type to the name's other occurrences ("rule.consistency"):
    # that is the model's guess again, not a rule's evidence
    full = mention("Jean-Paul Quivalier")
    a = mention("Quivalier", "Organization")
    b = replace(mention("Quivalier", "Organization"), source="rule.consistency")
    entities, _, _ = resolve([full, a, b], [])
    assert entity_of(entities, a).key == entity_of(entities, b).key == "person:jean paul quivalier"
    # a rule that read the type from the words around the name still keeps it an organisation
    c = replace(mention("Quivalier", "Organization"), source="rule.org_head")
    entities, _, _ = resolve([full, a, c], [])
    assert entity_of(entities, c).type == "Organization"


def test_a_near_miss_first_name_with_the_same_surname_is_one_person():
    a, b, bare = mention("Bashor al-Quessa"), mention("Bashar al-Quessa"), mention("Quessa")
    entities, _, merges = resolve([a, b, bare], [])
    assert entity_of(entities, a) is entity_of(entities, b) is entity_of(entities, bare)
    assert any(r.startswith("fuzzy first name") for r in reasons(merges).values())


def test_two_real_first_names_or_other_threads_or_short_names_stay_apart():
    for x, y, ty in (("Martin Quessa", "Marvin Quessa", "t1"), ("Bashor Quessa", "Bashar Quessa", "t2"),
                     ("Alim Quessa", "Alam Quessa", "t1"), ("Rashor Quessa", "Bashor Quessa", "t1")):
        a, b = mention(x), mention(y, thread=ty)
        entities, _, _ = resolve([a, b], [])
        assert entity_of(entities, a) is not entity_of(entities, b), (x, y)
