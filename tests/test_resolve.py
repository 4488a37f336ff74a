"""Entity resolution: which names become one entity, which stay apart, and why (invented names)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from graph.model import Evidence, Mention, Relation
from graph.resolve import norm_name, resolve

_pos = {"n": 0}


def mention(text, label="Person", thread="t1", message="post", title=None, expansion=None, kind=None, attrs=None):
    _pos["n"] += 100
    start = _pos["n"]
    ev = Evidence(thread=thread, message=message, start=start, end=start + len(text), quote=text,
                  sentence_start=start, sentence_end=start + len(text))
    m = Mention(text=text, label=label, evidence=ev, expansion=expansion, kind=kind, attrs=dict(attrs or {}))
    if title:
        m.attrs["title"] = title
    return m


def entity_of(entities, m):
    for e in entities.values():
        if any(x.ref == m.ref for x in e.mentions):
            return e
    return None


def reasons(merges):
    return {(d.kept, d.merged): d.reason for d in merges}


# -- people

def test_titled_and_surname_mentions_join_the_full_name_in_their_thread():
    full, titled, bare = mention("Tom Bramble"), mention("Bramble", title="Mr"), mention("Bramble")
    entities, _, merges = resolve([full, titled, bare], [])
    assert len(entities) == 1
    e = entities["person:tom bramble"]
    assert e.name == "Tom Bramble" and {"Bramble", "Mr Bramble"} <= e.aliases
    assert reasons(merges)[("Tom Bramble", "Bramble")] == "surname of"


def test_first_name_joins_the_unique_full_name_in_the_thread():
    a, b = mention("Anna Quillfeather"), mention("Anna")
    entities, _, merges = resolve([a, b], [])
    assert entity_of(entities, b).key == "person:anna quillfeather"
    assert reasons(merges)[("Anna Quillfeather", "Anna")] == "first name of"


def test_two_people_sharing_a_surname_leave_the_bare_surname_ambiguous():
    tom, ann, bare = mention("Tom Bramble"), mention("Ann Bramble"), mention("Bramble")
    entities, _, merges = resolve([tom, ann, bare], [])
    assert set(entities) == {"person:tom bramble", "person:ann bramble"}
    assert entity_of(entities, bare) is None
    apart = [d for d in merges if d.merged_apart]
    assert apart and apart[0].merged == "Bramble" and "ambiguous" in apart[0].reason


def test_the_title_gender_picks_between_two_namesakes():
    tom, ann = mention("Tom Bramble", title="Mr"), mention("Ann Bramble", title="Ms")
    mr, ms = mention("Bramble", title="Mr"), mention("Bramble", title="Ms")
    entities, _, _ = resolve([tom, ann, mr, ms], [])
    assert entity_of(entities, mr).name == "Tom Bramble"
    assert entity_of(entities, ms).name == "Ann Bramble"


def test_mr_and_ms_with_the_same_surname_and_no_full_name_stay_two_people():
    mr, ms = mention("Bramble", title="Mr"), mention("Bramble", title="Ms")
    entities, _, merges = resolve([mr, ms], [])
    assert len(entities) == 2
    assert any(d.merged_apart and "gender clash" in d.reason for d in merges)


def test_surname_resolves_across_threads_when_no_full_name_in_its_own():
    full, bare = mention("Tom Bramble", thread="t1"), mention("Bramble", thread="t2")
    entities, _, merges = resolve([full, bare], [])
    assert len(entities) == 1
    assert reasons(merges)[("Tom Bramble", "Bramble")] == "surname of, other thread"


def test_possessive_without_apostrophe_joins_the_person():
    full, poss = mention("Tom Bramble"), mention("Brambles")
    entities, _, _ = resolve([full, poss], [])
    assert len(entities) == 1


def test_near_miss_surname_spelling_merges_but_a_different_first_name_does_not():
    a, b, c = mention("Anna Quillfeather"), mention("Anna Quilfeather"), mention("Hanna Quillfeather")
    entities, _, merges = resolve([a, a, b, c], [])
    assert entity_of(entities, a) is entity_of(entities, b)
    assert entity_of(entities, c) is not entity_of(entities, a)
    assert any(d.reason.startswith("fuzzy") for d in merges)


def test_person_keys_are_deterministic_and_readable():
    ms = [mention("Tom Bramble"), mention("TOM BRAMBLE", thread="t2")]
    first, _, _ = resolve(ms, [])
    again, _, _ = resolve(list(reversed(ms)), [])
    assert list(first) == ["person:tom bramble"] and set(again) == set(first)


# -- organisations

def test_case_punctuation_ampersand_the_and_legal_form_variants_are_one_organisation():
    ms = [mention(t, "Organization") for t in
          ("Bramble & Hale Ltd", "BRAMBLE AND HALE", "the Bramble & Hale", "Bramble & Hale's")]
    entities, _, merges = resolve(ms, [])
    assert len(entities) == 1
    e = next(iter(entities.values()))
    assert e.key == "org:bramble and hale" and len(e.aliases) == 3
    assert all(d.reason == "variant" for d in merges)


def test_acronym_defined_in_text_joins_its_expansion_even_when_never_spelt_out_again():
    acr = mention("QFA", "Organization", expansion="Quillon Fisheries Agency")
    entities, _, merges = resolve([acr], [])
    e = next(iter(entities.values()))
    assert e.name == "Quillon Fisheries Agency" and "QFA" in e.aliases
    assert reasons(merges)[("Quillon Fisheries Agency", "QFA")] == "acronym defined"


def test_acronym_joins_the_unique_name_with_its_initials():
    long, acr, other = (mention("Ministry of Fisheries", "Organization"), mention("MoF", "Organization"),
                        mention("Westby Council", "Organization"))
    entities, _, merges = resolve([long, acr, other], [])
    assert entity_of(entities, acr).name == "Ministry of Fisheries"
    assert reasons(merges)[("Ministry of Fisheries", "MoF")] == "initials of"


def test_acronym_with_two_candidate_expansions_stays_apart():
    a, b, acr = (mention("Westby Metro Council", "Organization"), mention("Westby Motor Club", "Organization"),
                 mention("WMC", "Organization"))
    entities, _, _ = resolve([a, b, acr], [])
    assert len(entities) == 3


def test_near_miss_organisation_spelling_merges_only_within_a_type():
    a, b = mention("Quillon Holdings", "Organization"), mention("Quilon Holdings", "Organization")
    p = mention("Quillon Holding", "Place")
    entities, _, _ = resolve([a, a, b, p], [])
    assert entity_of(entities, a) is entity_of(entities, b)
    assert entity_of(entities, p) is not entity_of(entities, a)


def test_different_numbers_are_different_organisations():
    a, b = mention("Westby Academy 1", "Organization"), mention("Westby Academy 2", "Organization")
    entities, _, _ = resolve([a, b], [])
    assert len(entities) == 2


def test_type_vote_fixes_a_name_the_model_typed_inconsistently():
    ms = [mention("Zenquill", "Organization"), mention("Zenquill", "Organization"), mention("Zenquill", "Person")]
    entities, _, merges = resolve(ms, [])
    assert [e.type for e in entities.values()] == ["Organization"]
    assert any("type vote" in d.reason for d in merges)


def test_organisation_kind_is_the_most_common_known_kind():
    ms = [mention("Westby Council", "Organization", kind="government"),
          mention("Westby Council", "Organization", kind="other")]
    entities, _, _ = resolve(ms, [])
    assert next(iter(entities.values())).kind == "government"


# -- contracts

def test_contracts_resolve_by_subject_and_buyer_and_merge_attributes():
    a = mention("domestic travel contract", "Contract", attrs={"buyer": "Ministry of Fisheries", "value": 5,
                                                               "lots": ["north"]})
    b = mention("Domestic travel contract", "Contract", thread="t2",
                attrs={"buyer": "ministry of fisheries", "term_years": 3, "lots": ["south"]})
    c = mention("domestic travel contract", "Contract", attrs={"buyer": "Westby Council"})
    entities, _, _ = resolve([a, b, c], [])
    assert len(entities) == 2
    k = entity_of(entities, a)
    assert k is entity_of(entities, b)
    assert k.attrs == {"buyer": "Ministry of Fisheries", "value": 5, "lots": ["north", "south"], "term_years": 3}
    assert k.key.startswith("contract:domestic travel contract")


# -- relations

def test_relations_get_entity_keys_and_unresolved_ends_drop_the_relation():
    # (both Brambles named before the bare "Bramble": it stays ambiguous)
    tom, zen, ann, bare = (mention("Tom Bramble"), mention("Zenith Motors", "Organization"), mention("Ann Bramble"),
                           mention("Bramble"))

    def rel(s, o):
        return Relation(kind="post", subject=s.ref, object=o.ref if o else None, evidence=s.evidence,
                        rule="post.test", confidence=Decimal("0.9"))

    entities, relations, _ = resolve([tom, zen, bare, ann], [rel(tom, zen), rel(bare, zen), rel(tom, None)])
    assert [(r.subject, r.object) for r in relations] == [("person:tom bramble", "org:zenith motors"),
                                                          ("person:tom bramble", None)]


# -- overrides

def test_overrides_merge_and_keep_apart(tmp_path):
    path = tmp_path / "overrides.toml"
    path.write_text('[[merge]]\nnames = ["Zenquill Group", "ZQG Holdings"]\n\n'
                    '[[keep_apart]]\nnames = ["Quillon Holdings", "Quilon Holdings"]\n')
    ms = [mention("Zenquill Group", "Organization"), mention("ZQG Holdings", "Organization"),
          mention("Quillon Holdings", "Organization"), mention("Quilon Holdings", "Organization")]
    entities, _, merges = resolve(ms, [], overrides=path)
    assert entity_of(entities, ms[0]) is entity_of(entities, ms[1])
    assert entity_of(entities, ms[2]) is not entity_of(entities, ms[3])
    assert any(d.reason == "override" for d in merges)
    assert any(d.merged_apart and "keep apart" in d.reason for d in merges)


def test_bad_overrides_file_is_a_clear_error(tmp_path):
    path = tmp_path / "overrides.toml"
    path.write_text('[[merge]]\nnames = "just one"\n')
    with pytest.raises(ValueError, match="names"):
        resolve([mention("Tom Bramble")], [], overrides=path)
    path.write_text("[[merge]\n")
    with pytest.raises(ValueError, match="cannot read overrides"):
        resolve([mention("Tom Bramble")], [], overrides=path)


def test_roles_are_not_entities():
    entities, _, _ = resolve([mention("Deputy Managing Director", "Role")], [])
    assert entities == {}


def test_norm_name_variants():
    assert norm_name("The Bramble & Hale Ltd.", "Organization") == "bramble and hale"
    assert norm_name("Mr Tom Bramble's", "Person") == "tom bramble"
    assert norm_name("Westby’s", "Place") == "westby"


def test_a_common_first_name_gives_the_gender_that_picks_the_namesake():
    tom, ann, mr, ms = mention("Tom Bramble"), mention("Ann Bramble"), mention("Bramble", title="Mr"), \
        mention("Bramble", title="Mrs")
    entities, _, _ = resolve([tom, ann, mr, ms], [])
    assert entity_of(entities, mr).name == "Tom Bramble"
    assert entity_of(entities, ms).name == "Ann Bramble"


def test_relations_only_organisations_have_vote_for_the_organisation_type():
    old, new, again = (mention("Zenquill", "Person"), mention("Brackwater Group", "Organization"),
                       mention("Zenquill", "Organization"))
    rel = Relation(kind="renamed", subject=old.ref, object=new.ref, evidence=old.evidence, rule="renamed.test",
                   confidence=Decimal("0.8"))
    entities, relations, merges = resolve([old, new, again], [rel])
    assert entity_of(entities, old).type == "Organization"
    assert entity_of(entities, old) is entity_of(entities, again)
    assert relations[0].subject == "org:zenquill"


def test_merge_log_shows_the_title_and_has_no_repeats():
    ms = [mention("Tom Bramble"), mention("Bramble", title="Mr"), mention("Bramble", title="Mr"),
          mention("Tom Bramble", thread="t2"), mention("Bramble", thread="t2")]
    _, _, merges = resolve(ms, [])
    merged = [d.merged for d in merges]
    assert "Mr Bramble" in merged and len(merged) == len(set((d.merged, d.reason) for d in merges))


def test_acronym_of_a_name_with_an_all_caps_word_uses_all_its_letters():
    long, acr = mention("UK Fishing Services", "Organization"), mention("UKFS", "Organization")
    entities, _, _ = resolve([long, acr], [])
    assert entity_of(entities, acr) is entity_of(entities, long)


def test_a_type_given_by_a_context_rule_outweighs_one_model_guess():
    ruled = mention("Zenquill", "Organization")
    ruled.source = "rule.descriptor"
    guess = mention("Zenquill", "Person", thread="t2")
    entities, _, _ = resolve([ruled, guess], [])
    assert [e.type for e in entities.values()] == ["Organization"]


def test_a_contract_told_without_its_buyer_joins_the_one_with_a_known_buyer():
    known = mention("travel contract", "Contract", attrs={"buyer": "Ministry of Fisheries", "value": 5})
    bare = mention("travel contract", "Contract", attrs={"term_years": 3})
    other_thread = mention("travel contract", "Contract", thread="t9", attrs={"buyer": "Westby Council"})
    entities, _, merges = resolve([known, bare, other_thread], [])
    assert entity_of(entities, bare) is entity_of(entities, known)
    assert entity_of(entities, bare).attrs == {"buyer": "Ministry of Fisheries", "value": 5, "term_years": 3}
    assert any(d.reason == "same subject, buyer known" for d in merges)
    two_buyers, _, _ = resolve([mention("bus contract", "Contract", thread="t5", attrs={"buyer": "A Council"}),
                                mention("bus contract", "Contract", thread="t6", attrs={"buyer": "B Council"}),
                                mention("bus contract", "Contract", thread="t7")], [])
    assert len(two_buyers) == 3  # which one? unknown: kept apart


def test_contracts_known_only_as_the_bidders_stay_one_per_message():
    unnamed = {"unnamed": True, "lots": ()}
    a = mention("an unnamed contract", "Contract", thread="t1", message="c1", attrs=unnamed)
    b = mention("an unnamed contract", "Contract", thread="t2", message="c4", attrs=unnamed)
    c = mention("an unnamed contract", "Contract", thread="t1", message="c1", attrs=unnamed)
    entities, _, _ = resolve([a, b, c], [])
    assert entity_of(entities, a) is entity_of(entities, c)
    assert entity_of(entities, a) is not entity_of(entities, b)
    assert all(" #" not in k for k in entities)  # the key stays a readable contract key


def test_refs_inside_qualifiers_become_entity_keys_and_unresolved_ones_are_left_out():
    lob, client, firm, ann, bare = (mention("Tom Bramble"), mention("Zenith Motors", "Organization"),
                                    mention("Quillon Holdings", "Organization"), mention("Ann Bramble"),
                                    mention("Bramble"))
    client2 = mention("Zenith Motors Ltd", "Organization")
    lobbied = Relation(kind="lobbied", subject=lob.ref, object=firm.ref, evidence=lob.evidence, rule="lobby.test",
                       confidence=Decimal("0.5"), qualifiers={"on_behalf_of": client.ref})
    lost = Relation(kind="lobbied", subject=lob.ref, object=firm.ref, evidence=lob.evidence, rule="lobby.test",
                    confidence=Decimal("0.5"), qualifiers={"on_behalf_of": bare.ref})
    coi = Relation(kind="coi_stated", subject=lob.ref, object=firm.ref, evidence=lob.evidence, rule="coi.stated",
                   confidence=Decimal("0.5"),
                   qualifiers={"entities": [lob.ref, firm.ref, bare.ref, client.ref, client2.ref, None]})
    _, relations, _ = resolve([lob, client, firm, bare, ann, client2], [lobbied, lost, coi])
    by_kind = [(r.kind, r.qualifiers) for r in relations]
    assert by_kind == [
        ("lobbied", {"on_behalf_of": "org:zenith motors"}),
        ("lobbied", {}),  # the client was the ambiguous bare "Bramble": no link rather than a wrong one
        ("coi_stated", {"entities": ["person:tom bramble", "org:quillon holdings", "org:zenith motors"]}),
    ]
    assert lobbied.qualifiers == {"on_behalf_of": client.ref}  # the input relation is not changed


def test_a_surname_the_model_tagged_as_an_organisation_joins_the_person_in_its_thread():
    full, org = mention("Janice Quillfeather"), mention("Quillfeather", "Organization")
    other_thread = mention("Quillfeather", "Organization", thread="t2")
    entities, _, merges = resolve([full, org, other_thread], [])
    assert entity_of(entities, org).key == "person:janice quillfeather"
    assert entity_of(entities, other_thread).type == "Organization"  # no such person in that thread
    assert any("surname of a person in the thread" in d.reason for d in merges)


def test_a_surname_typed_as_an_organisation_by_a_rule_stays_an_organisation():
    full = mention("Janice Quillfeather")
    ruled = mention("Quillfeather", "Organization")
    ruled.source = "rule.org_head"
    entities, _, _ = resolve([full, ruled], [])
    assert entity_of(entities, ruled).type == "Organization"


def test_the_preferred_name_is_the_one_written_with_capitals():
    a, b = mention("Working lanterns", "Organization"), mention("Working Lanterns", "Organization")
    entities, _, _ = resolve([a, b], [])
    assert [e.name for e in entities.values()] == ["Working Lanterns"]


# -- short forms, classes of organisations, names the model split in two

def _at(m, message, start, source="ner"):
    ev = Evidence(thread=m.evidence.thread, message=message, start=start, end=start + len(m.text), quote=m.text,
                  sentence_start=start, sentence_end=start + len(m.text))
    return Mention(text=m.text, label=m.label, evidence=ev, source=source)


def test_a_word_the_model_cut_off_a_longer_name_is_its_short_form_in_the_thread():
    full = mention("Zandor Travel", "Organization", message="c1")
    cut = _at(mention("Zandor", "Organization"), "c2", 10)  # the model's "Zandor" of "Zandor travel"
    wide = _at(mention("Zandor travel", "Organization"), "c2", 10, source="rule.thread_name")
    later = _at(mention("Zandor", "Organization"), "c3", 40, source="rule.thread_name")  # "the Zandor service"
    entities, _, merges = resolve([full, cut, wide, later], [])
    assert len(entities) == 1
    e = entities["org:zandor travel"]
    assert {"Zandor", "Zandor travel"} <= e.aliases and cut.ref not in {m.ref for m in e.mentions}
    assert reasons(merges)[("Zandor Travel", "Zandor")] == "short form of"


def test_a_company_and_its_division_stay_apart_when_the_model_never_cut_one_short():
    parent = mention("Zandor", "Organization")
    division = mention("Zandor Justice Services", "Organization")
    entities, _, _ = resolve([parent, division, mention("Zandor", "Organization")], [])
    assert {e.name for e in entities.values()} == {"Zandor", "Zandor Justice Services"}


def test_a_plural_name_for_a_class_of_bodies_and_its_acronyms_are_no_entity():
    plural = mention("Regional Quill Trusts", "Organization")
    acro = mention("RQTs", "Organization", expansion="Regional Quill Trusts")
    single = mention("RQT", "Organization")  # "the RQT I work for": one of the class, unnamed
    one = mention("Westby Quill Trust", "Organization")  # a named member of the class is kept
    system = mention("Westby Colleges & Universities", "Organization")  # one body with a plural name
    entities, _, _ = resolve([plural, acro, single, one, system], [])
    assert {e.name for e in entities.values()} == {"Westby Quill Trust", "Westby Colleges & Universities"}


def test_two_names_side_by_side_that_an_organisation_joins_are_that_organisation():
    firm = mention("Quillon & Bramwick", "Organization", thread="t1")
    a = mention("Quillon", thread="t2", message="c1")
    b = _at(mention("Bramwick"), "c1", a.evidence.end + len(" and "))
    b.evidence = replace(b.evidence, thread="t2")
    entities, _, merges = resolve([firm, a, b], [])
    assert len(entities) == 1
    e = next(iter(entities.values()))
    assert e.type == "Organization" and {"Quillon and Bramwick", "Quillon & Bramwick"} == {e.name} | e.aliases
    # two people side by side whose names join no organisation stay two people
    c = mention("Anna Quillfeather", thread="t3")
    d = _at(mention("Tom Bramble"), c.evidence.message, c.evidence.end + 5)
    entities, _, _ = resolve([c, d], [])
    assert {e.name for e in entities.values()} == {"Anna Quillfeather", "Tom Bramble"}


def test_a_name_without_its_parent_bodys_acronym_is_that_name():
    long, short = mention("ZBC Radio 9", "Organization"), mention("Radio 9", "Organization")
    entities, _, merges = resolve([long, short], [])
    assert entity_of(entities, short) is entity_of(entities, long)
    assert reasons(merges)[("ZBC Radio 9", "Radio 9")] == "short form of"
    # only within the longer name's thread
    long, short = mention("ZBC Radio 9", "Organization"), mention("Radio 9", "Organization", thread="t2")
    entities, _, _ = resolve([long, short], [])
    assert entity_of(entities, short) is not entity_of(entities, long)


def test_a_short_form_of_two_parent_bodies_stays_apart():
    a, b = mention("ZBC World Service", "Organization"), mention("QBC World Service", "Organization")
    short = mention("World Service", "Organization")
    entities, _, _ = resolve([a, b, short], [])
    assert entity_of(entities, short) not in (entity_of(entities, a), entity_of(entities, b))
    # a leading word that is no acronym is part of the name: "Westby Radio 9" is not "Radio 9"
    c, d = mention("Westby Radio 9", "Organization", thread="t3"), mention("Radio 9", "Organization", thread="t3")
    entities, _, _ = resolve([c, d], [])
    assert entity_of(entities, c) is not entity_of(entities, d)
