"""Saved HTML pages: the comment markups of Blogger (new and old templates) and WordPress."""
from __future__ import annotations

from graph.ingest.html import parse_html


def parse(html):
    return parse_html(html, "page.html", "page")


def test_old_blogger_comments_block():
    thread, problems = parse("""<html><head><title>Pier Watch: Pier sold</title></head><body>
    <div class="post"><h3 class="post-title"><a href="#">Pier sold</a></h3>
      <div class="post-body">The pier was sold to Saltworks Leisure.<br>Nobody was consulted.</div></div>
    <div id="comments"><h4>2 comments:</h4>
    <dl id="comments-block">
      <dt class="comment-author" id="c11"><a name="c11"></a><a href="https://example.org/u" rel="nofollow">Dee Marsh</a> said...</dt>
      <dd class="comment-body"><p>Who signed it off?<br><br>I want names.</p></dd>
      <dd class="comment-footer"><span class="comment-timestamp"><a href="#c11" title="comment permalink">30 October 2014 20:18</a></span>
        <span class="item-control blog-admin pid-9"><a href="#">Delete</a></span></dd>
      <dt class="comment-author" id="c12"><a name="c12"></a>Anonymous said...</dt>
      <dd class="comment-body"><p>The harbour committee.</p></dd>
      <dd class="comment-footer"><span class="comment-timestamp"><a href="#c12" title="comment permalink">31 October 2014 09:01</a></span></dd>
    </dl><p class="comment-footer"><a href="#">Post a Comment</a></p></div></body></html>""")
    assert problems == []
    assert thread.title == "Pier sold"
    assert thread.post.text == "The pier was sold to Saltworks Leisure.\nNobody was consulted."
    assert [(c.id, c.parent, c.author, c.created, c.text) for c in thread.comments] == [
        ("c1", "post", "Dee Marsh", "2014-10-30T20:18", "Who signed it off?\n\nI want names."),
        ("c2", "post", "Anonymous", "2014-10-31T09:01", "The harbour committee."),
    ]


def test_wordpress_nesting_of_any_depth_and_pingbacks_left_out():
    def li(n, who, text, kids=""):
        return (f'<li class="comment" id="comment-{n}"><article id="div-comment-{n}" class="comment-body">'
                f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{who}</b>'
                f'<span class="says">says:</span></div><div class="comment-metadata"><a href="#">'
                f'<time datetime="2015-03-0{n}T10:00:00+00:00">March {n}, 2015 at 10:00 am</time></a></div></footer>'
                f'<div class="comment-content"><p>{text}</p></div>'
                f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div></article>'
                f'{kids}</li>')
    page = f"""<html><body><article class="post type-post"><h1 class="entry-title">Tram delay</h1>
      <div class="entry-content"><p>The tram is late again.</p></div></article>
      <div id="comments"><h2 class="comments-title">4 thoughts on &ldquo;Tram delay&rdquo;</h2>
      <ol class="comment-list">
        {li(1, "Ana", "Why?", '<ol class="children">' + li(2, "Ben", "Signals.", '<ol class="children">'
            + li(3, "Ana", "Again?") + "</ol>") + "</ol>")}
        <li id="comment-5" class="pingback"><div class="comment-body">Pingback: <a href="#">Tram blog</a></div></li>
        {li(4, "Cy", "Walk instead.")}
      </ol></div></body></html>"""
    thread, problems = parse(page)
    assert problems == []
    assert [(c.id, c.parent, c.author, c.text) for c in thread.comments] == [
        ("c1", "post", "Ana", "Why?"),
        ("c1.1", "c1", "Ben", "Signals."),
        ("c1.1.1", "c1.1", "Ana", "Again?"),
        ("c2", "post", "Cy", "Walk instead."),
    ]
    assert thread.comments[0].created == "2015-03-01T10:00:00+00:00"


