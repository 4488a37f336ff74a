"""Entity rules for thread text (issue 4, round 2): what is not an organisation or a person,
what is, and the near misses. All names are invented, apart from general-purpose list entries
(platforms, newspapers, products)."""
from __future__ import annotations

import pytest

from graph.extract.entities import mentions_from_doc, org_kind
from graph.model import Message
from graph.nlp import common_acronyms, load_nlp
from graph.nlp.consistency import consistent
from graph.nlp.descriptors import described
from graph.nlp.names import hyphen_names
from graph.nlp.not_names import counted_kind, garbage
from graph.nlp.org_cues import partner_firms, teams
from graph.nlp.person_cues import person_context
from graph.nlp.place_cues import place_context


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(parser=False)


def ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def orgs(nlp, text):
    return {e.text for e in nlp(text).ents if e.label_ == "ORG"}


# -- acronyms used as common nouns

def test_plural_acronym_makes_the_acronym_a_common_noun(nlp):
    text = "How many QPOs are still in post? The QPO asked for a report. Zentrix Ltd said no."
    assert "QPO" not in orgs(nlp, text) and "Zentrix Ltd" in orgs(nlp, text)
    assert common_acronyms(nlp(text)) == {"qpo"}


def test_acronym_after_an_with_no_noun_is_a_common_noun(nlp):
    doc = nlp("In the meantime an SXO may be committed by the offender.")
    assert "sxo" in common_acronyms(doc)


@pytest.mark.parametrize("text", [
    "She said an QBF agent had called twice.",       # a body's name as a modifier
    "It was an QBF and QXA conspiracy, he said.",    # coordinated modifiers
    "This is an QBF-Westby agreement.",              # hyphenated modifier
    "The QPO's report was late.",                   # a possessive, not a plural
])
def test_acronym_used_as_a_modifier_or_possessive_is_no_common_noun(nlp, text):
    assert "qbf" not in common_acronyms(nlp(text)) and "qpo" not in common_acronyms(nlp(text))


def test_defined_acronym_stays_even_in_the_plural(nlp):
    text = "The Quorn Valley Trust (QVT) runs two sites. Both QVTs are open. The QVT said so."
    assert "QVT" in orgs(nlp, text)


# -- generic phrases that are not organisations

@pytest.mark.parametrize("text, phrase", [
    ("Not helped by most Learning & Development staff being placed in teams.", "Learning & Development"),
    ("Care, Facilities Management, Rail and Interpreters are all outsourced.", "Facilities Management"),
    ("A letter from the disgruntled in the Justice System to the Press.", "Justice System"),
    ("The FTSE 100 giant Zentrix made a profit.", "FTSE"),
    ("Sounds like a Heavy Metal tribute band!", "Heavy Metal"),
    ("The dialogue box on the Iphone is not that large.", "Iphone"),
    ("Directors of UK plc see themselves as owners.", "UK plc"),
])
def test_generic_phrases_are_no_organisations(nlp, text, phrase):
    assert phrase not in orgs(nlp, text)


def test_after_a_superlative_an_organisation_shape_is_a_kind_of_business(nlp):
    assert "Travel Management Company" not in orgs(nlp, "Zentrix Travel Ltd is the fastest growing Travel Management Company.")
    assert "Zentrix Travel Ltd" in orgs(nlp, "Zentrix Travel Ltd is the fastest growing Travel Management Company.")
    # near miss: no superlative before it
    assert "Quorn Travel Management Company" in orgs(nlp, "He joined the Quorn Travel Management Company last year.")


# -- well-known platforms and newspapers

def test_platforms_are_organisations_not_people(nlp):
    assert ("Instagram", "ORG") in ents(nlp, "Unfortunately I'm not on Instagram but could someone post this?")
    assert "Reddit" in orgs(nlp, "Yes the ministry are using Reddit as part of the PR exercise.")
    # never inside a web address
    assert not orgs(nlp, "See https://www.reddit.com/r/SomePage for more.") & {"Reddit", "reddit"}


