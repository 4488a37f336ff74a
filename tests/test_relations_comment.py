"""Lobbying, paid advice, legal representation, legal action and signature-line posts, in the forms
comment threads and the trade press use (ontology/patterns/relations/surface_comment.toml).

All names are invented. Each case is one message unless a thread is built; `facts()` gives (kind,
subject, object, qualifiers, rule, status) with the mention texts of the ends (the client a
lobbyist acts for as its text under `on_behalf_of`).
"""
from __future__ import annotations

import pytest

from graph.extract import extract_thread
from graph.model import Message, Thread


def run(thread: Thread):
    mentions, relations = extract_thread(thread)
    return {m.ref: m for m in mentions}, relations


def facts(text: str | Thread, kind: str | None = None):
    thread = text if isinstance(text, Thread) else Thread(id="t1", source="test", post=Message(id="post", text=text))
    by_ref, relations = run(thread)
    out = []
    for r in relations:
        if kind and r.kind != kind:
            continue
        q = dict(r.qualifiers)
        if q.get("on_behalf_of") in by_ref:
            q["on_behalf_of"] = by_ref[q["on_behalf_of"]].text
        obj = by_ref[r.object].text.rstrip(".") if r.object else None
        out.append((r.kind, by_ref[r.subject].text.rstrip("."), obj, q, r.rule, r.status))
    return out


def has(text, kind, subj, obj, status=None, **quals):
    return any(s == subj and o == obj and all(q.get(a) == b for a, b in quals.items())
               and (status is None or st == status) for _, s, o, q, _, st in facts(text, kind))


# ------------------------------------------------------------------ lobbying
LOBBYING = [
    # (text, lobbyist, the one lobbied or None, client)
    ("Harwick Strategies lobbied ministers on behalf of Quillon Foods.", "Harwick Strategies", None, "Quillon Foods"),
    ("Harwick Strategies, a lobbying firm, has been lobbying ministers on behalf of Quillon Foods since 2019.",
     "Harwick Strategies", None, "Quillon Foods"),
    ("Tom Beddoe, a lobbyist for Quillon Foods, met the minister twice.", "Tom Beddoe", None, "Quillon Foods"),
    ("Tom Beddoe is a registered lobbyist for Quillon Foods.", "Tom Beddoe", None, "Quillon Foods"),
    ("Quillon Foods hired lobbying firm Harwick Strategies to push the scheme.", "Harwick Strategies", None,
     "Quillon Foods"),
    ("Quillon Foods has hired the lobbying firm Harwick Strategies.", "Harwick Strategies", None, "Quillon Foods"),
    ("Quillon Foods' lobbyists, Harwick Strategies, met the minister twice.", "Harwick Strategies", None,
     "Quillon Foods"),
    ("Quillon Foods has employed Harwick Strategies to lobby councillors.", "Harwick Strategies", None,
     "Quillon Foods"),
    ("Quillon Foods paid Harwick Strategies to lobby the council.", "Harwick Strategies", "council", "Quillon Foods"),
    ("Harwick Strategies lobbies for Quillon Foods and two other supermarkets.", "Harwick Strategies", None,
     "Quillon Foods"),
    ("Tom Beddoe has lobbied the Department for Transport for years on behalf of Quillon Foods.", "Tom Beddoe",
     "Department for Transport", "Quillon Foods"),
    ("Harwick Strategies was hired by Quillon Foods to lobby the council.", "Harwick Strategies", "council",
     "Quillon Foods"),
    ("Tom Beddoe lobbied ministers on Quillon Foods' behalf.", "Tom Beddoe", None, "Quillon Foods"),
    ("The minister met Tom Beddoe (a lobbyist for Quillon Foods) in March.", "Tom Beddoe", None, "Quillon Foods"),
    # the entity pass runs "the Ministry of Housing for Castlegate Group" together: two ends
    ("Keel Public Affairs lobbied the Ministry of Housing for Castlegate Group as well.", "Keel Public Affairs",
     "Ministry of Housing", "Castlegate Group"),
    # the client may be a name the entity pass took for a person
    ("Orrin Homes hired the lobbying firm Keel Public Affairs in 2023.", "Keel Public Affairs", None, "Orrin Homes"),
]


