"""Shorter names of one longer organisation name of the thread: a word the model cut off, the
name without leading modifiers, its last word, its first word, the name without a company word."""
from __future__ import annotations

from collections import defaultdict

from graph.nlp import is_acronym, lexicons
from graph.resolve.bodies import class_name
from graph.resolve.clusters import Clusters, Node
from graph.resolve.names import resolution_lists
from graph.resolve.retype import PLACE_NAMED_KINDS


def join_short_names(cl: Clusters, nodes: list[Node]) -> None:
    """ "the Crime Agency" for "the National Crime Agency": a name of two or more words
    that is the end of exactly one longer name of its thread, which adds only words of
    short_form_modifiers.txt in front ("national", "royal"), or its parent body's acronym
    ("Radio 9" for "ZBC Radio 9", "World Service" for "ZBC World Service"), is that name."""
    mods = lexicons()["short_form_modifiers"]
    by_tail: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for c in nodes:
        w = c.words
        for k in range(1, len(w) - 1):
            if all(x in mods for x in w[:k]):
                by_tail[tuple(w[k:])].append(c)
        if len(w) >= 3 and any(len(m.text.split()) == len(w) and is_acronym(m.text.split()[0])
                               and not is_acronym(m.text.split()[1]) for m in c.mentions):
            by_tail.setdefault(tuple(w[1:]), []).append(c)
    for n in nodes:
        if len(n.words) < 2 or any(is_acronym(m.text) for m in n.mentions):
            continue
        cands = {cl.find(c.id): c for c in by_tail.get(tuple(n.words), []) if c.threads & n.threads}
        if len(cands) == 1:
            cl.union(next(iter(cands.values())).id, n.id, "short form of")


def join_last_words(cl: Clusters, nodes: list[Node]) -> None:
    """ "the Vikings" for "the Minnesota Vikings", "Qaeda" for "al Qaeda": a one-word name (not an
    acronym, not a word for a kind of body, a nationality or a generic modifier) that is the last
    word of exactly one longer name of its thread joins it ("last word of"). Guards: a longer name
    the thread uses less often than the word alone is another body; a name with "of" ("Bank of
    Westby") is not shortened to its last word. The first word alone is not enough ("Sony" is not "Sony
    Pictures": measured on the dev sets, first-word merges were wrong more often than right; see
    join_first_words for the guarded case)."""
    lex = lexicons()
    generic = ({w.lower() for w in lex["org_suffixes"] | lex["org_prefixes"] | lex["demonyms"]}
               | lex["not_entities"] | lex["short_form_modifiers"])
    by_last: dict[str, list[Node]] = defaultdict(list)
    for c in nodes:
        if len(c.words) >= 2 and not class_name(c):
            by_last[c.words[-1]].append(c)
    for n in nodes:
        if len(n.words) != 1 or n.words[0] in generic or any(is_acronym(m.text) for m in n.mentions):
            continue
        for t in sorted(n.threads):
            cands = {cl.find(c.id): c for c in by_last.get(n.words[0], ()) if t in c.threads}
            if len(cands) != 1 or cl.find(n.id) in cands:
                continue
            (root, c), = cands.items()
            if "of" in c.words:
                continue
            uses = sum(1 for x in cl.nodes if cl.find(x.id) == root for m in x.mentions if m.evidence.thread == t)
            if sum(1 for m in n.mentions if m.evidence.thread == t) > uses:
                continue
            cl.union(c.id, n.id, "last word of")
            break


# "Acme Group" and "Acme Holdings" are often the parent of the business called "Acme" (measured
# on the dev sets: "X Group" = "X" was wrong as often as right), so these words are not dropped
PARENT_WORDS = {"group", "holdings"}


