"""Contracts: who bid for or won what, from whom, worth how much, for how long.

Money, period and term are read from the sentence text (`parse_money`, `parse_term`); the
parties from the dependency parse with the verb frames in ontology/patterns/relations/contracts.toml.
A contract becomes a Mention labelled "Contract" whose attrs hold value (Decimal, in units),
currency (ISO 4217), period ("year"/"month"/None), term_years (Decimal), lots and subject.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from graph.extract import deps
from graph.extract.facts import Arg, Fact, generic_body
from graph.extract.lexicon import PATTERNS, contract_rules, lexicon
from graph.extract.slots import Sentence


@lru_cache(maxsize=1)
def comment_rules() -> dict:
    """ontology/patterns/relations/contracts_comment.toml: how articles and comments tell contracts."""
    with open(PATTERNS / "contracts_comment.toml", "rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Money:
    value: Decimal
    currency: str
    period: str | None
    start: int  # char offsets in the text given
    end: int


@lru_cache(maxsize=1)
def _money_res():
    m = contract_rules()["money"]
    syms = sorted((k for k in m["currencies"] if not k.isalpha()), key=len, reverse=True)
    codes = sorted((k for k in m["currencies"] if k.isalpha() and len(k) == 3), key=len, reverse=True)
    words = sorted((k for k in m["currencies"] if k.isalpha() and len(k) > 3), key=len, reverse=True)
    scales = sorted(m["scales"], key=len, reverse=True)
    num = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    scale = r"(?:\s?(?P<scale>" + "|".join(map(re.escape, scales)) + r")\b)?"
    pre = re.compile(r"(?P<cur>" + "|".join(map(re.escape, syms + codes)) + r")\s?" + num + scale, re.I)
    post = re.compile(num + scale + r"\s(?P<cur>" + "|".join(map(re.escape, words)) + r")\b", re.I)
    periods = sorted(m["periods"], key=len, reverse=True)
    # "£5bn a year", "£5bn-a-year", "£3m p.a.", "$3m/year": words joined by spaces or hyphens
    alts = "|".join(re.escape(p).replace(r"\ ", r"[\s-]") for p in periods)
    period = re.compile(r"[\s-]*(?:of [a-z]+ )?(?P<p>" + alts + r")(?!\w)", re.I)
    return pre, post, period


def parse_money(text: str) -> list[Money]:
    """Amounts of money in a text: "£1.1 billion a year", "£5bn", "$3m", "20 million euros"."""
    m = contract_rules()["money"]
    pre, post, period = _money_res()
    out: list[Money] = []
    taken: list[tuple[int, int]] = []
    for rx in (pre, post):
        for g in rx.finditer(text):
            if any(a < g.end() and g.start() < b for a, b in taken):
                continue
            value = Decimal(g.group("num").replace(",", ""))
            sc = g.group("scale")
            if sc:
                value *= Decimal(m["scales"][sc.lower()])
            per = None
            end = g.end()
            pm = period.match(text, g.end())
            if pm:
                per = m["periods"][re.sub(r"[\s-]+", " ", pm.group("p").lower())]
                end = pm.end()
            out.append(Money(value.to_integral_value() if value == value.to_integral_value() else value.normalize(),
                             m["currencies"][g.group("cur").lower()], per, g.start(), end))
            taken.append((g.start(), g.end()))
    return sorted(out, key=lambda x: x.start)


def _number(word: str) -> Decimal | None:
    nums = contract_rules()["money"]["numbers"]
    w = word.lower()
    if w in nums:
        return Decimal(nums[w])
    try:
        return Decimal(w)
    except Exception:
        return None


@lru_cache(maxsize=1)
def _numw() -> str:
    """A count in figures or words ("10", "ten", "twenty-five"), as a regex group."""
    words = sorted(contract_rules()["money"]["numbers"], key=len, reverse=True)
    return r"(\d+(?:\.\d+)?|" + "|".join(map(re.escape, words)) + ")"


@lru_cache(maxsize=2)
def _term_res(unit: str) -> list:
    n = _numw()
    u = unit + "s?"
    nouns = r"(?:" + "|".join(map(re.escape, contract_rules()["term"]["nouns"])) + r")\b"
    # "a 15-year, £240m contract", "a ten-year leisure arrangement": up to three words (an amount, a
    # kind) between the term and its noun; "after a two-year procurement" names no contract's term
    between = r"(?:,?\s+(?!(?:and|or|but|to|of|in|for|after|before|with|the|a|an|this|that|its|their|his|her)\b)[^\s.;:!?]+){0,3}?,?\s+"
    return [
        re.compile(r"\bover (?:a |the )?(?:period of |term of )?(?:the next )?" + n + r"[ -]" + u + r"\b", re.I),
        re.compile(r"\b" + n + r"[ -]" + u + r"\b(?= " + nouns + ")", re.I),
        re.compile(r"\b" + n + "-" + unit + r"\b(?!-old)(?=" + between + nouns + ")", re.I),
        re.compile(r"\bfor (?:a (?:period|term) of )?(?:the next )?" + n + " " + unit + r"s\b", re.I),
        # "for an initial five years", "a contract lasting seven years" ("for a further two years" is an
        # extension, not the term)
        re.compile(r"\bfor (?:an |the |a )?initial (?:period of |term of )?" + n + "[ -]" + unit + r"s?\b", re.I),
        re.compile(r"\blast(?:s|ed|ing)? (?:for )?(?:a period of )?" + n + " " + unit + r"s\b", re.I),
    ]


def parse_term(text: str) -> Decimal | None:
    """A contract's term in years: "over 10 years", "a seven-year deal", "for five years", "an
    18-month contract" (1.5)."""
    for unit, per_year in (("year", 1), ("month", 12)):
        for rx in _term_res(unit):
            g = rx.search(text)
            if g:
                n = _number(g.group(1))
                if n is None:
                    continue
                years = n / per_year
                return years if per_year == 1 else years.quantize(Decimal("0.01")).normalize()
    return None


@lru_cache(maxsize=1)
def _lots_re():
    return re.compile(r"\b(?:in|across|for|covering|into|of) " + _numw() +
                      r" ((?:[A-Za-z][\w-]* ){0,5}?(?:areas|regions|lots|patches|packages))\b", re.I)


def parse_lots(text: str) -> list[str]:
    """Lots or areas a contract is let in: "in six probation areas", "split into 4 lots"."""
    return [f"{g.group(1)} {g.group(2)}" for g in _lots_re().finditer(text)]


@lru_cache(maxsize=1)
def _details_re():
    d = contract_rules()["details"]
    term = r"(?:[\w.]+-(?:year|month)s?(?:-long)?|£?[\d.,]+[mbk]?n?)"  # "ten-year", "15-year", "£3m"
    mods = "|".join(map(re.escape, d.get("modifiers", ())))
    return re.compile(r"^\W*(?:" + "|".join(map(re.escape, d["determiners"])) + r")\s+(?:(?:" + term + "|" + mods
                      + r")\s+){0,3}(?:"
                      + "|".join(map(re.escape, d["nouns"])) + r")\s+(?:" + "|".join(map(re.escape, d["verbs"]))
                      + r")\s+(?:(?:said|thought|expected|estimated|reported)\s+to\s+be\s+)?worth\b", re.I)


def _value_and_term(text: str) -> dict:
    """A contract's value (the first amount: value, currency, period) and term (term_years) as the
    text states them; only the keys it states."""
    out: dict = {}
    money = parse_money(text)
    if money:
        out.update(value=money[0].value, currency=money[0].currency, period=money[0].period)
    term = parse_term(text)
    if term is not None:
        out["term_years"] = term
    return out


@lru_cache(maxsize=1)
def _runs_for_re():
    """"The contract runs for seven years", "The deal will last five years": the term alone."""
    d = contract_rules()["details"]
    mods = "|".join(map(re.escape, d.get("modifiers", ())))
    return re.compile(r"^\W*(?:" + "|".join(map(re.escape, d["determiners"])) + r")\s+(?:(?:" + mods + r")\s+){0,2}(?:"
                      + "|".join(map(re.escape, d["nouns"])) + r")\s+(?:will\s+|would\s+)?(?:runs?|lasts?|is|was)\s+"
                      r"(?:for|over)\s", re.I)


def contract_details(text: str) -> dict:
    """"The ten-year arrangement is worth £3.5m a year": a sentence that opens on the contract named
    before ("the / this deal") and says what it is worth gives that contract's value and term
    (attrs value, currency, period, term_years; empty when the sentence is no such telling).
    "The contract runs for seven years (with an option ...)" gives its term."""
    if not _details_re().match(text):
        if _runs_for_re().match(text) and (term := parse_term(text)) is not None:
            return {"term_years": term}
        return {}
    return _value_and_term(text)


# ------------------------------------------------------------------ the parties


def _is_contract_noun(tok) -> bool:
    lex = lexicon()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":  # "sell - off" is one word
        if f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}" in lex.contract_nouns:
            return True
    return tok.lower_ in lex.contract_nouns or tok.lemma_.lower() in lex.contract_nouns


