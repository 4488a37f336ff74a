"""People (step 3 of graph.resolve): full names with a middle name more or less or a near-miss
spelling, initials for first names, surnames and first names alone to the one full name they
stand for, with the namesake and gender guards."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from graph.model import MergeDecision
from graph.nlp import is_acronym, lexicons
from graph.resolve.clusters import Clusters, Node, display
from graph.resolve.names import person_initials, resolution_lists, split_title, strip_possessive


PERSON_FUZZY = 88
PERSON_FIRST_FUZZY = 80


def _surname_only(node: Node) -> bool:
    """A person's name of several words that is a surname alone: one hyphenated or apostrophised
    word ("al-Momani", "D'Arcy") or particles before one word ("de la Vega", "Le Roux";
    ontology/patterns/resolution/surname_particles.txt)."""
    if len(node.words) < 2:
        return False
    if all(len(split_title(strip_possessive(m.text))[1].split()) == 1 for m in node.mentions):
        return True
    return all(w in resolution_lists()["surname_particles"] for w in node.words[:-1])


def _initialled(short: list[str], long: list[str]) -> bool:
    """ "J. R. Quill" for "John Robert Quill": one surname, as many names, each of the others
    the same or one letter that begins it (at least one such initial)."""
    if len(short) != len(long) or len(short) < 2 or short[-1] != long[-1]:
        return False
    initial = False
    for x, y in zip(short[:-1], long[:-1]):
        if x == y:
            continue
        if len(x) == 1 and len(y) > 1 and y[0] == x:
            initial = True
            continue
        return False
    return initial


def resolve_people(cl: Clusters, people: list[Node], decisions: list[MergeDecision]) -> None:
    """Join the nodes of `people` (step 3 of graph.resolve), full names first, then the one-word
    names; a refusal or an ambiguity is added to `decisions`."""
    full = [n for n in people if len(n.words) >= 2]
    single = [n for n in people if len(n.words) == 1]
    join_middle_names_and_near_surnames(cl, full)
    join_near_first_names(cl, full)
    index = FullNames.of(cl, full)
    join_initialled_first_names(index)
    join_particle_surnames(index)
    leftovers = join_single_names(index, single, decisions)
    join_same_single_names(cl, leftovers, decisions)


def join_middle_names_and_near_surnames(cl: Clusters, full: list[Node]) -> None:
    """Full names with the same first name: a middle name more or less ("middle name"), or a
    near-miss surname of 6+ letters ("fuzzy NN", ratio >= PERSON_FUZZY)."""
    same_first: dict[str, list[Node]] = defaultdict(list)
    for n in full:
        same_first[n.words[0]].append(n)
    pairs = ((a, b) for group in same_first.values() for i, a in enumerate(group) for b in group[i + 1:])
    for a, b in pairs:
        wa, wb = a.words, b.words
        if wa[-1] == wb[-1] and abs(len(wa) - len(wb)) == 1:
            keep, merge = (a, b) if len(wa) > len(wb) else (b, a)
            cl.union(keep.id, merge.id, "middle name")
        elif len(wa) == len(wb) and wa[:-1] == wb[:-1] and min(len(wa[-1]), len(wb[-1])) >= 6:
            score = fuzz.ratio(wa[-1], wb[-1])
            if score >= PERSON_FUZZY:
                keep, merge = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
                cl.union(keep.id, merge.id, f"fuzzy {score:.0f}")


def join_near_first_names(cl: Clusters, full: list[Node]) -> None:
    """A near-miss first name with the same other names, in one thread ("Bashir al-Quds" for
    "Bashar al-Quds"), when neither is a common first name (first_names.tsv: "Martin" and
    "Marvin" are two names, not one misspelt)."""
    known = lexicons()["first_names"]
    same_rest: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for n in full:
        same_rest[tuple(n.words[1:])].append(n)
    for group in same_rest.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                x, y = a.words[0], b.words[0]
                if x[0] != y[0] or min(len(x), len(y)) < 5 or x in known or y in known or not a.threads & b.threads:
                    continue
                score = fuzz.ratio(x, y)
                if score >= PERSON_FIRST_FUZZY:
                    keep, merge = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
                    cl.union(keep.id, merge.id, f"fuzzy first name {score:.0f}")


@dataclass
class FullNames:
    """The full names of the corpus, by last word (also the word before a generational suffix:
    "Quill" of "Tom Quill II") and by first word, with the candidate filters over clusters."""

    cl: Clusters
    full: list[Node]
    by_last: dict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))
    by_first: dict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, cl: Clusters, full: list[Node]) -> FullNames:
        index = cls(cl, full)
        suffixes = resolution_lists()["name_suffixes"]
        for n in full:
            index.by_last[n.words[-1]].append(n)
            index.by_first[n.words[0]].append(n)
            if len(n.words) >= 3 and n.words[-1] in suffixes:
                index.by_last[n.words[-2]].append(n)
        return index

    def distinct(self, cands: list[Node]) -> list[Node]:
        """One candidate per cluster."""
        roots = {}
        for c in cands:
            roots.setdefault(self.cl.find(c.id), c)
        return list(roots.values())

    def pick(self, node: Node, cands: list[Node]) -> list[Node]:
        """The candidates `node` may join: one per cluster, full names over surnames alone, none
        of the other gender."""
        cl = self.cl
        gender = node.genders()
        cands = self.distinct(cands)
        if any(not _surname_only(c) for c in cands):  # a full name is a better match than a surname
            cands = [c for c in cands if not _surname_only(c)]
        if gender:
            cands = [c for c in cands if not (cl.genders[cl.find(c.id)] and cl.genders[cl.find(c.id)] != gender)]
        return cands

    def first_named(self, c: Node, thread: str) -> tuple[int, int] | None:
        """Where the thread first names c's person (by any of its full names)."""
        root = self.cl.find(c.id)
        return min((n.first[thread] for n in self.full if thread in n.first and self.cl.find(n.id) == root),
                   default=None)


