"""Dates, times and author lines as blog pages print them.

Blogger: "30 October 2014 at 20:18", "Thursday, 30 October 2014", "Anonymous30 October 2014 20:18"
(handle glued to the time), "Jane Doe said...". WordPress: "October 30, 2014 at 8:19 PM",
"Jane Doe says:". Parsed times become ISO 8601 (to the minute), as the model wants.
"""
from __future__ import annotations

import re
from datetime import datetime

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(?P<mon>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
DATE_PATTERNS = [
    re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
               r"(?:\.\d+)?(?P<tz>Z|[+-]\d{2}:?\d{2})?", re.I),
    re.compile(r"(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})" + _TIME, re.I),
]
# An author handle: one token, or up to four capitalised words ("Jane Doe", "Mary-Ann O'Neil").
_NAME = r"(?P<author>[^\s.!?,;:]{1,40}|(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)"
NAME = re.compile(_NAME)
_SAID = re.compile(_NAME + r"\s+(?:said|says|wrote)\s*(?:\.\.\.|…|:)?", re.I)
_SAID_ON = re.compile(_NAME + r"\s+on\s+(?P<date>.+?)\s+(?:said|says|wrote)\s*(?:\.\.\.|…|:)?", re.I)


# Every header ends in a year, a clock time, or said/says/wrote: a cheap test before the full one.
_HEADER_END = re.compile(r"(\d{4}|\d[:.]\d\d(:\d\d)?\s*([ap]\.?m\.?)?|\d\d(Z|[+-]\d\d:?\d\d)|said\s*(\.\.\.|…|:)?|"
                         r"says\s*:?|wrote\s*:?)\s*$", re.I)


def parse_date(text: str) -> str | None:
    """ISO 8601 for a string that is one date (and time), else None."""
    text = text.strip()
    for pattern in DATE_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return _iso(m)
    return None


def to_iso(text: str | None) -> str | None:
    """ISO 8601 where the string parses, else the string itself (None stays None)."""
    if text is None:
        return None
    return parse_date(str(text)) or str(text).strip() or None


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("tz") or (g.get("s") and g.get("mo") and "-" in m.group(0)):
        return m.group(0).replace(" ", "T")  # already ISO 8601: keep it as written
    month = MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else int(g["mo"])
    day = int(g["d"])
    if g.get("mo") and "/" in m.group(0):
        first, second = int(g["d"]), int(g["mo"])  # numeric: day first unless impossible
        day, month = (first, second) if second <= 12 else (second, first)
    try:
        if g.get("h") is None:
            return datetime(int(g["y"]), month, day).date().isoformat()
        hour = int(g["h"])
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        dt = datetime(int(g["y"]), month, day, hour, int(g["mi"]), int(g.get("s") or 0))
        return dt.isoformat(timespec="seconds" if g.get("s") else "minutes")
    except ValueError:
        return None


def parse_header(line: str) -> tuple[str | None, str | None] | None:
    """(author, created) when the whole line is an author and/or time line, else None.

    created is ISO 8601 (or None); a line that is only a date gives (None, iso).
    """
    text = line.strip()
    if not text or len(text) > 120 or not _HEADER_END.search(text):
        return None
    iso = parse_date(text)
    if iso:
        return None, iso
    m = _SAID_ON.fullmatch(text)
    if m:
        return m.group("author"), to_iso(m.group("date"))
    m = _SAID.fullmatch(text)
    if m:
        return m.group("author"), None
    for pattern in DATE_PATTERNS[:3]:  # "Anonymous30 October 2014 20:18": a handle, then the time
        for start in range(1, len(text)):
            m = pattern.fullmatch(text, start)
            if m:
                author = text[:start].strip().rstrip(",")
                if re.fullmatch(_NAME, author):
                    return author, _iso(m)
    return None