@pytest.mark.parametrize("text,lobbyist,target,client", LOBBYING)
def test_lobbying_gives_the_lobbyist_the_one_lobbied_and_the_client(text, lobbyist, target, client):
    assert has(text, "lobbied", lobbyist, target, on_behalf_of=client), facts(text)


def test_a_lobbyist_for_a_client_is_no_consultant_to_it():
    assert facts("Tom Beddoe, a lobbyist for Quillon Foods, met the minister twice.", "consultant_to") == []


# ------------------------------------------------------------------ paid advice
ADVICE = [
    ("Tom Beddoe was paid £40k by Quillon Foods to advise on the bid.", "paid_by"),
    ("Tom Beddoe was paid £40k by Quillon Foods to advise on the bid.", "consultant_to"),
    ("Quillon Foods paid Tom Beddoe £40,000 for advice on the bid.", "paid_by"),
    ("Quillon Foods paid Tom Beddoe £40,000 for advice on the bid.", "consultant_to"),
    ("Tom Beddoe received £40,000 from Quillon Foods for consultancy work.", "paid_by"),
    ("Tom Beddoe is a paid adviser to Quillon Foods.", "consultant_to"),
    ("Tom Beddoe has been advising Quillon Foods since he left office.", "consultant_to"),
    ("Tom Beddoe was hired by Quillon Foods as a consultant.", "consultant_to"),
    ("Quillon Foods hired Tom Beddoe as an adviser in 2021.", "consultant_to"),
    ("Tom Beddoe is on Quillon Foods' payroll.", "paid_by"),
    ("Tom Beddoe has a lucrative consultancy contract with Quillon Foods.", "consultant_to"),
    ("Tom Beddoe earns £40k a year as an adviser to Quillon Foods.", "consultant_to"),
    ("Quillon Foods' paid adviser, Tom Beddoe, sat on the panel.", "consultant_to"),
    ("Quillon Foods paid Tom Beddoe £40,000 for 'strategic advice' last year.", "consultant_to"),
]


@pytest.mark.parametrize("text,kind", ADVICE)
def test_paid_advice_links_the_adviser_to_the_one_paying(text, kind):
    assert has(text, kind, "Tom Beddoe", "Quillon Foods"), facts(text)


def test_a_paid_adviser_is_not_also_read_as_an_employee():
    assert facts("Quillon Foods' paid adviser, Tom Beddoe, sat on the panel.", "post") == []
    # without "paid" the same words are a post
    assert has("Quillon Foods' adviser, Tom Beddoe, sat on the panel.", "post", "Tom Beddoe", "Quillon Foods")


def test_an_aside_between_the_person_and_the_verb():
    assert has("Cllr Jean Potts, who chairs the adult care committee, has been paid by Velora Care for 'training'.",
               "paid_by", "Jean Potts", "Velora Care")


def test_a_firm_advises_and_consultants_hired_advise_the_one_who_hired_them():
    assert has("Redmoor County Council hired consultants Arden Grey to advise on the outsourcing.", "consultant_to",
               "Arden Grey", "Redmoor County Council")
    assert has("Tom Beddoe advised the council on the contract.", "consultant_to", "Tom Beddoe", "council")


def test_he_stands_for_the_person_the_comment_is_about():
    text = "Tom Beddoe sat on the panel. He was paid £40k by Quillon Foods to advise on the bid."
    assert has(text, "paid_by", "Tom Beddoe", "Quillon Foods")
    assert has(text, "consultant_to", "Tom Beddoe", "Quillon Foods")
    # "advises" makes a sentence with one name worth reading (frames_comment.toml)
    assert has("Tom Beddoe sat on the panel. Allegedly he also advises Quillon Foods on planning.",
               "consultant_to", "Tom Beddoe", "Quillon Foods", status="hedged")


