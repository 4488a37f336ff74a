"""Entity resolution: mentions -> entities, with every merge decision recorded.

`resolve(mentions, relations, overrides=None)` groups mentions into entities and maps each
relation's ends (Mention.ref) to entity keys, dropping relations whose ends did not
resolve; refs inside qualifiers (a lobbyist's client `on_behalf_of`, the `entities` a stated
conflict concerns) are mapped to keys too, unresolved ones left out. The steps, in order (each merge is a MergeDecision with its reason):

1. Names are normalised before comparison ("variant"): case, punctuation, "&" = "and",
   a leading "the", a possessive "'s", honorifics on people ("Mr", "Dr", "The Rt Hon"),
   and company legal forms ("Ltd", "plc"; ontology/patterns/entities/legal_forms.txt).
   Equal normalised names of one type are one entity, across threads too.
   Before that, two one-word names side by side ("Quill and Marsh") that an organisation's
   name elsewhere in the corpus joins ("Quill & Marsh") become one mention of it; a mention
   that a longer thread name of its type covers ("Acme" in "Acme travel") is dropped (dedupe).
2. Type vote: a one-word organisation or place the model tagged that is the surname of a
   full person name in its thread is that person (unless a rule typed it otherwise there;
   "rule.consistency" only spreads the model's guess), and so is a surname with particles
   ("Le Roux"); then one name tagged with several types (the model calls a company a person
   once in a while) takes the type it has at least twice as often as any other. An acronym of
   two or three letters that is the initials of exactly one person named in full in its
   thread and of no organisation or place named there ("JRS") is that person ("initials of").
   A one-word name the model typed Person that is the first word of exactly one longer
   organisation name of its thread ("When Acme took over" beside "Acme Health plc") is that
   organisation ("short form of"; guards in short_forms_typed_other). A one-word name the model
   typed Organization that is the first word of a body of its thread named after a place ("in
   Westby" beside "Westby Borough Council"; resolution/place_body_heads.txt) is that place, and
   one the model typed Person that is the first word of a place name of its thread ("Tarrow"
   beside "Tarrow Province"; no full name of the thread has it) is a place (not joined to it).
3. People. Full names (two or more words) with the same first and last word and one
   extra middle name merge ("middle name"); near-miss spellings of the surname with the
   same first name merge when rapidfuzz's ratio is >= PERSON_FUZZY (88) and the surname
   has 6+ letters ("fuzzy NN"); a near-miss first name with the same other names in one
   thread merges ("fuzzy first name NN": ratio >= PERSON_FIRST_FUZZY (80), 5+ letters, same
   first letter, neither a common first name); "J. R. Smith" joins the one "John Robert
   Smith" of its thread ("initials for first names"). A one-word name ("Smith", "Mr Smith")
   joins the unique full name in its own thread that ends with it ("surname of"; also before
   a generational suffix, "William Roe II", resolution/name_suffixes.txt), or that starts
   with it ("first name of"); failing that, the unique full name in the whole corpus ending
   with it ("surname of, other thread"). A name of several words that is a surname alone
   ("al-Amin", "de la Vega"; resolution/surname_particles.txt) joins the one longer full
   name of its thread ending with it ("surname of"). Guard: with two or more candidates
   ("John Smith" and "Jane Smith") the bare name stays ambiguous: it becomes no entity and
   is logged as kept apart, unless only one of them was named in the thread before the bare
   name first comes ("surname of, the only one named before it": a namesake introduced
   later is written in full); a title's gender ("Mr" vs "Ms") rules out a candidate of the
   other gender (known from a title or a common first name,
   ontology/patterns/entities/first_names.tsv), and two clusters of different genders never
   merge.
4. Organisations and places. An acronym defined in the text ("Ministry of Defence (MoD)")
   joins its expansion ("acronym defined"); another acronym joins the unique name whose
   initials it is, in its thread first, then in the corpus ("initials of"; also initials
   without a leading country or nationality or a trailing company word, and dotted
   abbreviations: "U.S."). A name ending in an acronym of the rest of the one longer name of
   its thread with the same first words ("Westby ICB" for "Westby Integrated Care Board") joins
   it ("acronym of the rest of its name"), and the acronym alone follows it in that thread. A one-word name the model once cut off a longer name of its
   thread joins that name there, when it is the only one starting with the word ("short
   form of"), and a name that the one longer name of its thread extends only by generic
   leading words ("Crime Agency" of "National Crime Agency"; short_form_modifiers.txt) joins
   it ("short form of"); so does a one-word name that is the last word of the one longer
   name of its thread ("the Vikings" of "the Minnesota Vikings"; "last word of"; guards in
   join_last_words), and a name that is the one longer name of its thread without a last
   company word ("Acme Motors" of "Acme Motors Corporation"; resolution/company_tails.txt;
   "company word dropped"), and a one-word name that is the first word of the one longer name
   of its thread, named before it and ending in a word for a kind of organisation ("Quorvel"
   after "Quorvel Partners"; "first word of"; guards in join_first_words). A body the text
   names by a common noun ("the council", "the trust";
   resolution/generic_bodies.txt) joins the one organisation of its thread headed by that word
   ("Westby Borough Council", "Council of Westby"; "the only council of its thread"); with two it stays apart (logged). Near-miss spellings merge at rapidfuzz ratio >= ORG_FUZZY (92)
   for names of 6+ characters with the same first letter and the same digits, when each
   word that differs is a near miss of its counterpart ("fuzzy NN"; "Art" and "Craft" are
   two words); comparing only within those blocks keeps a corpus of thousands of names fast
   (8,500 Re-DocRED mentions resolve in under 1 s).
5. Contracts (label "Contract"): one entity per normalised subject text + buyer, their attrs
   merged (first value wins; lists are joined); a contract told without its buyer joins the
   unique one with the same subject whose buyer is known (its thread first).
6. A cluster naming only a class of organisations ("Regional Health Trusts",
   class_plurals.txt; with its acronyms, singular too) is no entity.
7. Before 3 and 4: a name the text gives as another name of one before it in the sentence ("X
   is officially known as Y", "X, also called Y"; not "formerly known as") joins it ("alias").
   Before everything: an acronym its thread uses as a common noun or a scheme ("how many POs",
   "an SFO may be committed", "the Transforming Rehabilitation programme" for "TR") is no entity
   in that thread (graph.extract.thread_mentions.common_acronym_marks; dedupe drops it).
8. After the entities are made: a person named only by a post ("the Chief Insp of Fisheries")
   is the one person its thread names who holds that post now, compared in the post's comparison
   form (graph.resolve.roles: abbreviations expanded, "HM" and "the" dropped, case-folded; at
   the same organisation), or, failing that, differing only by a rank word on one side ("Chief")
   when the role names its domain and the thread names exactly one holder of it ("holder of that
   post, named in the thread"; posts.py has the guards).
9. Overrides (TOML): [[merge]] names = ["A", "B"] forces a merge; [[keep_apart]] names =
   ["A", "B"] forbids any merge that would put A and B in one entity.

The steps live in the modules of this package, one job each: names (normalising), mentions
(clean-up before clustering), retype (step 2), clusters (nodes and the union-find), people
(step 3), orgs, acronyms, short_forms, bodies (step 4 and 6), contracts (step 5), overrides (9),
entities (assembly and the merge log), posts and roles (8), relations (ends to entity keys).

Keys are deterministic: "person:jane roe", "org:acme", "place:calderdale",
"contract:...", with "~2", "~3" added when two entities would share one.
"""
from __future__ import annotations

