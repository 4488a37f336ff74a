"""The rule components after the model's NER: titles, organisation shapes, acronyms, garbage.

Each rule is checked on sentences where it must fire and on near misses where it must not.
All names are invented.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from graph.nlp import is_acronym, load_nlp, stands_for
from graph.nlp.names import trim
from graph.nlp.person_cues import life_dates


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(parser=False)


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def roles(doc):
    return [r.text for r in doc.spans["roles"]]


# -- pipelines

def test_cheap_pipeline_has_sentences_without_the_parser(nlp):
    assert "parser" not in nlp.pipe_names and "senter" in nlp.pipe_names
    assert nlp.pipe_names[-2:] == ["tg_entity_rules", "tg_roles"]
    doc = nlp("Jane Roe left. Tom Bramble stayed.")
    assert len(list(doc.sents)) == 2


def test_full_pipeline_parses_and_is_cached():
    full = load_nlp()
    assert "parser" in full.pipe_names and load_nlp() is full
    assert full("Jane Roe runs Zenith Motors Ltd.").has_annotation("DEP")


# -- titles and roles

@pytest.mark.parametrize("text, role", [
    ("The Chief Inspector of Prisons resigned.", "Chief Inspector of Prisons"),
    ("She is Deputy Managing Director of Zenith Motors Ltd.", "Deputy Managing Director"),
    ("Justice Secretary Tom Bramble refused.", "Justice Secretary"),
    ("Ian Fenwick, General Secretary of the union, spoke.", "General Secretary"),
    ("Ms Roe, the Tory MP, asked a question.", "MP"),
    ("The Minister of State announced it.", "Minister of State"),
    ("her sister, the deputy managing director, agreed", "deputy managing director"),
    ("He was appointed director of Zenith Motors.", "director"),
])
def test_titles_become_role_spans(nlp, text, role):
    assert role in roles(nlp(text))


@pytest.mark.parametrize("text", [
    "Head to the station and wait.",            # sentence-initial ordinary word
    "Chair the meeting if I am late.",
    "The secretary bird is a large bird.",      # lower-case head, no "of"
    "The Fenwick Officer Group met on Monday.",  # a title word inside an organisation name
])
def test_near_misses_are_not_roles(nlp, text):
    assert roles(nlp(text)) == []


def test_a_title_is_cut_off_the_name_it_precedes(nlp):
    doc = nlp("Justice Secretary Tom Bramble refused to comment.")
    assert ("Tom Bramble", "PERSON") in ents(doc)
    assert not any("Secretary" in e.text for e in doc.ents)


def test_an_organisation_after_of_is_not_swallowed_by_the_title(nlp):
    doc = nlp("She is Deputy Managing Director of Zenith Justice Services.")
    assert ("Zenith Justice Services", "ORG") in ents(doc)
    assert roles(doc) == ["Deputy Managing Director"]


# -- organisation shapes

@pytest.mark.parametrize("text, name", [
    ("The Ministry of Fisheries refused.", "Ministry of Fisheries"),
    ("A letter from the Department for Rural Affairs arrived.", "Department for Rural Affairs"),
    ("Westby Borough Council approved the plan.", "Westby Borough Council"),
    ("Staff at Quillon Support Services complained.", "Quillon Support Services"),
    ("The Calder Rail Workers Union voted to strike.", "Calder Rail Workers Union"),
])
def test_organisation_name_shapes(nlp, text, name):
    assert (name, "ORG") in ents(nlp(text))


@pytest.mark.parametrize("text", [
    "I went to the Office on Monday.",       # a suffix alone is not a name
    "The Director of Studies will decide.",  # a title, not an organisation
])
def test_organisation_shape_near_misses(nlp, text):
    doc = nlp(text)
    assert not any(e.label_ == "ORG" for e in doc.ents), ents(doc)


# -- acronyms

def test_acronym_defined_in_text_tags_every_later_use(nlp):
    doc = nlp("The Ministry of Fisheries (MoF) said no. Later the MoF changed its mind.")
    mof = [e for e in doc.ents if e.text == "MoF"]
    assert len(mof) == 2 and all(e.label_ == "ORG" for e in mof)
    assert doc._.acronyms == {"MoF": "Ministry of Fisheries"}


def test_acronym_helpers():
    assert is_acronym("MoJ") and is_acronym("CRCs") and is_acronym("NHS")
    assert not is_acronym("Mr") and not is_acronym("Westby") and not is_acronym("A")
    assert stands_for("MoF", ["Ministry", "of", "Fisheries"])
    assert stands_for("DRA", ["Department", "for", "Rural", "Affairs"])
    assert not stands_for("ZM", ["Ministry", "of", "Fisheries"])


def test_unknown_all_caps_word_is_an_organisation_but_shouting_is_not(nlp):
    assert ("QWERTO", "ORG") in ents(nlp("Members of QWERTO voted on Tuesday."))
    assert not ents(nlp("I am NOT happy and THANK YOU for nothing."))


# -- never entities

def test_urls_handles_and_emails_are_never_entities(nlp):
    doc = nlp("See http://www.zenithmotors.co.uk/news or @JaneRoe or mail jane.roe@zenith.org today.")
    assert all("zenith" not in e.text.lower() and "@" not in e.text for e in doc.ents), ents(doc)


def _apply(nlp, text, spans):
    """Run the rule component alone on hand-made entities (no model decisions involved)."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in spans]
    return nlp.get_pipe("tg_entity_rules")(doc)


