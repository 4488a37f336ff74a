"""Recognise page furniture (buttons, counters, navigation) in a line of a page dump.

The rules are data: graph/ingest/furniture.txt, one regular expression a line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("furniture.txt")
KINDS = ("top", "reply", "replies", "counter", "removed", "end", "skip")
BUTTONS = ("top", "reply")
# Letters that, right after a glued "Delete", make an ordinary word ("Deleted", "Deletes").
_WORD_ENDINGS = {"d", "s", "r", "rs", "able"}


@dataclass(frozen=True)
class Rules:
    lines: tuple[tuple[str, re.Pattern], ...]
    glue: tuple[tuple[str, str], ...]  # (button word, kind), longest first


@lru_cache(maxsize=None)
def rules(path: Path = RULES_FILE) -> Rules:
    lines, glue = [], []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if parts[0] == "glue" and len(parts) == 3 and parts[2] in BUTTONS:
            glue.append((parts[1], parts[2]))
        elif parts[0] in KINDS and len(parts) == 2:
            lines.append((parts[0], re.compile(parts[1], re.IGNORECASE)))
        else:
            raise ValueError(f"{path}:{n}: expected KIND<TAB>PATTERN or glue<TAB>WORD<TAB>KIND")
    glue.sort(key=lambda g: -len(g[0]))
    return Rules(tuple(lines), tuple(glue))


def classify(line: str) -> str | None:
    """The furniture kind of a whole (stripped) line, or None for ordinary text."""
    text = line.strip()
    if not text:
        return None
    for kind, pattern in rules().lines:
        if pattern.fullmatch(text):
            return kind
    return None


def split_glued(line: str) -> tuple[str, str, str] | None:
    """Split a button glued to text: (text before, button kind, text after), or None.

    Saved pages often lose the break around a button: "...get away with it.ReplyDelete"
    or "ReplyDeleteHow apt that...". Matching is case-sensitive, so prose that merely
    uses the word ("please delete it") is left alone.
    """
    text = line.strip()
    if classify(text) is not None:
        return None  # a whole furniture line ("ReplyDelete") is not text with a button glued on
    for word, kind in rules().glue:
        camel = word[1:] != word[1:].lower()  # "ReplyDelete" is no English word
        if text.startswith(word) and len(text) > len(word):
            rest = text[len(word):]
            follow = re.match(r"[a-z]*", rest).group(0)
            if rest[0].isspace() and not camel:
                continue
            if not camel and follow in _WORD_ENDINGS and not rest[len(follow):][:1].isalpha():
                continue
            return "", kind, rest.strip()
        if text.endswith(word) and len(text) > len(word):
            before = text[: -len(word)]
            if before[-1].isspace() and not camel:
                continue
            return before.strip(), kind, ""
    return None
