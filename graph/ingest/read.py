"""Read one file as text, reporting (never raising) what is wrong with it."""
from __future__ import annotations

import codecs
import re
import threading
from pathlib import Path

from graph.model import Problem

SNIFF = 8192
# Share of control characters above which decoded "text" is taken for binary garbage.
MAX_CONTROL_SHARE = 0.02
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def read_text(path: Path, source: str, declared: bool = False) -> tuple[str | None, list[Problem]]:
    """The decoded text of `path`, or None with a Problem saying why not.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are read silently; bytes that
    are not UTF-8 are read as Windows-1252 with a Problem naming the file, since a wrongly
    encoded page is still worth ingesting. `declared`: honour an HTML <meta charset>.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(source, "no such file or folder")]
    except PermissionError:
        return None, [Problem(source, "cannot read: permission denied")]
    except IsADirectoryError:
        return None, [Problem(source, "is a folder, not a file")]
    except OSError as e:
        return None, [Problem(source, f"cannot read: {e.strerror or e}")]

    if not data.strip():
        return None, [Problem(source, "empty file")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), source, [])
        except UnicodeDecodeError:
            return None, [Problem(source, "starts with a UTF-16 byte-order mark but is not UTF-16; skipped")]
    if b"\x00" in data[:SNIFF]:
        return None, [Problem(source, "binary file (contains NUL bytes), not a text, HTML or JSON Lines thread; skipped")]

    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        text = None
        charset = _declared_charset(data) if declared else None
        if charset:
            try:
                text = data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                text = None
        if text is None:
            # Byte by byte: valid UTF-8 stays UTF-8 and each bad byte is read as Windows-1252,
            # which suits both a whole cp1252/latin-1 file and a UTF-8 file with a pasted-in stray.
            text, bad = _decode_mixed(data)
            offset = e.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
            problems.append(Problem(source, f"not valid UTF-8 ({bad} bad byte{'s' if bad > 1 else ''}, "
                                            f"the first 0x{data[offset]:02x} at offset {offset}); "
                                            "those bytes read as Windows-1252 (cp1252)"))
    return _checked(text, source, problems)


_FALLBACK = threading.local()  # bad-byte count of the decode running in this thread


def _cp1252_bytes(err: UnicodeDecodeError):
    """codecs error handler: undecodable bytes are read as cp1252 (and counted)."""
    chunk = err.object[err.start:err.end]
    _FALLBACK.count = getattr(_FALLBACK, "count", 0) + len(chunk)
    return chunk.decode("cp1252", errors="replace"), err.end


codecs.register_error("threadgraph-cp1252", _cp1252_bytes)


def _decode_mixed(data: bytes) -> tuple[str, int]:
    _FALLBACK.count = 0
    text = data.decode("utf-8-sig", errors="threadgraph-cp1252")
    return text, _FALLBACK.count


def _checked(text: str, source: str, problems: list[Problem]) -> tuple[str | None, list[Problem]]:
    sample = text[:SNIFF]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        return None, [Problem(source, "undecodable: not text in UTF-8, UTF-16 or Windows-1252 "
                                      "(too many control characters); skipped")]
    return text, problems


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