# ------------------------------------------------------------------ legal representation
REPRESENTS = [
    ("Law firm Pellow Grant is acting for Quillon Foods.", "Pellow Grant"),
    ("Pellow Grant acted for Quillon Foods in the case.", "Pellow Grant"),
    ("Anna Fenwick KC, for Quillon Foods, told the court the tender was flawed.", "Anna Fenwick KC"),
    ("Quillon Foods instructed solicitors Pellow Grant to act for it.", "Pellow Grant"),
    ("Quillon Foods' solicitors, Pellow Grant, wrote to the council.", "Pellow Grant"),
    ("Quillon Foods is represented by Pellow Grant.", "Pellow Grant"),
]


def test_lawyers_from_a_firm_acting_for_a_body_named_by_its_noun():
    assert has("Lawyers from Birch Langley LLP, acting for the union, have written to the council.", "represents",
               "Birch Langley LLP", "union")


@pytest.mark.parametrize("text,lawyer", REPRESENTS)
def test_a_lawyer_or_law_firm_represents_its_client(text, lawyer):
    assert has(text, "represents", lawyer, "Quillon Foods"), facts(text)


# ------------------------------------------------------------------ legal action
LEGAL = [
    ("Quillon Foods took Dunmere Borough Council to court over the tender.", "court action"),
    ("Quillon Foods is taking Dunmere Borough Council to court over the contract.", "court action"),
    ("Quillon Foods has issued proceedings against Dunmere Borough Council.", "legal proceedings"),
    ("Quillon Foods has filed a claim against Dunmere Borough Council in the High Court.", "lawsuit"),
    ("Dunmere Borough Council is being sued by Quillon Foods.", "lawsuit"),
    ("Dunmere Borough Council was taken to court by Quillon Foods.", "court action"),
    ("Dunmere Borough Council faces a judicial review brought by Quillon Foods.", "judicial review"),
    ("Quillon Foods is challenging Dunmere Borough Council in the High Court.", "legal challenge"),
    ("Quillon Foods won its case against Dunmere Borough Council.", "court action"),
    ("Quillon Foods is seeking an injunction to stop Dunmere Borough Council signing the deal.", "injunction"),
    # the entity pass runs "Quillon Foods to Dunmere Borough Council" together: two ends
    ("There is a legal challenge by Quillon Foods to Dunmere Borough Council over the award.", "legal challenge"),
]


@pytest.mark.parametrize("text,action", LEGAL)
def test_legal_action_runs_from_the_claimant_to_the_one_it_is_against(text, action):
    assert has(text, "legal_action", "Quillon Foods", "Dunmere Borough Council", action=action), facts(text)


# ------------------------------------------------------------------ near misses
NEAR_MISSES = [
    ("Tom Beddoe lobbied hard for the change.", "lobbied"),  # no organisation
    ("Tom Beddoe lobbied for a change in the law.", "lobbied"),
    ("Quillon Foods lobbied hard against the rules.", "lobbied"),
    ("Tom Beddoe advises caution.", "consultant_to"),
    ("Quillon Foods advised customers to return the product.", "consultant_to"),
    ("Tom Beddoe advised Quillon Foods to withdraw from the race.", "consultant_to"),  # one piece of advice
    ("Tom Beddoe received a letter from Quillon Foods.", "paid_by"),  # no money
    ("Quillon Foods paid Tom Beddoe a visit in March.", "paid_by"),
    ("Tom Beddoe advised Quillon Foods that the bid would fail.", "consultant_to"),
    ("The Environment Agency advised Dunmere Borough Council against the plan.", "consultant_to"),
    ("Tom Beddoe lobbied for Anna Kerr's appointment.", "lobbied"),  # her appointment, not her behalf
    ("Unison represents Quillon Foods workers in the dispute.", "represents"),  # a union's members
    ("Quillon Foods is challenging the council's decision in the Guardian.", "legal_action"),  # no court
    ("Quillon Foods has instructed Pellow Grant to challenge the decision.", "represents"),  # no lawyer said
    ("Tom Beddoe has a consultancy business in Dunmere.", "consultant_to"),
    ("Tom Beddoe said the lobbying by Quillon Foods was relentless.", "lobbied"),  # nobody it was for
]


