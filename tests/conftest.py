"""Shared fixtures: the seeds and the corpus live in ../shared beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests draw the same examples on every run ("ci", the default), so the suite passes or
# fails the same way on every machine and a clean clone is never red by chance; a developer
# explores new examples with HYPOTHESIS_PROFILE=explore (and should turn what it finds into a test).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def seed_2022(seeds_dir: Path) -> Path:
    return seeds_dir / "pluto-privacy-2022-za.txt"


@pytest.fixture
def seed_2023(seeds_dir: Path) -> Path:
    return seeds_dir / "pluto-privacy-2023-uk.txt"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recovery copies and logs of every test go to a temporary folder, never ~."""
    home = tmp_path_factory.mktemp("plutoeditor-home")
    monkeypatch.setenv("PLUTOEDITOR_HOME", str(home))
    return home
