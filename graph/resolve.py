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
   organisation ("short form of"; guards in _short_forms_typed_other).
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
   abbreviations: "U.S."). A one-word name the model once cut off a longer name of its
   thread joins that name there, when it is the only one starting with the word ("short
   form of"), and a name that the one longer name of its thread extends only by generic
   leading words ("Crime Agency" of "National Crime Agency"; short_form_modifiers.txt) joins
   it ("short form of"); so does a one-word name that is the last word of the one longer
   name of its thread ("the Vikings" of "the Minnesota Vikings"; "last word of"; guards in
   _last_words), and a name that is the one longer name of its thread without a last
   company word ("Acme Motors" of "Acme Motors Corporation"; resolution/company_tails.txt;
   "company word dropped"). A body the text names by a common noun ("the council", "the trust";
   resolution/generic_bodies.txt) joins the one organisation of its thread whose name ends with
   that word ("the only council of its thread"); with two it stays apart (logged). Near-miss spellings merge at rapidfuzz ratio >= ORG_FUZZY (92)
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
   in that thread (graph.extract.entities.common_acronym_marks; dedupe drops it).
8. Overrides (TOML): [[merge]] names = ["A", "B"] forces a merge; [[keep_apart]] names =
   ["A", "B"] forbids any merge that would put A and B in one entity.

Keys are deterministic: "person:jane roe", "org:acme", "place:calderdale",
"contract:...", with "~2", "~3" added when two entities would share one.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from graph.model import Entity, MergeDecision, Mention, Relation
from graph.nlp import CONTEXT_RULES, acronym_letters, initials, is_acronym, lexicons, not_a_body, read_list

PERSON_FUZZY = 88
PERSON_FIRST_FUZZY = 80
ORG_FUZZY = 92
PREFIX = {"Person": "person", "Organization": "org", "Place": "place", "Contract": "contract"}
ENTITY_LABELS = set(PREFIX)

RESOLUTION_DIR = Path(__file__).resolve().parent.parent / "ontology" / "patterns" / "resolution"

_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


# --------------------------------------------------------------------------- normalising

@lru_cache(maxsize=1)
def resolution_lists() -> dict[str, set[str]]:
    """The word lists of ontology/patterns/resolution/ (one lower-case entry a line)."""
    return {p.stem: {w.lower() for w in read_list(p.name, RESOLUTION_DIR)} for p in RESOLUTION_DIR.glob("*.txt")}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return text.casefold()


def strip_possessive(text: str) -> str:
    return re.sub(r"(?:'s|'|’s|’)$", "", text.strip())


def split_title(text: str) -> tuple[str | None, str]:
    """("Mr", "Smith") for "Mr Smith"; honorifics come from honorifics.tsv."""
    hon = lexicons()["honorifics"]
    words = text.split()
    titles = []
    while len(words) > 1 and (words[0] in hon or words[0].lower() == "the" and len(words) > 2 and words[1] in hon):
        titles.append(words.pop(0))
    return (" ".join(titles) or None), " ".join(words)


def gender_of(title: str | None) -> str | None:
    if not title:
        return None
    hon = lexicons()["honorifics"]
    for w in title.split():
        g = hon.get(w)
        if g in ("m", "f"):
            return g
    return None


def norm_name(text: str, label: str) -> str:
    """The comparison form of a name (see step 1 above)."""
    t = strip_possessive(text)
    if label == "Person":
        t = split_title(t)[1]
    t = _fold(t)
    t = re.sub(r"\s*&\s*", " and ", t)
    t = _PUNCT.sub(" ", t)
    words = _SPACES.sub(" ", t).strip().split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if label == "Organization":
        legal = lexicons()["legal_forms"]
        while len(words) > 1 and words[-1] in legal:
            words = words[:-1]
    return " ".join(words)


# --------------------------------------------------------------------------- union-find

@dataclass
class Node:
    """All mentions sharing one normalised name (one-word people: per thread)."""

    id: int
    label: str
    norm: str
    mentions: list[Mention] = field(default_factory=list)
    reason: str | None = None  # why it joined the cluster it is in
    threads: set[str] = field(default_factory=set)
    ambiguous: str | None = None
    expansion: str | None = None  # a defined acronym's long form that no mention spells out
    first: dict[str, tuple[int, int]] = field(default_factory=dict)  # thread -> where it is first named
    joined: int | None = None  # the node it was joined to, with `reason`

    @property
    def words(self) -> list[str]:
        return self.norm.split()

    def genders(self) -> set[str]:
        """From titles ("Mr", "Ms") and, for full names, a common first name (first_names.tsv)."""
        found = {g for m in self.mentions if (g := gender_of(_title(m)))}
        if self.label == "Person" and len(self.words) >= 2:
            g = lexicons()["first_names"].get(self.words[0])
            if g:
                found.add(g)
        return found


def _title(m: Mention) -> str | None:
    t = m.attrs.get("title") if m.attrs else None
    return t or split_title(m.text)[0]


class Clusters:
    def __init__(self, nodes: list[Node], keep_apart: list[tuple[str, str]]):
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.norms = [{n.norm} for n in nodes]
        self.genders = [n.genders() for n in nodes]
        self.keep_apart = keep_apart
        self.refused: list[MergeDecision] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def blocked(self, a: int, b: int) -> str | None:
        ra, rb = self.find(a), self.find(b)
        ga, gb = self.genders[ra], self.genders[rb]
        if ga and gb and ga != gb:
            return "gender clash"
        for x, y in self.keep_apart:
            if (x in self.norms[ra] and y in self.norms[rb]) or (y in self.norms[ra] and x in self.norms[rb]):
                return "override: keep apart"
        return None

    def union(self, keep: int, merge: int, reason: str, force: bool = False) -> bool:
        ra, rb = self.find(keep), self.find(merge)
        if ra == rb:
            return False
        why = None if force else self.blocked(ra, rb)
        if why:
            n_keep, n_merge = self.nodes[keep], self.nodes[merge]
            self.refused.append(MergeDecision(kept=_display(n_keep), merged=_display(n_merge),
                                              reason=f"{why} (not {reason})", type=n_keep.label, merged_apart=True))
            return False
        self.parent[rb] = ra
        self.norms[ra] |= self.norms[rb]
        self.genders[ra] |= self.genders[rb]
        if self.nodes[merge].reason is None:
            self.nodes[merge].reason = reason
            self.nodes[merge].joined = keep
        return True

    def groups(self) -> dict[int, list[Node]]:
        out: dict[int, list[Node]] = defaultdict(list)
        for n in self.nodes:
            out[self.find(n.id)].append(n)
        return out


def _display(node: Node) -> str:
    return Counter(m.text for m in node.mentions).most_common(1)[0][0] if node.mentions else node.norm


# --------------------------------------------------------------------------- overrides

def read_overrides(path: Path | str | None) -> tuple[list[list[str]], list[list[str]]]:
    """([[names to merge]], [[names to keep apart]]) from a TOML overrides file."""
    if path is None:
        return [], []
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read overrides {path}: {exc}") from exc

    def lists(key: str) -> list[list[str]]:
        out = []
        for i, entry in enumerate(data.get(key, [])):
            names = entry.get("names") if isinstance(entry, dict) else None
            if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
                raise ValueError(f"{path}: [[{key}]] entry {i + 1} needs names = [\"A\", \"B\", ...]")
            out.append(names)
        return out

    return lists("merge"), lists("keep_apart")


# --------------------------------------------------------------------------- resolve

def resolve(mentions: list[Mention], relations: list[Relation], overrides: Path | str | None = None
            ) -> tuple[dict[str, Entity], list[Relation], list[MergeDecision]]:
    merge_lists, apart_lists = read_overrides(overrides)
    decisions: list[MergeDecision] = []
    mentions, dropped = _drop_common(mentions)
    decisions += dropped
    mentions = [m for m in mentions if m.label in ENTITY_LABELS]
    cut_short = _cut_short(mentions)
    mentions = dedupe(mentions)
    mentions, joined = _joined_names(mentions)
    decisions += joined
    mentions, retyped = _surnames_typed_as_orgs(mentions)
    decisions += retyped
    mentions, retyped = _type_vote(mentions, relations)
    decisions += retyped
    mentions, retyped = _people_initials(mentions, apart_lists)
    decisions += retyped
    mentions, short, retyped = _short_forms_typed_other(mentions)
    decisions += retyped
    cut_short |= short

    contracts = [m for m in mentions if m.label == "Contract"]
    named = [m for m in mentions if m.label != "Contract"]

    nodes = _make_nodes(named)
    keep_apart = []
    for names in apart_lists:
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                keep_apart += [(norm_name(a, "Person"), norm_name(b, "Person")),
                               (norm_name(a, "Organization"), norm_name(b, "Organization"))]
    cl = Clusters(nodes, keep_apart)
    _aliases(cl, nodes)
    _resolve_people(cl, [n for n in nodes if n.label == "Person"], decisions)
    for label in ("Organization", "Place"):
        _resolve_names(cl, [n for n in nodes if n.label == label], cut_short)
    for names in merge_lists:
        _force_merge(cl, nodes, names)
    decisions += cl.refused

    entities: dict[str, Entity] = {}
    ref_to_key: dict[str, str] = {}
    groups = sorted(cl.groups().values(), key=lambda g: min(_order(m) for n in g for m in n.mentions))
    classes = _class_acronyms(groups)
    for group in groups:
        live = [n for n in group if not n.ambiguous]
        if not live or _is_class(live, classes) or any(
                m.expansion and not_a_body(m.expansion) for n in live for m in n.mentions):
            continue  # a class of bodies, or an acronym defined as a scheme ("Welfare Review (WR)")
        ent = _entity(live, entities)
        entities[ent.key] = ent
        for n in live:
            for m in n.mentions:
                ref_to_key[m.ref] = ent.key
        decisions += _decisions(ent, live)
    for ent in _contracts(contracts, entities, decisions):
        entities[ent.key] = ent
        for m in ent.mentions:
            ref_to_key[m.ref] = ent.key

    decisions += _post_holders(entities, ref_to_key, relations, apart_lists)

    out_rel = []
    for rel in relations:
        s = ref_to_key.get(rel.subject)
        o = ref_to_key.get(rel.object) if rel.object is not None else None
        if s is None or (rel.object is not None and o is None):
            continue
        if rel.kind == "post" and o is not None and _generic_only(entities[o]):
            o = None  # "the council's director" where the thread names no one council: the role alone
        out_rel.append(replace(rel, subject=s, object=o, qualifiers=_resolve_qualifiers(rel.qualifiers, ref_to_key)))
    used = {k for r in out_rel for k in (r.subject, r.object)}
    for r in out_rel:  # entity keys inside qualifiers ("on_behalf_of", a conflict's "entities")
        for v in r.qualifiers.values():
            used |= {x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and x in entities}
    for k in [k for k, e in entities.items() if k not in used and _generic_only(e)]:
        del entities[k]  # a body named only by its noun exists for the facts told of it
    decisions = sorted(set(decisions), key=lambda d: (d.type, d.kept, d.merged, d.reason, d.merged_apart))
    return entities, out_rel, decisions


def _generic_only(ent: Entity) -> bool:
    """Named only by a common noun ("the council") and joined to no named body."""
    return ent.type == "Organization" and all(m.attrs and m.attrs.get("generic") for m in ent.mentions)


def _post_holders(entities: dict[str, Entity], ref_to_key: dict[str, str], relations: list[Relation],
                  apart: list[list[str]] = ()) -> list[MergeDecision]:
    """A person named only by a post ("the Deputy Director of Acme") is the one person the same
    thread names who holds that post now, at that organisation: one entity, not a nameless double.
    Only an exact post (role words and organisation) with exactly one named holder counts."""
    held: dict[str, set[tuple[str, str, str]]] = defaultdict(set)  # entity -> (thread, role, org) held now
    for rel in relations:
        if rel.kind != "post" or rel.object is None or rel.qualifiers.get("current") is not True:
            continue
        subj, org = ref_to_key.get(rel.subject), ref_to_key.get(rel.object)
        role = " ".join(str(rel.qualifiers.get("role") or "").casefold().split())
        if subj and org and role:
            held[subj].add((rel.evidence.thread, role, org))
    nameless = {k for k, e in entities.items() if e.type == "Person" and e.mentions
                and all(m.attrs and m.attrs.get("role") for m in e.mentions)}
    kept_apart = [{_fold(n) for n in names} for names in apart]
    out = []
    for k in sorted(nameless):
        holders = {h for h, ps in held.items() if h not in nameless and ps & held.get(k, set())}
        if len(holders) != 1:
            continue
        h = holders.pop()
        ent, holder = entities[k], entities[h]
        if any({_fold(ent.name), _fold(holder.name)} <= names for names in kept_apart):
            continue
        holder.mentions = sorted(holder.mentions + ent.mentions, key=_order)
        for m in ent.mentions:
            ref_to_key[m.ref] = h
        del entities[k]
        out.append(MergeDecision(kept=holder.name, merged=ent.name, reason="holder of that post, named in the thread",
                                 type="Person"))
    return out


# Qualifiers that name further mentions (Mention.ref before resolution): the RDF writer
# expects entity keys there. A single ref whose mention did not resolve is dropped; a list
# keeps the refs that resolved, each entity once, in order.
REF_QUALIFIERS = ("on_behalf_of",)  # lobbied: the client a lobbyist acted for
REF_LIST_QUALIFIERS = ("entities",)  # coi_stated: the people and organisations it concerns


def _resolve_qualifiers(q: dict[str, object], ref_to_key: dict[str, str]) -> dict[str, object]:
    if not q or not any(k in q for k in REF_QUALIFIERS + REF_LIST_QUALIFIERS):
        return q
    out = dict(q)
    for k in REF_QUALIFIERS:
        if k in out:
            key = ref_to_key.get(out[k]) if isinstance(out[k], str) else None
            if key is None:
                del out[k]
            else:
                out[k] = key
    for k in REF_LIST_QUALIFIERS:
        if k in out:
            refs = out[k] if isinstance(out[k], (list, tuple)) else ()
            out[k] = list(dict.fromkeys(ref_to_key[r] for r in refs if isinstance(r, str) and r in ref_to_key))
    return out


def dedupe(mentions) -> list[Mention]:
    """One mention per span: where two stages typed the same span, the NER/rule mention wins."""
    mentions, _ = _drop_common(mentions)
    best: dict[str, Mention] = {}
    order: list[str] = []
    for m in mentions:
        prev = best.get(m.ref)
        if prev is None:
            best[m.ref] = m
            order.append(m.ref)
        elif not _primary(prev) and _primary(m):
            best[m.ref] = m
    out = [best[r] for r in order]
    # a thread name found over a shorter mention of its type ("Acme travel" for "Acme Travel",
    # see propagate_names) replaces it
    wide: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for m in out:
        if m.source == "rule.thread_name":
            ev = m.evidence
            wide[(ev.thread, ev.message)].append((ev.start, ev.end, m.label))
    if not wide:
        return out
    return [m for m in out if not any(
        a <= m.evidence.start and m.evidence.end <= b and b - a > m.evidence.end - m.evidence.start and lab == m.label
        for a, b, lab in wide.get((m.evidence.thread, m.evidence.message), ()))]


def _drop_common(mentions) -> tuple[list[Mention], list[MergeDecision]]:
    """Drop the mentions of an acronym that its thread uses as a common noun or a scheme (marks of
    label "Common" from graph.extract.entities.common_acronym_marks: "how many POs", "the
    Transforming Rehabilitation programme" for "TR"); the marks go too."""
    marks = {(m.evidence.thread, m.attrs.get("letters")): m for m in mentions if m.label == "Common"}
    if not marks:
        return list(mentions), []
    out, decisions, seen = [], [], set()
    for m in mentions:
        if m.label == "Common":
            continue
        text = m.text.strip()
        # (also the acronym in another case that propagate_names found from it: "crc" for "CRC")
        shaped = is_acronym(text) or m.source == "rule.thread_name" and text.isalpha()
        mark = marks.get((m.evidence.thread, acronym_letters(text) if is_acronym(text) else text.lower())) \
            if " " not in text and shaped else None
        if mark is not None and m.label in ("Person", "Organization", "Place"):
            if (m.evidence.thread, text) not in seen:
                seen.add((m.evidence.thread, text))
                decisions.append(MergeDecision(kept=text, merged=mark.text, type=m.label, merged_apart=True,
                                               reason=f"no entity: a common noun in its thread ({mark.attrs.get('why')})"))
            continue
        out.append(m)
    return out, decisions


def _primary(m: Mention) -> bool:
    return m.source == "ner" or m.source.startswith("rule.")


def _order(m: Mention) -> tuple:
    ev = m.evidence
    return ev.thread, ev.message, ev.start, ev.end


# Relation kinds whose ends can only be organisations (subject, object); each such end is a
# vote of weight RELATION_VOTE for that type in the type vote ("Acme renamed itself Zenith").
ORG_ENDS = {"partner": (True, True), "unit_of": (True, True), "renamed": (True, True), "owned_by": (True, False),
            "bid": (True, False), "buyer": (False, True)}
RELATION_VOTE = 2
CONTEXT_VOTE = 4


def _type_vote(mentions: list[Mention], relations: list[Relation] = ()
               ) -> tuple[list[Mention], list[MergeDecision]]:
    """One name tagged with several types takes the type it has at least twice as often.

    Votes: one per mention (two when a rule set its type from the name's shape, CONTEXT_VOTE
    when a rule read it from the words around the name), plus RELATION_VOTE
    for Organization per end of a relation that only organisations can have (ORG_ENDS).
    """
    by_name: dict[str, Counter] = defaultdict(Counter)
    by_ref = {m.ref: m for m in mentions}
    for m in mentions:
        if m.label in ("Person", "Organization", "Place"):
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


def _joined_names(mentions: list[Mention]) -> tuple[list[Mention], list[MergeDecision]]:
    """Two one-word names the model tagged side by side, "Quill and Marsh" (or "Quill & Marsh"),
    that are an organisation's name written elsewhere in the corpus ("Quill & Marsh" as a firm)
    are one mention of that organisation, not two people."""
    orgs = {norm_name(m.text, "Organization") for m in mentions if m.label == "Organization" and " and " in
            norm_name(m.text, "Organization")}
    if not orgs:
        return mentions, []
    out: list[Mention] = []
    decisions: list[MergeDecision] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and a.label in ("Person", "Organization") and b.label in ("Person", "Organization") \
                and (a.evidence.thread, a.evidence.message) == (b.evidence.thread, b.evidence.message) \
                and b.evidence.start - a.evidence.end in (3, 5) and " " not in a.text.strip() + b.text.strip():
            joiner = " and " if b.evidence.start - a.evidence.end == 5 else " & "
            text = a.text + joiner + b.text
            if norm_name(text, "Organization") in orgs:
                ev = replace(a.evidence, end=b.evidence.end, quote=text)
                out.append(Mention(text=text, label="Organization", evidence=ev, source="rule.joined_name"))
                decisions.append(MergeDecision(kept=text, merged=f"{a.text}; {b.text}",
                                               reason="two names that an organisation's name joins", type="Organization"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out, decisions


# The model's own types: "rule.consistency" only spreads the model's majority type for a name to
# its other occurrences (graph.nlp), so it is no evidence of its own.
MODEL_SOURCES = {"ner", "rule.consistency"}


def _surnames_typed_as_orgs(mentions: list[Mention]) -> tuple[list[Mention], list[MergeDecision]]:
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


def _short_forms_typed_other(mentions: list[Mention]
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
            if _PUNCT.sub(" ", _fold(m.text)).split()[-1] in company_tails:
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


def _person_initials(norm: str) -> set[str]:
    """ "jr", "jrq" for "john robert quill": the letters of all names, and of first and last."""
    w = norm.split()
    return {"".join(x[0] for x in w), w[0][0] + w[-1][0]} if len(w) >= 2 else set()


def _people_initials(mentions: list[Mention], apart: list[list[str]] = ()
                     ) -> tuple[list[Mention], list[MergeDecision]]:
    """An acronym of two or three letters ("JRQ") that is the initials of exactly one person named
    in full in its thread, and of no organisation or place named there, is that person: an
    organisation-typed one becomes a Person mention (_resolve_people then joins it), unless the
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
            others[m.evidence.thread] |= set(_initial_forms(m.text))
    if not people:
        return mentions, []
    out, decisions, seen = [], [], set()
    for m in mentions:
        t = m.evidence.thread
        letters = acronym_letters(m.text.strip()) if is_acronym(m.text.strip()) and not m.expansion else None
        if m.label == "Organization" and letters and 2 <= len(letters) <= 3 and letters not in others[t]:
            who = [p for p in people[t] if letters in _person_initials(p)]
            if len(who) == 1 and frozenset((norm_name(m.text, "Person"), who[0])) not in kept_apart:
                if (t, m.text) not in seen:
                    seen.add((t, m.text))
                    decisions.append(MergeDecision(kept=m.text, merged=m.text, type="Person",
                                                   reason="initials of a person in the thread: Organization -> Person"))
                m = replace(m, label="Person", kind=None)
        out.append(m)
    return out, decisions


def _make_nodes(mentions: list[Mention]) -> list[Node]:
    index: dict[tuple, Node] = {}
    nodes: list[Node] = []
    rank: dict[tuple[str, str], int] = {}  # messages in the order the mentions come (thread order)
    for m in mentions:
        norm = norm_name(m.text, m.label)
        if not norm:
            continue
        # one-word people resolve within their thread first, so they are kept per thread
        # and per gender, so that "Mr Smith" and "Ms Smith" start apart
        scope = (m.evidence.thread, gender_of(_title(m))) if m.label == "Person" and len(norm.split()) == 1 else ""
        if m.label == "Organization" and (norm in resolution_lists()["generic_bodies"]
                                          or (m.attrs and m.attrs.get("generic"))):
            scope = m.evidence.thread  # "the council" / "the government" of one thread is not that of another
        key = (m.label, norm, scope)
        node = index.get(key)
        if node is None:
            node = index[key] = Node(id=len(nodes), label=m.label, norm=norm)
            nodes.append(node)
        node.mentions.append(m)
        node.threads.add(m.evidence.thread)
        ev = m.evidence
        at = (rank.setdefault((ev.thread, ev.message), len(rank)), ev.start)
        if ev.thread not in node.first or at < node.first[ev.thread]:
            node.first[ev.thread] = at
    return nodes


def _aliases(cl: Clusters, nodes: list[Node]) -> None:
    """ "X is officially known as Y", "X, also called Y": the text named Y as another name of X
    (graph.extract.entities marks Y with attrs["alias_of"] = X's ref); same type only."""
    by_ref = {m.ref: n for n in nodes for m in n.mentions}
    for n in nodes:
        for m in n.mentions:
            x = by_ref.get(m.attrs.get("alias_of")) if m.attrs else None
            if x is not None and x.label == n.label:
                cl.union(x.id, n.id, "alias (known as / called)")


def _surname_only(node: Node) -> bool:
    """A person's name of several words that is a surname alone: one hyphenated or apostrophised
    word ("al-Momani", "D'Arcy") or particles before one word ("de la Vega", "Le Roux";
    ontology/patterns/resolution/surname_particles.txt)."""
    if len(node.words) < 2:
        return False
    if all(len(split_title(strip_possessive(m.text))[1].split()) == 1 for m in node.mentions):
        return True
    return all(w in resolution_lists()["surname_particles"] for w in node.words[:-1])


def _initialled(short: list[str], long: list[str]) -> bool:
    """ "J. R. Quill" for "John Robert Quill": one surname, as many names, each of the others
    the same or one letter that begins it (at least one such initial)."""
    if len(short) != len(long) or len(short) < 2 or short[-1] != long[-1]:
        return False
    initial = False
    for x, y in zip(short[:-1], long[:-1]):
        if x == y:
            continue
        if len(x) == 1 and len(y) > 1 and y[0] == x:
            initial = True
            continue
        return False
    return initial


def _resolve_people(cl: Clusters, people: list[Node], decisions: list[MergeDecision]) -> None:
    full = [n for n in people if len(n.words) >= 2]
    single = [n for n in people if len(n.words) == 1]
    # full names: a middle name more or less, or a near-miss surname (same first name)
    same_first: dict[str, list[Node]] = defaultdict(list)
    for n in full:
        same_first[n.words[0]].append(n)
    pairs = ((a, b) for group in same_first.values() for i, a in enumerate(group) for b in group[i + 1:])
    for a, b in pairs:
        wa, wb = a.words, b.words
        if wa[-1] == wb[-1] and abs(len(wa) - len(wb)) == 1:
            keep, merge = (a, b) if len(wa) > len(wb) else (b, a)
            cl.union(keep.id, merge.id, "middle name")
        elif len(wa) == len(wb) and wa[:-1] == wb[:-1] and min(len(wa[-1]), len(wb[-1])) >= 6:
            score = fuzz.ratio(wa[-1], wb[-1])
            if score >= PERSON_FUZZY:
                keep, merge = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
                cl.union(keep.id, merge.id, f"fuzzy {score:.0f}")
    # a near-miss first name with the same other names, in one thread ("Bashir al-Quds" for
    # "Bashar al-Quds"), when neither is a common first name (first_names.tsv: "Martin" and
    # "Marvin" are two names, not one misspelt)
    known = lexicons()["first_names"]
    same_rest: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for n in full:
        same_rest[tuple(n.words[1:])].append(n)
    for group in same_rest.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                x, y = a.words[0], b.words[0]
                if x[0] != y[0] or min(len(x), len(y)) < 5 or x in known or y in known or not a.threads & b.threads:
                    continue
                score = fuzz.ratio(x, y)
                if score >= PERSON_FIRST_FUZZY:
                    keep, merge = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
                    cl.union(keep.id, merge.id, f"fuzzy first name {score:.0f}")
    by_last: dict[str, list[Node]] = defaultdict(list)
    by_first: dict[str, list[Node]] = defaultdict(list)
    suffixes = resolution_lists()["name_suffixes"]
    for n in full:
        by_last[n.words[-1]].append(n)
        by_first[n.words[0]].append(n)
        if len(n.words) >= 3 and n.words[-1] in suffixes:  # "Quill" of "Tom Quill II"
            by_last[n.words[-2]].append(n)

    def distinct(cands: list[Node]) -> list[Node]:
        roots = {}
        for c in cands:
            roots.setdefault(cl.find(c.id), c)
        return list(roots.values())

    def pick(node: Node, cands: list[Node]) -> list[Node]:
        gender = node.genders()
        cands = distinct(cands)
        if any(not _surname_only(c) for c in cands):  # a full name is a better match than a surname
            cands = [c for c in cands if not _surname_only(c)]
        if gender:
            cands = [c for c in cands if not (cl.genders[cl.find(c.id)] and cl.genders[cl.find(c.id)] != gender)]
        return cands

    def first_named(c: Node, thread: str) -> tuple[int, int] | None:
        """Where the thread first names c's person (by any of its full names)."""
        root = cl.find(c.id)
        return min((n.first[thread] for n in full if thread in n.first and cl.find(n.id) == root), default=None)

    # initials for first names: "J. R. Quill" is the one "John Robert Quill" of its thread
    # (fewest initials first: "John H. Quill" joins "John Henry Quill" before "J. H. Quill" looks)
    for n in sorted(full, key=lambda n: sum(len(w) == 1 for w in n.words[:-1])):
        if not any(len(w) == 1 for w in n.words[:-1]):
            continue
        cands = distinct([c for c in by_last.get(n.words[-1], []) if c is not n and c.threads & n.threads
                          and _initialled(n.words, c.words) and cl.find(c.id) != cl.find(n.id)])
        if len(cands) == 1:
            cl.union(cands[0].id, n.id, "initials for first names")
    # a surname of several words ("al-Momani", "de la Vega") joins the one longer full name of
    # its thread that ends with it
    for n in full:
        if not _surname_only(n):
            continue
        k = len(n.words)
        for t in sorted(n.threads):
            cands = pick(n, [c for c in by_last.get(n.words[-1], []) if len(c.words) > k and c.words[-k:] == n.words
                             and t in c.threads and not _surname_only(c)])
            before = [c for c in cands if (f := first_named(c, t)) is not None and f < n.first[t]]
            if len(cands) == 1 or len(before) == 1:
                cl.union((cands if len(cands) == 1 else before)[0].id, n.id,
                         "surname of" if len(cands) == 1 else "surname of, the only one named before it")
                break

    leftovers = []
    for node in sorted(single, key=lambda n: (min(n.threads), n.norm)):
        word = node.norm
        thread = next(iter(node.threads))
        local_last = pick(node, [c for c in by_last.get(word, []) if thread in c.threads])
        stem = word[:-1] if word.endswith("s") and len(word) > 4 else None
        local_stem = pick(node, [c for c in by_last.get(stem, []) if thread in c.threads]) if stem else []
        local_first = pick(node, [c for c in by_first.get(word, []) if thread in c.threads])
        glob_last = pick(node, by_last.get(word, []))
        if all(is_acronym(m.text.strip()) for m in node.mentions) and 2 <= len(word) <= 3:
            local_last = pick(node, [c for c in full if thread in c.threads and word in _person_initials(c.norm)])
            local_stem = local_first = glob_last = []
            reason_last = "initials of"
        else:
            reason_last = "surname of"
        for cands, reason in ((local_last, reason_last), (local_stem if not local_last else [], "possessive of"),
                              (local_first if not local_last and not local_stem else [], "first name of"),
                              (glob_last if not local_last and not local_first and not local_stem else [],
                               "surname of, other thread")):
            if len(cands) == 1:
                cl.union(cands[0].id, node.id, reason)
                break
            if len(cands) > 1 and not reason.endswith("other thread"):
                # namesakes: when the bare name first came, only one of them had been named
                # ("Tom Bramble ... Bramble ... his son Ned Bramble")
                at = node.first[thread]
                before = [c for c in cands if (f := first_named(c, thread)) is not None and f < at]
                if len(before) == 1:
                    cl.union(before[0].id, node.id, f"{reason}, the only one named before it")
                    for c in cands:  # the namesakes it was not taken for, so a reader can check
                        if c is not before[0]:
                            decisions.append(MergeDecision(
                                kept=_display(c), merged=_display(node), type="Person", merged_apart=True,
                                reason=f"namesake named only later: kept apart (joined {_display(before[0])})"))
                    break
            if len(cands) > 1:
                node.ambiguous = f"ambiguous: {len(cands)} full names end with it"
                decisions.append(MergeDecision(kept=", ".join(sorted(_display(c) for c in cands)),
                                               merged=_display(node), reason=node.ambiguous, type="Person",
                                               merged_apart=True))
                break
        else:
            leftovers.append(node)
    # one-word names with no full name anywhere: the same word in several threads is one person
    same: dict[str, list[Node]] = defaultdict(list)
    for n in leftovers:
        same[n.norm].append(n)
    for group in same.values():
        genders = {g for n in group for g in n.genders()}
        if len(genders) > 1:  # "Mr Smith" and "Ms Smith": a bare "Smith" could be either
            for n in group:
                if not n.genders():
                    n.ambiguous = "ambiguous: used for a man and a woman"
                    decisions.append(MergeDecision(kept=_display(n), merged=_display(n), reason=n.ambiguous,
                                                   type="Person", merged_apart=True))
            group = [n for n in group if n.genders()]
        for other in group[1:]:
            cl.union(group[0].id, other.id, "same name")


def _resolve_names(cl: Clusters, nodes: list[Node], cut_short: set[tuple[str, str]] = frozenset()) -> None:
    by_norm = {n.norm: n for n in nodes}
    label = nodes[0].label if nodes else "Organization"
    # acronyms defined in the text
    for n in nodes:
        for m in n.mentions:
            if m.expansion:
                target = by_norm.get(norm_name(m.expansion, label))
                if target is None:
                    target = Node(id=len(cl.nodes), label=label, norm=norm_name(m.expansion, label))
                    cl.nodes.append(target)
                    cl.parent.append(target.id)
                    cl.norms.append({target.norm})
                    cl.genders.append(set())
                    by_norm[target.norm] = target
                    target.expansion = m.expansion
                cl.union(target.id, n.id, "acronym defined" if is_acronym(m.text) else "long form given")
                break
    # other acronyms: initials of a unique longer name, in the thread first
    by_initials: dict[str, list[Node]] = defaultdict(list)
    for c in nodes:
        if len(c.words) >= 2:
            for form in _initial_forms(_display(c)):
                by_initials[form].append(c)
    for n in nodes:
        letters = next((x for m in n.mentions if (x := _acronym(m.text))), None)
        if cl.find(n.id) != n.id or n.reason or not letters:
            continue
        cands = by_initials.get(letters, [])
        local = [c for c in cands if c.threads & n.threads]
        for group, reason in ((local, "initials of"), (cands, "initials of, other thread")):
            roots = {cl.find(c.id): c for c in group}
            if len(roots) == 1:
                cl.union(next(iter(roots.values())).id, n.id, reason)
                break
            if len(roots) > 1:
                break
    # a one-word name the model once cut off a longer name of its thread ("Acme" in "Acme
    # travel", where the thread names "Acme Travel") is that name's short form everywhere in the
    # thread ("the Acme service"), when the thread has only one such longer name
    if label == "Organization" and cut_short:
        _short_forms(cl, nodes, cut_short)
    # near-miss spellings, compared within blocks of one first letter and the same digits
    # (a near miss rarely changes the first letter; this keeps large corpora fast)
    blocks: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for n in nodes:
        if len(n.norm) >= 6 and not any(is_acronym(m.text) for m in n.mentions) \
                and n.norm not in resolution_lists()["generic_bodies"] \
                and not any(m.attrs and m.attrs.get("generic") for m in n.mentions):  # "the council": one per thread
            blocks[(n.norm[0], re.sub(r"\D", "", n.norm))].append(n)
    for block in blocks.values():
        names = [n.norm for n in block]
        for i, a in enumerate(block[:-1]):
            for _, score, j in process.extract(a.norm, names[i + 1:], scorer=fuzz.ratio, score_cutoff=ORG_FUZZY,
                                               limit=None):
                b = block[i + 1 + j]
                if not _words_near(a.words, b.words):
                    continue  # "Museum of Modern Art" / "Museum of Modern Craft": a whole word differs
                keep, merge = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
                cl.union(keep.id, merge.id, f"fuzzy {score:.0f}")
    if label == "Organization":
        _generic_bodies(cl, nodes)
        _short_names(cl, nodes)
        _last_words(cl, nodes)
        _company_tails(cl, nodes)


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def _acronym(text: str) -> str | None:
    """The letters of an acronym ("MoD" -> "mod") or of a dotted abbreviation ("U.S." -> "us")."""
    text = text.strip()
    if is_acronym(text):
        return acronym_letters(text)
    return text.replace(".", "").lower() if _DOTTED.match(text) else None


def _initial_forms(name: str) -> set[str]:
    """The initials a name may be written as: with and without its small words, and without a
    leading country or nationality ("U.S. Office of Management and Budget": OMB) or a trailing
    company word ("Westby Rapid Transit Company": WRT; resolution/company_tails.txt)."""
    lex = lexicons()
    words = name.split()
    out = set(initials(words))
    tails = resolution_lists()["company_tails"]
    trimmed = list(words)
    while len(trimmed) > 2 and trimmed[-1].lower().strip(".") in tails:
        trimmed.pop()
    lead = 0
    for k in range(len(trimmed) - 2, 0, -1):
        head = trimmed[:k]
        if " ".join(head) in lex["place_names"] or (k == 1 and (head[0] in lex["demonyms"] or _DOTTED.match(head[0]))):
            lead = k
            break
    for variant in (trimmed, trimmed[lead:]):
        out |= set(initials(variant))
    return out


def _words_near(a: list[str], b: list[str]) -> bool:
    """Two names of as many words are a near-miss spelling only when each word that differs is a
    near miss of its counterpart (rapidfuzz ratio >= 80, one begins the other: "South" /
    "Southern", or its plural: "Companies"), not another word."""
    if len(a) != len(b):
        return True
    return all(x == y or fuzz.ratio(x, y) >= 80 or x.startswith(y) or y.startswith(x) or _singular(x) == _singular(y)
               for x, y in zip(a, b))


def _singular(word: str) -> str:
    """ "companies" -> "company", "trusts" -> "trust" (enough to compare two names' words)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _short_names(cl: Clusters, nodes: list[Node]) -> None:
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


def _last_words(cl: Clusters, nodes: list[Node]) -> None:
    """ "the Vikings" for "the Minnesota Vikings", "Qaeda" for "al Qaeda": a one-word name (not an
    acronym, not a word for a kind of body, a nationality or a generic modifier) that is the last
    word of exactly one longer name of its thread joins it ("last word of"). Guards: a longer name
    the thread uses less often than the word alone is another body; a name with "of" ("Bank of
    Westby") is not shortened to its last word. The first word is not enough ("Sony" is not "Sony Pictures": measured on the
    dev sets, first-word merges were wrong more often than right)."""
    lex = lexicons()
    generic = ({w.lower() for w in lex["org_suffixes"] | lex["org_prefixes"] | lex["demonyms"]}
               | lex["not_entities"] | lex["short_form_modifiers"])
    by_last: dict[str, list[Node]] = defaultdict(list)
    for c in nodes:
        if len(c.words) >= 2 and not _class_name(c):
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


def _generic_bodies(cl: Clusters, nodes: list[Node]) -> None:
    """ "the council" ("The council's Director of Environment, ...") is the one organisation of its
    thread whose name ends with that word ("Westby Borough Council"): a body the text names by a
    common noun (resolution/generic_bodies.txt) joins it ("the only council of its thread"). With two
    such bodies in the thread it stays apart, and that is logged; with none it stays as it is."""
    words = resolution_lists()["generic_bodies"]
    by_head: dict[tuple[str, str], list[Node]] = defaultdict(list)  # (thread, last word) -> names
    for c in nodes:
        if len(c.words) >= 2 and c.words[-1] in words and not _class_name(c) \
                and not any(is_acronym(m.text) for m in c.mentions):
            for t in c.threads:
                by_head[(t, c.words[-1])].append(c)
    for n in nodes:
        if len(n.words) != 1 or n.norm not in words:
            continue
        for t in sorted(n.threads):
            cands = {cl.find(c.id): c for c in by_head.get((t, n.norm), ())}
            if len(cands) == 1:
                cl.union(next(iter(cands.values())).id, n.id, f"the only {n.norm} of its thread")
            elif len(cands) > 1:
                cl.refused.append(MergeDecision(
                    kept=", ".join(sorted(_display(c) for c in cands.values())), merged=_display(n),
                    type="Organization", merged_apart=True,
                    reason=f"the {n.norm}: {len(cands)} bodies of its thread are named so, kept apart"))


# "Acme Group" and "Acme Holdings" are often the parent of the business called "Acme" (measured
# on the dev sets: "X Group" = "X" was wrong as often as right), so these words are not dropped
PARENT_WORDS = {"group", "holdings"}


def _company_tails(cl: Clusters, nodes: list[Node]) -> None:
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


def _cut_short(mentions: list[Mention]) -> set[tuple[str, str]]:
    """(thread, one-word name) where the model tagged the word inside a longer name that
    propagate_names then found over it ("Acme" of "Acme travel")."""
    wide = defaultdict(list)
    for m in mentions:
        if m.source == "rule.thread_name" and m.label == "Organization" and " " in m.text.strip():
            wide[(m.evidence.thread, m.evidence.message)].append(m)
    out = set()
    for m in mentions:
        if m.source != "ner" or m.label != "Organization" or " " in m.text.strip():
            continue
        for w in wide.get((m.evidence.thread, m.evidence.message), ()):
            if w.evidence.start == m.evidence.start and m.evidence.end < w.evidence.end:
                out.add((m.evidence.thread, norm_name(m.text, "Organization")))
    return out


def _short_forms(cl: Clusters, nodes: list[Node], cut_short: set[tuple[str, str]]) -> None:
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


def _class_name(node: Node) -> bool:
    """A plural organisation name for a kind of body ("Community Land Trusts"; class_plurals.txt)."""
    return (node.label == "Organization" and len(node.words) >= 2 and node.words[-1] in lexicons()["class_plurals"]
            and "and" not in node.words)  # "X Colleges & Universities" is one system


def _class_acronyms(groups) -> set[str]:
    """Acronyms ("CLTs") in the clusters of class names, singular, lower case ("clt")."""
    out = set()
    for group in groups:
        if any(_class_name(n) for n in group):
            out |= {re.sub(r"s$", "", n.norm) for n in group if any(is_acronym(m.text) for m in n.mentions)}
    return out


def _is_class(nodes: list[Node], class_acronyms: set[str]) -> bool:
    """A cluster naming only a class of organisations: its names are class names, their acronyms
    (singular "the CLT" too) and near-miss singulars merged into them."""
    if nodes[0].label != "Organization":
        return False
    named = [n for n in nodes if n.reason is None or not n.reason.startswith("fuzzy")]
    if any(_class_name(n) for n in named):
        return all(_class_name(n) or re.sub(r"s$", "", n.norm) in class_acronyms for n in named)
    return all(len(n.words) == 1 and re.sub(r"s$", "", n.norm) in class_acronyms for n in nodes)


def _force_merge(cl: Clusters, nodes: list[Node], names: list[str]) -> None:
    targets = []
    for name in names:
        hits = [n for n in nodes if n.norm in (norm_name(name, n.label),)]
        if hits:
            targets.append(hits[0])
            for h in hits[1:]:
                cl.union(hits[0].id, h.id, "override", force=True)
    for t in targets[1:]:
        t.ambiguous = None
        cl.union(targets[0].id, t.id, "override", force=True)
    if targets:
        targets[0].ambiguous = None


def _preferred(nodes: list[Node]) -> str:
    label = nodes[0].label
    texts = Counter()
    official = set()  # "X is officially known as Y": Y
    for n in nodes:
        for m in n.mentions:
            texts[m.text] += 1
            if m.attrs and m.attrs.get("official"):
                official.add(m.text)
        if n.expansion:
            texts[n.expansion] += 1

    def score(item):
        text, count = item
        words = split_title(text)[1].split() if label == "Person" else text.split()
        acr = is_acronym(text)
        cased = not (text.isupper() and len(text) > 4) and not text.islower()
        capitals = sum(w[:1].isupper() for w in words)  # "Harbour Works" over "Harbour works"
        return (text in official, not acr, len(words) if label == "Person" else 0, cased, capitals, count, len(text),
                text)

    best = " ".join(max(texts.items(), key=score)[0].split())
    if label == "Person":
        best = split_title(best)[1]
    return strip_possessive(best)


def _entity(nodes: list[Node], existing: dict[str, Entity]) -> Entity:
    label = nodes[0].label
    name = _preferred(nodes)
    base = f"{PREFIX[label]}:{norm_name(name, label)}"
    key, k = base, 2
    while key in existing:
        key = f"{base}~{k}"
        k += 1
    mentions = sorted((m for n in nodes for m in n.mentions), key=_order)
    aliases = set()
    for m in mentions:
        aliases.add(" ".join(m.text.split()))
        t = m.attrs.get("title") if m.attrs else None
        if t:
            aliases.add(f"{t} {m.text}")
        if m.expansion:
            aliases.add(m.expansion)
    for n in nodes:
        if n.expansion:
            aliases.add(n.expansion)
    aliases.discard(name)
    kind = None
    if label == "Organization":
        kinds = Counter(m.kind for m in mentions if m.kind and m.kind != "other")
        kind = kinds.most_common(1)[0][0] if kinds else "other"
    return Entity(key=key, type=label, name=name, aliases=aliases, kind=kind, mentions=mentions)


def _decisions(ent: Entity, nodes: list[Node]) -> list[MergeDecision]:
    out = []
    # a node that joined another but whose name the entity took ("Acme Ltd" joined "Acme Limited
    # Co" by a rule, and is the name shown): its reason is told for the node it joined
    why = {n.id: n.reason for n in nodes}
    for n in nodes:
        if n.reason and n.joined is not None and _display(n) == ent.name and why.get(n.joined, "") is None:
            why[n.joined] = n.reason
    for n in nodes:
        shown = {}
        for m in n.mentions:  # "Ms Roe", so a reader sees which Roe was meant
            title = _title(m)
            shown[f"{title} {m.text}" if title and not m.text.startswith(title) else m.text] = m.text
        for t, bare in sorted(shown.items()):
            if t == ent.name:
                continue
            reason = why[n.id] or "variant"
            if why[n.id] and bare != _display(n):
                reason = f"{why[n.id]}; variant"
            out.append(MergeDecision(kept=ent.name, merged=t, reason=reason, type=ent.type))
    return out


def _contracts(mentions: list[Mention], existing: dict[str, Entity], decisions: list[MergeDecision]) -> list[Entity]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        buyer = str(m.attrs.get("buyer") or "") if m.attrs else ""
        subject = norm_name(m.text, "Contract")
        if m.attrs and m.attrs.get("unnamed"):
            # "the bidders" with no contract named: one unknown contract per message, never a
            # contract shared by every thread that mentions bidders
            subject += f" #{m.evidence.thread}/{m.evidence.message}"
        groups[(subject, norm_name(buyer, "Organization") if buyer else "")].append(m)
    # a contract told without its buyer is the one with that subject whose buyer is known,
    # when there is exactly one (in its thread first, then anywhere)
    for (subject, buyer) in [k for k in groups if not k[1]]:
        known = [k for k in groups if k[0] == subject and k[1]]
        threads = {m.evidence.thread for m in groups[(subject, buyer)]}
        local = [k for k in known if threads & {m.evidence.thread for m in groups[k]}]
        pick = local if len(local) == 1 else (known if len(known) == 1 and not local else [])
        if pick:
            target = pick[0]
            moved = groups.pop((subject, buyer))
            groups[target].extend(moved)
            decisions.append(MergeDecision(kept=groups[target][0].text, merged=moved[0].text,
                                           reason="same subject, buyer known", type="Contract"))
    out = []
    taken = set(existing)
    for (subject, buyer), ms in sorted(groups.items()):
        ms = sorted(ms, key=_order)
        base = f"contract:{subject.partition(' #')[0]}" + (f" @ {buyer}" if buyer else "")
        key, k = base, 2
        while key in taken:
            key = f"{base}~{k}"
            k += 1
        taken.add(key)
        attrs: dict[str, object] = {}
        for m in ms:
            for a, v in (m.attrs or {}).items():
                if a not in attrs:
                    attrs[a] = list(v) if isinstance(v, (list, tuple)) else v
                elif isinstance(attrs[a], list) and isinstance(v, (list, tuple)):
                    attrs[a] = attrs[a] + [x for x in v if x not in attrs[a]]
        name = Counter(m.text for m in ms).most_common(1)[0][0]
        out.append(Entity(key=key, type="Contract", name=name, aliases={m.text for m in ms} - {name},
                          mentions=ms, attrs=attrs))
    return out
