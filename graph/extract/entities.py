"""Mentions from a spaCy doc: people, organisations, places and roles, with evidence.

`mentions_from_doc(doc, thread_id, message)` reads the entities and role spans that
graph.nlp.load_nlp() put on the doc. Offsets are code points into `message.text`; the doc
may be built from the whole message text or from a piece of it (its offset is found).
Organisation kinds come from `org_kind()`: the shape of the name against the keyword
table ontology/patterns/entities/org_kinds.tsv, then the words just before the name
("the charity X", "the union X").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from graph.model import Evidence, Mention, Message
from graph.nlp import CONTEXT_RULES, PATTERNS_DIR, is_acronym, not_a_body, read_list, read_table

# spaCy label -> project label. FAC (buildings, prisons, airports) counts as a place.
LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}

# Words before a name that say what kind of organisation it is ("the charity Acme").
CONTEXT_KINDS = {
    "charity": "charity", "union": "union", "party": "party", "newspaper": "media", "paper": "media",
    "broadcaster": "media", "company": "company", "firm": "company", "contractor": "company",
    "supplier": "company", "group": "company", "giant": "company", "provider": "company",
    "department": "government", "ministry": "government", "agency": "government", "regulator": "government",
    "watchdog": "government", "council": "government", "court": "court", "committee": "committee",
    "caterer": "company", "outsourcer": "company", "lawyer": "company", "lawyers": "company",
    "solicitors": "company", "insurer": "company", "retailer": "company", "bank": "company",
}
# A one-word name right after "personal", ending its clause, is a metaphor ("her personal Everest.")
_METAPHOR = re.compile(r"\bpersonal\s+$", re.I)
_SPLIT = re.compile(r"\s+(?:of|for)\s+", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")


@lru_cache(maxsize=1)
def _kind_table() -> tuple[dict[str, str], list[tuple[str, str]]]:
    single, multi = {}, []
    for row in read_table("org_kinds.tsv", PATTERNS_DIR):
        if len(row) < 2:
            continue
        key, kind = row[0].lower(), row[1]
        if " " in key:
            multi.append((key, kind))
        else:
            single.setdefault(key, kind)
    return single, multi


def org_kind(name: str, context: str | None = None) -> str:
    """government | company | union | charity | party | media | court | committee | other.

    Order: a name in known_orgs.tsv ("Instagram"), a committee/court/union/party keyword as the head or last word, a multi-word
    keyword anywhere ("house of lords"), the head word (before the first "of"/"for", else the
    last word), any other word, then the word right before the name in `context` (the text
    of its sentence before the mention: "the charity X", "a charity called X"), else "other".
    """
    from graph.nlp import lexicons

    known = lexicons()["known_orgs"].get(name.strip())
    if known:  # a well-known platform or news outlet (known_orgs.tsv)
        return known[0]
    single, multi = _kind_table()
    low = " " + " ".join(w.lower().strip(".'’") for w in _WORD.findall(name)) + " "
    # the head phrase decides before keywords elsewhere: "House of Lords Constitution Committee"
    parts = _SPLIT.split(name, maxsplit=1)
    head_words = [w.lower().strip(".'’") for w in _WORD.findall(parts[0])]
    if len(parts) > 1 and head_words:
        head = head_words[0] if len(head_words) == 1 else head_words[-1]
    else:
        head = head_words[-1] if head_words else ""
    last = low.split()[-1] if low.strip() else ""
    for word in (head, last):  # these kinds win wherever the name's head is: "House of Lords X Committee"
        if word in single and single[word] in ("committee", "court", "union", "party"):
            return single[word]
    for key, kind in multi:
        if f" {key} " in low:
            return kind
    if head in single:
        return single[head]
    for w in low.split():
        if w in single:
            return single[w]
    if context:
        # the word right before the name, skipping "the", "a", "called", "named":
        # "the charity X", "a charity called X", "caterer X" (not "lawyers for X")
        words = [w.lower() for w in _WORD.findall(context)]
        while words and words[-1] in ("the", "a", "an", "called", "named"):
            words.pop()
        if words and words[-1] in CONTEXT_KINDS:
            return CONTEXT_KINDS[words[-1]]
    return "other"


@lru_cache(maxsize=1)
def _jargon_heads() -> dict[str, frozenset[str]]:
    """The [scheme] and [modifier] sections of mentions_jargon_heads.txt."""
    out: dict[str, set[str]] = {"scheme": set(), "modifier": set()}
    current = "scheme"
    for line in read_list("mentions_jargon_heads.txt", PATTERNS_DIR):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, set())
        else:
            out[current].add(line.lower())
    return {k: frozenset(v) for k, v in out.items()}


# "QXLog", "NDXray": two or more capitals, then lower case (a system's or a scheme's name shape)
_CAMEL = re.compile(r"^[A-Z]{2,}[a-z][A-Za-z]*$")
# Acronyms joined to the name before its noun: "ABC/QRP facilitators", "ABC and QRP groups"
# (each a word with two capitals or more; "[a-z]*" before the second, as "[A-Za-z]*" there
# backtracks quadratically on a long run of capitals)
_JOINED = re.compile(r"(?:\s*(?:/|&|,|\band\b|\bor\b)\s*[A-Z][a-z]*[A-Z][A-Za-z]*)*\s+([a-z]+)\b")


def jargon_names(texts: list[str], names: set[str], modifier: bool = True) -> set[str]:
    """The names among `names` (one word, acronym- or camel-case-shaped, not defined as "(X)" in
    `texts`, not a known organisation) used as jargon for a scheme, system or record, not a body:
    one occurrence in `texts` followed by a [scheme] noun of mentions_jargon_heads.txt ("the QRP
    facilitators") and at least half followed by a noun of either section, or every occurrence
    followed by a [modifier] or [scheme] noun ("QXLog records") — with modifier=False, that second test only for camel-case names (an acronym is
    left to its thread: "FBI records" in one comment, "the FBI said" in the next)."""
    from graph.nlp import lexicons

    heads = _jargon_heads()
    known = lexicons()["known_orgs"]
    out = set()
    for name in names:
        camel = bool(_CAMEL.match(name))
        if " " in name or not (is_acronym(name) or camel) or name in known or name.lower() in _common_abbreviations():
            continue
        if any(f"({name})" in t for t in texts):
            continue
        found = []
        for t in texts:
            for hit in re.finditer(r"(?<![\w@.-])" + re.escape(name) + r"(?![\w@-]|\.\w)", t):
                if re.search(r"(?:https?://|www\.)\S*$", t[max(0, hit.start() - 200):hit.start()]):
                    continue  # inside a web address
                nxt = _JOINED.match(t, hit.end())
                found.append(nxt.group(1) if nxt else None)
        if not found:
            continue
        jargon = sum(h in heads["scheme"] | heads["modifier"] for h in found)
        # (a body's name used often, once before a scheme noun, stays: "the QRP facilitators" once
        # among ten "QRP said")
        if any(h in heads["scheme"] for h in found) and 2 * jargon >= len(found):
            out.add(name)
        elif (modifier or camel) and jargon == len(found):
            out.add(name)
    return out


def _offset(doc: Doc, message: Message) -> int:
    if doc.text == message.text:
        return 0
    at = message.text.find(doc.text)
    if at < 0:
        raise ValueError(f"doc text is not part of message {message.id!r}")
    return at


def _sentence(span: Span) -> tuple[int, int]:
    doc = span.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        s = span.sent
        return s.start_char, s.end_char
    return 0, len(doc.text)


def _evidence(span: Span, thread_id: str, message: Message, base: int) -> Evidence:
    s0, s1 = _sentence(span)
    start, end = base + span.start_char, base + span.end_char
    return Evidence(thread=thread_id, message=message.id, start=start, end=end, quote=message.text[start:end],
                    sentence_start=base + s0, sentence_end=base + s1)


def mentions_from_doc(doc: Doc, thread_id: str, message: Message) -> list[Mention]:
    """Person, Organization, Place and Role mentions in document order."""
    base = _offset(doc, message)
    acronyms = doc._.acronyms or {}
    jargon = jargon_names([doc.text], {e.text for e in doc.ents if LABELS.get(e.label_) == "Organization"
                                       and not e.text in acronyms and not (e._.rule or "") in CONTEXT_RULES},
                          modifier=False)
    out: list[Mention] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        m = Mention(text=ent.text, label=label, evidence=_evidence(ent, thread_id, message, base),
                    source=ent._.rule or "ner")
        if label == "Organization" and m.source == "ner" and not_a_body(ent.text):
            continue
        if label == "Organization" and ent.text in jargon:
            continue
        if _METAPHOR.search(doc.text[max(0, ent.start_char - 20):ent.start_char]) \
                and " " not in ent.text and re.match(r"\s*(?:[.,;:!?)]|$)", doc.text[ent.end_char:]):
            continue  # "before it becomes his personal Waterloo."
        if label == "Organization":
            m.expansion = acronyms.get(ent.text)
            s0 = _sentence(ent)[0]
            before = doc.text[max(s0, ent.start_char - 40):ent.start_char]  # within its sentence
            m.kind = org_kind(m.expansion or ent.text, context=before)
        if ent._.title:
            m.attrs["title"] = ent._.title
        out.append(m)
    for span in doc.spans.get("roles", []):
        out.append(Mention(text=span.text, label="Role", evidence=_evidence(span, thread_id, message, base),
                           source="rule.role"))
    out.sort(key=lambda m: (m.evidence.start, m.evidence.end, m.label))
    _aliases(out, message.text)
    return out


# "X ... is officially known as (the) Y", "X, also called Y", "X, nicknamed Y": Y is another
# name of X. Not a renaming ("formerly known as", "renamed", "now called" with no adverb), which
# makes a new organisation out of an old one.
_ALIAS = re.compile(r"(?:\b(?:also|officially|commonly|popularly|locally|jokingly|affectionately|informally|"
                    r"sometimes|often|widely|better|simply|usually|now\s+\w+ly)\s+)?"
                    r"\b(?:known\s+as|called|nicknamed|dubbed|aka|a\.k\.a\.)\s+(?:the\s+)?[\"'“‘]?$", re.I)
_RENAME = re.compile(r"\b(?:formerly|previously|originally|initially|later|once|renamed|became|until|before|rebranded)\b"
                     r"|\ban?\s", re.I)  # (after "a"/"an" the phrase names a new thing: "a device known as Y")
_ALIAS_OPENERS = {"that", "which", "who", "but", "is", "was", "are", "were", "has", "had", "also", "officially", "commonly",
                  "popularly", "locally", "jokingly", "affectionately", "informally", "sometimes", "often", "widely",
                  "better", "simply", "usually", "now", "known", "called", "nicknamed", "dubbed", "aka", "a.k.a."}
_NOW_PLAIN = re.compile(r"\bnow\s+(?:known\s+as|called)\b", re.I)


def _aliases(mentions: list[Mention], text: str) -> None:
    """Mark Y with attrs["alias_of"] = X's ref where the text between two names of one type in one
    sentence (X before Y, at most 80 characters apart) ends in an alias phrase (_ALIAS);
    graph.resolve joins them. Mutates the mentions it marks (they are new here)."""
    named = [m for m in mentions if m.label in ("Organization", "Person")]
    for x, y in zip(named, named[1:]):
        ex, ey = x.evidence, y.evidence
        if x.label != y.label or ex.sentence_start != ey.sentence_start or not 0 < ey.start - ex.end <= 80:
            continue
        between = text[ex.end:ey.start]
        first = re.match(r"[\s,\"'”’)]*([a-z][\w.]*)", between)
        if first and first.group(1) not in _ALIAS_OPENERS:
            continue  # "the EU mission, called Y": X is a modifier, Y names the mission
        if _ALIAS.search(between) and not _RENAME.search(between) and not _NOW_PLAIN.search(between):
            y.attrs["alias_of"] = x.ref
            if re.search(r"\bofficially\b", between, re.I):
                y.attrs["official"] = True  # the entity's preferred name


# --------------------------------------------------------------------------- thread-level names

_SENT_END = re.compile(r"[.!?]\s|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        s = m.end()
    m = _SENT_END.search(text, end)
    e = m.start() + 1 if m and text[m.start()] in ".!?" else (m.start() if m else len(text))
    return s, e


def propagate_names(thread, mentions: list[Mention]) -> list[Mention]:
    """Mentions the model missed in one message of a name it found in another message of the thread.

    A name found once is usually written the same way again further down a thread, where
    the model, seeing a short comment, often misses it ("Thornbury is NOT 'Rightly'"). Names
    carried over: organisation names, full person names, and the surname of a full person
    name (one word, 4+ letters, not a stop word). An occurrence counts when it stands on word
    boundaries, is not inside a web address or an existing mention, and is written the same
    way — or, as commenters often write names, in another case: a name of two or more words
    with its first letter still a capital ("Harbour works" for "Harbour Works"), a person's
    full name that starts with a common given name in any case ("jane quill"), and a one-word
    organisation name of 5+ letters ("acmeco") or an acronym of 3+ letters ("zqg" for "ZQG");
    never a bare surname ("baker" is a word), an all-lower-case organisation phrase
    ("judicial review" is a phrase before it is a name), a stop word or a never-entity word. Returns only the new mentions (source
    "rule.thread_name"); pure and idempotent.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from graph.nlp import lexicons

    never = lexicons()["not_entities"]
    mine = [m for m in mentions if m.evidence.thread == thread.id]
    names: dict[str, tuple[str, str | None]] = {}
    for m in mine:
        if m.label not in ("Person", "Organization") or not (m.source == "ner" or m.source.startswith("rule.")):
            continue
        text = m.text.strip()
        if text.lower() in never or text == text.lower():
            continue
        words = text.split()
        if len(text) < 3 or text.lower() in STOP_WORDS:
            continue
        if m.label == "Person" and len(words) >= 2:
            last = words[-1]
            if len(last) >= 4 and last.isalpha() and last[0].isupper() and last.lower() not in STOP_WORDS:
                names.setdefault(last, ("Person", None))
        names.setdefault(text, (m.label, m.kind))
    if not names:
        return common_acronym_marks(thread, mentions) + initials_mentions(thread, mentions) \
            + lower_case_names(thread, mentions)
    # a name used for two types stays out, unless the words around it once said which it is
    # ("the Acme union", "Westby became Acme"): that type wins over the model's guesses
    from graph.nlp import CONTEXT_RULES

    types: dict[str, set[str]] = {}
    told: dict[str, set[str]] = {}
    for m in mine:
        types.setdefault(m.text.strip(), set()).add(m.label)
        if m.source in CONTEXT_RULES and m.label in ("Person", "Organization"):
            told.setdefault(m.text.strip(), set()).add(m.label)
    for n, labels in told.items():
        if len(labels) == 1 and n in names:
            label = next(iter(labels))
            names[n] = (label, names[n][1] if names[n][0] == label else None)
            types[n] = labels
    names = {n: v for n, v in names.items() if len(types.get(n, {v[0]})) == 1}
    alts = []
    for n in sorted(names, key=len, reverse=True):
        # "Quill & Marsh" is also written "Quill and Marsh" (and the other way round)
        alts.append(re.sub(r"\\ (?:\\&|and)\\ ", r" (?:&|and) ", re.escape(n)))
    pattern = re.compile(r"(?<![\w@/.])(" + "|".join(alts) + r")(?![\w/@]|\.\w)", re.I)
    folded: dict[str, str] = {}
    for n in sorted(names, key=len, reverse=True):
        folded.setdefault(_amp(n).casefold(), n)
    surnames = {n for n in names if names[n][0] == "Person" and " " not in n}
    possessive = re.compile(r"(?<![\w@/.])((?:" + "|".join(re.escape(n) for n in sorted(surnames)) + r")s)"
                            r" ([a-z]+)\b") if surnames else None
    out: list[Mention] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    inner: dict[str, list[tuple[int, int, str]]] = {}
    for m in mine:
        taken.setdefault(m.evidence.message, []).append((m.evidence.start, m.evidence.end))
        inner.setdefault(m.evidence.message, []).append((m.evidence.start, m.evidence.end, m.label))
    for msg in thread.messages():
        text = msg.text
        # (also a bare domain: "westby-group.com/investors")
        urls = [(u.start(), u.end()) for u in re.finditer(
            # anchored at a token's start: unanchored, a long run of dots is quadratic
            r"(?:https?://|www\.)\S+|(?<!\S)\S+@\S+|(?<![\w.-])[\w.-]+\.(?:com|org|net|co\.uk|org\.uk|gov\.uk|uk|io|eu)\b\S*",
            text)]
        spans = taken.get(msg.id, []) + urls
        for hit in pattern.finditer(text):
            a, b = hit.span(1)
            found = hit.group(1)
            name = found if found in names else folded.get(_amp(found).casefold())
            if name is None:
                continue
            label, kind = names[name]
            # a name of two or more words may cover a shorter mention of its own type that the model
            # cut short ("Acme" in "Acme travel" where the thread says "Acme Travel"): resolve.dedupe
            # then keeps only the longer one
            if any(x < b and a < y for x, y in spans) and not (
                    " " in name and not any(x < b and a < y for x, y in urls)
                    and all(a <= x and y <= b and (x, y) != (a, b) and lab == label
                            for x, y, lab in inner.get(msg.id, []) if x < b and a < y)
                    and not any(x < b and a < y for x, y in spans[len(taken.get(msg.id, [])) + len(urls):])):
                continue
            if found != name and not _any_case_ok(name, found, names[name][0], surnames, never):
                continue
            s0, s1 = _sentence_around(text, a, b)
            ev = Evidence(thread=thread.id, message=msg.id, start=a, end=b, quote=text[a:b],
                          sentence_start=s0, sentence_end=s1)
            out.append(Mention(text=found, label=label, evidence=ev, kind=kind, source="rule.thread_name"))
            spans.append((a, b))
        # "before it becomes Quills personal fiefdom": a surname with the possessive's apostrophe left
        # out, before a lower-case word that is no stop word ("the Quills are" may be the family)
        for hit in possessive.finditer(text) if possessive else ():
            a, b = hit.span(1)
            if hit.group(2).lower() in STOP_WORDS or any(x < b and a < y for x, y in spans):
                continue
            s0, s1 = _sentence_around(text, a, b)
            ev = Evidence(thread=thread.id, message=msg.id, start=a, end=b, quote=text[a:b],
                          sentence_start=s0, sentence_end=s1)
            out.append(Mention(text=hit.group(1), label="Person", evidence=ev, source="rule.thread_name"))
            spans.append((a, b))
    # (the names found here too: "JQ" inside a propagated "JQ Holdings Ltd" is no person's initials)
    return out + common_acronym_marks(thread, mentions) + initials_mentions(thread, mentions + out) \
        + lower_case_names(thread, mentions + out)


# Two or three capitals standing alone ("given JQ and"), not part of a run of capitals ("JQ RT")
_INITIALS = re.compile(r"(?<![\w@/.&'’-])([A-Z]{2,3})(?![\w@/&'’-]|\.\w)")
# Words before a token that make it a thing, not a person: "the JQ", "a JQ", "our JQ".
_NOT_PERSON_BEFORE = {"the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "its", "his",
                      "her", "my", "each", "every", "any", "no", "some", "per", "via"}


def initials_mentions(thread, mentions: list[Mention]) -> list[Mention]:
    """Person mentions for initials the model missed: "given JQ" where the thread names exactly one
    person whose initials are JQ (the letters of all the person's names, or of the first and last;
    named in full, and mentioned at least twice). graph.resolve then joins the initials to that
    person ("initials of"). Not when the letters are an acronym the thread defines or uses as a
    name of something else (a mention of any type, the initials of an organisation or place it
    names), a common abbreviation (not_entities.txt, known_orgs.tsv,
    mentions_common_abbreviations.txt) or a stop word in capitals ("it IS"); nor after a
    determiner ("the JQ"), in a run of capitals (shouting) or inside a mention or a web address.
    Returns only the new mentions (source "rule.initials"); pure."""
    from graph.names import initial_forms, norm_name
    from graph.nlp import is_acronym, lexicons

    mine = [m for m in mentions if m.evidence.thread == thread.id]
    full: dict[str, int] = {}
    for m in mine:
        if m.label == "Person":
            norm = norm_name(m.text, "Person")
            if len(norm.split()) >= 2:
                full[norm] = 0
    if not full:
        return []
    for m in mine:  # mentions of each full name: itself, or a shorter name it ends with
        if m.label == "Person":
            words = norm_name(m.text, "Person").split()
            for f in full:
                if words and f.split()[-len(words):] == words:
                    full[f] += 1
    by_letters: dict[str, set[str]] = {}
    for f in full:
        w = f.split()
        for letters in {"".join(x[0] for x in w), w[0][0] + w[-1][0]}:
            by_letters.setdefault(letters, set()).add(f)
    from spacy.lang.en.stop_words import STOP_WORDS

    lex = lexicons()
    # (a stop word in capitals is emphasis: "it IS wrong", not the initials of an "Ivo Sharp")
    common = lex["not_entities"] | {k.lower() for k in lex["known_orgs"]} | _common_abbreviations() | STOP_WORDS
    taken_letters = set(common)
    for m in mine:
        text = m.text.strip()
        if m.label != "Person" and is_acronym(text) and " " not in text:
            taken_letters.add(text.lower())
        if m.expansion:
            taken_letters.add(text.lower())
        if m.label in ("Organization", "Place") and " " in text:
            # the initials resolution would join to it (graph.names.initial_forms: "JQ" for "Jade
            # Quarry Group" too), with and without a legal form ("Ltd")
            taken_letters.update(initial_forms(text) | initial_forms(norm_name(text, "Organization")))
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mine:
        spans.setdefault(m.evidence.message, []).append((m.evidence.start, m.evidence.end))
    found: list[tuple[object, int, int]] = []
    for msg in thread.messages():
        for u in re.finditer(r"\(([A-Z]{2,3})\)", msg.text):  # defined here: "Jade Quarry (JQ)"
            taken_letters.add(u.group(1).lower())
    for msg in thread.messages():
        text = msg.text
        urls = [(u.start(), u.end()) for u in re.finditer(r"(?:https?://|www\.)\S+|\S+@\S+", text)]
        for hit in _INITIALS.finditer(text):
            a, b = hit.span(1)
            letters = hit.group(1).lower()
            who = by_letters.get(letters, set())
            if letters in taken_letters or len(who) != 1 or full[next(iter(who))] < 2:
                continue
            if any(x < b and a < y for x, y in spans.get(msg.id, []) + urls):
                continue
            before = re.findall(r"[A-Za-z]+", text[max(0, a - 20):a])
            after = re.match(r"\s*([A-Za-z]+)", text[b:])
            if before and before[-1].lower() in _NOT_PERSON_BEFORE:
                continue
            if before and before[-1].isupper() and len(before[-1]) > 1 or after and after.group(1).isupper() \
                    and len(after.group(1)) > 1:
                continue  # a run of capitals: shouting, or a longer acronym
            found.append((msg, a, b))
    out = []
    for msg, a, b in found:
        s0, s1 = _sentence_around(msg.text, a, b)
        ev = Evidence(thread=thread.id, message=msg.id, start=a, end=b, quote=msg.text[a:b],
                      sentence_start=s0, sentence_end=s1)
        out.append(Mention(text=msg.text[a:b], label="Person", evidence=ev, source="rule.initials"))
    return out


# Two lower-case words at a word start (a lookahead, so "infact tony quarrie" is tried at each word)
_LOWER_PAIR = re.compile(r"(?<![\w@/.'’&-])(?=([a-z]{3,}) ([a-z]{3,})(?![\w@/&'’-]|\.\w))")
_NOT_NAME_BEFORE = {"a", "an", "the", "such", "every", "any", "no", "some", "another", "each"}


def lower_case_names(thread, mentions: list[Mention]) -> list[Mention]:
    """Person mentions for names written all in lower case that the thread names nowhere else
    ("infact tony quarrie may be the one to ask"): a common given name of 3+ letters (first_names.tsv,
    not one of the everyday words in mentions_lower_names.txt) followed by a word of 3+ letters that
    is no English word (nor an inflection of one) in the model's lemmatizer tables, no stop word, no
    chat word, and no such word with two neighbouring letters swapped (a typo: "tony beleive me"). Not after "a"/"the"/"such" ("such a tanya moment"), nor inside a mention or a web
    address. Returns only the new mentions (source "rule.lower_name"); pure."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from graph.nlp import lexicons

    lists = _lower_name_lists()
    given = {n for n in lexicons()["first_names"] if n not in lists["word given names"]}
    never = lexicons()["not_entities"] | lists["not surnames"] | STOP_WORDS
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.evidence.thread == thread.id:
            spans.setdefault(m.evidence.message, []).append((m.evidence.start, m.evidence.end))
    out = []
    for msg in thread.messages():
        text = msg.text
        taken = spans.get(msg.id, []) + [(u.start(), u.end()) for u in re.finditer(
            r"(?:https?://|www\.)\S+|\S+@\S+", text)]
        for hit in _LOWER_PAIR.finditer(text):
            first, last = hit.group(1), hit.group(2)
            if first not in given or last in never:
                continue
            english = _english()  # (the model's tables load only when a candidate comes)
            if english is None or english(last):
                continue
            if any(english(w) or w in STOP_WORDS for w in _swapped(last)):
                continue  # a typo, two letters swapped: "i told tony beleive me", "tony thier way"
            a, b = hit.start(1), hit.end(2)
            before = re.findall(r"[A-Za-z]+", text[max(0, a - 12):a])
            if before and before[-1].lower() in _NOT_NAME_BEFORE or any(x < b and a < y for x, y in taken):
                continue
            s0, s1 = _sentence_around(text, a, b)
            ev = Evidence(thread=thread.id, message=msg.id, start=a, end=b, quote=text[a:b],
                          sentence_start=s0, sentence_end=s1)
            out.append(Mention(text=text[a:b], label="Person", evidence=ev, source="rule.lower_name"))
            taken.append((a, b))
    return out


def _swapped(word: str) -> set[str]:
    """The words `word` becomes with two neighbouring letters swapped ("beleive" -> "believe", ...).
    Only swaps: a surname is often one edit from a word ("quarrie", "quarries"), a swap rarely."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}


@lru_cache(maxsize=1)
def _lower_name_lists() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    current = ""
    for line in read_list("mentions_lower_names.txt", PATTERNS_DIR):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        else:
            out.setdefault(current, set()).add(line.lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _english():
    """A test "is this an English word, or an inflection of one" from the pinned model's
    lemmatizer tables (lemma_index, lemma_exc, lemma_rules); None when the model has none."""
    from graph.nlp import load_nlp

    try:
        lookups = load_nlp(parser=False).get_pipe("lemmatizer").lookups
        index, exc, rules = (lookups.get_table(n) for n in ("lemma_index", "lemma_exc", "lemma_rules"))
    except (KeyError, AttributeError, ValueError):
        return None
    words = frozenset(w for table in (index, exc) for v in table.values() for w in v)
    suffixes = [(old, new) for v in rules.values() for old, new in v]

    def english(word: str) -> bool:
        return word in words or any(word.endswith(old) and word[:len(word) - len(old)] + new in words
                                    for old, new in suffixes if old)
    return english


@lru_cache(maxsize=1)
def _common_abbreviations() -> frozenset[str]:
    from graph.nlp import read_list

    return frozenset(w.lower() for w in read_list("mentions_common_abbreviations.txt", PATTERNS_DIR))


# An acronym written in the plural ("POs", not the possessive-looking "PO's"), or after "a"/"an"
# with no noun after it ("an SFO may be committed"; "an FBI agent" uses a body's name).
_PLURAL_ACR = re.compile(r"(?<![\w@/.])([A-Z]{2,})s(?![\w'’@/])")
_AN_ACR = re.compile(r"\b[Aa]n? ([A-Z][A-Za-z]*[A-Z])(?=\s*(?:[.,;:!?)]|$)|\s+(?:is|was|are|were|be|been|has|had|have|may|"
                     r"might|will|would|can|could|should|must|who|which|that)\b)")
# A title-case phrase of 2-5 words (its first letters an acronym of the thread may stand for).
_CAP_PHRASE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,4}[A-Z][a-z]+)(?:\s+([a-z]+))?")


