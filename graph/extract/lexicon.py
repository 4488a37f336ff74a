"""The relation rules' data: word lists and rule files under ontology/patterns/relations/.

Loaded once per process and cached; nothing here names a real person or company.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).resolve().parents[2] / "ontology" / "patterns" / "relations"


def all_rules() -> bool:
    """Rules marked `default = false` (measured precision too low to fire unasked) run only when
    THREADGRAPH_RULES=all; calibration sets it so that every rule is measured."""
    return os.environ.get("THREADGRAPH_RULES", "").lower() == "all"


def enabled(rule: dict) -> bool:
    return rule.get("default", True) or all_rules()


def _load(name: str) -> dict:
    with open(PATTERNS / name, "rb") as f:
        return tomllib.load(f)


def rule_list(stem: str, key: str, folder: Path = PATTERNS) -> list[dict]:
    """The `key` entries of `stem`.toml and then of every `stem`_*.toml beside it (by name), so a
    family of rules can live in a file of its own (surface_ventures.toml)."""
    files = [folder / f"{stem}.toml", *sorted(folder.glob(f"{stem}_*.toml"))]
    out: list[dict] = []
    for path in files:
        with open(path, "rb") as f:
            out += tomllib.load(f).get(key, [])
    return out


@dataclass(frozen=True)
class Lexicon:
    role_heads: frozenset[str]
    weak_heads: frozenset[str]
    field_heads: frozenset[str]
    role_modifiers: frozenset[str]
    honorifics: frozenset[str]
    former: frozenset[str]
    family: dict[str, str]  # noun -> spouse | sibling | parent | child | relative
    contract_nouns: frozenset[str]
    lot_nouns: frozenset[str]
    drop_adjectives: frozenset[str]
    generic_orgs: frozenset[str]
    generic_body_kinds: dict[str, str | None]
    institution_words: frozenset[str]
    parties: dict[str, str]  # party word (lower) -> party name
    offices: frozenset[str]
    party_posts: frozenset[str]
    sports_heads: frozenset[str] = field(default_factory=frozenset)
    # business roles before which an untagged title-case word is the company ("Eskom chairperson X")
    company_heads: frozenset[str] = field(default_factory=frozenset)
    cues: frozenset[str] = field(default_factory=frozenset)
    role_abbreviations: dict = field(default_factory=dict)  # "SoS" -> "Secretary of State"
    class_possessors: frozenset[str] = field(default_factory=frozenset)  # "Women('s)": a class of people
    kind_nouns: frozenset[str] = field(default_factory=frozenset)  # "company" in "Z Media company Y"
    person_name_lower: frozenset[str] = field(default_factory=frozenset)  # "de" in "Ana de Vries"
    investigated_aux: frozenset[str] = field(default_factory=frozenset)  # "is being" in "X is being investigated"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = _load("lexicon.toml")
    family = {w: rel for rel, words in d["family"].items() for w in words}
    lex = Lexicon(
        role_heads=frozenset(d["roles"]["heads"]),
        weak_heads=frozenset(d["roles"]["weak_heads"]),
        field_heads=frozenset(d["roles"]["field_heads"]),
        role_modifiers=frozenset(d["roles"]["modifiers"]),
        honorifics=frozenset(d["roles"]["honorifics"]),
        former=frozenset(d["roles"]["former"]),
        family=family,
        contract_nouns=frozenset(d["contracts"]["nouns"]),
        lot_nouns=frozenset(d["contracts"]["lot_nouns"]),
        drop_adjectives=frozenset(d["contracts"]["drop_adjectives"]),
        generic_orgs=frozenset(d["orgs"]["generic"]),
        generic_body_kinds={w: (k or None) for w, k in d["orgs"].get("body_kinds", {}).items()},
        institution_words=frozenset(d["orgs"]["institution_words"]),
        parties=dict(d["parties"]),
        offices=frozenset(d["politics"]["offices"]),
        party_posts=frozenset(d["politics"]["party_posts"]),
        sports_heads=frozenset(d["roles"].get("sports_heads", ())),
        company_heads=frozenset(d["roles"].get("company_heads", ())),
        role_abbreviations=dict(d.get("role_abbreviations", {})),
        class_possessors=frozenset(d["orgs"].get("class_possessors", ())),
        kind_nouns=frozenset(d["orgs"].get("kind_nouns", ())),
        person_name_lower=frozenset(d.get("person_names", {}).get("lower_words", ())),
        investigated_aux=frozenset(d.get("investigated", {}).get("aux", ())),
    )
    return lex


@lru_cache(maxsize=1)
def status_cues() -> dict:
    return _load("status.toml")


@lru_cache(maxsize=1)
def frames() -> list[dict]:
    return [fr for fr in rule_list("frames", "frame") if enabled(fr)]


@lru_cache(maxsize=1)
def contract_rules() -> dict:
    return _load("contracts.toml")


@lru_cache(maxsize=1)
def parse_cues() -> frozenset[str]:
    """Word forms of the verbs the dependency rules (frames, contract verbs) start from."""
    words: set[str] = set()
    for fr in frames():
        words |= set(fr.get("forms", []))
    cr = contract_rules()
    for verb in cr["verbs"]:
        words |= set(verb.get("forms", []))
    words |= {"award", "awarding", "letting", "preferred", "prefered", "bidder", "bidders"}
    return frozenset(words)


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Lower-case words that make a sentence worth a dependency parse."""
    d = _load("lexicon.toml")
    words = set(d["cues"]["extra"])
    lex = lexicon()
    words |= set(lex.family) | set(lex.contract_nouns) | set(lex.parties) - {"green", "democratic"}
    for fr in frames():
        words |= set(fr.get("forms", []))
    cr = contract_rules()
    for verb in cr["verbs"]:
        words |= set(verb.get("forms", []))
    return frozenset(w for w in words if " " not in w)
