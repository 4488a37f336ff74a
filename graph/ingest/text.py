"""Plain-text page dumps: what a browser's "save as text" (or copy-paste) leaves of a blog page.

A dump is the article, then the comments. What marks the comments, in any mix:
- a counter line ("55 comments:") between the article and the comments;
- numbered comments ("  1. text"), with "Replies" blocks of deeper, renumbered items;
- buttons under each comment: "ReplyDelete" under a top-level comment, "Delete" under a
  reply (Blogger), on their own line or glued to the text around them;
- author and time lines ("Jane Doe said...", "Anonymous30 October 2014 20:18").
Buttons, counters and the other lines in furniture.txt never reach a message's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Message, Problem, Thread

from . import furniture
from .dates import NAME, parse_header

NUMBERED = re.compile(r"(?P<indent>[ \t]*)(?P<n>\d{1,4})\.(?:[ \t]+(?P<rest>\S.*)|[ \t]*)$")
POSTED_BY = re.compile(r"posted by\s+(?P<rest>.+)", re.I)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


@dataclass
class _Item:
    """A comment while it is being read."""

    line: int  # 1-based line where it starts, for Problems
    kind: str | None = None  # "top" | "reply"; None until numbering or a button says
    number: int | None = None  # the page's own number, where it prints one
    author: str | None = None
    created: str | None = None
    lines: list[str] = field(default_factory=list)
    removed: bool = False  # a "comment removed" placeholder: kept, with no text
    default: str | None = None  # "reply" inside a "Replies" block, unless a button says otherwise

    @property
    def has_text(self) -> bool:
        return any(self.lines)


def parse_text(text: str, source: str, thread_id: str) -> tuple[Thread, list[Problem]]:
    """One thread from the text of one dump."""
    lines = normalise(text).split("\n")
    article_end, comments_start = _split(lines)
    post, title = _article(lines[:article_end])
    items = _Reader(lines, comments_start).read() if comments_start is not None else []
    comments, problems = _numbered(items, source)
    thread = Thread(id=thread_id, source=source, post=post, comments=comments, format="text", title=title)
    return thread, problems


def normalise(text: str) -> str:
    """Unix newlines, plain spaces for the exotic ones, no zero-width characters, no trailing blanks."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_SPACES.sub(" ", line).rstrip() if line.strip() else "" for line in text.split("\n"))