from pathlib import Path

from graph.model import Entity, MergeDecision, Mention, Relation
from graph.resolve.clusters import Clusters, join_aliases, make_nodes
from graph.resolve.contracts import resolve_contracts
from graph.resolve.entities import ENTITY_LABELS, assemble_entities
from graph.resolve.mentions import dedupe, drop_common, joined_names, names_cut_short
from graph.resolve.names import norm_name
from graph.resolve.orgs import resolve_names
from graph.resolve.overrides import force_merge, keep_apart_pairs, read_overrides
from graph.resolve.people import resolve_people
from graph.resolve.posts import post_holders
from graph.resolve.relations import drop_unused_generic, map_relations
from graph.resolve.retype import (people_initials, places_of_bodies, places_typed_as_people,
                                  short_forms_typed_other, surnames_typed_as_orgs, type_vote)

__all__ = ["dedupe", "norm_name", "resolve"]


def resolve(mentions: list[Mention], relations: list[Relation], overrides: Path | str | None = None
            ) -> tuple[dict[str, Entity], list[Relation], list[MergeDecision]]:
    """(entities by key, relations with entity keys for ends, the merge decisions, sorted)."""
    merge_lists, apart_lists = read_overrides(overrides)
    mentions, cut_short, decisions = _clean_and_retype(mentions, relations, apart_lists)
    contracts = [m for m in mentions if m.label == "Contract"]
    nodes = make_nodes([m for m in mentions if m.label != "Contract"])
    cl = Clusters(nodes, keep_apart_pairs(apart_lists))
    join_aliases(cl, nodes)
    resolve_people(cl, [n for n in nodes if n.label == "Person"], decisions)
    for label in ("Organization", "Place"):
        resolve_names(cl, [n for n in nodes if n.label == label], cut_short)
    for names in merge_lists:
        force_merge(cl, nodes, names)
    decisions += cl.refused

    entities, ref_to_key, assembled = assemble_entities(cl)
    decisions += assembled
    for ent in resolve_contracts(contracts, entities, decisions):
        entities[ent.key] = ent
        for m in ent.mentions:
            ref_to_key[m.ref] = ent.key
    decisions += post_holders(entities, ref_to_key, relations, apart_lists)

    out_rel = map_relations(relations, entities, ref_to_key)
    drop_unused_generic(entities, out_rel)
    decisions = sorted(set(decisions), key=lambda d: (d.type, d.kept, d.merged, d.reason, d.merged_apart))
    return entities, out_rel, decisions


def _clean_and_retype(mentions: list[Mention], relations: list[Relation], apart_lists: list[list[str]]
                      ) -> tuple[list[Mention], set[tuple[str, str]], list[MergeDecision]]:
    """The mention passes before clustering (steps 1, 2 and 7 of the module doc), in order:
    (mentions, (thread, word) the model cut off a longer name, decisions)."""
    decisions: list[MergeDecision] = []
    mentions, dropped = drop_common(mentions)
    decisions += dropped
    mentions = [m for m in mentions if m.label in ENTITY_LABELS]
    cut_short = names_cut_short(mentions)
    mentions = dedupe(mentions)
    for step in (joined_names, surnames_typed_as_orgs):
        mentions, done = step(mentions)
        decisions += done
    mentions, done = type_vote(mentions, relations)
    decisions += done
    for step in (places_of_bodies, places_typed_as_people):
        mentions, done = step(mentions)
        decisions += done
    mentions, done = people_initials(mentions, apart_lists)
    decisions += done
    mentions, short, done = short_forms_typed_other(mentions)
    decisions += done
    return mentions, cut_short | short, decisions
