"""Joint ventures, shareholdings, renamings, bracketed parties, in-laws, stated posts and stated
conflicts (ontology/patterns/relations/surface_ventures.toml, graph.extract.relations.coi): each form
with sentences that must give the fact and near misses that must not.

The entity pass's output is given by hand, so these test the relation rules alone. All names invented.
"""
from __future__ import annotations

from graph.model import Evidence, Mention
from tests.test_relations_gates import relations_with

P, O, L = "Person", "Organization", "Place"


def rels(monkeypatch, text: str, names: list[tuple[str, str]]):
    """(kind, subject text, object text, rule, qualifiers and status) of the relations in `text` when the
    entity pass finds exactly `names`."""
    by_ref, relations = relations_with(monkeypatch, text, names)
    return [(r.kind, by_ref[r.subject], by_ref.get(r.object), r.rule, {**r.qualifiers, "status": r.status})
            for r in relations]


def pairs(found, kind):
    return {(f[1], f[2]) for f in found if f[0] == kind}


def ownership(found):
    return {(f[1], f[2]) for f in found if f[0] in ("owned_by", "unit_of")}


# -- joint ventures

def test_a_joint_venture_between_two_bodies_makes_them_partners_and_its_owners(monkeypatch):
    text = "The centres go to Pellow Active Ltd, a joint venture between Hallam Group and the Dunmere Leisure Trust."
    found = rels(monkeypatch, text, [("Pellow Active Ltd", O), ("Hallam Group", O), ("Dunmere Leisure Trust", O)])
    assert ("Hallam Group", "Dunmere Leisure Trust") in pairs(found, "partner")
    own = [f for f in found if f[0] == "owned_by"]
    assert {(f[1], f[2]) for f in own} == {("Pellow Active Ltd", "Hallam Group"),
                                           ("Pellow Active Ltd", "Dunmere Leisure Trust")}
    assert all(f[4]["share"] == "part" for f in own)


def test_a_meeting_between_two_bodies_is_no_joint_venture(monkeypatch):
    text = "Pellow Active Ltd chaired a meeting between Hallam Group and the Dunmere Leisure Trust."
    found = rels(monkeypatch, text, [("Pellow Active Ltd", O), ("Hallam Group", O), ("Dunmere Leisure Trust", O)])
    assert not pairs(found, "partner") and not ownership(found)


def test_a_joint_venture_with_a_company_is_part_owned_by_it_and_partners_the_body_opening_the_sentence(monkeypatch):
    text = ("Eastfold Hospitals NHS Trust (EHT) has signed a 15-year, £240m contract to move all of its "
            "pathology services into Labrix Diagnostics LLP, a joint venture with Tavrix Health plc.")
    found = rels(monkeypatch, text, [("Eastfold Hospitals NHS Trust", O), ("EHT", O),
                                     ("Labrix Diagnostics LLP", O), ("Tavrix Health plc", O)])
    assert ("Labrix Diagnostics LLP", "Tavrix Health plc") in ownership(found)
    assert ("Eastfold Hospitals NHS Trust", "Tavrix Health plc") in pairs(found, "partner")
    # the vehicle itself is no partner of its own parent
    assert ("Labrix Diagnostics LLP", "Tavrix Health plc") not in pairs(found, "partner")


def test_a_supplier_to_a_company_is_neither_its_joint_venture_nor_owned(monkeypatch):
    text = "Eastfold Hospitals NHS Trust moved its labs into Labrix Diagnostics LLP, a supplier to Tavrix Health plc."
    found = rels(monkeypatch, text, [("Eastfold Hospitals NHS Trust", O), ("Labrix Diagnostics LLP", O),
                                     ("Tavrix Health plc", O)])
    assert not pairs(found, "partner") and not ownership(found)


# -- shareholdings

