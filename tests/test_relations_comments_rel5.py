"""Comment-thread relations, round 5: forms of address, bid statuses in lists. All names invented."""
from __future__ import annotations

from graph.extract import extract_thread
from graph.model import Message, Thread


def facts(text: str, kind: str | None = None):
    thread = Thread(id="t1", source="test", post=Message(id="post", text=text))
    mentions, relations = extract_thread(thread)
    by_ref = {m.ref: m for m in mentions}
    out = []
    for r in relations:
        if kind and r.kind != kind:
            continue
        obj = by_ref[r.object].text.rstrip(".") if r.object else None
        out.append((r.kind, by_ref[r.subject].text.rstrip("."), obj, dict(r.qualifiers)))
    return out


def test_cllr_before_a_name_is_no_post():
    # "Cllr X" says how X is addressed; with no council named there is no post to record
    assert [f for f in facts("Cllr Rowena Pask said the scheme had been rushed through.", "post")
            if f[2] is None] == []


def test_councillor_with_a_body_is_still_a_post():
    got = facts("Rowena Pask, the leader of Dunmere Borough Council, said the scheme had been rushed.", "post")
    assert any(s == "Rowena Pask" and o == "Dunmere Borough Council" for _, s, o, _ in got)


def _bids(text):
    return sorted((s, q.get("status")) for _, s, _, q in facts(text, "bid"))


def test_a_bidder_that_withdrew_is_withdrawn():
    got = _bids("Marlow Catering Ltd has won the £3m school meals contract. "
                "A second bidder, Pexton Foods, withdrew in June.")
    assert ("Pexton Foods", "withdrawn") in got


def test_a_bidder_alone_stays_a_bidder():
    # near miss: nothing tells how the bid ended, so "bidder" is all there is
    got = _bids("Marlow Catering Ltd has won the £3m school meals contract. "
                "Another bidder, Pexton Foods, said it was disappointed.")
    assert ("Pexton Foods", "bidding") in got


def test_a_relative_clause_tells_only_of_its_own_name():
    got = _bids("Marlow Catering Ltd beat Pexton Foods, which was shortlisted, and Orrin Systems "
                "to the £3m school meals contract.")
    assert ("Pexton Foods", "shortlisted") in got
    assert ("Orrin Systems", "bidding") in got
    assert ("Orrin Systems", "shortlisted") not in got


def test_a_post_held_until_a_year_is_former():
    got = facts("Alan Brisk, who was chief engineer at Dunmere Water until 2021, now advises Pexton Foods.", "post")
    assert [(s, o, q["current"]) for _, s, o, q in got] == [("Alan Brisk", "Dunmere Water", False)]


def test_a_post_held_in_a_year_is_not_made_former():
    # near miss: "in 2021" dates the post, it does not end it
    got = facts("Alan Brisk, who was chief engineer at Dunmere Water in 2021, now advises Pexton Foods.", "post")
    assert [(s, o, q["current"]) for _, s, o, q in got] == [("Alan Brisk", "Dunmere Water", True)]


def test_a_lobbying_firm_retained_is_a_consultant_to_its_client():
    got = facts("The paper understands that Dunmere Homes Ltd retained the lobbying firm Ashcombe Strategies "
                "during the bid.", "consultant_to")
    assert [(s, o) for _, s, o, _ in got] == [("Ashcombe Strategies", "Dunmere Homes Ltd")]


def test_a_lobbying_firm_criticised_is_no_consultant():
    got = facts("Dunmere Homes Ltd criticised the lobbying firm Ashcombe Strategies during the bid.", "consultant_to")
    assert got == []


def test_a_conflict_for_a_missed_name_links_no_other_names():
    # "for Brian" names the one conflicted; where the entity pass misses him, the earlier names are
    # not the two parties
    from graph.extract.relations import coi
    from graph.extract import slots as slotmod
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("If so that is a clear conflict of interest for Brian .")
    sent = slotmod.build(doc, 0, [], {})
    from graph.extract.facts import Arg
    prev = [Arg(ref="t|post|0|5", label="Person", text="Mary Tolpen"),
            Arg(ref="t|post|9|20", label="Organization", text="Dunmere Homes Ltd")]
    assert coi(sent, prev) == []
    doc = nlp("If so that is a clear conflict of interest .")
    assert len(coi(slotmod.build(doc, 0, [], {}), prev)) == 1


