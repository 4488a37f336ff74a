"""Plain-text page dumps: the shapes blog pages take when saved as text (invented threads)."""
from __future__ import annotations

from graph.ingest import furniture
from graph.ingest.dates import parse_date, parse_header
from graph.ingest.text import parse_text, split_title


def read(text):
    thread, problems = parse_text(text, "dump.txt", "dump")
    return thread, problems


def tree(thread):
    return [(c.id, c.parent, c.text) for c in thread.comments]


def test_buttons_glued_to_the_end_of_the_text():
    thread, problems = read(
        "Ferry fares rise again\n"
        "The operator raised fares by a tenth.\n"
        "Who approved this?ReplyDelete\n"
        "The board did, last week.Delete\n"
        "Nobody asked the islanders.\nThey never do.ReplyDelete\n")
    assert problems == []
    assert thread.post.text == "The operator raised fares by a tenth."
    assert tree(thread) == [
        ("c1", "post", "Who approved this?"),
        ("c1.1", "c1", "The board did, last week."),
        ("c2", "post", "Nobody asked the islanders.\nThey never do."),
    ]


def test_buttons_on_their_own_lines_and_a_replies_block_without_numbers():
    thread, _ = read(
        "Quarry plan approved\n\nThe county approved the quarry.\n\n"
        "12 comments:\n"
        "A sad day.\nReplyDelete\nReplies\nIt is.\nDelete\nVery sad.\nDelete\nReply\n"
        "Appeal it!\nReplyDelete\n"
        "Load more...\nPost a Comment\nNewer Post Older Post Home\nSubscribe to: Post Comments (Atom)\n"
        "Blog Archive\nOctober (3)\n")
    assert tree(thread) == [
        ("c1", "post", "A sad day."),
        ("c1.1", "c1", "It is."),
        ("c1.2", "c1", "Very sad."),
        ("c2", "post", "Appeal it!"),
    ]
    assert thread.title == "Quarry plan approved"


def test_numbered_comments_with_indented_replies_and_no_buttons():
    thread, _ = read(
        "Library to close\n\nThe library closes in May.\n\n"
        "3 comments:\n\n"
        "  1. First comment,\n    on two lines.\n\n"
        "    Replies\n"
        "    1. A reply to the first.\n\n"
        "  2. Second comment.\n")
    assert tree(thread) == [
        ("c1", "post", "First comment,\non two lines."),
        ("c1.1", "c1", "A reply to the first."),
        ("c2", "post", "Second comment."),
    ]


def test_a_numbered_list_inside_a_comment_stays_in_its_text():
    thread, _ = read(
        "Budget day\n\nThe council set its budget.\n\n"
        "2 comments:\n\n"
        "  1. My two points:\n\n    1. the rates went up\n    2. the parks lost out\n\n    ReplyDelete\n"
        "  2. Agreed.\n\n    ReplyDelete\n")
    assert tree(thread) == [
        ("c1", "post", "My two points:\n\n1. the rates went up\n2. the parks lost out"),
        ("c2", "post", "Agreed."),
    ]


def test_page_numbers_become_ids_when_the_dump_starts_mid_thread():
    thread, _ = read("Pier repairs\n\nThe pier reopens.\n\n"
                     "240 comments:\n\n  201. Late to this.\n\n    ReplyDelete\n  202. Me too.\n\n    ReplyDelete\n")
    assert [c.id for c in thread.comments] == ["c201", "c202"]


def test_old_blogger_author_said_lines_and_time_footers():
    thread, _ = read(
        "Harbour news\n\nThe harbour was dredged.\n\n"
        "2 comments:\n"
        "Jane Doe said...\n"
        "About time too.\n\nIt was silting up.\n"
        "30 October 2014 at 20:18\n"
        "Anonymous said...\n"
        "Who paid for it?\n"
        "31 October 2014 at 07:05\n"
        "Post a Comment\n")
    assert [(c.id, c.author, c.created, c.text) for c in thread.comments] == [
        ("c1", "Jane Doe", "2014-10-30T20:18", "About time too.\n\nIt was silting up."),
        ("c2", "Anonymous", "2014-10-31T07:05", "Who paid for it?"),
    ]