def test_newspaper_nickname_after_the_gets_its_full_name(nlp):
    doc = nlp("Hence the mention of rival gang members in the Grauniad piece.")
    assert ("Grauniad", "ORG") in {(e.text, e.label_) for e in doc.ents}
    ms = mentions_from_doc(doc, "t", Message(id="m", text=doc.text))
    paper = next(m for m in ms if m.text == "Grauniad")
    assert paper.expansion == "The Guardian" and paper.kind == "media"
    # near miss: a short name without "the" is left to the model
    assert "Observer" not in orgs(nlp, "Observer status was granted in Westby again.")


def test_platform_kind(nlp):
    assert org_kind("Instagram") == "company" and org_kind("Grauniad") == "media"


# -- people

def test_title_abbreviation_makes_a_person(nlp):
    doc = nlp("Paul Quill is a person who SoS Bramblewood quotes as having no concern.")
    people = {(e.text, e._.title) for e in doc.ents if e.label_ == "PERSON"}
    assert ("Bramblewood", "SoS") in people
    assert "SoS Bramblewood" not in orgs(nlp, "Paul Quill is a person who SoS Bramblewood quotes as having no concern.")


def test_odd_case_surname_joins_the_given_name(nlp):
    assert ("Mark ZEPHly", "PERSON") in ents(nlp, "How apt that the author of the article is called Mark ZEPHly!")
    # near misses: a normal capitalised word, a month, a stop word in capitals
    assert ("Jane Roe", "PERSON") in ents(nlp, "How apt that the author of the article is called Jane Roe AND me.")


def test_informal_govt_after_a_party_is_the_party(nlp):
    assert "New Labour" in orgs(nlp, "That is the point at which the New Labour Govt passed the Act.")
    # near miss: the formal "Government" is kept as a name
    assert "Labour Government" in orgs(nlp, "On 15 January 2009, the Labour Government announced that it was ending it.")


def test_all_caps_word_before_an_acronym_organisation_is_part_of_its_name(nlp):
    assert "QRST CRC" in orgs(nlp, "QRST CRC sent an email today saying that the bidders will be named.")
    # near miss: shouting around it
    assert "THANK YOU CRC" not in orgs(nlp, "THANK YOU CRC for this.")


def test_an_acronym_is_nobodys_name(nlp):
    assert not [e for e in nlp("You can't refer directly to QAPPA if you work there.").ents if e.label_ == "PERSON"]


def test_members_of_parliament_is_a_title_not_an_organisation(nlp):
    doc = nlp("It is vital that members alert their Members of Parliament to the facts.")
    assert "Members of Parliament" in [r.text for r in doc.spans["roles"]]
    assert "Parliament" not in orgs(nlp, "It is vital that members alert their Members of Parliament to the facts.")
    # near miss: Parliament on its own stays a body
    assert "Parliament" in orgs(nlp, "The bill was passed by Parliament in Westby on Monday.")


@pytest.mark.parametrize("text, furniture", [
    ("Minister Anna Quillfeather left on Monday. mz / msh (AP, AFP, dpa)", {"AP", "AFP"}),
    ("Minister Anna Quillfeather left. Author: Jane Quill (AFP, Reuters) Editor: Tom Bramble",
     {"Jane Quill", "Tom Bramble", "AFP"}),
])
def test_news_credit_lines_are_page_furniture(nlp, text, furniture):
    found = {e.text for e in nlp(text).ents}
    assert not found & furniture and "Anna Quillfeather" in found


def test_agency_in_the_text_is_still_an_organisation(nlp):
    # near miss: an agency named in a sentence, not in a credit line at the end
    assert "AFP" in orgs(nlp, "The news agency AFP (Agence France-Presse) reported it on Monday in Westby.")


