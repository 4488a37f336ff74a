"""A person named only by a post joins the one named holder of that post in the thread."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
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
    written: str = ""  # the role as the text gives it


RoleKey = tuple[str, str | None, str]  # (nameless entity, org, role text): a post to name as its holder's


def post_holders(entities: dict[str, Entity], ref_to_key: dict[str, str], relations: list[Relation],
                 apart: list[list[str]] = ()) -> tuple[list[MergeDecision], list[Relation]]:
    """A person named only by a post ("the Deputy Director of Acme", "the Chief Insp of Fisheries")
    is the one person the same thread names who holds that post now: one entity, not a nameless
    double. The posts are compared in their comparison form (graph.resolve.roles: case, "Insp" =
    "Inspector", "HM" and "the" dropped), at the same organisation; a post of no named body needs a
    role of two words or more ("Justice Secretary", not "MP"). With no such holder, a post whose
    wordings differ only by a rank word on one side ("Chief Inspector of Fisheries" / "HM Inspector
    of Fisheries") and which names its domain ("of Fisheries") joins its holder when the thread
    names exactly one holder of it under any rank. Two candidates, another domain, another
    organisation, or a word such as "deputy" or "former" on one side only: no join.
    Returns the merge decisions and the relations, where a joined post told in other words
    ("Chief Insp of Fisheries") takes its holder's wording: one post, one name."""
    held = _posts_held(relations, ref_to_key)
    held_before = dict(ref_to_key)  # whose post each relation was before the joins
    nameless = {k for k, e in entities.items() if e.type == "Person" and e.mentions
                and all(m.attrs and m.attrs.get("role") for m in e.mentions)}
    kept_apart = [{fold(n) for n in names} for names in apart]
    named = {h: ps for h, ps in held.items() if h not in nameless}
    out = []
    reworded: dict[RoleKey, str] = {}
    for k in sorted(nameless):
        found = _holder(held.get(k, set()), named)
        if found is None:
            continue
        h, reason, (mine, theirs) = found
        ent, holder = entities[k], entities[h]
        if any({fold(ent.name), fold(holder.name)} <= names for names in kept_apart):
            continue
        if mine.text != theirs.text:
            reworded[(k, mine.org, mine.text)] = theirs.written
        holder.mentions = sorted(holder.mentions + ent.mentions, key=mention_order)
        for m in ent.mentions:
            ref_to_key[m.ref] = h
        del entities[k]
        out.append(MergeDecision(kept=holder.name, merged=ent.name, reason=reason, type="Person"))
    return out, _reword(relations, reworded, ref_to_key, held_before)


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
        held[subj].add(Post(rel.evidence.thread, org, text, role, str(rel.qualifiers.get("role"))))
    return held


def _holder(posts: set[Post], named: dict[str, set[Post]]) -> tuple[str, str, tuple[Post, Post]] | None:
    """(the one named holder of one of `posts`, the reason, (that post, the holder's)), or None:
    the same post in its comparison form first, then the same post but for a rank word on one side."""
    same = {h for h, ps in named.items() if any(_same(p, q) for p in posts for q in ps)}
    if len(same) == 1:
        h = same.pop()
        pairs = sorted(((p, q) for p in posts for q in named[h] if _same(p, q)),
                       key=lambda pq: (pq[0].text != pq[1].text, _order(pq[0]), _order(pq[1])))
        exact = pairs[0][0].text == pairs[0][1].text
        return h, HOLDER if exact else f"{HOLDER} (the same post written another way)", pairs[0]
    if same:
        return None
    for p in sorted(posts, key=_order):
        if not p.role.names_domain:
            continue
        any_rank = {h for h, ps in named.items() for q in ps
                    if (q.thread, q.org, q.role.core) == (p.thread, p.org, p.role.core)}
        if len(any_rank) != 1:
            continue
        h = next(iter(any_rank))
        ranked = sorted((q for q in named[h] if (q.thread, q.org) == (p.thread, p.org)
                         and _rank_on_one_side(p.role, q.role)), key=_order)
        if ranked:
            return h, f"{HOLDER} (the only holder of that post; a rank word on one side only)", (p, ranked[0])
    return None


def _reword(relations: list[Relation], reworded: dict[RoleKey, str], now: dict[str, str],
            before: dict[str, str]) -> list[Relation]:
    """The post relations of the people joined to a holder, their role in the holder's wording."""
    if not reworded:
        return relations
    out = []
    for rel in relations:
        if rel.kind == "post" and rel.qualifiers.get("role"):
            org = now.get(rel.object) if rel.object is not None else None
            text = " ".join(str(rel.qualifiers["role"]).casefold().split())
            new = reworded.get((before.get(rel.subject), org, text))
            if new is not None:
                rel = replace(rel, qualifiers={**rel.qualifiers, "role": new})
        out.append(rel)
    return out


def _order(p: Post) -> tuple[str, str, str, str]:
    return p.thread, p.org or "", p.text, p.written


def _same(p: Post, q: Post) -> bool:
    return (p.thread, p.org, p.role) == (q.thread, q.org, q.role)


def _rank_on_one_side(a: Role, b: Role) -> bool:
    return a.core == b.core and a.ranks != b.ranks and (not a.ranks or not b.ranks)
