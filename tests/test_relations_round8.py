"""Session-3 round 8: each form with sentences that must give the fact and near misses that must not.
All names invented."""
from __future__ import annotations

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread


def read(text: str):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    return by_ref, relations


def investigated(text: str) -> list[tuple]:
    by_ref, relations = read(text)
    return [(by_ref[r.subject].text, by_ref[r.subject].label, r.status, r.qualifiers.get("matter"))
            for r in relations if r.kind == "investigated"]


# -- investigated: denied forms

@pytest.mark.parametrize("text,matter", [
    ("Brightwater Holdings Ltd has not been investigated for fraud.", "fraud"),
    ("Brightwater Holdings Ltd hasn't been investigated for fraud.", "fraud"),
    ("Brightwater Holdings Ltd was never investigated for bribery.", "bribery"),
    ("Brightwater Holdings Ltd has never been under investigation for bribery.", "bribery"),
])
def test_not_or_never_investigated_is_a_denied_investigation(text, matter):
    assert investigated(text) == [("Brightwater Holdings Ltd", "Organization", "denied", matter)]


@pytest.mark.parametrize("text", [
    "Brightwater Holdings Ltd is being investigated for fraud.",
    "Brightwater Holdings Ltd has been investigated for fraud.",
    "Brightwater Holdings Ltd is under investigation for fraud.",
])
def test_investigated_without_a_negation_is_asserted(text):
    assert investigated(text) == [("Brightwater Holdings Ltd", "Organization", "asserted", "fraud")]


@pytest.mark.parametrize("text", [
    "Brightwater Holdings Ltd has investigated fraud.",  # the firm investigates
    "Brightwater Holdings Ltd was not involved; the fraud was investigated by the police.",
    "Brightwater Holdings Ltd has not been paid for the work.",
])
def test_no_investigation_of_the_firm(text):
    assert investigated(text) == []


# -- investigated: an opening name the entity pass missed

@pytest.mark.parametrize("text,name,label", [
    ("Harbourline kss being investigated for fraud, this government is gaining a reputation.", "Harbourline",
     "Organization"),
    ("Harbourline is being investigated for fraud.", "Harbourline", "Organization"),
    ("Mary Kelt is being investigated over bribery.", "Mary Kelt", "Person"),
])
def test_an_opening_name_being_investigated_is_the_one_investigated(text, name, label):
    assert [f[:3] for f in investigated(text)] == [(name, label, "asserted")]


@pytest.mark.parametrize("text", [
    "The firm is being investigated for fraud.",  # no name
    "Nobody is being investigated for fraud.",
    "They said Harbourline investigated for fraud.",  # no auxiliary: not said to be investigated
])
def test_no_name_made_up_for_an_investigation(text):
    assert investigated(text) == []


# -- a role standing for its holder: former or current

def holder_posts(text: str) -> list[tuple]:
    by_ref, relations = read(text)
    return [(by_ref[r.subject].text, r.qualifiers.get("role"), r.qualifiers.get("current"))
            for r in relations if r.kind == "post" and r.rule == "post.of"]


@pytest.mark.parametrize("text,role", [
    ("Brightwater Holdings Ltd sued its former chairman.", "chairman"),
    ("Jane Holloway married the former Home Secretary.", "Home Secretary"),
    ("Brightwater Holdings Ltd sued the ex-Chief Constable of Northmoor Police.", "Chief Constable"),
])
def test_a_former_role_standing_for_its_holder_is_a_past_post(text, role):
    got = holder_posts(text)
    assert got and all(cur is False for _, r, cur in got if r == role), got


@pytest.mark.parametrize("text,role", [
    ("Jane Holloway married the Home Secretary.", "Home Secretary"),
    ("Jane Holloway, a former nurse, married the Home Secretary.", "Home Secretary"),  # another's past
])
def test_a_role_standing_for_its_holder_is_current_without_former(text, role):
    got = holder_posts(text)
    assert got and all(cur is True for _, r, cur in got if r == role), got


# -- "the government" unnamed: a generic body

@pytest.mark.parametrize("text", [
    "Harbourline Ltd is part owned by the government.",
    "The government owns Harbourline Ltd.",
])
def test_an_owner_named_only_as_the_government_is_a_generic_public_body(text):
    by_ref, relations = read(text)
    owners = [by_ref[r.object] for r in relations if r.kind == "owned_by"]
    assert [(m.text.lower(), m.kind, m.attrs.get("generic")) for m in owners] == [("government", "government", True)]


def test_a_named_owner_is_not_generic():
    by_ref, relations = read("Harbourline Ltd is part owned by Brightwater Holdings.")
    owners = [by_ref[r.object] for r in relations if r.kind == "owned_by"]
    assert [m.text for m in owners] == ["Brightwater Holdings"]
    assert not owners[0].attrs.get("generic")


def test_the_government_as_a_subject_of_no_ownership_is_no_organisation():
    by_ref, _ = read("The government had taken its time with the reforms, Harbourline Ltd said.")
    assert not [m for m in by_ref.values() if m.text.lower().endswith("government")]


# -- posts: DWIE forms

def post_facts(monkeypatch, text, names):
    from tests.test_relations_gates import facts_with
    return [f for f in facts_with(monkeypatch, text, names) if f[0] == "post"]


