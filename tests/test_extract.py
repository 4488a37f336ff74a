"""The extraction stage: evidence that quotes the text exactly, parsing only what needs it,
parallel runs that equal serial ones, and what the seed threads yield."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from graph.extract import Extractor, extract_corpus, extract_thread
from graph.extract.assemble import MessageWork
from graph.model import STATUSES, Message, Thread

ROOT = Path(__file__).resolve().parent.parent

TEXT = ("Jane Holloway, Deputy Managing Director of Brightwater Justice Services, is married to Martin Fairbank. "
        "Kestrel Services Ltd is part owned by Brightwater Holdings Ltd.\n\n"
        "It rained all day and nobody came to the fair. "
        "Brightwater Holdings Ltd won the £2m catering contract from Calderbrook Council. Is this true?")


def thread(text=TEXT, comments=()):
    return Thread(id="t9", source="test", post=Message(id="post", text=text),
                  comments=[Message(id=f"c{i}", text=c, parent="post") for i, c in enumerate(comments)])


def test_every_relation_quotes_the_message_text_at_its_offsets():
    t = thread(comments=["Ashgrove Trust’s partner is Kestrel Services Ltd — or so I’m told.", "Tory MP Jane Holloway 🙂 said so."])
    mentions, relations = extract_thread(t)
    assert relations
    for r in relations:
        text = t.message(r.evidence.message).text
        assert r.evidence.quote == text[r.evidence.start:r.evidence.end]
        assert r.evidence.sentence_start <= r.evidence.start < r.evidence.end <= r.evidence.sentence_end
        assert r.status in STATUSES and 0 < r.confidence <= 1
    refs = {m.ref for m in mentions}
    for r in relations:  # both ends are mentions the stage returns
        assert r.subject in refs and (r.object is None or r.object in refs)
    for m in mentions:
        assert m.evidence.quote == t.message(m.evidence.message).text[m.evidence.start:m.evidence.end]


def test_only_sentences_with_two_arguments_or_a_cue_are_parsed():
    ex = Extractor()
    msg = Message(id="post", text=TEXT)
    doc = next(ex.cheap_docs([TEXT]))
    assert not doc.has_annotation("DEP")  # the cheap pass does not parse
    from graph.extract import _mentions_from_doc
    work = MessageWork("t9", msg, doc, _mentions_from_doc(doc, "t9", msg))
    chosen = [s.text for s in work.sentences_to_parse()]
    assert "It rained all day and nobody came to the fair." not in chosen
    assert any(s.startswith("Jane Holloway") for s in chosen)
    assert any("won the" in s for s in chosen)


def test_confidence_comes_from_the_calibration_table():
    from graph.extract.confidence import PRIOR, table
    _, relations = extract_thread(thread())
    measured = table()
    for r in relations:
        assert r.confidence == measured.get(r.rule, PRIOR)


def test_a_bad_message_does_not_sink_the_thread():
    t = thread(comments=["", "\x00\x00", "Martin Fairbank is married to Jane Holloway."])
    _, relations = extract_thread(t)
    assert any(r.kind == "family" and r.evidence.message == "c2" for r in relations)


def test_progress_reports_messages_done():
    calls = []
    extract_corpus([thread(comments=["Hello."] * 3)], progress=lambda d, n: calls.append((d, n)))
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)


@pytest.mark.slow
def test_two_workers_give_the_same_result_as_one():
    threads = [thread(comments=[f"Comment {i}: Martin Fairbank is married to Jane Holloway." for i in range(40)])
               for _ in range(2)]
    threads[1].id = "t10"
    one = extract_corpus(threads, workers=1)
    two = extract_corpus(threads, workers=2)
    assert [(r.kind, r.subject, r.object, r.evidence) for r in one[1]] == \
        [(r.kind, r.subject, r.object, r.evidence) for r in two[1]]
    assert len(one[0]) == len(two[0])


@pytest.fixture(scope="module")
def seeds():
    from graph.ingest import load_paths

    threads, _ = load_paths([ROOT / "seeds"])
    mentions, relations = extract_corpus(threads)
    by_ref = {m.ref: m for m in mentions}

    def name(ref):
        return by_ref[ref].text if ref in by_ref else None

    return [(r.kind, name(r.subject), name(r.object), r) for r in relations], by_ref


@pytest.mark.slow
def test_seeds_hold_the_posts_family_partners_renamings_contracts_and_stated_conflict(seeds):
    facts, by_ref = seeds
    triples = {(k, s, o) for k, s, o, _ in facts}
    assert ("post", "Janine McDowell", "Sodexo") in triples
    assert ("post", "Paul", "NACRO") in triples
    assert ("family", "Janine McDowell", "Paul") in triples
    assert ("partner", "NACRO", "Sodexo") in triples
    assert ("renamed", "UKDS", "Kalyx") in triples and ("renamed", "Kalyx", "Sodexo") in triples
    assert ("mp_for", "Craig Whittaker", "Calder Valley") in triples
    fam = [r for k, s, o, r in facts if k == "family" and s == "Chief Insp of Probation"]
    assert fam and fam[0].status == "questioned" and fam[0].qualifiers["relation"] == "spouse"
    bids = [(s, by_ref[r.object].attrs) for k, s, o, r in facts if k == "bid"]
    assert any(s == "Redfern Travel" for s, _ in bids)
    assert any(a.get("value") is not None and a.get("period") == "year" for _, a in bids)
    assert any(s == "NACRO" and r.qualifiers["status"] == "preferred" for k, s, o, r in facts if k == "bid")
    coi = [r for k, s, o, r in facts if k == "coi_stated"]
    assert coi and {by_ref[x].text for x in coi[0].qualifiers["entities"]} >= {"Paul", "Janine"}
