"""`threadgraph eval`: strict scores on tiny fixtures, hand-computed (tests/data/eval/)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.commands.evaluate import evaluate
from graph.evaluate import evaluate_docs, run
from graph.evaluate.datasets import EVAL_KINDS, join_tokens, load
from graph.evaluate.scoring import Counts, score_entities, score_mentions
from graph.model import Evidence, Relation

DATA = Path(__file__).parent / "data" / "eval"


def triples(table):
    return {k: (v.tp, v.fp, v.fn) for k, v in table.items()}


# -- readers

def test_tokens_join_with_exact_offsets_and_light_detokenising():
    text, offs = join_tokens(["Smith", "'s", "firm", "(", "Acme", ")", "said", "Jean", "-", "Claude", "."])
    assert text == "Smith's firm (Acme) said Jean-Claude."
    assert [text[a:b] for a, b in offs] == ["Smith", "'s", "firm", "(", "Acme", ")", "said", "Jean", "-", "Claude", "."]
    plain, _ = join_tokens(["Smith", "'s", "firm"], detokenize=False)
    assert plain == "Smith 's firm"


def test_conll04_reader_maps_bilou_tags_and_relations():
    docs = load("conll04", DATA / "conll04_tiny.json")
    first = docs[0]
    assert [(first.text[m.start:m.end], m.type) for m in first.mentions] == [
        ("John Smith", "Person"), ("Acme Corporation", "Organization"), ("London", "Place")]
    assert [(r.kind, r.head, r.tail) for r in first.relations] == [("post", 0, 1)]
    assert first.unmapped_relations == {"Live_In": 1}
    assert [m.type for m in docs[1].mentions] == ["Person", None, "Person"]  # Berlin is gold "Other"


def test_docred_reader_maps_sentences_and_types():
    doc = load("redocred", DATA / "redocred_tiny.json")[0]
    spans = [(doc.text[m.start:m.end], m.type, m.entity) for m in doc.mentions]
    assert ("Baker", "Person", 1) in spans and ("1970", None, 3) in spans
    assert [(r.kind, r.head, r.tail, r.label) for r in doc.relations] == [("post", 1, 2, "P108")]


def test_bad_files_give_clear_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}')
    with pytest.raises(ValueError, match="JSON list"):
        load("dwie", bad)
    with pytest.raises(ValueError, match="unknown dataset"):
        load("nosuch", DATA / "dwie_tiny.json")
    bad.write_text('[{"tokens": ["a"]}]')
    with pytest.raises(ValueError, match="not in conll04 format"):
        load("conll04", bad)


# -- scoring, without the model

def test_mention_scoring_is_strict_on_span_and_type():
    table = {}
    gold = [(0, 10, "Person"), (20, 30, "Organization"), (40, 45, None), (50, 55, "Place")]
    pred = [(0, 10, "Person"), (20, 29, "Organization"), (40, 45, "Organization"), (50, 55, "Person")]
    score_mentions(pred, gold, table)
    assert triples(table) == {"Person": (1, 1, 0), "Organization": (0, 2, 1), "Place": (0, 0, 1)}
    assert table["Person"].precision == 0.5 and table["Person"].recall == 1.0
    assert round(table["Person"].f1, 4) == 0.6667


def test_entity_scoring_rewards_whole_clusters_only():
    gold = {0: ("Person", {(0, 5), (10, 15)}), 1: ("Person", {(20, 25)}), 2: ("Organization", {(30, 35)})}
    pred = [("Person", {(0, 5), (10, 15)}),          # right
            ("Person", {(20, 25), (30, 35)}),        # two gold entities in one: wrong
            ("Organization", {(40, 45)})]            # nothing: wrong
    table = {}
    score_entities(pred, gold, table)
    assert triples(table) == {"Person": (1, 1, 1), "Organization": (0, 1, 1)}


def test_counts_with_nothing_predicted_are_zero_not_an_error():
    c = Counts(tp=0, fp=0, fn=3)
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


# -- the whole harness on the fixtures (the pinned model makes these exact)

@pytest.mark.parametrize("dataset, mentions, entities, ignored", [
    # Anna Brown predicted, gold says "Anna" (FP + FN); Berlin is gold "Other" so a Place FP.
    ("conll04", {"Organization": (1, 0, 0), "Person": (2, 1, 1), "Place": (1, 1, 0)},
     {"Organization": (1, 0, 0), "Person": (2, 1, 1), "Place": (1, 1, 0)}, {"Other": 1}),
    # everything right; "Jones" joins "Mary Jones": one person entity
    ("dwie", {"Organization": (2, 0, 0), "Person": (2, 0, 0), "Place": (1, 0, 0)},
     {"Organization": (1, 0, 0), "Person": (1, 0, 0), "Place": (1, 0, 0)}, {"type::role": 1}),
    # "Zenith Motors Ltd." predicted, gold "Zenith Motors": FP + FN
    ("redocred", {"Organization": (1, 1, 1), "Person": (2, 0, 0), "Place": (0, 0, 0)},
     {"Organization": (1, 1, 1), "Person": (1, 0, 0), "Place": (0, 0, 0)}, {"TIME": 1}),
])
def test_eval_cli_gives_the_hand_computed_scores(dataset, mentions, entities, ignored):
    res = CliRunner().invoke(evaluate, ["--dataset", dataset, str(DATA / f"{dataset}_tiny.json"), "--json",
                                        "--no-relations"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in out["mentions"].items()} == mentions
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in out["entities"].items()} == entities
    assert out["ignored_gold_types"] == ignored


def test_eval_cli_prints_a_table_and_rejects_missing_arguments():
    runner = CliRunner()
    res = runner.invoke(evaluate, ["--dataset", "conll04", str(DATA / "conll04_tiny.json"), "--no-relations"])
    assert res.exit_code == 0 and "Person" in res.output and "not scored" in res.output
    assert runner.invoke(evaluate, [str(DATA / "conll04_tiny.json")]).exit_code != 0


def _relation(thread, s, o, kind, rule):
    ev = Evidence(thread=thread, message="post", start=s[0], end=s[1], quote="", sentence_start=0, sentence_end=1)
    return Relation(kind=kind, subject=f"{thread}|post|{s[0]}|{s[1]}",
                    object=f"{thread}|post|{o[0]}|{o[1]}" if o else None, evidence=ev, rule=rule,
                    confidence=Decimal("0.5"))


def test_relation_scoring_is_strict_and_counts_per_rule(monkeypatch):
    import graph.extract as extract

    docs = load("redocred", DATA / "redocred_tiny.json")
    text = docs[0].text
    tom = (text.index("Tom Baker"), text.index("Tom Baker") + 9)
    baker = (text.index("Baker was"), text.index("Baker was") + 5)
    zenith = (text.index("Zenith Motors"), text.index("Zenith Motors") + 13)
    gazette = (text.index("Westby Gazette"), text.index("Westby Gazette") + 14)

    def fake(threads, workers=1, progress=None):
        t = threads[0].id
        return [], [
            _relation(t, tom, zenith, "post", "post.joined"),       # right
            _relation(t, baker, zenith, "post", "post.apposition"),  # the same fact via another mention: right, once
            _relation(t, tom, gazette, "post", "post.joined"),       # wrong organisation
            _relation(t, tom, zenith, "family", "family.x"),         # right ends, wrong kind
            _relation(t, tom, None, "post", "post.title_name"),      # no object: not scored
        ]

    monkeypatch.setattr(extract, "extract_corpus", fake, raising=False)
    result = evaluate_docs(docs, dataset="redocred", relations=True)
    assert (result.relations["post"].tp, result.relations["post"].fp, result.relations["post"].fn) == (1, 1, 0)
    assert (result.relations["family"].tp, result.relations["family"].fp) == (0, 1)
    assert (result.rules["post.joined"].tp, result.rules["post.joined"].fp) == (1, 1)
    assert (result.rules["post.apposition"].tp, result.rules["post.apposition"].fp) == (1, 0)
    assert "post.title_name" not in result.rules


def test_redocred_scores_what_post_member_finds_as_membership_not_employment(monkeypatch, tmp_path):
    import graph.extract as extract

    raw = json.loads((DATA / "redocred_tiny.json").read_text(encoding="utf-8"))
    raw[0]["labels"].append({"r": "P463", "h": 1, "t": 0, "evidence": [0]})  # Tom Baker member of the Gazette
    path = tmp_path / "redocred_member.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    docs = load("redocred", path)
    text = docs[0].text
    tom = (text.index("Tom Baker"), text.index("Tom Baker") + 9)
    zenith = (text.index("Zenith Motors"), text.index("Zenith Motors") + 13)
    gazette = (text.index("Westby Gazette"), text.index("Westby Gazette") + 14)

    def fake(threads, workers=1, progress=None):
        t = threads[0].id
        return [], [
            _relation(t, tom, gazette, "post", "post.member"),  # right: P463
            _relation(t, tom, zenith, "post", "post.member"),   # wrong: Zenith is his employer (P108), not a body he is in
            _relation(t, tom, zenith, "post", "post.joined"),   # right: P108
        ]

    monkeypatch.setattr(extract, "extract_corpus", fake, raising=False)
    result = evaluate_docs(docs, dataset="redocred", relations=True)
    assert triples(result.relations)["membership"] == (1, 1, 0)
    assert triples(result.relations)["post"] == (1, 0, 0)
    assert (result.rules["post.member"].tp, result.rules["post.member"].fp) == (1, 1)
    # on DWIE membership is a post: the same rule is scored as post there
    from graph.evaluate.datasets import RULE_KINDS_BY_DATASET
    assert "post.member" not in RULE_KINDS_BY_DATASET.get("dwie", {})


def test_python_api_runs_a_dataset_file_with_a_limit():
    result = run("conll04", DATA / "conll04_tiny.json", limit=1, relations=False)
    assert result.documents == 1
    assert result.mentions["Person"].tp == 1 and result.mentions["Person"].fp == 0


# -- which relation kinds each dataset scores

def test_each_dataset_scores_exactly_the_kinds_its_labels_map_onto():
    from graph.evaluate.datasets import PREDICTED_KINDS_BY_DATASET, RELATIONS, SCORED_KINDS, scored_kinds

    for dataset, table in RELATIONS.items():
        assert set(SCORED_KINDS[dataset]) == {kind for kind, _ in table.values()}, dataset
        predicted_as = set(PREDICTED_KINDS_BY_DATASET.get(dataset, {}).values())
        assert predicted_as <= set(EVAL_KINDS) and set(SCORED_KINDS[dataset]) <= set(EVAL_KINDS)
    assert scored_kinds("conll04") == ("post",)
    assert scored_kinds("some-new-format") == EVAL_KINDS  # unknown: score everything


def _conll04_with_predictions(monkeypatch):
    import graph.extract as extract

    docs = load("conll04", DATA / "conll04_tiny.json")
    text = docs[0].text
    john, acme = (0, 10), (text.index("Acme"), text.index("Acme") + 16)
    london = (text.index("London"), text.index("London") + 6)

    def fake(threads, workers=1, progress=None):
        t = threads[0].id
        return [], [
            _relation(t, john, acme, "post", "post.joined"),          # right
            _relation(t, john, london, "post", "post.joined"),        # wrong: a post is scored on CoNLL04
            _relation(t, john, acme, "family", "family.x"),           # CoNLL04 has no family labels: not scored
            _relation(t, acme, london, "owned_by", "owned.x"),        # nor ownership
        ]

    monkeypatch.setattr(extract, "extract_corpus", fake, raising=False)
    return docs


def test_kinds_a_dataset_does_not_annotate_are_neither_right_nor_wrong(monkeypatch):
    result = evaluate_docs(_conll04_with_predictions(monkeypatch), dataset="conll04", relations=True)
    assert triples(result.relations) == {"post": (1, 1, 0)}
    assert "family.x" not in result.rules and "owned.x" not in result.rules  # calibration never sees them
    assert (result.rules["post.joined"].tp, result.rules["post.joined"].fp) == (1, 1)
    assert result.unscored_kinds == {"family": 1, "membership": 0, "ownership": 1, "party": 0, "replaces": 0}
    assert result.to_dict()["relation_kinds_not_scored"] == {"family": 1, "membership": 0, "ownership": 1, "party": 0,
                                                             "replaces": 0}


def test_the_printed_report_names_the_kinds_not_scored(monkeypatch):
    _conll04_with_predictions(monkeypatch)
    res = CliRunner().invoke(evaluate, ["--dataset", "conll04", str(DATA / "conll04_tiny.json")])
    assert res.exit_code == 0, res.output
    line = next(x for x in res.output.splitlines() if x.startswith("relation kinds not scored"))
    assert "on conll04" in line and "family (1 predicted)" in line and "ownership (1 predicted)" in line
    assert "post" not in line


def test_the_printed_report_shows_both_relation_tables_strict_first(monkeypatch):
    _conll04_with_predictions(monkeypatch)
    res = CliRunner(env={"COLUMNS": "200"}).invoke(evaluate, ["--dataset", "conll04", str(DATA / "conll04_tiny.json")])
    assert res.exit_code == 0, res.output
    strict = res.output.index("relations (strict kind + both ends)")
    assert res.output.index("relations, ends matched through resolution") > strict


def test_conll04_sentence_final_stop_glued_to_a_name_is_not_part_of_it(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps([
        {"tokens": ["He", "lives", "near", "Quennick."], "tags": ["O", "O", "O", "U-Loc"], "relations": []},
        {"tokens": ["She", "moved", "to", "Westby,", "Mass."], "tags": ["O", "O", "O", "O", "U-Loc"],
         "relations": []}]))
    a, b = load("conll04", path)
    assert [a.text[m.start:m.end] for m in a.mentions] == ["Quennick"]
    assert [b.text[m.start:m.end] for m in b.mentions] == ["Mass."]  # an abbreviation keeps its stop


def test_relation_ends_matched_through_resolution_are_reported_beside_the_strict_score(monkeypatch):
    """Hand-computed: the post Tom Baker -> "Zenith Motors Ltd" misses strictly ("Ltd" is no part of
    the gold span: fp 1, fn 1) but its end resolves with the gold mention "Zenith Motors" (tp 1); an end
    resolution joins to no gold entity ("Gazette reported") stays wrong under both rules."""
    import graph.extract as extract
    from graph.model import Mention

    docs = load("redocred", DATA / "redocred_tiny.json")
    text = docs[0].text

    def span(s):
        return text.index(s), text.index(s) + len(s)

    tom, ltd, gazette = span("Tom Baker"), span("Zenith Motors Ltd"), span("Gazette reported")

    def fake(threads, workers=1, progress=None):
        t = threads[0].id

        def mention(s, label):
            return Mention(text[s[0]:s[1]], label, Evidence(t, "post", s[0], s[1], text[s[0]:s[1]], 0, len(text)))

        mentions = [mention(tom, "Person"), mention(span("Baker was")[:1] + (span("Baker was")[0] + 5,), "Person"),
                    mention(ltd, "Organization"), mention(span("Zenith Motors"), "Organization"),
                    mention(gazette, "Organization")]
        return mentions, [_relation(t, tom, ltd, "post", "post.apposition"),
                          _relation(t, tom, gazette, "post", "post.of")]

    monkeypatch.setattr(extract, "extract_corpus", fake, raising=False)
    result = evaluate_docs(docs, dataset="redocred", relations=True)
    assert triples(result.relations)["post"] == (0, 2, 1)
    assert triples(result.relations_resolved)["post"] == (1, 1, 0)
    # per-rule counts (and so calibration) stay on the strict rule
    assert (result.rules["post.apposition"].tp, result.rules["post.apposition"].fp) == (0, 1)
    d = result.to_dict()
    assert d["relations_resolved"]["post"]["tp"] == 1 and d["relations_resolved_all"]["fp"] == 1
