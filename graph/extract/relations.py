"""Relation rules over one parsed sentence: surface patterns and verb frames.

Surface rules (ontology/patterns/relations/surface.toml) are regular expressions over the
sentence rendered with each name as one symbol; verb frames (frames.toml) walk the dependency
parse from a verb to its arguments. Both give Facts; contracts.py and coi() add the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract import deps
from graph.extract.facts import Arg, Fact, generic_body, pick
from graph.extract.lexicon import _load, enabled, frames, lexicon, rule_list
from graph.extract.slots import Sentence

SLOT_RE = re.compile(r"<(PER|ORG|LOC|ROLE)#(\d+)>")
COI_RE = re.compile(r"\bconflicts? of interests?\b|\bconflicted\b|\bvested interests?\b", re.I)
# after "X, role of Y ...": the rest of that phrase, then another person set off by commas
NEXT_APPOSED = re.compile(r"(?: (?!(?:and|or|who|which|is|was|has|had|said|says|told)\b)[^ ,]+)* , <PER#\d+> (?:,|[a-z]+ed\b)")
ROLE_OF_ORG = re.compile(r"<ROLE#(\d+)> (?:of|at) (?:the )?<(ORG|LOC)#(\d+)>")


@dataclass
class SurfaceRule:
    id: str
    kind: str
    regex: re.Pattern
    qualifiers: dict
    role_heads: frozenset | None
    kind_of_object: str | None
    known_kind: bool = False
    object_as_org: bool = False  # a place at the object end names the club or body ("Dortmund coach X")
    subject_as_person: bool = False  # a place at the subject end is a person ("X was born ...": places are not born)
    parents_couple: bool = True  # two parents named together are a couple (not "born of an affair between A and B")
    org_as_person: bool = False  # an "organisation" where only a person fits ("married to <ORG>") is a person
    subject_as_org: bool = False  # a place at the subject end is an organisation ("<LOC>, a subsidiary of Y")
    # any name at the object end is the organisation: a signature's last part ("Jane Roe, Branch
    # Secretary, <Dunmere Unison>") names the body even where the entity pass took it for a person
    any_object_as_org: bool = False


def _macros() -> dict[str, str]:
    lex = lexicon()
    words = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    return {
        "PER": r"<PER#\d+>", "ORG": r"<ORG#\d+>", "LOC": r"<LOC#\d+>", "ROLE": r"<ROLE#\d+>",
        "ENT": r"<(?:PER|ORG)#\d+>", "PERX": r"(?:<PER#\d+>|<ROLE#\d+>(?: of (?:the )?<LOC#\d+>)?)",
        "ORGX": r"(?:<ORG#\d+>|" + words(lex.generic_orgs) + ")",
        "BODY": words(frozenset(lex.generic_body_kinds)),
        "ORGP": r"<(?:ORG|PER)#\d+>", "PERO": r"<(?:PER|ORG)#\d+>",
        "FORMER": words(lex.former - {"then", "late", "previous", "previously"}),
        "FAM": words(lex.family),
        "PARTY": words(lex.parties),
        "OFFICE": r"(?:" + words(lex.offices) + r"|<ROLE#\d+>)",
        "S": "(?:'s|’s|')",
        "OQ": "(?:\"|“|‘)",
        "ADV": r"(?:(?:now|once|also|still|not|n't|never|no longer|allegedly|reportedly|apparently|reputedly|supposedly|"
               r"probably|possibly|certainly|definitely|actually|really|in fact) )*",
        "PRON": r"(?:he|she)", "PRON2": r"(?:his|her)",
        "GAP": r"(?:[^ ]+ ){1,3}", "GAP6": r"(?:[^ ]+ ){1,6}",
        # up to three words between a subject and its verb that are no name, no verb of saying and
        # start no new clause ("X has reportedly lobbied"; not "X said Y lobbied", "X and Y"), after
        # an aside set off by commas that names no one ("X, who chairs the committee, has been paid")
        "VGAP": r"(?:, (?:a|an|the|who|which) (?:[^ <,;]+ ){1,8}, )?"
                r"(?:(?!(?:said|says|say|told|tells|claims|claimed|thinks|thought|believes|reckons|that|and|but|or|"
                r"when|if|because|while|whereas|after|before|since|whether|than)\b)[^ <;:]+ ){0,3}",
        # what may open a signature line: a dash, a sign-off ("Regards, Jane Roe, ...")
        "SIGNOFF": r"(?:[-—–~] )?(?:(?:kind regards|best regards|regards|best wishes|best|thanks|cheers|yours sincerely|"
                   r"yours faithfully|yours|sincerely|in solidarity|solidarity) ,? )?",
        # an apposition after a subject, set off by commas ("X, a lobbying firm, has ...")
        "APPOS": r"(?:, (?:a |an |the )(?:[^ <,;]+ ){1,5}, )?",
        "LEGAL": r"(?:judicial review|jr|injunction|legal action|lawsuit|law suit|legal challenge|court action|"
                 r"legal proceedings|proceedings|class action|legal claim|claim(?= against)|court case|legal case)",
        "GROUPWORD": r"(?:group|band|duo|trio|quartet|team|club|squad|orchestra|choir|troupe)",
    }


@lru_cache(maxsize=1)
def surface_rules() -> list[SurfaceRule]:
    macros = _macros()
    out = []
    for r in rule_list("surface", "rule"):
        if not enabled(r):
            continue
        pat = r["pattern"]
        for k, v in macros.items():
            pat = pat.replace("{" + k + "}", v)
        # a match starts and ends on whole units
        regex = re.compile(r"(?<![^ ])(?:" + pat + r")(?![^ ])")
        out.append(SurfaceRule(r["id"], r["kind"], regex, dict(r.get("qualifiers", {})),
                               frozenset(r["role_heads"]) if "role_heads" in r else None,
                               r.get("kind_of_object"), bool(r.get("known_kind")), bool(r.get("object_as_org")),
                               bool(r.get("subject_as_person")), bool(r.get("parents_couple", True)),
                               bool(r.get("org_as_person")), bool(r.get("subject_as_org")),
                               bool(r.get("any_object_as_org"))))
    return out


def reload_rules() -> None:
    """Read the rule files again (after THREADGRAPH_RULES changed, or a rule file was edited)."""
    from graph.extract import lexicon as lx

    for f in (lx.frames, lx.parse_cues, lx.cue_words, surface_rules, _frames_by_lemma):
        f.cache_clear()


def _slot_ids(text: str | None) -> list[int]:
    return [int(m.group(2)) for m in SLOT_RE.finditer(text or "")]


def _group(m: re.Match, name: str) -> str | None:
    g = m.groupdict()
    return g.get(name) or g.get(name + "2")


def _units_to_tokens(sent: Sentence, a: int, b: int) -> tuple[int, int]:
    """Rendered char range -> token range."""
    ua = sent.char2tok[a]
    ub = sent.char2tok[max(a, b - 1)]
    return sent.unit_tokens[ua][0], sent.unit_tokens[ub][1]


def _word_arg(sent: Sentence, m: re.Match, name: str, label: str, kind: str | None = None, attrs=()) -> Arg:
    s, e = _units_to_tokens(sent, m.start(name), m.end(name))
    return Arg(label=label, start=s, end=e, kind=kind, attrs=attrs)


def person_arg(sent: Sentence, slot: int, facts: list[Fact]) -> Arg:
    """A person end. A role standing for its holder ("the Deputy Director of Acme") becomes a new
    Person named by the role phrase, and the post it names is a fact of its own ("post.of")."""
    s = sent.slots[slot]
    if s.type != "ROLE":
        return Arg(slot=slot)
    start, end = s.start, s.end
    org_slot = None
    role = s.text
    for m in ROLE_OF_ORG.finditer(sent.rendered):
        if int(m.group(1)) == slot:
            other = int(m.group(3))
            end = sent.slots[other].end
            if m.group(2) == "ORG":
                org_slot = other
            else:  # "Chief Inspector of Prisons": a place-like word completes the role
                role = sent.doc[start:end].text
    arg = Arg(label="Person", start=start, end=end, attrs=(("role", role),))
    facts.append(Fact("post", "post.of", arg, Arg(slot=org_slot) if org_slot is not None else None,
                      start, end, {"role": role, "current": not _former_before(sent, start)}))
    return arg


HOLDER_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "-"})


def _former_before(sent: Sentence, start: int) -> bool:
    """A role standing for its holder is a past post when a word such as "former" comes before it
    ("sued its former chairman", "married the ex-minister", "the then Home Secretary")."""
    doc, lex = sent.doc, lexicon()
    i = start - 1
    while i >= 0 and doc[i].lower_ in HOLDER_DETERMINERS:
        i -= 1
    return i >= 0 and doc[i].lower_ in lex.former


def surface(sent: Sentence, antecedent: Arg | None = None) -> list[Fact]:
    lex = lexicon()
    text = sent.rendered
    facts: list[Fact] = []
    for rule in surface_rules():
        pos = 0
        while pos <= len(text):
            m = rule.regex.search(text, pos)
            if m is None:
                break
            pos = m.start() + 1
            facts.extend(_facts_from_match(sent, rule, m, lex, antecedent))
    # "Jane Roe, Branch Secretary, <body>": the role alone is no second post beside the one with its body
    with_body = {(f.subject, f.qualifiers.get("role")) for f in facts if f.kind == "post" and f.object is not None}
    # "Y's paid adviser, X": paid advice, not employment - the post reading of the same words gives way
    advice = {(f.subject, f.object) for f in facts if f.kind == "consultant_to"}
    # "Cllr X" with no body: a form of address, not a post; where the sentence gives X a post at a
    # body with no role ("Cllr X of Y Council"), the title is that post's role
    address = address_titles()
    for f in facts:
        if f.kind == "post" and f.object is None and str(f.qualifiers.get("role") or "").casefold() in address:
            for g in facts:
                if g.kind == "post" and g.subject == f.subject and g.object is not None and not g.qualifiers.get("role"):
                    g.qualifiers["role"] = f.qualifiers["role"]
    return [f for f in facts if not (f.kind == "post" and ((f.subject, f.object) in advice or f.object is None
                                                           and ((f.subject, f.qualifiers.get("role")) in with_body
                                                                or str(f.qualifiers.get("role") or "").casefold()
                                                                in address)))]


@lru_cache(maxsize=1)
def address_titles() -> frozenset[str]:
    return frozenset(_load("lexicon.toml").get("address_titles", {}).get("words", []))


# kinds whose subject may be "he" / "she" standing for the person the message is about ("He was paid
# by Y to advise on ...")
PRONOUN_SUBJECT_KINDS = ("lobbied", "paid_by", "consultant_to")
# a body named only by its noun ("the council") may be a lobbied, sued or paying party, as a post's body
BODY_KINDS = ("post", "lobbied", "legal_action", "paid_by", "consultant_to", "represents")
LEGAL_ACTIONS = {"jr": "judicial review", "proceedings": "legal proceedings", "court case": "court action",
                 "legal case": "court action", "taken to court": "court action"}
COURT_WORDS = re.compile(r"\b(?:court|courts|tribunal)\b", re.I)

# a party's founder holds a post in it as its leaders do (lexicon.toml's party_posts list offices)
PARTY_FOUNDERS = frozenset({"founder", "co-founder", "cofounder"})

# plural family nouns whose list of names are siblings of one another
SIBLING_LISTS = frozenset({"children", "sons", "daughters", "siblings", "brothers", "sisters"})


@dataclass
class _Reading:
    """One match of a surface rule on its way to facts: its ends and qualifiers as the steps of
    _facts_from_match settle them, and the facts it gives besides its own (`extra`: a party
    membership told with a post, the post a role holder names, a member's post beside "MP for")."""

    sent: Sentence
    rule: SurfaceRule
    m: re.Match
    lex: object
    start: int  # token range of the evidence
    end: int
    q: dict
    rid: str
    subj: Arg | None = None
    obj: Arg | None = None
    role_text: str | None = None
    extra: list = field(default_factory=list)

    def group(self, name: str) -> str | None:
        return _group(self.m, name)


def _facts_from_match(sent: Sentence, rule: SurfaceRule, m: re.Match, lex, antecedent,
                      subject: int | None = None) -> list[Fact]:
    """The facts one match of a surface rule gives: lists first (members, children), then one fact
    whose ends and qualifiers the steps below settle in turn; a step that returns False drops it."""
    if rule.kind == "post" and subject is None and m.groupdict().get("subjects"):
        # "where his teachers included A, B and C": one post for each person listed
        return [f for sid in _slot_ids(m.group("subjects"))
                for f in _facts_from_match(sent, rule, m, lex, antecedent, subject=sid)]
    start, end = _evidence_span(sent, m)
    listed = _list_facts(sent, rule, m, lex, antecedent, start, end)
    if listed is not None:
        return listed
    r = _Reading(sent, rule, m, lex, start, end, dict(rule.qualifiers), rule.id)
    subj_ids = [subject] if subject is not None else _slot_ids(_group(m, "subject"))
    obj_ids = _slot_ids(_group(m, "object"))
    if rule.kind == "family" and len(obj_ids) > 1:
        # a list of people may hold a description with a place ("Y, the governor of <LOC>, and Z")
        obj_ids = [o for o in obj_ids if sent.slots[o].type in ("PER", "ROLE")
                   or (rule.org_as_person and sent.slots[o].type == "ORG")]
    if not _read_ends(r, subj_ids, obj_ids, antecedent):
        return []
    if rule.kind == "family" and len(obj_ids) > 1:
        return _family_objects(r, obj_ids)
    for step in _STEPS:
        if not step(r):
            return []
    return _finish(r)


def _evidence_span(sent: Sentence, m: re.Match) -> tuple[int, int]:
    """The match's token range, without punctuation and "the" at its edges."""
    start, end = _units_to_tokens(sent, m.start(), m.end())
    doc = sent.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].lower_ == "the") and start not in sent.tok2slot:
        start += 1
    while end > start + 1 and doc[end - 1].is_punct and (end - 1) not in sent.tok2slot:
        end -= 1
    return start, end


