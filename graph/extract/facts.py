"""What a rule finds in one sentence, before it becomes a Relation with evidence."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Arg:
    """One end of a fact: a slot of the sentence, or a thing the rule names itself.

    `slot` indexes Sentence.slots. A new thing (a contract, a party named by a word, a role
    holder, "the government") has slot None, a label, a token range and attrs.
    """

    slot: int | None = None
    label: str | None = None  # for new things: Person | Organization | Place | Contract
    start: int = 0
    end: int = 0
    kind: str | None = None  # organisation kind for new organisations
    attrs: tuple = ()  # sorted (key, value) pairs, hashable
    text: str | None = None  # the mention text when it is not the span's text
    ref: str | None = None  # an existing mention outside this sentence (Mention.ref)


@dataclass
class Fact:
    kind: str
    rule: str
    subject: Arg
    object: Arg | None
    start: int  # token range of the evidence in the sentence doc
    end: int
    qualifiers: dict = field(default_factory=dict)
    trigger: int | None = None  # token whose negation denies the fact
    extra_entities: tuple = ()  # further Args a fact concerns (coi_stated)


MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}


def generic_body(start: int, end: int, kind: str | None = "government") -> Arg:
    """A public body named only by a common noun ("owned by the government"): a new organisation,
    marked `generic` - the text does not say which government, so resolution can keep it to its
    thread rather than join every thread's "government" into one (and join "the council" to the one
    council its thread names)."""
    return Arg(label="Organization", start=start, end=end, kind=kind, attrs=(("generic", True),))


def pick(antecedent, pronoun: str) -> Arg | None:
    """The antecedent a pronoun stands for: `antecedent` is one Arg, or a dict by gender
    {"m": Arg, "f": Arg} (assemble.MessageWork.antecedents) so that "her" is not read as a man."""
    if not isinstance(antecedent, dict):
        return antecedent
    w = pronoun.strip().lower()
    return antecedent.get("m" if w in MALE else "f" if w in FEMALE else "any")