def test_a_stated_percentage_is_a_part_share_with_its_figure(monkeypatch):
    text = "Under the deal Dunmere Trust will own 49.9% of Labrix and Tavrix the rest."
    found = rels(monkeypatch, text, [("Dunmere Trust", O), ("Labrix", O), ("Tavrix", O)])
    own = {(f[1], f[2]): f[4] for f in found if f[0] == "owned_by"}
    assert own[("Labrix", "Dunmere Trust")]["share"] == "49.9%"  # the figure, as tg:share words it
    assert own[("Labrix", "Tavrix")]["share"] == "part"  # "and Tavrix the rest"


def test_the_other_percentage_names_the_second_owner(monkeypatch):
    text = "The Dunmere Leisure Trust will hold 49% of Pellow Active and Hallam the other 51%."
    found = rels(monkeypatch, text, [("Dunmere Leisure Trust", O), ("Pellow Active", O), ("Hallam", O)])
    own = {(f[1], f[2]): f[4] for f in found if f[0] == "owned_by"}
    assert own[("Pellow Active", "Dunmere Leisure Trust")]["share"] == "49%"
    assert own[("Pellow Active", "Hallam")]["share"] == "51%"


def test_a_percentage_of_votes_or_a_whole_is_no_part_share(monkeypatch):
    found = rels(monkeypatch, "Dunmere Trust won 49% of the vote in Labrix.", [("Dunmere Trust", O), ("Labrix", O)])
    assert not ownership(found)
    found = rels(monkeypatch, "Dunmere Trust will own 100% of Labrix.", [("Dunmere Trust", O), ("Labrix", O)])
    assert not [f for f in found if f[0] == "owned_by" and f[4].get("share") == "part"]


def test_the_biggest_shareholder_owns_part(monkeypatch):
    text = ("For those asking, Hallam Group plc's biggest shareholder is Garnet Equity Partners LLP, which owns "
            "about 38% of it.")
    found = rels(monkeypatch, text, [("Hallam Group plc", O), ("Garnet Equity Partners LLP", O)])
    own = [f for f in found if f[0] == "owned_by"]
    assert [(f[1], f[2], f[4]["share"]) for f in own] == [("Hallam Group plc", "Garnet Equity Partners LLP", "part")]


def test_the_biggest_customer_owns_nothing(monkeypatch):
    text = "Hallam Group plc's biggest customer is Garnet Equity Partners LLP."
    found = rels(monkeypatch, text, [("Hallam Group plc", O), ("Garnet Equity Partners LLP", O)])
    assert not ownership(found)


def test_a_question_whether_someone_holds_shares_is_a_questioned_part_share(monkeypatch):
    found = rels(monkeypatch, "Is it true that Joan Keller still holds shares in Hallam?",
                 [("Joan Keller", P), ("Hallam", O)])
    own = [f for f in found if f[0] == "owned_by"]
    assert [(f[1], f[2]) for f in own] == [("Hallam", "Joan Keller")]
    assert own[0][4]["share"] == "part" and own[0][4]["status"] == "questioned"


def test_holding_talks_in_a_company_is_no_share(monkeypatch):
    found = rels(monkeypatch, "Joan Keller still holds talks in Hallam every week.", [("Joan Keller", P), ("Hallam", O)])
    assert not ownership(found)


# -- units

def test_part_of_a_group_in_an_open_bracket_is_a_unit(monkeypatch):
    text = "Rudd Waste Solutions (part of Vanterra Groep NV, the Dutch outfit) bid less."
    found = rels(monkeypatch, text, [("Rudd Waste Solutions", O), ("Vanterra Groep NV", O)])
    assert ("Rudd Waste Solutions", "Vanterra Groep NV") in ownership(found)


def test_a_division_named_by_its_owners_possessive_is_a_unit(monkeypatch):
    text = "It will be run by Oakcart Leisure, which is Brindle's leisure division."
    found = rels(monkeypatch, text, [("Oakcart Leisure", O), ("Brindle", O)])
    assert ("Oakcart Leisure", "Brindle") in ownership(found)


def test_a_rival_named_by_a_possessive_is_no_unit(monkeypatch):
    text = "It will be run by Oakcart Leisure, which is Brindle's main rival."
    found = rels(monkeypatch, text, [("Oakcart Leisure", O), ("Brindle", O)])
    assert not ownership(found)


