"""One message: choose the sentences worth parsing, run the rules, and turn their facts into
Mentions and Relations with evidence, status and confidence."""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract import slots as slotmod
from graph.extract.confidence import confidence
from graph.extract.contracts import (contract_details, contracts, listed_bidders, opening_bidders, parse_cue,
                                     pointed_bidders)
from graph.extract.facts import Arg, Fact
from graph.extract.lexicon import cue_words, lexicon, parse_cues
from graph.extract.relations import coi, surface, verb_frames
from graph.extract.status import status_of
from graph.model import Evidence, Mention, Message, Relation, mention_ref

ARG_LABELS = {"Person", "Organization", "Place"}
TITLES = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mrs": "f", "ms": "f", "miss": "f",
          "lady": "f", "dame": "f", "queen": "f", "princess": "f"}


@dataclass
class MessageWork:
    thread_id: str
    message: Message
    doc: object  # the cheap-pass Doc of the whole message
    mentions: list[Mention]
    parsed: dict = field(default_factory=dict)  # sentence start char -> parsed sentence Doc
    # the contract the parent message (for a top-level comment, the post) named last: a reply's
    # "they lost the contract" / "they bid for it too" means that one until the reply names its own
    inherited: Arg | None = None
    # set by extract(): what this message hands on to its replies - its own contract, else the one it
    # inherited; none where it named two or more (which one a reply means is anyone's guess)
    last_contract: Arg | None = None

    def _in(self, s) -> list[Mention]:
        return [m for m in self.mentions if m.evidence.start >= s.start_char and m.evidence.end <= s.end_char]

    @property
    def sents(self) -> list:
        """Sentences, also split at line breaks (a comment's lines are seldom one sentence)."""
        if getattr(self, "_sents", None) is None:
            out = []
            for s in self.doc.sents:
                start = s.start
                for t in s:
                    if t.is_space and "\n" in t.text:
                        if t.i > start:
                            out.append(self.doc[start:t.i])
                        start = t.i + 1
                if start < s.end:
                    out.append(self.doc[start:s.end])
            self._sents = _join_open_brackets(self.doc, out)
        return self._sents

    def _args_and_words(self, s) -> tuple[int, set[str]]:
        args = sum(1 for m in self._in(s) if m.label in ARG_LABELS)
        abbrevs = lexicon().role_abbreviations
        args += sum(1 for t in s if t.text in abbrevs)  # "SoS X": an abbreviated title is an argument too
        return args, {t.lower_ for t in s}

    def sentences_to_read(self) -> list:
        """Sentences the rules look at: two or more candidate arguments (names, role words) or a cue word."""
        cues = cue_words()
        heads = lexicon().role_heads
        bodies = set(lexicon().generic_body_kinds)  # "the trust retendered it": a body named by its noun
        out = []
        for s in self.sents:
            args, words = self._args_and_words(s)
            if words & cues or args + len(words & heads) >= 2 or (args or words & bodies) and parse_cue(words, s.text):
                out.append(s)
        return out

    def sentences_to_parse(self) -> list:
        """The ones among them the dependency rules need: a verb a frame starts from, and a name
        (or a role) for it to link. The surface rules read the others from the cheap pass's tokens."""
        cues = parse_cues()
        heads = lexicon().role_heads
        contract_nouns = lexicon().contract_nouns
        bodies = set(lexicon().generic_body_kinds)
        out = []
        for s in self.sentences_to_read():
            args, words = self._args_and_words(s)
            if words & cues and (args + len(words & heads) >= 1 or words & contract_nouns) or \
                    (args or words & bodies) and parse_cue(words, s.text):  # the comment-thread contract tellings
                out.append(s)
        return out

    # ------------------------------------------------------------------
    def extract(self) -> tuple[list[Mention], list[Relation]]:
        new: dict[tuple, Mention] = {}
        relations: list[Relation] = []
        seen: set[tuple] = set()
        sents = self.sents
        handed = self.inherited
        if handed is not None and handed.label == CHOICE:
            # the parent named two or more contracts: the one whose parties this message names
            self.inherited = self._choose(handed)
        last_contract: Arg | None = self.inherited
        own: set[str] = set()  # contracts this message names itself
        org_before = False  # an earlier sentence named an organisation
        to_read = {s.start_char for s in self.sentences_to_read()}
        pointer = None  # (sentence, bidder phrase) that points at bidders the next sentence names
        for k, s in enumerate(sents):
            pointed, pointer = pointer, None
            if org_before and last_contract is not None and last_contract is self.inherited:
                # "This was run by the X Partnership. Y pulled out of it": once the reply has named
                # an organisation of its own, its "it" is more likely that than the parent's contract
                last_contract = None
            org_before = org_before or any(m.label == "Organization" for m in self._in(s))
            if last_contract is not None and (details := contract_details(s.text)):
                # "The ten-year arrangement is worth £3.5m a year": the value and term of the contract
                # named before, where its own sentence did not give them
                for m in new.values():
                    if m.ref == last_contract.ref:
                        if m.attrs.get("value") is None and "value" in details:
                            m.attrs.update({k: details[k] for k in ("value", "currency", "period")})
                        if m.attrs.get("term_years") is None and "term_years" in details:
                            m.attrs["term_years"] = details["term_years"]
            if s.start_char not in to_read:
                continue
            sd = self.parsed.get(s.start_char)
            parsed = sd is not None
            if sd is None:
                sd = s.as_doc()  # tokens and names only: the surface rules need no parse
            local = self._in(s)
            sent = slotmod.build(sd, s.start_char, local, self.names())
            _add_place_after_mp(sent)
            _add_owned_subject(sent)
            _add_investigated_subject(sent)
            _add_club_before_sports_role(sent)
            if parsed:
                _org_short_forms(sent, self.names())
            antecedent = self.antecedents(s.start_char)
            facts: list[Fact] = surface(sent, antecedent)
            if parsed:
                facts += verb_frames(sent, antecedent)
                cfacts, named = contracts(sent, last_contract, self.inherited)
                if named is not None:
                    # a later "it" names this contract: keep its mention by reference
                    ref = self._ref(named, sent, new)
                    last_contract = Arg(ref=ref)
                    if self.inherited is None or ref != self.inherited.ref:
                        own.add(ref)
                facts += cfacts
            if pointed is not None and (named_bidders := opening_bidders(sent)):
                contract = last_contract or Arg(ref=self._ref(pointed[1], pointed[0], new))
                facts += listed_bidders(sent, named_bidders, contract)
            if (phrase := pointed_bidders(sent)) is not None:
                pointer = (sent, phrase)
            # the nearest earlier sentence that names someone
            prev_ents = []
            for j in range(k - 1, max(-1, k - 3), -1):
                # label and text let coi() tell a surname said again from the other party
                prev_ents = [Arg(ref=m.ref, label=m.label, text=m.text)
                             for m in self._in(sents[j]) if m.label in ("Person", "Organization")]
                if prev_ents:
                    break
            facts += coi(sent, prev_ents)
            later = [t.text for t in sents[k + 1:k + 4]]
            # a one-place telling is dropped where the same rule found both ends in the sentence
            two = {(f.kind, f.rule, f.subject) for f in facts if f.object is not None}
            facts = [f for f in facts if f.object is not None or (f.kind, f.rule, f.subject) not in two]
            for f in facts:
                rel = self._relation(f, sent, new, later)
                if rel is None:
                    continue
                key = (rel.kind, rel.subject, rel.object, rel.evidence.sentence_start,
                       rel.qualifiers.get("relation"), rel.qualifiers.get("status"), rel.qualifiers.get("role"))
                if key in seen:
                    continue
                seen.add(key)
                relations.append(rel)
        # a contract carries its buyer's name, so resolution keeps two buyers' "cleaning contract"s apart
        new_by_ref = {m.ref: m for m in new.values()}
        all_by_ref = {m.ref: m for m in self.mentions} | new_by_ref
        for r in relations:
            if r.kind == "buyer" and r.subject in new_by_ref and r.object in all_by_ref:
                new_by_ref[r.subject].attrs.setdefault("buyer", all_by_ref[r.object].text)
        if len(own) < 2:
            self.last_contract = last_contract if own else (self.inherited or (handed if handed is not None
                                                                                and handed.label == CHOICE else None))
        else:
            self.last_contract = self._choice(own, relations, all_by_ref)
        return self.mentions + list(new.values()), relations

    def _choice(self, own: set[str], relations: list[Relation], by_ref: dict) -> Arg:
        """Two or more contracts named here: which a reply means is told by the parties it names.
        Each contract with the names of its bidders and buyers (lower case, and their first words)."""
        parties: dict[str, set[str]] = {ref: set() for ref in own}
        for r in relations:
            if r.kind not in ("bid", "buyer"):
                continue
            contract, party = (r.object, r.subject) if r.kind == "bid" else (r.subject, r.object)
            m = by_ref.get(party)
            if contract in parties and m is not None and m.label == "Organization":
                parties[contract] |= _name_keys(m.text)
        return Arg(label=CHOICE, attrs=tuple(sorted((ref, frozenset(n)) for ref, n in parties.items())))

    def _choose(self, choice: Arg) -> Arg | None:
        """The one contract of `choice` some of whose parties this message names (a reply naming the
        winner of one contract and no party of the other means the first), else none."""
        here: set[str] = set()
        for m in self.mentions:
            if m.label == "Organization":
                here |= _name_keys(m.text)
        hits = [ref for ref, names in choice.attrs if names & here]
        return Arg(ref=hits[0]) if len(hits) == 1 else None

    def names(self) -> dict[str, str]:
        """Names of organisations and people the entity pass found in the message (text -> slot
        type), longest first, for the rules to find where the entity pass missed a repeat. A name
        given two types, or an all-lower-case one, is left out."""
        if getattr(self, "_names", None) is None:
            seen: dict[str, set] = {}
            for m in self.mentions:
                st = {"Person": "PER", "Organization": "ORG"}.get(m.label)
                if st and m.text.strip().count(" ") < 4:
                    seen.setdefault(m.text.strip(), set()).add(st)
            self._names = {t: next(iter(v)) for t, v in sorted(seen.items(), key=lambda kv: -len(kv[0]))
                           if len(v) == 1 and len(t) > 1 and t[:1].isupper()}
        return self._names

    def _antecedent(self, before: int) -> Arg | None:
        """Who "he" / "she" / "his" most likely is: the last person named at the start of an
        earlier sentence of the message (the topic), else the last person named."""
        people = [m for m in self.mentions if m.label == "Person" and m.evidence.end <= before]
        if not people:
            return None
        topical = [m for m in people if self._topical(m)]
        return Arg(ref=(topical or people)[-1].ref)

    def _topical(self, m: Mention) -> bool:
        starts = self._starts()
        text = self.message.text
        return m.evidence.start in starts or any(
            text[:m.evidence.start].endswith(p) and (m.evidence.start - len(p)) in starts
            for p in ("Mr ", "Mrs ", "Ms ", "Dr ", "Sir ", "Lord ", "Lady "))

    def _starts(self) -> set[int]:
        if getattr(self, "_start_set", None) is None:
            self._start_set = {s.start_char for s in self.sents}
        return self._start_set

    def antecedents(self, before: int) -> dict:
        """The antecedent of a male and of a female pronoun ("any": either): as _antecedent, but a
        person whose gender the message shows otherwise is passed over (see _genders)."""
        people = [m for m in self.mentions if m.label == "Person" and m.evidence.end <= before]
        # "Its chief executive, X": the organisation that opens a sentence before this one (the topic,
        # as for people: the last one named may be anyone)
        text, starts = self.message.text, self._starts()
        orgs = [m for m in self.mentions if m.label == "Organization" and m.evidence.end <= before
                and (self._topical(m) or text[:m.evidence.start].endswith("The ")
                     and m.evidence.start - 4 in starts)]
        out: dict = {"any": self._antecedent(before), "m": None, "f": None,
                     "org": Arg(ref=orgs[-1].ref) if orgs else None}
        if not people:
            return out
        genders = self._genders()
        for g in ("m", "f"):
            ok = [m for m in people if genders.get(m.text.split()[-1].lower()) in (None, g)]
            # only a person who opens a sentence: the last one named may be anyone ("She is the
            # sister of X. Her niece ..." where the entity pass missed "she"'s own name)
            topical = [m for m in ok if self._topical(m)]
            if topical:
                out[g] = Arg(ref=topical[-1].ref)
        return out

    def _genders(self) -> dict[str, str]:
        """Gender a message shows for a person (by surname, lower case): a title before the name
        ("Mrs", "Sir"), or the pronoun that opens the sentence after one the person opens ("X was
        born in 1950. She ..."). A name with signs both ways has none."""
        if getattr(self, "_gender_cache", None) is not None:
            return self._gender_cache
        votes: dict[str, set] = {}
        text = self.message.text
        sents = self.sents
        for m in self.mentions:
            if m.label != "Person":
                continue
            key = m.text.split()[-1].lower()
            before = text[max(0, m.evidence.start - 9):m.evidence.start].lower().split()
            title = before[-1].rstrip(".") if before else ""
            if title in TITLES:
                votes.setdefault(key, set()).add(TITLES[title])
        for i, s in enumerate(sents[:-1]):
            opener = [m for m in self._in(s) if m.label == "Person" and self._topical(m)
                      and m.evidence.start - s.start_char < 12]
            nxt = sents[i + 1]
            first = nxt[0].lower_ if len(nxt) else ""
            if opener and first in ("he", "his", "she", "her"):
                votes.setdefault(opener[0].text.split()[-1].lower(), set()).add("m" if first in ("he", "his") else "f")
        self._gender_cache = {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}
        return self._gender_cache

    def _evidence(self, sent, start_tok: int, end_tok: int) -> Evidence:
        sd = sent.doc
        a = sent.offset + sd[start_tok].idx
        last = sd[end_tok - 1]
        b = sent.offset + last.idx + len(last.text)
        s_end = sent.offset + len(sd.text.rstrip())
        return Evidence(self.thread_id, self.message.id, a, b, self.message.text[a:b], sent.offset, s_end)

    def _ref(self, a: Arg | None, sent, new: dict) -> str | None:
        if a is None:
            return None
        if a.ref is not None:
            return a.ref
        if a.slot is not None:
            sl = sent.slots[a.slot]
            if sl.mention is not None and sl.exact:
                return sl.mention.ref
            label = {"LOC": "Place", "ORG": "Organization", "PER": "Person"}.get(sl.type)
            if label is None:
                return None
            # a name whose title or stray words were cut off ("King X" -> "X"): a mention of the name alone
            kind = sl.mention.kind if sl.mention is not None else None
            a = Arg(label=label, start=sl.start, end=sl.end, kind=kind)
        ev = self._evidence(sent, a.start, a.end)
        key = (a.label, ev.start, ev.end)
        if key not in new:
            attrs = dict(a.attrs)
            if "lots" in attrs:
                attrs["lots"] = list(attrs["lots"])
            m = Mention(text=a.text or ev.quote, label=a.label, evidence=ev, kind=a.kind,
                        source="relations", attrs=attrs)
            if a.label == "Organization" and "name" in attrs:
                m.expansion = str(attrs["name"])
            new[key] = m
        return mention_ref(new[key].evidence)

    def _relation(self, f: Fact, sent, new: dict, later: list[str]) -> Relation | None:
        subj = self._ref(f.subject, sent, new)
        obj = self._ref(f.object, sent, new)
        if subj is None or subj == obj:
            return None
        q = {}
        for k, v in f.qualifiers.items():
            if isinstance(v, Arg):
                q[k] = self._ref(v, sent, new)
            elif isinstance(v, tuple) and v and isinstance(v[0], Arg):
                q[k] = [self._ref(x, sent, new) for x in v]
            else:
                q[k] = v
        if f.kind == "post" and q.get("role") is None:
            q.pop("role", None)
        start, end = f.start, f.end
        for a in (f.subject, f.object):
            if a is not None and a.ref is None:
                a0, a1 = (sent.slots[a.slot].start, sent.slots[a.slot].end) if a.slot is not None else (a.start, a.end)
                start, end = min(start, a0), max(end, a1)
        ev = self._evidence(sent, start, end)
        status = status_of(sent.doc, f.start, f.end, f.trigger, later, f.kind)
        return Relation(kind=f.kind, subject=subj, object=obj, evidence=ev, rule=f.rule,
                        confidence=confidence(f.rule), status=status, qualifiers=q)


