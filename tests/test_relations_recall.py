"""Round-4 surface forms: each with sentences that must give the fact and near misses that must not.

The entity pass's output is given by hand (tests.test_relations_gates.facts_with). All names invented.
"""
from __future__ import annotations

from tests.test_relations_gates import facts_with

P, O = "Person", "Organization"


def kinds(found, kind):
    return [f for f in found if f[0] == kind]


# -- posts

def test_served_as_role_of_organisation(monkeypatch):
    found = facts_with(monkeypatch, "Dana Holm served as Managing Director of Kestrel Mining until 2009.",
                       [("Dana Holm", P), ("Kestrel Mining", O)])
    assert ("post", "Dana Holm", "Kestrel Mining", "post.served_as") in found


def test_served_as_organisations_role(monkeypatch):
    found = facts_with(monkeypatch, "Dana Holm serves as Kestrel Mining's chairwoman.",
                       [("Dana Holm", P), ("Kestrel Mining", O)])
    assert ("post", "Dana Holm", "Kestrel Mining", "post.served_as") in found


def test_served_in_a_place_or_as_nothing_is_no_post(monkeypatch):
    found = facts_with(monkeypatch, "Dana Holm served in the army with Kestrel Mining's help.",
                       [("Dana Holm", P), ("Kestrel Mining", O)])
    assert not kinds(found, "post")


def test_description_and_former_role(monkeypatch):
    found = facts_with(monkeypatch, "Ivo Marr (born 1947) is a Norwegian civil servant and former CEO of Nordline Rail.",
                       [("Ivo Marr", P), ("Nordline Rail", O)])
    assert ("post", "Ivo Marr", "Nordline Rail", "post.copula") in found


def test_description_naming_another_person_is_no_post(monkeypatch):
    found = facts_with(monkeypatch, "Ivo Marr is a friend of Ada Penn and former CEO of Nordline Rail.",
                       [("Ivo Marr", P), ("Ada Penn", P), ("Nordline Rail", O)])
    assert ("post", "Ivo Marr", "Nordline Rail", "post.copula") not in found


def test_the_current_president_of_y_is_x(monkeypatch):
    found = facts_with(monkeypatch, "The current president of Harrow Trust is Lena Voss, who took over in 2000.",
                       [("Harrow Trust", O), ("Lena Voss", P)])
    assert ("post", "Lena Voss", "Harrow Trust", "post.copula") in found


def test_organisation_and_its_leader(monkeypatch):
    found = facts_with(monkeypatch, "The video praised the Red Path movement and its leader Tomas Ulm.",
                       [("Red Path", O), ("Tomas Ulm", P)])
    assert ("post", "Tomas Ulm", "Red Path", "post.led_by") in found


def test_organisation_led_by_person(monkeypatch):
    found = facts_with(monkeypatch, "The Transitional Council, led by Anri Volo, was formed.",
                       [("Transitional Council", O), ("Anri Volo", P)])
    assert ("post", "Anri Volo", "Transitional Council", "post.led_by") in found


def test_led_by_a_person_s_something_is_no_post(monkeypatch):
    found = facts_with(monkeypatch, "The Transitional Council, led by Anri Volo's allies, was formed.",
                       [("Transitional Council", O), ("Anri Volo", P)])
    assert not kinds(found, "post")


def test_place_before_a_sports_role_is_the_club(monkeypatch):
    found = facts_with(monkeypatch, "Eastfold keeper Rolf Weidmann was the hero of the match.",
                       [("Eastfold", "Place"), ("Rolf Weidmann", P)])
    assert ("post", "Rolf Weidmann", "Eastfold", "post.club_role") in found


def test_club_missed_by_the_entity_pass_before_a_sports_role(monkeypatch):
    found = facts_with(monkeypatch, "Eastfold coach Rolf Weidmann did not get caught up in it.", [("Rolf Weidmann", P)])
    assert ("post", "Rolf Weidmann", "Eastfold", "post.title_name") in found


