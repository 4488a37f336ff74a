"""Names and their comparison form: normalising, titles and gender, the resolution word lists."""
from __future__ import annotations

from graph.model import Mention
# the pure helpers live in graph.names (extraction uses them too); re-exported here
from graph.names import (PUNCT, RESOLUTION_DIR, fold, gender_of, norm_name, person_initials,  # noqa: F401
                         resolution_lists, split_title, strip_possessive)


def title_of(m: Mention) -> str | None:
    t = m.attrs.get("title") if m.attrs else None
    return t or split_title(m.text)[0]


def mention_order(m: Mention) -> tuple:
    ev = m.evidence
    return ev.thread, ev.message, ev.start, ev.end