def test_wordpress_says_lines_with_times_above_the_text():
    thread, _ = read(
        "Tram works\n\nThe tram line opens in June.\n\n"
        "2 thoughts on \u201cTram works\u201d\n"
        "Kit Okafor says:\nOctober 30, 2014 at 8:19 pm\nAt last.\nReply\n"
        "Sam Reed says:\nOctober 31, 2014 at 9:02 am\nSix years late.\nReply\n"
        "Leave a Reply\nCancel reply\n")
    assert [(c.id, c.parent, c.author, c.created, c.text) for c in thread.comments] == [
        ("c1", "post", "Kit Okafor", "2014-10-30T20:19", "At last."),
        ("c2", "post", "Sam Reed", "2014-10-31T09:02", "Six years late."),
    ]


def test_blogger_handle_glued_to_the_time():
    thread, _ = read("Bus cuts\n\nRoutes 4 and 9 go.\n\n2 comments:\n"
                     "Anonymous30 October 2014 20:18\nShameful.\nReplyDelete\n"
                     "Jo Bloggs31 October 2014 08:00\nWrite to your councillor.\nReplyDelete\n")
    assert [(c.author, c.created, c.text) for c in thread.comments] == [
        ("Anonymous", "2014-10-30T20:18", "Shameful."),
        ("Jo Bloggs", "2014-10-31T08:00", "Write to your councillor."),
    ]


def test_a_removed_comment_keeps_its_place_and_its_replies():
    thread, _ = read("Pool closes\n\nThe pool shuts.\n\n2 comments:\n\n"
                     "  1. This comment has been removed by the author.\n\n    ReplyDelete\n    Replies\n"
                     "    1. What did they say?\n\n      Delete\n"
                     "  2. Sad news.\n\n    ReplyDelete\n")
    assert tree(thread) == [("c1", "post", ""), ("c1.1", "c1", "What did they say?"), ("c2", "post", "Sad news.")]


def test_a_reply_with_no_comment_above_it_is_reported_and_kept_top_level():
    thread, problems = read("Road closed\n\n1 comment:\nAn orphan reply.\nDelete\nA comment.\nReplyDelete\n")
    assert tree(thread) == [("c1", "post", "An orphan reply."), ("c2", "post", "A comment.")]
    assert len(problems) == 1 and problems[0].line == 4 and "reply" in problems[0].message


def test_an_article_with_no_comments():
    thread, problems = read("Ferry timetable\n\nSailings every hour from May.\nLast sailing 22:00.\n")
    assert problems == [] and thread.comments == []
    assert thread.title == "Ferry timetable"
    assert thread.post.text == "Sailings every hour from May.\nLast sailing 22:00."


def test_posted_by_line_gives_the_post_author_and_time():
    thread, _ = read("Friday, 31 October 2014\nMarket moves\nThe market moves to the square.\n"
                     "Posted by Harbour Watcher at 7:55 pm\nLabels: markets, town\n")
    assert (thread.post.author, thread.post.created) == ("Harbour Watcher", "2014-10-31T19:55")
    assert thread.post.text == "The market moves to the square."


def test_windows_newlines_and_odd_spaces_are_normalised():
    thread, _ = read("Dock strike\r\n\r\nDockers\u00a0walked out.\u200b\r\n1 comment:\r\nGood.\r\nReplyDelete\r\n")
    assert thread.post.text == "Dockers walked out."
    assert tree(thread) == [("c1", "post", "Good.")]


# --- titles ---------------------------------------------------------------------------

def test_title_glued_to_a_sentence_case_first_paragraph_is_split():
    assert split_title(["Harbour board faces legal challenge from ferry workersThe board may end up in court, "
                        "unless it publishes the safety tests.", "More text."]) == (
        "Harbour board faces legal challenge from ferry workers",
        ["The board may end up in court, unless it publishes the safety tests.", "More text."])


def test_title_case_title_glued_to_a_paragraph_is_split():
    title, body = split_title(["Council Wins Ferry Appeal In High CourtThe council said on Monday that it was pleased."])
    assert title == "Council Wins Ferry Appeal In High Court"
    assert body == ["The council said on Monday that it was pleased."]