def test_nationality_or_function_word_before_a_sports_role_is_no_club(monkeypatch):
    for text in ("The German midfielder Rolf Weidmann scored.", "My coach Rolf Weidmann always told me so.",
                 "Was coach Rolf Weidmann part of the problem?"):
        found = facts_with(monkeypatch, text, [("Rolf Weidmann", P)])
        assert not [f for f in kinds(found, "post") if f[2] is not None], text


def test_place_before_a_non_sports_role_is_no_employer(monkeypatch):
    found = facts_with(monkeypatch, "Eastfold lawyer Rolf Weidmann spoke.", [("Eastfold", "Place"), ("Rolf Weidmann", P)])
    assert not [f for f in kinds(found, "post") if f[2] == "Eastfold"]


def test_second_title_in_a_pair_holds_the_same_organisation(monkeypatch):
    found = facts_with(monkeypatch, "He said Voltra chairperson Ben Ngata and chief executive Bram Mol asked him.",
                       [("Voltra", O), ("Ben Ngata", P), ("Bram Mol", P)])
    assert ("post", "Bram Mol", "Voltra", "post.title_name") in found


def test_of_the_organisation_in_brackets_and_a_place_based_adjective(monkeypatch):
    found = facts_with(monkeypatch, "The mosque welcomed Petra Lann (of the Left Alliance Party) on Friday.",
                       [("Petra Lann", P), ("Left Alliance Party", O)])
    assert [f for f in found if f[1] == "Petra Lann" and f[2] == "Left Alliance Party"]
    found = facts_with(monkeypatch, "Dirk Rell, of the Rostock-based Maritime Safety Society, spoke.",
                       [("Dirk Rell", P), ("Rostock", "Place"), ("Maritime Safety Society", O)])
    assert ("post", "Dirk Rell", "Maritime Safety Society", "post.of") in found


# -- family

def test_born_to_two_parents(monkeypatch):
    found = facts_with(monkeypatch, "Ola Brandt was born in Westby, Dorset, to the Reverend Jon Brandt and Sara Bunce.",
                       [("Ola Brandt", P), ("Jon Brandt", P), ("Sara Bunce", P)])
    assert ("family", "Ola Brandt", "Jon Brandt", "family.born_to") in found
    assert ("family", "Ola Brandt", "Sara Bunce", "family.born_to") in found
    assert ("family", "Jon Brandt", "Sara Bunce", "family.parents_pair") in found


def test_born_in_a_year_with_no_parents_is_no_tie(monkeypatch):
    found = facts_with(monkeypatch, "Ola Brandt was born in 1950 and moved to Westby to join Jon Brandt.",
                       [("Ola Brandt", P), ("Jon Brandt", P)])
    assert not kinds(found, "family")


def test_son_of_two_named_parents_makes_them_a_couple(monkeypatch):
    found = facts_with(monkeypatch, "He was born in Dover, the son of Will Carter and Eliza Reed.",
                       [("Will Carter", P), ("Eliza Reed", P)])
    assert ("family", "Will Carter", "Eliza Reed", "family.parents_pair") in found


def test_brother_of_two_people_makes_no_couple(monkeypatch):
    found = facts_with(monkeypatch, "Tom Reed is the brother of Will Carter and Eliza Reed.",
                       [("Tom Reed", P), ("Will Carter", P), ("Eliza Reed", P)])
    assert not [f for f in found if f[3] == "family.parents_pair"]


def test_ordinal_before_the_family_noun(monkeypatch):
    found = facts_with(monkeypatch, "She succeeded Rick Fell, the fifth child of Dave Fell, as chairman.",
                       [("Rick Fell", P), ("Dave Fell", P)])
    assert ("family", "Rick Fell", "Dave Fell", "family.noun_of") in found


def test_with_whom_names_the_other_parent_of_the_children(monkeypatch):
    found = facts_with(monkeypatch, "He married Bea Dugan, with whom he had three children, Ana Roth, Lil Roth and Luis Roth.",
                       [("Bea Dugan", P), ("Ana Roth", P), ("Lil Roth", P), ("Luis Roth", P)])
    assert ("family", "Ana Roth", "Bea Dugan", "family.children_list") in found
    assert ("family", "Ana Roth", "Lil Roth", "family.list_siblings") in found


