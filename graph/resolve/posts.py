"""A person named only by a post joins the one named holder of that post in the thread."""
from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from graph.model import Entity, MergeDecision, Relation
from graph.resolve.names import fold, mention_order
from graph.resolve.roles import Role, role_form

HOLDER = "holder of that post, named in the thread"


class Post(NamedTuple):
    """A post held now: in a thread, at an organisation (None for a post of no named body,
    "Inspector of Fisheries"), the role as written and in its comparison form."""

    thread: str
    org: str | None
    text: str
    role: Role


def post_holders(entities: dict[str, Entity], ref_to_key: dict[str, str], relations: list[Relation],
                 apart: list[list[str]] = ()) -> list[MergeDecision]:
    """A person named only by a post ("the Deputy Director of Acme", "the Chief Insp of Fisheries")
    is the one person the same thread names who holds that post now: one entity, not a nameless
    double. The posts are compared in their comparison form (graph.resolve.roles: case, "Insp" =
    "Inspector", "HM" and "the" dropped), at the same organisation; a post of no named body needs a
    role of two words or more ("Justice Secretary", not "MP"). With no such holder, a post whose
    wordings differ only by a rank word on one side ("Chief Inspector of Fisheries" / "HM Inspector
    of Fisheries") and which names its domain ("of Fisheries") joins its holder when the thread
    names exactly one holder of it under any rank (of all the posts the person holds: two
    candidates from two posts, no join). Two candidates, another domain, another
    organisation, or a word such as "deputy" or "former" on one side only: no join."""
    held = _posts_held(relations, ref_to_key)
    nameless = {k for k, e in entities.items() if e.type == "Person" and e.mentions
                and all(m.attrs and m.attrs.get("role") for m in e.mentions)}
    kept_apart = [{fold(n) for n in names} for names in apart]
    named = {h: ps for h, ps in held.items() if h not in nameless}
    out = []
    for k in sorted(nameless):
        found = _holder(held.get(k, set()), named)
        if found is None:
            continue
        h, reason = found
        ent, holder = entities[k], entities[h]
        if any({fold(ent.name), fold(holder.name)} <= names for names in kept_apart):
            continue
        holder.mentions = sorted(holder.mentions + ent.mentions, key=mention_order)
        for m in ent.mentions:
            ref_to_key[m.ref] = h
        del entities[k]
        out.append(MergeDecision(kept=holder.name, merged=ent.name, reason=reason, type="Person"))
    return out


def _posts_held(relations: list[Relation], ref_to_key: dict[str, str]) -> dict[str, set[Post]]:
    """Entity key -> the posts the relations say it holds now. A post at an organisation that did
    not resolve is left out; a post of no named body only with a role of two words or more."""
    held: dict[str, set[Post]] = defaultdict(set)
    for rel in relations:
        if rel.kind != "post" or rel.qualifiers.get("current") is not True:
            continue
        subj = ref_to_key.get(rel.subject)
        org = ref_to_key.get(rel.object) if rel.object is not None else None
        text = " ".join(str(rel.qualifiers.get("role") or "").casefold().split())
        role = role_form(text) if text else None
        if not subj or role is None or (rel.object is not None and org is None):
            continue
        if org is None and len(role.ranks) + len(role.core) < 2:
            continue  # "the MP", "the Director": a kind of post, held by many
        held[subj].add(Post(rel.evidence.thread, org, text, role))
    return held


def _holder(posts: set[Post], named: dict[str, set[Post]]) -> tuple[str, str] | None:
    """(the one named holder of one of `posts`, the reason), or None: the same post in its
    comparison form first, then the same post but for a rank word on one side."""
    same = {h for h, ps in named.items() if any(_same(p, q) for p in posts for q in ps)}
    if len(same) == 1:
        h = same.pop()
        exact = any(p.text == q.text and _same(p, q) for p in posts for q in named[h])
        return h, HOLDER if exact else f"{HOLDER} (the same post written another way)"
    if same:
        return None
    # every post's candidates first, then one join only when they agree (`posts` is a set: the
    # first match winning made the result depend on PYTHONHASHSEED)
    found = set()
    for p in posts:
        if not p.role.names_domain:
            continue
        any_rank = {h for h, ps in named.items() for q in ps
                    if (q.thread, q.org, q.role.core) == (p.thread, p.org, p.role.core)}
        if len(any_rank) != 1:
            continue
        h = next(iter(any_rank))
        if any(_rank_on_one_side(p.role, q.role) for q in named[h] if (q.thread, q.org) == (p.thread, p.org)):
            found.add(h)
    if len(found) == 1:
        return found.pop(), f"{HOLDER} (the only holder of that post; a rank word on one side only)"
    return None


def _same(p: Post, q: Post) -> bool:
    return (p.thread, p.org, p.role) == (q.thread, q.org, q.role)


def _rank_on_one_side(a: Role, b: Role) -> bool:
    return a.core == b.core and a.ranks != b.ranks and (not a.ranks or not b.ranks)