def _phrase(tok, bodies: frozenset = frozenset()) -> tuple[int, int]:
    """The naming part of a contract noun phrase: its compounds and modifiers, no determiner or judging
    adjective, no amount ("£12 m"); "for / to ..." after it unless that names a body (`bodies`: token
    indices of organisation names: "the parking contract for the X Council" - X buys it, see buyers)."""
    lex = lexicon()
    scales = contract_rules()["money"]["scales"]
    start = tok.i
    for c in sorted(tok.lefts, key=lambda t: -t.i):
        if c.dep_ in ("compound", "amod", "nmod", "nummod") and c.i == start - 1 or (
                c.dep_ in ("compound", "amod", "nmod") and c.right_edge.i == start - 1):
            if c.lower_ in lex.drop_adjectives or any(g.dep_ == "advmod" for g in c.children) or any(
                    any(ch.isdigit() for ch in t.text) or t.is_currency or t.ent_type_ == "MONEY"
                    or t.lower_ in ("year", "month", "annum", "week") or t.lower_ in scales for t in c.subtree):
                break
            start = c.left_edge.i
        elif c.dep_ == "punct" and c.i == start - 1 and c.text == "-":
            start = c.i
        else:
            break
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("for", "to") and c.right_edge.i - tok.i <= 8:
            if not any(g.dep_ == "pobj" and g.i in bodies for g in c.children):
                end = c.right_edge.i + 1
            break
        if c.dep_ == "acl" and c.right_edge.i - tok.i <= 8 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            end = c.right_edge.i + 1
            break
    return start, end


def contract_arg(sent: Sentence, tok, last_contract: Arg | None,
                 services: bool = False) -> tuple[Arg | None, str | None]:
    """The Contract a token names, and whether its phrase says "preferred". With `services`, a noun
    of a public service handed over ("transfer the three leisure centres to X") names it too."""
    lex = lexicon()
    doc = sent.doc
    if tok.lower_ == "it" and last_contract is not None:
        return last_contract, None
    if last_contract is not None and _bare(tok) and _det(tok) in contract_rules()["anaphora"]["definite"]:
        return last_contract, None  # "... it was able to win the contract": the one named before
    if tok.lower_ in contract_rules()["contest"]["nouns"]:
        # "the race for the X contract", "its bid for X": the contract is the noun after "for"
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj"]
        if not inner:
            # "X pulled out of the race": the contest for the contract named before
            if last_contract is not None and _det(tok) in ("the", "this") and \
                    not any(c.dep_ in ("acl", "relcl", "prep") for c in tok.children):
                return last_contract, None
            return None, None
        return contract_arg(sent, inner[0], last_contract)
    lots: list[str] = []
    head = tok
    if tok.lower_ in lex.lot_nouns or tok.lemma_.lower() in lex.lot_nouns:
        ls, le = _phrase(tok)
        le = tok.i + 1
        if le < len(doc) and doc[le].like_num and doc[le].head.i == tok.i:
            le += 1  # "lot 3"
        lots.append(doc[ls:le].text)
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on")
                 for g in c.children if g.dep_ == "pobj" and _is_contract_noun(g)]
        if inner:
            head = inner[0]
    elif not _is_contract_noun(tok) and not (services and (
            tok.lower_ in contract_rules()["services"]["nouns"] or tok.lemma_.lower() in contract_rules()["services"]["nouns"])):
        return None, None
    if _private_kind(head):
        return None, None
    s, e = _phrase(head, frozenset(i for i, si in sent.tok2slot.items() if sent.slots[si].type == "ORG"))
    text = doc[s:e].text
    pref = "preferred" if "preferred" in doc[min(s, tok.i):max(e, tok.i + 1)].text.lower() or \
        "preferred bidder" in doc[tok.left_edge.i:tok.i + 1].text.lower() else None
    sent_text = doc.text
    attrs: dict = {"subject": text, "lots": tuple(lots + [x for x in parse_lots(sent_text) if x not in lots])}
    money = parse_money(sent_text)
    if money:
        # the amount nearest the contract noun
        here = doc[head.i].idx
        mo = min(money, key=lambda x: abs(x.start - here))
        attrs.update(value=mo.value, currency=mo.currency, period=mo.period)
    term = parse_term(sent_text)
    if term is not None:
        attrs["term_years"] = term
    return Arg(label="Contract", start=s, end=e, attrs=tuple(sorted(attrs.items()))), pref


@lru_cache(maxsize=1)
def _verbs_by_lemma() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for v in contract_rules()["verbs"]:
        for lemma in v["lemmas"]:
            out.setdefault(lemma, []).append(v)
    return out


def _voice_ok(tok, v: dict) -> bool:
    voice = v.get("voice")
    if v.get("particle") and not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == v["particle"]
                                     for c in tok.children):
        return False  # "pulled out of": the parser takes "out" for a particle or a preposition
    return not voice or (voice == "passive") == deps.is_passive(tok)


def _follow(tok, path: str) -> list:
    """deps.follow, and for a path of three or more steps ("prep:out>prep:of>pobj") a walk one
    dependency (with its words after ":") at a time."""
    steps = path.split(">")
    if len(steps) <= 2:
        return deps.follow(tok, path)
    here = [tok]
    for step in steps:
        dep, _, words = step.partition(":")
        allowed = set(words.split("|")) if words else None
        here = [c for t in here for c in t.children
                if (c.dep_ == dep or dep == "prep" and c.dep_ in ("prt", "advmod", "dative"))
                and (allowed is None or c.lower_ in allowed or c.lemma_.lower() in allowed)]
    return here


def _first(sent, tok, paths, want, antecedent=None) -> list[Arg]:
    for h in _heads(tok):
        for p in paths or []:
            toks = deps.with_conjuncts(_follow(h, p), h)
            args = [a for a in (deps.as_arg(sent, t, want, antecedent) for t in toks) if a is not None]
            if args:
                return _with_listed(sent, args)
    return []


def _heads(tok) -> list:
    """The verb, and a gerund the parser hung on it as a conjunct where it opens the object's name
    ("awarded its waste and recycling collection contract to X": "recycling" read as a verb that
    takes the contract and the "to X"). Such a gerund has no subject of its own."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.tag_ == "VBG" and c.i > 0 and tok.doc[c.i - 1].lower_ in ("and", "or") \
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                and any(g.dep_ == "dobj" and g.i == tok.doc[c.i - 2].i for g in tok.children):
            out.append(c)
    return out


def _with_listed(sent: Sentence, args: list[Arg]) -> list[Arg]:
    """Organisations listed right before one the path reached ("beat A, B and C to it" where the
    parser took "A" and "B" for modifiers of "C"): a name, then "," / "and" / "or", then the name."""
    out = list(args)
    doc = sent.doc
    for a in args:
        if a.slot is None or sent.slots[a.slot].type != "ORG":
            continue
        k = sent.slots[a.slot].start
        while k >= 2 and doc[k - 1].lower_ in (",", "and", "or"):
            j = k - 1
            if doc[j].lower_ in ("and", "or") and doc[j - 1].text == ",":
                j -= 1
            si = sent.tok2slot.get(j - 1)
            if si is None or sent.slots[si].type != "ORG" or sent.slots[si].end != j:
                break
            # the same phrase: the earlier name hangs inside the later one's subtree
            if not (doc[sent.slots[a.slot].end - 1].left_edge.i <= sent.slots[si].start):
                break
            if Arg(slot=si) not in out:
                out.insert(0, Arg(slot=si))
            k = sent.slots[si].start
    return out


def _colon_list(sent: Sentence, tok) -> list[Arg]:
    """"Three firms were shortlisted: A, B and C": the organisations listed after a colon that follows
    the verb, up to the end of the clause."""
    doc = sent.doc
    k = tok.i + 1
    if k >= len(doc) or doc[k].text != ":":
        return []
    k += 1
    out: list[Arg] = []
    while k < len(doc):
        si = sent.tok2slot.get(k)
        if si is not None and sent.slots[si].start == k:
            if sent.slots[si].type == "ORG":
                out.append(Arg(slot=si))
            k = sent.slots[si].end  # a name of another type is passed over, not taken
        elif (doc[k].is_title or doc[k].is_upper) and si is None:
            while k < len(doc) and (doc[k].is_title or doc[k].is_upper) and sent.tok2slot.get(k) is None:
                k += 1  # an item the entity pass did not tag
        else:
            break
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k < len(doc) and doc[k].lower_ in ("and", "or"):
            k += 1
    return out


def _amount_object(tok, ctoks) -> Money | None:
    """The amount a bidder offered where it is the verb's only object ("they bid €310m over 15
    years"): every token on the contract paths is part of one amount of money."""
    if tok.lemma_.lower() != "bid" or not ctoks:
        return None
    doc = tok.doc
    money = parse_money(doc.text)
    if not money:
        return None
    for mo in money:
        # "€310m over 15 years": the term after the amount is no object of its own
        # "€9m a year less than X": a comparison with the amount is the amount's
        if all(mo.start <= t.idx < mo.end or t.lemma_.lower() in ("year", "month") or t.lower_ in
               ("less", "more", "lower", "higher", "cheaper", "below", "above", "under") for t in ctoks) and \
                any(mo.start <= t.idx < mo.end for t in ctoks):
            return mo
    return None


def _bid_cue(sent: Sentence) -> bool:
    words = set(contract_rules()["contest_cues"]["words"])
    return any(t.lower_ in words for t in sent.doc)


