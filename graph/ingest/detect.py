"""Which reader a file needs: by its extension, else by its first bytes."""
from __future__ import annotations

import json
import re
from pathlib import Path

FORMATS = ("text", "html", "jsonl")
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(div|p|article|ol|ul|li|dl|span|a)\b[^>]*>", re.I)


def by_extension(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def sniff(text: str) -> str:
    """Guess the format of decoded file contents (for files with no telling extension)."""
    head = text.lstrip("\ufeff")[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    first = head.lstrip().split("\n", 1)[0].strip()
    if first.startswith("{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


def detect(path: Path, text: str) -> str:
    """The extension decides, except that a ".txt" holding a whole HTML page or JSON Lines
    (a page saved under the wrong name) is read for what it is."""
    ext = by_extension(path)
    if ext == "text":
        head = text.lstrip("\ufeff")[:4096]
        if _HTML_START.match(head):
            return "html"
        if _all_json_objects(head):
            return "jsonl"
    return ext or sniff(text)


def _all_json_objects(head: str, lines: int = 3) -> bool:
    rows = [line for line in head.split("\n") if line.strip()][:lines]
    if not rows:
        return False
    try:
        return all(isinstance(json.loads(r), dict) for r in rows)
    except ValueError:
        return False