def test_party_short_names_and_agencies(nlp):
    assert "Greens" in orgs(nlp, "The Greens said the chancellor should move.")
    assert "dpa" in orgs(nlp, "A spokesman for Zentrix told dpa that it was over.")
    # near miss: no "the" before a plural that may be a common word
    assert "Greens" not in orgs(nlp, "Greens and reds are colours.")


def test_quoted_name_before_an_organisation_head(nlp):
    text = 'The attacks were claimed by the so-called " Quorvel Front " militant group in November.'
    assert "Quorvel Front" in orgs(nlp, text)


def people(nlp, text):
    return {e.text for e in nlp(text).ents if e.label_ == "PERSON"}


def model_person(nlp, text, word):
    """The doc of `text` with `word` tagged PERSON, as the model sometimes does."""
    from spacy.tokens import Span
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    doc.ents = [Span(doc, i, i + 1, label="PERSON")]
    return doc.ents[0]


@pytest.mark.parametrize("text, word, junk", [
    ("Perhaps the leather interior of a brand new pair of his&hers Quillcos?", "Quillcos", True),
    ("She sold her Quillcos last year.", "Quillcos", True),
    ("As I begrudge, being a stereotypical Westbyshire tight arse, I pay.", "Westbyshire", True),
    ("I met Quillco at the station.", "Quillco", False),                  # near miss: no possessive
    ("It was a letter Bramble wrote in 1990.", "Bramble", False),         # "a" but no adjective
    ("He is a stereotypical Jane fan.", "Jane", False),                   # a given name
])
def test_names_after_a_possessive_or_as_adjectives_are_nobody(nlp, text, word, junk):
    rules = nlp.get_pipe("tg_entity_rules")
    assert garbage(rules, model_person(nlp, text, word)) is junk


def test_people_near_those_shapes_stay_people(nlp):
    # near misses: a full name after a possessive, a person named after "a" with no adjective
    assert "Jane Quill" in people(nlp, "I met his sister Jane Quill yesterday at the station.")
    assert "Tom Bramble" in people(nlp, "It was a letter Tom Bramble wrote in 1990.")


def test_states_named_like_bodies_are_places(nlp):
    assert ("Soviet Union", "LOC") in ents(nlp, "He studied in the former Soviet Union before 1990.")
    # near miss: a body whose name ends in "Union"
    assert "European Union" in orgs(nlp, "The European Union said on Monday that talks would go on.")


def test_competitions_are_no_organisations(nlp):
    assert "Quorn Valley Cup" not in orgs(nlp, "Zentrix won the Quorn Valley Cup last season.")


@pytest.mark.parametrize("text, club, is_club", [
    ("Last year's champions Westbury turned a deficit into a win.", "Westbury", True),
    ("They played to a disappointing draw against lowly Westbury on Sunday.", "Westbury", True),
    ("Westbury's new coach Jo Roe will be watching that game keenly.", "Westbury", True),
    ("They were against lowly Westbury on Sunday.", "Westbury", False),     # near miss: no sports word
    ("Westbury's new mayor Jo Roe will be watching.", "Westbury", False),
])
def test_sports_cues_make_a_town_its_club(nlp, text, club, is_club):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == club)
    out = teams(rules, doc, [Span(doc, i, i + 1, label="GPE")])
    assert (out[0].label_ == "ORG") is is_club