def _list_facts(sent: Sentence, rule: SurfaceRule, m: re.Match, lex, antecedent, start: int,
                end: int) -> list[Fact] | None:
    """Facts of a rule that names a list (members of a group or partnership, children or siblings);
    None where the rule names no list."""
    q = dict(rule.qualifiers)
    rid = rule.id
    out: list[Fact] = []
    if rule.kind == "owned_by" and m.groupdict().get("members"):
        owner = _slot_ids(_group(m, "object"))
        for sid in _slot_ids(m.group("members")):
            if owner and sid != owner[0]:
                out.append(Fact("owned_by", rid, Arg(slot=sid), Arg(slot=owner[0]), start, end, dict(q)))
        return out
    if rule.kind == "partner" and m.groupdict().get("members"):
        ids = _slot_ids(m.group("members"))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                out.append(Fact("partner", rid, Arg(slot=a), Arg(slot=b), start, end, dict(q)))
        return out
    if rule.kind == "family" and m.groupdict().get("subjects"):
        return _family_list(sent, rule, m, lex, antecedent, start, end, q)
    return None


def _family_list(sent: Sentence, rule: SurfaceRule, m: re.Match, lex, antecedent, start: int, end: int,
                 q: dict) -> list[Fact]:
    """A list of children or siblings: each of them to the named (or pronoun's) person."""
    rid = rule.id
    out: list[Fact] = []
    parent = _slot_ids(_group(m, "object"))
    pron = (_group(m, "object") or _group(m, "subject") or "").strip()
    other = None
    if pron not in ("they", "we"):
        other = Arg(slot=parent[0]) if parent else (pick(antecedent, pron) if pron and antecedent is not None else None)
    fam = (_group(m, "fam") or "").strip()
    q["relation"] = lex.family.get(fam, "relative")
    # a listed name right after a word the entity pass left out ("..., Marcel <Roche> and ...") is
    # cut short: left out, the rest of the list is still read
    ids = _slot_ids(m.group("subjects"))
    listed = [sid for k, sid in enumerate(ids) if (other is None or Arg(slot=sid) != other)
              and not (k > 0 and sent.doc[sent.slots[sid].start - 1].is_alpha
                       and sent.doc[sent.slots[sid].start - 1].lower_ != "and")]
    if other is not None:
        for sid in listed:
            out.append(Fact("family", rid, Arg(slot=sid), other, start, end, dict(q)))
    coparent = _slot_ids(m.groupdict().get("coparent"))
    if coparent and rule.org_as_person and not _person_shaped(sent, Arg(slot=coparent[0]), lex):
        coparent = []
    if coparent and fam in ("children", "sons", "daughters"):
        for sid in listed:
            if sid != coparent[0]:
                out.append(Fact("family", rid, Arg(slot=sid), _as_person(sent, Arg(slot=coparent[0])),
                                start, end, dict(q)))
    # the children (or siblings) of one list are one another's siblings
    if fam in SIBLING_LISTS:
        for i, a in enumerate(listed):
            for b in listed[i + 1:]:
                out.append(Fact("family", "family.list_siblings", Arg(slot=a), Arg(slot=b), start, end,
                                {"relation": "sibling"}))
    return out


