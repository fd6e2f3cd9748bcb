"""Main-text extraction (digest.fulltext.extract): story kept, boilerplate dropped, never raises.

The pages are written here, with sentences of our own, in three structures: HTML5 landmarks,
div soup with telling class names, and an old table layout with no semantic markup at all.
One test wraps development-set articles the same way and skips when ../shared/data is absent.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from digest.fulltext.extract import decode_page, extract_text, is_teaser

URL = "https://news.example/2026/03/bridge"

STORY = [
    "The old river bridge in Millbrook will close for eight months from April while engineers "
    "replace its corroded steel supports, the county council said on Tuesday.",
    "Inspectors found last autumn that two of the four main girders had lost almost a third of "
    "their thickness, and a weight limit of seven tonnes has applied since then.",
    "Buses will be diverted over the ring road, adding about twelve minutes to the journey "
    "between the station and the hospital, according to the transport operator.",
    "Shop owners on Quay Street fear the closure will keep visitors away during the summer. "
    "One baker said takings had already fallen since the weight limit was imposed.",
    "The council has promised a free shuttle for pedestrians and cyclists. It will run every "
    "ten minutes from six in the morning until midnight, seven days a week.",
    "The repairs are expected to cost 4.2 million pounds, most of it from a national fund for "
    "ageing bridges that was set up after a collapse in the north three years ago.",
    "Work on a second crossing, first proposed in 1998, remains stalled while the council "
    "looks for a developer willing to share the cost of the approach roads.",
]
TITLE = "Millbrook bridge to close for eight months"
NAV = ["Home", "Local", "Sport", "Business", "Weather", "Jobs", "Property"]
COOKIE = [
    "We use cookies to give you the best experience and to show you relevant adverts.",
    "Choose accept to agree or manage your settings to pick which ones we may set.",
]
NEWSLETTER = "Sign up for our free morning newsletter and get the headlines in your inbox."
RELATED = [
    (
        "Council tax to rise by three percent",
        "Residents will pay more from April, the council said.",
    ),
    ("Harbour festival returns this summer", "Organisers expect record crowds at the quayside."),
    ("New cycle lanes open on the east side", "The scheme took two years to complete in all."),
]
MOST_READ = ["Fire at disused mill", "School wins national prize", "Road closed after crash"]
COMMENTS = [
    ("riverwatcher", "About time they fixed it, the thing has been falling apart for decades."),
    ("Jo B", "So how exactly are the delivery lorries supposed to reach the market now?"),
    (
        "quayside_kate",
        "The shuttle is a nice idea but midnight is far too early for shift workers.",
    ),
    ("M. Ellis", "I remember when they promised the second crossing would open in 2005."),
]
BIO = "Priya Nair is our transport correspondent and has covered the county for nine years."
FOOTER = [
    "Copyright 2026 Millbrook Gazette Ltd, all rights reserved.",
    "The Gazette is not responsible for the content of external sites.",
]
LEGAL = ["Privacy policy", "Terms of use", "Cookie settings", "Contact us"]
SHARE = ["Share on Facebook", "Share on X", "Email this story"]
BOILERPLATE = [
    *COOKIE,
    NEWSLETTER,
    *(text for card in RELATED for text in card),
    *MOST_READ,
    *(text for _, text in COMMENTS),
    BIO,
    *FOOTER,
]


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _links(items: list[str]) -> str:
    return "".join(f'<li><a href="/{i}">{_e(t)}</a></li>' for i, t in enumerate(items))


def semantic_page(story: list[str] = STORY, title: str = TITLE) -> str:
    """HTML5 landmarks: header, nav, main, article, aside, footer."""
    return (
        f"<!doctype html><html><head><title>{_e(title)}</title><script>var x='<p>no</p>';"
        f'</script></head><body><div class="cookie-notice" role="dialog"><p>{_e(" ".join(COOKIE))}'
        f"</p><button>Accept</button></div><header><nav><ul>{_links(NAV)}</ul></nav></header>"
        f"<main><article><h1>{_e(title)}</h1><p class=byline>By Priya Nair, 3 March 2026</p>"
        f"<ul class=share>{_links(SHARE)}</ul>"
        + "".join(f"<p>{_e(p)}</p>" for p in story)
        + f'<div class="ad-slot">Advertisement</div><div class="author-bio"><p>{_e(BIO)}</p></div>'
        f"</article><aside><h2>Related</h2><ul>"
        + "".join(f'<li><a href="/r"><h3>{_e(h)}</h3></a><p>{_e(s)}</p></li>' for h, s in RELATED)
        + f"</ul><h2>Most read</h2><ol>{_links(MOST_READ)}</ol></aside></main>"
        f'<section id="comments"><h2>4 comments</h2>'
        + "".join(
            f"<article><b>{_e(u)}</b><p>{_e(c)}</p><a href=#>Reply</a></article>"
            for u, c in COMMENTS
        )  # fmt: skip
        + f"</section><div class=signup><p>{_e(NEWSLETTER)}</p><form><input></form></div>"
        f"<footer><ul>{_links(LEGAL)}</ul><p>{_e(' '.join(FOOTER))}</p></footer></body></html>"
    )


def div_soup_page(story: list[str] = STORY, title: str = TITLE) -> str:
    """No semantic elements; class names only (content, post-body, sidebar, comments)."""
    return (
        f'<html><body><div id="wrap"><div class="top"><div class="menu">{_links(NAV)}</div></div>'
        f'<div class="gdpr-consent"><div>{_e(COOKIE[0])}</div><div>{_e(COOKIE[1])}</div></div>'
        f'<div class="content"><div class="inner"><div class="inner2"><h1>{_e(title)}</h1>'
        '<div class="post-body">'
        + "".join(f'<div class="para">{_e(p)}</div>' for p in story[:4])
        + f'<div class="inline-related"><a href="/r">{_e(RELATED[0][0])}</a></div>'
        + "".join(f'<div class="para">{_e(p)}</div>' for p in story[4:])
        + f'</div><div class="social">{_links(SHARE)}</div>'
        f'<div class="about-author">{_e(BIO)}</div></div></div>'
        f'<div class="sidebar"><div class="widget">{_links(MOST_READ)}</div>'
        + "".join(
            f'<div class="teaser"><a href="/t">{_e(h)}</a><span>{_e(s)}</span></div>'
            for h, s in RELATED
        )  # fmt: skip
        + f'<div class="newsletter-box">{_e(NEWSLETTER)}</div></div></div>'
        '<div class="comments-wrapper">'
        + "".join(
            f'<div class="c"><div class="who">{_e(u)}</div><div>{_e(c)}</div></div>'
            for u, c in COMMENTS
        )  # fmt: skip
        + f'</div><div class="bottom">{_links(LEGAL)}<div>{_e(" ".join(FOOTER))}</div></div>'
        "</div></body></html>"
    )


def table_page(story: list[str] = STORY, title: str = TITLE) -> str:
    """An old table layout: no classes, <br> paragraphs, comments in the same cell as the story."""
    return (
        "<html><body><table><tr><td colspan=2>"
        + " | ".join(f"<a href=/{n}>{_e(n)}</a>" for n in NAV)
        + f"<br>{_e(' '.join(COOKIE))}</td></tr><tr><td width=150>"
        + "<br>".join(f"<a href=/m>{_e(t)}</a>" for t in MOST_READ)
        + "<br><br>"
        + "<br>".join(f"<a href=/r>{_e(h)}</a>" for h, _ in RELATED)
        + f"</td><td><font size=5><b>{_e(title)}</b></font><br><br>"
        + "<br><br>".join(_e(p) for p in story)
        + "<br><br><b>Comments</b><br>"
        + "".join(f"<i>{_e(u)} wrote:</i><br>{_e(c)}<br><br>" for u, c in COMMENTS)
        + f"</td></tr><tr><td colspan=2>{' - '.join(_e(t) for t in LEGAL)}<br>"
        f"{_e(' '.join(FOOTER))}</td></tr></table></body></html>"
    )


LAYOUTS = [semantic_page, div_soup_page, table_page]


def _sentences_of(paragraphs: list[str]) -> list[str]:
    return [s.strip() + ("" if s.endswith(".") else ".") for p in paragraphs for s in p.split(". ")]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: f.__name__)
def test_keeps_the_story_and_drops_the_boilerplate(layout: Callable[..., str]) -> None:
    text = extract_text(layout().encode(), URL, "text/html; charset=utf-8")
    assert text is not None
    for sentence in _sentences_of(STORY):
        assert sentence in text
    for furniture in BOILERPLATE + NAV + LEGAL + SHARE:
        assert furniture not in text, furniture
    assert "no</p>" not in text and "Advertisement" not in text


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda f: f.__name__)
def test_paragraphs_are_separated_by_blank_lines(layout: Callable[..., str]) -> None:
    text = extract_text(layout().encode(), URL)
    assert text is not None
    assert text.split("\n\n") == STORY


def test_sanitizes_control_escape_and_bidi_characters() -> None:
    hostile = [
        "\x1b[31mRed alert\x1b[0m: the \u202eevil\u202c council\x00 met on \x9b2JTuesday night.",
        "An OSC title \x1b]0;owned\x07 and ENTITIES stay out of the text altogether.",
        *STORY[2:],
    ]
    page = semantic_page(hostile).replace("ENTITIES", "&#27;[2J&#x202e;&#0;")
    text = extract_text(page.encode(), URL)
    assert text is not None
    assert "Red alert: the evil council met on Tuesday night." in text
    # html.unescape drops &#27; as browsers do, leaving a harmless literal "[2J".
    for bad in ("\x1b", "\x9b", "\x00", "\x07", "\u202e", "\u202c", "owned"):
        assert bad not in text
    assert all(ch == "\n" or ch.isprintable() for ch in text)


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"   ",
        b"<html><body><nav><a href=/>Home</a><a href=/news>News</a></nav></body></html>",
        b"<html><body><p>Just one short line of text here.</p></body></html>",
        (
            "<html><body><ul>"
            + _links([f"Story number {i} headline" for i in range(60)])
            + "</ul></body></html>"
        ).encode(),  # fmt: skip
        bytes(range(256)) * 20,
    ],
    ids=["empty", "blank", "nav only", "too short", "links only", "binary"],
)
def test_nothing_article_like_gives_none(page: bytes) -> None:
    assert extract_text(page, URL) is None


def test_non_text_content_type_gives_none() -> None:
    page = semantic_page().encode()
    assert extract_text(page, URL, "image/png") is None
    assert extract_text(page, URL, "application/pdf") is None
    assert extract_text(page, URL, "application/xhtml+xml") is not None


def test_plain_text_pages_are_paragraphs() -> None:
    page = "\n\n".join(STORY).encode()
    assert extract_text(page, URL, "text/plain; charset=utf-8") == "\n\n".join(STORY)


def test_charset_from_header_meta_bom_or_fallback() -> None:
    text = "Café owners in Zürich say the crème brûlée tax — “a disgrace” — will cost them."
    cp1252 = text.encode("windows-1252")
    assert decode_page(cp1252, "text/html; charset=windows-1252") == text
    assert decode_page(b'<meta charset="windows-1252">' + cp1252).endswith(text)
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    assert decode_page(meta + cp1252).endswith(text)  # Latin-1 labels mean windows-1252
    assert decode_page(cp1252) == text  # not UTF-8: windows-1252
    assert decode_page(text.encode("utf-8")) == text
    assert decode_page("\ufeff".encode() + text.encode("utf-8")) == text
    assert decode_page(text.encode("utf-16")) == text
    assert decode_page(text.encode("utf-8"), "text/html; charset=no-such-codec") == text
    assert "Zürich" in decode_page(b"<meta charset=utf-16>" + text.encode("utf-8"))
    page = f"<html><body><article><p>{text}</p>" + "".join(f"<p>{p}</p>" for p in STORY)
    extracted = extract_text(page.encode("windows-1252"), URL, "text/html; charset=cp1252")
    assert extracted is not None and text in extracted


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        ("", True),
        ("Millbrook bridge to close for eight months.", True),
        (STORY[0], True),
        (" ".join(STORY[:2]), True),  # two sentences, under 600 characters
        (" ".join(STORY) + " The council said more details would follow…", True),
        ("\n\n".join(STORY) + "\n\nRead more", True),
        ("\n\n".join(STORY) + " Continue reading →", True),
        ("\n\n".join(STORY) + " [...]", True),
        ("\n\n".join(STORY) + " More »", True),
        ("\n\n".join(STORY), False),
        ("\n\n".join(STORY) + " Officials expect more.", False),
        (" ".join(STORY[:3]), False),  # three full sentences and over 300 characters
    ],
)
def test_is_teaser(text: str, teaser: bool) -> None:
    assert is_teaser(text) is teaser


def _timed(page: str) -> float:
    start = time.perf_counter()
    extract_text(page.encode(), URL)
    return time.perf_counter() - start


PARAGRAPH = STORY[0]
HOSTILE: dict[str, Callable[[int], str]] = {
    "huge": lambda n: "<article>" + f"<p>{PARAGRAPH}</p>" * n + "</article>",
    "deep closed": lambda n: "<div>" * n + f"<p>{PARAGRAPH}</p>" * 3 + "</div>" * n,
    "deep unclosed": lambda n: "<div><span><b>" * n + f"<p>{PARAGRAPH}</p>",
    "stray end tags": lambda n: f"<p>{PARAGRAPH}</p>" + "</div></p></a>" * n * 10,
    "tag soup": lambda n: f"<p>{PARAGRAPH}" + "<a" * n * 20 + "<p " * n * 20,
    "unclosed quotes": lambda n: f"<p>{PARAGRAPH}" + '<p class="x>' * n * 10,
    "script": lambda n: "<script>" + "if (a<b) { s='<p>x</p>'; }" * n * 20 + "</script>",
    "unclosed comment": lambda n: f"<p>{PARAGRAPH}</p><!--" + "<p>hidden</p>" * n * 10,
    "controls": lambda n: "<article>" + f"<p>\x1b[1m\u202e{PARAGRAPH}\x00\x9d</p>" * n,
    "unclosed tables": lambda n: "<table><tr><td>" * n + f"<p>{PARAGRAPH}</p>",
    "nested lists": lambda n: "<ul><li>" * n + PARAGRAPH,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pages_never_raise_and_stay_linear(name: str) -> None:
    make = HOSTILE[name]
    small = _timed(make(1000))
    large = _timed(make(4000))
    # Quadratic work would be 16 times slower (minutes, for some parsers); allow for noise.
    assert large < 1.0 or large < 10 * small, (small, large)


def test_huge_page_output_is_sanitized_and_whole() -> None:
    text = extract_text(HOSTILE["controls"](3000).encode(), URL)
    assert text is not None
    assert text.count(PARAGRAPH) == 3000
    assert "\x1b" not in text and "\u202e" not in text and "\x00" not in text


def test_extract_imports_nothing_heavy() -> None:
    code = (
        "import sys, digest.fulltext.extract, digest.fulltext.pages; "
        "print([m for m in ('sumy', 'nltk', 'lxml', 'numpy', 'textual', 'rich') "
        "if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    lazy = "import sys, digest.fulltext.pages; print('digest.fulltext.extract' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", lazy], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_development_articles_in_boilerplate(shared_data: Path) -> None:
    """Real article text (never stored here) in each layout: story kept, boilerplate dropped."""
    with (shared_data / "eval" / "bbc_news.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    recalls = []
    leaks = 0
    for index, row in enumerate(rows[::20]):
        story = [p.strip() for p in row["article"].split("\n\n") if p.strip()]
        page = LAYOUTS[index % len(LAYOUTS)](story, row["title"])
        text = extract_text(page.encode(), URL) or ""
        recalls.append(sum(p in text for p in story) / len(story))
        leaks += any(furniture in text for furniture in BOILERPLATE)
    assert sum(recalls) / len(recalls) >= 0.95
    assert leaks == 0


@pytest.mark.parametrize(
    "ending",
    [
        "",
        " and more.",
        " A normal end.",
        " Read more »",
        " Continue reading...",
        " [...]",
        " The full story.",
        " …",
        " More >>",
        " read on!",
    ],
)
def test_the_cheap_teaser_sieve_never_drops_a_teaser(ending: str) -> None:
    from digest.fulltext.teasers import might_be_teaser

    for length in (200, 650, 700, 2000):
        text = ("Word " * length)[:length].strip() + ending
        assert might_be_teaser(text) or not is_teaser(text), text[-40:]
    assert not might_be_teaser("A sentence of an article that goes on. " * 30)
