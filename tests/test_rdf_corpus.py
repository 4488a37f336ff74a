"""An invented thread with one fact of every Relation kind: the input the rdf, validate and
network tests build from. The tests here check the example itself is consistent, so a
failure elsewhere is the code's fault, not the example's.
"""
from __future__ import annotations

import re
from decimal import Decimal

from graph.model import Corpus, Entity, Evidence, Mention, Message, Relation, Thread

THREAD = "t-example"

POST = (
    "Wexford Justice Partners has won the offender monitoring contract from the Department of "
    "Civic Affairs. Marta Quillon, Deputy Managing Director of Wexford Justice Partners, is "
    "reportedly married to Tobias Quillon, the Chief Inspector of Civic Standards. Brackley Care, "
    "a partner of Wexford Justice Partners, was formerly known as Brackley Health."
)
C1 = (
    "Is it true that Harlan Voss is paid by Wexford Justice Partners? Voss lobbied the Department "
    "of Civic Affairs on behalf of Brackley Care."
)
C11 = (
    "Harlan Voss is MP for Dunmere and a member of the Civic Unity Party \U0001F644. "
    "He is a consultant to Brackley Care \u2014 \u00e9minence grise, they say."
)
C2 = (
    "Ostler & Finch act for the Probity Union, which has brought a judicial review against the "
    "Department of Civic Affairs. Wexford Justice Partners is owned by Kestrel Holdings. "
    "The Monitoring Unit is part of the Department of Civic Affairs. Wexford Justice Partners "
    "replaces Old Monitor Trust. Kestrel Holdings is being investigated by the Fraud Office. "
    "Brackley Health was investigated for fraud. Tobias Quillon's sister Lena Quillon works there "
    "too. This is a clear conflict of interest between Tobias Quillon and Wexford Justice Partners."
)

MESSAGES = {
    "post": Message("post", POST, None, "Editor", "2024-03-01", "Monitoring deal questions"),
    "c1": Message("c1", C1, "post", "Anonymous", "2024-03-01T10:15:00Z"),
    "c1.1": Message("c1.1", C11, "c1", "Lark"),
    "c2": Message("c2", C2, "post", "Anonymous", "yesterday"),
}

# key -> (type, name, aliases, kind)
ENTITIES = {
    "wexford": ("Organization", "Wexford Justice Partners", {"WJP"}, "company"),
    "dca": ("Organization", "Department of Civic Affairs", set(), "government"),
    "brackley-care": ("Organization", "Brackley Care", set(), "charity"),
    "brackley-health": ("Organization", "Brackley Health", set(), "company"),
    "kestrel": ("Organization", "Kestrel Holdings", set(), "company"),
    "probity": ("Organization", "Probity Union", set(), "union"),
    "ostler": ("Organization", "Ostler & Finch", set(), None),
    "unit": ("Organization", "Monitoring Unit", set(), "other"),
    "old-trust": ("Organization", "Old Monitor Trust", set(), "charity"),
    "fraud-office": ("Organization", "Fraud Office", set(), "government"),
    "cup": ("Organization", "Civic Unity Party", set(), "party"),
    "marta": ("Person", "Marta Quillon", set(), None),
    "tobias": ("Person", "Tobias Quillon", set(), None),
    "lena": ("Person", "Lena Quillon", set(), None),
    "voss": ("Person", "Harlan Voss", {"Voss"}, None),
    "dunmere": ("Place", "Dunmere", set(), None),
    "contract": ("Contract", "offender monitoring contract", set(), None),
}

CONTRACT_ATTRS = {
    "value": Decimal("1.2E+9"), "currency": "GBP", "period": "total", "term_years": Decimal("7"),
    "lots": ["north", "south"], "subject": "offender monitoring",
}

