"""Contracts (step 5 of graph.resolve): one entity per subject and buyer."""
from __future__ import annotations

from collections import Counter, defaultdict

from graph.model import Entity, MergeDecision, Mention
from graph.resolve.names import mention_order, norm_name


def resolve_contracts(mentions: list[Mention], existing: dict[str, Entity], decisions: list[MergeDecision]) -> list[Entity]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        buyer = str(m.attrs.get("buyer") or "") if m.attrs else ""
        subject = norm_name(m.text, "Contract")
        if m.attrs and m.attrs.get("unnamed"):
            # "the bidders" with no contract named: one unknown contract per message, never a
            # contract shared by every thread that mentions bidders
            subject += f" #{m.evidence.thread}/{m.evidence.message}"
        groups[(subject, norm_name(buyer, "Organization") if buyer else "")].append(m)
    # a contract told without its buyer is the one with that subject whose buyer is known,
    # when there is exactly one (in its thread first, then anywhere)
    for (subject, buyer) in [k for k in groups if not k[1]]:
        known = [k for k in groups if k[0] == subject and k[1]]
        threads = {m.evidence.thread for m in groups[(subject, buyer)]}
        local = [k for k in known if threads & {m.evidence.thread for m in groups[k]}]
        pick = local if len(local) == 1 else (known if len(known) == 1 and not local else [])
        if pick:
            target = pick[0]
            moved = groups.pop((subject, buyer))
            groups[target].extend(moved)
            decisions.append(MergeDecision(kept=groups[target][0].text, merged=moved[0].text,
                                           reason="same subject, buyer known", type="Contract"))
    out = []
    taken = set(existing)
    for (subject, buyer), ms in sorted(groups.items()):
        ms = sorted(ms, key=mention_order)
        base = f"contract:{subject.partition(' #')[0]}" + (f" @ {buyer}" if buyer else "")
        key, k = base, 2
        while key in taken:
            key = f"{base}~{k}"
            k += 1
        taken.add(key)
        attrs: dict[str, object] = {}
        for m in ms:
            for a, v in (m.attrs or {}).items():
                if a not in attrs:
                    attrs[a] = list(v) if isinstance(v, (list, tuple)) else v
                elif isinstance(attrs[a], list) and isinstance(v, (list, tuple)):
                    attrs[a] = attrs[a] + [x for x in v if x not in attrs[a]]
        name = Counter(m.text for m in ms).most_common(1)[0][0]
        out.append(Entity(key=key, type="Contract", name=name, aliases={m.text for m in ms} - {name},
                          mentions=ms, attrs=attrs))
    return out
