"""Shared fixtures: every test gets its own digest home; the local feed server is available."""

from __future__ import annotations

import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import feed_server  # noqa: F401  (a fixture, used by name)

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def digest_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point DIGEST_HOME at a fresh folder so no test reads or writes the developer's files."""
    home = tmp_path / "home"
    monkeypatch.setenv("DIGEST_HOME", str(home))
    yield home


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or skip the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED_DATA


@pytest.fixture
def browser_opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand in for the browser (there is none here): the URLs it is asked to open, in order."""
    opened: list[str] = []

    def record(url: str, new: int = 0, autoraise: bool = True) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", record)
    return opened