def join_lines(lines: list[str]) -> str:
    """Lines of one message as its text: paragraphs kept, runs of blank lines made one."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# --- where the comments begin -------------------------------------------------------

def _split(lines: list[str]) -> tuple[int, int | None]:
    """(end of the article, start of the comments); start None when there are no comments."""
    for i, line in enumerate(lines):
        if furniture.classify(line) == "counter":
            return i, i + 1
    first_button = next((i for i, line in enumerate(lines) if _button(line)), None)
    first_header = next((i for i, line in enumerate(lines) if _author_line(line)), None)
    if first_header is not None and (first_button is None or first_header < first_button):
        return first_header, first_header
    if first_button is None:
        return len(lines), None
    # No counter: the text just above the first button is the first comment.
    b = first_button
    glued = furniture.split_glued(lines[b])
    last = b if glued and glued[0] else b - 1  # last line of the first comment
    for i in range(last, -1, -1):  # a numbered first comment ("  1. text") starts at its number
        m = NUMBERED.match(lines[i])
        if m and int(m["n"]) == 1:
            return i, i
        if lines[i].strip() and not lines[i][0].isspace():
            break  # back in the article, whose lines are not indented like a comment's
    start = last
    while start > 0 and lines[start - 1].strip():
        start -= 1
    first_content = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if start <= first_content:
        # Nothing separates the article from the comment (one paragraph a line):
        # take the last line alone, the only reliable split.
        start = last
        # ... with its author and time lines, where it has them
        while start - 1 > first_content and parse_header(lines[start - 1]):
            start -= 1
        if start - 1 > first_content and _name_over_date(lines[start - 1], lines[start]):
            start -= 1
    return start, start


def _name_over_date(name: str, date: str) -> bool:
    """A handle on its own line above a time line ("Jane Doe" / "30 October 2014 at 20:18")."""
    header = parse_header(date)
    return bool(header and header[0] is None and NAME.fullmatch(name.strip()))


def _button(line: str) -> bool:
    return furniture.classify(line) in furniture.BUTTONS or furniture.split_glued(line) is not None


def _button_kind(line: str) -> str | None:
    kind = furniture.classify(line)
    if kind in furniture.BUTTONS:
        return kind
    glued = furniture.split_glued(line)
    return glued[1] if glued else None


def _author_line(line: str) -> bool:
    header = parse_header(line)
    return bool(header and header[0])


# --- the article ----------------------------------------------------------------------

def _article(lines: list[str]) -> tuple[Message, str | None]:
    author = created = time = None
    body: list[str] = []
    for line in lines:
        text = line.strip()
        if furniture.classify(text) is not None:
            continue
        glued = furniture.split_glued(text)
        if glued:  # a button where none belongs: drop the button, keep the words
            text = " ".join(part for part in (glued[0], glued[2]) if part)
        posted = POSTED_BY.fullmatch(text)
        if posted:
            author, time = _posted_by(posted["rest"])
            continue
        if not any(body) and created is None and text:
            header = parse_header(text)
            if header and header[0] is None:  # a date line above the title
                created = header[1]
                continue
        body.append(text)
    if time and created and _CLOCK.fullmatch(time):
        created = _with_time(created, time)
    elif time and not created:
        created = parse_header(time)[1] if parse_header(time) else time
    title, body = split_title(body)
    return Message(id="post", text=join_lines(body), parent=None, author=author, created=created,
                   title=title), title


def _posted_by(rest: str) -> tuple[str, str | None]:
    """("Jane Doe", "19:55") from "Jane Doe at 19:55": split at the first " at "/" on " that
    is followed by a date or a clock time, so names and phrases with "at" survive."""
    for m in re.finditer(r"\s+(?:at|on)\s+", rest):
        when = rest[m.end():].strip()
        if _CLOCK.fullmatch(when) or parse_header(when):
            return rest[: m.start()].strip(), when
    return rest.strip(), None


def _with_time(date: str, time: str) -> str:
    """The post's date line plus the clock time of its "Posted by ... at 19:55" line."""
    h, m = re.split(r"[:.]", re.match(r"\d{1,2}[:.]\d{2}", time.strip()).group(0))
    hour = int(h)
    if re.search(r"[ap]\.?m", time, re.I):  # 12-hour clock
        hour = hour % 12 + (12 if re.search(r"p\.?m", time, re.I) else 0)
    return f"{date[:10]}T{hour:02d}:{m}"


