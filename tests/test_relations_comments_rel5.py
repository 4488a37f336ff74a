"""Comment-thread relations, round 5: forms of address, bid statuses in lists. All names invented."""
from __future__ import annotations

from graph.extract import extract_thread
from graph.model import Message, Thread


def facts(text: str, kind: str | None = None):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    out = []
    for r in relations:
        if kind and r.kind != kind:
            continue
        obj = by_ref[r.object].text.rstrip(".") if r.object else None
        out.append((r.kind, by_ref[r.subject].text.rstrip("."), obj, dict(r.qualifiers)))
    return out


def test_cllr_before_a_name_is_no_post():
    # "Cllr X" says how X is addressed; with no council named there is no post to record
    assert [f for f in facts("Cllr Rowena Pask said the scheme had been rushed through.", "post")
            if f[2] is None] == []


def test_councillor_with_a_body_is_still_a_post():
    got = facts("Rowena Pask, the leader of Dunmere Borough Council, said the scheme had been rushed.", "post")
    assert any(s == "Rowena Pask" and o == "Dunmere Borough Council" for _, s, o, _ in got)