def test_camel_case_names_do_not_split_a_first_line():
    line = "Investors at BlackRock said the fund would grow this year, and PayPal agreed."
    assert split_title([line, "Second line."]) == (None, [line, "Second line."])
    only = "Workers at DeepMarsh Ltd were told on Friday that the yard will close."
    assert split_title([only]) == (None, [only])


def test_a_short_first_line_with_text_below_is_the_title():
    assert split_title(["Ferry fares rise", "Fares rose by a tenth."]) == ("Ferry fares rise", ["Fares rose by a tenth."])
    assert split_title(["Dear members,", "Fares rose."]) == (None, ["Dear members,", "Fares rose."])


# --- the building blocks ----------------------------------------------------------------

def test_furniture_lines_are_classified_from_the_data_file():
    assert furniture.classify("ReplyDelete") == "top"
    assert furniture.classify("Delete") == "reply"
    assert furniture.classify("Replies") == "replies"
    assert furniture.classify("55 comments:") == "counter"
    assert furniture.classify("3 Responses to \u201cFerry fares\u201d") == "counter"
    assert furniture.classify("Subscribe to: Post Comments (Atom)") == "end"
    assert furniture.classify("Load more...") == "skip"
    assert furniture.classify("Delete the lot, I say.") is None
    assert furniture.classify("55 comments about the ferry were sent in.") is None


def test_glued_buttons_split_but_ordinary_words_do_not():
    assert furniture.split_glued("ReplyDeleteHow apt") == ("", "top", "How apt")
    assert furniture.split_glued("Deletehttp://example.org/x") == ("", "reply", "http://example.org/x")
    assert furniture.split_glued("it was close.ReplyDelete") == ("it was close.", "top", "")
    assert furniture.split_glued("Deleted files cannot come back.") is None
    assert furniture.split_glued("Delete the lot.") is None
    assert furniture.split_glued("press Delete") is None
    assert furniture.split_glued("ReplyDelete") is None  # a whole button line, nothing glued


def test_dates_and_author_lines():
    assert parse_date("30 October 2014 at 20:18") == "2014-10-30T20:18"
    assert parse_date("October 30, 2014 at 8:19 PM") == "2014-10-30T20:19"
    assert parse_date("Thursday, 30 October 2014") == "2014-10-30"
    assert parse_date("12 Sept 2015 00:05") == "2015-09-12T00:05"
    assert parse_date("2014-10-30T20:19:00+00:00") == "2014-10-30T20:19:00+00:00"
    assert parse_date("next Tuesday") is None
    assert parse_header("Anonymous30 October 2014 20:18") == ("Anonymous", "2014-10-30T20:18")
    assert parse_header("Jane Doe said...") == ("Jane Doe", None)
    assert parse_header("Kit Okafor says:") == ("Kit Okafor", None)
    assert parse_header("So I said to him that it was wrong") is None
    assert parse_header("Off topic and in response to Anonymous30 October 2014 20:18") is None


def test_numbered_comments_with_author_lines_inside_them():
    thread, _ = read(
        "Ferry fares\n\nFares rose.\n\n3 comments:\n\n"
        "  1. Anonymous30 October 2014 at 19:40\n\n    Game on.\n\n    ReplyDelete\n    Replies\n"
        "    1. Jane Doe30 October 2014 at 20:02\n\n      Indeed.\n\n      Delete\n"
        "  2. Kit Okafor31 October 2014 at 08:15\n\n    Late again.\n\n    ReplyDelete\n")
    assert [(c.id, c.parent, c.author, c.created, c.text) for c in thread.comments] == [
        ("c1", "post", "Anonymous", "2014-10-30T19:40", "Game on."),
        ("c1.1", "c1", "Jane Doe", "2014-10-30T20:02", "Indeed."),
        ("c2", "post", "Kit Okafor", "2014-10-31T08:15", "Late again."),
    ]


def test_a_replies_block_read_by_its_author_lines_when_only_reply_buttons_show():
    # A visitor's view of a Blogger page: no Delete buttons, so replies are told apart
    # by the "Replies" header and the lone "Reply" that closes the block.
    thread, _ = read(
        "Ferry fares\n\nFares rose.\n\n4 comments:\n"
        "Anonymous30 October 2014 19:40\nGame on.\nReply\nReplies\n"
        "Jane Doe30 October 2014 20:02\nIndeed.\n"
        "Kit Okafor30 October 2014 20:05\nQuite.\nReply\n"
        "Sam Reed31 October 2014 08:15\nLate again.\nReply\n")
    assert [(c.id, c.parent, c.author, c.text) for c in thread.comments] == [
        ("c1", "post", "Anonymous", "Game on."),
        ("c1.1", "c1", "Jane Doe", "Indeed."),
        ("c1.2", "c1", "Kit Okafor", "Quite."),
        ("c2", "post", "Sam Reed", "Late again."),
    ]


