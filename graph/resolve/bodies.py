"""Bodies named by a common noun ("the council") and classes of bodies ("Regional Health
Trusts"), which are no entity of their own."""
from __future__ import annotations

import re
from collections import defaultdict

from graph.model import Entity, MergeDecision
from graph.nlp import is_acronym, lexicons
from graph.resolve.clusters import Clusters, Node, display
from graph.resolve.names import resolution_lists


def generic_only(ent: Entity) -> bool:
    """Named only by a common noun ("the council") and joined to no named body."""
    return ent.type == "Organization" and all(m.attrs and m.attrs.get("generic") for m in ent.mentions)


def join_generic_bodies(cl: Clusters, nodes: list[Node]) -> None:
    """ "the council" ("The council's Director of Environment, ...") is the one organisation of its
    thread headed by that word: its name ends with it ("Westby Borough Council") or has it before
    its first "of" ("Council of Westby"). A body the text names by a
    common noun (resolution/generic_bodies.txt) joins it ("the only council of its thread"). With two
    such bodies in the thread it stays apart, and that is logged; with none it stays as it is."""
    words = resolution_lists()["generic_bodies"]
    by_head: dict[tuple[str, str], list[Node]] = defaultdict(list)  # (thread, head word) -> names
    for c in nodes:
        if len(c.words) < 2 or class_name(c) or any(is_acronym(m.text) for m in c.mentions):
            continue
        # the word the name is headed by: its last ("Westby Borough Council") or the one before
        # its first "of" ("Council of Westby", "Ministry of Fisheries")
        head = c.words[c.words.index("of", 1) - 1] if "of" in c.words[1:] else c.words[-1]
        if head in words:
            for t in c.threads:
                by_head[(t, head)].append(c)
    for n in nodes:
        if len(n.words) != 1 or n.norm not in words:
            continue
        for t in sorted(n.threads):
            cands = {cl.find(c.id): c for c in by_head.get((t, n.norm), ())}
            if len(cands) == 1:
                cl.union(next(iter(cands.values())).id, n.id, f"the only {n.norm} of its thread")
            elif len(cands) > 1:
                cl.refused.append(MergeDecision(
                    kept=", ".join(sorted(display(c) for c in cands.values())), merged=display(n),
                    type="Organization", merged_apart=True,
                    reason=f"the {n.norm}: {len(cands)} bodies of its thread are named so, kept apart"))


def class_name(node: Node) -> bool:
    """A plural organisation name for a kind of body ("Community Land Trusts"; class_plurals.txt)."""
    return (node.label == "Organization" and len(node.words) >= 2 and node.words[-1] in lexicons()["class_plurals"]
            and "and" not in node.words)  # "X Colleges & Universities" is one system


def class_acronyms(groups) -> set[str]:
    """Acronyms ("CLTs") in the clusters of class names, singular, lower case ("clt")."""
    out = set()
    for group in groups:
        if any(class_name(n) for n in group):
            out |= {re.sub(r"s$", "", n.norm) for n in group if any(is_acronym(m.text) for m in n.mentions)}
    return out


def is_class(nodes: list[Node], class_acronyms: set[str]) -> bool:
    """A cluster naming only a class of organisations: its names are class names, their acronyms
    (singular "the CLT" too) and near-miss singulars merged into them."""
    if nodes[0].label != "Organization":
        return False
    named = [n for n in nodes if n.reason is None or not n.reason.startswith("fuzzy")]
    if any(class_name(n) for n in named):
        return all(class_name(n) or re.sub(r"s$", "", n.norm) in class_acronyms for n in named)
    return all(len(n.words) == 1 and re.sub(r"s$", "", n.norm) in class_acronyms for n in nodes)
