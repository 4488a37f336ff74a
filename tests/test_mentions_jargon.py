"""An undefined acronym used as jargon for a scheme, a system or a record ("the QRP facilitators",
"QXLog records") is no organisation (graph.extract.jargon.jargon_names, used by
mentions_from_doc for one document and by common_acronym_marks for a thread). Names are invented."""
from graph.extract.jargon import jargon_names
from graph.extract.thread_mentions import common_acronym_marks
from graph.model import Evidence, Mention, Message, Thread
from graph.resolve import dedupe


def test_one_use_before_a_scheme_noun_makes_jargon():
    assert jargon_names(["Ask the QRP facilitators first."], {"QRP"}, modifier=False) == {"QRP"}


def test_acronyms_joined_before_the_noun_are_all_jargon():
    assert jargon_names(["the same with ZTV/QRP facilitators in prisons"], {"ZTV", "QRP"}) == {"ZTV", "QRP"}


def test_modifier_nouns_need_every_use_and_for_an_acronym_the_thread():
    text = ["staff running a high risk QRP group can't see it"]
    assert jargon_names(text, {"QRP"}) == {"QRP"}
    # one comment alone does not tell "QRP group" from "the FBI records": left to the thread
    assert jargon_names(text, {"QRP"}, modifier=False) == set()
    # a camel-case name is a system's shape: decided in the document
    assert jargon_names(["we can't see QXLog records"], {"QXLog"}, modifier=False) == {"QXLog"}


def test_near_misses_stay_organisations():
    # used as a name elsewhere in the thread
    assert jargon_names(["a high risk QRP group", "the QRP said no"], {"QRP"}) == set()
    # defined in the text
    assert jargon_names(["Quarry Road Partners (QRP) facilitators"], {"QRP"}) == set()
    # a body's people and programmes
    assert jargon_names(["EU leaders met UN troops"], {"EU", "UN"}) == set()
    assert jargon_names(["Our ZRC programmes staff were moved"], {"ZRC"}, modifier=False) == set()
    # not acronym-shaped: a surname with a capital inside
    assert jargon_names(["McQuill records"], {"McQuill"}) == set()
    # a common abbreviation is no name to drop here
    assert jargon_names(["the PM facilitators"], {"PM"}) == set()


def _thread(*texts: str) -> Thread:
    return Thread(id="t1", source="x", post=Message(id="post", text=texts[0]),
                  comments=[Message(id=f"c{i}", text=t, parent="post") for i, t in enumerate(texts[1:], 1)])


def _org(thread: Thread, msg_id: str, text: str, **kw) -> Mention:
    body = thread.message(msg_id).text
    at = body.index(text)
    ev = Evidence(thread=thread.id, message=msg_id, start=at, end=at + len(text), quote=text,
                  sentence_start=0, sentence_end=len(body))
    return Mention(text=text, label="Organization", evidence=ev, **kw)


def test_a_thread_drops_every_mention_of_a_jargon_acronym():
    t = _thread("It is the same with QRP facilitators in prisons.", "Few cases need QRP now.")
    ms = [_org(t, "post", "QRP"), _org(t, "c1", "QRP")]
    marks = common_acronym_marks(t, ms)
    assert [(m.label, m.attrs["why"]) for m in marks] == [("Common", "jargon")]
    assert dedupe(ms + marks) == []


def test_a_thread_keeps_a_defined_or_context_typed_acronym():
    t = _thread("Quarry Road Partners (QRP) runs it.", "It is the same with QRP facilitators.")
    ms = [_org(t, "post", "QRP", expansion="Quarry Road Partners"), _org(t, "c1", "QRP")]
    assert common_acronym_marks(t, ms) == []
    t = _thread("The QRP union called a strike.", "It is the same with QRP facilitators.")
    ms = [_org(t, "post", "QRP", source="rule.org_head"), _org(t, "c1", "QRP")]
    assert common_acronym_marks(t, ms) == []


def test_a_name_used_often_stays_despite_one_scheme_noun():
    texts = ["the QRP facilitators", "the QRP said no", "QRP staff left", "QRP cut pay"]
    assert jargon_names(texts, {"QRP"}) == set()
    # half its uses are jargon: "cases needing QRP" beside "the QRP facilitators"
    assert jargon_names(["the QRP facilitators", "few cases need QRP"], {"QRP"}) == {"QRP"}


def test_a_long_run_of_capitals_after_the_name_is_read_in_linear_time():
    import time

    text = ["QRP said no. QRP / " + "Q" * 20000 + "z."]
    t0 = time.perf_counter()
    jargon_names(text, {"QRP"})
    assert time.perf_counter() - t0 < 1.0  # (with "[A-Za-z]*" before the second capital: about 16 s)


def test_an_acronym_defined_in_the_text_or_inside_a_web_address_is_no_jargon():
    # defined: "(QRP)" once, then "the QRP facilitators": a body's name used before a noun
    assert jargon_names(["Quarry Road Partners (QRP) run it.", "the QRP facilitators"], {"QRP"}) == set()
    assert jargon_names(["Quarry Road Partners run it.", "the QRP facilitators"], {"QRP"}) == {"QRP"}
    # "example.org/QRP facilitators" is part of an address: only "QRP said no" counts
    assert jargon_names(["QRP said no. See http://example.org/QRP facilitators"], {"QRP"}) == set()
    assert jargon_names(["QRP said no. See example.org/QRP facilitators"], {"QRP"}) == set()  # a bare domain
    assert jargon_names(["QRP said no. See the QRP facilitators"], {"QRP"}) == {"QRP"}


def _doc_mentions(text: str, name: str):
    """mentions_from_doc on a blank-model doc whose one entity is `name`, typed ORG."""
    import spacy
    from spacy.tokens import Span

    import graph.nlp  # noqa: F401 (registers the doc and span extensions)
    from graph.extract.entities import mentions_from_doc

    doc = spacy.blank("en")(text)
    at = next(i for i, tok in enumerate(doc) if tok.text == name)
    doc.ents = [Span(doc, at, at + 1, label="ORG")]
    return [(m.text, m.label) for m in mentions_from_doc(doc, "t1", Message(id="m1", text=text))]


def test_a_document_drops_an_acronym_it_uses_as_jargon():
    assert _doc_mentions("Ask the QRP facilitators first.", "QRP") == []
    assert _doc_mentions("Ask the QRP about it first.", "QRP") == [("QRP", "Organization")]