def _read_ends(r: _Reading, subj_ids: list[int], obj_ids: list[int], antecedent) -> bool:
    """The subject and object: name slots, people read from "organisations", pronouns, places read
    as organisations or people. False where there is no subject (a list of parents excepted)."""
    sent, rule, m, lex = r.sent, r.rule, r.m, r.lex
    r.subj = Arg(slot=subj_ids[0]) if subj_ids else None
    r.obj = Arg(slot=obj_ids[0]) if obj_ids else None
    if rule.org_as_person:
        # both ends of a family tie are people; of another fact, the subject only ("X (Y Party)")
        people = subj_ids[:1] + (obj_ids if rule.kind == "family" else [])
        if any(not _person_shaped(sent, Arg(slot=i), lex) for i in people):
            return False
        if rule.kind == "post" and subj_ids and sent.slots[subj_ids[0]].type == "ORG":
            # a post's holder read from an "organisation": a full name (two words or more), not a
            # place's or a house's name after "of" ("Albert of <Brandenburg-Ansbach>, a member of")
            s0 = sent.slots[subj_ids[0]]
            words = [t for t in sent.doc[s0.start:s0.end] if t.is_alpha]
            if len(words) < 2 or (s0.start > 0 and sent.doc[s0.start - 1].lower_ == "of"):
                return False
        r.subj = _as_person(sent, r.subj)
        if rule.kind == "family":
            r.obj = _as_person(sent, r.obj)
    # "he" / "his" stand for the person named last before the sentence
    if rule.kind in ("family", "post", *PRONOUN_SUBJECT_KINDS) and antecedent is not None:
        if r.subj is None and (_group(m, "subject") or "").strip() in ("he", "she"):
            r.subj = pick(antecedent, _group(m, "subject"))
        if r.obj is None and (_group(m, "object") or "").strip() in ("his", "her"):
            r.obj = pick(antecedent, _group(m, "object"))
    if r.obj is None and (_group(m, "object") or "").strip() == "its":
        # "Its chief executive, X, said": the organisation the message named last, where the caller
        # gives one ({"org": Arg}); without it the post has no body and is left out
        r.obj = antecedent.get("org") if isinstance(antecedent, dict) else None
        if r.obj is None:
            return False
    if r.subj is None and r.group("sbody"):
        # "The union has launched a judicial review of X": the body the thread is about, by its noun
        word = r.group("sbody").strip()
        r.subj = generic_body(*_units_to_tokens(sent, m.start("sbody"), m.end("sbody")),
                              kind=lex.generic_body_kinds.get(word))
    if rule.subject_as_org and r.subj is not None and r.subj.slot is not None and sent.slots[r.subj.slot].type == "LOC":
        o = sent.slots[r.subj.slot]
        r.subj = Arg(label="Organization", start=o.start, end=o.end)
    if rule.subject_as_person and r.subj is not None and r.subj.slot is not None and sent.slots[r.subj.slot].type == "LOC":
        o = sent.slots[r.subj.slot]
        r.subj = Arg(label="Person", start=o.start, end=o.end)
    return r.subj is not None or (rule.kind == "family" and len(obj_ids) > 1)