def test_a_subsidiary_with_its_old_name_set_off_by_commas(monkeypatch):
    text = "Tavrix, formerly known as Nolden Holdings, has been a subsidiary of the American group Quorra Medical Inc."
    found = rels(monkeypatch, text, [("Tavrix", O), ("Nolden Holdings", O), ("Quorra Medical Inc", O)])
    assert ("Tavrix", "Quorra Medical Inc") in pairs(found, "owned_by")
    assert ("Nolden Holdings", "Tavrix") in pairs(found, "renamed")
    # the old name is not the owner's subsidiary
    assert ("Nolden Holdings", "Quorra Medical Inc") not in pairs(found, "owned_by")


def test_a_supplier_with_its_old_name_set_off_by_commas_is_not_owned(monkeypatch):
    text = "Tavrix, formerly known as Nolden Holdings, has been a supplier of the American group Quorra Medical Inc."
    found = rels(monkeypatch, text, [("Tavrix", O), ("Nolden Holdings", O), ("Quorra Medical Inc", O)])
    assert not ownership(found)


# -- renaming

def test_an_old_name_in_a_bracket_after_a_description(monkeypatch):
    text = "It will be run by Oakcart Leisure, which is Brindle's leisure division (formerly Fitmore Leisure Ltd, bought in 2020)."
    found = rels(monkeypatch, text, [("Oakcart Leisure", O), ("Brindle", O), ("Fitmore Leisure Ltd", O)])
    assert ("Fitmore Leisure Ltd", "Oakcart Leisure") in pairs(found, "renamed")


def test_formerly_run_by_is_no_renaming(monkeypatch):
    text = "It will be run by Oakcart Leisure, which is Brindle's leisure division (formerly run by Fitmore Leisure Ltd)."
    found = rels(monkeypatch, text, [("Oakcart Leisure", O), ("Brindle", O), ("Fitmore Leisure Ltd", O)])
    assert not pairs(found, "renamed")


def test_a_new_name_typed_as_a_person_is_renamed_from_a_company(monkeypatch):
    text = "Tavrix, formerly known as Nolden Holdings, lost the bid."
    found = rels(monkeypatch, text, [("Tavrix", P), ("Nolden Holdings", O)])
    assert ("Nolden Holdings", "Tavrix") in pairs(found, "renamed")


def test_a_person_formerly_of_a_company_is_not_renamed(monkeypatch):
    text = "Jane Roe, formerly of Nolden Holdings, lost the bid."
    found = rels(monkeypatch, text, [("Jane Roe", P), ("Nolden Holdings", O)])
    assert not pairs(found, "renamed")


# -- party and family

def test_a_party_and_a_seat_in_a_bracket(monkeypatch):
    text = "The local MP, Jo Wendle (Labour, Eastbury), has asked the minister."
    found = rels(monkeypatch, text, [("Jo Wendle", P), ("Labour", O), ("Eastbury", L)])
    assert ("Jo Wendle", "Labour") in pairs(found, "party")


def test_a_two_word_party_name_in_a_bracket(monkeypatch):
    found = rels(monkeypatch, "Cllr Amina Rafiq (Lib Dem) asked the question.", [("Amina Rafiq", P), ("Lib Dem", O)])
    assert ("Amina Rafiq", "Lib Dem") in pairs(found, "party")


def test_a_company_and_a_town_in_a_bracket_is_no_party(monkeypatch):
    text = "The local boss, Jo Wendle (Brindle Waste, Eastbury), has asked the minister."
    found = rels(monkeypatch, text, [("Jo Wendle", P), ("Brindle Waste", O), ("Eastbury", L)])
    assert not pairs(found, "party")


def test_an_in_law_after_an_apposition_is_a_relative_not_a_sibling(monkeypatch):
    text = "Word has it that Martin Kolb, the Chief Executive of Hallam Group, is Derek Hale's brother-in-law."
    found = rels(monkeypatch, text, [("Martin Kolb", P), ("Hallam Group", O), ("Derek Hale", P)])
    fam = [f for f in found if f[0] == "family"]
    assert [(f[1], f[2], f[4]["relation"]) for f in fam] == [("Martin Kolb", "Derek Hale", "relative")]