def split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The title and the body lines.

    A short first line with more text below it is the title. A long first line may be a
    title glued to the first paragraph ("...from ferry workersThe board may..."): it is
    split where a lower-case word runs into a capitalised one, when the left part reads
    like a headline and the right part like a sentence. Otherwise there is no title and
    the first line stays whole in the text.
    """
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2 and not (content and _glued_title(lines[content[0]])):
        return None, lines
    first = lines[content[0]]
    if _headline(first) and len(content) >= 2:
        return first.strip(), lines[content[0] + 1:]
    glued = _glued_title(first)
    if glued:
        title, rest = glued
        return title, [rest] + lines[content[0] + 1:]
    return None, lines


def _headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 20 and len(line) <= 150 and not re.search(r"[.,;:]$", line.strip())


_JOIN = re.compile(r"(?<=[a-z0-9?!)\"'’”])(?=[A-Z][a-z])")


def _glued_title(line: str) -> tuple[str, str] | None:
    for m in _JOIN.finditer(line):
        title, rest = line[: m.start()].strip(), line[m.start():].strip()
        words = title.split()
        if not 3 <= len(words) <= 25 or re.search(r"[.!?]\s", title):
            continue
        left = words[-1]
        capitalised = [w for w in words if w[:1].isupper() or not w[:1].isalpha()]
        title_case = len(capitalised) >= 0.7 * len(words)
        if left[-1].islower():
            if not (re.fullmatch(r"[a-z][a-z-]{2,}", left) or (title_case and re.fullmatch(r"[A-Z][a-z-]{2,}", left))):
                continue
        next_words = rest.split()[1:7]
        if len(next_words) < 2 or sum(w[:1].islower() for w in next_words) < len(next_words) / 2:
            continue  # the right part does not read like a sentence
        return title, rest
    return None


# --- the comments ---------------------------------------------------------------------

class _Reader:
    """Reads the comment lines into _Items: who, when, top-level or reply, and text."""

    def __init__(self, lines: list[str], start: int):
        self.lines, self.start = lines, start
        self.items: list[_Item] = []
        self.cur: _Item | None = None
        self.in_replies = False
        self.top_indent: int | None = None
        self.expect_top: int | None = None
        self.expect_reply = 1
        self.uses_buttons = any(_button(line) for line in lines[start:])
        # Only a page with Reply buttons threads its comments; where every comment has just
        # a Delete button (old Blogger templates), "Delete" says nothing about nesting.
        self.threaded = any(_button_kind(line) == "top" for line in lines[start:])

    def read(self) -> list[_Item]:
        for i in range(self.start, len(self.lines)):
            if self._line(i) == "end":
                break
        self._close(None)
        return self.items

    def _line(self, i: int) -> str | None:
        line = self.lines[i]
        text = line.strip()
        if not text:
            if self.cur:
                self.cur.lines.append("")
            return None
        kind = furniture.classify(text)
        if kind == "end":
            return "end"
        if kind == "replies":
            self._close(None)
            self.in_replies, self.expect_reply = True, 1
            return None
        m = NUMBERED.fullmatch(line)
        if m and kind is None and (self.cur is None or not self.uses_buttons or not self.cur.has_text):
            item_kind = self._numbered_kind(int(m["n"]), len(m["indent"].expandtabs(4)), i)
            if item_kind:
                self._close(None)
                self.cur = _Item(line=i + 1, kind=item_kind, number=int(m["n"]))
                if m["rest"]:
                    self._feed(m["rest"], i)
                return None
        self._feed(text, i)
        return None

    def _numbered_kind(self, n: int, indent: int, i: int) -> str | None:
        """Is "n." here a new top-level comment, a new reply, or just text?"""
        deeper = self.top_indent is not None and indent > self.top_indent
        if not self.in_replies and n == 1 and deeper and self.cur is None and self.items:
            self.in_replies, self.expect_reply = True, 1  # a reply block with no "Replies" header
        reply_ok = self.in_replies and n == self.expect_reply
        top_ok = self.expect_top is None or n == self.expect_top
        if reply_ok and top_ok:
            if self.top_indent is not None and indent != self.top_indent:
                kind = "reply" if deeper else "top"
            else:
                kind = "reply" if self._next_button(i) == "reply" else "top"
        elif reply_ok:
            kind = "reply"
        elif top_ok:
            kind = "top"
        else:
            return None
        if kind == "reply":
            self.expect_reply = n + 1
        else:
            self.expect_top, self.in_replies = n + 1, False
            if self.top_indent is None:
                self.top_indent = indent
        return kind

    def _next_button(self, i: int) -> str | None:
        for line in self.lines[i + 1:i + 400]:  # a comment is rarely longer; keeps this linear
            kind = furniture.classify(line)
            glued = furniture.split_glued(line)
            if kind in furniture.BUTTONS:
                return kind
            if glued:
                return glued[1]
        return None

    def _feed(self, text: str, i: int) -> None:
        """One line of content (or what is left of one after a number or a glued button)."""
        kind = furniture.classify(text)
        if kind == "top" and self.in_replies and text.lower() == "reply":
            # Blogger's lone "Reply" under a block of replies: the block is over.
            self._close(None)
            self.in_replies = False
            return
        if kind in furniture.BUTTONS:
            self._close(kind)
            return
        if kind == "removed":
            self._open(i).removed = True
            return
        if kind is not None:  # skip, counter, replies inside text: furniture all the same
            return
        glued = furniture.split_glued(text)
        if glued:
            before, button, after = glued
            if before:
                self._feed(before, i)
            self._close(button)
            if after:
                self._feed(after, i)
            return
        header = parse_header(text)
        if header and self._header(header, i):
            return
        self._open(i).lines.append(text)

    def _header(self, header: tuple[str | None, str | None], i: int) -> bool:
        """Apply an author/time line; False when it must be read as ordinary text."""
        author, created = header
        cur = self.cur
        if cur is not None and cur.has_text:
            text = [line for line in cur.lines if line]
            if author is None and cur.author is None and len(text) == 1 and NAME.fullmatch(text[0]):
                cur.author, cur.lines = text[0], []  # "Jane Doe" on the line above the time
                cur.created = cur.created or created
                return True
            if author is None and self.uses_buttons and self._footer(i):
                cur.created = cur.created or created  # a time just above the button: a footer
                return True
            if self.uses_buttons and not (author and created):
                # Buttons end comments here, so a "Jane said..." line mid-comment is prose;
                # a handle with a time stamp is the next comment's header all the same.
                return False
            if author is None:  # a time under the text (old Blogger footer) ends the comment
                if cur.created is None:
                    cur.created = created
                    self._close(None)
                    return True
                return False
            self._close(None)
        item = self._open(i)
        if author is not None:
            if item.author is not None:
                return False
            item.author = author
        if created is not None:
            item.created = item.created or created
        return True

    def _footer(self, i: int) -> bool:
        """Is line i a time stamp under a comment, that is, followed by a button or the end?"""
        for line in self.lines[i + 1:]:
            if line.strip():
                return _button(line) or furniture.classify(line) == "end"
        return True

    def _open(self, i: int) -> _Item:
        if self.cur is None:
            self.cur = _Item(line=i + 1, default="reply" if self.in_replies else None)
        return self.cur

    def _close(self, button: str | None) -> None:
        cur, self.cur = self.cur, None
        if button == "reply" and not self.threaded:
            button = None
        if button == "top":
            self.in_replies = False  # a top-level comment ends any block of replies
        if cur is None or not (cur.has_text or cur.removed or cur.number is not None or cur.author):
            return
        if cur.kind is None:
            cur.kind = button or cur.default
        self.items.append(cur)


def _numbered(items: list[_Item], source: str) -> tuple[list[Message], list[Problem]]:
    """Ids and parents: c1, c2 ... for top-level comments, c2.1, c2.2 ... for replies to c2.

    The page's own numbers are used where it prints them, page order otherwise.
    """
    comments: list[Message] = []
    problems: list[Problem] = []
    used: set[str] = set()
    top: str | None = None
    top_seq = 0
    reply_seq: dict[str, int] = {}
    for item in items:
        text = "" if item.removed and not item.has_text else join_lines(item.lines)
        if item.kind == "reply" and top is not None:
            reply_seq[top] = reply_seq.get(top, 0) + 1
            n = item.number if item.number is not None else reply_seq[top]
            mid = _free(f"{top}.{n}", used, lambda k: f"{top}.{k}", reply_seq[top])
            parent = top
        else:
            if item.kind == "reply":
                problems.append(Problem(source, "a reply with no comment above it; kept as a top-level comment",
                                        line=item.line))
            top_seq = item.number if item.number is not None else top_seq + 1
            mid = _free(f"c{top_seq}", used, lambda k: f"c{k}", top_seq)
            parent, top = "post", mid
        used.add(mid)
        comments.append(Message(id=mid, text=text, parent=parent, author=item.author, created=item.created))
    return comments, problems


def _free(wanted: str, used: set[str], make, n: int) -> str:
    while wanted in used:
        n += 1
        wanted = make(n)
    return wanted
