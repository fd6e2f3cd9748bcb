"""Renderers of a Digest: plain text, Markdown, HTML and JSON (the contract in DESIGN.md).

Every renderer carries the digest's disclaimer and each source's own notice beside the summary.
Feed text is escaped for the target format: it can never become markup or a link of another scheme.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import datetime

from digest.models import Digest, Source, Story

__all__ = ["FORMATS", "render"]


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


def render_text(digest: Digest) -> str:
    """A plain-text digest for the terminal, a pager or mail."""
    lines = [_heading(digest), "", digest.disclaimer, ""]
    if not digest.topics:
        lines.append("No stories in this window.")
    for topic in digest.topics:
        lines += [f"== {topic.name} ({len(topic.stories)}) ==", ""]
        for story in topic.stories:
            lines.append(f"* {story.title}  [{_outlets(story)}, {_when(story.published)}]")
            summary = " ".join(f"{s.text} [{s.source + 1}]" for s in story.summary)
            if summary:
                lines.append(f"  {summary}")
            for number, source in enumerate(story.sources, 1):
                lines.append(f"  [{number}] {_source_line(source)}")
                if source.disclaimer:
                    lines.append(f"      Source notice: {source.disclaimer}")
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


def render_markdown(digest: Digest) -> str:
    """A Markdown digest: topics as sections, sources as links."""
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
            for sentence in story.summary:
                lines.append(f"- {_md(sentence.text)} [{sentence.source + 1}]")
            lines.append("")
            for number, source in enumerate(story.sources, 1):
                title = _md(source.title)
                linked = f"[{title}]({_md_url(source.url)})" if source.url else title
                when = _when(source.published)
                lines.append(f"{number}. {_md(source.feed)}: {linked} ({when})")
                if source.disclaimer:
                    lines.append(f"   - Source notice: {_md(source.disclaimer)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_html(digest: Digest) -> str:
    """A self-contained HTML page."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(_heading(digest))}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem}"
        ".disclaimer{background:#fff7d6;padding:.5rem 1rem;border-left:4px solid #d9a400}"
        ".notice{font-size:.9em;color:#555}sup{color:#555}</style>",
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
            for sentence in story.summary:
                out.append(f"<li>{e(sentence.text)} <sup>[{sentence.source + 1}]</sup></li>")
            out += ["</ul>", "<ol>"]
            for source in story.sources:
                title = e(source.title)
                if source.url:
                    title = f'<a href="{e(source.url)}" rel="noopener noreferrer">{title}</a>'
                item = f"<li>{e(source.feed)}: {title} ({e(_when(source.published))})"
                if source.disclaimer:
                    item += f'<br><span class="notice">Source notice: {e(source.disclaimer)}</span>'
                out.append(item + "</li>")
            out.append("</ol></article>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_json(digest: Digest) -> str:
    """The JSON contract of `digest show --format json`."""
    return json.dumps(digest.to_json(), ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Digest], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
}


def render(digest: Digest, fmt: str) -> str:
    """Render `digest` in one of FORMATS."""
    return FORMATS[fmt](digest)
