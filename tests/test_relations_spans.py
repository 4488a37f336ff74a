"""A relation ends on the name, not on a title or stray words the entity pass read with it.

The entity pass's output is given by hand (its span choices are the point). All names invented.
"""
from __future__ import annotations

from tests.test_relations_gates import facts_with


def test_leading_title_of_rank_is_cut_from_the_person_end(monkeypatch):
    found = facts_with(monkeypatch, "Orla was the first wife of King Varden of the northern realm.",
                       [("Orla", "Person"), ("King Varden", "Person")])
    assert ("family", "Orla", "Varden", "family.noun_of") in found


def test_title_before_a_lower_case_word_stays(monkeypatch):
    # "Duke of Carrow": cutting "Duke" would leave "of Carrow", no name
    found = facts_with(monkeypatch, "Tomas Brell, younger son of Duke of Carrow, left.",
                       [("Tomas Brell", "Person"), ("Duke of Carrow", "Person")])
    assert ("family", "Tomas Brell", "Duke of Carrow", "family.noun_of") in found


def test_person_end_keeps_the_entity_span_when_nothing_is_cut(monkeypatch):
    found = facts_with(monkeypatch, "Orla Venn, chairman of Kestrel Mining, said no.",
                       [("Orla Venn", "Person"), ("Kestrel Mining", "Organization")])
    assert ("post", "Orla Venn", "Kestrel Mining", "post.apposition") in found


def test_lower_case_prefix_is_cut_from_the_organisation_end(monkeypatch):
    found = facts_with(monkeypatch, "Mara Quell, deputy leader of the pro-European Civic Renewal party, spoke.",
                       [("Mara Quell", "Person"), ("pro-European Civic Renewal", "Organization")])
    assert ("post", "Mara Quell", "Civic Renewal", "post.apposition") in found


def test_acronym_before_portfolio_words_and_a_role_is_the_body(monkeypatch):
    found = facts_with(monkeypatch, "AU Fisheries Commissioner Tobin Marsh arrived on Monday.",
                       [("AU Fisheries", "Organization"), ("Tobin Marsh", "Person")])
    assert ("post", "Tobin Marsh", "AU", "post.title_name") in found


def test_acronym_before_an_institution_word_is_kept_whole(monkeypatch):
    found = facts_with(monkeypatch, "AU Fisheries Council chairman Tobin Marsh arrived on Monday.",
                       [("AU Fisheries Council", "Organization"), ("Tobin Marsh", "Person")])
    assert ("post", "Tobin Marsh", "AU Fisheries Council", "post.title_name") in found
    assert not [f for f in found if f[2] == "AU"]


def test_acronym_not_followed_by_a_role_is_kept_whole(monkeypatch):
    found = facts_with(monkeypatch, "Tobin Marsh, a lawyer at AU Fisheries, said no.",
                       [("Tobin Marsh", "Person"), ("AU Fisheries", "Organization")])
    assert not [f for f in found if f[2] == "AU"]


def test_capitalised_the_inside_a_sentence_belongs_to_the_name(monkeypatch):
    found = facts_with(monkeypatch, "We spoke to Ilse Varga, director of The Centre for Quiet Studies, on Friday.",
                       [("Ilse Varga", "Person"), ("Centre for Quiet Studies", "Organization")])
    assert ("post", "Ilse Varga", "The Centre for Quiet Studies", "post.apposition") in found


def test_the_opening_a_sentence_stays_outside_the_name(monkeypatch):
    found = facts_with(monkeypatch, "The Centre for Quiet Studies director Ilse Varga spoke.",
                       [("Centre for Quiet Studies", "Organization"), ("Ilse Varga", "Person")])
    assert ("post", "Ilse Varga", "Centre for Quiet Studies", "post.title_name") in found


def test_hyphenated_pair_of_capitalised_words_opens_the_organisation(monkeypatch):
    found = facts_with(monkeypatch, "So said Gunter Gulk of the Danish-Dutch Chamber of Commerce and Industry.",
                       [("Gunter Gulk", "Person"), ("Chamber of Commerce and Industry", "Organization")])
    assert ("post", "Gunter Gulk", "Danish-Dutch Chamber of Commerce and Industry", "post.of") in found


def test_lower_case_hyphenated_word_does_not_join_the_organisation(monkeypatch):
    found = facts_with(monkeypatch, "So said Dirk Rell of the Rostock-based Maritime Safety Society.",
                       [("Dirk Rell", "Person"), ("Maritime Safety Society", "Organization")])
    assert ("post", "Dirk Rell", "Maritime Safety Society", "post.of") in found


def test_a_party_name_runs_on_to_its_country(monkeypatch):
    found = facts_with(monkeypatch, "Andre Kag, the deputy leader of the opposition Green Unity Party of Rwanda, was found.",
                       [("Andre Kag", "Person"), ("Green Unity Party", "Organization"), ("Rwanda", "Place")])
    assert [f for f in found if f[1] == "Andre Kag" and f[2] == "Green Unity Party of Rwanda"]


def test_an_organisation_not_named_party_stops_before_of(monkeypatch):
    found = facts_with(monkeypatch, "Andre Kag, the director of the Green Unity Fund of Rwanda, was found.",
                       [("Andre Kag", "Person"), ("Green Unity Fund", "Organization"), ("Rwanda", "Place")])
    assert ("post", "Andre Kag", "Green Unity Fund", "post.apposition") in found


def test_sentence_opening_new_is_cut_when_the_message_names_the_body_alone(monkeypatch):
    text = "The World Lending Bank met. New World Lending Bank President Jin Kim is optimistic."
    found = facts_with(monkeypatch, text, [("World Lending Bank", "Organization"), ("New World Lending Bank", "Organization"),
                                           ("Jin Kim", "Person")])
    assert ("post", "Jin Kim", "World Lending Bank", "post.title_name") in found


def test_sentence_opening_new_stays_when_the_body_is_not_named_alone(monkeypatch):
    found = facts_with(monkeypatch, "New Harbor Times editor Jin Kim is optimistic.",
                       [("New Harbor Times", "Organization"), ("Jin Kim", "Person")])
    assert ("post", "Jin Kim", "New Harbor Times", "post.title_name") in found


def test_a_frequency_before_the_opens_a_stations_name(monkeypatch):
    found = facts_with(monkeypatch, "The station is branded as 98.7 The Heron and is owned by Marlow Media.",
                       [("Heron", "Organization"), ("Marlow Media", "Organization")])
    assert ("owned_by", "98.7 The Heron", "Marlow Media", "owned_by.owned_by") in found


def test_a_year_before_the_does_not_join_the_name(monkeypatch):
    found = facts_with(monkeypatch, "In 1998 The Heron was owned by Marlow Media.",
                       [("Heron", "Organization"), ("Marlow Media", "Organization")])
    assert not [f for f in found if f[1].startswith("1998")]
