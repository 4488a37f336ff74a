"""One invented thread, saved four ways (Blogger HTML, old Blogger HTML, WordPress HTML, a
text dump, JSON Lines), must come out as the same model: same comments, nesting and text."""
from __future__ import annotations

import json

import pytest

from graph.ingest import load_paths

POST_TEXT = ("The Tidemouth harbour board awarded the ferry contract to Bluewater Lines on Monday.\n\n"
             "Board members said the deal is worth £40m over five years.")
TITLE = "Harbour board hands ferry contract to Bluewater Lines"

# (id, parent, author, text) — what every format must give.
EXPECTED = [
    ("c1", "post", "Anonymous", "Who else bid for it?"),
    ("c1.1", "c1", "Jane Doe", "Marlow Shipping did, I think."),
    ("c1.2", "c1", "Kit Okafor", "Marlow pulled out in May.\n\nThey said so at the board meeting."),
    ("c2", "post", "Sam Reed", "The board chair's brother works for Bluewater Lines."),
    ("c3", "post", "Anonymous", "Shocking."),
]


def blogger_comment(cid, author, when, body, replies=""):
    thread = ""
    if replies:
        thread = f"""<div class="comment-replies"><div id="{cid}-rt" class="comment-thread inline-thread">
          <span class="thread-toggle thread-expanded"><span class="thread-arrow"></span>
          <span class="thread-count"><a target="_self">Replies</a></span></span>
          <ol id="{cid}-ra" class="thread-chrome thread-expanded"><div>{replies}</div>
          <div class="continue" id="{cid}-continue"><a class="comment-reply" target="_self">Reply</a></div></ol>
        </div></div>"""
    reply_button = "" if "reply" in cid else '<a class="comment-reply" target="_self">Reply</a>'
    return f"""<li class="comment" id="{cid}">
      <div class="avatar-image-container"><img src="https://example.org/a.png"/></div>
      <div class="comment-block">
        <div class="comment-header"><cite class="user"><a href="https://example.org/p">{author}</a></cite>
          <span class="icon user"></span>
          <span class="datetime secondary-text"><a rel="nofollow" href="#{cid}">{when}</a></span></div>
        <p class="comment-content">{body}</p>
        <span class="comment-actions secondary-text">{reply_button}
          <span class="item-control blog-admin pid-1"><a target="_self" href="#">Delete</a></span></span>
      </div>{thread}
      <div class="comment-replybox-single" id="{cid}-ce"></div>
    </li>"""


BLOGGER = f"""<!DOCTYPE html><html><head><meta charset="utf-8"/>
<title>Tidemouth Watch: {TITLE}</title></head><body>
<div class="date-outer"><h2 class="date-header"><span>Thursday, 30 October 2014</span></h2>
<div class="post hentry">
  <h3 class="post-title entry-title">{TITLE}</h3>
  <div class="post-header"></div>
  <div class="post-body entry-content" id="post-body-1">
    The Tidemouth harbour board awarded the ferry contract to Bluewater Lines on Monday.<br/><br/>
    Board members said the deal is worth &#163;40m over five years.
    <div style="clear: both;"></div></div>
  <div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">Tidemouth Watch</span></span>
    <span class="post-timestamp">at <abbr class="published" title="2014-10-30T19:55:00Z">19:55</abbr></span>
    <div class="post-share-buttons"><a class="share-button">Email This</a><a>BlogThis!</a></div></div>
</div></div>
<div class="comments" id="comments"><h4>5 comments:</h4>
<div class="comments-content"><div class="comment-thread toplevel-thread"><ol id="top-ra">
{blogger_comment("c101", "Anonymous", "30 October 2014 at 20:18", "Who else bid for it?",
                 blogger_comment("c102reply", "Jane Doe", "30 October 2014 at 21:02", "Marlow Shipping did, I think.")
                 + blogger_comment("c103reply", "Kit Okafor", "30 October 2014 at 21:15",
                                   "Marlow pulled out in May.<br/><br/>They said so at the board meeting."))}
{blogger_comment("c104", "Sam Reed", "31 October 2014 at 08:05", "The board chair&#39;s brother works for Bluewater Lines.")}
{blogger_comment("c105", "Anonymous", "31 October 2014 at 09:00", "Shocking.")}
</ol></div></div>
<p class="comment-footer"><a href="#">Post a Comment</a></p></div>
<div class="blog-pager"><a class="blog-pager-newer-link">Newer Post</a> <a>Older Post</a> <a>Home</a></div>
</body></html>"""