def contracts(sent: Sentence, last_contract: Arg | None = None,
              thread_contract: Arg | None = None) -> tuple[list[Fact], Arg | None]:
    """Bid and buyer facts (and the Contract things they name) in one sentence, and the last
    contract it names (for "it" in a later sentence of the same message). `thread_contract`: the
    contract the message's parent named, for the rules that name bidders with nouns ("the other
    bidders", "X's bid") where a pronoun ("it") no longer means it."""
    facts: list[Fact] = []
    index = _verbs_by_lemma()
    doc = sent.doc
    given = last_contract
    for tok in doc:
        for v in index.get(tok.lemma_.lower(), []) if _verbal(tok) else []:
            if not _voice_ok(tok, v):
                continue
            ctoks = [t for h in _heads(tok) for p in v.get("contract", []) for t in _follow(h, p)]
            contract, pref, ct = None, None, tok
            amount = _amount_object(tok, ctoks)
            if amount is not None:
                ctoks = []  # "they bid €310m and still lost": the amount is the bid's, the contract named before
            if not ctoks:
                # "X withdrew before final bids", "Three firms were shortlisted: ...": no contract
                # named in the clause; the one the message named last, where the sentence speaks of bidding
                if not (v.get("last_contract") and last_contract is not None
                        and (v["status"] == "shortlisted" or _bid_cue(sent))):
                    continue
                contract = last_contract
            for ct in ctoks:
                if v.get("fee"):
                    # no Contract (nor a later "it" for one) unless an organisation was paid it
                    contract = _fee(sent, ct) if _first(sent, tok, v.get("supplier"), "ORG") and \
                        parse_money(doc.text) else None
                    break
                contract, pref = contract_arg(sent, ct, last_contract, services=v.get("services", False))
                if contract is None:
                    contract = _right_to_work(sent, ct)
                if contract is not None:
                    break
            if contract is None:
                continue
            if v.get("named_contract") and contract.ref is None and _bare(ct) and not _measured(ct):
                continue  # "X got a deal": no one contract
            if v.get("present") and (tok.tag_ not in ("VBZ", "VBP") or any(
                    c.lower_ in comment_rules()["held"]["not_now"] for c in ct.children if c.dep_ in ("amod", "compound"))):
                continue  # "X had the previous contract": another contract, not this one
            if v.get("named_contract") and tok.lemma_.lower() == "pick" and not any(
                    c.lower_ == "up" for c in tok.children):
                continue  # "picked the contract" is not "picked up"
            antecedent = contract.ref is None and (not _plural(ct) or v.get("services", False)) and not (
                _bare(ct) and _det(ct) in contract_rules()["anaphora"]["indefinite"] and not _measured(ct))
            if antecedent and not v.get("require_buyer") and not v.get("services"):
                # a plural ("contracts", "Government contracts") or a bare "a contract" is never what a
                # later "it" means; kept as the antecedent, it would become a Contract of its own even
                # where no fact names it
                last_contract = contract
            suppliers = _colon_list(sent, tok) or _first(sent, tok, v.get("supplier"), "ORG") \
                or _they(sent, tok, v.get("supplier")) or _joint_members(sent, tok, v.get("supplier")) \
                or _on_contract(sent, ctoks, v.get("supplier")) or _conj_subject(sent, tok, v.get("supplier"))
            if v["status"] == "bidding" and tok.lemma_.lower() in comment_rules()["tendered"]["bid_lemmas"] and any(
                    c.dep_ == "dobj" and c.i == ct.i for c in tok.children):
                # "the council tendered the contract": a public body that tenders a contract lets it
                # (_tendered has its buyer); a company "tendered for" it
                suppliers = [a for a in suppliers if _public(sent, a) is False]
            if v.get("supplier_not_kinds"):
                # "The council holds the contract": a public body holding a contract is its buyer
                suppliers = [a for a in suppliers if a.slot is None or sent.slots[a.slot].mention is None
                             or sent.slots[a.slot].mention.kind not in v["supplier_not_kinds"]]
            buyers = _first(sent, tok, v.get("buyer"), "ORGX") or _bodies(sent, tok, v.get("buyer"))
            if not buyers and v.get("buyer"):
                # "awarded the contract by X": the parser often hangs the by-phrase on the noun
                words = {p.split(":")[1].split(">")[0] for p in v["buyer"] if p.startswith("prep:")} | \
                    ({"by"} if any(p.startswith("agent") for p in v["buyer"]) else set())
                by = [g for ct in ctoks for c in ct.children if c.dep_ in ("prep", "agent") and c.lower_ in words
                      for g in c.children if g.dep_ == "pobj"]
                buyers = [a for a in (deps.as_arg(sent, t, "ORGX") for t in by) if a is not None]
            if not buyers and not v.get("fee"):  # the possessor of a fee is paid it
                # "the Government's contract": the possessor of the contract noun buys it
                buyers = [a for a in (deps.as_arg(sent, c, "ORGX") or _body(c) for ct in ctoks for c in ct.children
                                      if c.dep_ == "poss") if a is not None]
            if not buyers and not v.get("fee"):
                buyers = _noun_buyers(sent, ctoks)
            buyers = [b for b in buyers if not _generic_buyer(sent, b)]
            if v.get("require_buyer"):
                if not (buyers and suppliers):
                    continue  # "X signed a deal to move to Y": a player's move, not a body buying a service
                if antecedent:
                    last_contract = contract
            if v.get("services"):
                if not suppliers:
                    continue  # "transfer its services to the new building": no one was let them
                if antecedent:
                    last_contract = contract
            if v.get("require_supplier_money") and not (suppliers and parse_money(doc.text)):
                continue
            if not suppliers and _plural(ct) and _bare(ct):
                continue  # "Greece won concessions from the EU": bare plurals with no bidder named are no contract
            status = v["status"]
            if pref and status == "awarded":
                status = "preferred"
            if status == "awarded" and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in tok.children):
                status = "bidding"  # "waiting to see if they have won it": not won yet
            new_facts = _bid_facts(sent, v["id"], tok, contract, suppliers, buyers, status)
            if amount is not None:
                for f in new_facts:
                    if f.kind == "bid":
                        f.qualifiers.update(amount=str(amount.value), currency=amount.currency)
            facts.extend(new_facts)
    facts.extend(_award_nouns(sent))
    facts.extend(_preferred(sent))
    facts.extend(_buyer_names_bidders(sent))
    facts.extend(_bidder_lists(sent, last_contract))
    facts.extend(_bids_from(sent, last_contract))
    named = _bidders_for(sent)
    if named is not None:
        last_contract = named  # "Who were the other bidders for the leisure contract?": a reply means that one
    meant = last_contract or thread_contract
    facts.extend(_bidder_names(sent, meant))
    facts.extend(_lost_out(sent, meant))
    facts.extend(_lost_bids(sent, meant))
    facts.extend(_made_bids(sent, meant))
    facts.extend(_possessed_bids(sent, meant))
    facts.extend(_in_the_running(sent, meant))
    facts.extend(_placed(sent, meant))
    facts.extend(_new_contractor(sent, meant))
    facts.extend(_will_run(sent, last_contract))
    facts.extend(_let_by(sent))
    facts.extend(_engaged(sent))
    facts.extend(_tendered(sent, last_contract))
    facts.extend(_contract_with(sent))
    facts.extend(_incumbents(sent, facts, meant))
    if last_contract is given:
        # "X has a contract with the council": a contract these rules named is what a later "it" means
        own = [a for f in facts if f.kind in ("bid", "buyer") for a in (f.subject, f.object)
               if a is not None and a.label == "Contract" and a.ref is None and not dict(a.attrs).get("unnamed")]
        if len({(a.start, a.end) for a in own}) == 1:
            last_contract = own[0]
    return facts, last_contract


