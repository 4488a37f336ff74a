"""Thread-level entity rules and the resolution steps they feed (issue 4, round 2): acronyms a
thread uses as common nouns or schemes, aliases ("known as"), short forms of names. All names
are invented."""
from __future__ import annotations

import pytest

from graph.extract.entities import common_acronym_marks, mentions_from_doc, propagate_names
from graph.model import Evidence, Mention, Message, Thread
from graph.nlp import load_nlp
from graph.resolve import dedupe, resolve


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(parser=False)


def thread(*texts):
    post = Message(id="post", text=texts[0])
    comments = [Message(id=f"c{i}", text=t, parent="post") for i, t in enumerate(texts[1:], 1)]
    return Thread(id="t", source="x", post=post, comments=comments)


def run(nlp, th):
    found = []
    for msg in th.messages():
        found += mentions_from_doc(nlp(msg.text), th.id, msg)
    return found + propagate_names(th, found)


def names(entities, label):
    return {e.name for e in entities.values() if e.type == label}


# -- acronyms used as common nouns in the thread

def test_plural_in_one_comment_drops_the_acronym_in_another(nlp):
    th = thread("Zentrix Ltd runs the service.", "The Court QPO asked for the report.", "How many QPOs are left?")
    ms = run(nlp, th)
    marks = [m for m in ms if m.label == "Common"]
    assert [(m.text, m.attrs["why"]) for m in marks] == [("QPOs", "plural")]
    assert not [m for m in dedupe(ms) if m.text == "QPO"]
    ents, _, decisions = resolve(ms, [])
    assert "QPO" not in names(ents, "Organization") and "Zentrix" in " ".join(names(ents, "Organization"))
    assert any(d.kept == "QPO" and "common noun" in d.reason for d in decisions)


def test_scheme_phrase_gives_the_acronym_its_meaning(nlp):
    th = thread("The ministry's Transforming Westby programme is a mess.", "The best kept secret in TW is this.",
                "Zentrix Ltd and the ZQA said so.")
    ms = run(nlp, th)
    assert any(m.label == "Common" and m.attrs["letters"] == "tw" and m.attrs["why"] == "scheme" for m in ms)
    ents, _, _ = resolve(ms, [])
    assert "TW" not in names(ents, "Organization")
    assert "ZQA" in names(ents, "Organization")  # near miss: no plural, no scheme for it


def test_defined_acronym_is_not_marked(nlp):
    th = thread("The Quorn Valley Trust (QVT) runs two sites.", "Both QVTs are open and the QVT is proud.")
    ms = run(nlp, th)
    assert not [m for m in ms if m.label == "Common"]
    ents, _, _ = resolve(ms, [])
    assert "Quorn Valley Trust" in names(ents, "Organization")


def test_marks_are_not_repeated():
    th = thread("The Court QPO asked.", "How many QPOs are left?")
    ev = Evidence(thread="t", message="c1", start=0, end=3, quote="QPO", sentence_start=0, sentence_end=3)
    qpo = Mention(text="QPO", label="Organization", evidence=ev)
    marks = common_acronym_marks(th, [qpo])
    assert len(marks) == 1 and common_acronym_marks(th, [qpo] + marks) == []


# -- aliases

def test_known_as_and_called_join_names(nlp):
    text = ("Our local flagship Westby Womens Centre that was only opened last year is officially known as the Quorn Centre "
            "but is now jokingly called the Chaos Centre on account of staffing.")
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    ents, _, decisions = resolve(ms, [])
    orgs = [e for e in ents.values() if e.type == "Organization"]
    assert len(orgs) == 1 and {"Westby Womens Centre", "Chaos Centre"} <= orgs[0].aliases
    assert orgs[0].name == "Quorn Centre"  # the official name
    assert any(d.reason.startswith("alias") for d in decisions)


@pytest.mark.parametrize("text", [
    "Quillco Ltd, formerly known as Westby Holdings Ltd, said so.",   # a renaming
    "Zentrix Ltd, now called Quorn Group Ltd, said no.",               # a renaming
    "The current Zentrix Ltd mission, called Quorn Shield Ltd, works.",  # X only a modifier
    "Zentrix Ltd built a device known as Quorn Group Ltd.",            # a new thing
])
def test_renamings_and_new_things_are_no_aliases(nlp, text):
    ms = mentions_from_doc(nlp(text), "t", Message(id="post", text=text))
    assert not [m for m in ms if m.attrs.get("alias_of")]


# -- short forms

def test_short_form_joins_the_one_longer_name(nlp):
    th = thread("They set up 21 companies and a National Westby Service Council.",
                "I too have been silenced by the Westby Service Council.")
    ents, _, _ = resolve(run(nlp, th), [])
    assert names(ents, "Organization") == {"National Westby Service Council"}


def test_short_form_with_two_longer_names_stays_apart(nlp):
    th = thread("The National Westby Service Council and the Royal Westby Service Council met.",
                "I too have been silenced by the Westby Service Council.")
    ents, _, _ = resolve(run(nlp, th), [])
    assert "Westby Service Council" in names(ents, "Organization")


def test_short_form_does_not_drop_a_place_word(nlp):
    th = thread("The Scottish Westby Association met.", "The Westby Association said no.")
    ents, _, _ = resolve(run(nlp, th), [])
    assert {"Scottish Westby Association", "Westby Association"} <= names(ents, "Organization")


def test_surname_possessive_without_apostrophe(nlp):
    th = thread("Justice Secretary Tom Fenwick did not pilot the reforms.",
                "Maybe the PM should visit the ministry soon, before it becomes Fenwicks personal fiefdom.",
                "Maybe the PM should visit the ministry soon, before it becomes Fenwicks and so on.")
    ms = run(nlp, th)
    got = [(m.evidence.message, m.text) for m in ms if m.source == "rule.thread_name" and m.text == "Fenwicks"]
    assert got == [("c1", "Fenwicks")]   # near miss in c2: "and" (a stop word) follows
    ents, _, _ = resolve(ms, [])
    tom = next(e for e in ents.values() if e.name == "Tom Fenwick")
    assert "Fenwicks" in tom.aliases


def test_a_name_inside_a_bare_web_domain_is_not_carried_over(nlp):
    th = thread("Quorvel Group runs the service. Quorvel took over in May.", "See quorvel-group.com/investors for it.")
    ms = run(nlp, th)
    assert not [m for m in ms if m.evidence.message == "c1" and m.text.lower() == "quorvel"]