def _family_objects(r: _Reading, obj_ids: list[int]) -> list[Fact]:
    """"The son of X and Y": one tie to each; the two parents named together are a couple."""
    sent, rule = r.sent, r.rule
    out = []
    fam = (r.group("fam") or "").strip()
    relation = r.lex.family.get(fam, "relative") if fam else rule.qualifiers.get("relation", "relative")
    for oid in obj_ids if r.subj is not None else ():
        q = dict(rule.qualifiers)
        q["relation"] = relation
        out.append(Fact("family", rule.id, r.subj, _as_person(sent, Arg(slot=oid)), r.start, r.end, q))
    # the two parents named together are a couple ("the son of X and Y", "born to X and Y")
    if rule.parents_couple and relation == "parent" and len(obj_ids) == 2 and all(sent.slots[o].type == "PER" for o in obj_ids):
        out.append(Fact("family", "family.parents_pair", _as_person(sent, Arg(slot=obj_ids[0])),
                        _as_person(sent, Arg(slot=obj_ids[1])), r.start, r.end,
                        {"relation": "spouse"}))
    return out


def _verb_role_ok(r: _Reading) -> bool:
    """"X heads / chairs Y" read as a role word: only the verbs of heading."""
    vr = _slot_ids(r.group("verbrole"))
    return not (vr and r.sent.slots[vr[0]].text.lower() not in ("heads", "chairs", "leads", "directs", "manages"))


def _read_role(r: _Reading) -> bool:
    """The role: its slot's text, or the role word as written; a rule listing role heads takes no other."""
    r.role_text = r.group("role")
    if r.role_text:
        rids = _slot_ids(r.role_text)
        role_slot = r.sent.slots[rids[0]] if rids else None
        head = role_slot.head if role_slot else r.role_text.strip()
        if r.rule.role_heads is not None and head not in r.rule.role_heads:
            return False
        if role_slot is not None:
            r.q["role"] = role_slot.text
        elif r.rule.kind in ("post", "consultant_to") and r.m.groupdict().get("role"):
            # a role word the role finder does not know ("convenor", "lobbyist") is the role as written
            r.q["role"] = r.sent.doc[slice(*_units_to_tokens(r.sent, r.m.start("role"), r.m.end("role")))].text
    return True


