"""Renderers of a Digest: plain text, Markdown, HTML and JSON (the contract in DESIGN.md).

Every renderer carries the digest's disclaimer and each source's own notice beside the summary.
Feed text is escaped for the target format: it can never become markup or a link of another scheme.
The text, Markdown and HTML forms list a story's syndicated copies once, as "also in: B, C" beside
the first source with their text (see digest/copies.py); the JSON form keeps every source.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from digest.copies import ListedSource, SourceList, list_sources
from digest.models import Digest, Source, Story

__all__ = ["FORMATS", "Renderer", "render"]

TextKeys = Mapping[int, str] | None
"""Fingerprints of the stored articles' texts by id (digest.copies.stored_text_keys), if known."""


class Renderer(Protocol):
    """A renderer of a whole digest."""

    def __call__(self, digest: Digest, *, text_keys: TextKeys = None) -> str: ...


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d %b %Y %H:%M UTC") if moment else "undated"


def _heading(digest: Digest) -> str:
    return (
        f"Digest generated {_when(digest.generated_at)}, "
        f"covering {_when(digest.since)} to {_when(digest.until)}"
    )


def _outlets(story: Story) -> str:
    count = story.outlet_count
    return f"{count} outlet{'s' if count != 1 else ''}"


def _source_line(source: Source) -> str:
    parts = [source.feed, source.title, _when(source.published)]
    if source.url:
        parts.append(source.url)
    return " — ".join(parts)


def _cited(sentence_source: int, sources: SourceList) -> str:
    return f"[{sources.number(sentence_source)}]"


def _copy_notices(entry: ListedSource) -> list[str]:
    return [f"Source notice ({feed}): {notice}" for feed, notice in entry.copy_notices]


def render_text(digest: Digest, *, text_keys: TextKeys = None) -> str:
    """A plain-text digest for the terminal, a pager or mail.

    `text_keys` (article id to text fingerprint) recognises copies with different headlines.
    """
    lines = [_heading(digest), "", digest.disclaimer, ""]
    if not digest.topics:
        lines.append("No stories in this window.")
    for topic in digest.topics:
        lines += [f"== {topic.name} ({len(topic.stories)}) ==", ""]
        for story in topic.stories:
            lines.append(f"* {story.title}  [{_outlets(story)}, {_when(story.published)}]")
            sources = list_sources(story, text_keys)
            summary = " ".join(f"{s.text} {_cited(s.source, sources)}" for s in story.summary)
            if summary:
                lines.append(f"  {summary}")
            for entry in sources.listed:
                lines.append(f"  [{entry.number}] {_source_line(entry.source)}")
                if entry.also_in:
                    lines.append(f"      also in: {', '.join(c.feed for c in entry.also_in)}")
                if entry.source.disclaimer:
                    lines.append(f"      Source notice: {entry.source.disclaimer}")
                lines += [f"      {notice}" for notice in _copy_notices(entry)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# Characters that would start emphasis, code, links, HTML or tables wherever they stand.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _md(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    # A leading '#', '-', '+' or number-dot would make a heading or a list item.
    return re.sub(r"^(\s*)([#+-]|\d+\.)", r"\1\\\2", escaped)


def _md_url(url: str) -> str:
    # Angle-bracket form keeps parentheses in URLs from ending the link.
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def _md_link(text: str, url: str | None) -> str:
    return f"[{_md(text)}]({_md_url(url)})" if url else _md(text)


def render_markdown(digest: Digest, *, text_keys: TextKeys = None) -> str:
    """A Markdown digest: topics as sections, sources as links (`text_keys`: see render_text)."""
    lines = [f"# {_md(_heading(digest))}", "", f"> {_md(digest.disclaimer)}", ""]
    if not digest.topics:
        lines.append("No stories in this window.")
    for topic in digest.topics:
        lines += [f"## {_md(topic.name)}", ""]
        for story in topic.stories:
            lines += [
                f"### {_md(story.title)}",
                "",
                f"*{_outlets(story)}, {_when(story.published)}*",
                "",
            ]
            sources = list_sources(story, text_keys)
            for sentence in story.summary:
                lines.append(f"- {_md(sentence.text)} {_cited(sentence.source, sources)}")
            lines.append("")
            for entry in sources.listed:
                source = entry.source
                linked = _md_link(source.title, source.url)
                when = _when(source.published)
                lines.append(f"{entry.number}. {_md(source.feed)}: {linked} ({when})")
                if entry.also_in:
                    outlets = ", ".join(_md_link(c.feed, c.url) for c in entry.also_in)
                    lines.append(f"   - also in: {outlets}")
                if source.disclaimer:
                    lines.append(f"   - Source notice: {_md(source.disclaimer)}")
                lines += [f"   - {_md(notice)}" for notice in _copy_notices(entry)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _html_link(text: str, url: str | None) -> str:
    e = html.escape
    return f'<a href="{e(url)}" rel="noopener noreferrer">{e(text)}</a>' if url else e(text)


def render_html(digest: Digest, *, text_keys: TextKeys = None) -> str:
    """A self-contained HTML page (`text_keys`: see render_text)."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(_heading(digest))}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem}"
        ".disclaimer{background:#fff7d6;padding:.5rem 1rem;border-left:4px solid #d9a400}"
        ".notice,.also{font-size:.9em;color:#555}sup{color:#555}</style>",
        "</head><body>",
        f"<h1>{e(_heading(digest))}</h1>",
        f'<p class="disclaimer">{e(digest.disclaimer)}</p>',
    ]
    if not digest.topics:
        out.append("<p>No stories in this window.</p>")
    for topic in digest.topics:
        out.append(f"<section><h2>{e(topic.name)}</h2>")
        for story in topic.stories:
            out += [
                f'<article id="{e(story.id)}"><h3>{e(story.title)}</h3>',
                f"<p><em>{_outlets(story)}, {e(_when(story.published))}</em></p>",
                "<ul>",
            ]
            sources = list_sources(story, text_keys)
            for sentence in story.summary:
                cited = _cited(sentence.source, sources)
                out.append(f"<li>{e(sentence.text)} <sup>{cited}</sup></li>")
            out += ["</ul>", "<ol>"]
            for entry in sources.listed:
                source = entry.source
                title = _html_link(source.title, source.url)
                item = f"<li>{e(source.feed)}: {title} ({e(_when(source.published))})"
                if entry.also_in:
                    outlets = ", ".join(_html_link(c.feed, c.url) for c in entry.also_in)
                    item += f'<br><span class="also">also in: {outlets}</span>'
                if source.disclaimer:
                    item += f'<br><span class="notice">Source notice: {e(source.disclaimer)}</span>'
                for notice in _copy_notices(entry):
                    item += f'<br><span class="notice">{e(notice)}</span>'
                out.append(item + "</li>")
            out.append("</ol></article>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_json(digest: Digest, *, text_keys: TextKeys = None) -> str:
    """The JSON contract of `digest show --format json`: every source, copies too."""
    return json.dumps(digest.to_json(), ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
}


def render(digest: Digest, fmt: str, *, text_keys: TextKeys = None) -> str:
    """Render `digest` in one of FORMATS (`text_keys`: see render_text)."""
    return FORMATS[fmt](digest, text_keys=text_keys)