def _bids_from(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"There was one other bid, from X, but they withdrew": a bid noun with "from" names its bidder
    (for the contract after "for", else the one the message named last); a later "they" / "it"
    withdrawing in the same sentence is that bidder withdrawing."""
    cr = contract_rules()["bids_from"]
    withdraw = {lemma for v in contract_rules()["verbs"] if v["status"] == "withdrawn" for lemma in v["lemmas"]}
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in cr["nouns"] or any(c.dep_ == "acl" for c in tok.children):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "pobj" and tok.head.lower_ == "to":
            continue  # "awarded to a joint bid by A and B": the bidders stand as the verb's (_joint_members)
        preps = [c for c in tok.children if c.dep_ == "prep"]
        # "a bid from X", "a joint bid by A and B" (not "X's bid by ...": the possessor is the bidder)
        src = [g for c in preps if c.lower_ == "from" or c.lower_ == "by" and not any(
            d.dep_ == "poss" for d in tok.children) for g in c.children if g.dep_ == "pobj"]
        bidders = [a for a in (deps.as_arg(sent, t, "ORG") for t in deps.with_conjuncts(src)) if a is not None]
        if not bidders:
            continue
        contract = None
        for g in (g for c in preps if c.lower_ == "for" for g in c.children if g.dep_ == "pobj"):
            contract, _ = contract_arg(sent, g, last_contract)
        if contract is None:
            contract = last_contract
        if contract is None:
            continue
        rule = contract_rules()["preferred"]["id"]
        out.extend(_bid_facts(sent, rule, tok, contract, bidders, [], "bidding"))
        for v in doc[tok.i + 1:]:
            if v.pos_ == "VERB" and v.lemma_.lower() in withdraw and any(
                    c.dep_ == "nsubj" and c.lower_ in ("they", "it") for c in v.children):
                out.extend(_bid_facts(sent, rule, v, contract, bidders, [], "withdrawn"))
                break
    return out


def _bidder_lists(sent: Sentence, last_contract: Arg | None = None) -> list[Fact]:
    """"The bidders for Y include X and Z", "Among the bidders for Y are X and Z", "X is one of the
    bidders for Y", "X, one of the shortlisted bidders for Y, ...": each named organisation bids for Y.
    With no Y ("The bidders include X and Z"): the contract named last in the message, else an
    unnamed one (`unnamed_contract`)."""
    cr = contract_rules()["bidder_lists"]
    nouns = set(contract_rules()["names_bidders"]["bidder_nouns"])
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        if tok.lower_ not in nouns:
            continue
        contract = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "in"):
                for g in c.children:
                    if g.dep_ == "pobj" and contract is None:
                        contract, _ = contract_arg(sent, g, None)
        if contract is None:
            # "The bidders include X and Y": no contract named - the one named before in the
            # message, else the one these bidders compete for (only nouns that say bidding)
            pb = contract_rules()["pointed_bidders"]
            det = [c for c in tok.children if c.dep_ in ("det", "predet") and c.lower_ in pb["determiners"]]
            if tok.lower_ not in pb["nouns"] or not det or any(
                    c.dep_ == "prep" and c.lower_ in ("for", "in", "on") for c in tok.children):
                continue
            contract = last_contract or unnamed_contract(min(d.i for d in det), tok.i + 1)
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in cr["verbs"]:
            named = [c for c in head.children if c.dep_ in ("dobj", "attr")]
        elif tok.dep_ == "pobj" and head.lower_ == "among" and head.head.pos_ in ("VERB", "AUX"):
            named = [c for c in head.head.children if c.dep_ in ("nsubj", "attr", "dobj")]
        elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "one":
            one = head.head
            if one.dep_ == "attr":
                named = [c for c in one.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            elif one.dep_ == "appos":
                named = [one.head]
            else:
                named = []
        else:
            continue
        suppliers = [a for a in (deps.as_arg(sent, t, "ORG") for t in deps.with_conjuncts(named)) if a is not None]
        if not suppliers:
            continue
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        status = next((st for word, st in cr["status"].items() if word in mods), "bidding")
        out.extend(_bid_facts(sent, contract_rules()["preferred"]["id"], tok, contract, suppliers, [], status))
    return out


# ------------------------------------------------------------------ "look at the bidders. X ..."


def pointed_bidders(sent: Sentence) -> Arg | None:
    """"If you look at the bidders ...": the bidder phrase a writer points at without naming any
    organisation or contract in the sentence (contracts.toml [pointed_bidders]); its names come in
    the next sentence (`opening_bidders`). The phrase becomes the Contract the bidders compete for
    when the message named none before. Works on tokens: the sentence need not be parsed."""
    cr = contract_rules()["pointed_bidders"]
    if any(s.type == "ORG" for s in sent.slots):
        return None
    doc = sent.doc
    for tok in doc:
        i = tok.i
        if tok.lower_ not in cr["nouns"] or i < 2 or doc[i - 1].lower_ not in cr["determiners"]:
            continue
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("for", "in", "on"):
            continue  # "the bidders for X": a contract is named (the lists rule), or a place
        j = i - 2
        if doc[j].lower_ == "at" and j > 0:
            j -= 1
        if doc[j].lower_ in cr["look_words"]:
            return unnamed_contract(i - 1, i + 1)
    return None


def unnamed_contract(start: int, end: int) -> Arg:
    """The contract bidders compete for where the text names none ("the bidders include X"): told
    by the bidder phrase's span, labelled as unnamed (attrs `unnamed`) rather than "the bidders"."""
    cr = contract_rules()["pointed_bidders"]
    return Arg(label="Contract", start=start, end=end, text=cr["label"], attrs=(("lots", ()), ("unnamed", True)))


def opening_bidders(sent: Sentence) -> list[Arg]:
    """The organisations a sentence opens with as its subject ("X and Y for example are ...",
    "X, Y and Z have ..."), for the bidders a sentence before pointed at."""
    cr = contract_rules()["pointed_bidders"]
    doc = sent.doc
    k = 0
    while k < len(doc) and (doc[k].is_space or doc[k].is_punct):
        k += 1
    names: list[Arg] = []
    while k < len(doc):
        si = sent.tok2slot.get(k)
        if si is None or sent.slots[si].type != "ORG" or sent.slots[si].start != k:
            break
        names.append(Arg(slot=si))
        k = sent.slots[si].end
        while k < len(doc) and doc[k].lower_ in (",", "and", "&"):
            k += 1
        if k < len(doc) and (doc[k - 1].lower_ in ("and", "&")) and sent.tok2slot.get(k) is None:
            return []  # "X and other firms": the list does not end on a name
    if not names:
        return []
    rest = " ".join(t.lower_ for t in doc[k:k + 5] if not t.is_punct and not t.is_space)
    for ex in sorted(cr["examples"], key=len, reverse=True):
        if rest == ex or rest.startswith(ex + " "):
            return names
    if k < len(doc) and (doc[k].lower_ in cr["verbs_after"]
                         or doc.has_annotation("DEP") and doc[k].pos_ in ("VERB", "AUX") and doc[k].dep_ != "amod"):
        return names
    return []


def listed_bidders(sent: Sentence, suppliers: list[Arg], contract: Arg) -> list[Fact]:
    """Bid facts (status bidding) for the organisations `opening_bidders` found, for `contract`
    (the message's last contract, or the one the pointed-at bidders compete for)."""
    if not suppliers:
        return []
    rule = contract_rules()["preferred"]["id"]
    first = sent.slots[suppliers[0].slot].start
    facts = _bid_facts(sent, rule, sent.doc[first], contract, suppliers, [], "bidding")
    # the evidence runs on over "for example" (what ties the names to the bidders before them)
    doc = sent.doc
    k = max(sent.slots[a.slot].end for a in suppliers)
    while k < len(doc) and doc[k].is_punct:
        k += 1
    for ex in sorted(contract_rules()["pointed_bidders"]["examples"], key=len, reverse=True):
        n = len(ex.split())
        if " ".join(t.lower_ for t in doc[k:k + n]) == ex:
            for f in facts:
                f.end = max(f.end, k + n)
            break
    return facts


def _contract_attrs(text: str, subject: str) -> tuple:
    attrs: dict = {"subject": subject, "lots": tuple(parse_lots(text)), **_value_and_term(text)}
    return tuple(sorted(attrs.items()))


def _work_clause(doc, verb) -> int | None:
    """End (token index) of "to run / operate ... X" when `verb` is such a clause, else None."""
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() not in contract_rules()["names_bidders"]["work_verbs"] or not obj or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    end = obj[0].i + 1
    for c in obj[0].rights:  # its own phrase ("of the line", a short name in brackets), not a clause about it
        if c.dep_ in ("relcl", "acl") or c.text in (",", ";", ":", "-"):
            break
        end = c.right_edge.i + 1
    return min(end, obj[0].i + 8)


def _right_to_work(sent: Sentence, tok) -> Arg | None:
    """"won the right to run 70 per cent of the service": the right to do the work is the contract."""
    if tok.lower_ not in contract_rules()["rights"]["nouns"]:
        return None
    doc = sent.doc
    for v in tok.children:
        end = _work_clause(doc, v) if v.dep_ == "acl" else None
        if end is not None:
            text = doc[tok.i:end].text
            return Arg(label="Contract", start=tok.i, end=end, attrs=_contract_attrs(doc.text, text))
    return None


def _fee(sent: Sentence, tok) -> Arg | None:
    """"X's fee was £380,000": the work paid for is a contract worth the fee (a bare "fee" with a
    possessor; "the transfer fee", "a fee of ..." with no one's name are not)."""
    if tok.lower_ not in ("fee", "fees") or not any(c.dep_ == "poss" for c in tok.children) or any(
            c.dep_ in ("compound", "amod", "nmod") for c in tok.children):
        return None
    return Arg(label="Contract", start=tok.i, end=tok.i + 1, attrs=_contract_attrs(sent.doc.text, tok.text))


def _bare(tok) -> bool:
    """A contract noun with nothing that names it: "the contract", "such a lucrative deal"."""
    if not _is_contract_noun(tok):
        return False
    s, e = _phrase(tok)
    return s == tok.i and e == tok.i + 1


def _measured(tok) -> bool:
    """"a 12-year contract", "a £5m deal": a term or an amount makes "a contract" one contract."""
    nums = contract_rules()["money"]["numbers"]
    return any(t.like_num or t.is_currency or t.lower_ in nums for c in tok.lefts for t in c.subtree)


def _det(tok) -> str:
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "poss")]
    return " ".join(dets) if dets else ""


def _plural(tok) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or "Plur" in tok.morph.get("Number")


def _arg_text(sent: Sentence, a: Arg) -> str | None:
    if a.slot is not None:
        sl = sent.slots[a.slot]
        return sent.doc[sl.start:sl.end].text
    if a.ref is not None:
        return None
    return a.text or sent.doc[a.start:a.end].text


