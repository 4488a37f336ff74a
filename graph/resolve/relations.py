"""Relation ends and the refs inside qualifiers mapped from mentions to entity keys."""
from __future__ import annotations

from dataclasses import replace

from graph.model import Entity, Relation
from graph.resolve.bodies import generic_only


# Qualifiers that name further mentions (Mention.ref before resolution): the RDF writer
# expects entity keys there. A single ref whose mention did not resolve is dropped; a list
# keeps the refs that resolved, each entity once, in order.
REF_QUALIFIERS = ("on_behalf_of",)  # lobbied: the client a lobbyist acted for
REF_LIST_QUALIFIERS = ("entities",)  # coi_stated: the people and organisations it concerns


def resolve_qualifiers(q: dict[str, object], ref_to_key: dict[str, str]) -> dict[str, object]:
    if not q or not any(k in q for k in REF_QUALIFIERS + REF_LIST_QUALIFIERS):
        return q
    out = dict(q)
    for k in REF_QUALIFIERS:
        if k in out:
            key = ref_to_key.get(out[k]) if isinstance(out[k], str) else None
            if key is None:
                del out[k]
            else:
                out[k] = key
    for k in REF_LIST_QUALIFIERS:
        if k in out:
            refs = out[k] if isinstance(out[k], (list, tuple)) else ()
            out[k] = list(dict.fromkeys(ref_to_key[r] for r in refs if isinstance(r, str) and r in ref_to_key))
    return out


def map_relations(relations: list[Relation], entities: dict[str, Entity], ref_to_key: dict[str, str]
                  ) -> list[Relation]:
    """Each relation with entity keys for its ends and in its qualifiers; one whose ends did not
    resolve is dropped."""
    out = []
    for rel in relations:
        s = ref_to_key.get(rel.subject)
        o = ref_to_key.get(rel.object) if rel.object is not None else None
        if s is None or (rel.object is not None and o is None):
            continue
        if rel.kind == "post" and o is not None and generic_only(entities[o]):
            o = None  # "the council's director" where the thread names no one council: the role alone
        out.append(replace(rel, subject=s, object=o, qualifiers=resolve_qualifiers(rel.qualifiers, ref_to_key)))
    return out


def drop_unused_generic(entities: dict[str, Entity], relations: list[Relation]) -> None:
    """A body named only by its noun ("the council") exists for the facts told of it: with none,
    it goes."""
    used = {k for r in relations for k in (r.subject, r.object)}
    for r in relations:  # entity keys inside qualifiers ("on_behalf_of", a conflict's "entities")
        for v in r.qualifiers.values():
            used |= {x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and x in entities}
    for k in [k for k, e in entities.items() if k not in used and generic_only(e)]:
        del entities[k]