def test_without_a_counter_numbered_comments_start_at_their_first_number():
    thread, _ = read(
        "Bridge tolls\n\nThe plan has three steps:\n1. consult\n2. vote\n3. build\n\n"
        "  1. Tolls again?\n    Really?\n\n    ReplyDelete\n  2. Yes.\n\n    ReplyDelete\n")
    assert thread.post.text == "The plan has three steps:\n1. consult\n2. vote\n3. build"
    assert tree(thread) == [("c1", "post", "Tolls again?\nReally?"), ("c2", "post", "Yes.")]


def test_posted_by_with_a_date_and_a_name_containing_at():
    thread, _ = read("Market moves\nThe market moves.\nPosted by Matt Atkins on 31 October 2014 at 7:55 pm\n")
    assert (thread.post.author, thread.post.created) == ("Matt Atkins", "2014-10-31T19:55")


def test_old_blogger_footers_with_delete_buttons_stay_flat():
    # An old template seen by the blog's owner: every comment has only a Delete button,
    # under its time stamp. No Reply buttons, so no threading: all comments are top-level.
    thread, _ = read(
        "Harbour news\n\nThe harbour was dredged.\n\n"
        "2 comments:\n"
        "Jane Doe said...\nAbout time too.\n30 October 2014 20:18\nDelete\n"
        "Anonymous said...\nWho paid?\n31 October 2014 07:05\nDelete\n"
        "Post a Comment\n")
    assert [(c.id, c.parent, c.author, c.created, c.text) for c in thread.comments] == [
        ("c1", "post", "Jane Doe", "2014-10-30T20:18", "About time too."),
        ("c2", "post", "Anonymous", "2014-10-31T07:05", "Who paid?"),
    ]


def test_a_handle_on_the_line_above_the_time_is_the_author():
    thread, _ = read(
        "Ferry fares\nFares rose by a tenth.\n"
        "Anonymous\n30 October 2014 at 20:18\nToo much.\nReplyDelete\n"
        "Jane Doe\n30 October 2014 at 21:02\nAgreed.\nDelete\n")
    assert thread.post.text == "Fares rose by a tenth."
    assert [(c.id, c.parent, c.author, c.created, c.text) for c in thread.comments] == [
        ("c1", "post", "Anonymous", "2014-10-30T20:18", "Too much."),
        ("c1.1", "c1", "Jane Doe", "2014-10-30T21:02", "Agreed."),
    ]


def test_any_mix_of_lines_gives_a_well_formed_thread():
    # Shuffled furniture, numbers, headers and prose: never an exception, ids unique,
    # every parent an earlier message, no furniture line left in any text.
    import random

    pieces = ["ReplyDelete", "Delete", "Reply", "Replies", "12 comments:", "Load more...", "",
              "  1. A numbered comment.", "    1. A numbered reply.", "  2. Another.", "  3. A third.",
              "Jane Doe said...", "Anonymous30 October 2014 20:18", "30 October 2014 at 20:18",
              "This comment has been removed by the author.", "Plain prose line.", "More prose here.",
              "Gluing it.ReplyDelete", "DeleteGlued after.", "Posted by Sam Reed at 19:55", "Title Line"]
    furniture_lines = {"ReplyDelete", "Delete", "Reply", "Replies", "12 comments:", "Load more..."}
    rng = random.Random(20141030)
    for _ in range(300):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        thread, problems = read(text)
        seen = {"post"}
        for c in thread.comments:
            assert c.id not in seen and c.parent in seen, (text, c)
            seen.add(c.id)
        for m in thread.messages():
            assert not furniture_lines & set(m.text.split("\n")), (text, m)
            assert "ReplyDelete" not in m.text
        assert all(p.source == "dump.txt" for p in problems)
