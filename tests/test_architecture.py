"""The headless core: only digest/tui imports textual or rich, and fetching stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import digest

PACKAGE = Path(digest.__file__).resolve().parent
CORE_MODULES = sorted(
    ".".join(("digest", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
    if "tui" not in path.relative_to(PACKAGE).parts and path.name != "__main__.py"
)


def _loaded_after_import(module: str, watched: tuple[str, ...]) -> list[str]:
    probe = (
        f"import json, sys, {module}; "
        f"print(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_core_modules_are_found() -> None:
    assert "digest.store" in CORE_MODULES and "digest.feeds.fetch" in CORE_MODULES
    assert not any(m.startswith("digest.tui") for m in CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual_or_rich(module: str) -> None:
    assert _loaded_after_import(module, ("textual", "rich")) == []


@pytest.mark.parametrize(
    "module", ["digest", "digest.cli", "digest.refresh", "digest.subscriptions", "digest.store"]
)
def test_fetch_path_does_not_import_sumy_nltk_or_numpy(module: str) -> None:
    assert _loaded_after_import(module, ("sumy", "nltk", "numpy")) == []
