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


# -- posts

def test_degree_under_a_supervisor_at_a_university(monkeypatch):
    text = "Ivo Marr received his doctorate in 1959 under Ada Roon at Farrow University."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Ada Roon", P), ("Farrow University", O)])
    assert ("post", "Ada Roon", "Farrow University", "post.teaches") in found
    assert not [f for f in kinds(found, "post") if f[1] == "Ivo Marr"]  # the student holds no post


def test_doctorate_from_y_under_the_supervision_of_two(monkeypatch):
    text = "Ivo Marr earned his doctorate from Farrow University in 1962, under the supervision of Ada Roon and Tom Hale."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Farrow University", O), ("Ada Roon", P), ("Tom Hale", P)])
    assert ("post", "Ada Roon", "Farrow University", "post.teaches") in found
    assert ("post", "Tom Hale", "Farrow University", "post.teaches") in found


def test_under_a_person_without_a_school_or_in_a_place_is_no_post(monkeypatch):
    for text, names in (("Ivo Marr served under Ada Roon in the war.", [("Ivo Marr", P), ("Ada Roon", P)]),
                        ("Ivo Marr worked under Ada Roon at Halden.", [("Ivo Marr", P), ("Ada Roon", P), ("Halden", L)]),
                        ("Ivo Marr went under Ada Roon's Farrow University banner.",
                         [("Ivo Marr", P), ("Ada Roon", P), ("Farrow University", O)])):
        found = facts_with(monkeypatch, text, names)
        assert not [f for f in kinds(found, "post") if f[3] == "post.teaches"], text


def test_where_his_teachers_included(monkeypatch):
    text = "He studied music at the Lumen Conservatoire where his teachers included Ada Roon and Tom Hale."
    found = facts_with(monkeypatch, text, [("Lumen Conservatoire", L), ("Ada Roon", P), ("Tom Hale", P)])
    assert ("post", "Ada Roon", "Lumen Conservatoire", "post.teaches") in found
    assert ("post", "Tom Hale", "Lumen Conservatoire", "post.teaches") in found


def test_where_his_friends_included_is_no_post(monkeypatch):
    text = "He lived at the Lumen Conservatoire where his friends included Ada Roon and Tom Hale."
    found = facts_with(monkeypatch, text, [("Lumen Conservatoire", O), ("Ada Roon", P), ("Tom Hale", P)])
    assert not kinds(found, "post")


def test_taught_at_a_list_of_schools(monkeypatch):
    text = ("Ada Roon is a painter. She currently teaches at Lumen College and previously taught at "
            "Farrow University and the Halden School of Art.")
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Lumen College", O), ("Farrow University", O),
                                           ("Halden School of Art", O)])
    assert ("post", "Ada Roon", "Halden School of Art", "post.teaches") in found


def test_taught_at_y_and_studied_at_z_list_is_no_post_at_z(monkeypatch):
    text = "Ada Roon taught at Lumen College and Tom Hale studied at Farrow University and the Halden School."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Lumen College", O), ("Tom Hale", P),
                                           ("Farrow University", O), ("Halden School", O)])
    assert not [f for f in found if f[2] in ("Farrow University", "Halden School")]


def test_untagged_company_before_a_business_role(monkeypatch):
    text = "He said that Voltra chairperson Ben Ngale and chief executive Tom Hale asked him to resign."
    found = facts_with(monkeypatch, text, [("Ben Ngale", P), ("Tom Hale", P)])
    assert ("post", "Ben Ngale", "Voltra", "post.title_name") in found


def test_nationality_or_opening_word_before_a_business_role_is_no_company(monkeypatch):
    for text in ("Analysts said German chairperson Ben Ngale would resign.",
                 "The chairperson Ben Ngale would resign.",
                 "She said chairperson Ben Ngale would resign."):
        found = facts_with(monkeypatch, text, [("Ben Ngale", P)])
        assert not [f for f in kinds(found, "post") if f[2] is not None], text


# -- family: names the entity pass typed as organisations where only a person fits

def test_married_to_a_name_taken_for_an_organisation(monkeypatch):
    text = "Ivo Marr is married to Alda Colen, a former member of the Halden Assembly."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Alda Colen", O), ("Halden Assembly", O)])
    assert ("family", "Ivo Marr", "Alda Colen", "family.married_to") in found


def test_married_to_an_institution_or_acronym_is_no_spouse(monkeypatch):
    for text, org in (("Ivo Marr is married to Halden University, he jokes.", "Halden University"),
                      ("Ivo Marr is married to the Voltra Group.", "Voltra Group"),
                      ("Ivo Marr is married to NATO, critics say.", "NATO")):
        found = facts_with(monkeypatch, text, [("Ivo Marr", P), (org, O)])
        assert not kinds(found, "family"), text