def common_acronym_marks(thread, mentions: list[Mention]) -> list[Mention]:
    """Marks (label "Common") on the words of a thread that show one of its acronyms is a common
    noun or a scheme, not a body: the acronym used as jargon in the thread (jargon_names: "the QRP
    facilitators", or only ever "QRP records"; one mark, where it first comes), in the plural ("how
    many POs"), after "a"/"an" with no noun after it, or the initials of a title-case phrase for a
    scheme (not_org_heads.txt: "the Transforming Rehabilitation programme" for "TR"). graph.resolve.dedupe then drops the mentions
    of that acronym in the thread (one word, acronym-shaped, same letters), unless the thread
    defines it as an organisation ("Long Name (LN)" with a long name that is no class of bodies).
    Only acronyms that are mentions in the thread are marked; marks already there are not repeated.
    """
    from graph.nlp import acronym_letters, is_acronym, lexicons

    mine = [m for m in mentions if m.evidence.thread == thread.id]
    acrs = {acronym_letters(m.text) for m in mine if m.label in ("Person", "Organization", "Place")
            and " " not in m.text.strip() and is_acronym(m.text.strip())}
    class_plurals = lexicons()["class_plurals"]
    defined = {acronym_letters(m.text) for m in mine if m.expansion and is_acronym(m.text.strip())
               and m.expansion.split()[-1].lower() not in class_plurals and not not_a_body(m.expansion)}
    acrs -= defined
    if not acrs:
        return []
    have = {m.ref for m in mine if m.label == "Common"}
    schemes = lexicons()["not_org_heads"]
    out: list[Mention] = []

    def mark(msg, a: int, b: int, letters: str, why: str) -> None:
        s0, s1 = _sentence_around(msg.text, a, b)
        ev = Evidence(thread=thread.id, message=msg.id, start=a, end=b, quote=msg.text[a:b],
                      sentence_start=s0, sentence_end=s1)
        if ev and f"{thread.id}|{msg.id}|{a}|{b}" not in have:
            out.append(Mention(text=msg.text[a:b], label="Common", evidence=ev, source="rule.common_acronym",
                               attrs={"letters": letters, "why": why}))

    # jargon: "the QRP facilitators", or only ever "QRP group"/"QRP records" in the thread (jargon_names)
    forms = {m.text.strip() for m in mine if m.label == "Organization" and acronym_letters(m.text.strip()) in acrs
             and is_acronym(m.text.strip())}
    told = {m.text.strip() for m in mine if m.source in CONTEXT_RULES}
    jargon = jargon_names([msg.text for msg in thread.messages()], forms - told)
    for msg in thread.messages():
        text = msg.text
        for name in sorted(jargon):  # one mark each, where it first comes
            hit = re.search(r"(?<![\w@.-])" + re.escape(name) + r"(?![\w@-]|\.\w)", text)
            if hit:
                mark(msg, *hit.span(), acronym_letters(name), "jargon")
                jargon = jargon - {name}
        for hit in _PLURAL_ACR.finditer(text):
            if hit.group(1).lower() in acrs:
                mark(msg, *hit.span(), hit.group(1).lower(), "plural")
        for hit in _AN_ACR.finditer(text):
            letters = acronym_letters(hit.group(1))
            if letters in acrs and is_acronym(hit.group(1)):
                mark(msg, *hit.span(1), letters, "after a/an")
        for hit in _CAP_PHRASE.finditer(text):
            words = hit.group(1).split()
            nxt = hit.group(2) or ""
            letters = "".join(w[0] for w in words).lower()
            if letters in acrs and (words[-1].lower() in schemes or nxt in schemes):
                mark(msg, *hit.span(1), letters, "scheme")
    return out


def _amp(name: str) -> str:
    return re.sub(r" (?:&|and) ", " & ", name)


def _any_case_ok(name: str, found: str, label: str, surnames: set[str], never: set[str]) -> bool:
    """May `name` be matched as `found`, written in another case (see propagate_names)?"""
    from spacy.lang.en.stop_words import STOP_WORDS

    from graph.nlp import lexicons

    if " " in name:
        if found[:1].isupper():
            return True
        return label == "Person" and name.split()[0].lower() in lexicons()["first_names"]
    low = name.lower()
    if name in surnames or low in STOP_WORDS or low in never or label != "Organization":
        return False
    return len(name) >= 5 or (name.isupper() and len(name) >= 3)
