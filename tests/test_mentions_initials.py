"""Initials the model missed ("given JQ") are a mention of the one person of the thread with those
initials (graph.extract.thread_mentions.initials_mentions, run by propagate_names); resolution then
joins them to that person. Names are invented."""
from graph.extract.thread_mentions import initials_mentions, propagate_names
from graph.model import Evidence, Mention, Message, Thread
from graph.resolve import resolve


def _thread(*texts: str) -> Thread:
    return Thread(id="t1", source="x", post=Message(id="post", text=texts[0]),
                  comments=[Message(id=f"c{i}", text=t, parent="post") for i, t in enumerate(texts[1:], 1)])


def _mention(thread: Thread, msg_id: str, text: str, label: str, nth: int = 0, **kw) -> Mention:
    body = thread.message(msg_id).text
    at = -1
    for _ in range(nth + 1):
        at = body.index(text, at + 1)
    ev = Evidence(thread=thread.id, message=msg_id, start=at, end=at + len(text), quote=text,
                  sentence_start=0, sentence_end=len(body))
    return Mention(text=text, label=label, evidence=ev, source="ner", **kw)


POST = "Jenna Quarrie runs the Westby depot. Quarrie said nothing."


def _people(thread: Thread) -> list[Mention]:
    return [_mention(thread, "post", "Jenna Quarrie", "Person"), _mention(thread, "post", "Quarrie", "Person", nth=1)]


def test_initials_of_the_one_person_named_become_a_mention_and_join_her():
    t = _thread(POST, "The appeal goes ahead (given deadline given JQ and the press release).")
    new = initials_mentions(t, _people(t))
    assert [(m.text, m.label, m.evidence.message, m.source) for m in new] == [("JQ", "Person", "c1", "rule.initials")]
    entities, _, _ = resolve(_people(t) + new, [])
    person = next(e for e in entities.values() if e.type == "Person")
    assert "JQ" in person.aliases and len(person.mentions) == 3


def test_propagate_names_returns_the_initials_too():
    t = _thread(POST, "I wrote to JQ about it.")
    assert "JQ" in [m.text for m in propagate_names(t, _people(t))]


def test_first_and_last_initials_of_a_longer_name_count():
    t = _thread("Jenna Mary Quarrie runs the depot. Quarrie said nothing.", "Ask JQ, or JMQ.")
    ms = [_mention(t, "post", "Jenna Mary Quarrie", "Person"), _mention(t, "post", "Quarrie", "Person", nth=1)]
    assert sorted(m.text for m in initials_mentions(t, ms)) == ["JMQ", "JQ"]


def test_two_people_with_the_same_initials_give_nothing():
    t = _thread(POST + " Jon Quigley agreed with Quigley's team.", "Ask JQ.")
    ms = _people(t) + [_mention(t, "post", "Jon Quigley", "Person"), _mention(t, "post", "Quigley", "Person", nth=1)]
    assert initials_mentions(t, ms) == []


def test_a_person_named_only_once_gives_nothing():
    t = _thread("Jenna Quarrie runs the depot.", "Ask JQ.")
    assert initials_mentions(t, [_mention(t, "post", "Jenna Quarrie", "Person")]) == []


def test_letters_an_organisation_of_the_thread_stands_for_give_nothing():
    t = _thread(POST + " Jetty Quays Ltd lost money.", "Ask JQ.")
    ms = _people(t) + [_mention(t, "post", "Jetty Quays Ltd", "Organization")]
    assert initials_mentions(t, ms) == []


def test_letters_the_thread_uses_as_an_organisation_or_defines_give_nothing():
    t = _thread(POST, "JQ cut jobs.", "Ask JQ.")
    ms = _people(t) + [_mention(t, "c1", "JQ", "Organization")]
    assert initials_mentions(t, ms) == []
    t = _thread(POST, "the Joint Quorum (JQ) met.", "Ask JQ.")
    assert initials_mentions(t, _people(t)) == []


def test_common_abbreviations_a_determiner_and_shouting_give_nothing():
    t = _thread("Pim Morrow runs the depot. Morrow said nothing.", "The PM agreed. Ask PM.")
    ms = [_mention(t, "post", "Pim Morrow", "Person"), _mention(t, "post", "Morrow", "Person", nth=1)]
    assert initials_mentions(t, ms) == []
    t = _thread(POST, "the JQ was late", "WHY DID JQ SAY IT")
    assert initials_mentions(t, _people(t)) == []


def test_initials_inside_a_mention_or_a_web_address_give_nothing():
    t = _thread(POST, "See www.example.com/JQ today.", "JQ Holdings Ltd bid.")
    ms = _people(t) + [_mention(t, "c2", "JQ Holdings Ltd", "Organization")]
    assert initials_mentions(t, ms) == []


def test_a_stop_word_in_capitals_is_emphasis_not_initials():
    t = _thread("Ivo Dunmore Sharp runs the depot. Sharp said nothing.", "It IS wrong, and IDS knows it.")
    ms = [_mention(t, "post", "Ivo Dunmore Sharp", "Person"), _mention(t, "post", "Sharp", "Person", nth=1)]
    assert [m.text for m in initials_mentions(t, ms)] == ["IDS"]


def test_initials_inside_an_organisation_name_found_by_propagation_give_nothing():
    # the model found "JQ Holdings Ltd" in the post only; propagate_names finds it in c1, and the
    # "JQ" inside that new mention is no person's initials
    t = _thread(POST + " JQ Holdings Ltd bid.", "Then JQ Holdings Ltd bid again.")
    ms = _people(t) + [_mention(t, "post", "JQ Holdings Ltd", "Organization")]
    new = propagate_names(t, ms)
    assert ("JQ Holdings Ltd", "Organization", "c1") in [(m.text, m.label, m.evidence.message) for m in new]
    assert not [m for m in new if m.label == "Person" and m.text == "JQ"]


def test_letters_an_organisation_may_be_written_as_give_nothing():
    # resolution reads "JQ" as "Jade Quarry Group" without its company word (graph.names.initial_forms)
    t = _thread(POST + " Jade Quarry Group lost money.", "Ask JQ.")
    ms = _people(t) + [_mention(t, "post", "Jade Quarry Group", "Organization")]
    assert initials_mentions(t, ms) == []
    # near miss: an organisation whose initials are other letters leaves JQ to the person
    t = _thread(POST + " Jade Rivers Group lost money.", "Ask JQ.")
    ms = _people(t) + [_mention(t, "post", "Jade Rivers Group", "Organization")]
    assert [m.text for m in initials_mentions(t, ms)] == ["JQ"]