def test_garbage_entities_are_dropped(nlp):
    doc = _apply(nlp, "He said ReplyDelete hurrah to Jane Roe", [(0, 1, "PERSON"), (2, 3, "ORG"), (3, 4, "PERSON"),
                                                              (5, 7, "PERSON")])
    assert ents(doc) == [("Jane Roe", "PERSON")]


def test_honorific_and_the_are_trimmed_and_the_title_kept(nlp):
    doc = _apply(nlp, "Mr Tom Bramble met the Westby Trust", [(0, 3, "PERSON"), (4, 7, "ORG")])
    assert ents(doc) == [("Tom Bramble", "PERSON"), ("Westby Trust", "ORG")]
    assert doc.ents[0]._.title == "Mr"


def test_one_name_one_type_and_every_occurrence_tagged(nlp):
    text = "Anna Quillfeather spoke . Later Quillfeather left . Quillfeather returned"
    doc = _apply(nlp, text, [(0, 2, "PERSON"), (5, 6, "ORG")])
    assert ents(doc) == [("Anna Quillfeather", "PERSON"), ("Quillfeather", "PERSON"), ("Quillfeather", "PERSON")]


def test_descriptor_noun_gives_the_type(nlp):
    doc = _apply(nlp, "the charity Brightwater and lawyer Quillfeather", [(2, 3, "PERSON"), (5, 6, "ORG")])
    assert ents(doc) == [("Brightwater", "ORG"), ("Quillfeather", "PERSON")]


def test_spaced_dash_ends_a_name(nlp):
    doc = _apply(nlp, "My MP is Anna Quillfeather - Tory , apparently", [(3, 7, "PERSON")])
    assert ents(doc) == [("Anna Quillfeather", "PERSON")]


def test_a_person_name_ending_in_a_place_word_is_a_place(nlp):
    doc = _apply(nlp, "They drove to Quillon Falls and met Anna Hill", [(3, 5, "PERSON"), (7, 9, "PERSON")])
    assert ents(doc) == [("Quillon Falls", "LOC"), ("Anna Hill", "PERSON")]  # Hill is also a surname