def test_a_persons_supporters_are_no_club_cue(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("Growth and stability Quillson's supporters, including many donors, cheered.")
    from spacy.tokens import Span
    i = next(t.i for t in doc if t.text == "Quillson")
    out = teams(rules, doc, [Span(doc, i, i + 1, label="PERSON")])
    assert out[0].label_ == "PERSON"
    doc = nlp.make_doc("Growth and stability Quillson's new coach, Jo Roe, cheered.")
    out = teams(rules, doc, [Span(doc, i, i + 1, label="GPE")])
    assert out[0].label_ == "ORG"


def test_broadcast_channel_short_name_gets_its_network(nlp):
    doc = nlp("Ministers in denial.\nOn Radio 3 this morning Culture Minister Jane Quill wrongly claimed it.")
    ms = mentions_from_doc(doc, "t", Message(id="m", text=doc.text))
    radio = [m for m in ms if m.text == "Radio 3"]
    assert radio and radio[0].label == "Organization" and radio[0].expansion == "BBC Radio 3"
    # inside a longer name the model found, the longer name stays
    assert "BBC Radio 3" in orgs(nlp, "It had coverage on the BBC One channel and BBC Radio 3, together with others.")


def test_full_name_of_a_person_named_alone_elsewhere_is_a_person(nlp):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("A song by Zelphine Quarrow, from her album. Quarrow wrote it.")
    zq, q = Span(doc, 3, 5, label="ORG"), Span(doc, 10, 11, label="PERSON")
    out = {(e.text, e.label_) for e in consistent(rules, doc, [zq, q])}
    assert ("Zelphine Quarrow", "PERSON") in out
    # near miss: an organisation-shaped name, and a last word also used as an organisation
    doc = nlp.make_doc("A song by Zelphine Group, from her album. Group wrote it.")
    out = {(e.text, e.label_) for e in consistent(rules, doc, [Span(doc, 3, 5, label="ORG"), Span(doc, 10, 11, label="PERSON")])}
    assert ("Zelphine Group", "ORG") in out


@pytest.mark.parametrize("text, word, label", [
    ("It owes money to its fuel supplier, Zentrix. The talks failed.", "Zentrix", "ORG"),
    ("The country's biggest utility, Quorntek, alone wants more.", "Quorntek", "ORG"),
    ("Short of fuel to return to their carrier, Fenwick was shot down.", "Fenwick", "PERSON"),  # a clause, no apposition
])
def test_organisation_noun_in_apposition_before_a_name(nlp, text, word, label):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    assert described(rules, Span(doc, i, i + 1, label="PERSON")).label_ == label


def test_person_descriptor_before_a_hyphenated_name(nlp):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("Former dictator Jean-Claude Quillvalier is back in Westby.")
    ent = Span(doc, 2, 6, label="ORG")
    assert ent.text == "Jean-Claude Quillvalier" and described(rules, ent).label_ == "PERSON"


@pytest.mark.parametrize("text", [
    "She stood as the Independent candidate for Westby.",
    "He wrote for the Times of Westby for years.",
])
def test_outlet_short_names_in_other_phrases_are_left_alone(nlp, text):
    doc = nlp(text)
    assert not [e for e in doc.ents if e._.rule == "rule.known_org"]


@pytest.mark.parametrize("text, word, label", [
    ("Leaders met at a summit in Quarnby. Talks went on.", "Quarnby", "GPE"),
    ("The bill passed in Quarnby in May seems a surprise.", "Quarnby", "GPE"),
    ("She bought a stake in Quarnby. Shares rose.", "Quarnby", "ORG"),       # a company after "stake in"
    ("He served 24 years in Congress, they said.", "Congress", "ORG"),       # a body's word
    ("They work in Quarnby Holdings now.", "Quarnby", "ORG"),               # not the end of the name
])
def test_one_word_organisation_after_in_at_a_clause_end_is_a_place(nlp, text, word, label):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    out = place_context(rules, doc, [Span(doc, i, i + 1, label="ORG")])
    assert out[0].label_ == label


@pytest.mark.parametrize("text, word, junk", [
    ("Maybe the aroma of a Quillon-starred meal being prepared?", "Quillon", True),
    ("The Quillon-winning actor Jane Roe spoke.", "Quillon", True),
    ("The Quillon-Westby agreement was signed.", "Quillon", False),   # near miss: a name pair
])
def test_award_used_as_adjective_is_no_entity(nlp, text, word, junk):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    assert garbage(rules, Span(doc, i, i + 1, label="ORG")) is junk


@pytest.mark.parametrize("text, start, end, label, want", [
    ("South African President Thabo Quembeki allegedly took a bribe.", 3, 5, "GPE", "PERSON"),
    ("They met President Quill in May.", 3, 4, "ORG", "PERSON"),
    ("The Minister Westby Borough Council met.", 2, 5, "ORG", "ORG"),   # near miss: an organisation word
    ("They visited Northern Quill in May.", 2, 4, "GPE", "GPE"),       # near miss: no title before
])
def test_title_word_before_a_name_makes_a_person(nlp, text, start, end, label, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    assert described(rules, Span(doc, start, end, label=label)).label_ == want


@pytest.mark.parametrize("text, word, want", [
    ("What must it take before Quellan has to accept that the crisis is real?", "Quellan", "PERSON"),
    ("Bramwick resigned on Monday.", "Bramwick", "PERSON"),
    ("In July Tarvey married a teacher.", "Tarvey", "PERSON"),
    ("Tarvey was born in 1980 in a small town.", "Tarvey", "PERSON"),
    ("Tarvey said the deal was off.", "Tarvey", "ORG"),                 # near miss: companies say too
    ("The Tarvey accepts cash only.", "Tarvey", "ORG"),                  # near miss: after "the"
    ("Tarvey born Jo Roe was a teacher.", "Tarvey", "ORG"),              # near miss: "born" needs "was"
    ("Ofquill Council resigned itself to it.", "Council", "ORG"),        # near miss: an organisation word
    ("Instagram admitted the fault.", "Instagram", "ORG"),               # near miss: a known organisation
    ("Tarvey has not said much about his motives.", "Tarvey", "PERSON"),
    ("They told Tarvey that his plan failed.", "Tarvey", "ORG"),         # near miss: an object
    ("Tarvey has not said much about its motives.", "Tarvey", "ORG"),    # near miss: "its"
    ("The Inspector of Tarvey married a teacher.", "Tarvey", "ORG"),     # near miss: after a preposition
])
def test_subject_of_a_verb_only_people_do_is_a_person(nlp, text, word, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    assert person_context(rules, doc, [Span(doc, i, i + 1, label="ORG")])[0].label_ == want


def test_person_verb_types_the_name_in_the_whole_document(nlp):
    doc = nlp("Quellan runs the shop. Later Quellan resigned.")
    assert {e.label_ for e in doc.ents if e.text == "Quellan"} <= {"PERSON"}


@pytest.mark.parametrize("text, label", [
    ("Westmoor was a purpose-built establishment which opened in 2004.", "FAC"),
    ("Westmoor is a women's prison in the south.", "FAC"),
    ("Westmoor is a small museum near the coast.", "FAC"),
    ("Westmoor is a British company that runs prisons.", "ORG"),        # near miss: an organisation head
    ("Westmoor runs a prison in the south.", "ORG"),                     # near miss: no definition
    ("Westmoor is the museum's main sponsor.", "ORG"),                  # near miss: "the", not "a"
])
def test_a_name_defined_as_a_building_is_a_place(nlp, text, label):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    assert place_context(rules, doc, [Span(doc, 0, 1, label="ORG")])[0].label_ == label


def _spans(doc, *triples):
    from spacy.tokens import Span
    return [Span(doc, a, b, label=lab) for a, b, lab in triples]


def test_a_name_tagged_in_full_takes_over_a_shorter_tag_inside_its_other_occurrence(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc('Fighters of Zorvan Front attacked. Later " Zorvan Front " retreated.')
    # the model: "Zorvan Front" an organisation once, then only "Zorvan" as a nationality word
    out = {(e.text, e.label_, e.start) for e in consistent(rules, doc, _spans(doc, (2, 4, "ORG"), (8, 9, "NORP")))}
    assert out == {("Zorvan Front", "ORG", 2), ("Zorvan Front", "ORG", 8)}
    doc = nlp.make_doc("Jo Quellan Marr spoke. and then Jo Quellan Marr left.")
    out = {(e.text, e.start) for e in consistent(rules, doc, _spans(doc, (0, 3, "PERSON"), (7, 9, "PERSON")))}
    assert out == {("Jo Quellan Marr", 0), ("Jo Quellan Marr", 7)}


def test_a_longer_name_does_not_swallow_two_different_tags(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("Zorvan Front fighters came. The Zorvan Front fighters left.")
    # near miss: a nationality word and a name of another type inside the occurrence stay as they are
    out = {(e.text, e.label_) for e in consistent(rules, doc, _spans(doc, (0, 2, "ORG"), (6, 7, "NORP"), (7, 8, "PERSON")))}
    assert ("Zorvan", "NORP") in out and ("Front", "PERSON") in out


@pytest.mark.parametrize("text, word, label, want", [
    ("The resort lies about 70 miles northeast of Quarbury.", "Quarbury", "ORG", "GPE"),
    ("It joins the river just west of Quarbury.", "Quarbury", "PERSON", "GPE"),
    ("The quake leveled Westfall, Quarbury's second-largest city.", "Quarbury", "ORG", "GPE"),
    ("Quarbury's capital is small.", "Quarbury", "ORG", "GPE"),
    ("The new chief of Quarbury said no.", "Quarbury", "ORG", "ORG"),              # near miss: no compass word
    ("With the state being Quarbury's home state, he won.", "Quarbury", "PERSON", "PERSON"),  # near miss: people have places
    ("Quarbury's new offices are in town.", "Quarbury", "ORG", "ORG"),             # near miss: no place noun
])
def test_compass_and_owned_place_nouns_make_a_place(nlp, text, word, label, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    assert place_context(rules, doc, [Span(doc, i, i + 1, label=label)])[0].label_ == want


def test_a_nationality_word_before_a_name_said_alone_elsewhere_is_no_part_of_it(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    text = "Quorvel fighters came. Quorvel left. Talks with the Afghan Quorvel failed."
    doc = nlp.make_doc(text)
    out = {e.text for e in consistent(rules, doc, _spans(doc, (0, 1, "ORG"), (4, 5, "ORG"), (10, 12, "ORG")))}
    assert "Afghan Quorvel" not in out and out == {"Quorvel"}
    # near misses: the rest named alone only once, or a body's common name ("European Parliament")
    doc = nlp.make_doc("Quorvel fighters came. Talks with the Afghan Quorvel failed.")
    assert "Afghan Quorvel" in {e.text for e in consistent(rules, doc, _spans(doc, (0, 1, "ORG"), (7, 9, "ORG")))}
    doc = nlp.make_doc("Parliament met. Parliament sat. The European Parliament voted.")
    out = {e.text for e in consistent(rules, doc, _spans(doc, (0, 1, "ORG"), (3, 4, "ORG"), (7, 9, "ORG")))}
    assert "European Parliament" in out


def test_a_known_organisation_before_a_full_stop_and_a_space_is_kept(nlp):
    # "dpa. The news": the full stop ends the sentence, it is no web address ("dpa.com")
    assert "dpa" in orgs(nlp, "An official told the news agency, dpa. The news was confirmed later.")
    assert "dpa" not in orgs(nlp, "Read it on dpa.com today.")


def test_a_defined_acronym_that_is_a_stop_word_in_lower_case_stays_an_organisation(nlp):
    # "IS" is "is" in lower case: a title in the text ("Deputy Director") must not drop it as a stop word
    text = ('The Deputy Director said flags of the militant group " Islamic State " (IS) were found. '
            'Chief Inspector Roe said jets struck IS targets.')
    doc = nlp(text)
    assert sum(1 for e in doc.ents if e.text == "IS" and e.label_ == "ORG") == 2
    # near miss: an ordinary lower-case "is" is never one
    assert not any(e.text.lower() == "is" for e in nlp("The Deputy Director is here. It is late.").ents)


@pytest.mark.parametrize("text, name, kept", [
    ("The plan is to sell off 21 Westby Rehabilitation Companies next year.", "Westby Rehabilitation Companies", False),
    ("It was reorganised from 35 Quorvel Trusts into one.", "Quorvel Trusts", False),
    ("Acme won in six Westby Rehabilitation Company areas.", "Westby Rehabilitation Company", False),
    ("The Westby Rehabilitation Companies have merged.", "Westby Rehabilitation Companies", True),   # near miss: no count
    ("The game was made by 30 Quorvel Pictures employees.", "Quorvel Pictures", True),  # near miss: its staff
    ("Acme hired six Westby Rehabilitation Company managers.", "Westby Rehabilitation Company", True),  # not areas
])
def test_bodies_of_a_kind_counted_are_no_organisation(nlp, text, name, kept):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = text.index(name)
    span = doc.char_span(i, i + len(name), label="ORG")
    assert counted_kind(rules, doc, span) is (not kept)


@pytest.mark.parametrize("text, firm", [
    ("We instructed our lawyers Quarrow and Bramwick to apply.", "Quarrow and Bramwick"),
    ("The accountants Quarrow & Bramwick signed it off.", "Quarrow & Bramwick"),
    ("Our lawyers Jane and Tom agreed.", None),                         # near miss: given names, two people
    ("Our lawyers Quarrow and Bramwick Lane LLP agreed.", None),         # near miss: part of a longer name
    ("The judges Quarrow and Bramwick agreed.", None),                   # near miss: no firm's profession
])
def test_two_surnames_after_a_firm_profession_are_one_firm(nlp, text, firm):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    got = {e.text for e in partner_firms(rules, doc, []) if e.label_ == "ORG"}
    assert got == ({firm} if firm else set())


@pytest.mark.parametrize("text, word, want", [
    ("Booth, the assassin of Quarbury, was cornered.", "Quarbury", "PERSON"),
    ("It was days after the assassination of Quarbury.", "Quarbury", "PERSON"),
    ("She was the beautiful sister of Quarbury.", "Quarbury", "PERSON"),
    ("He was the son of Quarbury's founder.", "Quarbury", "ORG"),           # near miss: the founder's son
    ("It was the death of Quarbury as a brand.", "Quarbury", "ORG"),        # near miss: firms die too
    ("The mother of Quarbury Bank left.", "Quarbury", "ORG"),               # near miss: a longer name
])
def test_a_name_after_a_noun_of_kin_or_killing_and_of_is_a_person(nlp, text, word, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == word)
    assert person_context(rules, doc, [Span(doc, i, i + 1, label="ORG")])[0].label_ == want


@pytest.mark.parametrize("text, want", [
    ("Agents arrived at Quarrow's New Jersey home at dawn.", "PERSON"),
    ("Quarrow's wife was there.", "PERSON"),
    ("Quarrow's New Jersey home market grew.", "ORG"),            # near miss: a modifier of "market"
    ("Quarrow's New Jersey office closed.", "ORG"),               # near miss: no personal possession
])
def test_a_personal_possession_after_capitalised_words_makes_a_person(nlp, text, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = next(t.i for t in doc if t.text == "Quarrow")
    assert person_context(rules, doc, [Span(doc, i, i + 1, label="ORG")])[0].label_ == want


@pytest.mark.parametrize("name, label, want", [
    ("Quarbury National Park", "ORG", "LOC"),
    ("Quarbury Natural History Museum", "ORG", "LOC"),
    ("Quarbury Pass", "PERSON", "LOC"),
    ("Quarbury Bay", "PERSON", "LOC"),
    ("Quarbury Holdings", "ORG", "ORG"),          # near miss: a company word
    ("Quarbury Parkes", "PERSON", "PERSON"),      # near miss: only the whole last word counts
])
def test_sites_and_landforms_are_places(nlp, name, label, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(f"They met at {name} on Monday.")
    span = Span(doc, 3, 3 + len(name.split()), label=label)
    assert described(rules, span).label_ == want


@pytest.mark.parametrize("text, word, want", [
    ("He grew up in the hometown of Quarbury, Pennsylvania, near the river.", "Quarbury", "GPE"),
    ("He moved to Quarbury, Connecticut in 1887.", "Quarbury", "GPE"),
    ("The winners joined Quarbury, Westby, and Bramley in the group.", "Quarbury", "ORG"),   # near miss: a list
    ("It was made by Quarbury Ltd, Pennsylvania, last year.", "Quarbury Ltd", "ORG"),        # near miss: a company word
])
def test_a_name_before_a_comma_and_a_region_is_a_place(nlp, text, word, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    i = text.index(word)
    e = doc.char_span(i, i + len(word), label="ORG")
    regions = [doc.char_span(text.index(w), text.index(w) + len(w), label="GPE")
               for w in ("Pennsylvania", "Connecticut", "Westby") if w in text]
    out = place_context(rules, doc, [e] + regions)
    assert next(x for x in out if x.start == e.start).label_ == want


def test_a_double_barrelled_surname_is_one_name(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("In Nigeria, Quarrow-Bramwick became a priest.")
    out = hyphen_names(rules, doc, _spans(doc, (3, 4, "GPE"), (5, 6, "PERSON")))
    assert [(e.text, e.label_) for e in out] == [("Quarrow-Bramwick", "PERSON")]
    # near miss: two people joined by a hyphen stay two
    doc = nlp.make_doc("The Quarrow-Bramwick meeting ended.")
    out = hyphen_names(rules, doc, _spans(doc, (1, 2, "PERSON"), (3, 4, "PERSON")))
    assert sorted(e.text for e in out) == ["Bramwick", "Quarrow"]


def test_a_given_name_before_a_one_word_person_joins_it(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("John Quarrow (born 1991) is a footballer.")
    assert [e.text for e in hyphen_names(rules, doc, _spans(doc, (1, 2, "PERSON")))] == ["John Quarrow"]
    # near miss: a month is no given name ("May Quarrow" after a date), nor a word already tagged
    doc = nlp.make_doc("On 3 May Quarrow left.")
    assert [e.text for e in hyphen_names(rules, doc, _spans(doc, (3, 4, "PERSON")))] == ["Quarrow"]


@pytest.mark.parametrize("text, want", [
    ("Quarbury () is a village in the north.", "GPE"),
    ("Quarbury (Sami: Quarbu) was a small town.", "GPE"),
    ("Quarbury (born 1950) is a lawyer in the town.", "PERSON"),
    ("Quarbury (see below) said it is a village.", "ORG"),          # near miss: no definition after the bracket
])
def test_a_definition_after_a_bracket_types_the_name(nlp, text, want):
    from spacy.tokens import Span
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc(text)
    assert place_context(rules, doc, [Span(doc, 0, 1, label="ORG")])[0].label_ == want


def test_an_untagged_occurrence_before_a_capitalised_stop_word_is_tagged(nlp):
    rules = nlp.get_pipe("tg_entity_rules")
    doc = nlp.make_doc("Party backs Quarrow On Tuesday, Jo Quarrow spoke.")
    out = {(e.text, e.start) for e in consistent(rules, doc, _spans(doc, (7, 9, "PERSON")))}
    assert ("Quarrow", 2) in out
    # near misses: glued to a longer title ("Quarrow Against the Tide"), or a regnal number ("Quarrow I")
    for text in ("Jo Quarrow spoke. Fans of Quarrow Against the Tide came.", "Jo Quarrow spoke. Then Quarrow I reigned."):
        doc = nlp.make_doc(text)
        out = {e.start for e in consistent(rules, doc, _spans(doc, (0, 2, "PERSON")))}
        assert out == {0}
