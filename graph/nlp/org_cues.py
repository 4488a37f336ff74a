"""Organisations told by the words around a name: an organisation head noun ("the Acme
union"), company phrases ("X became Acme"), partner firms, media ("posted on X"), lists of
organisations, sports clubs, words only a company has ("shares in X")."""
from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.nlp.spans import lower_texts, ruled
from graph.nlp.words import MONTHS, OWNERS, QUOTES, SAYS, TEAM_PEOPLE_CUES, WEEKDAYS


def org_context(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """Organisations told by the words around a name, not by its shape.

    - "the Acme union", "the Acme probation union": a capitalised name (a model PERSON or
      ORG, or capitalised words the model missed) right before an organisation head noun
      (org_heads.txt), with at most one lower-case word between, is an organisation;
    - "a member of the Acme": a model PERSON after "member(s) of (the)" is an organisation;
    - "Westby became Quillco", "Quillco, formerly known as Westby": a one-word name (a model
      PERSON that is no known given name, or a missed capitalised word) joined to an
      organisation by a company phrase (company_verbs.txt) is an organisation.
    """
    heads = rules.lex["org_heads"]
    by_start = {e.start: e for e in ents}
    by_end = {e.end: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    relabel: dict[Span, Span] = {}
    added: list[Span] = []
    lows = lower_texts(doc)
    for i in [k for k, w in enumerate(lows) if w in heads and k > 0]:
        tok = doc[i]
        if not tok.is_lower:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_alpha and nxt.is_lower and not nxt.is_stop and nxt.lower_ not in SAYS:
            continue  # "firm evidence", "party leaders": the noun is not the head here
        # the name ends right before the head, or one lower-case word before it
        for end in (tok.i, tok.i - 1):
            if end <= 0 or (end == tok.i - 1 and not (doc[end].is_lower and doc[end].is_alpha
                                                      and not doc[end].is_stop)):
                continue
            if end > 1 and doc[end - 1].text in QUOTES:
                end -= 1  # a quoted name: 'the " Quorvel Front " militant group'
            ent = by_end.get(end)
            if ent is not None:
                # a model PERSON, a NORP that is no nationality word we know ("the Zunto union"),
                # or a quoted name the model took for a title ('the " Quorvel Front " group')
                if ent.label_ in ("PERSON", "NORP", "WORK_OF_ART", "PRODUCT") and ent._.title is None \
                        and ent.text not in rules.lex["demonyms"]:
                    relabel[ent] = ruled(Span(doc, ent.start, ent.end, label="ORG"), "rule.org_head")
                break
            start = end
            while start > 0 and end - start < 4 and rules.name_word(doc[start - 1]) and start - 1 not in taken:
                start -= 1
            if start == end:
                continue  # no capitalised word right here: try one word further back
            quoted = start > 0 and doc[start - 1].text in QUOTES  # 'the " Quorvel Front " militant group'
            if (quoted or not (doc[start].is_sent_start or start == 0 or not doc[start - 1].is_alpha)) and not any(
                    t.text in rules.lex["demonyms"] or t.text in rules.role_words for t in doc[start:end]):
                added.append(ruled(Span(doc, start, end, label="ORG"), "rule.org_head"))
            break
    for e in ents:
        # "a member of the X": a person is no body one is a member of
        b = [t.lower_ for t in doc[max(0, e.start - 3):e.start]]
        if e.label_ == "PERSON" and e._.title is None and (b[-2:] == ["member", "of"] or b[-2:] == ["members", "of"]
                                                        or b[-3:] in (["member", "of", "the"], ["members", "of", "the"])):
            relabel[e] = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.org_head")
    ents = [relabel.get(e, e) for e in ents] + added
    # company phrases between a one-word name and an organisation
    by_start = {e.start: e for e in ents}
    by_end = {e.end: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    firsts = {p[0] for p in rules.lex["company_verbs"]}
    starts = [k for k, w in enumerate(lows) if w in firsts]  # only where a phrase can start
    for phrase in rules.lex["company_verbs"]:
        n = len(phrase)
        for i in starts:
            if not 1 <= i < len(doc) - n or tuple(lows[i:i + n]) != phrase:
                continue
            comma = i > 1 and doc[i - 1].text == ","  # "Quillco, formerly known as Westby"
            left, right = by_end.get(i - 1 if comma else i), by_start.get(i + n)
            for one, other, at in ((left, right, i - 2 if comma else i - 1), (right, left, i + n)):
                if other is None or other.label_ != "ORG" or not (0 <= at < len(doc)):
                    continue
                if other.end < len(doc) and doc[other.end].text in ("'s", "’s", "'", "’"):
                    continue  # "Smith became Acme's chief": a post, not a renaming
                if one is not None and len(one) == 1 and one.label_ == "PERSON" and one._.title is None \
                        and one[0].lower_ not in rules.lex["first_names"]:
                    ents = [e for e in ents if e is not one]
                    ents.append(ruled(Span(doc, one.start, one.end, label="ORG"), "rule.company_verb"))
                elif one is None and at not in taken and rules.name_word(doc[at]) \
                        and doc[at].lower_ not in rules.lex["first_names"]:
                    ents.append(ruled(Span(doc, at, at + 1, label="ORG"), "rule.company_verb"))
                    taken.add(at)
    return filter_spans(ents)


def partner_firms(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "our lawyers Quill and Marsh", "the accountants Roe & Bramble": after a plural profession
    noun (firm_descriptors.txt), two one-word capitalised names joined by and/& are one firm, when
    the first is no common given name and the model saw no more than people or nothing there."""
    out = list(ents)
    for i, tok in enumerate(doc[:-4]):
        if tok.lower_ not in rules.lex["firm_descriptors"] or not tok.is_lower:
            continue
        a, conj, b = doc[i + 1], doc[i + 2], doc[i + 3]
        if conj.lower_ not in ("and", "&") or not (rules.name_word(a) and rules.name_word(b)) \
                or a.lower_ in rules.lex["first_names"]:
            continue
        nxt = doc[i + 4] if i + 4 < len(doc) else None
        if nxt is not None and nxt.is_title and not nxt.is_sent_start:
            continue  # "Quill and Marsh Lane": a longer name
        over = [e for e in out if e.start < i + 4 and i + 1 < e.end]
        if any(e.label_ != "PERSON" or e.start < i + 1 or e.end > i + 4 for e in over):
            continue
        out = [e for e in out if e not in over]
        out.append(ruled(Span(doc, i + 1, i + 4, label="ORG"), "rule.descriptor"))
    return out


def medium_context(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word name used as a medium is an organisation (medium_cues.txt): "I'm not on X",
    "posted on X", "using X", "via X", "took to X", "the X piece", "its X account". The name is a model PERSON (no title),
    WORK_OF_ART or PRODUCT (after "on", also a GPE), or a title-case word the model missed; not a known given name,
    a nationality word or part of a longer title-case name. rule.medium, that mention only."""
    cues = rules.lex["medium_cues"]
    on_cues, before_cues, after_cues = cues.get("on", set()), cues.get("before", set()), cues.get("after", set())
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for i, tok in enumerate(doc):
        if i == 0 or not tok.is_alpha or not tok.text[0].isupper() or tok.is_sent_start:
            continue
        prev = doc[i - 1].lower_
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        on = prev == "on"  # (also "took to X to say": where the model takes an unknown name for a place)
        if on:
            told = i >= 2 and doc[i - 2].lower_ in on_cues
        elif prev in before_cues:
            told = True
        elif i >= 2 and f"{doc[i - 2].lower_} {prev}" in before_cues:
            told = on = nxt is not None and nxt.lower_ in cues.get("then", ())
        elif nxt is not None and nxt.is_lower:
            told = (prev == "the" and nxt.lower_ in after_cues
                    or prev in OWNERS and nxt.lower_ in cues.get("owned", ()))  # "its X account"
        else:
            told = False
        if not told or (nxt is not None and nxt.is_title and not nxt.is_sent_start):
            continue
        if tok.lower_ in rules.lex["first_names"] or tok.text in rules.lex["demonyms"] or not rules.name_word(tok) \
                or tok.lower_ in MONTHS or tok.lower_ in WEEKDAYS:  # "posted on Monday" (where the model missed the date)
            continue
        ent = by_start.get(i)
        if ent is not None:
            # after "not on" / "posted on" the model takes an unknown name for a place: no place is "posted on"
            labels = ("PERSON", "WORK_OF_ART", "PRODUCT") + (("GPE",) if on else ())
            if len(ent) != 1 or ent.label_ not in labels or ent._.title is not None \
                    or ent.text in rules.lex["place_names"]:
                continue
            out.remove(ent)
        elif i in taken:
            continue
        out.append(ruled(Span(doc, i, i + 1, label="ORG"), "rule.medium"))
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if tok.is_title and tok.lower_ in cues.get("channel", ()) and nxt.is_digit and len(nxt) <= 2 \
                and (i + 2 == len(doc) or not doc[i + 2].is_digit):
            over = [e for e in out if e.start < i + 2 and i < e.end]
            if any(e.label_ == "ORG" and (e.start < i or e.end > i + 2) for e in over):
                continue  # inside a longer organisation name ("Westby Radio 2 Ltd")
            out = [e for e in out if e not in over]
            out.append(ruled(Span(doc, i, i + 2, label="ORG"), "rule.medium"))
    return out


def lists(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Spotify, Apple, Zembla and Quillco": in a list of names joined by commas and
    and/or, where two or more items are organisations and none is a person or place, the
    other items the model missed are organisations too. Only those mentions (rule.list)."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    items: list[tuple[int, int, Span | None]] = []
    out = list(ents)

    def flush():
        orgs = [sp for _, _, sp in items if sp is not None and sp.label_ == "ORG"]
        other = [sp for _, _, sp in items if sp is not None and sp.label_ in ("GPE", "LOC", "FAC")
                 or sp is not None and sp.label_ == "PERSON" and (len(sp) > 1 or sp[0].lower_ in
                                                                  rules.lex["first_names"])]
        if len(items) >= 3 and len(orgs) >= 2 and not other:
            for a, b, sp in items:
                if sp is None:
                    new = ruled(Span(doc, a, b, label="ORG"), "rule.list")
                    if sp is not None:
                        out.remove(sp)
                    out.append(new)
        items.clear()

    lows = lower_texts(doc)
    upper = [t.text[:1].isupper() for t in doc]
    i = 0
    while i < len(doc):
        e = by_start.get(i)
        if e is not None:
            span = (e.start, e.end, e)
        elif not upper[i] or i in taken:
            if items:
                flush()
            i += 1
            continue
        elif rules.name_word(doc[i]) and not doc[i].is_sent_start:
            j = i
            while j < len(doc) and j - i < 3 and j not in taken and rules.name_word(doc[j]):
                j += 1
            span = (i, j, None)
        else:
            flush()
            i += 1
            continue
        items.append(span)
        i = span[1]
        # the separator: ",", "and", "or", ", and"
        if i < len(doc) and lows[i] == ",":
            i += 1
        if i < len(doc) and lows[i] in ("and", "or"):
            i += 1
        elif i > 0 and lows[i - 1] != ",":
            flush()
    flush()
    return filter_spans(out)


def teams(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """A place or one-word "person" with a sports cue around it (team_cues.txt) is the club:
    "Westby coach Jo Roe", "a 2-0 win over Westby". Only that mention (rule.team)."""
    cues = rules.lex["team_cues"]
    after = {c[0] for c in cues.get("after", [])}
    before = cues.get("before", [])
    out = []
    lows = lower_texts(doc)
    first_names = rules.lex["first_names"]
    for e in ents:
        if e.label_ in ("GPE", "LOC") or e.label_ == "PERSON" and e._.title is None and (
                len(e) == 1 or len(e) == 2 and e[0].lower_ not in first_names):
            # "Westby coach", "Westby's new coach"
            hit = e.end < len(doc) and lows[e.end] in after and doc[e.end].is_lower
            # (after "'s" only a club's staff: "Kagame's supporters" are a person's)
            k = e.end + 1
            if k < len(doc) and lows[e.end] in ("'s", "’s"):
                hit = hit or lows[k] in after - TEAM_PEOPLE_CUES or k + 1 < len(doc) and doc[k].is_lower \
                    and lows[k + 1] in after - TEAM_PEOPLE_CUES
            # "a draw against Westby", "a draw against lowly Westby"
            for skip in (0, 1):
                s0 = e.start - skip
                if skip and not (s0 > 0 and doc[s0].is_lower and doc[s0].is_alpha):
                    continue
                hit = hit or any(s0 >= len(c) and tuple(lows[s0 - len(c):s0]) == c for c in before)
            if hit:
                e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.team")
        out.append(e)
    return out


def company_cues(rules, doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word name with words around it that only a company or body has (company_cues.txt):
    "holds shares in Westby", "a director of Quillco", "Quillco's bid team". A model person
    (no title, no common given name) or place, or a title-case word the model missed, is an
    organisation (rule.company_cue)."""
    cues = rules.lex["company_cues"]
    before, after = cues.get("before", []), cues.get("after", [])
    lows = lower_texts(doc)
    first_names = rules.lex["first_names"]

    def cued(start: int, end: int) -> bool:
        # (written in lower case: "the Director of Studies" is a title; "director of Westby's
        # museum": the name is a modifier there)
        owner = end < len(doc) and lows[end] in ("'s", "’s")
        if not owner and any(start >= len(c) and tuple(lows[start - len(c):start]) == c
               and all(t.is_lower for t in doc[start - len(c):start]) for c in before):
            return True
        k = end + 1
        return k < len(doc) and lows[end] in ("'s", "’s") and any(
            tuple(lows[k:k + len(c)]) == c and doc[k].is_lower for c in after)

    out, taken = [], {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        if len(e) == 1 and (e.label_ in ("GPE", "LOC") or e.label_ == "PERSON" and e._.title is None
                            and e[0].lower_ not in first_names) and cued(e.start, e.end):
            e = ruled(Span(doc, e.start, e.end, label="ORG"), "rule.company_cue")
        out.append(e)
    for tok in doc:
        if tok.i not in taken and tok.i > 0 and not tok.is_sent_start and rules.name_word(tok) \
                and tok.lower_ not in first_names and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title) \
                and cued(tok.i, tok.i + 1):
            out.append(ruled(Span(doc, tok.i, tok.i + 1, label="ORG"), "rule.company_cue"))
    return out