def _role_holder(r: _Reading) -> bool:
    """"The Minister of State for X was ...": the holder, named by the post and its body."""
    sent = r.sent
    if r.rule.kind == "post" and r.subj.slot is not None and sent.slots[r.subj.slot].type == "ROLE":
        s = sent.slots[r.subj.slot]
        end_tok = sent.slots[r.obj.slot].end if r.obj is not None and r.obj.slot is not None else s.end
        r.subj = Arg(label="Person", start=s.start, end=end_tok, attrs=(("role", s.text),))
    return True


def _member_for(r: _Reading) -> bool:
    """"X, MP for Y": a constituency and the post of member (a role-only post)."""
    if r.rule.kind == "mp_for" and r.group("role"):
        m = r.m
        role = r.q.pop("role", None) or r.sent.doc[slice(*_units_to_tokens(r.sent, m.start("role"), m.end("role")))].text
        if r.obj is not None:
            r.extra.append(Fact("post", "post.mp_for", r.subj, None, r.start, r.end, {"role": role, "current": True}))
        # "the Labour MP for Y": the party word the role tagger took into the role
        a, _ = _units_to_tokens(r.sent, m.start("role"), m.end("role"))
        word = r.sent.doc[a].lower_
        if word in r.lex.parties and r.sent.doc[a].text[:1].isupper():
            party = Arg(label="Organization", start=a, end=a + 1, kind="party",
                        attrs=(("name", r.lex.parties[word]),))
            r.extra.append(Fact("party", "party.tory_mp", r.subj, party, r.start, r.end, {}))
    return True


def _post_gates(r: _Reading) -> bool:
    """A post's gates (another person's apposition, a possessive that names no role, a describing
    name, a field of study, a weak role with no body) and whether it is current."""
    if r.rule.kind != "post":
        return True
    sent, lex, subj, obj = r.sent, r.lex, r.subj, r.obj
    if r.rid == "post.apposition" and subj.slot is not None and obj is not None and obj.slot is not None \
            and sent.slots[subj.slot].start < sent.slots[obj.slot].start \
            and NEXT_APPOSED.match(sent.rendered, r.m.end()):
        # "According to X, the head of Y in Z, W, called ...": the role may be W's, not X's
        return False
    if r.rid == "post.possessive" and not _full_name(sent, subj):
        # "X's Y" names no role: only a person's name says it is a post, and a name cut
        # before its end ("Acme's Dover A") or a made-up title is no person
        return False
    if r.rid == "post.possessive" and obj is not None and obj.slot is not None \
            and sent.doc[sent.slots[obj.slot].end - 1].lower_ in lex.class_possessors:
        # "the X Women's Battle Royal": a class of people's possessive names an event or a team
        return False
    if obj is not None and obj.slot is not None and _describes_next(sent, obj.slot, lex):
        # "founder of Z Film and Media company Y": Z only describes Y
        return False
    head = role_slot_head(sent, r.role_text)
    if (r.group("prep") or "") == "of" and head in lex.field_heads:
        return False
    if head in lex.weak_heads and obj is None:
        return False
    if "role" not in r.q and obj is None:
        return False
    r.q["current"] = not bool(r.group("former"))
    return True


def _family_ends(r: _Reading) -> bool:
    """A family tie's ends are single people: no "the Smiths", no role without its body; a role
    with its body stands for its holder (and gives that post)."""
    if r.rule.kind != "family":
        return True
    sent = r.sent
    # "a relative of the Smiths": a name after "the" is a family or a house, not one person
    for a in (r.subj, r.obj):
        if a is not None and a.slot is not None and sent.slots[a.slot].type == "PER" \
                and sent.slots[a.slot].start > 0 and sent.doc[sent.slots[a.slot].start - 1].lower_ == "the":
            return False
    fam = r.group("fam")
    if fam:
        r.q["relation"] = r.lex.family.get(fam.strip(), "relative")
    # a role stands for a person only with its organisation or place ("the Deputy Director of
    # Acme"); "the son of the imprisoned leader" names nobody
    for a in (r.subj, r.obj):
        if a is not None and a.slot is not None and sent.slots[a.slot].type == "ROLE" and " of " not in \
                sent.slots[a.slot].text and not any(int(x.group(1)) == a.slot for x in ROLE_OF_ORG.finditer(sent.rendered)):
            return False
    if r.subj.slot is not None and sent.slots[r.subj.slot].type == "ROLE":
        r.subj = person_arg(sent, r.subj.slot, r.extra)
    if r.obj is not None and r.obj.slot is not None and sent.slots[r.obj.slot].type == "ROLE":
        r.obj = person_arg(sent, r.obj.slot, r.extra)
    return True


def _renamed_ends(r: _Reading) -> bool:
    """A renaming is an organisation's: a one-word "person" at either end is read as one."""
    if r.rule.kind != "renamed":
        return True
    types = [r.sent.slots[a.slot].type for a in (r.subj, r.obj) if a is not None and a.slot is not None]
    if "ORG" not in types:
        return False
    r.subj, r.obj = (_as_org(r.sent, a) for a in (r.subj, r.obj))
    return r.subj is not None and r.obj is not None


def _party_end(r: _Reading) -> bool:
    """A party named by a party word ("Whig") is a new organisation (and "Whig leader X" a post in
    it); a party named by a name must say party."""
    if r.rule.kind != "party":
        return True
    sent, lex = r.sent, r.lex
    party = r.group("party")
    if party:
        word = party.strip()
        r.obj = _word_arg(sent, r.m, "party", "Organization", "party", (("name", lex.parties.get(word, word)),))
        office = _slot_ids(r.group("office"))
        if office and sent.slots[office[0]].head in lex.party_posts:
            r.extra.append(Fact("post", r.rid, r.subj, r.obj, r.start, r.end,
                                {"role": sent.slots[office[0]].text, "current": True}))
    elif r.obj is not None:
        name = sent.slots[r.obj.slot].text.lower()
        # the name must say party, unless the rule's own words do ("her party, the Y")
        if not (name in lex.parties or any(w in name.split() for w in lex.parties) or "party" in name
                or "party" in r.m.group(0).split()):  # a two-word party word ("lib dem") whole
            return False
    return True