def test_nationality_words_are_not_people_or_organisations(nlp):
    doc = _apply(nlp, "The Greeks voted and Lithuanian officials and Anna Quillfeather agreed",
                 [(1, 2, "PERSON"), (4, 5, "ORG"), (7, 9, "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE")] == [
        ("Anna Quillfeather", "PERSON")]


def test_acronym_after_an_untagged_capitalised_phrase_defines_an_organisation(nlp):
    doc = _apply(nlp, "Fighters of the so-called Quillon Fisheries Agency ( QFA ) attacked . The QFA denied it",
                 [])
    assert ("Quillon Fisheries Agency", "ORG") in ents(doc) and ents(doc).count(("QFA", "ORG")) == 2


def test_organisation_shape_does_not_glue_two_names_or_codes(nlp):
    doc = _apply(nlp, "PA2904034294 Guatemala City Teleonce Television reported", [(1, 3, "GPE"), (3, 5, "ORG")])
    assert ents(doc) == [("Guatemala City", "GPE"), ("Teleonce Television", "ORG")]


# -- types read from the words around a name (invented names)

def labelled(doc):
    return {(e.text, e.label_) for e in doc.ents}


def test_a_name_before_an_organisation_head_noun_is_an_organisation(nlp):
    assert ("Zunto", "ORG") in labelled(nlp("In a letter, the Zunto probation union's lawyer wrote to the ministry."))
    assert ("Hallam", "ORG") in labelled(nlp("The Hallam charity said it was shut."))


def test_organisation_head_noun_near_misses(nlp):
    assert ("Germans", "ORG") not in labelled(nlp("The Germans charity said it was shut."))  # a nationality word
    assert ("London", "GPE") in labelled(nlp("The London company said profits fell."))  # a place stays a place
    doc = nlp("He asked for firm evidence from the Quorvel union.")  # "firm" is an adjective here
    assert not any(e.text == "He" or e.text.startswith("asked") for e in doc.ents)


def test_a_one_word_name_joined_to_an_organisation_by_a_company_phrase_is_an_organisation(nlp):
    assert ("Hessop", "ORG") in labelled(nlp("Later Hessop became Quillco Group, which was renamed Trevarro Ltd."))
    assert ("Drenn", "ORG") in labelled(nlp("Quillco Group was taken over by Drenn."))
    doc = nlp("Originally run by ZQD, then Kelvo. ZQD became Kelvo which then became Quillco Group.")
    assert [e.label_ for e in doc.ents if e.text == "Kelvo"] == ["ORG", "ORG"]  # every occurrence


def test_company_phrase_near_misses(nlp):
    # a person who became an organisation's officer is no renaming
    assert ("Tom Bramble", "PERSON") in labelled(nlp("Tom Bramble became Quillco Group's chief executive."))
    assert ("Tom Bramble", "PERSON") in labelled(nlp("Tom Bramble became Quillco Group."))  # a full name stays


def test_person_shapes_the_model_typed_otherwise(nlp):
    assert ("Walesa", "PERSON") in labelled(nlp("Walesa, 53, said so."))
    assert ("Harrington", "PERSON") in labelled(nlp("Harrington, a professor of law, said so."))
    assert ("Quenby", "PERSON") in labelled(nlp("Police searched Quenby's home in Westby."))


def test_person_shape_near_misses(nlp):
    assert ("Harrington", "PERSON") not in labelled(nlp("Harrington, a subsidiary of Acme, said so."))
    assert ("Quenby", "PERSON") not in labelled(nlp("Quenby's home market shrank."))
    assert ("Kessel Foundation", "ORG") in labelled(nlp("We met Gregory Ferrow at the Kessel Foundation."))


def test_a_type_read_from_context_wins_for_every_occurrence_in_the_document(nlp):
    doc = nlp("Zunto is hoping to block the plan. Well done Zunto. The Zunto probation union's lawyer wrote.")
    assert {e.label_ for e in doc.ents if e.text == "Zunto"} == {"ORG"}


def test_a_name_defined_as_a_place_or_born_there_is_a_place(nlp):
    assert ("Quennick", "GPE") in labelled(nlp("Quennick is a small town in the north of the province."))
    doc = nlp("Quennick is a small town. Later Quennick grew.")
    assert {e.label_ for e in doc.ents if e.text == "Quennick"} == {"GPE"}
    assert ("Quennick", "GPE") not in labelled(nlp("Quennick is a lawyer in the town."))  # a person noun
    assert ("Quennick Valley", "LOC") in labelled(nlp("The Quennick Valley is fertile."))


def test_a_name_defined_as_a_company_is_an_organisation_everywhere_in_the_document(nlp):
    doc = nlp('" We were fair, " Drennco said. Drennco is a British company.')
    assert {e.label_ for e in doc.ents if e.text == "Drennco"} == {"ORG"}


def test_the_speaker_of_a_quotation_is_a_person_only_where_quoted(nlp):
    doc = nlp('" We were fair and we are fair, " El-Sonni told DW.')
    assert ("El-Sonni", "PERSON") in labelled(doc)
    assert ("Acme Ltd", "ORG") in labelled(nlp('" We were fair, " Acme Ltd said.'))  # an organisation shape


def test_untagged_items_of_a_list_of_organisations_are_organisations(nlp):
    doc = nlp("Rivals include Spotify, Apple, Zembla, Deezer, Tidal and Google Play, all offering similar services.")
    assert {("Deezer", "ORG"), ("Tidal", "ORG"), ("Google Play", "ORG")} <= labelled(doc)
    assert labelled(nlp("We visited Paris, London and Quennick.")) == {
        ("Paris", "GPE"), ("London", "GPE"), ("Quennick", "GPE")}  # a list of places stays places


def test_a_town_with_a_sports_cue_is_its_club(nlp):
    doc = nlp("After a 2-0 win over Quillham, the fans sang. Quillham had led the table.")
    assert [e.label_ for e in doc.ents if e.text == "Quillham"] == ["ORG", "ORG"]
    assert ("Berlin", "ORG") in labelled(nlp("Berlin coach Jo Roe was happy."))
    assert ("Berlin", "GPE") in labelled(nlp("I flew to Berlin with my coach."))  # not right after the name


def test_life_dates_in_brackets_mark_a_person_but_a_term_of_years_does_not(nlp):
    def after_name(text):
        return life_dates(nlp.make_doc(text), 2)

    assert after_name("Zembla Quorp (born 13 March 1963 in Medias) raced.")
    assert after_name("Zembla Quorp (11 January 1930 – 10 March 2010) raced.")
    assert not after_name("Zembla Quorp (2003-2015) hired him.")  # a term at a place, or an office
    assert not after_name("Zembla Quorp (ZQ) hired him.")


def test_a_name_defined_by_a_person_noun_or_a_long_company_phrase(nlp):
    assert ("Square Quennix", "ORG") in labelled(
        nlp("Square Quennix is a Japanese video game development and publishing company."))
    doc = nlp("Nikos Quallen is a Greek-French television presenter.")
    assert [(e.text, e.label_, e._.rule) for e in doc.ents if e.text == "Nikos Quallen"] == [
        ("Nikos Quallen", "PERSON", "rule.person_context")]


def test_an_all_caps_town_opening_a_news_dateline_is_a_place(nlp):
    assert ("DAYTON", "GPE") in labelled(nlp("DAYTON, Ohio (AP) Police said."))
    assert ("NATO", "GPE") not in labelled(nlp("NATO, France and Germany met."))


def test_a_line_break_after_a_cut_sentence_opener_is_not_part_of_the_name(nlp):
    doc = nlp("Bravo\n\nSimon Quallen")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Simon Quallen"]
    assert all(not e.text[0].isspace() for e in doc.ents)


def test_a_name_closing_a_clause_after_in_is_a_place_for_the_whole_document(nlp):
    plain = nlp("Other Germans move to Quennick, because the jobs are there. Quennick has become modern.")
    doc = nlp("Other Germans move to Quennick, because the jobs are there. Quennick has become modern. "
              "Nobody is happier than in Quennick.")
    assert {e.label_ for e in doc.ents if e.text == "Quennick"} == {"GPE"}
    assert ("Merkel", "PERSON") in labelled(nlp("I have confidence in Merkel's plan."))
    assert {e.label_ for e in plain.ents if e.text == "Quennick"} == {"PERSON"}  # the model alone


def test_a_quoted_name_before_an_organisation_head_noun_is_an_organisation(nlp):
    doc = nlp('Attacks were claimed by the so-called " Quorvel Front " militant group in November.')
    assert ("Quorvel Front", "ORG") in labelled(doc)


def test_a_one_word_person_paired_with_a_place_after_in_is_a_place(nlp):
    doc = nlp("With offices in Bradford and York, we have a fantastic team.")
    got = {e.text: (e.label_, e._.rule) for e in doc.ents}
    assert got["York"] == ("GPE", "rule.place_pair")  # the model alone calls it a person


def test_place_pair_does_not_fire_without_a_place_cue_or_on_a_given_name(nlp):
    for text, name in (("Talks between Paris and Bramble went well.", "Bramble"),
                       ("She met friends in Paris and Maria stayed home.", "Maria")):
        doc = nlp(text)
        assert not any(e._.rule == "rule.place_pair" and e.text == name for e in doc.ents)


# --------------------------------------------------------------------------- media (rule.medium)

@pytest.mark.parametrize("text,name", [
    ("Unfortunately I'm not on Zorbly but could someone share this?", "Zorbly"),
    ("She posted on Zorbly that the office had closed.", "Zorbly"),
    ("The ministry is using Quillbook as part of its campaign.", "Quillbook"),
    ("The photos were shared via Snapwell last night.", "Snapwell"),
    ("It was in the Westgrove piece on prisons.", "Westgrove"),
    ("On Radio 7 this evening there is a debate.", "Radio 7"),
    ("It aired on Channel 9 in 2010.", "Channel 9"),
    ("Many people took to Quillbook to express their anger.", "Quillbook"),
    ("Fans took to Quillbook, calling it a wonderful day.", "Quillbook"),
    ("The club said so in a statement posted to its Zorbly account.", "Zorbly"),
])
def test_a_name_used_as_a_medium_is_an_organisation(nlp, text, name):
    assert (name, "ORG") in ents(nlp(text))


@pytest.mark.parametrize("text,name", [
    ("He reported on Quillfeather yesterday.", "Quillfeather"),  # "reported on X": a person may be the topic
    ("She was using John's car.", "John"),                      # a given name
    ("I read the Mr Smith piece.", "Smith"),                    # a titled person
    ("They flew via London to Rome.", "London"),                # a place stays a place
    ("She works on Harrowby Road.", "Harrowby"),                # part of a longer name
    ("They met in Quillton on Westby.", "Westby"),              # "in X on Y": no medium cue
    ("She took to Quillfeather immediately.", "Quillfeather"),  # "took to X" + adverb: a liking
    ("He met his Quillfeather cousins.", "Quillfeather"),       # "his X" + a noun no platform has
])
def test_near_misses_are_no_medium(nlp, text, name):
    assert not any(e._.rule == "rule.medium" for e in nlp(text).ents)


def test_a_medium_types_the_name_throughout_the_document(nlp):
    doc = nlp("Zorbly praised the vote. She wrote on Zorbly that it was a wonderful day.")
    assert [e.label_ for e in doc.ents if e.text == "Zorbly"] == ["ORG", "ORG"]


@pytest.mark.parametrize("text,name", [
    ("Rapper Zed Quillo was shot in Florida.", "Zed Quillo"),
    ("Filmmaker Jo Roe made the film in 2010.", "Jo Roe"),
])
def test_a_capitalised_descriptor_is_cut_off_the_person(nlp, text, name):
    assert (name, "PERSON") in ents(nlp(text))


def test_a_name_that_starts_with_no_descriptor_keeps_its_first_word(nlp):
    people = [e.text for e in nlp("Baker Quillo was shot in Florida.").ents if e.label_ == "PERSON"]
    assert people == ["Baker Quillo"]


def _rules_on(nlp, text, words, label):
    """Run the entity rules on `text` as if the model had tagged its first `words` tokens `label`."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, words, label=label)]
    return [(e.text, e.label_) for e in nlp.get_pipe("tg_entity_rules")(doc).ents]


def test_a_hyphenated_given_name_and_a_surname_the_model_took_for_an_organisation_is_a_person(nlp):
    assert ("Jean-Claude Quillby", "PERSON") in _rules_on(nlp, "Jean-Claude Quillby returned home.", 4, "ORG")
    assert ("Anne-Marie Quillby", "PERSON") in _rules_on(nlp, "Anne-Marie Quillby returned home.", 4, "ORG")


@pytest.mark.parametrize("text,words,name", [
    ("Anne-Marie Quillby Trust met today.", 5, "Anne-Marie Quillby Trust"),  # an organisation word in it
    ("Zorbo-Ann Quillby met today.", 4, "Zorbo-Ann Quillby"),                # no given name first
])
def test_an_organisation_with_no_person_shape_stays_one(nlp, text, words, name):
    assert (name, "ORG") in _rules_on(nlp, text, words, "ORG")


def test_common_abbreviations_are_no_organisations(nlp):
    doc = nlp("Both of the suspects fled in a dark-color SUV. Quillco sells 3D computer screens.")
    assert not any(e.text in ("SUV", "3D") for e in doc.ents)


def test_a_day_or_month_after_a_medium_cue_is_no_medium(nlp):
    for text in ("She posted on Monday that it had closed.", "They were using March figures."):
        doc = nlp.make_doc(text)  # no model entities: the rules alone
        assert not any(e._.rule == "rule.medium" for e in nlp.get_pipe("tg_entity_rules")(doc).ents)
    doc = nlp.make_doc("She posted on Zorbly that it had closed.")
    assert [(e.text, e._.rule) for e in nlp.get_pipe("tg_entity_rules")(doc).ents] == [("Zorbly", "rule.medium")]


@pytest.mark.parametrize("text, person, role", [
    ("The singer Dean Quarrow moved to Berlin.", "Dean Quarrow", None),      # a given name, not a title
    ("The Dean of Westminster resigned.", None, "Dean"),                     # near miss: "of" after it
])
def test_a_given_name_that_is_also_a_title_before_a_surname_is_the_name(nlp, text, person, role):
    doc = nlp(text)
    if person:
        assert (person, "PERSON") in ents(doc) and "Dean" not in roles(doc)
    if role:
        assert role in roles(doc)


def test_a_person_name_ends_before_a_trailing_small_word(nlp):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("Jo Quarrow of the Westby Commission said no.")
    assert trim(rules, Span(doc, 0, 3, label="PERSON")).text == "Jo Quarrow"
    # near miss: a lower-case particle inside a name stays
    doc = nlp.make_doc("Ard van der Quarrow said no.")
    assert trim(rules, Span(doc, 0, 4, label="PERSON")).text == "Ard van der Quarrow"


@pytest.mark.parametrize("text, name, title", [
    ("Even Frau Quarrow may not see it.", "Quarrow", "Frau"),
    ("Monsieur Quarrow left.", "Quarrow", "Monsieur"),
])
def test_forms_of_address_in_other_languages_are_titles(nlp, text, name, title):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == title)
    span = trim(rules, Span(doc, i, i + 2, label="PERSON"))
    assert span.text == name and span._.title == title


@pytest.mark.parametrize("text, start, end, label, want", [
    ("The firm of Quarrow, Bramwick said Westco could leave.", 3, 8, "ORG", "Quarrow, Bramwick"),
    ("Westby-Quill Corp. of Westby; and others.", 0, 6, "ORG", "Westby-Quill Corp."),
    ("The Bank of Westby said no.", 1, 4, "ORG", "Bank of Westby"),              # near miss: no legal form
    ("Quarrow Holdings Ltd of Westby Road", 0, 6, "ORG", "Quarrow Holdings Ltd"),
])
def test_a_name_ends_before_a_reporting_verb_and_after_a_legal_form(nlp, text, start, end, label, want):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    assert trim(rules, Span(doc, start, end, label=label)).text == want


@pytest.mark.parametrize("text, org", [
    ("Quarrow Biotech is a prominent example.", "Quarrow Biotech"),
    ("The album came out on Quarrow Records last year.", "Quarrow Records"),
    ("He was recruited into the Westby Army in 1941.", "Westby Army"),
])
def test_more_organisation_suffixes(nlp, text, org):
    assert (org, "ORG") in ents(nlp(text))


def test_a_lower_case_suffix_word_makes_no_organisation(nlp):
    # near miss: "records" as a verb, "army" as a common noun
    found = {e.text for e in nlp("Jo Quarrow records songs while an army of fans waits.").ents if e.label_ == "ORG"}
    assert not any("records" in t or "army" in t for t in found)


# -- name shapes of comment threads

@pytest.mark.parametrize("text,org", [
    ("She is a partner at Quillon Advisory, the consultancy that wrote the report.", "Quillon Advisory"),
    ("Dorrel Waste Solutions (part of Vandamme Groep NV, the Dutch outfit) bid.", "Vandamme Groep NV"),
    ("There was one other bid, from Brindle Leisure Partnerships CIC, but they withdrew.",
     "Brindle Leisure Partnerships CIC"),
    ("It will be run day to day by Ostin Leisure from May.", "Ostin Leisure"),
])
def test_foreign_and_community_legal_forms_and_firm_words_make_organisations(nlp, text, org):
    assert (org, "ORG") in ents(nlp(text))


@pytest.mark.parametrize("text", [
    "opposition leader Cllr Amira Quint (Lib Dem) said questions remained.",
    "As I said at full council, the Lib Dem group asked for the scoring matrix.",
])
def test_a_party_short_form_is_an_organisation_not_a_person(nlp, text):
    found = ents(nlp(text))
    assert ("Lib Dem", "ORG") in found and ("Lib Dem", "PERSON") not in found


def test_a_title_before_a_full_name_makes_a_person_without_the_title(nlp):
    found = ents(nlp('The leader of the council, Cllr Derwent Quillby (Conservative), said: "Fine."'))
    assert ("Derwent Quillby", "PERSON") in found
    assert not any(t.startswith("Cllr") for t, _ in found)


def test_the_rest_of_a_title_is_no_name(nlp):
    doc = nlp("The MP has asked the Secretary of State for Health to review it.")
    assert not any(t.startswith("for") for t, _ in ents(doc))


@pytest.mark.parametrize("text,word", [
    ("They missed every KPI for a year.", "KPI"),
    ("The JV is called Quorpath.", "JV"),
    ("asking for guarantees under TUPE for all 140 staff.", "TUPE"),
    ("UPDATE: the trust denies it.", "UPDATE"),
])
def test_business_jargon_and_page_furniture_are_no_entities(nlp, text, word):
    assert all(word not in t for t, _ in ents(nlp(text)))


def test_an_area_name_glued_to_an_acronym_body_is_one_organisation(nlp):
    assert ents(nlp("We have asked the Eastfen ICB to halt the transfer.")) == [("Eastfen ICB", "ORG")]
    # near miss: no "the" before it, two names side by side stay two
    assert ("Eastfen ICB", "ORG") not in ents(nlp("Jane Eastfen ICB chair, spoke."))


def test_a_saints_name_keeps_its_s(nlp):
    assert ("St Edwold's", "ORG") in ents(nlp("When they took over the labs at St Edwold's in Wessex it got worse."))


def test_initials_signing_a_comment_are_a_person(nlp):
    assert ("DK", "PERSON") in ents(nlp("Our members at NFHT voted 87% for action.\nDK"))
    # near miss: an acronym ending a sentence on the same line is no signature
    assert ("DK", "PERSON") not in ents(nlp("Our members voted to join the DK"))


def test_a_name_before_ward_is_a_place(nlp):
    assert ("Eastgate", "GPE") in ents(nlp("Amira Quint, councillor for Eastgate ward, said no."))


def test_a_lower_case_company_name_ending_in_a_legal_form(nlp):
    assert ents(nlp("quorvel environmental services ltd. Even the name is greenwash.")) == [
        ("quorvel environmental services ltd", "ORG")]
    # near misses: the legal form alone after a suffix word, and a plain phrase
    assert ents(nlp("they are just services ltd now")) == []
    assert ents(nlp("the environmental services are limited")) == []


# -- one-word company names

@pytest.mark.parametrize("text,name", [
    ("Is it true that Jo Quint still holds shares in Ostin?", "Ostin"),
    ("nigel quint was a director of Quorvel until 2020.", "Quorvel"),
    ("Tamsin is in partnership with Quorvel on the network.", "Quorvel"),
    ("Quorvel, formerly known as Medivo Holdings, is a subsidiary of Brandt Medical Inc.", "Quorvel"),
    ("Quorvel Health plc won. When Quorvel took over the labs they missed every target.", "Quorvel"),
])
def test_a_one_word_company_name_from_the_words_around_it(nlp, text, name):
    assert (name, "ORG") in ents(nlp(text))


@pytest.mark.parametrize("text,name", [
    ("The Director of Studies will decide.", "Studies"),          # a title, not a company cue
    ("She met the director of Moscow's museum.", "Moscow"),        # a possessor before a noun
    ("Jane Quorvel founded Quorvel Health plc. Quorvel said no.", "Quorvel"),  # a person's surname
    ("Pittsburgh-Corning Corp. of Pittsburgh filed.", "Pittsburgh"),
])
def test_company_cues_near_misses(nlp, text, name):
    found = ents(nlp(text))
    assert all(not (t == name and lab == "ORG") for t, lab in found)


def test_a_one_word_name_with_a_plural_verb_is_a_company(nlp):
    assert ("Brenton", "ORG") in ents(nlp("Brenton were useless when they had the contract."))
    # near misses: a subjunctive after "if", and two people joined by "and"
    assert ("Quint", "ORG") not in ents(nlp("If Quint were here he would agree."))
    assert ("Quint", "ORG") not in ents(nlp("Smith and Quint were both there."))


def test_a_list_item_before_a_suffixed_name_is_split_off(nlp):
    found = ents(nlp("Three firms were shortlisted: Quorvel, Tamsin Laboratories Ltd and Brightwell Clinical Services."))
    assert ("Tamsin Laboratories Ltd", "ORG") in found and ("Quorvel", "ORG") in found
    # near miss: a firm named after partners keeps its commas
    assert ("Skadden, Arps, Slate, Meagher & Flom LLP", "ORG") in ents(
        nlp("The law firm Skadden, Arps, Slate, Meagher & Flom LLP advised."))


def test_initials_after_the_last_sentence_sign_the_comment(nlp):
    assert ("TE", "PERSON") in ents(nlp("Jo Quint had declared all his interests. TE"))
