"""Nodes (the mentions sharing one normalised name) and the union-find over them that records
why each node joined its cluster and which merges a guard refused."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.model import MergeDecision, Mention
from graph.nlp import lexicons
from graph.resolve.names import gender_of, norm_name, resolution_lists, title_of


@dataclass
class Node:
    """All mentions sharing one normalised name (one-word people: per thread)."""

    id: int
    label: str
    norm: str
    mentions: list[Mention] = field(default_factory=list)
    reason: str | None = None  # why it joined the cluster it is in
    threads: set[str] = field(default_factory=set)
    ambiguous: str | None = None
    expansion: str | None = None  # a defined acronym's long form that no mention spells out
    first: dict[str, tuple[int, int]] = field(default_factory=dict)  # thread -> where it is first named
    joined: int | None = None  # the node it was joined to, with `reason`

    @property
    def words(self) -> list[str]:
        return self.norm.split()

    def genders(self) -> set[str]:
        """From titles ("Mr", "Ms") and, for full names, a common first name (first_names.tsv)."""
        found = {g for m in self.mentions if (g := gender_of(title_of(m)))}
        if self.label == "Person" and len(self.words) >= 2:
            g = lexicons()["first_names"].get(self.words[0])
            if g:
                found.add(g)
        return found


class Clusters:
    def __init__(self, nodes: list[Node], keep_apart: list[tuple[str, str]]):
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.norms = [{n.norm} for n in nodes]
        self.genders = [n.genders() for n in nodes]
        self.keep_apart = keep_apart
        self.refused: list[MergeDecision] = []

    def add(self, label: str, norm: str) -> Node:
        """A node no mention spells out (a defined acronym's expansion), in a cluster of its own."""
        node = Node(id=len(self.nodes), label=label, norm=norm)
        self.nodes.append(node)
        self.parent.append(node.id)
        self.norms.append({node.norm})
        self.genders.append(set())
        return node

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def blocked(self, a: int, b: int) -> str | None:
        ra, rb = self.find(a), self.find(b)
        ga, gb = self.genders[ra], self.genders[rb]
        if ga and gb and ga != gb:
            return "gender clash"
        for x, y in self.keep_apart:
            if (x in self.norms[ra] and y in self.norms[rb]) or (y in self.norms[ra] and x in self.norms[rb]):
                return "override: keep apart"
        return None

    def union(self, keep: int, merge: int, reason: str, force: bool = False) -> bool:
        ra, rb = self.find(keep), self.find(merge)
        if ra == rb:
            return False
        why = None if force else self.blocked(ra, rb)
        if why:
            n_keep, n_merge = self.nodes[keep], self.nodes[merge]
            self.refused.append(MergeDecision(kept=display(n_keep), merged=display(n_merge),
                                              reason=f"{why} (not {reason})", type=n_keep.label, merged_apart=True))
            return False
        self.parent[rb] = ra
        self.norms[ra] |= self.norms[rb]
        self.genders[ra] |= self.genders[rb]
        if self.nodes[merge].reason is None:
            self.nodes[merge].reason = reason
            self.nodes[merge].joined = keep
        return True

    def groups(self) -> dict[int, list[Node]]:
        out: dict[int, list[Node]] = defaultdict(list)
        for n in self.nodes:
            out[self.find(n.id)].append(n)
        return out


def display(node: Node) -> str:
    return Counter(m.text for m in node.mentions).most_common(1)[0][0] if node.mentions else node.norm


def make_nodes(mentions: list[Mention]) -> list[Node]:
    index: dict[tuple, Node] = {}
    nodes: list[Node] = []
    rank: dict[tuple[str, str], int] = {}  # messages in the order the mentions come (thread order)
    for m in mentions:
        norm = norm_name(m.text, m.label)
        if not norm:
            continue
        # one-word people resolve within their thread first, so they are kept per thread
        # and per gender, so that "Mr Smith" and "Ms Smith" start apart
        scope = (m.evidence.thread, gender_of(title_of(m))) if m.label == "Person" and len(norm.split()) == 1 else ""
        if m.label == "Organization" and (norm in resolution_lists()["generic_bodies"]
                                          or (m.attrs and m.attrs.get("generic"))):
            scope = m.evidence.thread  # "the council" / "the government" of one thread is not that of another
        key = (m.label, norm, scope)
        node = index.get(key)
        if node is None:
            node = index[key] = Node(id=len(nodes), label=m.label, norm=norm)
            nodes.append(node)
        node.mentions.append(m)
        node.threads.add(m.evidence.thread)
        ev = m.evidence
        at = (rank.setdefault((ev.thread, ev.message), len(rank)), ev.start)
        if ev.thread not in node.first or at < node.first[ev.thread]:
            node.first[ev.thread] = at
    return nodes


def join_aliases(cl: Clusters, nodes: list[Node]) -> None:
    """ "X is officially known as Y", "X, also called Y": the text named Y as another name of X
    (graph.extract.entities marks Y with attrs["alias_of"] = X's ref); same type only."""
    by_ref = {m.ref: n for n in nodes for m in n.mentions}
    for n in nodes:
        for m in n.mentions:
            x = by_ref.get(m.attrs.get("alias_of")) if m.attrs else None
            if x is not None and x.label == n.label:
                cl.union(x.id, n.id, "alias (known as / called)")
