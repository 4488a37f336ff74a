"""Entity assembly: a cluster of nodes becomes one Entity (its preferred name, key, aliases,
kind) and the merge decisions that say why each name is in it."""
from __future__ import annotations

from collections import Counter

from graph.model import Entity, MergeDecision
from graph.nlp import is_acronym, not_a_body
from graph.resolve.bodies import class_acronyms, is_class
from graph.resolve.clusters import Clusters, Node, display
from graph.resolve.names import mention_order, norm_name, split_title, strip_possessive, title_of


PREFIX = {"Person": "person", "Organization": "org", "Place": "place", "Contract": "contract"}
ENTITY_LABELS = set(PREFIX)


def _preferred(nodes: list[Node]) -> str:
    label = nodes[0].label
    texts = Counter()
    official = set()  # "X is officially known as Y": Y
    for n in nodes:
        for m in n.mentions:
            texts[m.text] += 1
            if m.attrs and m.attrs.get("official"):
                official.add(m.text)
        if n.expansion:
            texts[n.expansion] += 1

    def score(item):
        text, count = item
        words = split_title(text)[1].split() if label == "Person" else text.split()
        acr = is_acronym(text)
        cased = not (text.isupper() and len(text) > 4) and not text.islower()
        capitals = sum(w[:1].isupper() for w in words)  # "Harbour Works" over "Harbour works"
        return (text in official, not acr, len(words) if label == "Person" else 0, cased, capitals, count, len(text),
                text)

    best = " ".join(max(texts.items(), key=score)[0].split())
    if label == "Person":
        best = split_title(best)[1]
    return strip_possessive(best)


def make_entity(nodes: list[Node], existing: dict[str, Entity]) -> Entity:
    label = nodes[0].label
    name = _preferred(nodes)
    base = f"{PREFIX[label]}:{norm_name(name, label)}"
    key, k = base, 2
    while key in existing:
        key = f"{base}~{k}"
        k += 1
    mentions = sorted((m for n in nodes for m in n.mentions), key=mention_order)
    aliases = set()
    for m in mentions:
        aliases.add(" ".join(m.text.split()))
        t = m.attrs.get("title") if m.attrs else None
        if t:
            aliases.add(f"{t} {m.text}")
        if m.expansion:
            aliases.add(m.expansion)
    for n in nodes:
        if n.expansion:
            aliases.add(n.expansion)
    aliases.discard(name)
    kind = None
    if label == "Organization":
        kinds = Counter(m.kind for m in mentions if m.kind and m.kind != "other")
        kind = kinds.most_common(1)[0][0] if kinds else "other"
    return Entity(key=key, type=label, name=name, aliases=aliases, kind=kind, mentions=mentions)


def entity_decisions(ent: Entity, nodes: list[Node]) -> list[MergeDecision]:
    out = []
    # a node that joined another but whose name the entity took ("Acme Ltd" joined "Acme Limited
    # Co" by a rule, and is the name shown): its reason is told for the node it joined
    why = {n.id: n.reason for n in nodes}
    for n in nodes:
        if n.reason and n.joined is not None and display(n) == ent.name and why.get(n.joined, "") is None:
            why[n.joined] = n.reason
    for n in nodes:
        shown = {}
        for m in n.mentions:  # "Ms Roe", so a reader sees which Roe was meant
            title = title_of(m)
            shown[f"{title} {m.text}" if title and not m.text.startswith(title) else m.text] = m.text
        for t, bare in sorted(shown.items()):
            if t == ent.name:
                continue
            reason = why[n.id] or "variant"
            if why[n.id] and bare != display(n):
                reason = f"{why[n.id]}; variant"
            out.append(MergeDecision(kept=ent.name, merged=t, reason=reason, type=ent.type))
    return out


def assemble_entities(cl: Clusters) -> tuple[dict[str, Entity], dict[str, str], list[MergeDecision]]:
    """One entity per cluster, in the order the text first names them (entities by key, mention
    ref -> key, the merge decisions). Left out: ambiguous nodes, a class of bodies, an acronym
    defined as a scheme ("Welfare Review (WR)")."""
    entities: dict[str, Entity] = {}
    ref_to_key: dict[str, str] = {}
    decisions: list[MergeDecision] = []
    groups = sorted(cl.groups().values(), key=lambda g: min(mention_order(m) for n in g for m in n.mentions))
    classes = class_acronyms(groups)
    for group in groups:
        live = [n for n in group if not n.ambiguous]
        if not live or is_class(live, classes) or any(
                m.expansion and not_a_body(m.expansion) for n in live for m in n.mentions):
            continue
        ent = make_entity(live, entities)
        entities[ent.key] = ent
        for n in live:
            for m in n.mentions:
                ref_to_key[m.ref] = ent.key
        decisions += entity_decisions(ent, live)
    return entities, ref_to_key, decisions