CHOICE = "ContractChoice"  # what a message naming two or more contracts hands on to its replies


def _name_keys(text: str) -> set[str]:
    """An organisation's name as a reply may say it: whole, and its first word ("Acme" of "Acme
    Services Ltd"; not a word of a generic body: "the council")."""
    words = [w for w in text.lower().replace("’", "'").split() if w not in ("the", "a")]
    if not words:
        return set()
    return {" ".join(words), words[0].removesuffix("'s")} if len(words[0]) > 3 else {" ".join(words)}


def _open_brackets(span) -> int:
    return sum(1 for t in span if t.text == "(") - sum(1 for t in span if t.text == ")")


def _join_open_brackets(doc, spans: list) -> list:
    """A question mark inside brackets ends no sentence: "X (wife? sister?) is Y" is one. A span
    whose bracket is still open is joined to the next ones of the same line until it closes
    (three at most)."""
    out = []
    i = 0
    while i < len(spans):
        cur = spans[i]
        j = i
        while _open_brackets(doc[cur.start:spans[j].end]) > 0 and j + 1 < len(spans) and j - i < 3 \
                and spans[j + 1].start == spans[j].end:
            j += 1
        if j > i and _open_brackets(doc[cur.start:spans[j].end]) == 0:
            out.append(doc[cur.start:spans[j].end])
            i = j + 1
        else:
            out.append(cur)
            i += 1
    return out