def test_an_apposition_then_a_company_possessive_is_no_family_tie(monkeypatch):
    text = "Martin Kolb, the Chief Executive of Hallam Group, is Derek Hale's rival."
    found = rels(monkeypatch, text, [("Martin Kolb", P), ("Hallam Group", O), ("Derek Hale", P)])
    assert not [f for f in found if f[0] == "family"]


# -- posts

def post(found, person, org):
    return [f for f in found if f[0] == "post" and f[1] == person and f[2] == org]


def test_who_is_role_at_without_a_comma(monkeypatch):
    text = "Karen Vale is married to Neil Vale who is the finance director at Ostley Services Group."
    found = rels(monkeypatch, text, [("Karen Vale", P), ("Neil Vale", P), ("Ostley Services Group", O)])
    (p,) = post(found, "Neil Vale", "Ostley Services Group")
    assert p[4]["role"] == "finance director" and p[4]["current"] is True
    assert not post(found, "Karen Vale", "Ostley Services Group")


def test_who_is_a_customer_at_is_no_post(monkeypatch):
    text = "Neil Vale who is a regular customer at Ostley Services Group complained."
    found = rels(monkeypatch, text, [("Neil Vale", P), ("Ostley Services Group", O)])
    assert not post(found, "Neil Vale", "Ostley Services Group")


def test_a_stray_comma_before_the_copula(monkeypatch):
    text = "Nigel Brack's daughter, Claire Brack, is head of bids at Tavrix Health."
    found = rels(monkeypatch, text, [("Nigel Brack", P), ("Claire Brack", P), ("Tavrix Health", O)])
    assert post(found, "Claire Brack", "Tavrix Health")
    assert not post(found, "Nigel Brack", "Tavrix Health")


def test_the_body_before_a_role_and_its_holder(monkeypatch):
    found = rels(monkeypatch, "The Fenwick ICB chief exec is Mark Tenby.", [("Fenwick ICB", O), ("Mark Tenby", P)])
    (p,) = post(found, "Mark Tenby", "Fenwick ICB")
    assert p[4]["role"] == "chief exec"
    found = rels(monkeypatch, "The Fenwick ICB chief exec met Mark Tenby.", [("Fenwick ICB", O), ("Mark Tenby", P)])
    assert not post(found, "Mark Tenby", "Fenwick ICB")


def test_working_in_a_companys_team_is_a_post(monkeypatch):
    found = rels(monkeypatch, "His son Jamie Hale works in Hallam's bid team.", [("Jamie Hale", P), ("Hallam", O)])
    (p,) = post(found, "Jamie Hale", "Hallam")
    assert p[4]["current"] is True
    found = rels(monkeypatch, "His son Jamie Hale works in Hallam's town centre.", [("Jamie Hale", P), ("Hallam", O)])
    assert not post(found, "Jamie Hale", "Hallam")


def test_until_last_year_and_previously_make_former_posts(monkeypatch):
    for text in ("Cllr Hale's wife, Susan Hale, was until last year a non-executive director of Hallam Group.",
                 "Susan Hale was previously a non-executive director of Hallam Group.",
                 "Susan Hale, who until last year was a non-executive director of Hallam Group, spoke."):
        names = [("Hale", P)] if text.startswith("Cllr") else []
        found = rels(monkeypatch, text, names + [("Susan Hale", P), ("Hallam Group", O)])
        posts = post(found, "Susan Hale", "Hallam Group")
        assert posts and all(p[4]["current"] is False for p in posts), text


def test_until_then_is_no_former_post(monkeypatch):
    text = "Susan Hale was until then a customer of Hallam Group."
    found = rels(monkeypatch, text, [("Susan Hale", P), ("Hallam Group", O)])
    assert not post(found, "Susan Hale", "Hallam Group")


# -- stated conflicts of interest

