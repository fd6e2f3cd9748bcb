"""Short human forms of times and counts for the reader ("2h", "3 outlets")."""

from __future__ import annotations

from datetime import UTC, datetime

from digest.digests import Shown, describe_age

__all__ = ["age", "clock", "describe_digest", "outlets"]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def age(published: datetime, now: datetime) -> str:
    """How long ago `published` was, in the largest whole unit: "now", "5m", "2h", "3d", "6w"."""
    seconds = (_aware(now) - _aware(published)).total_seconds()
    if seconds < 60:
        # A feed clock slightly ahead of ours is common; it is not "in the future" to a reader.
        return "now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes}m"
    hours = minutes // 60
    if hours < 48:
        return f"{hours}h"
    days = hours // 24
    if days < 14:
        return f"{days}d"
    return f"{days // 7}w"


def clock(moment: datetime, now: datetime) -> str:
    """A timestamp in the reader's time zone (that of `now`): "16:05" today, else "28 Nov 16:05"."""
    local = _aware(moment).astimezone(_aware(now).tzinfo)
    if local.date() == _aware(now).date():
        return local.strftime("%H:%M")
    if local.year == _aware(now).year:
        return local.strftime("%d %b %H:%M")
    return local.strftime("%d %b %Y %H:%M")


def outlets(count: int) -> str:
    """The number of outlets in words: "1 outlet", "3 outlets"."""
    return f"{count} outlet" if count == 1 else f"{count} outlets"


def describe_digest(shown: Shown, now: datetime, *, demo: bool = False, newest: bool = True) -> str:
    """The header line: which digest (date and window) and how old its data is.

    "Digest of 28 Nov 2026 18:00 · last 36 h · built 2 h ago"; one opened from the history is an
    "Older digest of …", and the demo's is a "Demo digest of …" (made of the sample feeds).
    """
    digest = shown.digest
    local = _aware(digest.until).astimezone(_aware(now).tzinfo)
    hours = (digest.until - digest.since).total_seconds() / 3600
    built = shown.snapshot.generated_at if shown.snapshot else digest.generated_at
    kind = "Digest" if newest else "Older digest"
    if demo:
        kind = "Demo digest" if newest else "Older demo digest"
    window = _window(hours, _aware(digest.since).astimezone(_aware(now).tzinfo))
    return f"{kind} of {local:%d %b %Y %H:%M} · {window} · built {describe_age(built, now)}"


def _window(hours: float, since: datetime) -> str:
    """'last 36 h', 'last 7 days', or for long windows the day they start."""
    if hours <= 72:
        return f"last {hours:g} h"
    if hours <= 24 * 31:
        return f"last {hours / 24:.0f} days"
    return f"since {since:%d %b %Y}"