def _generic_buyer(sent: Sentence, a: Arg) -> bool:
    """"the Government's contract": a buyer that says only "the government" names no one body (and
    would join every government the corpus mentions into one buyer); the contract stays, buyer unknown."""
    text = _arg_text(sent, a)
    if text is None:
        return False
    words = " ".join(text.lower().replace("’", "'").removesuffix("'s").split())
    return words in contract_rules()["buyers"]["generic"]


def _controller_subjects(verb) -> list:
    """The subject of a verb, through "is expected to / is due to / plans to" (xcomp) above it."""
    t = verb
    while True:
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs or t.dep_ != "xcomp":
            return subs
        t = t.head


def _buyer_names_bidders(sent: Sentence) -> list[Fact]:
    """"The council will name a preferred bidder for the waste contract", "X is expected to name
    preferred bidders to run Y": who names the winning bidders is the buyer of that contract."""
    cr = contract_rules()["names_bidders"]
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cr["verbs"]:
            continue
        passive = deps.is_passive(tok)
        nouns = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")
                 and c.lower_ in cr["bidder_nouns"]
                 and any(m.dep_ == "amod" and m.lower_ in cr["winning"] for m in c.children)]
        if not nouns:
            continue
        noun = nouns[0]
        if passive:
            subj = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            subj = _controller_subjects(tok)
        buyers = [a for a in (deps.as_arg(sent, t, "ORGX") for t in subj) if a is not None]
        buyers = [b for b in buyers if not _generic_buyer(sent, b)]
        if not buyers:
            continue
        contract = None
        for c in noun.children:  # "preferred bidder for the waste contract"
            if c.dep_ == "prep" and c.lower_ == "for":
                for g in c.children:
                    if g.dep_ == "pobj" and contract is None:
                        contract, _ = contract_arg(sent, g, None)
        if contract is None:  # "preferred bidders to run 21 prisons": the work to be done is the contract
            for v in [c for h in (noun, tok) for c in h.children if c.dep_ in ("xcomp", "acl", "relcl")]:
                end = _work_clause(doc, v)
                if end is not None:
                    contract = Arg(label="Contract", start=v.i, end=end,
                                   attrs=_contract_attrs(doc.text, doc[v.i:end].text))
                    break
        if contract is None:
            continue
        spans = [(contract.start, contract.end)] + [
            (sent.slots[b.slot].start, sent.slots[b.slot].end) if b.slot is not None else (b.start, b.end)
            for b in buyers if b.ref is None]
        lo = min([tok.i] + [a for a, _ in spans])
        hi = max([tok.i + 1] + [b for _, b in spans])
        for b in buyers:
            out.append(Fact("buyer", cr["id"], contract, b, lo, hi, {}, trigger=tok.i))
    return out


def _they(sent, tok, paths) -> list[Arg]:
    """"X, Y and Z are among those waiting to see if they have won": a plural pronoun as the
    supplier stands for the organisations that are the subject of a clause above it in the sentence."""
    subj = [t for p in paths or [] if p.startswith("nsubj") for t in deps.follow(tok, p)]
    if subj and subj[0].lower_ in ("it", "they", "we") and tok.dep_ == "ccomp" and \
            tok.head.lemma_.lower() in comment_rules()["says"]["verbs"]:
        # "X says it never bid": the pronoun under a verb of saying is its subject
        args = [a for a in (deps.as_arg(sent, c, "ORG") for c in tok.head.children if c.dep_ == "nsubj")
                if a is not None]
        if args:
            return args
    if not subj or subj[0].lower_ not in ("they", "we"):
        return []
    for c in tok.children:
        # "X is a subsidiary of Y, they bid ...": the subject of a clause before the pronoun that the
        # parser hung on the verb (one organisation, the clause's own subject)
        if c.dep_ in ("ccomp", "parataxis") and c.i < subj[0].i:
            args = [a for a in (deps.as_arg(sent, t, "ORG") for t in c.children if t.dep_ == "nsubj") if a is not None]
            if args:
                return args
    for anc in tok.ancestors:
        for c in anc.children:
            if c.dep_ not in ("nsubj", "nsubjpass") or c.i >= tok.i:
                continue
            args = []
            for t in c.subtree:  # the whole subject phrase: "X, Y, and Z" however the list was parsed
                si = sent.tok2slot.get(t.i)
                # a name the list is made of, not one that qualifies it ("the FTSE 100 giant X")
                if si is None or t.i != sent.slots[si].end - 1 or t.dep_ not in ("nsubj", "nsubjpass", "conj", "appos"):
                    continue
                if sent.slots[si].type == "ORG" and Arg(slot=si) not in args:
                    args.append(Arg(slot=si))
            if args:
                return args
    return []


def _bid_facts(sent, rule, tok, contract: Arg, suppliers, buyers, status) -> list[Fact]:
    out = []
    spans = [(contract.start, contract.end)] if contract.ref is None else []
    for a in suppliers + buyers:
        if a.slot is not None:
            spans.append((sent.slots[a.slot].start, sent.slots[a.slot].end))
        elif a.ref is None:
            spans.append((a.start, a.end))
    lo = min([tok.i] + [s for s, _ in spans])
    hi = max([tok.i + 1] + [e for _, e in spans])
    for s in suppliers:
        out.append(Fact("bid", rule, s, contract, lo, hi, {"status": status}, trigger=tok.i))
    if contract.ref is None and (suppliers or status == "awarded"):
        for b in buyers:
            out.append(Fact("buyer", rule, contract, b, lo, hi, {}, trigger=tok.i))
    return out


def _award_nouns(sent: Sentence) -> list[Fact]:
    """"Y's award of the CONTRACT to X": a noun of awarding with its possessor as buyer."""
    nouns = set(contract_rules()["nouns"]["lemmas"])
    rule = contract_rules()["nouns"]["id"]
    out: list[Fact] = []
    doc = sent.doc
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not of:
            continue
        contract, _ = contract_arg(sent, of[0], None)
        if contract is None:
            continue
        to = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if not to:
            # the parser often hangs "to X" on the verb: take one straight after the contract phrase
            k = of[0].right_edge.i + 1
            if k < len(doc) and doc[k].lower_ == "to":
                to = [g for g in doc[k].children if g.dep_ == "pobj"]
        suppliers = [a for a in (deps.as_arg(sent, t, "ORG") for t in to) if a is not None]
        buyers = [a for a in (deps.as_arg(sent, c, "ORGX") for c in tok.children if c.dep_ == "poss") if a is not None]
        if suppliers:
            out.extend(_bid_facts(sent, rule, tok, contract, suppliers, buyers, "awarded"))
    return out


def _preferred(sent: Sentence) -> list[Fact]:
    """"X has been named (as) preferred bidder in six areas"."""
    cr = contract_rules()["preferred"]
    low = sent.doc.text.lower()
    if not any(p in low for p in cr["phrases"]):
        return []
    out: list[Fact] = []
    doc = sent.doc
    for tok in doc:
        if tok.lower_ not in ("bidder", "bidders", "supplier", "provider") or not any(
                c.lower_ in ("preferred", "prefered") for c in tok.children) and not (
                tok.i > 0 and doc[tok.i - 1].lower_ in ("preferred", "prefered")):
            continue
        # climb to the verb that says it ("named as", "is", "was chosen as")
        verb = tok
        while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in cr["verbs"]:
            continue
        if verb.lemma_.lower() == "award":
            continue  # the award frame has it, with its lots
        suppliers = _first(sent, verb, ["nsubjpass", "nsubj"], "ORG")
        if not suppliers:
            continue
        contract = None
        for holder in (tok, verb):
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "in", "on", "of"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            contract, _ = contract_arg(sent, g, None)
                            if contract is None and (g.lower_ in lexicon().lot_nouns):
                                contract, _ = contract_arg(sent, g, None)
                        if contract is not None:
                            break
                if contract is not None:
                    break
            if contract is not None:
                break
        if contract is None:
            continue
        out.extend(_bid_facts(sent, cr["id"], verb, contract, suppliers, [], "preferred"))
    return out


# ------------------------------------------------------------------ comment-thread tellings
# (ontology/patterns/relations/contracts_comment.toml)

BID_RULE = "contract.bid"
AWARD_RULE = "contract.award"


