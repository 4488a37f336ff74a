"""Reading the pattern files under ontology/patterns/entities/ (see the README there).

`read_list` / `read_table` read one file; `lexicons()` reads them all once per directory into the
dict the rule components look words up in."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


PATTERNS_DIR = Path(__file__).resolve().parents[2] / "ontology" / "patterns" / "entities"


def read_list(name: str, directory: Path | str | None = None) -> list[str]:
    """Lines of a pattern file, without comments and blanks, in file order."""
    path = Path(directory or PATTERNS_DIR) / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def read_table(name: str, directory: Path | str | None = None) -> list[tuple[str, ...]]:
    """Rows of a tab-separated pattern file."""
    return [tuple(c.strip() for c in line.split("\t")) for line in read_list(name, directory)]


@lru_cache(maxsize=8)
def lexicons(directory: str | None = None) -> dict[str, object]:
    d = directory or str(PATTERNS_DIR)
    honorifics = {row[0]: (row[1] if len(row) > 1 else "-") for row in read_table("honorifics.tsv", d)}
    return {
        "role_heads": set(read_list("role_heads.txt", d)),
        "role_modifiers": set(read_list("role_modifiers.txt", d)),
        "role_domains": set(read_list("role_domains.txt", d)),
        "roles": read_list("roles.txt", d),
        "org_suffixes": set(read_list("org_suffixes.txt", d)),
        "org_prefixes": set(read_list("org_prefixes.txt", d)),
        "not_entities": {w.lower() for w in read_list("not_entities.txt", d)},
        "honorifics": honorifics,
        "legal_forms": {w.lower() for w in read_list("legal_forms.txt", d)},
        "org_descriptors": set(read_list("org_descriptors.txt", d)),
        "person_descriptors": set(read_list("person_descriptors.txt", d)),
        "place_suffixes": set(read_list("place_suffixes.txt", d)),
        "demonyms": set(read_list("demonyms.txt", d)),
        "first_names": {row[0].lower(): row[1] for row in read_table("first_names.tsv", d) if len(row) > 1},
        "org_heads": set(read_list("org_heads.txt", d)),
        "company_verbs": [tuple(line.split()) for line in read_list("company_verbs.txt", d)],
        "person_possessions": set(read_list("person_possessions.txt", d)),
        "person_verbs": {k: {" ".join(w) for w in v} for k, v in sections(read_list("person_verbs.txt", d)).items()},
        "place_nouns": set(read_list("place_nouns.txt", d)),
        "building_nouns": set(read_list("building_nouns.txt", d)),
        "area_nouns": set(read_list("area_nouns.txt", d)),
        "firm_descriptors": set(read_list("firm_descriptors.txt", d)),
        "person_of_nouns": set(read_list("person_of_nouns.txt", d)),
        "team_cues": sections(read_list("team_cues.txt", d)),
        "company_cues": sections(read_list("company_cues.txt", d)),
        "class_plurals": {w.lower() for w in read_list("class_plurals.txt", d)},
        "not_org_heads": {w.lower() for w in read_list("not_org_heads.txt", d)},
        "not_org_openers": set(read_list("not_org_openers.txt", d)),
        "beat_roles": set(read_list("beat_roles.txt", d)),
        "known_orgs": {row[0]: (row[1] if len(row) > 1 else "other",
                                row[2] if len(row) > 2 and row[2] != "-" else None,
                                len(row) > 3 and row[3] == "the") for row in read_table("known_orgs.tsv", d)},
        "short_form_modifiers": {w.lower() for w in read_list("short_form_modifiers.txt", d)},
        "place_names": set(read_list("place_names.txt", d)),
        "medium_cues": {k: {" ".join(p) for p in v} for k, v in sections(read_list("medium_cues.txt", d)).items()},
        "place_after": set(read_list("place_after.txt", d)),
        "lower_forms": set(read_list("lower_forms.txt", d)),
        "prepositions": set(read_list("prepositions.txt", d)),
        "clause_openers": set(read_list("clause_openers.txt", d)),
        "compass_words": set(read_list("compass_words.txt", d)),
        "count_words": set(read_list("count_words.txt", d)),
        "seat_holders": set(read_list("seat_holders.txt", d)),
    }


def not_a_body(name: str) -> bool:
    """A phrase of two or more words ending in a word for a thing or a scheme ("Offender Register";
    not_org_heads.txt) or opening with one ("Project Quill"; not_org_openers.txt), with no "of"/"for" in it: the model's organisation guess is dropped."""
    words = name.split()
    return len(words) >= 2 and (words[-1].lower() in lexicons()["not_org_heads"]
                                or words[0] in lexicons()["not_org_openers"]) \
        and not {"of", "for"} & {w.lower() for w in words}


def sections(lines: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """ "[name]" lines start a section; the others are phrases (word tuples) in it."""
    out: dict[str, list[tuple[str, ...]]] = {}
    current = ""
    for line in lines:
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        out.setdefault(current, []).append(tuple(line.lower().split()))
    return out