def _object_or_none(r: _Reading) -> bool:
    """A body named by its noun is the object; kinds that need an object have one."""
    sent, rule = r.sent, r.rule
    if r.obj is None and rule.kind in BODY_KINDS and r.group("body"):
        # "the council's Director of Environment, X": the body the thread is about, named by its noun
        word = r.group("body").strip()
        r.obj = generic_body(*_units_to_tokens(sent, r.m.start("body"), r.m.end("body")),
                             kind=r.lex.generic_body_kinds.get(word))
    if r.obj is None and rule.kind in ("partner", "owned_by", "unit_of", "renamed", "replaces", "represents",
                                       "legal_action", "mp_for", "paid_by", "consultant_to", "family"):
        if rule.kind == "owned_by" and r.group("object"):
            r.obj = generic_body(*_units_to_tokens(sent, r.m.start("object"), r.m.end("object")))
        else:
            return False
    if (rule.object_as_org or rule.any_object_as_org) and r.obj is not None and r.obj.slot is not None \
            and sent.slots[r.obj.slot].type in (("LOC", "PER") if rule.any_object_as_org else ("LOC",)):
        o = sent.slots[r.obj.slot]
        r.obj = Arg(label="Organization", start=o.start, end=o.end)
    return True


def _end_gates(r: _Reading) -> bool:
    """Two different ends, neither a name cut in two or at the front, a known kind where asked."""
    subj, obj, sent, lex = r.subj, r.obj, r.sent, r.lex
    if obj is not None and obj == subj:
        return False
    if any(_cut_name(sent, a) for a in (subj, obj)):
        return False
    if r.rule.kind in ("family", "post") and any(_cut_before(sent, a, lex) for a in (subj, obj)):
        return False
    return not (r.rule.known_kind and not _institution(sent, obj, lex))


def _kind_qualifiers(r: _Reading) -> bool:
    """Qualifiers of one kind: an owner's share, a legal action's kind (and its court), an
    investigation's matter, a lobbyist's client."""
    kind, q = r.rule.kind, r.q
    if kind == "owned_by" and "share" in r.m.groupdict() and r.group("share"):
        q["share"] = "part"
    if kind == "owned_by" and r.group("percent"):
        # the stated figure is the share as worded (tg:share: "part", "whole", "51%")
        q["share"] = r.group("percent").replace(" ", "")  # "49.9 %" -> "49.9%" ("per cent" too)
    if kind == "legal_action":
        action = (r.group("action") or "").strip()
        if action:
            q["action"] = "lawsuit" if action.startswith(("su", "law", "class", "claim", "legal claim")) else \
                LEGAL_ACTIONS.get(action, action)
        else:
            q["action"] = q.get("action") or "lawsuit"  # the rule's own word ("took X to court")
        court = _slot_ids(r.group("court"))
        if court and not COURT_WORDS.search(r.sent.slots[court[0]].text):
            return False  # "challenging X in <the Guardian>": only a court makes a challenge legal
    if kind == "investigated":
        matter = r.group("matter")
        if matter:
            q["matter"] = matter.strip()
        if r.obj is None and not matter:
            return False
    if kind == "lobbied":
        behalf = _slot_ids(r.group("behalf"))
        if behalf:
            q["on_behalf_of"] = Arg(slot=behalf[0])
        elif r.obj is None:
            return False  # "X lobbied hard": neither whom nor for whom
    return True


_STEPS = (_verb_role_ok, _read_role, _role_holder, _member_for, _post_gates, _family_ends, _renamed_ends,
          _party_end, _object_or_none, _end_gates, _kind_qualifiers)


def _finish(r: _Reading) -> list[Fact]:
    """The fact itself, after what it gives besides: a post in a party is a party membership (and a
    membership or an office held for the party, "Lib Dem councillor", no post in it); a membership
    post has its own rule id."""
    head = role_slot_head(r.sent, r.role_text) or ""
    if r.rule.kind == "post" and _kind_of(r.sent, r.obj) == "party":
        # "X of the Labour Party": membership of a party (the party kind); "Y, leader of the Z
        # Party" is that and a post in it
        r.extra.append(Fact("party", r.rid, r.subj, r.obj, r.start, r.end, {}))
        if "role" not in r.q or head in ("member", "members") or head not in r.lex.party_posts | PARTY_FOUNDERS:
            # "X, Lib Dem councillor": an office held for the party, not a post in it
            return r.extra
    rid = r.rid
    if r.rule.kind == "post" and head in ("member", "members"):
        # the dev sets disagree whether membership is a post (DWIE, CoNLL04: yes; Re-DocRED: a
        # relation of its own): measured, and so calibrated, on its own
        rid = "post.member"
    return r.extra + [Fact(r.rule.kind, rid, r.subj, r.obj, r.start, r.end, r.q)]


def _cut_name(sent: Sentence, a: Arg | None) -> bool:
    """A name the entity pass cut in two: another name slot touches it with nothing between
    ("a club owned by <FK> <Partizan Belgrade>"), so neither piece is the whole name."""
    if a is None or a.slot is None or sent.slots[a.slot].type not in ("PER", "ORG", "LOC"):
        return False
    s = sent.slots[a.slot]
    for t in (s.start - 1, s.end):
        other = sent.tok2slot.get(t)
        if other is not None and other != a.slot and sent.slots[other].type in ("PER", "ORG", "LOC") \
                and not sent.doc[t].is_punct and sent.doc[min(t, s.start)].whitespace_ != "\n":
            return True
    return False


