"""Rebuild tests/gold/seeds.json: the people and organisations a careful reader finds in seeds/.

The annotation is the table below (written by hand, reading both threads); this script only
turns it into character spans in the ingested message texts, so the gold stays readable and
reviewable. Run from the repository root:  python tests/gold/build_seeds_gold.py

Conventions: a mention span is the name without honorifics ("Mr [McDowell]" marks only the
bracketed part) and without a leading "the" or a possessive "'s". Generic classes
("Community Rehabilitation Companies", "CRCs", "Probation Trusts", "the probation service"),
programmes (TR, MAPPA, SOTP), roles ("Justice Secretary"), web addresses and commenter handles
are not entities. Places are not annotated (not scored on the seeds).
Each surface form is matched case-sensitively on word boundaries, longest first, never inside
a URL; a form may be limited to some messages with "@id,id".
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from graph.ingest import load_paths

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("seeds.json")

# (type, preferred name, kind or None, [surface forms])
ENTITIES = [
    ("Person", "Chris Grayling", None, ["Chris Grayling", "Mr [Grayling]", "SoS [Grayling]", "Grayling", "grayling",
                                        "Graylings", "CG"]),
    ("Person", "David Cameron", None, ["Cameron"]),
    ("Person", "Mark Leftly", None, ["Mark LEFTly"]),
    ("Person", "Ian Lawrence", None, ["Ian Lawrence"]),
    ("Person", "Oliver Letwin", None, ["The Rt Hon [Oliver Letwin]", "Oliver Letwin", "Letwin"]),
    ("Person", "Craig Whittaker", None, ["Craig Whittaker"]),
    ("Person", "Simon Hughes", None, ["Simon Hughes"]),
    ("Person", "Keith Vaz", None, ["keith vaz"]),
    ("Person", "Joe Benton", None, ["Joe Benton"]),
    ("Person", "Geoffrey Cox", None, ["Geoffrey Cox"]),
    ("Person", "Simon Garden", None, ["Simon Garden"]),
    ("Person", "Paul McDowell", None, ["Paul McDowell", "Mr [McDowell]", "Paul"]),
    ("Person", "Janine McDowell", None, ["Janine McDowell", "Ms [McDowell]", "Janine", "McDowell@c18.10"]),
    ("Organization", "Ministry of Justice", "government", ["Ministry of Justice", "MoJ", "MOJ"]),
    ("Organization", "Napo", "union", ["Napo", "NAPO"]),
    ("Organization", "Napo Officer Group", "committee", ["Napo Officer Group"]),
    ("Organization", "Capita", "company", ["Capita"]),
    ("Organization", "Amey", "company", ["Amey"]),
    ("Organization", "Sodexo", "company", ["Sodexo", "sodexo"]),
    ("Organization", "Sodexo Justice Services", "company", ["Sodexo Justice Services"]),
    ("Organization", "Slater & Gordon", "company", ["Slater & Gordon", "Slater and Gordon"]),
    ("Organization", "National Probation Service", "government", ["National Probation Service", "NPS"]),
    ("Organization", "DLNR CRC", "company", ["DLNR CRC"]),
    ("Organization", "Hassockfield Secure Training Centre", "government", ["Hassockfield Secure Training Centre"]),
    ("Organization", "Isis Centre", "other", ["Isis Centre"]),
    ("Organization", "BBC Radio 4", "media", ["BBC Radio 4", "Radio 4"]),
    ("Organization", "BBC TV News", "media", ["BBC TV News"]),
    ("Organization", "House of Lords Constitution Committee", "committee", ["House of Lords Constitution Committee"]),
    ("Organization", "The Independent", "media", ["Indy"]),
    ("Organization", "NHS", "government", ["NHS"]),
    ("Organization", "Redfern Travel", "company", ["Redfern Travel", "Redfern travel", "Redfern"]),
    ("Organization", "Shared Services", "government", ["Shared Services"]),
    ("Organization", "Public Accounts Committee", "committee", ["Public Accounts committee"]),  # "Parliamentary" describes it
    ("Organization", "Government Procurement Service", "government", ["Government Procurement Service"]),
    ("Organization", "Cabinet Office", "government", ["Cabinet Office"]),
    ("Organization", "Conservative Party", "party", ["Tory"]),
    ("Organization", "New Labour", "party", ["New Labour"]),
    ("Organization", "Twitter", "company", ["Twitter"]),
    ("Organization", "Facebook", "company", ["Facebook"]),
    ("Organization", "Gwalia", "other", ["Gwalia"]),
    ("Organization", "Working Links", "company", ["Working Links", "Working links", "working links"]),
    ("Organization", "NOMS", "government", ["NOMS"]),
    ("Organization", "Nacro", "charity", ["NACRO", "Nacro"]),
    ("Organization", "UK Detention Services", "company", ["UK Detention Services", "UKDS", "ukds"]),
    ("Organization", "Kalyx", "company", ["Kalyx", "kalyx"]),
    ("Organization", "Seetec", "company", ["Seetec"]),
    ("Organization", "Purple Futures", "company", ["Purple Futures"]),
]

URL = re.compile(r"(?:https?://|www\.)\S+")


def compile_form(form: str) -> tuple[re.Pattern, set[str] | None]:
    form, _, only = form.partition("@")
    pre, _, rest = form.partition("[")
    if rest:
        inner, _, post = rest.partition("]")
    else:
        pre, inner, post = "", form, ""
    pat = re.compile(r"(?<![\w@/])" + re.escape(pre) + "(" + re.escape(inner) + ")" + re.escape(post) + r"(?![\w/])")
    return pat, set(only.split(",")) if only else None


def main() -> None:
    threads, problems = load_paths([ROOT / "seeds"])
    assert not problems, problems
    gold = {"description": __doc__.strip().splitlines()[0], "threads": {t.id: str(Path(t.source).relative_to(ROOT)) for t in threads},
            "entities": []}
    forms = []
    for i, (typ, name, kind, surfaces) in enumerate(ENTITIES):
        gold["entities"].append({"id": i, "type": typ, "name": name, "kind": kind, "names": [], "mentions": []})
        for s in surfaces:
            pat, only = compile_form(s)
            forms.append((len(s), i, pat, only))
    forms.sort(key=lambda f: -f[0])
    for t in threads:
        for m in t.messages():
            blocked = [(u.start(), u.end()) for u in URL.finditer(m.text)]
            taken: list[tuple[int, int]] = []
            for _, i, pat, only in forms:
                if only and m.id not in only:
                    continue
                for hit in pat.finditer(m.text):
                    a, b = hit.span(1)
                    if any(x < b and a < y for x, y in blocked + taken):
                        continue
                    taken.append((a, b))
                    ent = gold["entities"][i]
                    ent["mentions"].append({"thread": t.id, "message": m.id, "start": a, "end": b, "text": m.text[a:b]})
    for ent in gold["entities"]:
        ent["mentions"].sort(key=lambda x: (x["thread"], x["message"], x["start"]))
        ent["names"] = sorted({x["text"] for x in ent["mentions"]})
        assert ent["mentions"], f"no mention found for {ent['name']}"
    OUT.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(gold['entities'])} entities, {sum(len(e['mentions']) for e in gold['entities'])} mentions")


if __name__ == "__main__":
    main()