def test_son_of_a_name_taken_for_an_organisation(monkeypatch):
    text = "Carol Dane was the eldest son of Ferdin Vell and became crown prince in 1914."
    found = facts_with(monkeypatch, text, [("Carol Dane", P), ("Ferdin Vell", O)])
    assert ("family", "Carol Dane", "Ferdin Vell", "family.noun_of") in found


def test_his_marriage_to(monkeypatch):
    text = ("Tom Hale (1920 - 2001) was an English actor best known for his films of the 1950s such as "
            "The Long Road (1950), and his marriage to Anita Berg.")
    found = facts_with(monkeypatch, text, [("Tom Hale", P), ("The Long Road", O), ("Anita Berg", P)])
    assert ("family", "Tom Hale", "Anita Berg", "family.married_to") in found


def test_marriage_to_with_another_person_between_is_not_read(monkeypatch):
    text = "Tom Hale praised Ada Roon for her marriage to Anita Berg's brother."
    found = facts_with(monkeypatch, text, [("Tom Hale", P), ("Ada Roon", P), ("Anita Berg", P)])
    assert not [f for f in kinds(found, "family") if f[1] == "Tom Hale"]


def test_kinship_in_brackets_after_a_name(monkeypatch):
    text = "His clients included Jeron Soysa (father of Sir Carl Soysa) and Ana Dell."
    found = facts_with(monkeypatch, text, [("Jeron Soysa", O), ("Carl Soysa", P), ("Ana Dell", P)])
    assert ("family", "Jeron Soysa", "Carl Soysa", "family.noun_of") in found
    assert not [f for f in kinds(found, "family") if "Ana Dell" in f[1:3]]


def test_a_kinship_in_brackets_of_a_company_is_no_tie(monkeypatch):
    text = "His clients included the Soysa Trading Company (parent of Carl Soysa Ltd)."
    found = facts_with(monkeypatch, text, [("Soysa Trading Company", O), ("Carl Soysa Ltd", O)])
    assert not kinds(found, "family")


def test_semicolon_then_his_sister(monkeypatch):
    text = "Ivo Marr is an actor. He was born in Halden; his sister, Sama Marr, is a singer."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Halden", L), ("Sama Marr", P)])
    assert ("family", "Sama Marr", "Ivo Marr", "family.possessive") in found


# -- ownership and units

def test_unit_with_an_acronym_in_brackets(monkeypatch):
    text = "Halden Naval Forces North (HNFN) was a command of the Halden Navy, active from 1944 to 1958."
    found = facts_with(monkeypatch, text, [("Halden Naval Forces North", O), ("HNFN", O), ("Halden Navy", O)])
    assert ("unit_of", "Halden Naval Forces North", "Halden Navy", "unit_of.part_of_group") in found


def test_unit_after_an_also_known_as_aside(monkeypatch):
    text = "The Voss Business School, also referred to as Voss School or simply Voss, is the business school of the Halden University."
    found = facts_with(monkeypatch, text, [("Voss Business School", O), ("Voss School", O), ("Voss", P),
                                           ("Halden University", O)])
    assert ("unit_of", "Voss Business School", "Halden University", "unit_of.part_of_group") in found


def test_a_name_taken_for_a_place_then_a_subsidiary_of(monkeypatch):
    text = "The project is now led by Xamlo, a subsidiary of Microvolt."
    found = facts_with(monkeypatch, text, [("Xamlo", L), ("Microvolt", O)])
    assert ("owned_by", "Xamlo", "Microvolt", "owned_by.subsidiary") in found


def test_a_place_then_a_subsidiary_elsewhere_is_no_ownership(monkeypatch):
    text = "The firm moved to Halden, where a subsidiary of Microvolt opened."
    found = facts_with(monkeypatch, text, [("Halden", L), ("Microvolt", O)])
    assert not kinds(found, "owned_by")


# -- party

def test_elected_as_a_party_member_to_a_body(monkeypatch):
    text = "Tom Hale was elected as a Republican to the Forty-first Congress."
    found = facts_with(monkeypatch, text, [("Tom Hale", P), ("Congress", O)])
    assert ("party", "Tom Hale", "Republican", "party.politician") in found
    text = "Tom Hale was elected as a Whig to the Thirty-first Congress."
    found = facts_with(monkeypatch, text, [("Tom Hale", P), ("Congress", O)])
    assert ("party", "Tom Hale", "Whig", "party.politician") in found


def test_described_as_a_party_word_is_no_membership(monkeypatch):
    text = "Tom Hale was described as a republican to the core by his critics."
    found = facts_with(monkeypatch, text, [("Tom Hale", P)])
    assert not kinds(found, "party")


