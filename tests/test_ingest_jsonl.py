"""JSON Lines exports: {thread, id, parent, author, created, text} one message a line."""
from __future__ import annotations

import json

from graph.ingest import load_paths
from graph.ingest.jsonl import parse_jsonl


def lines(*rows):
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n"


def parse(text):
    return parse_jsonl(text, "export.jsonl", default_thread="export")


def test_several_threads_in_one_file_in_order_of_appearance():
    threads, problems = parse(lines(
        {"thread": "b", "id": "1", "text": "Post B"},
        {"thread": "a", "id": "1", "text": "Post A", "title": "Title A"},
        {"thread": "b", "id": "2", "parent": "1", "text": "Comment on B"},
        {"thread": "a", "id": "2", "parent": "1", "text": "Comment on A"},
        {"thread": "a", "id": "3", "parent": "2", "text": "Reply on A"},
    ))
    assert problems == []
    assert [t.id for t in threads] == ["b", "a"]
    a = threads[1]
    assert (a.post.text, a.title, a.post.title) == ("Post A", "Title A", "Title A")
    assert [(c.id, c.parent, c.text) for c in a.comments] == [("c1", "post", "Comment on A"),
                                                             ("c1.1", "c1", "Reply on A")]
    assert all(t.format == "jsonl" for t in threads)


def test_the_message_with_id_post_is_the_post_wherever_it_is():
    threads, problems = parse(lines(
        {"thread": "t", "id": "x1", "parent": "post", "text": "A comment"},
        {"thread": "t", "id": "post", "text": "The post"},
    ))
    assert problems == []
    assert threads[0].post.text == "The post"
    assert [(c.id, c.parent) for c in threads[0].comments] == [("c1", "post")]


def test_deep_replies_and_replies_listed_before_their_parent():
    threads, _ = parse(lines(
        {"thread": "t", "id": "p", "text": "Post"},
        {"thread": "t", "id": "r2", "parent": "r1", "text": "deeper"},
        {"thread": "t", "id": "r1", "parent": "top", "text": "reply"},
        {"thread": "t", "id": "top", "parent": "p", "text": "top"},
    ))
    got = {c.text: (c.id, c.parent) for c in threads[0].comments}
    assert got == {"top": ("c1", "post"), "reply": ("c1.1", "c1"), "deeper": ("c1.1.1", "c1.1")}
    assert [c.text for c in threads[0].comments] == ["deeper", "reply", "top"]  # file order kept


def test_a_malformed_line_is_reported_with_its_number_and_the_rest_is_read():
    threads, problems = parse(lines(
        {"thread": "t", "id": "p", "text": "Post"},
        '{"thread": "t", "id": "c", "parent": "p", "text": "cut off',
        {"thread": "t", "id": "d", "parent": "p", "text": "still here"},
        "[1, 2]",
    ))
    assert [c.text for c in threads[0].comments] == ["still here"]
    assert [(p.source, p.line) for p in problems] == [("export.jsonl", 2), ("export.jsonl", 4)]
    assert "malformed JSON" in problems[0].message and "JSON object" in problems[1].message


def test_missing_fields_are_reported_and_the_comment_kept():
    threads, problems = parse(lines(
        {"thread": "t", "id": "p", "text": "Post"},
        {"thread": "t", "parent": "p", "text": "no id"},
        {"thread": "t", "id": "n", "parent": "p"},
        {"id": "q", "parent": "p", "text": "no thread"},
    ))
    by_thread = {t.id: t for t in threads}
    assert [c.text for c in by_thread["t"].comments] == ["no id", ""]
    assert [c.parent for c in by_thread["t"].comments] == ["post", "post"]
    # a line with no thread goes to the thread named after the file
    assert by_thread["export"].comments[0].text == "no thread"
    assert [(p.line, p.message.split(";")[0]) for p in problems if p.line] == [
        (2, 'no "id"'), (3, 'no "text"'), (4, 'no "thread"')]
    # ... and that thread has no post of its own
    assert [p.message.split(" (")[0] for p in problems if not p.line] == ["thread 'export' has no post"]