def _add_place_after_mp(sent) -> None:
    """"MP for Eastfold Valley": title-case words after "MP for" name a constituency even when the
    entity pass missed them; they become a place slot (a new Place mention)."""
    doc = sent.doc
    for i, t in enumerate(doc[:-2]):
        if t.lower_ not in ("mp", "mep", "msp") or doc[i + 1].lower_ != "for":
            continue
        j = i + 2
        if doc[j].lower_ == "the":
            j += 1
        if j < len(doc) and doc[j].i in sent.tok2slot:
            si = sent.tok2slot[doc[j].i]
            if sent.slots[si].type == "ORG":
                sent.slots[si].type = "LOC"
                sent.slots[si].mention = None  # read as a place here: a new Place mention
            continue
        k = j
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and k not in sent.tok2slot and k - j < 4:
            k += 1
        if k > j:
            sent.slots.append(slotmod.Slot("LOC", j, k, doc[j:k].text, None))
            for x in range(j, k):
                sent.tok2slot[x] = len(sent.slots) - 1
    slotmod.render(sent)


def _add_investigated_subject(sent) -> None:
    """"Acme kss being investigated for fraud": one to three title-case words the entity pass
    missed, opening the sentence or a clause, then at most one lower-case word (a typo, an adverb)
    and "(is / has been) being investigated / probed / under investigation for|over": the one
    investigated - an organisation, or a person when its first word is a common given name."""
    from graph.nlp import lexicons

    doc = sent.doc
    aux = lexicon().investigated_aux
    for i, t in enumerate(doc[:-1]):
        if t.lower_ in ("investigated", "probed"):
            k = i
        elif t.lower_ == "investigation" and i > 0 and doc[i - 1].lower_ == "under":
            k = i - 1
        else:
            continue
        if doc[i + 1].lower_ not in ("for", "over"):
            continue
        e = k
        while e > 0 and doc[e - 1].lower_ in aux:
            e -= 1
        if e == k:
            continue  # "X investigated for ..." with no auxiliary: a verb of X's own
        if e > 0 and doc[e - 1].is_lower and doc[e - 1].is_alpha and not doc[e - 1].is_stop:
            e -= 1  # one stray word ("kss")
        b = e
        while b > 0 and e - b < 3 and doc[b - 1].is_title and doc[b - 1].is_alpha and (b - 1) not in sent.tok2slot \
                and not doc[b - 1].is_stop:
            b -= 1
        if b == e or any(x in sent.tok2slot for x in range(b, e)) or doc[b].lower_ in NOT_A_NAME:
            continue
        if b > 0 and not (doc[b - 1].is_punct or doc[b - 1].is_space):
            continue  # only a clause's opening words
        first_names = lexicons()["first_names"]
        if e - b == 1 and doc[b].lower_ in first_names:
            continue  # a given name alone names nobody in particular
        label = "PER" if e - b >= 2 and doc[b].lower_ in first_names else "ORG"
        sent.slots.append(slotmod.Slot(label, b, e, doc[b:e].text, None))
        for x in range(b, e):
            sent.tok2slot[x] = len(sent.slots) - 1
        slotmod.render(sent)


