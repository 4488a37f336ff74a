"""Bad input never raises: each problem is returned naming the file (and line), and the rest is read."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graph.ingest import load_paths

GOOD = "Ferry fares rise\nFares rose by a tenth.\n2 comments:\nToo much.\nReplyDelete\nAgreed.\nDelete\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def problems_for(problems, name):
    return [p for p in problems if Path(p.source).name == name]


def test_a_missing_path_is_a_problem_and_the_rest_is_read(folder):
    threads, problems = load_paths([folder / "nope.txt", folder / "good.txt"])
    assert [t.id for t in threads] == ["good"]
    assert len(problems) == 1 and problems[0].source == str(folder / "nope.txt")
    assert "no such file" in problems[0].message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_a_problem(folder):
    locked = folder / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        threads, problems = load_paths([folder])
    finally:
        locked.chmod(0o644)
    assert [t.id for t in threads] == ["good"]
    assert "permission denied" in problems_for(problems, "locked.txt")[0].message


def test_a_permission_error_is_reported_not_raised(folder, monkeypatch):
    # The same path as above, for machines (root, CI containers) where chmod cannot lock a file.
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    (folder / "locked.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    threads, problems = load_paths([folder])
    assert [t.id for t in threads] == ["good"]
    assert [p.message for p in problems] == ["cannot read: permission denied"]
    assert problems[0].source == str(folder / "locked.txt")


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n"])
def test_an_empty_file_is_a_problem(folder, content):
    (folder / "empty.txt").write_bytes(content)
    threads, problems = load_paths([folder])
    assert [t.id for t in threads] == ["good"]
    assert [(Path(p.source).name, p.message) for p in problems] == [("empty.txt", "empty file")]


def test_a_binary_file_is_a_problem(folder):
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    threads, problems = load_paths([folder])
    assert [t.id for t in threads] == ["good"]
    assert "binary" in problems_for(problems, "photo.txt")[0].message


def test_undecodable_garbage_is_a_problem(folder):
    garbage = bytes(b for b in range(1, 256) if b not in b"\t\n\r") * 20  # no NUL, not text in any encoding
    (folder / "garbage.txt").write_bytes(garbage)
    threads, problems = load_paths([folder])
    assert [t.id for t in threads] == ["good"]
    assert "undecodable" in problems_for(problems, "garbage.txt")[0].message


def test_a_windows_1252_file_is_read_and_reported(folder):
    text = "Caf\u00e9 rents\nThe \u201cnew\u201d rent is \u20ac900.\n1 comment:\nNa\u00efve.\nReplyDelete\n"
    (folder / "cp1252.txt").write_bytes(text.encode("cp1252"))
    threads, problems = load_paths([folder])
    thread = {t.id: t for t in threads}["cp1252"]
    assert thread.title == "Caf\u00e9 rents"
    assert thread.post.text == "The \u201cnew\u201d rent is \u20ac900."
    assert thread.comments[0].text == "Na\u00efve."
    [problem] = problems_for(problems, "cp1252.txt")
    assert "not valid UTF-8" in problem.message and "Windows-1252" in problem.message


def test_a_latin_1_file_is_read_and_reported(folder):
    (folder / "latin1.txt").write_bytes("Se\u00f1or Ruiz wins\nHe won the \u00bd-price tender.\n".encode("latin-1"))
    threads, problems = load_paths([folder])
    assert {t.id: t for t in threads}["latin1"].post.text == "He won the \u00bd-price tender."
    assert len(problems_for(problems, "latin1.txt")) == 1


def test_utf8_with_bom_and_utf16_are_read_silently(folder):
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    (folder / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    threads, problems = load_paths([folder])
    assert problems == []
    got = {t.id: t for t in threads}
    assert got["bom"].title == got["wide"].title == got["good"].title == "Ferry fares rise"
    assert [c.text for c in got["wide"].comments] == ["Too much.", "Agreed."]


def test_html_declaring_its_charset_is_not_a_problem(folder):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            '<body><h1 class="entry-title">Caf\u00e9 rents</h1><div class="entry-content"><p>\u20ac900 a month.</p>'
            '</div></body></html>')
    (folder / "page.html").write_bytes(page.encode("cp1252"))
    threads, problems = load_paths([folder / "page.html"])
    assert problems == []
    assert threads[0].post.text == "\u20ac900 a month." and threads[0].title == "Caf\u00e9 rents"


def test_a_malformed_json_line_names_file_and_line_and_keeps_the_rest(folder):
    rows = [json.dumps({"thread": "t", "id": "p", "text": "Post"}), "{oops",
            json.dumps({"thread": "t", "id": "a", "parent": "p", "text": "kept"})]
    (folder / "export.jsonl").write_text("\n".join(rows), encoding="utf-8")
    threads, problems = load_paths([folder])
    assert [c.text for c in {t.id: t for t in threads}["t"].comments] == ["kept"]
    [p] = problems_for(problems, "export.jsonl")
    assert p.line == 2 and str(p) == f"{folder / 'export.jsonl'}:2: {p.message}"


def test_a_broken_html_comment_does_not_sink_the_thread(folder):
    page = """<html><body><div class="post-body">The post.</div>
    <ol class="commentlist">
      <li class="comment" id="comment-1"><div class="comment-content"><p>First <b>bold, never closed</p></div>
      <li class="comment" id="comment-2"><div class="comment-content"><p>Second.</p></div></li>
      <li class="comment" id="comment-3"></li>
    </ol></body></html>"""
    (folder / "broken.html").write_text(page, encoding="utf-8")
    threads, problems = load_paths([folder / "broken.html"])
    texts = [c.text for c in threads[0].comments]
    assert "Second." in texts and any(t.startswith("First bold, never closed") for t in texts)
    assert threads[0].post.text == "The post."


def test_a_reader_crash_becomes_a_problem(folder, monkeypatch):
    import graph.ingest as ingest

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ingest, "parse_html", explode)
    (folder / "page.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    threads, problems = load_paths([folder])
    assert [t.id for t in threads] == ["good"]
    assert "RuntimeError: boom" in problems_for(problems, "page.html")[0].message


def test_nothing_readable_gives_no_threads_and_says_why(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    threads, problems = load_paths([tmp_path, tmp_path / "missing"])
    assert threads == [] and len(problems) == 2


def test_a_folder_with_no_thread_files_is_a_problem(tmp_path):
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    threads, problems = load_paths([tmp_path])
    assert threads == [] and "no thread files" in problems[0].message


# --- walking and detection ----------------------------------------------------------------

def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    for rel in ["b/z.txt", "b/y.htm", "a.txt", "c/d/e.ndjson", "skip.md", ".hidden/x.txt", "b/.x.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith("ndjson"):
            path.write_text(json.dumps({"thread": "e", "id": "p", "text": "Post"}), encoding="utf-8")
        elif rel.endswith("htm"):
            path.write_text('<html><body><div class="entry-content"><p>Post</p></div></body></html>', encoding="utf-8")
        else:
            path.write_text(GOOD, encoding="utf-8")
    threads, problems = load_paths([tmp_path])
    assert problems == []
    assert [(t.id, t.format) for t in threads] == [("a", "text"), ("y", "html"), ("z", "text"), ("e", "jsonl")]
    assert [Path(t.source).relative_to(tmp_path).as_posix() for t in threads] == [
        "a.txt", "b/y.htm", "b/z.txt", "c/d/e.ndjson"]


def test_two_inputs_with_one_thread_id_are_told_apart(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "x" / "a.txt").write_text(GOOD, encoding="utf-8")
    threads, problems = load_paths([tmp_path])
    assert [t.id for t in threads] == ["a", "a-2"]
    assert len(problems) == 1 and problems[0].source == str(tmp_path / "x" / "a.txt")


def test_a_file_named_directly_is_read_whatever_its_extension(tmp_path):
    (tmp_path / "thread.dump").write_text(GOOD, encoding="utf-8")
    (tmp_path / "page.saved").write_text('<!DOCTYPE html><html><body><div class="entry-content"><p>Hi</p></div>'
                                         '</body></html>', encoding="utf-8")
    (tmp_path / "rows.export").write_text(json.dumps({"thread": "r", "id": "p", "text": "Row"}), encoding="utf-8")
    threads, problems = load_paths(sorted(tmp_path.iterdir()))
    assert problems == []
    assert {t.id: t.format for t in threads} == {"page": "html", "r": "jsonl", "thread": "text"}


def test_format_can_be_forced(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>Not really HTML</p>\nFares rose.\n", encoding="utf-8")
    threads, _ = load_paths([page], fmt="text")
    assert threads[0].format == "text" and threads[0].title == "<p>Not really HTML</p>"  # markup left as typed
    with pytest.raises(ValueError):
        load_paths([page], fmt="pdf")


def test_a_page_saved_under_the_wrong_extension_is_read_for_what_it_is(tmp_path):
    (tmp_path / "page.txt").write_text('<!DOCTYPE html>\n<html><body><div class="entry-content"><p>Hi.</p></div>'
                                       '</body></html>', encoding="utf-8")
    (tmp_path / "rows.txt").write_text(json.dumps({"thread": "r", "id": "p", "text": "Row"}) + "\n", encoding="utf-8")
    (tmp_path / "prose.txt").write_text("{curly} braces open this note\nand it goes on.\n", encoding="utf-8")
    threads, problems = load_paths([tmp_path])
    assert problems == []
    assert {t.id: (t.format, t.post.text) for t in threads} == {
        "page": ("html", "Hi."), "r": ("jsonl", "Row"), "prose": ("text", "and it goes on.")}


def test_a_utf8_file_with_one_stray_byte_keeps_its_utf8_and_reports_the_byte(folder):
    text = "Caf\u00e9 \u201crents\u201d\nThe rent is \u20ac900.\n".encode("utf-8").replace(b"900", b"9\xa000")
    (folder / "mixed.txt").write_bytes(text)
    threads, problems = load_paths([folder])
    thread = {t.id: t for t in threads}["mixed"]
    assert thread.title == "Caf\u00e9 \u201crents\u201d"  # the good UTF-8 is not mangled into mojibake
    assert thread.post.text == "The rent is \u20ac9 00."  # the stray byte: cp1252 no-break space, made a space
    [problem] = problems_for(problems, "mixed.txt")
    assert "1 bad byte," in problem.message and "0xa0" in problem.message
