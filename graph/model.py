"""The one in-memory shape every stage reads: plain dataclasses, no IO.

Data flows one way: ingest builds Threads; extract adds Mentions and Relations
(each with Evidence); resolve turns mentions into Entities; rdf writes all of it.
Offsets are Unicode code points into the text of one Message (end exclusive).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

EXTRACTOR_VERSION = "0.1.0"

# How a text holds a fact.
STATUSES = ("asserted", "reported", "hedged", "questioned", "denied")

# Entity types and organisation kinds the extractor produces.
ENTITY_TYPES = ("Person", "Organization", "Place", "Contract")
ORG_KINDS = ("government", "company", "union", "charity", "party", "media", "court", "committee", "other")


@dataclass(frozen=True)
class Message:
    """The article/post that opens a thread, or one comment in it.

    `id` is unique within its thread ("post" for the article, "c1", "c2.3" ... for
    comments); `parent` is the id this one replies to ("post" for a top-level comment,
    None for the post itself). `text` is clean: page furniture (Reply/Delete buttons,
    counters, author/time lines) is already removed, and offsets point into it.
    """

    id: str
    text: str
    parent: str | None = None
    author: str | None = None
    created: str | None = None  # ISO 8601 where it could be parsed, else the raw string
    title: str | None = None

    @property
    def is_post(self) -> bool:
        return self.parent is None


@dataclass
class Thread:
    """A discussion: one post and its comments, in page order."""

    id: str  # stable: derived from the source name (or the JSONL "thread" field)
    source: str  # where it was read from (path as given)
    post: Message
    comments: list[Message] = field(default_factory=list)
    format: str = "text"  # text | html | jsonl
    title: str | None = None

    def messages(self) -> Iterator[Message]:
        yield self.post
        yield from self.comments

    def message(self, message_id: str) -> Message:
        for m in self.messages():
            if m.id == message_id:
                return m
        raise KeyError(message_id)


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, reported to the user; never fatal to the rest."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Evidence:
    """Where a fact or a mention is said: a span of one message's text."""

    thread: str
    message: str
    start: int
    end: int
    quote: str  # == message.text[start:end]
    sentence_start: int  # the enclosing sentence, same coordinates
    sentence_end: int


@dataclass
class Mention:
    """A name in the text, before resolution."""

    text: str
    label: str  # Person | Organization | Place | Role
    evidence: Evidence
    kind: str | None = None  # organisation kind, where known
    source: str = "ner"  # ner | rule id that produced it
    expansion: str | None = None  # for an acronym defined in the text, its long form
    attrs: dict[str, object] = field(default_factory=dict)  # e.g. a contract's value, term, lots

    @property
    def ref(self) -> str:
        """How relations name this mention before resolution gives it an entity key."""
        return mention_ref(self.evidence)


def mention_ref(ev: Evidence) -> str:
    return f"{ev.thread}|{ev.message}|{ev.start}|{ev.end}"


@dataclass
class Entity:
    """A resolved thing: all its names and mentions."""

    key: str  # deterministic, used for the IRI
    type: str  # one of ENTITY_TYPES
    name: str  # preferred name
    aliases: set[str] = field(default_factory=set)
    kind: str | None = None  # organisation kind
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[str, object] = field(default_factory=dict)  # e.g. contract value, term


@dataclass
class Relation:
    """One fact from one span of text.

    `subject`/`object` are entity keys after resolution (Mention.ref before it);
    `object` may be None for one-place facts (e.g. "investigated for fraud").
    `qualifiers` carry kind-specific detail: role, current, family, status, share ...
    """

    kind: str
    subject: str
    object: str | None
    evidence: Evidence
    rule: str  # rule family id, e.g. "post.apposition"
    confidence: Decimal
    status: str = "asserted"
    qualifiers: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MergeDecision:
    """Resolution made two names one entity (or kept them apart), and why."""

    kept: str
    merged: str
    reason: str  # e.g. "surname of", "acronym of", "variant", "fuzzy 92", "override"
    type: str
    merged_apart: bool = False


@dataclass
class Corpus:
    """Everything the build knows, handed to the RDF writer."""

    threads: list[Thread] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    merges: list[MergeDecision] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
