"""Mentions from a parsed message: labels, evidence offsets, roles, organisation kinds (invented names)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from graph.extract.entities import mentions_from_doc, org_kind, propagate_names
from graph.model import Message, Thread
from graph.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(parser=False)


TEXT = ("Justice Secretary Tom Bramble met Anna Quillfeather, Deputy Managing Director of Zenith Justice Services, "
        "in Westby. The Ministry of Fisheries (MoF) was not told.")


def test_mentions_carry_labels_and_exact_message_offsets(nlp):
    msg = Message(id="c3", text=TEXT, parent="post")
    ms = mentions_from_doc(nlp(TEXT), "thread-1", msg)
    got = {(m.text, m.label) for m in ms}
    assert {("Tom Bramble", "Person"), ("Anna Quillfeather", "Person"), ("Zenith Justice Services", "Organization"),
            ("Westby", "Place"), ("Ministry of Fisheries", "Organization"), ("MoF", "Organization"),
            ("Justice Secretary", "Role"), ("Deputy Managing Director", "Role")} <= got
    for m in ms:
        ev = m.evidence
        assert ev.quote == TEXT[ev.start:ev.end] == m.text
        assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end
        assert (ev.thread, ev.message) == ("thread-1", "c3")
        assert m.ref == f"thread-1|c3|{ev.start}|{ev.end}"
    mof = next(m for m in ms if m.text == "MoF")
    assert mof.expansion == "Ministry of Fisheries" and mof.kind == "government"
    assert next(m for m in ms if m.text == "Zenith Justice Services").kind == "company"
    assert [m.evidence.start for m in ms] == sorted(m.evidence.start for m in ms)


def test_a_doc_built_from_part_of_a_message_gets_message_offsets(nlp):
    prefix = "Intro line.\n"
    msg = Message(id="c1", text=prefix + TEXT, parent="post")
    ms = mentions_from_doc(nlp(TEXT), "t", msg)
    tom = next(m for m in ms if m.text == "Tom Bramble")
    assert msg.text[tom.evidence.start:tom.evidence.end] == "Tom Bramble" and tom.evidence.start > len(prefix)
    with pytest.raises(ValueError):
        mentions_from_doc(nlp("Something else entirely."), "t", msg)


def test_title_is_kept_on_the_mention(nlp):
    text = "Mr Tom Bramble left."
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    tom = next(m for m in ms if m.label == "Person")
    assert tom.text == "Tom Bramble" and tom.attrs["title"] == "Mr"


@pytest.mark.parametrize("name, kind", [
    ("Ministry of Fisheries", "government"), ("Department for Rural Affairs", "government"),
    ("Westby Borough Council", "government"), ("Quillon Fisheries Inspectorate", "government"),
    ("Zenith Motors Ltd", "company"), ("Bramble Holdings plc", "company"), ("Quillon Support Services", "company"),
    ("Calder Rail Workers Union", "union"), ("Federation of Westby Workers", "union"),
    ("Brightwater Trust", "charity"), ("Quillfeather Foundation", "charity"),
    ("Westby Labour Party", "party"), ("Tory", "party"),
    ("Westby Gazette", "media"), ("Quillon Evening News", "media"),
    ("High Court", "court"), ("House of Lords Constitution Committee", "committee"),
    ("Zenquill", "other"),
])
def test_organisation_kind_from_the_shape_of_the_name(name, kind):
    assert org_kind(name) == kind


def test_organisation_kind_from_the_noun_before_the_name():
    assert org_kind("Zenquill", context="a small charity called ") == "charity"
    assert org_kind("Zenquill", context="I once met a ") == "other"
    assert org_kind("Zenquill", context="lawyers for ") == "other"  # the client is not a law firm
    assert org_kind("Zenquill", context="the union's lawyer, ") == "company"
    assert org_kind("Zenquill", context="the charity ") == "charity"
    assert org_kind("Zenquill", context="the outsourcing giant ") == "company"


def thread(*texts):
    post = Message(id="post", text=texts[0])
    comments = [Message(id=f"c{i}", text=t, parent="post") for i, t in enumerate(texts[1:], 1)]
    return Thread(id="t", source="x", post=post, comments=comments)


def test_names_found_in_one_message_are_found_in_the_others(nlp):
    th = thread("Tom Bramble runs Zenith Motors Ltd.",
                "Bramble is wrong and zenith motors ltd is worse. See www.bramble.com/Bramble",
                "I hear Zenith Motors Ltd lost. Brambleton is a town.")
    found = []
    for msg in th.messages():
        found += mentions_from_doc(nlp(msg.text), th.id, msg)
    extra = propagate_names(th, found)
    got = {(m.evidence.message, m.text, m.label) for m in extra}
    assert ("c1", "Bramble", "Person") in got
    # an organisation phrase all in lower case could be ordinary words: left alone
    assert not any(m.text == "zenith motors ltd" for m in extra)
    assert not any("Brambleton" in m.text for m in extra)
    for m in extra:
        text = th.message(m.evidence.message).text
        assert text[m.evidence.start:m.evidence.end] == m.text and m.source == "rule.thread_name"
        assert "www" not in text[m.evidence.sentence_start:m.evidence.start][-5:]
    assert propagate_names(th, found + extra) == []  # idempotent


def test_each_mention_says_which_rule_or_the_model_found_it(nlp):
    text = "Anna Quillfeather joined Westby Borough Council. Later Quillfeather left."
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    src = {(m.text, m.evidence.start): m.source for m in ms}
    assert src[("Westby Borough Council", text.index("Westby"))] == "rule.org_shape"
    assert src[("Quillfeather", text.rindex("Quillfeather"))] in ("ner", "rule.consistency")
    assert all(s == "ner" or s.startswith("rule.") for s in src.values())


def test_other_case_propagation_covers_org_names_and_acronyms_but_never_bare_surnames(nlp):
    th = thread("Jane Quill said the Working Lanterns group and ZQG (Zenquill Group) lost to Baker Holdings.",
                "Working lanterns and zqg are the same. baker said so, and jane quill agrees. Zqgs? no.",
                "Mark Baker agreed.")
    found = []
    for msg in th.messages():
        found += mentions_from_doc(nlp(msg.text), th.id, msg)
    extra = {(m.evidence.message, m.text, m.label) for m in propagate_names(th, found)}
    assert {("c1", "Working lanterns", "Organization"), ("c1", "zqg", "Organization"),
            ("c1", "jane quill", "Person")} <= extra
    assert not any(text == "baker" for _, text, _ in extra)  # a bare surname in lower case is a word


def test_an_ampersand_name_is_found_written_with_and(nlp):
    th = thread("The law firm Quillon & Bramwick won.", "We told Quillon and Bramwick to act.")
    post = th.message("post")
    found = mentions_from_doc(nlp(post.text), th.id, post)  # c1: as if the model found nothing there
    assert ("Quillon & Bramwick", "Organization") in {(m.text, m.label) for m in found}
    extra = {(m.evidence.message, m.text, m.label) for m in propagate_names(th, found)}
    assert ("c1", "Quillon and Bramwick", "Organization") in extra


def test_a_longer_thread_name_covers_a_mention_the_model_cut_short():
    from graph.model import Evidence, Mention
    from graph.resolve import dedupe

    th = thread("We booked through Zandor Travel again.", "Booking via Zandor travel costs more, Zandor says.")
    c1 = th.message("c1").text

    def ner(msg, text, start):
        ev = Evidence(thread="t", message=msg, start=start, end=start + len(text), quote=text,
                      sentence_start=0, sentence_end=len(th.message(msg).text))
        return Mention(text=text, label="Organization", evidence=ev)

    post = ner("post", "Zandor Travel", th.post.text.index("Zandor"))
    cut = ner("c1", "Zandor", c1.index("Zandor"))  # the model stopped before the lower-case word
    extra = propagate_names(th, [post, cut])
    wide = [m for m in extra if m.evidence.message == "c1" and m.text == "Zandor travel"]
    assert len(wide) == 1 and wide[0].evidence.start == cut.evidence.start
    kept = dedupe([post, cut] + extra)
    assert cut not in kept and wide[0] in kept
    # a mention of another type inside the span, or one overlapping it only in part, blocks it
    person = replace(cut, label="Person")
    assert not [m for m in propagate_names(th, [post, person]) if m.text == "Zandor travel"]


@pytest.mark.parametrize("name, dropped", [
    ("Offender Register", True), ("Welfare Review", True), ("Quill Rehabilitation", True),
    ("Ministry of Review", False),  # "of": a body's name
    ("Register", False),  # one word: left to the other rules
    ("Bell System", False),  # "System" names bodies too
])
def test_a_model_organisation_ending_in_a_word_for_a_scheme_is_no_body(name, dropped):
    from graph.nlp import not_a_body

    assert not_a_body(name) is dropped


def test_an_acronym_defined_as_a_scheme_is_no_organisation():
    from graph.model import Evidence, Mention
    from graph.resolve import resolve

    ev = Evidence(thread="t", message="post", start=0, end=2, quote="WR", sentence_start=0, sentence_end=2)
    entities, _, _ = resolve([Mention(text="WR", label="Organization", evidence=ev, expansion="Welfare Review")], [])
    assert entities == {}