def _verbal(tok) -> bool:
    """A verb, or a word the tagger took for a noun where it has a subject and an auxiliary of its
    own ("Didn't X bid for it too?")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children) and (
        any(c.dep_ in ("aux", "neg") for c in tok.children) or tok.dep_ == "ROOT" and not any(
            c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children))


def _private_kind(tok) -> bool:
    """"a contract of employment", "his recording deal": no public contract."""
    words = set(comment_rules()["private_contracts"]["words"])
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in words or t.lemma_.lower() in words for t in mods + of)


def _body(tok) -> Arg | None:
    """"the trust", "the council's": a body the thread names by its common noun (lexicon.toml
    orgs.body_kinds; resolution joins it to the one such body of its thread)."""
    kinds = lexicon().generic_body_kinds
    if tok.lower_.removesuffix("'s") not in kinds or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ in ("compound", "amod") for c in tok.children):
        return None  # "the leisure trust": a body of its own
    return generic_body(tok.i, tok.i + 1, kind=kinds[tok.lower_.removesuffix("'s")])


def _bodies(sent: Sentence, tok, paths) -> list[Arg]:
    for h in _heads(tok):
        for p in paths or []:
            out = [a for a in (_body(t) for t in _follow(h, p)) if a is not None]
            if out:
                return out
    return []


def _orgs(sent: Sentence, toks, want: str = "ORG") -> list[Arg]:
    out: list[Arg] = []
    suffixes = set(comment_rules()["contract_with"]["company_words"])
    for t in deps.with_conjuncts(list(toks)):
        a = deps.as_arg(sent, t, want)
        if a is None and want == "ORGX":
            a = _body(t)
        if a is None and t.lower_.rstrip(".") in suffixes and sent.tok2slot.get(t.i - 1) is not None:
            si = sent.tok2slot[t.i - 1]  # "X plc" where the name stopped short of its suffix
            a = Arg(slot=si) if sent.slots[si].type == "ORG" and sent.slots[si].end == t.i else None
        if a is not None and a not in out:
            out.append(a)
    return _with_listed(sent, out) if out else out


def _for_contract(sent: Sentence, holders, last_contract: Arg | None) -> tuple[Arg | None, bool]:
    """The contract after "for" on one of `holders` ("the bidders for the X contract"), and whether
    a "for"/"in" phrase was there at all (one that names no contract names something else)."""
    said = False
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "on"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        said = True
                        contract, _ = contract_arg(sent, g, last_contract)
                        if contract is not None:
                            return contract, True
    return None, said


def _bidders_for(sent: Sentence) -> Arg | None:
    """"the other bidders for the leisure contract": the contract a bidder noun names after "for" (one
    contract, named), for a reply's "there was one other bid" when no rule fired on it."""
    nouns = set(comment_rules()["bidder_names"]["nouns"]) | set(contract_rules()["names_bidders"]["bidder_nouns"])
    for tok in sent.doc:
        if tok.lower_ not in nouns:
            continue
        contract, _ = _for_contract(sent, [tok], None)
        if contract is not None and contract.ref is None and not _plural(sent.doc[contract.end - 1]) \
                and not _bare(sent.doc[contract.end - 1]):
            return contract
    return None


def _status_from(mods: set[str], table: dict, default: str = "bidding") -> str:
    return next((st for word, st in table.items() if word in mods), default)