def wp_comment(n, author, iso, shown, body_html, children=""):
    kids = f'<ul class="children">{children}</ul>' if children else ""
    return f"""<li class="comment even thread-even depth-1" id="comment-{n}">
      <div id="div-comment-{n}" class="comment-body">
        <div class="comment-author vcard"><img class="avatar" src="a.png"/>
          <cite class="fn">{author}</cite> <span class="says">says:</span></div>
        <div class="comment-meta commentmetadata"><a href="#comment-{n}"><time datetime="{iso}">{shown}</time></a>
          <a class="comment-edit-link" href="#">(Edit)</a></div>
        {body_html}
        <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
      </div>{kids}
    </li>"""


TWO_PARAGRAPHS = "<p>Marlow pulled out in May.</p>\n<p>They said so at the board meeting.</p>"

WORDPRESS = f"""<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<title>{TITLE} | Tidemouth Watch</title></head><body class="single">
<header id="masthead"><h1 class="site-title">Tidemouth Watch</h1></header>
<article id="post-12" class="post-12 post type-post hentry">
  <header class="entry-header"><h1 class="entry-title">{TITLE}</h1>
    <div class="entry-meta"><time class="entry-date published" datetime="2014-10-30T19:55:00+00:00">October 30, 2014</time>
    <span class="byline">by <span class="author vcard"><a class="url fn n" href="#">Tidemouth Watch</a></span></span></div>
  </header>
  <div class="entry-content">
    <p>The Tidemouth harbour board awarded the ferry contract to Bluewater Lines on Monday.</p>
    <p>Board members said the deal is worth £40m over five years.</p>
    <div class="sharedaddy"><h3>Share this:</h3><ul><li><a>Twitter</a></li><li><a>Facebook</a></li></ul></div>
  </div>
</article>
<div id="comments" class="comments-area">
  <h2 class="comments-title">5 thoughts on &ldquo;{TITLE}&rdquo;</h2>
  <ol class="commentlist">
  {wp_comment(7, "Anonymous", "2014-10-30T20:18:00+00:00", "October 30, 2014 at 8:18 pm", "<p>Who else bid for it?</p>",
              wp_comment(8, "Jane Doe", "2014-10-30T21:02:00+00:00", "October 30, 2014 at 9:02 pm",
                         "<p>Marlow Shipping did, I think.</p>")
              + wp_comment(9, "Kit Okafor", "2014-10-30T21:15:00+00:00", "October 30, 2014 at 9:15 pm",
                           TWO_PARAGRAPHS))}
  <li class="pingback" id="comment-10"><div class="comment-body">Pingback: <a href="#">Some other blog</a></div></li>
  {wp_comment(11, "Sam Reed", "2014-10-31T08:05:00+00:00", "October 31, 2014 at 8:05 am",
              '<div class="comment-content"><p>The board chair&#8217;s brother works for Bluewater Lines.</p></div>')}
  {wp_comment(12, "Anonymous", "2014-10-31T09:00:00+00:00", "October 31, 2014 at 9:00 am", "<p>Shocking.</p>")}
  </ol>
  <div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
    <form id="commentform"><textarea name="comment"></textarea><input type="submit" value="Post Comment"/></form></div>
</div></body></html>"""

TEXT_DUMP = f"""Thursday, 30 October 2014
{TITLE}
The Tidemouth harbour board awarded the ferry contract to Bluewater Lines on Monday.

Board members said the deal is worth £40m over five years.
Posted by Tidemouth Watch at 19:55
Email ThisBlogThis!Share to TwitterShare to FacebookShare to Pinterest
5 comments:
Anonymous30 October 2014 20:18
Who else bid for it?
ReplyDelete
Replies
Jane Doe30 October 2014 21:02
Marlow Shipping did, I think.
Delete
Kit Okafor30 October 2014 21:15
Marlow pulled out in May.

They said so at the board meeting.
Delete
Reply
Sam Reed31 October 2014 08:05
The board chair's brother works for Bluewater Lines.
ReplyDelete
Anonymous31 October 2014 09:00
Shocking.
ReplyDelete
Add comment
Load more...
Newer Post Older Post Home
Subscribe to: Post Comments (Atom)
"""

