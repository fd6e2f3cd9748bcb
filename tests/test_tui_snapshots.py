"""Snapshots of the reader at 80x24 and 140x45, one class per feature.

The clock is pinned (`now=NOW`; the subtitle is passed in) and nothing on these screens blinks,
so the SVGs change only when the reader's look does. Regenerate them with
`pytest tests/test_tui_snapshots.py --snapshot-update` and look at them before committing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from tui_digests import NOW, SUBTITLE, make_digest, make_hostile_digest

from digest.tui.app import DigestApp

SIZES = [(80, 24), (140, 45)]
SnapCompare = Callable[..., bool]


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestMainScreen:
    """Topics, stories and the first story's summary, sources and disclaimers."""

    def test_first_story(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        app = DigestApp(make_digest(), subtitle=SUBTITLE, now=NOW)
        assert snap_compare(app, terminal_size=size, run_before=_settle)

    def test_second_topic(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        app = DigestApp(make_digest(), subtitle=SUBTITLE, now=NOW)
        assert snap_compare(app, terminal_size=size, press=["2", "j"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestStoryView:
    """Enter gives the story view the focus (and, when narrow, most of the screen)."""

    def test_story_opened(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        app = DigestApp(make_digest(), subtitle=SUBTITLE, now=NOW)
        assert snap_compare(app, terminal_size=size, press=["enter"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestEmptyState:
    """No stories: advice on adding feeds in the middle of the screen."""

    def test_no_digest(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        message = (
            "No feeds yet.\n\n"
            "Add one with `digest add URL` or `digest import FILE.opml`,\n"
            "or look around with `digest --demo`."
        )
        app = DigestApp(None, subtitle="No digest yet", empty_message=message, now=NOW)
        assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestOfflineBadge:
    """A digest opened offline says so in the header."""

    def test_offline(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        app = DigestApp(make_digest(), subtitle=SUBTITLE, offline=True, now=NOW)
        assert snap_compare(app, terminal_size=size, run_before=_settle)


class TestHostileText:
    """Markup-like feed text is drawn literally."""

    def test_hostile(self, snap_compare: SnapCompare) -> None:
        app = DigestApp(make_hostile_digest(), subtitle=SUBTITLE, now=NOW)
        assert snap_compare(app, terminal_size=(140, 45), run_before=_settle)
