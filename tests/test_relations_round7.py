"""Session-3 surface forms: each with sentences that must give the fact and near misses that must not.

The entity pass's output is given by hand (tests.test_relations_gates.facts_with). All names invented.
"""
from __future__ import annotations

from tests.test_relations_gates import facts_with

P, O, L = "Person", "Organization", "Place"


def kinds(found, kind):
    return [f for f in found if f[0] == kind]


# -- family

def test_born_of_an_affair_between_two_parents(monkeypatch):
    text = ("Ravi Sen was born in 1980 in Halden out of an affair between Omar Dase, the current governor of "
            "Estland's north province, and Estland's renowned journalist Tara Vell.")
    found = facts_with(monkeypatch, text, [("Ravi Sen", P), ("Halden", L), ("Omar Dase", P), ("Estland", L),
                                           ("Estland", L), ("Tara Vell", P)])
    fam = kinds(found, "family")
    assert ("family", "Ravi Sen", "Omar Dase", "family.born_to") in fam
    assert ("family", "Ravi Sen", "Tara Vell", "family.born_to") in fam
    # the parents of an affair are no couple, and the places in the description are nobody's kin
    assert not [f for f in fam if {f[1], f[2]} == {"Omar Dase", "Tara Vell"}]
    assert not [f for f in fam if "Estland" in (f[1], f[2]) or "Halden" in (f[1], f[2])]


def test_a_name_taken_for_a_place_before_was_born_is_the_child(monkeypatch):
    text = "Ravi was born in Halden out of a relationship between Omar Dase and Tara Vell."
    found = facts_with(monkeypatch, text, [("Ravi", L), ("Halden", L), ("Omar Dase", P), ("Tara Vell", P)])
    assert ("family", "Ravi", "Omar Dase", "family.born_to") in found
    assert ("family", "Ravi", "Tara Vell", "family.born_to") in found


def test_an_affair_between_two_people_without_a_birth_is_no_parent_tie(monkeypatch):
    for text, names in (
            ("Ravi Sen wrote a book out of an affair between Omar Dase and Tara Vell.",
             [("Ravi Sen", P), ("Omar Dase", P), ("Tara Vell", P)]),
            ("Ravi Sen was born in 1980; the firm grew out of an affair between Omar Dase and Tara Vell.",
             [("Ravi Sen", P), ("Omar Dase", P), ("Tara Vell", P)]),  # another clause's affair
    ):
        found = facts_with(monkeypatch, text, names)
        assert not [f for f in kinds(found, "family") if f[3] == "family.born_to"], text


def test_whom_she_married_names_the_spouse_of_the_person_talked_about(monkeypatch):
    text = ("Mara Lind is an actress. For years she has shared her life with the journalist Tom Hale, "
            "whom she married in 2008.")
    found = facts_with(monkeypatch, text, [("Mara Lind", P), ("Tom Hale", P)])
    assert ("family", "Mara Lind", "Tom Hale", "family.married_to") in found


def test_whom_she_met_or_whom_he_married_without_a_person_before_is_no_tie(monkeypatch):
    text = "Mara Lind is an actress. She worked with the journalist Tom Hale, whom she met in 2008."
    found = facts_with(monkeypatch, text, [("Mara Lind", P), ("Tom Hale", P)])
    assert not kinds(found, "family")
    found = facts_with(monkeypatch, "The journalist Tom Hale, whom she married in 2008, spoke.", [("Tom Hale", P)])
    assert not kinds(found, "family")