@pytest.mark.parametrize("text,kind", NEAR_MISSES)
def test_near_misses_do_not_fire(text, kind):
    assert facts(text, kind) == []


def test_a_name_reported_by_another_is_not_the_lobbyist():
    text = "Tom Beddoe said Harwick Strategies lobbied the council for Quillon Foods."
    found = facts(text, "lobbied")
    assert [s for _, s, *_ in found] == ["Harwick Strategies"]
    assert found[0][5] == "reported"


def test_a_body_facing_a_challenge_from_a_claimant():
    assert has("The council is facing a legal challenge from Allied Care Workers.", "legal_action",
               "Allied Care Workers", "council", action="legal challenge")


def test_suing_the_owners_of_a_company_is_not_suing_the_company():
    found = [(s, o) for _, s, o, *_ in facts("Tamsin Capital sued Velora's former owners, Harland Health, in 2021.",
                                             "legal_action")]
    assert ("Tamsin Capital", "Velora") not in found and ("Tamsin Capital", "Harland Health") in found


def test_the_one_facing_a_judicial_review_is_not_its_claimant():
    # "X faces a judicial review over Y": X is the defendant, not the one taking action against Y
    assert facts("Dunmere Borough Council faces a judicial review over Quillon Foods.", "legal_action") == []


# ------------------------------------------------------------------ statuses
def test_statuses_of_lobbying():
    assert has("Tom Beddoe allegedly lobbied the Department for Transport on behalf of Quillon Foods.", "lobbied",
               "Tom Beddoe", "Department for Transport", status="hedged", on_behalf_of="Quillon Foods")
    assert has("Is it true Tom Beddoe lobbied ministers for Quillon Foods?", "lobbied", "Tom Beddoe", None,
               status="questioned", on_behalf_of="Quillon Foods")
    assert has("Tom Beddoe denies lobbying for Quillon Foods.", "lobbied", "Tom Beddoe", None, status="denied",
               on_behalf_of="Quillon Foods")
    assert has("Tom Beddoe denied that he had lobbied ministers on behalf of Quillon Foods.", "lobbied", "Tom Beddoe",
               None, status="denied", on_behalf_of="Quillon Foods")


def test_a_threatened_action_is_hedged():
    assert has("Quillon Foods has threatened to sue Dunmere Borough Council.", "legal_action", "Quillon Foods",
               "Dunmere Borough Council", status="hedged")


# ------------------------------------------------------------------ posts: "its" and signature lines
def test_its_names_the_organisation_of_the_post():
    assert has("Quillon Foods said its chief executive, Tom Beddoe, would step down.", "post", "Tom Beddoe",
               "Quillon Foods", role="chief executive", current=True)
    assert has("The Ashby Leisure Trust is a registered charity and its chair, Dr Helen Ross, has written to members.",
               "post", "Helen Ross", "Ashby Leisure Trust", role="chair")


def test_whose_names_the_organisation_of_the_post():
    assert has("Velora has retained Pinnacle Public Affairs, whose director Mark Fenby is a former adviser.", "post",
               "Mark Fenby", "Pinnacle Public Affairs", role="director")


def test_a_partner_at_a_firm_holds_a_post_there():
    assert has("Is it true that Fiona Marr is married to Simon Ferris, a partner at Holm Advisory?", "post",
               "Simon Ferris", "Holm Advisory", role="partner", status="questioned")
    # a partner of a person is no post
    assert facts("Tom Beddoe is a partner with Anna Kerr in a dog-walking business.", "post") == []