def test_twin_brothers_named_together_are_siblings(monkeypatch):
    found = facts_with(monkeypatch, "The series features identical twin brothers Jon Scotter and Drew Scotter.",
                       [("Jon Scotter", P), ("Drew Scotter", P)])
    assert ("family", "Jon Scotter", "Drew Scotter", "family.list_siblings") in found


def test_brothers_of_a_possessor_are_not_listed_siblings_of_him(monkeypatch):
    found = facts_with(monkeypatch, "The friends Jon Scotter and Drew Scotter met.", [("Jon Scotter", P), ("Drew Scotter", P)])
    assert not kinds(found, "family")


# -- ownership

def test_became_part_of_the_group(monkeypatch):
    found = facts_with(monkeypatch, "Outwright Distribution became part of the Shedley Media Group in 2006.",
                       [("Outwright Distribution", O), ("Shedley Media Group", O)])
    assert ("unit_of", "Outwright Distribution", "Shedley Media Group", "unit_of.part_of_group") in found


def test_description_then_owned_by(monkeypatch):
    found = facts_with(monkeypatch, "Kidsline is a British children's television strand owned by the Westby Broadcasting Corporation.",
                       [("Kidsline", O), ("Westby Broadcasting Corporation", O)])
    assert ("owned_by", "Kidsline", "Westby Broadcasting Corporation", "owned_by.owned_by") in found


def test_description_naming_another_organisation_before_owned_by_is_not_read(monkeypatch):
    found = facts_with(monkeypatch, "Kidsline is a partner of Nordline, which is owned by Westby Broadcasting.",
                       [("Kidsline", O), ("Nordline", O), ("Westby Broadcasting", O)])
    assert ("owned_by", "Kidsline", "Westby Broadcasting", "owned_by.owned_by") not in found


def test_a_name_the_entity_pass_found_once_is_read_where_it_recurs_untagged(monkeypatch):
    # the entity pass tags only the first "Skyjet"; the second, before "Chairman", is found again
    found = facts_with(monkeypatch, "The deal is the largest for Skyjet, Skyjet Chairman Ajit Sen said.",
                       [("Skyjet", O), ("Ajit Sen", P)])
    assert ("post", "Ajit Sen", "Skyjet", "post.title_name") in found


def test_a_recurring_name_inside_a_longer_name_is_not_read(monkeypatch):
    # "Skyjet Cargo" is a longer name: its "Skyjet" is not the airline found before
    found = facts_with(monkeypatch, "The deal is the largest for Skyjet, Skyjet Cargo director Ajit Sen said.",
                       [("Skyjet", O), ("Ajit Sen", P)])
    assert not [f for f in kinds(found, "post") if f[2] == "Skyjet"]


def test_club_with_new_before_the_sports_role(monkeypatch):
    found = facts_with(monkeypatch, "Eastfold's new coach Mark Weinz will be watching.",
                       [("Eastfold", "Place"), ("Mark Weinz", P)])
    assert ("post", "Mark Weinz", "Eastfold", "post.club_role") in found


def test_hyphenated_co_role_is_one_role(monkeypatch):
    found = facts_with(monkeypatch, "According to Dave Band, co-director of the Harbin Media Project, it will change.",
                       [("Dave Band", P), ("Harbin Media Project", O)])
    assert ("post", "Dave Band", "Harbin Media Project", "post.apposition") in found


def test_role_with_a_hyphenated_field_before_the_employer(monkeypatch):
    found = facts_with(monkeypatch, "So says Piet Bron, professor of ship-building at the Kiel Technical University.",
                       [("Piet Bron", P), ("Kiel Technical University", O)])
    assert ("post", "Piet Bron", "Kiel Technical University", "post.apposition") in found