OWNED_SKIP = {"part", "partly", "partially", "jointly", "wholly", "fully", "majority", "minority", "half", "-",
              "is", "was", "are", "were", "has", "have", "been", "now", "also", "still", "for", "example",
              "instance", "e.g.", "eg", ","}
NOT_A_NAME = {"it", "this", "that", "which", "who", "they", "he", "she", "what", "there", "here", "all", "some",
              "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your"}


def _add_owned_subject(sent) -> None:
    """"Harbour works for example is part owned by the government": the thing said to be owned,
    when it opens the sentence upper-case and the entity pass missed it, is an organisation
    (a new Organization mention) - what else has owners named as bodies. Pronouns, determiners
    and anything after a named slot are left alone."""
    doc = sent.doc
    for i, t in enumerate(doc[:-1]):
        if t.lower_ != "owned" or doc[i + 1].lower_ != "by":
            continue
        e = i
        while e > 0 and doc[e - 1].lower_ in OWNED_SKIP:
            e -= 1
        b = e
        while b > 0 and doc[b - 1].is_alpha and not doc[b - 1].is_space and e - b < 4:
            b -= 1
        while b < e and (doc[b].is_space or doc[b].is_punct):
            b += 1
        if b >= e or any(x in sent.tok2slot for x in range(b, e)) or doc[b].lower_ in NOT_A_NAME:
            continue
        if any(not doc[x].is_space for x in range(0, b)) or not doc[b].text[:1].isupper():
            continue  # only the sentence's opening words
        sent.slots.append(slotmod.Slot("ORG", b, e, doc[b:e].text, None))
        for x in range(b, e):
            sent.tok2slot[x] = len(sent.slots) - 1
        slotmod.render(sent)