def _cut_before(sent: Sentence, a: Arg | None, lex) -> bool:
    """A person's name the entity pass cut at the front: a title-case word it left out right before
    it ("Countess Sophia <Andreyevna Behrs>"), not opening the sentence, no title, role word, function
    word or nationality. Such an end would name a fragment, not the person."""
    if a is None or a.slot is None or sent.slots[a.slot].type != "PER" or sent.slots[a.slot].start == 0:
        return False
    i = sent.slots[a.slot].start - 1
    t = sent.doc[i]
    w = t.lower_.rstrip(".")
    return (i not in sent.tok2slot and t.is_alpha and t.text[:1].isupper() and not t.is_sent_start and i > 0
            and not t.is_stop and t.ent_type_ not in ("NORP", "GPE", "ORG", "LOC")
            and w not in lex.honorifics and w not in lex.role_heads and w not in lex.role_modifiers
            and w not in lex.role_abbreviations and w not in lex.parties and w not in lex.family)


def _full_name(sent: Sentence, a: Arg | None) -> bool:
    """A person's name of two or more words, the last a word (not an initial) and no common noun
    in it ("Battle Royal")."""
    if a is None or a.slot is None or sent.slots[a.slot].type != "PER":
        return False
    toks = sent.doc[sent.slots[a.slot].start:sent.slots[a.slot].end]
    words = [t for t in toks if t.is_alpha]
    if len(words) < 2 or len(words[-1].text) < 2:
        return False
    return all(t.pos_ in ("PROPN", "") for t in words)


def _describes_next(sent: Sentence, slot: int, lex) -> bool:
    """The organisation is followed by (another name and) a kind noun and a second organisation:
    "Z Film and Media company Y", "the Z group firm Y" - the name before the kind noun describes Y."""
    sym = f"<ORG#{slot}> "
    at = sent.rendered.find(sym)
    if at < 0:
        return False
    rest = sent.rendered[at + len(sym):].split(" ")
    if len(rest) >= 2 and rest[0] == "and" and SLOT_RE.fullmatch(rest[1]) and rest[1].startswith("<ORG"):
        rest = rest[2:]
    return len(rest) >= 2 and rest[0] in lex.kind_nouns and rest[1].startswith("<ORG#")


def role_slot_head(sent: Sentence, role_text: str | None) -> str | None:
    ids = _slot_ids(role_text)
    return sent.slots[ids[0]].head if ids else None


def _institution(sent: Sentence, a: Arg | None, lex) -> bool:
    """An organisation of known kind, or one whose name (or the word after it) says it is an
    institution: "the Chalmers University", "the UIL Trasporti union"; not "the Dallas Cowboys"."""
    if a is None or a.slot is None:
        return False
    s = sent.slots[a.slot]
    if s.mention is not None and s.mention.kind not in (None, "other"):
        return True
    toks = sent.doc[s.start:s.end]
    if len(toks) == 1 and toks[0].is_alpha and toks[0].is_upper and len(toks[0].text) >= 3:
        return True  # an acronym ("X of FORDU") names a body, seldom a place or a house
    words = {t.lower_.strip(".") for t in toks}
    if s.end < len(sent.doc):
        words.add(sent.doc[s.end].lower_)
    if s.start > 0 and sent.doc[s.start - 1].is_lower:
        words.add(sent.doc[s.start - 1].lower_)  # "of the globalization-critical network Attac"
    return bool(words & lex.institution_words)


def _person_shaped(sent: Sentence, a: Arg, lex) -> bool:
    """A name slot that may be a person: a person, a role, or an "organisation" of one to four
    title-case words with no institution word in it or after it and no "the" before it ("married to
    <Alexandra Colen>" where the entity pass said organisation; not "the son of the House of Y")."""
    s = sent.slots[a.slot]
    if s.type != "ORG":
        return s.type in ("PER", "ROLE")
    toks = [t for t in sent.doc[s.start:s.end] if not t.is_punct]
    if not toks or len(toks) > 4 or (s.mention is not None and s.mention.kind not in (None, "other")):
        return False
    if any(not t.text[:1].isupper() and t.lower_ not in lex.person_name_lower for t in toks) \
            or all(t.is_upper for t in toks):
        return False  # lower-case words or an acronym: no person's name
    return not _institution(sent, a, lex) and not (s.start > 0 and sent.doc[s.start - 1].lower_ == "the")


def _as_person(sent: Sentence, a: Arg | None) -> Arg | None:
    """An organisation slot read as a person (a new Person mention on its span)."""
    if a is None or a.slot is None or sent.slots[a.slot].type != "ORG":
        return a
    s = sent.slots[a.slot]
    return Arg(label="Person", start=s.start, end=s.end)


def _kind_of(sent: Sentence, a: Arg | None) -> str | None:
    if a is None or a.slot is None or sent.slots[a.slot].mention is None:
        return None
    return sent.slots[a.slot].mention.kind


def _as_org(sent: Sentence, a: Arg | None) -> Arg | None:
    """A one-word "person" at an end of a renaming is an organisation; a longer name is not."""
    if a is None or a.slot is None or sent.slots[a.slot].type != "PER":
        return a
    s = sent.slots[a.slot]
    if s.end - s.start != 1:
        return None
    return Arg(label="Organization", start=s.start, end=s.end)


def _trigger_ok(verb, frame: dict) -> bool:
    voice = frame.get("voice")
    if voice == "passive" and not deps.is_passive(verb):
        return False
    if voice == "active" and deps.is_passive(verb):
        return False
    if frame.get("particle") and not any(c.dep_ == "prt" and c.lower_ == frame["particle"] for c in verb.children):
        return False
    if frame.get("unless_deps") and any(c.dep_ in frame["unless_deps"] for c in verb.children):
        return False  # "X advised Y to withdraw": one piece of advice, not an adviser's role
    return True