def test_person_typed_as_organisation_then_party_in_brackets(monkeypatch):
    text = "The mayor is Ada Roon (Green Party) and the deputy mayor is Tor Hallen (Progress Party)."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Green Party", O), ("Tor Hallen", O), ("Progress Party", O)])
    assert ("party", "Tor Hallen", "Progress Party", "party.politician") in found
    assert ("party", "Ada Roon", "Green Party", "party.politician") in found


def test_an_institution_then_party_in_brackets_is_no_member(monkeypatch):
    text = "The grant went to Halden Trust (Progress Party) last year."
    found = facts_with(monkeypatch, text, [("Halden Trust", O), ("Progress Party", O)])
    assert not kinds(found, "party")


def test_at_a_meeting_of_her_party_the_y(monkeypatch):
    text = '"There will be conditions," Ada Roon said in Halden at the council of her party, the Free Democrats (FD).'
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Halden", L), ("Free Democrats", O), ("FD", O)])
    assert ("party", "Ada Roon", "Free Democrats", "party.politician") in found


def test_her_party_with_another_person_between_or_no_party_word_is_not_read(monkeypatch):
    text = "Ada Roon said Tom Hale had left her party, the Free Democrats."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Tom Hale", P), ("Free Democrats", O)])
    assert not [f for f in kinds(found, "party") if f[1] == "Ada Roon"]
    text = "Ada Roon spoke at the council of her town, the Free Democrats' stronghold."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Free Democrats", O)])
    assert not kinds(found, "party")


def test_a_name_taken_for_an_organisation_married_y(monkeypatch):
    text = "Mousso married Marie Rose Cadieu in 1860."
    found = facts_with(monkeypatch, text, [("Mousso", O), ("Marie Rose Cadieu", P)])
    assert ("family", "Mousso", "Marie Rose Cadieu", "family.married_to") in found


def test_an_institution_married_y_is_no_spouse(monkeypatch):
    text = "Halden University married tradition and research, said Marie Cadieu."
    found = facts_with(monkeypatch, text, [("Halden University", O), ("Marie Cadieu", P)])
    assert not kinds(found, "family")


def test_children_with_a_coparent_taken_for_an_organisation_and_a_cut_name(monkeypatch):
    text = ("He married a lady by the name of Bea Dugan, with whom he had four children, Bea Rocha, "
            "Lil Rocha, Marco Rocha and Luis Rocha.")
    # the entity pass typed the mother as an organisation and cut "Marco" from "Marco Rocha"
    found = facts_with(monkeypatch, text, [("Bea Dugan", O), ("Bea Rocha", P), ("Lil Rocha", P),
                                           ("Rocha", P), ("Luis Rocha", P)])
    fam = kinds(found, "family")
    assert ("family", "Bea Rocha", "Bea Dugan", "family.children_list") in fam
    assert ("family", "Luis Rocha", "Bea Dugan", "family.children_list") in fam
    assert ("family", "Bea Rocha", "Luis Rocha", "family.list_siblings") in fam \
        or ("family", "Luis Rocha", "Bea Rocha", "family.list_siblings") in fam
    assert not [f for f in fam if "Rocha" in (f[1], f[2])]  # the cut name is left out


def test_children_with_an_institution_before_with_whom_get_no_coparent(monkeypatch):
    text = "He joined Halden University, with whom he had two sons, Bea Rocha and Luis Rocha."
    found = facts_with(monkeypatch, text, [("Halden University", O), ("Bea Rocha", P), ("Luis Rocha", P)])
    assert not [f for f in kinds(found, "family") if "Halden University" in (f[1], f[2])]


# -- a relation end the entity pass cut at the front

def test_a_person_cut_at_the_front_is_no_family_end(monkeypatch):
    text = "Leo Marr is a writer. In 1862 he married the Countess Sonja Andreva Bell, 16 years his junior."
    found = facts_with(monkeypatch, text, [("Leo Marr", P), ("Andreva Bell", P)])
    assert not kinds(found, "family")  # "Andreva Bell" is a fragment of the name
    found = facts_with(monkeypatch, text, [("Leo Marr", P), ("Sonja Andreva Bell", P)])
    assert [f for f in kinds(found, "family") if f[2] == "Sonja Andreva Bell" or f[1] == "Sonja Andreva Bell"]


def test_a_title_or_role_before_the_name_is_no_cut(monkeypatch):
    text = "Leo Marr's wife, Countess Sonja Bell, was there."
    found = facts_with(monkeypatch, text, [("Leo Marr", P), ("Sonja Bell", P)])
    assert ("family", "Sonja Bell", "Leo Marr", "family.possessive") in found
    text = "Acme Mining chairman Leo Marr said no."
    found = facts_with(monkeypatch, text, [("Acme Mining", O), ("Leo Marr", P)])
    assert [f for f in kinds(found, "post") if f[1] == "Leo Marr"]