def join_initialled_first_names(index: FullNames) -> None:
    """ "J. R. Quill" is the one "John Robert Quill" of its thread ("initials for first names";
    fewest initials first: "John H. Quill" joins "John Henry Quill" before "J. H. Quill" looks)."""
    cl = index.cl
    for n in sorted(index.full, key=lambda n: sum(len(w) == 1 for w in n.words[:-1])):
        if not any(len(w) == 1 for w in n.words[:-1]):
            continue
        cands = index.distinct([c for c in index.by_last.get(n.words[-1], []) if c is not n and c.threads & n.threads
                                and _initialled(n.words, c.words) and cl.find(c.id) != cl.find(n.id)])
        if len(cands) == 1:
            cl.union(cands[0].id, n.id, "initials for first names")


def join_particle_surnames(index: FullNames) -> None:
    """A surname of several words ("al-Momani", "de la Vega") joins the one longer full name of
    its thread that ends with it ("surname of"), or the only one named before it."""
    for n in index.full:
        if not _surname_only(n):
            continue
        k = len(n.words)
        for t in sorted(n.threads):
            cands = index.pick(n, [c for c in index.by_last.get(n.words[-1], []) if len(c.words) > k
                                   and c.words[-k:] == n.words and t in c.threads and not _surname_only(c)])
            before = [c for c in cands if (f := index.first_named(c, t)) is not None and f < n.first[t]]
            if len(cands) == 1 or len(before) == 1:
                index.cl.union((cands if len(cands) == 1 else before)[0].id, n.id,
                               "surname of" if len(cands) == 1 else "surname of, the only one named before it")
                break


