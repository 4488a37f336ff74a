"""Acronyms: defined in the text ("Ministry of Defence (MoD)"), or the initials of one longer
name (its thread first). The initials a name may be written as are graph.names.initial_forms."""
from __future__ import annotations

import re
from collections import defaultdict

from graph.names import initial_forms, norm_name
from graph.nlp import acronym_letters, is_acronym
from graph.resolve.clusters import Clusters, Node, display


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def acronym_of(text: str) -> str | None:
    """The letters of an acronym ("MoD" -> "mod") or of a dotted abbreviation ("U.S." -> "us")."""
    text = text.strip()
    if is_acronym(text):
        return acronym_letters(text)
    return text.replace(".", "").lower() if _DOTTED.match(text) else None


def join_defined_acronyms(cl: Clusters, nodes: list[Node], label: str) -> None:
    """An acronym defined in the text ("Ministry of Defence (MoD)") joins its expansion ("acronym
    defined"), a node of its own when no mention spells the expansion out."""
    by_norm = {n.norm: n for n in nodes}
    for n in nodes:
        for m in n.mentions:
            if m.expansion:
                target = by_norm.get(norm_name(m.expansion, label))
                if target is None:
                    target = by_norm[norm_name(m.expansion, label)] = cl.add(label, norm_name(m.expansion, label))
                    target.expansion = m.expansion
                cl.union(target.id, n.id, "acronym defined" if is_acronym(m.text) else "long form given")
                break


def join_initials(cl: Clusters, nodes: list[Node]) -> None:
    """Another acronym joins the one longer name whose initials it is, in its thread first, then
    in the corpus ("initials of"); with two candidates it stays as it is."""
    by_initials: dict[str, list[Node]] = defaultdict(list)
    for c in nodes:
        if len(c.words) >= 2:
            for form in initial_forms(display(c)):
                by_initials[form].append(c)
    for n in nodes:
        letters = next((x for m in n.mentions if (x := acronym_of(m.text))), None)
        if cl.find(n.id) != n.id or n.reason or not letters:
            continue
        cands = by_initials.get(letters, [])
        local = [c for c in cands if c.threads & n.threads]
        for group, reason in ((local, "initials of"), (cands, "initials of, other thread")):
            roots = {cl.find(c.id): c for c in group}
            if len(roots) == 1:
                cl.union(next(iter(roots.values())).id, n.id, reason)
                break
            if len(roots) > 1:
                break


def join_acronym_tails(cl: Clusters, nodes: list[Node]) -> None:
    """ "Westby ICB" for "Westby Integrated Care Board": a name whose last word is an acronym of the
    rest of the one longer name of its thread that starts with the same words joins it ("acronym
    of the rest of its name"); the acronym alone ("the ICB") in that thread then joins it too
    ("initials of the rest of its name"). Guards: one such longer name, in the same thread; the
    words before the acronym are no acronym, and the longer name has no "of" before them."""
    tails: dict[tuple[str, str], set[int]] = defaultdict(set)  # (thread, acronym) -> roots it named
    for n in nodes:
        text = _shown_words(n)
        if len(text) < 2 or len(n.words) != len(text) or not is_acronym(text[-1]) \
                or any(is_acronym(w) for w in text[:-1]):
            continue
        letters, lead = acronym_letters(text[-1]), n.words[:-1]
        for t in sorted(n.threads):
            cands = {cl.find(c.id): c for c in nodes if t in c.threads and len(c.words) > len(n.words)
                     and c.words[:len(lead)] == lead and "of" not in lead
                     and letters in initial_forms(" ".join(_shown_words(c)[len(lead):]))}
            if len(cands) == 1:
                (root, c), = cands.items()
                cl.union(c.id, n.id, "acronym of the rest of its name")
                tails[(t, letters)].add(cl.find(c.id))
    if not tails:
        return
    for n in nodes:
        if len(n.words) != 1 or cl.find(n.id) != n.id or not all(is_acronym(m.text.strip()) for m in n.mentions):
            continue
        for t in sorted(n.threads):
            roots = {cl.find(r) for r in tails.get((t, n.words[0]), ())}
            if len(roots) == 1:
                cl.union(roots.pop(), n.id, "initials of the rest of its name")
                break


def _shown_words(node: Node) -> list[str]:
    """The words of a node's display name in step with its comparison form (`node.words`), which
    drops a leading "the": "The Quarrington Integrated Care Board" -> Quarrington ... Board."""
    words = display(node).split()
    return words[1:] if len(words) > 1 and words[0].lower() == "the" and node.words[:1] != ["the"] else words