def join_company_tails(cl: Clusters, nodes: list[Node]) -> None:
    """ "Quill Carbide" for "Quill Carbide Corporation", "Westby Airways" for "Westby Airways
    Group": a name that is the one longer name of its thread without its last company words
    (resolution/company_tails.txt, less PARENT_WORDS) joins it ("company word dropped")."""
    tails = resolution_lists()["company_tails"]
    generic = {w.lower() for w in lexicons()["org_suffixes"]} | lexicons()["not_entities"]
    by_short: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for c in nodes:
        w = c.words
        k = len(w)
        while k > 1 and w[k - 1] in tails - PARENT_WORDS:
            k -= 1
            by_short[tuple(w[:k])].append(c)
    for n in nodes:
        if any(is_acronym(m.text) for m in n.mentions) or (len(n.words) == 1 and n.words[0] in generic):
            continue
        for t in sorted(n.threads):
            cands = {cl.find(c.id): c for c in by_short.get(tuple(n.words), ()) if t in c.threads}
            if len(cands) == 1 and cl.find(n.id) not in cands:
                cl.union(next(iter(cands.values())).id, n.id, "company word dropped")
                break


def join_short_forms(cl: Clusters, nodes: list[Node], cut_short: set[tuple[str, str]]) -> None:
    by_first: dict[str, list[Node]] = defaultdict(list)
    for c in nodes:
        if len(c.words) >= 2 and not all("," in m.text for m in c.mentions):  # "Acme, Zenith Ltd": two names
            by_first[c.words[0]].append(c)
    for n in nodes:
        if len(n.words) != 1 or cl.find(n.id) != n.id:
            continue
        for t in sorted(n.threads):
            if (t, n.norm) not in cut_short:
                continue
            cands = {cl.find(c.id): c for c in by_first.get(n.words[0], []) if t in c.threads}
            if len(cands) == 1:
                cl.union(next(iter(cands.values())).id, n.id, "short form of")
                break


def join_first_words(cl: Clusters, nodes: list[Node]) -> None:
    """ "Quillon" for "Quillon Clinical Services": a one-word name that is the first word of exactly
    one longer organisation name of its thread joins it ("first word of") when the thread named
    the longer one first and that name ends in a word for a kind of organisation (org_suffixes.txt:
    "Services", "Partners", "Advisory"; not "Group" or "Holdings", PARENT_WORDS). Guards, since a first word is often another body ("Sony" /
    "Sony Pictures", "Nintendo" / "Nintendo of America", "Edmonton" / "Edmonton City Council",
    measured on the dev sets): the longer name has no "of" or "and" and is no body usually named
    after a place (PLACE_NAMED_KINDS); the word is no acronym, common first name, known place,
    nationality or word for a kind of body."""
    lex = lexicons()
    suffixes = {w.lower() for w in lex["org_suffixes"]} - PARENT_WORDS  # "the Quillon Officer Group" is no firm
    generic = ({w.lower() for w in lex["org_suffixes"]} | {w.lower() for w in lex["org_prefixes"] | lex["demonyms"]} | lex["not_entities"]
               | lex["short_form_modifiers"] | set(lex["first_names"]))
    places = {p.lower() for p in lex["place_names"]}
    by_first: dict[tuple[str, str], list[Node]] = defaultdict(list)  # (thread, first word) -> longer names
    for c in nodes:
        if len(c.words) >= 2 and not class_name(c):
            for t in c.threads:
                by_first[(t, c.words[0])].append(c)
    for n in nodes:
        word = n.words[0] if len(n.words) == 1 else None
        if word is None or word in generic or word in places or any(is_acronym(m.text) for m in n.mentions):
            continue
        for t in sorted(n.threads):
            cands = {cl.find(c.id): c for c in by_first.get((t, word), ())}
            if len(cands) != 1 or cl.find(n.id) in cands:
                continue
            (root, c), = cands.items()
            if c.words[-1] not in suffixes or {"of", "and"} & set(c.words) \
                    or any(m.kind in PLACE_NAMED_KINDS for m in c.mentions):
                continue
            if t not in c.first or c.first[t] > n.first[t]:
                continue  # the short word came first: it may be a body of its own
            cl.union(c.id, n.id, "first word of")
            break
