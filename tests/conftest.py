"""Shared fixtures: one build of the seeds per test session, reused by every test that reads it."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The BuildResult of `threadgraph build seeds`; its files are under result.outputs."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("seeds-out")
    result = build([SEEDS], out)
    result.out = out  # the folder, for tests that read the files
    return result


@pytest.fixture(scope="session")
def seeds_out(seeds_build) -> Path:
    """The folder the seeds were built into (graph.ttl, store/, graph.html, ...)."""
    return seeds_build.out
