"""A one-word name right after "personal" that ends its clause is a metaphor, no entity ("before it
becomes the mayor's personal Kremlin."; graph.extract.entities.mentions_from_doc). The spaCy model
tags these names; the rule drops them."""
import pytest

from graph.extract.entities import mentions_from_doc
from graph.model import Message
from graph.nlp import load_nlp


def _names(text: str) -> list[tuple[str, str]]:
    doc = load_nlp(parser=False)(text)
    return [(m.text, m.label) for m in mentions_from_doc(doc, "t", Message(id="p", text=text)) if m.label != "Role"]


@pytest.mark.parametrize("text", ["The council became the mayor's personal Kremlin.",
                                  "It was her personal Waterloo, she said."])
def test_a_name_after_personal_at_a_clause_end_is_no_entity(text):
    assert _names(text) == []


def test_near_misses_keep_the_name():
    # the name goes on into a longer phrase
    assert ("Kremlin", "Organization") in _names("He wrote on his personal Kremlin watch blog.")
    # no "personal" right before it
    assert ("Kremlin", "Organization") in _names("The Kremlin denied it.")
    # a person after a role: "personal" is not right before the name
    assert ("Jo Quill", "Person") in _names("She was the personal assistant of Jo Quill.")