def test_wordpress_comment_body_paragraphs_without_a_content_wrapper():
    page = """<html><body><div class="entry-content"><p>Post.</p></div>
    <ol class="commentlist"><li class="comment" id="comment-3"><div class="comment-body" id="div-comment-3">
      <div class="comment-author vcard"><cite class="fn"><a href="#">Rae Linde</a></cite> <span class="says">says:</span></div>
      <div class="comment-meta commentmetadata"><a href="#comment-3">October 30, 2014 at 8:19 pm</a> <a class="comment-edit-link">(Edit)</a></div>
      <p>One paragraph.</p>
      <p>Two <a href="https://example.org">paragraphs</a>.</p>
      <div class="reply"><a class="comment-reply-link">Reply</a></div></div></li></ol></body></html>"""
    thread, _ = parse(page)
    [c] = thread.comments
    assert (c.author, c.created, c.text) == ("Rae Linde", "2014-10-30T20:19", "One paragraph.\n\nTwo paragraphs.")


def test_a_page_with_an_article_and_no_comments():
    thread, problems = parse("""<html><head><title>Rates | Town Blog</title></head><body>
      <article><h1>Rates up</h1><p>Rates rise 4%.</p><p>The vote was close.</p></article></body></html>""")
    assert problems == [] and thread.comments == []
    assert thread.title == "Rates up"
    assert thread.post.text == "Rates rise 4%.\n\nThe vote was close."


def test_the_page_title_is_the_fallback_title():
    thread, _ = parse("<html><head><title>Ferry news</title></head><body><div class='post-body'>x</div></body></html>")
    assert thread.title == "Ferry news"


def test_a_page_with_nothing_to_read_is_reported():
    thread, problems = parse("<html><body><nav>menu</nav></body></html>")
    assert thread.comments == [] and len(problems) == 1 and "no article or comments" in problems[0].message


def test_scripts_styles_and_buttons_never_reach_the_text():
    thread, _ = parse("""<html><body><div class="post-body"><p>Text.</p><script>var x = 1;</script>
      <style>p {color: red}</style></div>
      <div class="comment-thread"><ol><li class="comment" id="c9"><div class="comment-block">
      <div class="comment-header"><cite class="user">Lee</cite><span class="datetime"><a>1 May 2015 at 10:00</a></span></div>
      <p class="comment-content">Fine.<script>track()</script></p>
      <span class="comment-actions"><a class="comment-reply">Reply</a><span class="item-control"><a>Delete</a></span></span>
      </div></li></ol></div></body></html>""")
    assert thread.post.text == "Text."
    assert [(c.author, c.created, c.text) for c in thread.comments] == [("Lee", "2015-05-01T10:00", "Fine.")]


def test_a_comment_wrapped_twice_is_one_comment():
    # Some WordPress themes mark both the <li> and the <article> inside it as a comment.
    page = """<html><body><div class="entry-content"><p>Post.</p></div><ol class="commentlist">
      <li class="comment" id="li-comment-1"><article id="comment-1" class="comment">
        <header class="comment-meta"><cite class="fn">Ana</cite></header>
        <section class="comment-content"><p>Top.</p></section></article>
        <ol class="children"><li class="comment" id="li-comment-2"><article id="comment-2" class="comment">
          <header class="comment-meta"><cite class="fn">Ben</cite></header>
          <section class="comment-content"><p>Under.</p></section></article></li></ol>
      </li></ol></body></html>"""
    thread, _ = parse(page)
    assert [(c.id, c.parent, c.author, c.text) for c in thread.comments] == [
        ("c1", "post", "Ana", "Top."), ("c1.1", "c1", "Ben", "Under.")]


def test_any_tag_soup_gives_a_well_formed_thread():
    # Random, unbalanced fragments of comment markup: never an exception, ids unique,
    # every parent an earlier message.
    import random

    pieces = ['<li class="comment" id="c1">', "</li>", '<ol class="thread-chrome">', "</ol>", '<ul class="children">',
              "</ul>", '<p class="comment-content">', "</p>", '<cite class="user">Ann</cite>', "<br>",
              '<span class="datetime"><a>30 October 2014 at 20:18</a></span>', "Some words.", "Reply", "Delete",
              '<div class="post-body">', "</div>", '<dl id="comments-block">', '<dt class="comment-author">Bo said...</dt>',
              '<dd class="comment-body">', "</dd>", '<article class="comment">', "</article>", "<script>x()</script>"]
    rng = random.Random(42)
    for _ in range(200):
        page = "<html><body>" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) + "</body></html>"
        thread, problems = parse(page)
        seen = {"post"}
        for c in thread.comments:
            assert c.id not in seen and c.parent in seen, (page, c)
            seen.add(c.id)
        for m in thread.messages():
            assert "x()" not in m.text
