"""Blog pages saved as HTML: Blogger and WordPress comment markup, read with BeautifulSoup + lxml.

Comments are the page's comment elements (Blogger `li.comment` / old `dl#comments-block`
dt+dd pairs, WordPress `li.comment` / `li[id^=comment-]`); a comment's parent is the
nearest comment element around it, so nesting of any depth comes out as the page shows it.
Buttons, headers and reply forms inside a comment are left out of its text.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment as HtmlComment

from graph.model import Message, Problem, Thread

from . import furniture
from .dates import parse_date, parse_header, to_iso
from .text import join_lines, normalise

COMMENT_ITEMS = "li.comment, div.comment[id], article.comment, li[id^=comment-]"
ARTICLE = [".post-body", ".entry-content", "[itemprop=articleBody]", ".post-content", ".article-body", "article", "main"]
TITLE = ["h3.post-title", "h1.post-title", ".post-title", "h1.entry-title", ".entry-title", "article h1", "h1"]
POST_TIME = ["abbr.published[title]", "time.published[datetime]", "time.entry-date[datetime]", "time[datetime]",
             ".published", "h2.date-header", ".date-header"]
POST_AUTHOR = [".post-author .fn", ".author.vcard .fn", ".byline .author", ".post-author", "a[rel=author]"]
AUTHOR = ["cite.user", ".comment-author cite.fn", ".comment-author .fn", "cite.fn", ".fn", ".comment-author",
          ".user", "cite"]
TIME = ["span.datetime", ".comment-timestamp", ".comment-meta time", "time", ".comment-meta a",
        ".comment-metadata a", ".comment-date"]
CONTENT = ["p.comment-content", "div.comment-content", ".comment-content", ".comment-body-text", ".comment-text"]
# Inside a comment, never text: headers, buttons, reply forms, avatars.
CHROME = [".comment-header", ".comment-author", ".comment-meta", ".comment-metadata", ".comment-actions",
          ".comment-footer", ".reply", ".comment-reply-link", ".item-control", ".avatar-image-container",
          ".comment-replybox-single", ".comment-replybox-thread", ".thread-toggle", ".continue", ".vcard",
          "cite.user", ".datetime", ".says", "form", "script", "style", "noscript", "iframe", "img", "svg",
          "button", "input", "textarea", "select"]
PINGBACKS = ("pingback", "trackback")
BLOCKS = {"p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
          "pre", "table", "tr", "section", "article", "header", "footer", "aside", "figure", "figcaption", "hr"}


def parse_html(html: str, source: str, thread_id: str) -> tuple[Thread, list[Problem]]:
    soup = BeautifulSoup(html, "lxml")
    problems: list[Problem] = []
    items = _comment_items(soup)
    comments = _comments(items, source, problems) if items else _old_blogger(soup, source, problems)
    post = _post(soup, exclude={id(el) for el, _ in items})
    if not post.text and not comments:
        problems.append(Problem(source, "no article or comments found in this HTML page"))
    return Thread(id=thread_id, source=source, post=post, comments=comments, format="html", title=post.title), problems


# --- the article ----------------------------------------------------------------------

def _post(soup: BeautifulSoup, exclude: set[int]) -> Message:
    """The article: its text, title, author and time, from outside the comments."""
    outside = _own_tags(soup, exclude, prune=_comments_region)
    body = _first_of(outside, ARTICLE, lambda el: not _is_comment(el))
    title_el = _first_of(outside, TITLE)
    title = _clean(title_el.get_text(" ")) if title_el else None
    if not title and soup.title:
        title = _clean(soup.title.get_text(" ")) or None
    text = _text(body, skip=exclude | {id(x) for x in _post_chrome(body)}) if body is not None else ""
    if body is not None and body.name in ("article", "main") and title and text.startswith(title):
        text = text[len(title):].lstrip()
    created = author = None
    scope = body.find_parent(class_=re.compile(r"^(post|hentry|type-post)$")) if body is not None else None
    in_scope = [t for t in outside if scope is not None and _inside_any(t, {id(scope)})]
    el = _first_of(in_scope, POST_TIME) or _first_of(outside, POST_TIME)
    if el is not None:
        created = to_iso(el.get("datetime") or el.get("title") or _clean(el.get_text(" ")))
    el = _first_of(in_scope, POST_AUTHOR) or _first_of(outside, POST_AUTHOR)
    if el is not None:
        author = re.sub(r"^(posted\s+)?by\s+", "", _clean(el.get_text(" ")), flags=re.I) or None
    return Message(id="post", text=text, parent=None, author=author, created=created, title=title or None)


def _comments_region(tag: Tag) -> bool:
    """The block of comments (Blogger/WordPress #comments, old Blogger dl#comments-block)."""
    return tag.get("id") in ("comments", "comments-block") or "comments" in (tag.get("class") or [])


def _post_chrome(body: Tag) -> list[Tag]:
    """Share buttons, post footers and the like inside the article element."""
    return body.select(".post-footer, .post-share-buttons, .sharedaddy, .share, .jp-relatedposts, .post-header, "
                       "script, style, noscript, form, .entry-title, .post-title")


# --- comments -------------------------------------------------------------------------

def _comment_items(soup: BeautifulSoup) -> list[tuple[Tag, Tag | None]]:
    """(comment element, parent comment element or None), in page order."""
    found = [el for el in soup.select(COMMENT_ITEMS) if not _pingback(el)]
    # li[id^=comment-] also matches wrappers like "comment-form": keep elements that hold text.
    found = [el for el in found if el.get("id", "").startswith(("comment-", "c")) or "comment" in el.get("class", [])]
    found = [el for el in found if not re.match(r"comment-(form|respond|reply|list)", el.get("id", ""))]
    ids = {id(el) for el in found}
    out = []
    for el in found:
        parent = next((p for p in el.parents if id(p) in ids), None)
        if parent is not None and not _listed_under(el, parent):
            continue  # <li class="comment"><article class="comment">: one comment, two wrappers
        out.append((el, parent))
    kept = {id(el) for el, _ in out}
    # a parent dropped as an inner wrapper hands its replies to its own outer element
    return [(el, p if p is None or id(p) in kept else next(a for a in p.parents if id(a) in kept))
            for el, p in out]


def _listed_under(el: Tag, parent: Tag) -> bool:
    """A reply sits in a list (ol/ul) inside its parent comment; a wrapper does not."""
    for a in el.parents:
        if a is parent:
            return False
        if a.name in ("ol", "ul"):
            return True
    return False


def _comments(items: list[tuple[Tag, Tag | None]], source: str, problems: list[Problem]) -> list[Message]:
    new_id: dict[int, str] = {}
    children: dict[str, int] = {}
    all_ids = {id(el) for el, _ in items}
    out: list[Message] = []
    for el, parent_el in items:
        parent = new_id.get(id(parent_el), "post") if parent_el is not None else "post"
        children[parent] = children.get(parent, 0) + 1
        mid = f"c{children[parent]}" if parent == "post" else f"{parent}.{children[parent]}"
        new_id[id(el)] = mid
        try:
            author, created, text = _comment_parts(el, all_ids - {id(el)})
        except Exception as e:  # one odd comment must not sink the thread
            problems.append(Problem(source, f"comment {mid} could not be read ({type(e).__name__}); kept empty"))
            author = created = None
            text = ""
        out.append(Message(id=mid, text=text, parent=parent, author=author, created=created))
    return out


def _comment_parts(el: Tag, others: set[int]) -> tuple[str | None, str | None, str]:
    """Author, time and text of one comment; `others`: ids of the other comment elements."""
    own = _own_tags(el, others)
    author_el = _first_of(own, AUTHOR)
    author = _clean(author_el.get_text(" ")) if author_el else None
    if author:
        author = re.sub(r"\s*(said|says|wrote)\s*(\.\.\.|…|:)?$", "", author, flags=re.I) or None
    time_el = _first_of(own, TIME)
    created = None
    if time_el is not None:
        created = to_iso(time_el.get("datetime") or _clean(time_el.get_text(" ")) or time_el.get("title"))
    content = _first_of(own, CONTENT)
    if content is not None:
        text = _text(content, skip=others)
    else:  # WordPress themes without .comment-content: the body's own paragraphs
        chrome = ", ".join(CHROME)
        text = _text(el, skip=others | {id(t) for t in own if t.css.match(chrome)})
    return author, created, _unfurnished(text)


def _own_tags(el: Tag, others: set[int], prune=None) -> list[Tag]:
    """The elements inside `el`, in page order, leaving out the subtrees of `others` (the
    comments nested in it) and of any element `prune` says to skip."""
    out: list[Tag] = []
    stack = [c for c in reversed(el.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if id(tag) in others or (prune is not None and prune(tag)):
            continue
        out.append(tag)
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return out


def _first_of(tags: list[Tag], selectors: list[str], ok=None) -> Tag | None:
    """The first tag matching the first selector that matches any (selectors in priority order)."""
    for selector in selectors:
        for tag in tags:
            if tag.css.match(selector) and (ok is None or ok(tag)):
                return tag
    return None


def _old_blogger(soup: BeautifulSoup, source: str, problems: list[Problem]) -> list[Message]:
    """Blogger's older template: <dl id="comments-block"> dt.comment-author / dd.comment-body / dd.comment-footer."""
    out: list[Message] = []
    for block in soup.select("dl#comments-block, dl.comments-block"):
        current: dict | None = None
        for el in block.find_all(["dt", "dd"], recursive=False):
            classes = el.get("class", [])
            if el.name == "dt":
                if current:
                    out.append(_old_message(current, len(out) + 1))
                header = parse_header(_clean(el.get_text(" ")))
                name = header[0] if header and header[0] else _clean(el.get_text(" "))
                current = {"author": re.sub(r"\s*said\s*(\.\.\.|…|:)?$", "", name, flags=re.I) or None,
                           "created": None, "text": ""}
            elif current is None:
                problems.append(Problem(source, "a comment body with no author line above it; kept"))
                current = {"author": None, "created": None, "text": ""}
            if "comment-body" in classes or (el.name == "dd" and "comment-footer" not in classes and not current["text"]):
                current["text"] = _unfurnished(_text(el, skip={id(x) for x in el.select(", ".join(CHROME))}))
            elif "comment-footer" in classes:
                stamp = el.select_one(".comment-timestamp a, .comment-timestamp, a") or el
                shown = _clean(stamp.get_text(" "))
                current["created"] = parse_date(shown) or parse_date(stamp.get("title") or "") or to_iso(shown)
        if current:
            out.append(_old_message(current, len(out) + 1))
    return out


def _old_message(c: dict, n: int) -> Message:
    return Message(id=f"c{n}", text=c["text"], parent="post", author=c["author"], created=c["created"])


# --- text from markup -----------------------------------------------------------------

def _text(el: Tag, skip: set[int] = frozenset()) -> str:
    """Readable text: block elements become paragraphs, <br> a line break; `skip`: ids of
    elements left out with everything inside them."""
    skipped = skip
    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, HtmlComment):
                continue
            if isinstance(child, NavigableString):
                parts.append(re.sub(r"\s+", " ", str(child)))
            elif isinstance(child, Tag):
                if id(child) in skipped or child.name in ("script", "style", "noscript", "template"):
                    continue
                if child.name == "br":
                    parts.append("\n")
                elif child.name in BLOCKS:
                    parts.append("\n\n")
                    walk(child)
                    parts.append("\n\n")
                else:
                    walk(child)

    walk(el)
    raw = "".join(parts)
    lines = [line.strip() for line in normalise(raw).split("\n")]
    return join_lines(lines)


def _unfurnished(text: str) -> str:
    """Drop whole lines that are furniture (a "Reply" link left in a theme's comment body)."""
    return join_lines([line for line in text.split("\n") if furniture.classify(line) is None])


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def _inside_any(el: Tag, ids: set[int], stop: Tag | None = None) -> bool:
    """Is `el`, or an element around it (up to `stop`), one of `ids`?"""
    if id(el) in ids:
        return True
    for p in el.parents:
        if p is stop:
            return False
        if id(p) in ids:
            return True
    return False


def _is_comment(el: Tag) -> bool:
    classes = " ".join(el.get("class", []))
    return "comment" in classes or el.get("id", "").startswith("comment")


def _pingback(el: Tag) -> bool:
    return any(c in PINGBACKS for c in el.get("class", []))
