"""Resolution within a thread: a company's bare short form the model typed as a person, a body the
text calls "the council" / "the trust", and a surname alone (invented names)."""
from __future__ import annotations

from decimal import Decimal

from graph.model import Relation
from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def org(text, **kw):
    return mention(text, "Organization", **kw)


# -- a bare short form typed Person ("When Quillmore took over the labs")

def test_a_short_form_typed_person_joins_the_one_company_of_its_thread_starting_with_it():
    full, short, again = org("Quillmore Health plc", kind="company"), mention("Quillmore"), mention("Quillmore")
    entities, _, merges = resolve([full, short, again], [])
    e = entity_of(entities, short)
    assert e.key == "org:quillmore health" and entity_of(entities, again) is e
    assert not [x for x in entities.values() if x.type == "Person"]
    assert reasons(merges)[("Quillmore Health plc", "Quillmore")] == "short form of"


def test_a_short_form_typed_person_stays_when_two_companies_start_with_it():
    a, b, short = org("Quillmore Health plc"), org("Quillmore Labs Ltd"), mention("Quillmore")
    entities, _, _ = resolve([a, b, short], [])
    assert entity_of(entities, short).type == "Person"


def test_a_word_a_person_of_the_thread_is_named_with_is_not_a_short_form():
    # "Bramwell" is the surname of a person named in full in the thread: that person, not the firm
    firm, person, short = org("Bramwell Carpets Ltd"), mention("Ivo Bramwell"), mention("Bramwell")
    entities, _, _ = resolve([firm, person, short], [])
    assert entity_of(entities, short).key == "person:ivo bramwell"


def test_a_common_first_name_typed_person_is_not_a_short_form():
    firm, short = org("Douglas Zelltec Ltd", kind="company"), mention("Douglas")
    entities, _, _ = resolve([firm, short], [])
    assert entity_of(entities, short).type == "Person"


def test_a_word_a_rule_typed_person_is_left_alone():
    firm, titled = org("Quillmore Health plc"), mention("Quillmore", title="Mr")
    titled.source = "rule.title"
    entities, _, _ = resolve([firm, titled], [])
    assert entity_of(entities, titled).type == "Person"


def test_the_first_word_of_a_body_named_after_a_place_is_not_its_short_form():
    # "Westby Parliament", "the Westby Post": the bare word is the place
    for kind in ("government", "media"):
        body, short = org("Zarnovia Parliament", kind=kind), mention("Zarnovia")
        entities, _, _ = resolve([body, short], [])
        assert entity_of(entities, short).type == "Person", kind


def test_the_models_other_guesses_for_the_word_follow_its_person_guess():
    # the model typed the one bare name Person here, Place there
    firm, as_person, as_place = org("Quillmore Health plc"), mention("Quillmore"), mention("Quillmore", "Place")
    entities, _, _ = resolve([firm, as_person, as_place], [])
    assert entity_of(entities, as_place) is entity_of(entities, as_person) is entity_of(entities, firm)


def test_two_names_run_together_with_a_comma_are_no_second_candidate():
    # "shortlisted: Quillmore, Brackley Labs Ltd and ...": the model's one span is two names
    firm, joined, short = org("Quillmore Health plc"), org("Quillmore, Brackley Labs Ltd"), mention("Quillmore")
    entities, _, _ = resolve([firm, joined, short], [])
    assert entity_of(entities, short).key == "org:quillmore health"


def test_a_short_form_typed_place_is_left_alone():
    # measured on the dev sets: a one-word name typed Place before a longer organisation starting
    # with it was a real place more often than a short form ("Berlin" / "Berlin Philharmonic")
    firm, short = org("Quillmore Health plc"), mention("Quillmore", "Place")
    entities, _, _ = resolve([firm, short], [])
    assert entity_of(entities, short).type == "Place"


def test_a_short_form_in_another_thread_is_not_joined():
    firm, short = org("Quillmore Health plc", thread="t1"), mention("Quillmore", thread="t2")
    entities, _, _ = resolve([firm, short], [])
    assert entity_of(entities, short).type == "Person"


# -- a body the text calls "the council", "the trust"

def test_the_council_joins_the_only_council_of_its_thread():
    full, generic = org("Westby Borough Council"), org("council")
    entities, _, merges = resolve([full, generic], [])
    assert entity_of(entities, generic).key == "org:westby borough council"
    assert reasons(merges)[("Westby Borough Council", "council")] == "the only council of its thread"


def test_the_trust_joins_the_only_trust_even_when_another_kind_of_body_is_named():
    trust, council, generic = org("Calder Valley Hospitals Trust"), org("Westby Borough Council"), org("the trust")
    entities, _, _ = resolve([trust, council, generic], [])
    assert entity_of(entities, generic).key == "org:calder valley hospitals trust"