def _posts(text):
    return [(s, o, q.get("current")) for _, s, o, q in facts(text, "post")]


def test_used_to_be_is_a_former_post():
    assert _posts("Mary Tolpen used to be deputy director at the Dunmere Housing Group herself.") == \
        [("Mary Tolpen", "Dunmere Housing Group", False)]


def test_used_to_near_miss_is_no_post():
    # near miss: "used to" with no role and body
    assert _posts("Mary Tolpen used to be angry about the Dunmere Housing Group.") == []


def test_run_by_is_a_post():
    assert _posts("Ashcombe Advisory is run by Lorna Pellow.") == [("Lorna Pellow", "Ashcombe Advisory", True)]


def test_run_by_two_people_is_left_alone():
    # near miss: a pair runs it; the rule takes no one half of a pair
    assert _posts("Ashcombe Advisory is run by Lorna Pellow and Ivo Dent.") == []


def test_a_title_between_comma_and_name_keeps_the_post():
    assert _posts("The chair of the Dunmere Housing Group, Cllr Janet Roole, said the process was fair.") == \
        [("Janet Roole", "Dunmere Housing Group", True)]


def test_worked_for_after_an_apposition_is_a_former_post():
    assert _posts("His wife, Mary Tolpen, had worked for Pexton Foods Ltd until 2023.") == \
        [("Mary Tolpen", "Pexton Foods Ltd", False)]


def _parties(text):
    return [(s, o) for _, s, o, _ in facts(text, "party")]


def test_a_councillors_party_between_commas():
    assert _parties("Cllr Edna Marsh, Labour, said the scheme was rushed.") == [("Edna Marsh", "Labour")]


def test_a_company_between_commas_is_no_party():
    assert _parties("Edna Marsh, Pexton Foods Ltd, said the scheme was rushed.") == []


def test_is_a_party_councillor():
    assert _parties("Janet Roole is a Conservative councillor for Ashby Vale and denied any wrongdoing.") == \
        [("Janet Roole", "Conservative")]


def test_a_conservative_commentator_is_no_party_member():
    assert _parties("Janet Roole is a conservative commentator on the radio.") == []


def test_the_party_in_an_mps_title():
    assert _parties("Harriet Penn, the Labour MP for Dunmere East, said the contract was a mistake.") == \
        [("Harriet Penn", "Labour")]


def test_an_mp_with_no_party_word_has_no_party():
    assert _parties("Harriet Penn, the MP for Dunmere East, said the contract was a mistake.") == []


def test_lawyers_are_a_firm_is_representation():
    got = facts("Pexton Foods Ltd's lawyers are Ormsby Lane LLP, the paper understands.", "represents")
    assert [(s, o) for _, s, o, _ in got] == [("Ormsby Lane LLP", "Pexton Foods Ltd")]


def test_lawyers_are_angry_is_no_representation():
    assert facts("Pexton Foods Ltd's lawyers are angry about it.", "represents") == []


def test_a_claim_issued_against_a_body_is_legal_action():
    got = facts("Pexton Foods Ltd has issued a claim in the High Court against the Dunmere Housing Group "
                "over the scoring.", "legal_action")
    assert [(s, o) for _, s, o, _ in got] == [("Pexton Foods Ltd", "Dunmere Housing Group")]


def test_a_statement_issued_against_a_body_is_no_legal_action():
    assert facts("Pexton Foods Ltd has issued a statement against the Dunmere Housing Group.", "legal_action") == []


def test_cllr_with_a_body_gives_that_post_its_role():
    got = facts("Cllr Jane Holloway of Calderbrook Council resigned.", "post")
    assert [(s, o, q.get("role")) for _, s, o, q in got] == [("Jane Holloway", "Calderbrook Council", "Cllr")]
