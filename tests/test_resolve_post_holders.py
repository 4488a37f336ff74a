"""A person named only by a post joins the one person the thread names in that post (invented names)."""
from __future__ import annotations

from decimal import Decimal

from graph.model import Relation
from graph.resolve import resolve
from tests.test_resolve import entity_of, mention, reasons


def post(holder, org, role, current=True):
    return Relation(kind="post", subject=holder.ref, object=org.ref, evidence=holder.evidence, rule="post.test",
                    confidence=Decimal("0.9"), qualifiers={"role": role, "current": current})


def nameless(role_phrase, role, thread="t1"):
    return mention(role_phrase, "Person", thread=thread, attrs={"role": role})


def firm(name="Quillon Services", thread="t1"):
    return mention(name, "Organization", thread=thread)


def test_a_post_named_without_its_holder_is_the_holder_the_thread_names():
    ann, acme1, acme2 = mention("Ann Bramble"), firm(), firm()
    deputy = nameless("Deputy Director of Quillon Services", "Deputy Director")
    entities, relations, merges = resolve([ann, acme1, deputy, acme2], [
        post(ann, acme1, "Deputy Director"), post(deputy, acme2, "deputy  director")])
    assert entity_of(entities, deputy) is entity_of(entities, ann)
    assert not any(e.name.startswith("Deputy") for e in entities.values())
    assert reasons(merges)[("Ann Bramble", "Deputy Director of Quillon Services")] == \
        "holder of that post, named in the thread"
    assert {r.subject for r in relations} == {"person:ann bramble"}


def test_a_former_holder_a_different_post_or_another_organisation_is_not_the_one_meant():
    for holder_post in (dict(role="Deputy Director", current=False), dict(role="Director"),
                        dict(role="Deputy Director", org="Zenith Motors")):
        ann, deputy = mention("Ann Bramble"), nameless("Deputy Director of Quillon Services", "Deputy Director")
        at, acme = firm(holder_post.pop("org", "Quillon Services")), firm()
        entities, _, _ = resolve([ann, at, deputy, acme], [post(ann, at, **holder_post),
                                                          post(deputy, acme, "Deputy Director")])
        assert entity_of(entities, deputy) is not entity_of(entities, ann), holder_post


def test_two_named_holders_or_a_holder_in_another_thread_leave_the_post_nameless():
    ann, ned, a1, a2, a3 = mention("Ann Bramble"), mention("Ned Quill"), firm(), firm(), firm()
    deputy = nameless("Deputy Director of Quillon Services", "Deputy Director")
    entities, _, _ = resolve([ann, ned, a1, a2, a3, deputy], [
        post(ann, a1, "Deputy Director"), post(ned, a2, "Deputy Director"), post(deputy, a3, "Deputy Director")])
    assert entity_of(entities, deputy) not in (entity_of(entities, ann), entity_of(entities, ned))
    far, far_firm = mention("Ann Bramble", thread="t2"), firm(thread="t2")
    deputy, acme = nameless("Deputy Director of Quillon Services", "Deputy Director"), firm()
    entities, _, _ = resolve([far, far_firm, deputy, acme], [post(far, far_firm, "Deputy Director"),
                                                             post(deputy, acme, "Deputy Director")])
    assert entity_of(entities, deputy) is not entity_of(entities, far)


def test_a_keep_apart_override_stops_the_post_joining_its_holder(tmp_path):
    path = tmp_path / "overrides.toml"
    path.write_text('[[keep_apart]]\nnames = ["Ann Bramble", "Deputy Director of Quillon Services"]\n')
    ann, acme1, acme2 = mention("Ann Bramble"), firm(), firm()
    deputy = nameless("Deputy Director of Quillon Services", "Deputy Director")
    entities, _, _ = resolve([ann, acme1, deputy, acme2], [post(ann, acme1, "Deputy Director"),
                                                          post(deputy, acme2, "Deputy Director")], overrides=path)
    assert entity_of(entities, deputy) is not entity_of(entities, ann)