def test_a_post_at_the_council_is_a_post_at_the_only_council_of_the_thread():
    # "The council's Director of Environment, Kara Ashby": the relation layer gives "council" as
    # the organisation end; resolution makes it the council the thread names in full
    full, person, generic = org("Westby Borough Council"), mention("Kara Ashby"), org("council")
    post = Relation(kind="post", subject=person.ref, object=generic.ref, evidence=person.evidence,
                    rule="post.test", confidence=0.8,
                    qualifiers={"role": "Director of Environment", "current": True})
    _, rels, _ = resolve([full, person, generic], [post])
    assert [(r.subject, r.object) for r in rels] == [("person:kara ashby", "org:westby borough council")]


def test_the_council_with_two_councils_in_the_thread_stays_apart_and_is_logged():
    a, b, generic = org("Westby Borough Council"), org("Calder District Council"), org("council")
    entities, _, merges = resolve([a, b, generic], [])
    assert entity_of(entities, generic).key == "org:council"
    assert any(d.merged_apart and d.merged == "council" for d in merges)


def test_the_council_with_no_council_named_stays_as_it_is():
    other, generic = org("Quillmore Health plc"), org("council")
    entities, _, _ = resolve([other, generic], [])
    assert entity_of(entities, generic).key == "org:council"


def test_the_council_of_one_thread_is_not_the_council_of_another():
    a = org("Westby Borough Council", thread="t1")
    g1, g2 = org("council", thread="t1"), org("council", thread="t2")
    entities, _, _ = resolve([a, g1, g2], [])
    assert entity_of(entities, g1).key == "org:westby borough council"
    assert entity_of(entities, g2).key != "org:westby borough council"


def test_the_board_and_the_government_are_not_generic_bodies_to_join():
    # "the board" is most often a company's board of directors; "the government" the national one
    for word, full in (("board", "Calder Integrated Care Board"), ("government", "Zarnovian Government")):
        body, generic = org(full), org(word)
        entities, _, _ = resolve([body, generic], [])
        assert entity_of(entities, generic).key == f"org:{word}", word


# -- a surname alone

def test_a_surname_the_model_typed_place_joins_the_person_named_in_full():
    # "one of Quellby's mates", with "Cllr Derwent Quellby" named earlier in the thread
    full, bare = mention("Derwent Quellby"), mention("Quellby's", "Place")
    entities, _, _ = resolve([full, bare], [])
    assert entity_of(entities, bare).key == "person:derwent quellby"


def test_the_government_a_thread_names_only_by_that_word_is_its_own_in_each_thread():
    a = mention("government", "Organization", thread="t1", attrs={"generic": True}, kind="government")
    b = mention("government", "Organization", thread="t2", attrs={"generic": True}, kind="government")
    c = mention("government", "Organization", thread="t1", attrs={"generic": True}, kind="government")
    firm = mention("Quillon Rail", "Organization", thread="t1")
    owned = [Relation(kind="owned_by", subject=firm.ref, object=m.ref, evidence=m.evidence, rule="owned.test",
                      confidence=Decimal("0.8"), qualifiers={"share": "part"}) for m in (a, b, c)]
    entities, relations, _ = resolve([a, b, c, firm], owned)
    assert entity_of(entities, a) is entity_of(entities, c)
    assert entity_of(entities, a) is not entity_of(entities, b)
    # a body named only by its noun that no fact is told of is no entity
    entities, _, _ = resolve([a, b, c, firm], [])
    assert list(entities) == ["org:quillon rail"]


def test_a_post_at_a_body_its_thread_cannot_name_keeps_the_role_only():
    karen = mention("Karen Ashby")
    body = mention("council", "Organization", attrs={"generic": True}, kind="government")
    one, two = mention("Westby Council", "Organization"), mention("Eastby Council", "Organization")
    post = Relation(kind="post", subject=karen.ref, object=body.ref, evidence=karen.evidence, rule="post.test",
                    confidence=Decimal("0.8"), qualifiers={"role": "Director of Environment", "current": True})
    entities, relations, _ = resolve([karen, body, one, two], [post])
    assert [(r.subject, r.object) for r in relations] == [("person:karen ashby", None)]
    assert not any(e.name == "council" for e in entities.values())
    entities, relations, _ = resolve([karen, body, one], [post])
    assert [(r.subject, r.object) for r in relations] == [("person:karen ashby", "org:westby council")]


def test_a_one_word_company_name_joins_the_one_company_of_its_thread_with_a_legal_form():
    full, short = mention("Quillco Health plc", "Organization"), mention("Quillco", "Organization")
    entities, _, merges = resolve([full, short], [])
    assert entity_of(entities, short) is entity_of(entities, full)
    assert reasons(merges)[("Quillco Health plc", "Quillco")] == "short form of"


def test_a_one_word_name_stays_apart_from_a_longer_name_that_is_no_company_or_is_not_the_only_one():
    for longer in (["Quillco Officer Group"], ["Quillco Pictures"], ["Quillco Health plc", "Quillco Rail Ltd"]):
        names = [mention(n, "Organization") for n in longer]
        short = mention("Quillco", "Organization")
        entities, _, _ = resolve(names + [short], [])
        assert all(entity_of(entities, short) is not entity_of(entities, n) for n in names), longer
