"""Thread-level mentions, found after each message's own (graph.extract.entities): names the model
found in one message and missed in another (`propagate_names`, which runs the others too),
initials of a person of the thread ("given JQ": `initials_mentions`), names written all in lower
case (`lower_case_names`), and marks on the words that show an acronym is a common noun or
jargon (`common_acronym_marks`). All pure: they return only the new mentions."""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.jargon import common_abbreviations, jargon_names
from graph.model import Evidence, Mention
from graph.nlp import CONTEXT_RULES, PATTERNS_DIR, not_a_body, read_list
from graph.nlp.lexicon import sections
from graph.nlp.spans import web_spans

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
        urls = web_spans(text)  # (also a bare domain: "westby-group.com/investors")
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
    common = lex["not_entities"] | {k.lower() for k in lex["known_orgs"]} | common_abbreviations() | STOP_WORDS
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
        urls = web_spans(text)
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
    chat word, and no such word with two neighbouring letters swapped (a typo: "tony beleive me").
    Not after "a"/"the"/"such" ("such a tanya moment"), nor inside a mention or a web address.
    Returns only the new mentions (source "rule.lower_name"); pure."""
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
        taken = spans.get(msg.id, []) + web_spans(text)
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
    """The sections of mentions_lower_names.txt: [word given names] and [not surnames]."""
    parts = sections(read_list("mentions_lower_names.txt", PATTERNS_DIR))
    return {k: frozenset(" ".join(p) for p in v) for k, v in parts.items()}


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
