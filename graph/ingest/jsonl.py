"""JSON Lines exports: one message a line, {thread, id, parent, author, created, text} (and title).

- Several threads may share a file; threads come in order of first appearance and each
  thread's messages in file order.
- The post is the message with id "post", else the first message with no parent. A thread
  with neither gets an empty post (reported once), and comments whose parent is not in
  the file hang from it.
- Ids are renumbered to the shape every format shares: "c1", "c2" ... for top-level
  comments, "c2.1" ... for replies, "c2.1.1" for deeper ones, in file order. The export's
  own ids only serve to link parents.
- Bad lines never stop the file: a line that is not a JSON object is reported with its
  line number and left out; a line missing "text" or "id", or naming a parent that is not
  in its thread, is reported and kept (as a top-level comment where the parent is unknown).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from dataclasses import dataclass

from graph.model import Message, Problem, Thread

from .dates import to_iso
from .text import normalise


# Bad lines reported one by one; past this, one summary (a text file forced as JSONL).
MAX_LINE_PROBLEMS = 10


@dataclass
class _Row:
    line: int
    key: str  # the export's id (or a made-up one)
    parent: str | None
    author: str | None
    created: str | None
    text: str
    title: str | None


def parse_jsonl(text: str, source: str, default_thread: str) -> tuple[list[Thread], list[Problem]]:
    problems: list[Problem] = []
    rows: dict[str, list[_Row]] = {}
    skipped: list[int] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            skipped.append(n)
            if len(skipped) <= MAX_LINE_PROBLEMS:
                problems.append(Problem(source, f"malformed JSON ({e.msg} at column {e.colno}); line skipped", line=n))
            continue
        if not isinstance(obj, dict):
            skipped.append(n)
            if len(skipped) <= MAX_LINE_PROBLEMS:
                problems.append(Problem(source, f"expected a JSON object, got {type(obj).__name__}; line skipped",
                                        line=n))
            continue
        thread = _str(obj.get("thread"))
        if thread is None:
            problems.append(Problem(source, f'no "thread"; put in thread {default_thread!r}', line=n))
            thread = default_thread
        rows.setdefault(thread, []).append(_row(obj, n, source, problems))
    if len(skipped) > MAX_LINE_PROBLEMS:
        more = skipped[MAX_LINE_PROBLEMS:]
        problems.append(Problem(source, f"{len(more)} more lines skipped as not JSON objects "
                                        f"(lines {more[0]}-{more[-1]}); is this really JSON Lines?"))
    threads = [_thread(tid, found, source, problems) for tid, found in rows.items()]
    if not threads and not problems:
        problems.append(Problem(source, "no messages in this JSON Lines file"))
    return threads, problems


def _row(obj: dict, n: int, source: str, problems: list[Problem]) -> _Row:
    key = _str(obj.get("id"))
    if key is None:
        key = f"line {n}"
        problems.append(Problem(source, 'no "id"; kept, but nothing can reply to it', line=n))
    text = obj.get("text")
    if not isinstance(text, str):
        problems.append(Problem(source, 'no "text"; kept with empty text' if text is None
                                else f'"text" is a {type(text).__name__}, not a string; kept as written', line=n))
        text = "" if text is None else json.dumps(text, ensure_ascii=False)
    return _Row(line=n, key=key, parent=_str(obj.get("parent")), author=_str(obj.get("author")),
                created=_created(obj.get("created")), text=normalise(text).strip(), title=_str(obj.get("title")))


def _created(value) -> str | None:
    """ISO 8601; a number is a Unix time in seconds (as many platforms export it)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            when = datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return str(value)
        return when.isoformat(timespec="seconds").replace("+00:00", "Z")
    return to_iso(_str(value))


def _str(value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def _thread(tid: str, rows: list[_Row], source: str, problems: list[Problem]) -> Thread:
    post_row = next((r for r in rows if r.key == "post"), None) or next((r for r in rows if r.parent is None), None)
    keys = {r.key for r in rows}
    if post_row is None:
        problems.append(Problem(source, f"thread {tid!r} has no post (no message with id \"post\" or without a "
                                        "parent); an empty post was added and comments whose parent is not in "
                                        "the file hang from it"))
        post = Message(id="post", text="", parent=None)
    else:
        post = Message(id="post", text=post_row.text, parent=None, author=post_row.author,
                       created=post_row.created, title=post_row.title)
        keys.discard(post_row.key)
    # Parent links among the comments; unknown parents (and cycles) go to the post.
    parent_of: dict[int, str | None] = {}
    by_key: dict[str, _Row] = {}
    for r in rows:
        if r is post_row:
            continue
        if r.key in by_key:
            problems.append(Problem(source, f"id {r.key!r} used twice in thread {tid!r}; "
                                            "replies go to the first", line=r.line))
        by_key.setdefault(r.key, r)
    for r in rows:
        if r is post_row:
            continue
        parent = r.parent
        if parent is not None and post_row is not None and parent == post_row.key:
            parent = None
        elif parent is not None and parent not in by_key:
            if post_row is not None:
                problems.append(Problem(source, f"parent {parent!r} is not in thread {tid!r}; "
                                                "kept as a top-level comment", line=r.line))
            parent = None
        parent_of[id(r)] = parent
    for r in rows:  # a reply chain that loops back on itself has no root: cut it at the loop
        seen, cur = set(), r
        while cur is not None and parent_of.get(id(cur)) is not None:
            if id(cur) in seen:
                problems.append(Problem(source, f"replies to {r.key!r} loop back on themselves; "
                                                "kept as a top-level comment", line=r.line))
                parent_of[id(r)] = None
                break
            seen.add(id(cur))
            cur = by_key.get(parent_of[id(cur)])
    comments = _renumber([r for r in rows if r is not post_row], parent_of, by_key)
    return Thread(id=tid, source=source, post=post, comments=comments, format="jsonl",
                  title=post.title)


def _renumber(rows: list[_Row], parent_of: dict[int, str | None], by_key: dict[str, _Row]) -> list[Message]:
    """c-ids by tree position; messages stay in file order."""
    new_id: dict[int, str] = {}
    children: dict[str, int] = {}

    def assign(r: _Row) -> str:
        if id(r) in new_id:
            return new_id[id(r)]
        parent_key = parent_of[id(r)]
        parent_id = assign(by_key[parent_key]) if parent_key is not None else "post"
        children[parent_id] = children.get(parent_id, 0) + 1
        n = children[parent_id]
        new_id[id(r)] = f"c{n}" if parent_id == "post" else f"{parent_id}.{n}"
        return new_id[id(r)]

    for r in rows:
        assign(r)
    out = []
    for r in rows:
        parent_key = parent_of[id(r)]
        parent = new_id[id(by_key[parent_key])] if parent_key is not None else "post"
        out.append(Message(id=new_id[id(r)], text=r.text, parent=parent, author=r.author, created=r.created))
    return out