def _single_name_candidates(index: FullNames, node: Node) -> list[tuple[list[Node], str]]:
    """The full names a one-word name may stand for, each list with its reason, in the order
    they are tried: surname in its thread (initials, for an acronym of 2-3 letters), the surname
    of a possessive ("Quills" for "Quill"), first name in its thread, surname in another thread.
    A later list is empty when an earlier one found any."""
    word = node.norm
    thread = next(iter(node.threads))
    local_last = index.pick(node, [c for c in index.by_last.get(word, []) if thread in c.threads])
    stem = word[:-1] if word.endswith("s") and len(word) > 4 else None
    local_stem = index.pick(node, [c for c in index.by_last.get(stem, []) if thread in c.threads]) if stem else []
    local_first = index.pick(node, [c for c in index.by_first.get(word, []) if thread in c.threads])
    glob_last = index.pick(node, index.by_last.get(word, []))
    if all(is_acronym(m.text.strip()) for m in node.mentions) and 2 <= len(word) <= 3:
        local_last = index.pick(node, [c for c in index.full
                                       if thread in c.threads and word in person_initials(c.norm)])
        local_stem = local_first = glob_last = []
        reason_last = "initials of"
    else:
        reason_last = "surname of"
    return [(local_last, reason_last), (local_stem if not local_last else [], "possessive of"),
            (local_first if not local_last and not local_stem else [], "first name of"),
            (glob_last if not local_last and not local_first and not local_stem else [], "surname of, other thread")]


def _join_namesake(index: FullNames, node: Node, cands: list[Node], reason: str,
                   decisions: list[MergeDecision]) -> bool:
    """Namesakes: when the bare name first came, only one of them had been named ("Tom Bramble ...
    Bramble ... his son Ned Bramble"); it joins that one and the others are logged as kept apart."""
    thread = next(iter(node.threads))
    at = node.first[thread]
    before = [c for c in cands if (f := index.first_named(c, thread)) is not None and f < at]
    if len(before) != 1:
        return False
    index.cl.union(before[0].id, node.id, f"{reason}, the only one named before it")
    for c in cands:  # the namesakes it was not taken for, so a reader can check
        if c is not before[0]:
            decisions.append(MergeDecision(
                kept=display(c), merged=display(node), type="Person", merged_apart=True,
                reason=f"namesake named only later: kept apart (joined {display(before[0])})"))
    return True


def join_single_names(index: FullNames, single: list[Node], decisions: list[MergeDecision]) -> list[Node]:
    """A one-word name ("Smith", "Mr Smith") joins the one full name it stands for
    (_single_name_candidates); with two or more it is ambiguous, no entity, and logged. Returns
    the one-word names that no full name matched."""
    leftovers = []
    for node in sorted(single, key=lambda n: (min(n.threads), n.norm)):
        for cands, reason in _single_name_candidates(index, node):
            if len(cands) == 1:
                index.cl.union(cands[0].id, node.id, reason)
                break
            if len(cands) > 1 and not reason.endswith("other thread") \
                    and _join_namesake(index, node, cands, reason, decisions):
                break
            if len(cands) > 1:
                node.ambiguous = f"ambiguous: {len(cands)} full names end with it"
                decisions.append(MergeDecision(kept=", ".join(sorted(display(c) for c in cands)),
                                               merged=display(node), reason=node.ambiguous, type="Person",
                                               merged_apart=True))
                break
        else:
            leftovers.append(node)
    return leftovers


def join_same_single_names(cl: Clusters, leftovers: list[Node], decisions: list[MergeDecision]) -> None:
    """One-word names with no full name anywhere: the same word in several threads is one person
    ("same name"), unless it is used for a man and a woman (then the untitled ones are ambiguous)."""
    same: dict[str, list[Node]] = defaultdict(list)
    for n in leftovers:
        same[n.norm].append(n)
    for group in same.values():
        genders = {g for n in group for g in n.genders()}
        if len(genders) > 1:  # "Mr Smith" and "Ms Smith": a bare "Smith" could be either
            for n in group:
                if not n.genders():
                    n.ambiguous = "ambiguous: used for a man and a woman"
                    decisions.append(MergeDecision(kept=display(n), merged=display(n), reason=n.ambiguous,
                                                   type="Person", merged_apart=True))
            group = [n for n in group if n.genders()]
        for other in group[1:]:
            cl.union(group[0].id, other.id, "same name")