def test_description_and_head_of_an_adjective_led_organisation(monkeypatch):
    found = facts_with(monkeypatch, "Pal Juhl, civil rights activist and head of the extra-parliamentary Milla group, spoke.",
                       [("Pal Juhl", P), ("Milla", O)])
    assert ("post", "Pal Juhl", "Milla", "post.apposition") in found


def test_teaches_at(monkeypatch):
    found = facts_with(monkeypatch, "Jurg Neyen teaches at the Viadrina University in Frankfurt.",
                       [("Jurg Neyen", P), ("Viadrina University", O)])
    assert ("post", "Jurg Neyen", "Viadrina University", "post.teaches") in found


def test_studies_at_is_no_teaching_post(monkeypatch):
    found = facts_with(monkeypatch, "Jurg Neyen studies at the Viadrina University in Frankfurt.",
                       [("Jurg Neyen", P), ("Viadrina University", O)])
    assert not kinds(found, "post")


def test_possessive_family_noun_then_a_descriptive_word(monkeypatch):
    found = facts_with(monkeypatch, "Lian Conn's father, architect Lian Sich, had led the attempts.",
                       [("Lian Conn", P), ("Lian Sich", P)])
    assert ("family", "Lian Sich", "Lian Conn", "family.possessive") in found


def test_possessive_family_noun_then_a_clause_is_not_read(monkeypatch):
    found = facts_with(monkeypatch, "Lian Conn's father, who met Lian Sich, had led the attempts.",
                       [("Lian Conn", P), ("Lian Sich", P)])
    assert not kinds(found, "family")


def test_as_well_as_his_son(monkeypatch):
    found = facts_with(monkeypatch, "Thran Dul, king of the north, as well as his son Lego Las, ruled.",
                       [("Thran Dul", P), ("Lego Las", P)])
    assert ("family", "Lego Las", "Thran Dul", "family.possessive") in found


def test_a_service_or_command_of_a_body_is_its_unit(monkeypatch):
    found = facts_with(monkeypatch, "The line is run by Marc Rail, a service of the Maryland Transit Board.",
                       [("Marc Rail", O), ("Maryland Transit Board", O)])
    assert ("unit_of", "Marc Rail", "Maryland Transit Board", "unit_of.part_of_group") in found
    found = facts_with(monkeypatch, "Naval Forces North was a command of the Westland Navy from 1944.",
                       [("Naval Forces North", O), ("Westland Navy", O)])
    assert ("unit_of", "Naval Forces North", "Westland Navy", "unit_of.part_of_group") in found


def test_a_service_for_a_body_is_no_unit(monkeypatch):
    found = facts_with(monkeypatch, "Marc Rail runs a service for the Maryland Transit Board.",
                       [("Marc Rail", O), ("Maryland Transit Board", O)])
    assert not kinds(found, "unit_of")


def test_person_of_an_acronym_holds_a_post_there(monkeypatch):
    found = facts_with(monkeypatch, "Ango Kapa of FORDU estimates that 43 people lived there.",
                       [("Ango Kapa", P), ("FORDU", O)])
    assert ("post", "Ango Kapa", "FORDU", "post.of") in found


def test_person_of_a_plain_one_word_name_is_no_post(monkeypatch):
    found = facts_with(monkeypatch, "Albert of Brandenburg estimates that 43 people lived there.",
                       [("Albert", P), ("Brandenburg", O)])
    assert not kinds(found, "post")


def test_membership_is_measured_apart_from_other_posts(monkeypatch):
    found = facts_with(monkeypatch, "Jer Rifkin, a member of the Global Greenhouse Network, spoke.",
                       [("Jer Rifkin", P), ("Global Greenhouse Network", O)])
    assert ("post", "Jer Rifkin", "Global Greenhouse Network", "post.member") in found
    found = facts_with(monkeypatch, "Jer Rifkin, a director of the Global Greenhouse Network, spoke.",
                       [("Jer Rifkin", P), ("Global Greenhouse Network", O)])
    assert ("post", "Jer Rifkin", "Global Greenhouse Network", "post.apposition") in found