# words that describe a side, not name a club ("Team Captain X", "Youth coach X")
TEAM_WORDS = frozenset({"team", "club", "squad", "side", "national", "youth", "reserve", "reserves", "senior",
                        "junior", "women", "men", "olympic", "former", "new", "star", "veteran", "top"})


def _add_club_before_sports_role(sent) -> None:
    """"Eastfold keeper Jan Roe": one to three title-case words right before a sports role that is
    followed by a person name the club (a new Organization slot) when the entity pass missed them.
    A nationality ("German midfielder X", NORP to the model) or a function word ("My coach X", "Was
    coach X ...?") is no club."""
    doc = sent.doc
    heads = lexicon().sports_heads
    business = lexicon().company_heads
    lex = lexicon()
    for role in list(sent.slots):
        if role.type != "ROLE" or (role.head not in heads and role.head not in business):
            continue
        # "Schalke Captain X": the role finder took the club into a Title Case role
        k = role.start
        while role.head in heads and k < role.end - 1 and doc[k].is_title and doc[k].lower_ not in lex.role_heads \
                and doc[k].lower_ not in lex.role_modifiers and doc[k].ent_type_ != "NORP" and not doc[k].is_stop \
                and doc[k].lower_ not in TEAM_WORDS:
            k += 1
        if k > role.start:
            club = slotmod.Slot("ORG", role.start, k, doc[role.start:k].text, None)
            role.start, role.text = k, doc[k:role.end].text
            sent.slots.append(club)
            for x in range(club.start, club.end):
                sent.tok2slot[x] = len(sent.slots) - 1
            slotmod.render(sent)
            continue
        j = role.start
        if j == 0 or doc[j].text[:1].isupper():
            continue
        nxt = sent.tok2slot.get(role.end)
        if nxt is None or sent.slots[nxt].type != "PER":
            continue
        b = j
        while b > 0 and j - b < 3 and doc[b - 1].is_alpha and doc[b - 1].text[:1].isupper() \
                and (b - 1) not in sent.tok2slot and doc[b - 1].ent_type_ != "NORP" \
                and not doc[b - 1].is_stop and doc[b - 1].lower_ not in lexicon().honorifics \
                and doc[b - 1].lower_ not in TEAM_WORDS:
            b -= 1
        if b == j:
            continue
        sent.slots.append(slotmod.Slot("ORG", b, j, doc[b:j].text, None))
        for x in range(b, j):
            sent.tok2slot[x] = len(sent.slots) - 1
        slotmod.render(sent)


def _org_short_forms(sent, names: dict[str, str]) -> None:
    """"Three firms were shortlisted: ..., Oxley Laboratories Ltd ... . Oxley withdrew": a name the
    entity pass took for a place, that opens the name of an organisation the message names, is that
    organisation's short form where it is the subject of a verb of bidding or winning
    (contracts_comment.toml [short_forms]).
    Not where the longer name is a place's body ("Eastfold Borough Council")."""
    from graph.extract.contracts import comment_rules

    lemmas = set(comment_rules()["short_forms"]["verbs"])
    public = set(comment_rules()["contract_with"]["public_words"])
    doc = sent.doc
    for si, sl in enumerate(sent.slots):
        if sl.type != "LOC":
            continue
        head = doc[sl.end - 1]
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.lemma_.lower() not in lemmas:
            continue
        n = len(sl.text.split())
        if any(full.startswith(sl.text + " ") and kind == "ORG" and full.split()[n].lower() not in public
               for full, kind in names.items()):
            sl.type, sl.mention, sl.exact = "ORG", None, False
    slotmod.render(sent)
