"""Type corrections before clustering (step 2 of graph.resolve): the type vote, surnames the
model typed as organisations, a body's first word typed Person, a person's initials typed
Organization, and two place steps: the first word of a body named after a place typed
Organization ("Westby" of "Westby Borough Council") and the first word of a place name typed
Person ("Tarrow" of "Tarrow Province") become places."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from graph.model import MergeDecision, Mention, Relation
from graph.nlp import CONTEXT_RULES, acronym_letters, is_acronym, lexicons
from graph.names import initial_forms
from graph.resolve.names import PUNCT, fold, norm_name, person_initials, resolution_lists, strip_possessive, title_of


# Relation kinds whose ends can only be organisations (subject, object); each such end is a
# vote of weight RELATION_VOTE for that type in the type vote ("Acme renamed itself Zenith").
ORG_ENDS = {"partner": (True, True), "unit_of": (True, True), "renamed": (True, True), "owned_by": (True, False),
            "bid": (True, False), "buyer": (False, True)}
RELATION_VOTE = 2
CONTEXT_VOTE = 4


def type_vote(mentions: list[Mention], relations: list[Relation] = ()
              ) -> tuple[list[Mention], list[MergeDecision]]:
    """One name tagged with several types takes the type it has at least twice as often.

    A name a rule read with its legal form ("Acme Hart plc") is an organisation wherever only the
    model typed it otherwise ("Acme Hart" taken for a person's name).

    Votes: one per mention (two when a rule set its type from the name's shape, CONTEXT_VOTE
    when a rule read it from the words around the name), plus RELATION_VOTE
    for Organization per end of a relation that only organisations can have (ORG_ENDS).
    """
    by_name: dict[str, Counter] = defaultdict(Counter)
    by_ref = {m.ref: m for m in mentions}
    legal_forms = set(lexicons()["legal_forms"])
    company: set[str] = set()  # names a rule read with a legal form ("Acme Hart plc"): no person
    ruled_other: set[str] = set()  # names a rule typed Person or Place ("Mr Hart", "in Hart")
    for m in mentions:
        if m.label in ("Person", "Organization", "Place"):
            key = norm_name(m.text, "Organization")
            if m.label == "Organization" and m.source.startswith("rule.") \
                    and (PUNCT.sub(" ", fold(m.text)).split() or [""])[-1] in legal_forms:
                company.add(key)
            elif m.label != "Organization" and m.source not in MODEL_SOURCES:
                ruled_other.add(key)
            # a type a rule gave from the name's shape ("Acme Ltd", "Mr X") counts twice; one read
            # from the words around it ("the X union", "X became Acme", "X's wife") four times
            weight = CONTEXT_VOTE if m.source in CONTEXT_RULES else 2 if m.source.startswith("rule.") else 1
            by_name[norm_name(m.text, "Organization")][m.label] += weight
    for rel in relations:
        ends = ORG_ENDS.get(rel.kind)
        if not ends:
            continue
        for ref, is_org in zip((rel.subject, rel.object), ends):
            m = by_ref.get(ref) if ref else None
            if is_org and m is not None and m.label in ("Person", "Organization", "Place"):
                by_name[norm_name(m.text, "Organization")]["Organization"] += RELATION_VOTE
    winner: dict[str, str] = {}
    for name, c in by_name.items():
        if len(c) < 2:
            continue  # (a name with relation votes only for its own type needs no change)
        (top, n1), (_, n2) = c.most_common(2)
        if n1 >= 2 * n2 and n1 >= 2:
            winner[name] = top
        elif name in company and name not in ruled_other:
            winner[name] = "Organization"  # the model's guesses yield to the name's own legal form
    if not winner:
        return mentions, []
    out, decisions, seen = [], [], set()
    for m in mentions:
        w = winner.get(norm_name(m.text, "Organization")) if m.label in ("Person", "Organization", "Place") else None
        if w and w != m.label:
            if (m.text, m.label) not in seen:
                seen.add((m.text, m.label))
                decisions.append(MergeDecision(kept=m.text, merged=m.text, reason=f"type vote: {m.label} -> {w}", type=w))
            m = replace(m, label=w, kind=None if w != "Organization" else m.kind)
        out.append(m)
    return out, decisions


# The model's own types: "rule.consistency" only spreads the model's majority type for a name to
# its other occurrences (graph.nlp), so it is no evidence of its own.
MODEL_SOURCES = {"ner", "rule.consistency"}


def surnames_typed_as_orgs(mentions: list[Mention]) -> tuple[list[Mention], list[MergeDecision]]:
    """A one-word organisation or place the model tagged ("McQuill has no problem") that is the
    surname of a full person name in the same thread is that person, unless a rule typed that
    word as an organisation or place somewhere in the thread; so is a surname with particles
    ("Le Roux" of "Anne Le Roux"; resolution/surname_particles.txt)."""
    particles = resolution_lists()["surname_particles"]
    surnames: dict[str, set[str]] = defaultdict(set)
    ruled_other: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = norm_name(m.text, m.label).split()
        if m.label == "Person" and len(words) >= 2:
            surnames[m.evidence.thread].add(words[-1])
            for k in range(2, len(words)):  # "le pen" of "marine le pen"
                if all(w in particles for w in words[-k:-1]):
                    surnames[m.evidence.thread].add(" ".join(words[-k:]))
        elif m.label in ("Organization", "Place") and m.source not in MODEL_SOURCES and len(words) == 1:
            ruled_other[m.evidence.thread].add(words[0])
    out, decisions, seen = [], [], set()
    for m in mentions:
        word = norm_name(m.text, m.label)
        t = m.evidence.thread
        if m.label in ("Organization", "Place") and m.source in MODEL_SOURCES and not is_acronym(m.text) \
                and word in surnames[t] and word not in ruled_other[t]:
            if (t, m.text) not in seen:
                seen.add((t, m.text))
                decisions.append(MergeDecision(kept=m.text, merged=m.text,
                                               reason=f"surname of a person in the thread: {m.label} -> Person",
                                               type="Person"))
            m = replace(m, label="Person", kind=None)
        out.append(m)
    return out, decisions


# Kinds of body usually named after a place ("Westby Parliament", "the Westby Post", "Westby Labour
# Party"): the first word of such a name alone is the place, not a short form of the body.
PLACE_NAMED_KINDS = {"government", "media", "party", "court", "committee"}


def short_forms_typed_other(mentions: list[Mention]
                            ) -> tuple[list[Mention], set[tuple[str, str]], list[MergeDecision]]:
    """A one-word name the model typed Person ("When Quillco took over") that is the first
    word of exactly one longer organisation name of its thread ("Quillco Health plc") is that
    organisation's short form there: it becomes an Organization mention and joins it ("short form
    of"). Guards, since a bare first word is often another body ("Sony" / "Sony Pictures", measured
    on the dev sets): the model must disagree on the type (a one-word organisation is left alone;
    one typed Place was a real place more often than not on the dev sets, so it is left alone too);
    no person or place of several words in the thread has the word in it ("Jordan" of "Michael
    Jordan"); no rule typed the word Person or Place in the thread ("Mr Quillco", "in Quillco"); the
    word is no common first name (first_names.tsv), known place (place_names.txt) or nationality; the
    longer name is no body usually named after a place (PLACE_NAMED_KINDS) nor "X and Y".
    A one-word name typed Organization joins the same way when that one longer name ends in a legal
    form ("Quillco" for "Quillco Health plc"; not "the Quillco Officer Group" nor "Quillco Pictures")."""
    lex = lexicons()
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)  # (thread, first word) -> org names
    companies: dict[tuple[str, str], set[str]] = defaultdict(set)  # ... of them, those ending "Ltd", "plc"
    company_tails = set(lex["legal_forms"])  # not "Group": "the X Officer Group" is no company of X
    taken: set[tuple[str, str]] = set()  # (thread, word) a rule typed, or a longer person/place has
    for m in mentions:
        t = m.evidence.thread
        words = norm_name(m.text, m.label).split()
        if not words:
            continue
        if m.label == "Organization" and len(words) >= 2 and "," not in m.text:  # (not "Acme, Zenith Ltd")
            longer[(t, words[0])].add(" ".join(words))
            if PUNCT.sub(" ", fold(m.text)).split()[-1] in company_tails:
                companies[(t, words[0])].add(" ".join(words))
            if m.kind in PLACE_NAMED_KINDS or words[1] == "and":
                taken.add((t, words[0]))  # "Westby Parliament", "Westby Post": Westby is a place; "Good & Evil"
        elif m.label in ("Person", "Place") and len(words) >= 2:
            taken |= {(t, w) for w in words}
        elif m.label in ("Person", "Place") and m.source not in MODEL_SOURCES:
            taken.add((t, words[0]))
    short = set()
    for m in mentions:
        t, text = m.evidence.thread, m.text.strip()
        word = norm_name(text, m.label)
        if m.label == "Person" and m.source in MODEL_SOURCES and " " not in word and word \
                and not is_acronym(text) and len(longer.get((t, word), ())) == 1 and (t, word) not in taken \
                and word not in lex["first_names"] and strip_possessive(text) not in lex["place_names"] \
                and strip_possessive(text) not in lex["demonyms"]:
            short.add((t, word))
        elif m.label == "Organization" and " " not in word and word and not is_acronym(text) \
                and len(longer.get((t, word), ())) == 1 and companies.get((t, word)) == longer[(t, word)] \
                and (t, word) not in taken and word not in lex["first_names"] \
                and strip_possessive(text) not in lex["place_names"] | lex["demonyms"]:
            short.add((t, word))  # "Quillco" for the one "Quillco Health plc" / "Quillco Group" of its thread
    # the word's other model guesses in the thread follow (the model typed one name three ways)
    out, decisions, seen = [], [], set()
    for m in mentions:
        t, text = m.evidence.thread, m.text.strip()
        if m.label in ("Person", "Place") and m.source in MODEL_SOURCES and (t, norm_name(text, m.label)) in short:
            if (t, text, m.label) not in seen:
                seen.add((t, text, m.label))
                decisions.append(MergeDecision(kept=text, merged=text, type="Organization",
                                               reason=f"first word of the one organisation of its thread named so: "
                                                      f"{m.label} -> Organization"))
            m = replace(m, label="Organization", kind=None)
        out.append(m)
    return out, short, decisions


def people_initials(mentions: list[Mention], apart: list[list[str]] = ()
                    ) -> tuple[list[Mention], list[MergeDecision]]:
    """An acronym of two or three letters ("JRQ") that is the initials of exactly one person named
    in full in its thread, and of no organisation or place named there, is that person: an
    organisation-typed one becomes a Person mention (resolve_people then joins it), unless the
    overrides keep the two apart."""
    kept_apart = {frozenset((norm_name(a, "Person"), norm_name(b, "Person")))
                  for names in apart for i, a in enumerate(names) for b in names[i + 1:]}
    people: dict[str, set[str]] = defaultdict(set)  # thread -> full names
    others: dict[str, set[str]] = defaultdict(set)  # thread -> initials of other names
    for m in mentions:
        if m.label == "Person":
            norm = norm_name(m.text, "Person")
            if len(norm.split()) >= 2:
                people[m.evidence.thread].add(norm)
        elif m.label in ("Organization", "Place") and " " in m.text.strip():
            others[m.evidence.thread] |= set(initial_forms(m.text))
    if not people:
        return mentions, []
    out, decisions, seen = [], [], set()
    for m in mentions:
        t = m.evidence.thread
        letters = acronym_letters(m.text.strip()) if is_acronym(m.text.strip()) and not m.expansion else None
        if m.label == "Organization" and letters and 2 <= len(letters) <= 3 and letters not in others[t]:
            who = [p for p in people[t] if letters in person_initials(p)]
            if len(who) == 1 and frozenset((norm_name(m.text, "Person"), who[0])) not in kept_apart:
                if (t, m.text) not in seen:
                    seen.add((t, m.text))
                    decisions.append(MergeDecision(kept=m.text, merged=m.text, type="Person",
                                                   reason="initials of a person in the thread: Organization -> Person"))
                m = replace(m, label="Person", kind=None)
        out.append(m)
    return out, decisions


def places_of_bodies(mentions: list[Mention]) -> tuple[list[Mention], list[MergeDecision]]:
    """A one-word name the model typed Organization ("cut 30 jobs in Westby") that is the first
    word of a body of its thread named after a place ("Westby Borough Council": a name ending in a
    word of resolution/place_body_heads.txt, and no "of" or "for": "Quillon Foundation for Police" is
    headed by "Foundation") is that place: it becomes a Place mention. Guards: no rule typed the word
    an organisation in the thread ("the Westby union"), the word alone names no kind of body
    (graph.names.org_kind: "Labour", "Crown") and is no acronym, nationality or generic word."""
    from graph.names import org_kind

    lex = lexicons()
    generic = ({w.lower() for w in lex["org_suffixes"] | lex["org_prefixes"] | lex["demonyms"]}
               | lex["not_entities"] | lex["short_form_modifiers"])
    heads = resolution_lists()["place_body_heads"]
    firsts: set[tuple[str, str]] = set()  # (thread, first word of a body named after a place)
    ruled: set[tuple[str, str]] = set()  # (thread, word) a rule typed Organization
    for m in mentions:
        if m.label != "Organization":
            continue
        t, words = m.evidence.thread, norm_name(m.text, "Organization").split()
        if len(words) >= 2 and words[-1] in heads and "of" not in words and "for" not in words:
            firsts.add((t, words[0]))
        elif len(words) == 1 and m.source not in MODEL_SOURCES:
            ruled.add((t, words[0]))
    out, decisions, seen = [], [], set()
    for m in mentions:
        t, text = m.evidence.thread, m.text.strip()
        word = norm_name(text, "Organization") if m.label == "Organization" else ""
        if m.source in MODEL_SOURCES and (t, word) in firsts and (t, word) not in ruled and " " not in word \
                and not is_acronym(text) and word not in generic and org_kind(text) == "other":
            if (t, text) not in seen:
                seen.add((t, text))
                decisions.append(MergeDecision(kept=text, merged=text, type="Place",
                                               reason="first word of a body of its thread named after a place: "
                                                      "Organization -> Place"))
            m = replace(m, label="Place", kind=None)
        out.append(m)
    return out, decisions


def places_typed_as_people(mentions: list[Mention]) -> tuple[list[Mention], list[MergeDecision]]:
    """A one-word name the model typed Person ("Tarrow's council") that is the first word of a
    longer place name of its thread ("Tarrow Province", "Tarrow Airport") is a place: it becomes a
    Place mention (not joined to the longer place: a city and its province are two places).
    Guards: no rule typed the word a person in the thread ("Mr Tarrow"), no full person name of the
    thread has the word ("Ann Tarrow"), and it is no common first name (first_names.tsv) or acronym."""
    first_names = lexicons()["first_names"]
    place_firsts: set[tuple[str, str]] = set()
    person_words: set[tuple[str, str]] = set()
    for m in mentions:
        t = m.evidence.thread
        if m.label == "Place":
            words = norm_name(m.text, "Place").split()
            if len(words) >= 2:
                place_firsts.add((t, words[0]))
        elif m.label == "Person":
            words = norm_name(m.text, "Person").split()
            if len(words) >= 2:
                person_words |= {(t, w) for w in words}
            elif m.source not in MODEL_SOURCES or title_of(m):
                person_words |= {(t, w) for w in words}
    out, decisions, seen = [], [], set()
    for m in mentions:
        t, text = m.evidence.thread, m.text.strip()
        word = norm_name(text, "Person") if m.label == "Person" else ""
        if m.source in MODEL_SOURCES and (t, word) in place_firsts and (t, word) not in person_words \
                and " " not in word and word not in first_names and not is_acronym(text):
            if (t, text) not in seen:
                seen.add((t, text))
                decisions.append(MergeDecision(kept=text, merged=text, type="Place",
                                               reason="first word of a place of its thread: Person -> Place"))
            m = replace(m, label="Place", kind=None)
        out.append(m)
    return out, decisions