def _bidder_names(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X and Y were the other bidders (for Z)", "The losing bidders, X and Y, ...", "X, the losing
    bidder,", "rival bidder X": the named organisations bid (for Z, else the contract named last)."""
    cr = comment_rules()["bidder_names"]
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        low = tok.lower_
        if low in ("firm", "firms") and tok.i > 0 and doc[tok.i - 1].lower_ == "bidding":
            low = "bidding " + low
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if tok.i > 0:
            mods.add(doc[tok.i - 1].lower_)
        if low not in cr["nouns"] and not (low in cr["modified_nouns"] and mods & set(cr["status_words"])):
            continue
        if mods & set(cr["not_after"]):
            continue
        named = []
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if appos:
            named = appos
        elif tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
            named = [c for c in tok.head.children if c.dep_ == "attr"]  # "the shortlisted firms were X and Y"
        elif tok.dep_ == "attr" and tok.head.lemma_.lower() == "be":
            named = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif tok.dep_ == "appos" and tok.head.i < tok.i:
            named = [tok.head]
        else:
            nxt = sent.tok2slot.get(tok.i + 1)
            if nxt is not None and sent.slots[nxt].start == tok.i + 1:
                named = [doc[sent.slots[nxt].end - 1]]  # "rival bidder X": the title before the name
        suppliers = _orgs(sent, named)
        if not suppliers:
            continue
        contract, said = _for_contract(sent, [tok], last_contract)
        if contract is None and not said:
            contract = last_contract
        if contract is None:
            continue
        status = _status_from(mods, cr["status"])
        out.extend(_bid_facts(sent, BID_RULE, tok, contract, suppliers, [], status))
    return out


def _lost_out(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X lost out to Y (for the Z contract)", "X lost out on quality", "X missed out": X bid, Y won."""
    cr = comment_rules()["lost_out"]
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        if tok.lemma_.lower() not in ("lose", "miss") or not _verbal(tok) or not any(
                c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out" for c in tok.children):
            continue
        if any(c.dep_ == "dobj" for c in tok.children):
            continue  # "lost out the contract": the frame for "lose" has it
        losers = _first(sent, tok, ["nsubj"], "ORG") or _they(sent, tok, ["nsubj"])
        winners = _orgs(sent, deps.follow(tok, "prep:to>pobj") + [
            g for c in tok.children if c.lower_ == "out" for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children if g.dep_ == "pobj"])
        holders = [tok] + [c for c in tok.children if c.lower_ == "out"]
        contract, said = _for_contract(sent, holders, last_contract)
        scored = any(t.lower_ in cr["scored_on"] for h in holders for c in h.children
                     if c.dep_ == "prep" and c.lower_ == "on" for t in c.subtree)
        if contract is None and last_contract is not None and (not said or scored) and (
                winners or scored or _bid_cue(sent)):
            contract = last_contract
        if contract is None or not (losers or winners):
            continue
        out.extend(_bid_facts(sent, BID_RULE, tok, contract, losers, [], "bidding"))
        out.extend(_bid_facts(sent, AWARD_RULE, tok, contract, winners, [], "awarded"))
    return out


def _possessed_bids(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X's bid came second", "X's tender was rejected", "X's bid for the Y contract"."""
    cr = comment_rules()["possessed_bids"]
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        if tok.lower_ not in cr["nouns"] or tok.pos_ != "NOUN":
            continue
        if any(c.dep_ == "acl" or c.dep_ == "relcl" and c.i == tok.i + 1 for c in tok.children):
            continue  # "X's bid to buy Y"
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        if any(c.lower_ not in cr["modifiers"] for c in mods):
            continue  # "X's takeover bid"
        bidders = _orgs(sent, [c for c in tok.children if c.dep_ == "poss"])
        if not bidders:
            continue
        contract, said = _for_contract(sent, [tok], last_contract)
        if contract is None and not said:
            contract = last_contract
        if contract is None:
            continue
        status = _status_from({c.lower_ for c in mods}, cr["status"])
        out.extend(_bid_facts(sent, BID_RULE, tok, contract, bidders, [], status))
    return out


def _in_the_running(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X was also in the running (for Y)", "X remains in contention"."""
    cr = comment_rules()["in_the_running"]
    out: list[Fact] = []
    for tok in sent.doc:
        if tok.lower_ not in cr["nouns"] or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        verb = tok.head.head
        subj = None
        if verb.dep_ == "nsubj" and verb.head.lemma_.lower() in cr["verbs"]:
            subj, verb = verb, verb.head  # "Was X not in the running?": "in" hung on the subject
        if verb.lemma_.lower() not in cr["verbs"] or any(c.dep_ in ("acl", "relcl") for c in tok.children):
            continue
        if tok.lower_ in ("running", "race") and _det(tok) != "the":
            continue
        bidders = _orgs(sent, [subj]) if subj is not None else \
            _first(sent, verb, ["nsubj"], "ORG") or _they(sent, verb, ["nsubj"])
        if not bidders:
            continue
        contract, said = _for_contract(sent, [tok, verb], last_contract)
        if contract is None and not said and not any(
                c.dep_ == "prep" and c.i != tok.head.i for h in (tok, verb) for c in h.children):
            contract = last_contract  # not "in the running at the awards night": a contest of its own
        if contract is None:
            continue
        out.extend(_bid_facts(sent, BID_RULE, verb, contract, bidders, [], "bidding"))
    return out


def _public(sent: Sentence, a: Arg) -> bool | None:
    """Whether an organisation argument is a public body (True), a company or the like (False), or
    not known (None): its kind, else the words of its name."""
    cr = comment_rules()["contract_with"]
    if a.slot is None:
        return True if dict(a.attrs).get("generic") else None
    sl = sent.slots[a.slot]
    kind = sl.mention.kind if sl.mention is not None else None
    if kind == "government":
        return True
    words = {w.strip(".,()").lower() for w in sl.text.split()}
    if kind in ("union", "party", "court", "committee"):
        return None  # "the council's agreement with the union" lets no work
    if words & set(cr["company_words"]):
        return False
    if words & set(cr["public_words"]):
        return True
    return False if kind in ("company", "media", "charity") else None


def _contract_with(sent: Sentence) -> list[Fact]:
    """"Y's contract with X", "the contract between Y and X", "X won a deal with Y", "X has a contract
    with Y": the public body of the two buys, the other supplies (awarded)."""
    cr = comment_rules()["contract_with"]
    out: list[Fact] = []
    for tok in sent.doc:
        if not _is_contract_noun(tok) or _plural(tok):
            continue
        withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                 for g in c.children if g.dep_ == "pobj"]
        if not withs:
            continue
        between = any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children)
        others = _orgs(sent, withs, "ORGX")
        if between:
            sides = others
        else:
            one = _orgs(sent, [c for c in tok.children if c.dep_ == "poss"], "ORGX")
            verb = tok.head if tok.dep_ == "dobj" else None
            if not one and verb is not None and (verb.lemma_.lower() in cr["verbs"] or (
                    verb.lemma_.lower() in cr["signing_verbs"] and any(
                        _work_clause(sent.doc, c) is not None for h in (tok, verb) for c in h.children
                        if c.dep_ in ("acl", "xcomp", "advcl", "relcl")))):
                # "signed a deal with X to run three prisons": the work to do says who supplies
                one = _first(sent, verb, ["nsubj"], "ORG")
            if len(one) != 1 or len(others) != 1:
                continue
            sides = one + others
        if len(sides) != 2:
            continue
        kinds = [_public(sent, a) for a in sides]
        if kinds.count(True) != 1 or kinds.count(False) != 1:
            continue  # which way the contract goes is not told by the names
        buyer, supplier = (sides[0], sides[1]) if kinds[0] else (sides[1], sides[0])
        if _generic_buyer(sent, buyer):
            continue
        contract, _ = contract_arg(sent, tok, None)
        if contract is None:
            continue
        out.extend(_bid_facts(sent, AWARD_RULE, tok, contract, [supplier], [buyer], "awarded"))
    return out


def _let_by(sent: Sentence) -> list[Fact]:
    """"the patient transport contract, let by Y,": the agent of a participle of letting buys it."""
    cr = comment_rules()["let_by"]
    out: list[Fact] = []
    for tok in sent.doc:
        if not _is_contract_noun(tok) or _plural(tok):
            continue  # "drilling contracts issued by X": contracts in general, no one contract
        for v in tok.children:
            # ("let" is often tagged a bare verb)
            if v.dep_ not in ("acl", "relcl") or v.lemma_.lower() not in cr["verbs"] or v.tag_ not in ("VBN", "VBD", "VB") \
                    or not any(c.dep_ == "agent" for c in v.children):
                continue
            agents = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            buyers = [a for a in (deps.as_arg(sent, t, "ORGX") or _body(t) for t in agents) if a is not None]
            buyers = [b for b in buyers if not _generic_buyer(sent, b)]
            contract, _ = contract_arg(sent, tok, None)
            if not buyers or contract is None or contract.ref is not None:
                continue
            lo = min([tok.i, v.i] + [sent.slots[b.slot].start if b.slot is not None else b.start for b in buyers])
            hi = max([v.i + 1, contract.end] + [sent.slots[b.slot].end if b.slot is not None else b.end for b in buyers])
            lo = min(lo, contract.start)
            for b in buyers:
                out.append(Fact("buyer", AWARD_RULE, contract, b, lo, hi, {}, trigger=v.i))
    return out


def _time_named(doc) -> bool:
    cr = comment_rules()["will_run"]
    low = doc.text.lower()
    return any(t.lower_.rstrip(".") in cr["months"] and t.pos_ == "PROPN" or re.fullmatch(r"(19|20)\d\d", t.text)
               for t in doc) or any(re.search(r"\b" + re.escape(p) + r"\b", low) for p in cr["times"])


def _will_run(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X will run the service from April", "X is to operate the contract from 1 October", "X takes
    over the service next year": the organisation to do the work from a date named won it."""
    cr = comment_rules()["will_run"]
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        over = lemma in cr["take_over"] and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "over"
                                                for c in tok.children)
        if tok.pos_ != "VERB" or not (lemma in cr["verbs"] or over):
            continue
        modal = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in tok.children) or (
            tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("be", "due", "set", "go"))
        if not (modal or over and tok.tag_ in ("VBZ", "VBP")) or not _time_named(doc):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"] + [
            g for c in tok.children if c.lower_ == "over" for g in c.children if g.dep_ == "pobj"]
        if not objs:
            continue
        obj = objs[0]
        services = set(contract_rules()["services"]["nouns"])
        if obj.lower_ == "it" or (obj.lower_ in services or _is_contract_noun(obj)) and _det(obj) in ("the", "this") \
                and not any(c.dep_ in ("compound", "amod", "nmod") for c in obj.children):
            contract = last_contract  # "the service": the one the thread is about
        elif _is_contract_noun(obj):
            contract, _ = contract_arg(sent, obj, last_contract)
        elif obj.lower_ in services and any(c.dep_ in ("compound", "amod", "nmod") for c in obj.children):
            contract, _ = contract_arg(sent, obj, last_contract, services=True)
        else:
            contract = None
        if contract is None:
            continue
        subj = _first(sent, tok, ["nsubj"], "ORG") or _they(sent, tok, ["nsubj"])
        subj = [a for a in subj if _public(sent, a) is not True]  # a council running it itself lets nothing
        if subj:
            out.extend(_bid_facts(sent, AWARD_RULE, tok, contract, subj, [], "awarded"))
    return out


def _joint_members(sent: Sentence, tok, paths) -> list[Arg]:
    """"awarded to a joint bid by A and B", "a consortium of A and B won", "the A-B consortium won": the
    members of a joint bid standing where a bidder is wanted."""
    cr = comment_rules()["joint"]
    out: list[Arg] = []
    for p in paths or []:
        for t in deps.follow(tok, p) if ">" not in p or p.count(">") == 1 else []:
            if t.lower_ not in cr["nouns"]:
                continue
            if t.lower_ in ("bid", "bids", "tender", "team", "partnership", "alliance") and not any(
                    c.lower_ == "joint" for c in t.children) and t.lower_ != "consortium":
                continue  # "a bid by X" is X's own; a joint bid or a consortium has members
            members = [g for c in t.children if c.dep_ == "prep" and c.lower_ in cr["preps"]
                       for g in c.children if g.dep_ == "pobj"]
            names = _orgs(sent, members)
            if not names:  # "the A-B consortium": names as modifiers of the noun
                names = [Arg(slot=sent.tok2slot[c.i]) for c in t.subtree if c.i < t.i and c.i in sent.tok2slot
                         and sent.slots[sent.tok2slot[c.i]].type == "ORG" and c.i == sent.slots[sent.tok2slot[c.i]].end - 1]
            for a in names:
                if a not in out:
                    out.append(a)
        if out:
            break
    return out


def _incumbents(sent: Sentence, facts: list[Fact], last_contract: Arg | None) -> list[Fact]:
    """"the incumbent, X", "incumbent X", "X, the current contractor,": where the sentence tells a
    contest for a contract, the incumbent bid for it too."""
    cr = comment_rules()["incumbent"]
    doc = sent.doc
    marks = []
    for tok in doc:
        if tok.lower_ in cr["words"] or tok.lower_ in cr["nouns"] and any(
                c.lower_ in cr["adjectives"] for c in tok.children if c.dep_ == "amod"):
            marks.append(tok)
    if not marks:
        return []
    contracts_here = [f.object for f in facts if f.kind == "bid" and f.object is not None and f.object.label == "Contract"
                      or f.kind == "bid" and f.object is not None and f.object.ref is not None]
    contract = contracts_here[0] if contracts_here else (last_contract if _bid_cue(sent) else None)
    if contract is None:
        return []
    told = {f.subject for f in facts if f.kind == "bid"}
    out: list[Fact] = []
    for tok in marks:
        named = [c for c in tok.children if c.dep_ == "appos"]
        if not named and tok.dep_ == "appos" and tok.head.i < tok.i:
            named = [tok.head]
        if not named and tok.dep_ == "attr" and tok.head.lemma_.lower() == "be":
            named = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not named:
            nxt = sent.tok2slot.get(tok.i + 1)
            if nxt is not None and sent.slots[nxt].start == tok.i + 1:
                named = [doc[sent.slots[nxt].end - 1]]
        who = [a for a in _orgs(sent, named) if a not in told]
        if who:
            out.extend(_bid_facts(sent, BID_RULE, tok, contract, who, [], "bidding"))
    return out


def parse_cue(words: set[str], text: str) -> bool:
    """Whether a sentence's words (lower case) call for the contract rules of contracts_comment.toml
    to read its parse: a word they start from, with what it needs beside it."""
    cc = comment_rules()
    cues = cc["parse"]
    if words & set(cues["words"]):
        return True
    nouns = lexicon().contract_nouns
    if "out" in words and words & {"lost", "lose", "loses", "losing", "missed", "miss", "misses", "missing"}:
        return True
    if words & {"has", "had", "went", "goes", "go", "going"} and (words & nouns or "it" in words):
        return True  # "X has the contract", "X went for it"
    if words & set(cc["placed"]["verbs_forms"]) and words & set(cc["placed"]["places"]):
        return True  # "X came second"
    if words & set(cc["new_contractor"]["nouns"]) and words & ({"as"} | set(cc["new_contractor"]["new_words"])):
        return True  # "X was appointed as the new provider"
    if words & set(cc["let_by"]["cues"]) and words & nouns and "by" in words:
        return True
    if words & {"with", "between"} and words & nouns:
        return True
    if words & nouns and any(w.startswith(p) for w in words for p in cc["tendered"]["prefixes"]):
        return True
    if words & set(cc["engaged"]["forms"]) and "to" in words:
        return True
    if words & set(cc["will_run"]["cues"]) and (words & set(cc["will_run"]["months"]) or any(
            p in text.lower() for p in cc["will_run"]["times"]) or re.search(r"\b(19|20)\d\d\b", text)):
        return True
    return False


def _lost_bids(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X lost the bid / the race (for Y)": one who loses a contest for a contract bid for it (not
    "X lost the contract": an incumbent may lose one it never bid for again)."""
    nouns = set(comment_rules()["made_bids"]["contest_nouns"])
    out: list[Fact] = []
    for tok in sent.doc:
        if tok.lemma_.lower() != "lose" or not _verbal(tok):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in nouns and _det(c) in ("the", "this", "their", "its")]
        if not objs:
            continue
        contract, _ = contract_arg(sent, objs[0], last_contract)
        losers = _first(sent, tok, ["nsubj"], "ORG") or _they(sent, tok, ["nsubj"])
        if contract is None or not losers:
            continue
        out.extend(_bid_facts(sent, BID_RULE, tok, contract, losers, [], "bidding"))
    return out


def _made_bids(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X put in a bid (for Y)", "X submitted a tender", "X made the shortlist": the subject bid (was
    shortlisted) for Y, else for the contract named last."""
    cr = comment_rules()["made_bids"]
    out: list[Fact] = []
    for tok in sent.doc:
        lemma = tok.lemma_.lower()
        if lemma not in cr["verbs"] or tok.pos_ != "VERB":
            continue
        need = cr["verbs"][lemma]
        if need and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == need for c in tok.children):
            continue  # "put in", "send in"
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in cr["nouns"]]
        objs += [g for c in tok.children if c.dep_ in ("prt", "prep") and c.lower_ == need
                 for g in c.children if g.dep_ == "pobj" and g.lower_ in cr["nouns"]]
        if not objs or any(c.dep_ in ("acl", "relcl") for c in objs[0].children):
            continue  # "a bid to buy the club"
        obj = objs[0]
        if any(c.dep_ in ("compound", "amod") and c.lower_ not in comment_rules()["possessed_bids"]["modifiers"]
               for c in obj.children):
            continue  # "a takeover bid"
        status = "shortlisted" if obj.lower_ in ("shortlist", "short-list") else "bidding"
        if status == "shortlisted" and _det(obj) not in ("the", "a"):
            continue
        contract, said = _for_contract(sent, [obj, tok], last_contract)
        if contract is None and not said:
            contract = last_contract
        bidders = _first(sent, tok, ["nsubj"], "ORG") or _they(sent, tok, ["nsubj"])
        if contract is None or not bidders:
            continue
        out.extend(_bid_facts(sent, BID_RULE, tok, contract, bidders, [], status))
    return out