def test_family_noun_of_a_description_then_the_name(monkeypatch):
    found = facts_with(monkeypatch, "Eli Kalu, the son of the imprisoned leader of the sect, Jose Kalu, told us so.",
                       [("Eli Kalu", P), ("Jose Kalu", P)])
    assert ("family", "Eli Kalu", "Jose Kalu", "family.noun_of") in found


def test_family_noun_of_a_description_then_a_list_is_not_read(monkeypatch):
    found = facts_with(monkeypatch, "Eli Kalu, the son of the imprisoned leader of the sect, Jose Kalu and Ana Ruiz met.",
                       [("Eli Kalu", P), ("Jose Kalu", P), ("Ana Ruiz", P)])
    assert not kinds(found, "family")


def test_son_of_described_parents(monkeypatch):
    found = facts_with(monkeypatch, "Jor Var is son of Mexican singer and actress Lupa Dal and the singer and actor Jorge Varo.",
                       [("Jor Var", P), ("Lupa Dal", P), ("Jorge Varo", P)])
    assert ("family", "Jor Var", "Lupa Dal", "family.noun_of") in found
    assert ("family", "Jor Var", "Jorge Varo", "family.noun_of") in found


def test_son_of_then_grandson_of_is_no_second_parent(monkeypatch):
    found = facts_with(monkeypatch, "Jor Var is son of the painter Lupa Dal and grandson of Jorge Varo.",
                       [("Jor Var", P), ("Lupa Dal", P), ("Jorge Varo", P)])
    assert ("family", "Jor Var", "Lupa Dal", "family.noun_of") in found
    assert not [f for f in found if f[3] == "family.parents_pair"]


def test_x_married_y(monkeypatch):
    found = facts_with(monkeypatch, "Mano Lesc married the architect Jacq Blond a short while after.",
                       [("Mano Lesc", P), ("Jacq Blond", P)])
    assert ("family", "Mano Lesc", "Jacq Blond", "family.married_to") in found


def test_x_married_y_s_daughter_is_no_tie_to_y(monkeypatch):
    found = facts_with(monkeypatch, "Mano Lesc married Jacq Blond's daughter in 1950.",
                       [("Mano Lesc", P), ("Jacq Blond", P)])
    assert not [f for f in kinds(found, "family") if f[3] == "family.married_to"]


def test_name_then_possessive_family_noun_in_brackets(monkeypatch):
    found = facts_with(monkeypatch, "The story of Yus and Zula (Potif's wife in the Old Testament) became popular.",
                       [("Yus", P), ("Zula", P), ("Potif", P)])
    assert ("family", "Zula", "Potif", "family.possessive") in found


def test_long_description_before_the_employer(monkeypatch):
    found = facts_with(monkeypatch, "Eli Isak, director of the internationally recognized non-governmental organization Open Circle in Angola, agreed.",
                       [("Eli Isak", P), ("Open Circle", O)])
    assert ("post", "Eli Isak", "Open Circle", "post.apposition") in found


def test_description_with_a_verb_phrase_before_the_organisation_is_not_read(monkeypatch):
    found = facts_with(monkeypatch, "Eli Isak, director of the campaign to save the Open Circle, agreed.",
                       [("Eli Isak", P), ("Open Circle", O)])
    assert not kinds(found, "post")


def test_of_the_network_name_a_kind_word_before_the_name(monkeypatch):
    found = facts_with(monkeypatch, "So said Rolf Suss, of the globalization-critical network Attak.",
                       [("Rolf Suss", P), ("Attak", O)])
    assert ("post", "Rolf Suss", "Attak", "post.of") in found
    found = facts_with(monkeypatch, "So said Rolf Suss, of the globalization-critical Attak.",
                       [("Rolf Suss", P), ("Attak", O)])
    assert not kinds(found, "post")


def test_a_person_s_party(monkeypatch):
    found = facts_with(monkeypatch, "It could weaken Chancellor Ana Merk's Christian Union Party in the state.",
                       [("Ana Merk", P), ("Christian Union Party", O)])
    assert ("party", "Ana Merk", "Christian Union Party", "party.possessive") in found