@lru_cache(maxsize=1)
def _frames_by_lemma() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for fr in frames():
        for lemma in fr["lemmas"]:
            out.setdefault(lemma, []).append(fr)
    return out


def verb_frames(sent: Sentence, antecedent: Arg | None = None) -> list[Fact]:
    index = _frames_by_lemma()
    facts: list[Fact] = []
    for tok in sent.doc:
        frs = index.get(tok.lemma_.lower())
        if not frs or tok.pos_ not in ("VERB", "AUX"):
            continue
        for fr in frs:
            if not _trigger_ok(tok, fr):
                continue
            st, ot = fr["types"]
            subs = _args(sent, tok, fr["subject"], st, antecedent)
            objs = _args(sent, tok, fr["object"], ot, None)
            # "moved to X to run Y": a purpose of working there makes X an employer of any kind
            purpose = set(fr.get("unless_purpose", ())) and any(
                c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in fr["unless_purpose"] for c in tok.children)
            if (fr.get("known_kind") or fr.get("object_kinds")) and not purpose:
                allowed = set(fr.get("object_kinds") or ())
                objs = [o for o in objs if o.slot is not None and sent.slots[o.slot].mention is not None
                        and (sent.slots[o.slot].mention.kind in allowed if allowed else
                             sent.slots[o.slot].mention.kind not in (None, "other", "party"))]
            if not subs or not objs:
                continue
            for s in subs:
                for o in objs:
                    if s == o or (fr["kind"] in ("family", "post") and (_cut_before(sent, s, lexicon())
                                                                         or _cut_before(sent, o, lexicon()))):
                        continue
                    q = dict(fr.get("qualifiers", {}))
                    extra: list[Fact] = []
                    if st == "PERX" and s.slot is not None and sent.slots[s.slot].type == "ROLE":
                        s = person_arg(sent, s.slot, extra)
                    if ot == "PERX" and o.slot is not None and sent.slots[o.slot].type == "ROLE":
                        o = person_arg(sent, o.slot, extra)
                    if fr["kind"] == "post":
                        cur = fr.get("current", True)
                        if cur == "tense":
                            cur = not (tok.tag_ in ("VBD", "VBN") or any(c.lower_ in ("had", "was") for c in tok.children))
                        q["current"] = cur
                        q["role"] = fr.get("role")
                    if fr["kind"] == "owned_by" and "share" not in q:
                        q["share"] = "part" if any(c.lower_ in ("part", "partly", "jointly", "partially")
                                                   for c in tok.children) else "whole"
                    spans = [_span(sent, a) for a in (s, o) if a.ref is None]
                    idx = [tok.i] + [a for a, _ in spans] + [b - 1 for _, b in spans]
                    facts.extend(extra)
                    facts.append(Fact(fr["kind"], fr["id"], s, o, min(idx), max(idx) + 1, q, trigger=tok.i))
    return facts


def _span(sent: Sentence, a: Arg) -> tuple[int, int]:
    if a.slot is not None:
        s = sent.slots[a.slot]
        return s.start, s.end
    return a.start, a.end


def _args(sent: Sentence, verb, paths: list[str], want: str, antecedent) -> list[Arg]:
    for path in paths:
        toks = deps.with_conjuncts(deps.follow(verb, path), verb)
        args = [a for a in (deps.as_arg(sent, t, want, antecedent) for t in toks) if a is not None]
        # an argument outside this sentence (an antecedent) has no span here: keep only local ones
        if args:
            return args
    return []


def coi(sent: Sentence, previous: list[Arg]) -> list[Fact]:
    """A sentence that says there is a conflict of interest, linked to the entities it concerns:
    the people and organisations in it, else those of the sentences just before it."""
    if not COI_RE.search(sent.doc.text):
        return []
    here = [Arg(slot=i) for i, s in enumerate(sent.slots) if s.type in ("PER", "ORG")]
    # "... chaired by Nigel X. Mr X declared a conflict of interest": a person named before by the
    # surname of one named here is the same person, not the other party (where the caller gives
    # the earlier mentions' label and text)
    # the same person only when named here by the surname alone ("Mr X", "X"), or with the same
    # first name: "Jane X ... Tom X has a conflict" are two people, the usual case of a relative
    named_here = [s.text.split() for s in sent.slots if s.type == "PER" and s.text.split()]

    def same_person(words: list[str]) -> bool:
        return any(w[-1].lower() == words[-1].lower() and (len(w) == 1 or w[0].lower() == words[0].lower())
                   for w in named_here)

    previous = [a for a in dict.fromkeys(previous)
                if not (a.label == "Person" and a.text and a.text.split() and same_person(a.text.split()))]
    m = COI_RE.search(sent.doc.text)
    tok = sent.doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if not here and tok is not None and tok.end + 1 < len(sent.doc) and sent.doc[tok.end].lower_ == "for" \
            and sent.doc[tok.end + 1].text[:1].isupper() and tok.end + 1 not in sent.tok2slot:
        # "a conflict of interest for Anselm": the one conflicted is a name the entity pass missed, and
        # the names before are the other parties: no fact rather than one between them
        return []
    ents = here if len(here) >= 2 else here + previous[:4]
    if len(ents) < 2:
        # one end is no stated conflict between two parties ("whether that's a conflict of interest"
        # after one name): a half fact would link the name to nothing
        return []
    first = ents[0]
    second = ents[1] if len(ents) > 1 else None
    a, b = (tok.start, tok.end) if tok is not None else (0, len(sent.doc))
    return [Fact("coi_stated", "coi.stated", first, second, a, b,
                 {"entities": tuple(ents)},
                 trigger=tok.root.i if tok is not None and sent.doc.has_annotation("DEP") else None)]