def test_an_unknown_parent_is_reported_and_the_comment_kept_top_level():
    threads, problems = parse(lines(
        {"thread": "t", "id": "p", "text": "Post"},
        {"thread": "t", "id": "a", "parent": "p", "text": "fine"},
        {"thread": "t", "id": "b", "parent": "ghost", "text": "orphan"},
    ))
    assert [(c.id, c.parent, c.text) for c in threads[0].comments] == [("c1", "post", "fine"), ("c2", "post", "orphan")]
    assert len(problems) == 1 and problems[0].line == 3 and "'ghost'" in problems[0].message


def test_a_thread_without_a_post_gets_an_empty_one_and_one_problem():
    threads, problems = parse(lines(
        {"thread": "t", "id": "a", "parent": "t3_remote", "text": "first"},
        {"thread": "t", "id": "b", "parent": "a", "text": "reply"},
        {"thread": "t", "id": "c", "parent": "t3_remote", "text": "second"},
    ))
    t = threads[0]
    assert t.post.text == "" and t.post.id == "post"
    assert [(c.id, c.parent) for c in t.comments] == [("c1", "post"), ("c1.1", "c1"), ("c2", "post")]
    assert len(problems) == 1 and "no post" in problems[0].message


def test_a_reply_loop_is_cut_and_reported():
    threads, problems = parse(lines(
        {"thread": "t", "id": "p", "text": "Post"},
        {"thread": "t", "id": "a", "parent": "b", "text": "A"},
        {"thread": "t", "id": "b", "parent": "a", "text": "B"},
    ))
    parents = {c.text: c.parent for c in threads[0].comments}
    assert "post" in parents.values()  # the loop has a root again
    assert any("loop" in p.message for p in problems)
    assert len(threads[0].comments) == 2


def test_created_times_become_iso_where_they_parse():
    threads, _ = parse(lines(
        {"thread": "t", "id": "p", "text": "Post", "created": "30 October 2014 at 20:18"},
        {"thread": "t", "id": "a", "parent": "p", "text": "A", "created": "2014-10-30T21:00:00Z"},
        {"thread": "t", "id": "b", "parent": "p", "text": "B", "created": "last week"},
        {"thread": "t", "id": "c", "parent": "p", "text": "C", "created": 1414700280},
    ))
    t = threads[0]
    assert [m.created for m in t.messages()] == ["2014-10-30T20:18", "2014-10-30T21:00:00Z", "last week",
                                                 "2014-10-30T20:18:00Z"]


def test_ndjson_extension_and_blank_lines(tmp_path):
    f = tmp_path / "feed.ndjson"
    f.write_text("\n" + lines({"thread": "t", "id": "p", "text": "Post"}) + "\n\n", encoding="utf-8")
    threads, problems = load_paths([f])
    assert problems == [] and [t.id for t in threads] == ["t"]


def test_any_mix_of_ids_and_parents_gives_well_formed_threads():
    # Duplicate ids, loops, unknown parents, missing fields, junk lines: never an exception,
    # ids unique, every parent an earlier-numbered message of the same thread.
    import random

    rng = random.Random(7)
    keys = ["post", "a", "b", "c", "d", None, 5]
    for _ in range(300):
        rows = []
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.1:
                rows.append(rng.choice(["{", "[]", "null", '"x"', "{}"]))
                continue
            row = {"thread": rng.choice(["t", "u", None]), "id": rng.choice(keys),
                   "parent": rng.choice(keys), "text": rng.choice(["x", None, 3])}
            rows.append({k: v for k, v in row.items() if v is not None or rng.random() < 0.5})
        threads, _ = parse(lines(*rows) if rows else "")
        for t in threads:
            ids = {m.id for m in t.messages()}
            assert len(ids) == 1 + len(t.comments)
            for c in t.comments:
                assert c.parent in ids and c.parent != c.id
                assert c.parent == "post" or c.id.startswith(c.parent + ".")


def test_a_file_that_is_not_json_lines_gets_ten_line_problems_and_a_summary():
    text = "\n".join(f"plain line {i}" for i in range(1, 31))
    threads, problems = parse(text)
    assert threads == []
    assert [p.line for p in problems[:10]] == list(range(1, 11))
    assert len(problems) == 11 and "20 more lines" in problems[10].message and "11-30" in problems[10].message