def test_a_person_s_company_is_no_party(monkeypatch):
    found = facts_with(monkeypatch, "It could weaken Ana Merk's Harbor Holdings in the state.",
                       [("Ana Merk", P), ("Harbor Holdings", O)])
    assert not kinds(found, "party")


def test_head_of_the_quoted_body_then_the_name(monkeypatch):
    found = facts_with(monkeypatch, 'In 2014, the head of the " Verfass Office, " Hans Maas, had warned the committee.',
                       [("Verfass Office", O), ("Hans Maas", P)])
    assert ("post", "Hans Maas", "Verfass Office", "post.apposition") in found


def test_head_of_the_body_in_a_city_then_the_name(monkeypatch):
    found = facts_with(monkeypatch, "Then the head of the Ifa economic think tank in Munich, Clem Fuest, criticized the deal.",
                       [("Ifa", O), ("Munich", "Place"), ("Clem Fuest", P)])
    assert ("post", "Clem Fuest", "Ifa", "post.apposition") in found


def test_head_of_the_body_then_a_list_of_names_is_not_read(monkeypatch):
    found = facts_with(monkeypatch, "He met the head of the Ifa think tank, Clem Fuest and Ana Roe.",
                       [("Ifa", O), ("Clem Fuest", P), ("Ana Roe", P)])
    assert not [f for f in kinds(found, "post") if f[2] == "Ifa"]


def test_expert_on_relations_between_places_at_a_university(monkeypatch):
    found = facts_with(monkeypatch, "So says Nobu Shim, an expert on Japan-Russia relations at Tokyo's Hosa University.",
                       [("Nobu Shim", P), ("Japan", "Place"), ("Russia", "Place"), ("Tokyo", "Place"), ("Hosa University", O)])
    assert ("post", "Nobu Shim", "Hosa University", "post.apposition") in found


def test_name_bracket_then_of_the_party_with_its_nationality(monkeypatch):
    found = facts_with(monkeypatch, "Foreign Minister Seb Kurtz (photo) of the rightist Austrian People's Party told a paper.",
                       [("Seb Kurtz", P), ("People's Party", O)])
    assert [f for f in found if f[1] == "Seb Kurtz" and f[2] == "Austrian People's Party"]


def test_and_his_club_squad(monkeypatch):
    found = facts_with(monkeypatch, "The man ahead of him, Marek Minta (23 goals) and his Nurnberg squad traveled to Munich.",
                       [("Marek Minta", P), ("Nurnberg", "Place"), ("Munich", "Place")])
    assert ("post", "Marek Minta", "Nurnberg", "post.club_role") in found


def test_and_his_squad_of_helpers_names_no_club(monkeypatch):
    found = facts_with(monkeypatch, "Marek Minta and his squad traveled to Munich.", [("Marek Minta", P), ("Munich", "Place")])
    assert not [f for f in kinds(found, "post") if f[2] is not None]


def test_club_taken_into_a_title_case_sports_role(monkeypatch):
    found = facts_with(monkeypatch, '" It is a good group, " said Eastfold Captain Bene Howe.', [("Bene Howe", P)])
    assert ("post", "Bene Howe", "Eastfold", "post.title_name") in found


def test_title_case_role_without_a_club_stays_whole(monkeypatch):
    found = facts_with(monkeypatch, '" It is a good group, " said Team Captain Bene Howe.', [("Bene Howe", P)])
    assert not [f for f in kinds(found, "post") if f[2] is not None]


def test_secretary_general_is_one_title(monkeypatch):
    found = facts_with(monkeypatch, "Jon Kerr and UN Secretary General Bank Moon traveled to Cairo.",
                       [("Jon Kerr", P), ("UN", O), ("Bank Moon", P), ("Cairo", "Place")])
    assert ("post", "Bank Moon", "UN", "post.title_name") in found


