"""graph.nlp as a package: its public names, the word lists read from data files, and the two
rule components in worker processes. The helpers are checked on a blank tokenizer (no model);
all names are invented.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

import graph.nlp
from graph.nlp import PATTERNS_DIR, common_acronyms, credit_lines, load_nlp, read_list
from graph.nlp.not_names import after_superlative, modifier_in_common_np
from graph.nlp.person_cues import life_dates
from graph.nlp import words

# the word-list files the rule code reads besides the lexicons (one set each in graph/nlp/words.py)
WORD_FILES = ["reporting_verbs.txt", "speech_verbs.txt", "months.txt", "weekdays.txt", "quote_marks.txt",
              "acronym_noun_followers.txt", "possessive_determiners.txt", "adjective_endings.txt",
              "award_participles.txt", "company_stake_words.txt", "not_after_outlet.txt", "team_people_cues.txt",
              "life_date_words.txt", "kind_adjectives.txt", "sentence_start_titles.txt"]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_public_names_are_importable_from_the_package():
    for name in ("load_nlp", "lexicons", "read_list", "read_table", "PATTERNS_DIR", "not_a_body", "CONTEXT_RULES",
                 "acronym_letters", "initials", "is_acronym", "stands_for", "common_acronyms"):
        assert hasattr(graph.nlp, name), name
    assert PATTERNS_DIR.is_dir() and (PATTERNS_DIR / "org_suffixes.txt").is_file()


def test_the_component_factories_are_registered_on_import():
    assert Language.has_factory("tg_entity_rules") and Language.has_factory("tg_roles")


@pytest.mark.parametrize("name", WORD_FILES)
def test_word_list_files_have_a_header_and_no_duplicates(name):
    text = (PATTERNS_DIR / name).read_text(encoding="utf-8")
    assert text.startswith("# ")  # says what the list is for
    entries = read_list(name)
    assert entries and len(entries) == len(set(entries))


# every list of the mention and resolution steps: its entries case-folded, as they are read
# (the sections of a sectioned list, "[scheme]", counted as entries of their own)
LIST_FILES = sorted(p.relative_to(PATTERNS_DIR.parent).as_posix() for p in
                    [*PATTERNS_DIR.glob("mentions_*.txt"), *(PATTERNS_DIR.parent / "resolution").glob("*.t[sx][vt]")])


@pytest.mark.parametrize("name", LIST_FILES)
def test_mention_and_resolution_lists_have_a_header_and_no_duplicates(name):
    text = (PATTERNS_DIR.parent / name).read_text(encoding="utf-8")
    assert text.startswith("# ")
    keys = [line.split("\t")[0].strip().casefold() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    assert keys and not sorted({k for k in keys if keys.count(k) > 1})


def test_word_sets_come_from_their_files():
    assert words.MONTHS == set(read_list("months.txt")) and "may" in words.MONTHS and "monday" not in words.MONTHS
    assert "monday" in words.WEEKDAYS and "said" in words.SAYS and "tweeted" in words.SPEECH
    assert "tweeted" not in words.SAYS  # a quotation's verb, not a reporting verb after an organisation noun
    assert {'"', "“", "’", "``"} <= words.QUOTES
    assert isinstance(words.ADJ_ENDINGS, tuple) and "stereotypical".endswith(words.ADJ_ENDINGS)


@pytest.mark.parametrize("text, letters", [
    ("An QXR may be filed by anyone.", {"qxr"}),        # a noun: a verb follows
    ("Each of the QXRs was late.", {"qxr"}),             # plural
    ("She filed an QXR.", {"qxr"}),                      # the phrase ends
])
def test_acronyms_used_as_common_nouns(blank, text, letters):
    assert common_acronyms(blank(text)) == letters


@pytest.mark.parametrize("text", [
    "An QXR agent said so.",       # a modifier of "agent": the body's name
    "The QXR was late.",           # no article a/an
    "Ask QXR's office.",           # "'s" is no plural
])
def test_acronym_common_noun_near_misses(blank, text):
    assert common_acronyms(blank(text)) == set()


def test_credit_lines_are_found_at_a_line_end_only():
    text = "The vote was close.\nqv / zt (AP, Reuters)"
    spans = credit_lines(text)
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]].startswith("qv / zt")
    assert credit_lines("He said (AP, Reuters) it was close.") == []
    assert credit_lines("Author: Jo Roe (AFP) Editor: Al Bee")


@pytest.mark.parametrize("text, word, expected", [
    ("a stereotypical Westby tight arse", "Westby", True),   # an adjective ending: "-al"
    ("a famous Westby pie", "Westby", True),                 # "-ous"
    ("a big Westby pie", "Westby", False),                   # "big": no adjective ending in the list
    ("a stereotypical Westby.", "Westby", False),            # no noun after it
    ("the stereotypical Westby pie", "Westby", False),       # no "a"/"an"
])
def test_a_name_as_a_modifier_in_a_common_noun_phrase(blank, text, word, expected):
    doc = blank(text)
    i = next(t.i for t in doc if t.text == word)
    assert modifier_in_common_np(Span(doc, i, i + 1, label="PERSON")) is expected


@pytest.mark.parametrize("text, expected", [
    ("the county's fastest Haulage Firm", True),
    ("a leading Software House", True),
    ("the nearest Quillco Depot", True),
    ("a best Quillco Depot", False),     # too short a word for a superlative ending
    ("the Quillco Depot", False),
])
def test_title_case_words_after_a_superlative(blank, text, expected):
    doc = blank(text)
    start = next(t.i for t in doc if t.is_title and t.i > 0 and not t.is_stop)
    assert after_superlative(Span(doc, start, len(doc), label="ORG")) is expected


@pytest.mark.parametrize("text, expected", [
    ("Zembla Quorp (née Roe) sang.", True),
    ("Zembla Quorp (d. 1870) sang.", True),
    ("Zembla Quorp (nephew of Roe) sang.", False),
    ("Zembla Quorp (ZQ) sang.", False),
])
def test_a_bracket_of_life_dates_after_a_name(blank, text, expected):
    assert life_dates(blank(text), 2) is expected


@pytest.mark.parametrize("text, role", [
    ("CEO quits after the vote.", "CEO"),     # an acronym title counts alone at a sentence start
    ("MEP quits after the vote.", "MEP"),
    ("Director quits after the vote.", None),  # near miss: a lone title word there is an ordinary word
])
def test_a_lone_title_at_a_sentence_start(text, role):
    doc = load_nlp(parser=False)(text)
    found = [r.text for r in doc.spans["roles"]]
    assert found == ([role] if role else [])


@pytest.mark.slow
def test_two_processes_give_the_same_entities_and_roles_as_one():
    nlp = load_nlp(parser=False)
    texts = [f"Justice Secretary Jo Quill{i} met the Westby Valley Council and Quorvel Health plc (QHP) on Monday."
             for i in range(6)]

    def seen(docs):
        return [([(e.text, e.label_, e._.rule) for e in d.ents], [r.text for r in d.spans["roles"]]) for d in docs]

    one = seen(nlp.pipe(texts))
    assert seen(nlp.pipe(texts, n_process=2, batch_size=2)) == one
    assert any(ents for ents, _ in one) and all(roles for _, roles in one)