def _on_contract(sent: Sentence, ctoks, paths) -> list[Arg]:
    """"handed its £12m highways contract to X": the parser hung the "to X" the verb takes on the
    contract noun (as it often hangs "by X" there: see the buyers)."""
    words = {p.split(":")[1].split(">")[0] for p in paths or [] if p.startswith("prep:") and p.endswith(">pobj")
             and p.count(">") == 1}
    if not words:
        return []
    return _orgs(sent, [g for ct in ctoks if _is_contract_noun(ct) for c in ct.children
                        if c.dep_ == "prep" and c.lower_ in words for g in c.children if g.dep_ == "pobj"])


def _tendered(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"The council tendered / is retendering / procured the contract", "put the contract out to
    tender": a public body (or one the thread names by its common noun) that tenders a contract buys it."""
    cr = comment_rules()["tendered"]
    out: list[Fact] = []
    for tok in sent.doc:
        low = tok.lower_
        if tok.pos_ != "VERB":
            continue
        put_out = tok.lemma_.lower() in cr["put_verbs"] and any(c.dep_ in ("prt", "advmod") and c.lower_ == "out"
                                                                for c in tok.children) and "tender" in sent.doc.text.lower()
        if not (put_out or any(low.startswith(p) for p in cr["prefixes"])):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if not objs:
            continue
        contract, _ = contract_arg(sent, objs[0], last_contract)
        if contract is None:
            continue
        subj = _first(sent, tok, ["nsubj"], "ORGX") or _bodies(sent, tok, ["nsubj"])
        buyers = [a for a in subj if _public(sent, a) is True and not _generic_buyer(sent, a)]
        if not buyers:
            continue
        spans = [(sent.slots[b.slot].start, sent.slots[b.slot].end) if b.slot is not None else (b.start, b.end)
                 for b in buyers]
        lo = min([tok.i] + [a for a, _ in spans] + ([contract.start] if contract.ref is None else []))
        hi = max([tok.i + 1] + [b for _, b in spans] + ([contract.end] if contract.ref is None else []))
        for b in buyers:
            out.append(Fact("buyer", BID_RULE, contract, b, lo, hi, {}, trigger=tok.i))
    return out


def _engaged(sent: Sentence) -> list[Fact]:
    """"The council appointed X to run its leisure centres", "X was contracted by Y to run the day
    centres", "Y pays X £3m a year to manage the parks": a public body that engages an organisation to do
    work lets it a contract (the work, `_work_clause`), worth the amount the sentence names."""
    cr = comment_rules()["engaged"]
    doc = sent.doc
    out: list[Fact] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cr["verbs"]:
            continue
        passive = deps.is_passive(tok)
        work = None
        for c in list(tok.children) + [g for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")
                                       for g in c.children]:
            if c.dep_ in ("xcomp", "advcl", "acl") and (end := _work_clause(doc, c)) is not None:
                work = (c.i, end)
                break
        if work is None:
            continue
        if passive:
            suppliers = _orgs(sent, [c for c in tok.children if c.dep_ == "nsubjpass"])
            buyers = _orgs(sent, [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"],
                           "ORGX")
        else:
            suppliers = _orgs(sent, [c for c in tok.children if c.dep_ in ("dobj", "dative")])
            buyers = _first(sent, tok, ["nsubj"], "ORGX") or _bodies(sent, tok, ["nsubj"])
            if not buyers:
                continue  # "X hired Y to run its fleet": who lets it must be told
        suppliers = [a for a in suppliers if _public(sent, a) is not True]
        buyers = [b for b in buyers if _public(sent, b) is True and not _generic_buyer(sent, b)]
        if not suppliers or (not passive and not buyers):
            continue
        contract = Arg(label="Contract", start=work[0], end=work[1],
                       attrs=_contract_attrs(doc.text, doc[work[0]:work[1]].text))
        out.extend(_bid_facts(sent, AWARD_RULE, tok, contract, suppliers, buyers, "awarded"))
    return out


def _new_contractor(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X was appointed as the new provider", "X is the new operator": the organisation now doing the
    work of the contract (after "for" / "of", else the one named last) won it."""
    cr = comment_rules()["new_contractor"]
    out: list[Fact] = []
    for tok in sent.doc:
        if tok.lower_ not in cr["nouns"] or _det(tok) not in ("the", "a", ""):
            continue
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in cr["verbs"]:
            verb = head.head
            who = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        elif tok.dep_ in ("attr", "oprd") and head.lemma_.lower() in ("be",) + tuple(cr["verbs"]) and mods & set(cr["new_words"]):
            verb = head
            who = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        else:
            continue
        suppliers = [a for a in _orgs(sent, who) if _public(sent, a) is not True]
        if not suppliers:
            continue
        contract = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        contract, _ = contract_arg(sent, g, last_contract, services=True)
        if contract is None and not any(c.dep_ == "prep" for c in tok.children):
            contract = last_contract
        if contract is None:
            continue
        out.extend(_bid_facts(sent, AWARD_RULE, verb, contract, suppliers, [], "awarded"))
    return out


def _conj_subject(sent: Sentence, tok, paths) -> list[Arg]:
    """"X was shortlisted but dropped out": a verb joined to a passive one shares its subject."""
    if "nsubj" not in (paths or []) or tok.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return []
    return _orgs(sent, [c for c in tok.head.children if c.dep_ == "nsubjpass"])


def _noun_buyers(sent: Sentence, ctoks) -> list[Arg]:
    """"the Ashby County Council parking contract", "the council contract", "the parking contract for
    Ashby County Council": a public body named in the contract's own phrase buys it."""
    out: list[Arg] = []
    for ct in ctoks:
        if not _is_contract_noun(ct):
            continue
        fors = [g for c in ct.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        for a in _orgs(sent, fors, "ORGX"):
            if _public(sent, a) is True:
                out.append(a)
        for c in ct.children:
            if c.dep_ != "compound" or c.i >= ct.i:
                continue
            si = sent.tok2slot.get(c.i)
            if si is not None and sent.slots[si].type == "ORG" and _public(sent, Arg(slot=si)) is True:
                if Arg(slot=si) not in out:
                    out.append(Arg(slot=si))
            elif si is None and c.lower_ in lexicon().generic_body_kinds and not any(
                    g.dep_ in ("compound", "amod") for g in c.children):
                out.append(generic_body(c.i, c.i + 1, kind=lexicon().generic_body_kinds[c.lower_]))
    return out


def _placed(sent: Sentence, last_contract: Arg | None) -> list[Fact]:
    """"X came second", "X finished a close third": in a message about a contract (one named before it),
    an organisation placed in the contest bid for it. Nothing that says another contest ("second in the
    league", "came second at the awards"): no phrase after the verb or the place."""
    if last_contract is None:
        return []
    cr = comment_rules()["placed"]
    out: list[Fact] = []
    for tok in sent.doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in cr["verbs"]:
            continue
        places = [c for c in tok.children if c.dep_ in ("advmod", "dobj", "npadvmod", "oprd", "acomp", "attr")
                  and c.lower_ in cr["places"]]
        if not places or any(c.dep_ in ("prep", "agent") for h in (tok, places[0]) for c in h.children):
            continue
        bidders = _first(sent, tok, ["nsubj"], "ORG") or _they(sent, tok, ["nsubj"])
        if bidders:
            out.extend(_bid_facts(sent, BID_RULE, tok, last_contract, bidders, [], "bidding"))
    return out
