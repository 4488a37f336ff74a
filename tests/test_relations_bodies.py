"""Posts at a body the writer names by its common noun ("the council's Director of Environment, X")."""
from __future__ import annotations

from tests.test_relations_ventures import O, P, rels


def posts(found):
    return {(f[1], f[2], f[4].get("role")) for f in found if f[0] == "post"}


def test_the_bodys_role_then_the_name_is_a_post_at_that_body(monkeypatch):
    text = "The council's Director of Environment, Karen Ashby, signed the deal."
    assert ("Karen Ashby", "council", "Director of Environment") in posts(rels(monkeypatch, text, [("Karen Ashby", P)]))


def test_the_name_then_the_bodys_role_is_a_post_at_that_body(monkeypatch):
    text = "Dr Ravi Mennick, the trust's medical director, objected."
    assert ("Ravi Mennick", "trust", "medical director") in posts(rels(monkeypatch, text, [("Ravi Mennick", P)]))


def test_the_role_of_the_body_before_a_titled_name(monkeypatch):
    text = "The leader of the council, Cllr Derek Pell, said nothing."
    assert ("Derek Pell", "council", "leader") in posts(rels(monkeypatch, text, [("Derek Pell", P)]))


def test_near_misses_give_no_post_at_a_body(monkeypatch):
    for text, names in [
        ("The council's decision, Karen Ashby said, was final.", [("Karen Ashby", P)]),  # no role
        ("The club's manager, Karen Ashby, resigned.", [("Karen Ashby", P)]),  # a club is no listed body
        ("The council's Director of Environment, Quillon Ltd, was paid.", [("Quillon Ltd", O)]),  # not a person
    ]:
        found = rels(monkeypatch, text, names)
        assert not any(f[0] == "post" and f[2] in ("council", "club") for f in found), text