P, O, L = "Person", "Organization", "Place"


@pytest.mark.parametrize("text", [
    "They urged the new president of the Northmoor Assembly, Tomas Vell, to write to them.",
    "They urged the current president of the Northmoor Assembly, Tomas Vell, to write to them.",
])
def test_the_new_role_of_a_body_then_a_name_is_a_post(monkeypatch, text):
    found = post_facts(monkeypatch, text, [("Northmoor Assembly", O), ("Tomas Vell", P)])
    assert ("post", "Tomas Vell", "Northmoor Assembly", "post.apposition") in found


def test_the_former_role_of_a_body_then_a_name_is_a_past_post():
    by_ref, relations = read("They urged the former president of the Northmoor Assembly, Tomas Vell, to write.")
    got = [(by_ref[r.subject].text, by_ref[r.object].text, r.qualifiers.get("current"))
           for r in relations if r.kind == "post" and r.rule == "post.apposition"]
    assert got == [("Tomas Vell", "Northmoor Assembly", False)]


def test_a_role_of_a_body_then_a_name_that_is_not_set_off_is_no_apposition(monkeypatch):
    # "the new president of X" followed by a verb, not a name set off by commas
    found = post_facts(monkeypatch, "The new president of the Northmoor Assembly met Tomas Vell.",
                       [("Northmoor Assembly", O), ("Tomas Vell", P)])
    assert not [f for f in found if f[1] == "Tomas Vell"]


def test_a_person_typed_as_an_organisation_before_director_of_holds_the_post(monkeypatch):
    found = post_facts(monkeypatch, "Henrik Maelsen, director of the Coastal Rights Institute, said fears played a role.",
                       [("Henrik Maelsen", O), ("Coastal Rights Institute", O)])
    assert ("post", "Henrik Maelsen", "Coastal Rights Institute", "post.apposition") in found


@pytest.mark.parametrize("text,names", [
    # one word: a place, a ministry, a club - not a person
    ("They held Finance and Interior, became president of the Northmoor Assembly, and left.",
     [("Interior", O), ("Northmoor Assembly", O)]),
    # a house after "of" is no person
    ("Albert of Brandwick-Ansel, a member of a cadet branch of the Hollers, ruled.",
     [("Albert", P), ("Brandwick-Ansel", O), ("Hollers", O)]),
    # an institution's name is no person
    ("Harbour Trust, a member of the Northmoor Assembly, objected.", [("Harbour Trust", O), ("Northmoor Assembly", O)]),
])
def test_an_organisation_that_is_no_full_name_holds_no_post(monkeypatch, text, names):
    found = post_facts(monkeypatch, text, names)
    assert not [f for f in found if f[1] in ("Interior", "Brandwick-Ansel", "Harbour Trust")]


@pytest.mark.parametrize("text", [
    "Harbour Bank heads Jon Fitsch and Anu Jainer are promoting a strategy.",
    "Harbour Bank heads Jon Fitsch und Anu Jainer are promoting a strategy.",
])
def test_a_plural_role_before_a_list_of_names_is_a_post_each(monkeypatch, text):
    found = post_facts(monkeypatch, text, [("Harbour Bank", O), ("Jon Fitsch", P), ("Anu Jainer", P)])
    assert ("post", "Jon Fitsch", "Harbour Bank", "post.title_name") in found
    assert ("post", "Anu Jainer", "Harbour Bank", "post.title_name") in found


def test_a_singular_role_before_two_names_is_the_first_ones_post_only(monkeypatch):
    found = post_facts(monkeypatch, "Harbour Bank chairman Jon Fitsch and Anu Jainer spoke.",
                       [("Harbour Bank", O), ("Jon Fitsch", P), ("Anu Jainer", P)])
    assert ("post", "Jon Fitsch", "Harbour Bank", "post.title_name") in found
    assert not [f for f in found if f[1] == "Anu Jainer"]


# -- journalist is a role head

def test_a_journalist_at_a_paper_holds_a_post(monkeypatch):
    found = post_facts(monkeypatch, "It is a small island, said Chris Yarrow, a journalist at the local daily Harbour Gazette.",
                       [("Chris Yarrow", P), ("Harbour Gazette", O)])
    assert ("post", "Chris Yarrow", "Harbour Gazette", "post.apposition") in found


def test_a_journalist_writing_about_a_paper_holds_no_post_there(monkeypatch):
    found = post_facts(monkeypatch, "Chris Yarrow, a journalist, wrote about the Harbour Gazette.",
                       [("Chris Yarrow", P), ("Harbour Gazette", O)])
    assert not [f for f in found if f[2] == "Harbour Gazette"]


def test_a_parent_named_with_a_role_in_an_affair_is_still_a_parent(monkeypatch):
    from tests.test_relations_gates import facts_with
    text = ("Ravi Sen was born in 1980 in Halden out of an affair between Omar Dase, the governor of "
            "Estland's north province, and Estland's renowned journalist Tara Vell.")
    found = facts_with(monkeypatch, text, [("Ravi Sen", P), ("Halden", L), ("Omar Dase", P), ("Estland", L),
                                           ("Estland", L), ("Tara Vell", P)])
    assert ("family", "Ravi Sen", "Omar Dase", "family.born_to") in found
    assert ("family", "Ravi Sen", "Tara Vell", "family.born_to") in found