def test_a_conflict_with_one_end_only_is_no_fact(monkeypatch):
    text = "Oxley's fee was £380,000. I've asked the trust whether that's a conflict of interest."
    found = rels(monkeypatch, text, [("Oxley", O)])
    assert not [f for f in found if f[0] == "coi_stated"]


def test_a_conflict_with_two_ends_links_them(monkeypatch):
    text = "Oxley's fee was £380,000. Jane Roe says that's a conflict of interest."
    found = rels(monkeypatch, text, [("Oxley", O), ("Jane Roe", P)])
    assert {(f[1], f[2]) for f in found if f[0] == "coi_stated"} == {("Jane Roe", "Oxley")}


def test_a_party_word_taken_for_a_place_in_a_bracket_is_the_party(monkeypatch):
    text = "The local MP, Jo Wendle (Labour, Eastbury), has asked the minister."
    found = rels(monkeypatch, text, [("Jo Wendle", P), ("Labour", L), ("Eastbury", L)])
    party = [f for f in found if f[0] == "party"]
    assert [(f[1], f[2]) for f in party] == [("Jo Wendle", "Labour")]
    # a town in the bracket is no party
    found = rels(monkeypatch, "The local MP, Jo Wendle (Eastbury), has asked the minister.",
                 [("Jo Wendle", P), ("Eastbury", L)])
    assert not [f for f in found if f[0] == "party"]



def _coi_sentence(text: str, names: list[tuple[str, str]]):
    """The sentence as the relation rules see it, with the entity pass's names given by hand."""
    from graph.extract import slots
    from graph.nlp import load_nlp

    doc = load_nlp(parser=False)(text)
    mentions, pos = [], 0
    for name, label in names:
        start = text.index(name, pos)
        pos = start + len(name)
        mentions.append(Mention(name, label, Evidence("t1", "post", start, pos, name, 0, len(text))))
    return slots.build(doc, 0, mentions)


def test_a_surname_named_before_in_full_is_not_the_other_end_of_a_conflict():
    from graph.extract.facts import Arg
    from graph.extract.relations import coi

    sent = _coi_sentence("Minutes record that Mr Brack declared a conflict of interest.", [("Brack", P)])
    previous = [Arg(ref="t1|post|24|35", label=P, text="Nigel Brack"), Arg(ref="t1|post|46|52", label=O, text="Tavrix")]
    (fact,) = coi(sent, previous)
    assert fact.subject == Arg(slot=0) and fact.object == previous[1]
    assert previous[0] not in fact.qualifiers["entities"]
    # another person named before is the other party
    other = [Arg(ref="t1|post|24|35", label=P, text="Nigel Oakes")]
    (fact,) = coi(sent, other)
    assert fact.object == other[0]


def test_a_person_who_declares_a_conflict_is_not_linked_to_himself_through_the_sentence_before(monkeypatch):
    text = "Nigel Brack chairs Tavrix Care. Mr Brack declared a conflict of interest at the meeting."
    found = rels(monkeypatch, text, [("Nigel Brack", P), ("Tavrix Care", O), ("Brack", P)])
    coi_pairs = pairs(found, "coi_stated")
    assert coi_pairs and all({"Nigel Brack", "Brack"} != {a, b} for a, b in coi_pairs)
    assert any("Tavrix Care" in (a, b) for a, b in coi_pairs)


def test_a_post_held_previously_is_a_former_post_only(monkeypatch):
    text = "Ann Quell, who was previously Director of Strategy at Tavrix Care, now runs a charity."
    found = rels(monkeypatch, text, [("Ann Quell", P), ("Tavrix Care", O)])
    posts = [f for f in found if f[0] == "post" and f[2] == "Tavrix Care"]
    assert posts and all(f[4].get("current") is False for f in posts)


def test_a_relative_sharing_the_surname_is_the_other_party_of_a_conflict(monkeypatch):
    text = "The contract went to Jane Brack. Tom Brack has a conflict of interest."
    found = rels(monkeypatch, text, [("Jane Brack", P), ("Tom Brack", P)])
    assert pairs(found, "coi_stated") in ({("Tom Brack", "Jane Brack")}, {("Jane Brack", "Tom Brack")})