# (kind, subject, object, message, quote, status, qualifiers, confidence)
RELATIONS = [
    ("bid", "wexford", "contract", "post", "Wexford Justice Partners has won the offender monitoring contract",
     "asserted", {"status": "awarded"}, "0.9"),
    ("buyer", "contract", "dca", "post", "offender monitoring contract from the Department of Civic Affairs",
     "asserted", {}, "0.8"),
    ("post", "marta", "wexford", "post", "Marta Quillon, Deputy Managing Director of Wexford Justice Partners",
     "asserted", {"role": "Deputy Managing Director", "current": True}, "0.92"),
    ("post", "tobias", None, "post", "Tobias Quillon, the Chief Inspector of Civic Standards",
     "asserted", {"role": "Chief Inspector of Civic Standards", "current": True}, "0.85"),
    ("family", "marta", "tobias", "post", "Marta Quillon, Deputy Managing Director of Wexford Justice Partners, is "
     "reportedly married to Tobias Quillon", "reported", {"relation": "spouse"}, "0.86"),
    ("family", "tobias", "lena", "c2", "Tobias Quillon's sister Lena Quillon", "asserted",
     {"relation": "sibling"}, "0.8"),
    ("partner", "brackley-care", "wexford", "post", "Brackley Care, a partner of Wexford Justice Partners",
     "asserted", {"form": "partner"}, "0.7"),
    ("renamed", "brackley-health", "brackley-care", "post",
     "Brackley Care, a partner of Wexford Justice Partners, was formerly known as Brackley Health",
     "asserted", {"change": "renamed"}, "0.75"),
    ("paid_by", "voss", "wexford", "c1", "Harlan Voss is paid by Wexford Justice Partners", "questioned", {}, "0.6"),
    ("lobbied", "voss", "dca", "c1", "Voss lobbied the Department of Civic Affairs on behalf of Brackley Care",
     "asserted", {"on_behalf_of": "brackley-care"}, "0.7"),
    ("mp_for", "voss", "dunmere", "c1.1", "Harlan Voss is MP for Dunmere", "asserted", {}, "0.95"),
    ("party", "voss", "cup", "c1.1", "a member of the Civic Unity Party", "asserted", {}, "0.9"),
    ("consultant_to", "voss", "brackley-care", "c1.1", "He is a consultant to Brackley Care", "asserted", {}, "0.65"),
    ("represents", "ostler", "probity", "c2", "Ostler & Finch act for the Probity Union", "asserted", {}, "0.8"),
    ("legal_action", "probity", "dca", "c2", "brought a judicial review against the Department of Civic Affairs",
     "asserted", {"action": "judicial review"}, "0.8"),
    ("owned_by", "wexford", "kestrel", "c2", "Wexford Justice Partners is owned by Kestrel Holdings",
     "asserted", {"share": "whole"}, "0.85"),
    ("unit_of", "unit", "dca", "c2", "The Monitoring Unit is part of the Department of Civic Affairs",
     "asserted", {}, "0.7"),
    ("replaces", "wexford", "old-trust", "c2", "Wexford Justice Partners replaces Old Monitor Trust",
     "asserted", {}, "0.6"),
    ("investigated", "kestrel", "fraud-office", "c2", "Kestrel Holdings is being investigated by the Fraud Office",
     "asserted", {}, "0.8"),
    ("investigated", "brackley-health", None, "c2", "Brackley Health was investigated for fraud",
     "asserted", {"matter": "fraud"}, "0.8"),
    ("coi_stated", "tobias", "wexford", "c2",
     "conflict of interest between Tobias Quillon and Wexford Justice Partners", "asserted",
     {"entities": ["tobias", "wexford"]}, "0.9"),
]

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def evidence(message_id: str, quote: str) -> Evidence:
    text = MESSAGES[message_id].text
    start = text.index(quote)
    end = start + len(quote)
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    ss = max(b for b in bounds if b <= start)
    se = min(b for b in bounds if b >= end)
    se = len(text[:se].rstrip())  # a sentence ends before the space that follows it
    return Evidence(THREAD, message_id, start, end, quote, ss, se)


def example_corpus() -> Corpus:
    """A fresh Corpus (new objects every call) built from the tables above."""
    thread = Thread(THREAD, "tests/example.txt", MESSAGES["post"], [MESSAGES[k] for k in ("c1", "c1.1", "c2")],
                    title="Monitoring deal questions")
    entities = {}
    for key, (etype, name, aliases, kind) in ENTITIES.items():
        mentions = []
        for mid, msg in MESSAGES.items():
            for alias in sorted({name} | aliases):
                if alias in msg.text:
                    mentions.append(Mention(alias, etype, evidence(mid, alias), kind))
        attrs = dict(CONTRACT_ATTRS) if etype == "Contract" else {}
        entities[key] = Entity(key, etype, name, set(aliases), kind, mentions, attrs)
    relations = [
        Relation(kind, s, o, evidence(mid, quote), f"{kind}.example", Decimal(conf), status, dict(q))
        for kind, s, o, mid, quote, status, q, conf in RELATIONS
    ]
    return Corpus(threads=[thread], entities=entities, relations=relations)


def test_every_relation_kind_is_exemplified():
    from graph.rdf import RELATION_KINDS

    assert {r[0] for r in RELATIONS} == set(RELATION_KINDS)


def test_example_quotes_lie_in_their_messages():
    for r in example_corpus().relations:
        ev = r.evidence
        text = MESSAGES[ev.message].text
        assert text[ev.start:ev.end] == ev.quote
        assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end


def test_offsets_count_code_points_past_a_character_outside_the_bmp():
    ev = evidence("c1.1", "He is a consultant to Brackley Care")
    assert "\U0001F644" in MESSAGES["c1.1"].text[:ev.start]
    assert len(MESSAGES["c1.1"].text[:ev.start].encode("utf-16-le")) // 2 == ev.start + 1


def test_every_entity_is_mentioned():
    assert all(e.mentions for e in example_corpus().entities.values())