def test_its_opening_a_sentence_takes_the_organisation_the_caller_gives():
    from graph.extract import Extractor, _mentions_from_doc
    from graph.extract import assemble
    from graph.extract import slots as slotmod
    from graph.extract.facts import Arg
    from graph.extract.relations import surface

    text = "Its chief executive, Tom Beddoe, said the firm had followed the rules."
    ex = Extractor()
    msg = Message(id="p", text=text)
    doc = next(ex.cheap_docs([text]))
    work = assemble.MessageWork("t", msg, doc, _mentions_from_doc(doc, "t", msg))
    sent = slotmod.build(work.sents[0].as_doc(), 0, work._in(work.sents[0]), work.names())
    org = Arg(ref="t|p|0|5")
    posts = [f for f in surface(sent, {"any": None, "m": None, "f": None, "org": org}) if f.kind == "post"]
    assert [(f.object, f.qualifiers["role"]) for f in posts] == [(org, "chief executive")]
    # no organisation named before: no post with a made-up body, and no role-only post either
    assert [f for f in surface(sent, {"any": None, "m": None, "f": None}) if f.kind == "post"] == []


SIGNATURES = [
    ("Jane Doe, Branch Secretary, Dunmere Unison", "Jane Doe", "Dunmere Unison", "Branch Secretary"),
    ("— J. Doe, convenor, Quillon Foods branch", "J. Doe", "Quillon Foods", "convenor"),
    ("Regards, Jane Doe, Secretary, Ashby Residents Association", "Jane Doe", "Ashby Residents Association",
     "Secretary"),
]


@pytest.mark.parametrize("line,person,org,role", SIGNATURES)
def test_a_signature_line_gives_the_post_with_its_body(line, person, org, role):
    text = "The consultation was a sham and we will keep campaigning.\n" + line
    posts = facts(text, "post")
    assert (person, org, role) in [(s, o, q.get("role")) for _, s, o, q, _, _ in posts], posts
    # the role alone is no second post beside it
    assert (person, None) not in [(s, o) for _, s, o, *_ in posts]


def test_a_signature_inside_a_sentence_is_not_read_as_one():
    text = "Jane Doe, Branch Secretary, told Dunmere Unison members to vote."
    assert not has(text, "post", "Jane Doe", "Dunmere Unison")


# ------------------------------------------------------------------ a small thread
THREAD = Thread(
    id="bridge", source="test",
    post=Message(id="post", text=(
        "Dunmere Borough Council has approved the Ashby bridge scheme. Quillon Foods said its property "
        "director, Sam Orrin, welcomed the decision.\nThe Ashby Residents Association has launched a judicial "
        "review of Dunmere Borough Council over the consultation.")),
    comments=[
        Message(id="c1", parent="post", text=(
            "Nobody mentions that Quillon Foods hired lobbying firm Harwick Strategies last year. Is it true "
            "Harwick Strategies lobbied councillors for Quillon Foods?")),
        Message(id="c2", parent="c1", text=(
            "Apparently Tom Beddoe was paid £40k by Quillon Foods to advise on the bid. He sits on the "
            "planning committee.")),
        Message(id="c3", parent="post", text=(
            "Law firm Pellow Grant is acting for the residents' association. Good luck to them.\n"
            "Jane Doe, Secretary, Ashby Residents Association")),
    ],
)


def test_a_thread_gives_each_kind_with_its_status():
    found = {(k, s, o, st) for k, s, o, _, _, st in facts(THREAD)}
    assert ("post", "Sam Orrin", "Quillon Foods", "asserted") in found
    assert ("legal_action", "Ashby Residents Association", "Dunmere Borough Council", "asserted") in found
    assert ("lobbied", "Harwick Strategies", None, "asserted") in found
    assert ("lobbied", "Harwick Strategies", None, "questioned") in found
    assert ("paid_by", "Tom Beddoe", "Quillon Foods", "hedged") in found
    assert ("consultant_to", "Tom Beddoe", "Quillon Foods", "hedged") in found
    assert ("post", "Jane Doe", "Ashby Residents Association", "asserted") in found
    # "the residents' association" is no name: no representation fact is made up for it
    assert not any(k == "represents" for k, *_ in found)


