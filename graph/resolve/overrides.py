"""The overrides file (TOML): [[merge]] names forced into one entity, [[keep_apart]] names
never put in one."""
from __future__ import annotations

import tomllib
from pathlib import Path

from graph.resolve.clusters import Clusters, Node
from graph.resolve.names import norm_name


def read_overrides(path: Path | str | None) -> tuple[list[list[str]], list[list[str]]]:
    """([[names to merge]], [[names to keep apart]]) from a TOML overrides file."""
    if path is None:
        return [], []
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read overrides {path}: {exc}") from exc

    def lists(key: str) -> list[list[str]]:
        out = []
        for i, entry in enumerate(data.get(key, [])):
            names = entry.get("names") if isinstance(entry, dict) else None
            if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
                raise ValueError(f"{path}: [[{key}]] entry {i + 1} needs names = [\"A\", \"B\", ...]")
            out.append(names)
        return out

    return lists("merge"), lists("keep_apart")


def force_merge(cl: Clusters, nodes: list[Node], names: list[str]) -> None:
    targets = []
    for name in names:
        hits = [n for n in nodes if n.norm in (norm_name(name, n.label),)]
        if hits:
            targets.append(hits[0])
            for h in hits[1:]:
                cl.union(hits[0].id, h.id, "override", force=True)
    for t in targets[1:]:
        t.ambiguous = None
        cl.union(targets[0].id, t.id, "override", force=True)
    if targets:
        targets[0].ambiguous = None


def keep_apart_pairs(apart_lists: list[list[str]]) -> list[tuple[str, str]]:
    """Each pair of names a [[keep_apart]] entry lists, normalised as people and as organisations."""
    pairs = []
    for names in apart_lists:
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                pairs += [(norm_name(a, "Person"), norm_name(b, "Person")),
                          (norm_name(a, "Organization"), norm_name(b, "Organization"))]
    return pairs
