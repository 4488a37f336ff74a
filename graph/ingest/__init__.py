"""Ingest: thread files (plain-text dumps, saved HTML pages, JSON Lines) into Threads.

    threads, problems = load_paths(["seeds", "export.jsonl"])

Folders are walked recursively in sorted order for .txt/.text, .html/.htm and
.jsonl/.ndjson files (hidden files and folders are left out); a file named directly is
read whatever its extension. The format comes from the extension, else from the
contents; `fmt` forces one. Bad input never raises: each problem is returned, naming
the file (and line), and everything else is still read.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from graph.model import Problem, Thread

from .detect import EXTENSIONS, FORMATS, detect
from .html import parse_html
from .jsonl import parse_jsonl
from .read import read_text
from .text import parse_text

__all__ = ["load_paths", "load_file", "parse_text", "parse_html", "parse_jsonl", "FORMATS"]


def load_paths(paths: Sequence[str | Path], fmt: str | None = None) -> tuple[list[Thread], list[Problem]]:
    """Every thread in `paths` (files or folders), and every problem met on the way.

    `fmt` ("text", "html" or "jsonl") forces the reader for every file; None detects it.
    An unknown `fmt` is a programming error and raises ValueError; bad input never raises.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    threads: list[Thread] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, walk_problems = _walk(path)
            problems += walk_problems
            if not files and not walk_problems:
                problems.append(Problem(str(given), "no thread files (.txt, .html, .jsonl) in this folder"))
        else:
            files = [path]
        for file in files:
            found, trouble = load_file(file, fmt)
            threads += found
            problems += trouble
    return _unique_ids(threads, problems), problems


def load_file(path: Path, fmt: str | None = None) -> tuple[list[Thread], list[Problem]]:
    """The threads in one file (several for JSON Lines, one otherwise)."""
    source = str(path)
    text, problems = read_text(path, source, declared=(fmt or EXTENSIONS.get(path.suffix.lower())) == "html")
    if text is None:
        return [], problems
    kind = fmt or detect(path, text)
    try:
        if kind == "jsonl":
            threads, more = parse_jsonl(text, source, default_thread=path.stem)
        elif kind == "html":
            thread, more = parse_html(text, source, thread_id=path.stem)
            threads = [thread]
        else:
            thread, more = parse_text(text, source, thread_id=path.stem)
            threads = [thread]
    except Exception as e:  # a reader bug must not sink the rest of the input
        return [], problems + [Problem(source, f"could not be read as {kind}: {type(e).__name__}: {e}")]
    return threads, problems + more


def _walk(root: Path) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []

    def unreadable(err: OSError) -> None:
        problems.append(Problem(str(err.filename or root), f"cannot read folder: {err.strerror or err}"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                files.append(Path(folder) / name)
    return files, problems


def _unique_ids(threads: list[Thread], problems: list[Problem]) -> list[Thread]:
    """Thread ids name graph nodes, so two inputs with the same id get told apart."""
    seen: dict[str, str] = {}
    for t in threads:
        if t.id in seen:
            n = 2
            while f"{t.id}-{n}" in seen:
                n += 1
            new = f"{t.id}-{n}"
            problems.append(Problem(t.source, f"thread id {t.id!r} is also used by {seen[t.id]}; renamed {new!r}"))
            t.id = new
        seen[t.id] = t.source
    return threads