JSONL_ROWS = [
    {"thread": "harbour", "id": "p1", "parent": None, "author": "Tidemouth Watch", "created": "2014-10-30T19:55",
     "title": TITLE, "text": POST_TEXT},
    {"thread": "harbour", "id": "101", "parent": "p1", "author": "Anonymous", "created": "30 October 2014 20:18",
     "text": "Who else bid for it?"},
    {"thread": "harbour", "id": "102", "parent": "101", "author": "Jane Doe", "created": "2014-10-30T21:02",
     "text": "Marlow Shipping did, I think."},
    {"thread": "harbour", "id": "103", "parent": "101", "author": "Kit Okafor", "created": "2014-10-30T21:15",
     "text": "Marlow pulled out in May.\n\nThey said so at the board meeting."},
    {"thread": "harbour", "id": "104", "parent": None, "author": "Sam Reed", "created": "2014-10-31T08:05",
     "text": "The board chair's brother works for Bluewater Lines."},
    {"thread": "harbour", "id": "105", "author": "Anonymous", "created": "2014-10-31T09:00", "text": "Shocking."},
]


def shape(thread):
    return [(c.id, c.parent, c.author, c.text.replace("\u2019", "'")) for c in thread.comments]


@pytest.fixture
def saved(tmp_path):
    files = {
        "blogger.html": BLOGGER,
        "wordpress.html": WORDPRESS,
        "dump.txt": TEXT_DUMP,
        "export.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL_ROWS) + "\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    threads, problems = load_paths([tmp_path])
    return {t.format if t.format != "html" else t.id: t for t in threads}, problems


def test_every_format_reads_without_problems(saved):
    threads, problems = saved
    assert problems == []
    assert sorted(threads) == ["blogger", "jsonl", "text", "wordpress"]


@pytest.mark.parametrize("name", ["blogger", "wordpress", "text", "jsonl"])
def test_same_comments_nesting_and_text(saved, name):
    thread = saved[0][name]
    assert shape(thread) == EXPECTED


@pytest.mark.parametrize("name", ["blogger", "wordpress", "text", "jsonl"])
def test_same_post_and_title(saved, name):
    thread = saved[0][name]
    assert thread.post.id == "post" and thread.post.parent is None
    assert thread.post.text == POST_TEXT
    assert thread.title == TITLE == thread.post.title
    assert thread.post.author == "Tidemouth Watch"
    assert thread.post.created.startswith("2014-10-30T19:55")


def test_thread_ids_come_from_file_stems_and_the_jsonl_thread_field(saved):
    threads = saved[0]
    assert threads["text"].id == "dump"
    assert threads["jsonl"].id == "harbour"
    assert threads["jsonl"].source.endswith("export.jsonl")


def test_comment_times_are_iso_8601(saved):
    threads = saved[0]
    assert [c.created for c in threads["text"].comments] == [
        "2014-10-30T20:18", "2014-10-30T21:02", "2014-10-30T21:15", "2014-10-31T08:05", "2014-10-31T09:00"]
    assert [c.created for c in threads["blogger"].comments] == [c.created for c in threads["text"].comments]
    assert [c.created for c in threads["jsonl"].comments] == [c.created for c in threads["text"].comments]
    # WordPress gives a machine-readable time with its zone: kept as written.
    assert threads["wordpress"].comments[0].created == "2014-10-30T20:18:00+00:00"


@pytest.mark.parametrize("name", ["blogger", "wordpress", "text"])
def test_no_page_furniture_in_any_message(saved, name):
    furniture = ["Reply", "Delete", "Replies", "comments:", "thoughts on", "Load more", "Post a Comment",
                 "Newer Post", "Older Post", "Subscribe", "Share", "BlogThis", "Email This", "says:", "(Edit)",
                 "Pingback", "Leave a Reply", "Twitter"]
    for message in saved[0][name].messages():
        for word in furniture:
            assert word not in message.text, (message.id, word)