@pytest.mark.parametrize("name,cut", [
    ("Quillon Foods to Dunmere Borough Council", "Quillon Foods"),
    ("Ministry of Housing for Castlegate Group", "Ministry of Housing"),
    ("Department for Transport", None),  # "for" inside a name
    ("Society for the Protection of Birds", None),
    ("Centre for Policy Studies", None),
])
def test_two_organisations_run_together_are_split_at_to_or_for(name, cut):
    import spacy

    from graph.extract.lexicon import lexicon
    from graph.extract.slots import split_joined

    doc = spacy.blank("en")(name)
    at = split_joined(doc, 0, len(doc), lexicon())
    assert (doc[:at].text if at is not None else None) == cut


def test_an_office_held_for_a_party_is_membership_not_a_post_in_it():
    text = "But Tom Beddoe, Lib Dem councillor, said questions remained."
    assert has(text, "party", "Tom Beddoe", "Lib Dem")
    assert facts(text, "post") == []
    # a party's own offices are posts in it
    assert has("Nadia Fell, chair of the Liberal Democrats, said questions remained.", "post", "Nadia Fell",
               "Liberal Democrats", role="chair")


def test_a_body_named_by_its_noun_may_bring_the_action_where_it_opens_the_sentence():
    assert has("The union has launched a judicial review of Dunmere Borough Council's decision.", "legal_action",
               "union", "Dunmere Borough Council", action="judicial review")
    assert has("The council is suing Quillon Foods for breach of contract.", "legal_action", "council",
               "Quillon Foods", action="lawsuit")
    # not inside a clause of someone else's saying
    assert facts("Members say the union has launched a judicial review of Dunmere Borough Council.",
                 "legal_action") == []


def test_employment_and_board_seats_told_with_a_verb():
    assert has("Sam Orrin works for Quillon Foods now.", "post", "Sam Orrin", "Quillon Foods", current=True)
    assert has("Sam Orrin previously worked at Quillon Foods.", "post", "Sam Orrin", "Quillon Foods", current=False)
    assert has("Sam Orrin sits on the board of Quillon Foods.", "post", "Sam Orrin", "Quillon Foods",
               role="board member")
    # works with a partner, works at a place: no post
    assert facts("Sam Orrin works with Quillon Foods on recycling.", "post") == []
    assert facts("Sam Orrin worked for Quillon Foods' rivals.", "post") == []


def _posts_in(text):
    from graph.extract import extract_thread
    from graph.model import Thread
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    name = {m.ref: m.text for m in mentions}
    return {(name.get(r.subject), name.get(r.object))
            for r in relations if r.kind == "post"}


def test_its_post_belongs_to_the_organisation_that_opens_an_earlier_sentence():
    posts = _posts_in("Quillon Foods is a family firm based in Westby. Its chief executive, Tom Beddoe, "
                      "said the firm had followed the rules.")
    assert ("Tom Beddoe", "Quillon Foods") in posts
    posts = _posts_in("The Quillon Trust runs four homes. Its chief executive, Tom Beddoe, said no more.")
    assert ("Tom Beddoe", "Quillon Trust") in posts


def test_its_post_has_no_body_where_no_organisation_opens_a_sentence_before_it():
    # the organisation is named in passing, not as the topic: "its" may be anything (the scheme)
    posts = _posts_in("I worked for years with people from Quillon Foods on the scheme. Its chief "
                      "executive, Tom Beddoe, said the firm had followed the rules.")
    assert not any(subject == "Tom Beddoe" for subject, _ in posts)
