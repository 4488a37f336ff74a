"""A person's name written all in lower case ("infact tony quarrie may know") is a Person mention
(graph.extract.thread_mentions.lower_case_names, run by propagate_names): a common given name followed by
a word that is no English word. Names are invented."""
import pytest

from graph.extract.thread_mentions import lower_case_names, propagate_names
from graph.model import Evidence, Mention, Message, Thread


def _thread(*texts: str) -> Thread:
    return Thread(id="t1", source="x", post=Message(id="post", text=texts[0]),
                  comments=[Message(id=f"c{i}", text=t, parent="post") for i, t in enumerate(texts[1:], 1)])


def _found(*texts: str) -> list[str]:
    return [m.text for m in lower_case_names(_thread(*texts), [])]


def test_a_lower_case_given_name_and_surname_is_a_person():
    t = _thread("The depot shut.", "Infact thierry quarrington may be the person to contact on the matter.")
    [m] = lower_case_names(t, [])
    assert (m.text, m.label, m.evidence.message, m.source) == ("thierry quarrington", "Person", "c1", "rule.lower_name")
    assert m.evidence.quote == "thierry quarrington"


def test_propagate_names_returns_it_too():
    assert "piotr brockwith" in [m.text for m in propagate_names(_thread("ask piotr brockwith about it"), [])]


@pytest.mark.parametrize("text", [
    "thierry said it was fine",        # an English verb after the name
    "tanya thinks it is over",       # an inflected verb
    "thierry lol",                     # a chat word
    "piotr and the others",          # a stop word
    "mark quarrington is wrong",     # a given name that is an everyday word ("mark the date")
    "such a tanya brockwith moment", # after "a": a type of person, no name
    "the depot qxvr report",         # no given name
])
def test_near_misses_give_nothing(text):
    assert _found(text) == []


def test_a_name_inside_a_mention_or_a_web_address_gives_nothing():
    t = _thread("see www.example.com/thierry quarrington today", "we met thierry quarrington")
    ev = Evidence(thread="t1", message="c1", start=7, end=26, quote="thierry quarrington",
                  sentence_start=0, sentence_end=26)
    assert lower_case_names(t, [Mention(text="thierry quarrington", label="Person", evidence=ev)]) == []


def test_the_documented_example_fires():
    assert _found("infact tony quarrie may be the one to ask") == ["tony quarrie"]


@pytest.mark.parametrize("text", [
    "i told tony beleive me",        # two letters swapped in an English word ("believe")
    "tony thier way is better",      # ... or in a stop word ("their")
])
def test_a_misspelt_word_after_a_given_name_is_no_surname(text):
    assert _found(text) == []