def test_party_word_then_party_then_office(monkeypatch):
    found = facts_with(monkeypatch, "Responding to that, Green party politician Irma Mihal told dpa.", [("Irma Mihal", P)])
    assert [f for f in kinds(found, "party") if f[1] == "Irma Mihal"]


def test_copula_post_after_an_aside_in_brackets(monkeypatch):
    found = facts_with(monkeypatch, "Mara Lind (his wife? sister?) is Deputy Managing Director of Kestrel Mining.",
                       [("Mara Lind", P), ("Kestrel Mining", O)])
    assert ("post", "Mara Lind", "Kestrel Mining", "post.copula") in found


def test_copula_post_after_a_birth_date_in_brackets_is_not_read(monkeypatch):
    for aside in ("(born 1975)", "(born March 3, 1975, Tromsø)", "(1921–1998)", "(née Berg)"):
        found = facts_with(monkeypatch, f"Mara Lind {aside} was Deputy Director of Kestrel Mining.",
                           [("Mara Lind", P), ("Kestrel Mining", O)])
        assert not [f for f in kinds(found, "post") if f[3] == "post.copula"], aside


def test_copula_post_after_life_dates_in_brackets_is_not_read(monkeypatch):
    found = facts_with(monkeypatch, "Mara Lind (about 1780 – 4 May 1804) was Deputy Director of Kestrel Mining.",
                       [("Mara Lind", P), ("Kestrel Mining", O)])
    assert not [f for f in kinds(found, "post") if f[3] == "post.copula"]


def test_he_taught_at_after_the_person_is_named(monkeypatch):
    text = "Ivo Marr was also interested in early music. He taught at Lumen College for ten years."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Lumen College", O)])
    assert ("post", "Ivo Marr", "Lumen College", "post.teaches") in found


def test_he_taught_with_no_person_named_before_or_mid_sentence_is_no_post(monkeypatch):
    found = facts_with(monkeypatch, "He taught at Lumen College for ten years.", [("Lumen College", O)])
    assert not kinds(found, "post")
    text = "Ivo Marr left early, and the students said he taught at Lumen College."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Lumen College", O)])
    assert not [f for f in kinds(found, "post") if f[3] == "post.teaches"]


def test_she_currently_teaches_and_previously_taught(monkeypatch):
    text = "Ada Roon is a painter. She currently teaches at Lumen College and previously taught at Farrow University."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Lumen College", O), ("Farrow University", O)])
    assert ("post", "Ada Roon", "Lumen College", "post.teaches") in found
    assert ("post", "Ada Roon", "Farrow University", "post.teaches") in found


def test_teaches_at_y_and_studied_at_z_gives_no_post_at_z(monkeypatch):
    text = "Ada Roon teaches at Lumen College and studied at Farrow University."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Lumen College", O), ("Farrow University", O)])
    assert ("post", "Ada Roon", "Lumen College", "post.teaches") in found
    assert not [f for f in found if f[2] == "Farrow University"]


def test_joined_the_faculty_of(monkeypatch):
    text = "Ivo Marr earned his doctorate at Farrow University. In 1990, he joined the faculty of Lumen College."
    found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Farrow University", O), ("Lumen College", O)])
    assert ("post", "Ivo Marr", "Lumen College", "post.faculty") in found
    assert not [f for f in found if f[0] == "post" and f[2] == "Farrow University"]


def test_on_the_faculty_of(monkeypatch):
    text = "Ada Roon is a cellist. She is currently on the faculty of Lumen College."
    found = facts_with(monkeypatch, text, [("Ada Roon", P), ("Lumen College", O)])
    assert ("post", "Ada Roon", "Lumen College", "post.faculty") in found


def test_faculty_near_misses_give_no_post(monkeypatch):
    for text in ("Ivo Marr praised the faculty of Lumen College.",
                 "Ivo Marr said that the dean he joined the faculty of Lumen College with had left."):
        found = facts_with(monkeypatch, text, [("Ivo Marr", P), ("Lumen College", O)])
        assert not [f for f in kinds(found, "post") if f[3] == "post.faculty"], text
