"""A person named only by a post joins the one named holder of that post in the thread."""
from __future__ import annotations

from collections import defaultdict

from graph.model import Entity, MergeDecision, Relation
from graph.resolve.names import fold, mention_order


def post_holders(entities: dict[str, Entity], ref_to_key: dict[str, str], relations: list[Relation],
                 apart: list[list[str]] = ()) -> list[MergeDecision]:
    """A person named only by a post ("the Deputy Director of Acme") is the one person the same
    thread names who holds that post now, at that organisation: one entity, not a nameless double.
    Only an exact post (role words and organisation) with exactly one named holder counts."""
    held: dict[str, set[tuple[str, str, str]]] = defaultdict(set)  # entity -> (thread, role, org) held now
    for rel in relations:
        if rel.kind != "post" or rel.object is None or rel.qualifiers.get("current") is not True:
            continue
        subj, org = ref_to_key.get(rel.subject), ref_to_key.get(rel.object)
        role = " ".join(str(rel.qualifiers.get("role") or "").casefold().split())
        if subj and org and role:
            held[subj].add((rel.evidence.thread, role, org))
    nameless = {k for k, e in entities.items() if e.type == "Person" and e.mentions
                and all(m.attrs and m.attrs.get("role") for m in e.mentions)}
    kept_apart = [{fold(n) for n in names} for names in apart]
    out = []
    for k in sorted(nameless):
        holders = {h for h, ps in held.items() if h not in nameless and ps & held.get(k, set())}
        if len(holders) != 1:
            continue
        h = holders.pop()
        ent, holder = entities[k], entities[h]
        if any({fold(ent.name), fold(holder.name)} <= names for names in kept_apart):
            continue
        holder.mentions = sorted(holder.mentions + ent.mentions, key=mention_order)
        for m in ent.mentions:
            ref_to_key[m.ref] = h
        del entities[k]
        out.append(MergeDecision(kept=holder.name, merged=ent.name, reason="holder of that post, named in the thread",
                                 type="Person"))
    return out
