"""The two seed threads, ingested, against counts made BY HAND from the files.

How the hand count was made (see the final report of issue 2 for the full tally):

seeds/000_...txt — an article whose title is glued to its first paragraph, then comments
with no numbers and no headers. Every comment ends with a button: "ReplyDelete" under a
top-level comment, "Delete" under a reply to the last top-level comment. In this dump the
button sits at the start of the NEXT line, glued to the next comment ("ReplyDeleteHow apt...").
So a comment is all the text between two buttons, however many lines it spans. The last
comment ("Gulp.") has no button and is read as top-level. Line 10 (the line just above the
first button) is the first comment: nothing else separates the article from it.
Counted: 39 chunks = 25 top-level comments + 14 replies.

seeds/001_...txt — a Blogger page: date, title, post, "55 comments:", then "  N. text" items,
each with "ReplyDelete", some with a "Replies" block of "    N. text ... Delete" items.
Counted: 26 numbered top-level comments + 28 replies = 54 (the counter says 55: the dump
holds 54).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.ingest import load_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = "000_5d3ca43904478764"
BLOGGER = "001_b789c2958c50d316"

# Hand counts: top-level comments, and replies under each top-level comment.
HAND = {
    ARTICLE: (25, {"c3": 1, "c6": 1, "c8": 1, "c11": 2, "c18": 4, "c19": 1, "c20": 1, "c22": 1, "c23": 2}),
    BLOGGER: (26, {"c2": 5, "c8": 2, "c9": 2, "c10": 3, "c11": 1, "c17": 1, "c18": 10, "c22": 3, "c26": 1}),
}


@pytest.fixture(scope="module")
def seeds():
    threads, problems = load_paths([SEEDS])
    return {t.id: t for t in threads}, problems


def test_both_seeds_read_cleanly_in_sorted_order(seeds):
    threads, problems = seeds
    assert problems == []
    assert list(threads) == [ARTICLE, BLOGGER]
    assert all(t.format == "text" for t in threads.values())


@pytest.mark.parametrize("tid", [ARTICLE, BLOGGER])
def test_comment_count_and_nesting_match_the_hand_count(seeds, tid):
    thread = seeds[0][tid]
    top, replies = HAND[tid]
    assert len(thread.comments) == top + sum(replies.values())
    assert [c.id for c in thread.comments if c.parent == "post"] == [f"c{i}" for i in range(1, top + 1)]
    assert Counter(c.parent for c in thread.comments if c.parent != "post") == replies
    for c in thread.comments:  # replies are numbered under their parent, in page order
        if c.parent != "post":
            assert c.id.startswith(c.parent + ".")


def test_comment_totals(seeds):
    threads = seeds[0]
    assert len(threads[ARTICLE].comments) == 39
    assert len(threads[BLOGGER].comments) == 54


def test_article_seed_post_and_glued_title(seeds):
    t = seeds[0][ARTICLE]
    assert t.title == "Probation service sell-off faces legal challenge from unions"
    assert t.post.text.startswith("Government efforts to part-privatise the probation service may end up in the courts")
    assert t.post.text.endswith("It would be inappropriate to comment further at this stage.\u201d")
    assert len(t.post.text.split("\n")) == 9
    # the first comment (line 10) is not part of the article
    assert "What must it take" not in t.post.text


def test_article_seed_chosen_comments_verbatim(seeds):
    t = seeds[0][ARTICLE]
    assert t.message("c1").text == ("What must it take before Cameron has to accept that the real crisis in the CJS "
                                    "is Chris Grayling?")
    # three lines between two buttons: one comment of three paragraphs
    assert t.message("c2").text == (
        "Not only is his drive to impose his ideolocically ill thought out personal agenda creating havoc, failure "
        "and deaths, he's also bringing the government into disrepute.\n"
        "Maybe the PM should visit the MoJ soon, before it becomes Graylings personal Riechstag.\n"
        "They know what is happening and consider it to be collateral damage. The victims are seen as undeserving "
        "so they think they can get away with it.")
    assert t.message("c3").text == "How apt that the author of the article is called Mark LEFTly!"
    assert t.message("c3.1").text == "Will Grayling notice that?\nSupreme irony :)"
    assert t.message("c3.1").parent == "c3"
    assert t.message("c8.1").text == ("Glad you've staying with us. You\"ve valuable experience and principles thst "
                                      "clients and colleagues need.")
    assert t.message("c14").text == "anon 08:19 for me. gets it just about as it is."
    assert t.message("c23").text == (
        "http://www.parliament.uk/business/committees/committees-a-z/commons-select/public-accounts-committee/"
        "contact-us/\n"
        "http://www.redfern-travel.com/about/news/redfern-news/8-mp-cites-redfern-travel-as-example-of-sme-success")
    assert t.message("c18.4").text == "There are very few sexual offences that don't carry registration"
    assert t.comments[-1].id == "c25" and t.comments[-1].text == "Gulp."


def test_blogger_seed_post(seeds):
    t = seeds[0][BLOGGER]
    assert t.title == "Latest From Napo 45"
    assert t.post.created == "2014-10-30"
    assert t.post.text.startswith("Latest e-mail from Napo HQ sent this afternoon:-\nDear Member,\n")
    assert t.post.text.endswith("Ian Lawrence General Secretary and the Napo Officer Group")
    assert "comments:" not in t.post.text


def test_blogger_seed_chosen_comments_verbatim(seeds):
    t = seeds[0][BLOGGER]
    assert t.message("c1").text == "And there we have it :) game on....."
    assert t.message("c2").text == (
        "Worth reposting. As one commenter pointed out, how on earth can we expect them to uphold Probation values?"
        "\n\nhttp://www.theguardian.com/uk-news/2014/jun/18/sodexo-military-contract-racism-allegations\n\n"
        "As another commenter said about Sodexo, 'be afraid, be very afraid'.\n\n"
        "I really hope NAPO raise this in their review just to highlight what a vile and poisonous bunch of "
        "barstewards Sodexo are.\n"
        "I am truly shocked at this and more so at Grayling giving them ANY contract For him to claim that he knew "
        "nothing about this is just downright lies.")
    assert t.message("c8.2").text == (
        "on a recent home visit the client locked me in. He closed the door, turned the mortice key and removed it "
        "from the lock and put the key in his pocket. Imagine how you'd feel. How would you react. Feel scared?? "
        "Yep I did too. I didn't sit down, kept the conversation light and told him I was running late and X was "
        "expecting me.\n\n"
        "I was let out with no problem but just goes to show how even low risk can suddenly make you feel very, "
        "very frightened.")
    assert t.message("c13").text == "Bravo\n\nSimon Garden"
    assert t.message("c16").text == ("1 question will there still be opportunities with engagement officers or will "
                                     "that be abolished. Plus what will happen to the ones already in employment."
                                     "\n\nThanks in advance")
    assert t.message("c18.4").text == (
        "To be clear - Mr McDowell, former Nacro Chief exec, is now HM Inspector Of Probation, a person who SoS "
        "Grayling quotes as having no issue or concern with the probation split or TR.\n\n"
        "Ms McDowell (wife? Sister? Mother? Of...) is Deputy Managing Director of Sodexo Justice Services, who have "
        "just been awarded six preferred bidder spots in the probation sell-off. Ms McDowell moved into Sodexo "
        "Justice Services in 2007 - the point at which New Labour Govt passed the Act Grayling has just used to "
        "expedite TR. What did she do up to 2007?\n\n"
        "I wonder who Sodexo's partner is in the six bids? A charity called NACRO perhaps?\n\n"
        "What's that we can smell?")
    assert t.message("c18.10").parent == "c18"
    assert t.message("c26.1").text.startswith("Reading all this makes me feel even more sick")


def test_a_time_quoted_inside_a_comment_stays_text(seeds):
    c19 = seeds[0][BLOGGER].message("c19")
    assert c19.text.startswith("Off topic and in response to Anonymous30 October 2014 20:18\n\nOne of my social")
    assert c19.author is None
    assert c19.text.endswith("That\u2019s why I\u2019m fighting Grayling and that\u2019s why I urge everyone to do the same?")


@pytest.mark.parametrize("tid", [ARTICLE, BLOGGER])
def test_no_furniture_in_seed_text(seeds, tid):
    for m in seeds[0][tid].messages():
        assert "Delete" not in m.text, m.id
        assert "ReplyDelete" not in m.text, m.id
        lines = m.text.split("\n")
        assert "Replies" not in lines and "Reply" not in lines, m.id
        assert not any(line.endswith("comments:") for line in lines), m.id
        assert m.text == m.text.strip() and "\n\n\n" not in m.text, m.id
        assert "\u00a0" not in m.text, m.id
