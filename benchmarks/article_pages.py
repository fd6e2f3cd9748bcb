"""Article pages for the extraction benchmark: real article text in made-up site boilerplate.

`build_page` wraps an article's paragraphs in one of six layouts (and three more held out, in
held_out_pages.py) (HTML5 landmarks; div soup with
telling class names; obfuscated class names and no semantic tags; an old table layout with <br>
paragraphs; deep wrappers with inline ads and "read more" boxes splitting the story; a blog with
the body as bare text and a threaded comment list) and surrounds it with navigation, a cookie
banner, a newsletter prompt, related and most-read lists (headlines and standfirsts of other
real articles), comments, an author bio, share buttons, advertisements and a legal footer. The
boilerplate sentences below were written for this benchmark. Each page records which boilerplate
it holds, by kind, so a benchmark can tell which kind leaked into an extractor's output.
"""

from __future__ import annotations

import html
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["HELD_OUT", "LAYOUTS", "LEGAL", "USERS", "Builder", "Page", "build_page", "esc", "links"]

LAYOUTS = (
    "semantic", "classy_divs", "obfuscated", "table", "deep_inline", "blog_br",
    "bem_components", "blog_in_article", "publisher_embeds",
)  # fmt: skip
HELD_OUT = frozenset(("bem_components", "blog_in_article", "publisher_embeds"))
"""Layouts, and boilerplate texts, written after digest's extractor was tuned on the others.

digest's extractor was then adjusted once more after the first two had been measured (see
benchmarks/README.md); "publisher_embeds" was written after that and never tuned against."""

_SECTIONS = [
    "Home", "World", "Politics", "Business", "Technology", "Science", "Health", "Sport",
    "Culture", "Opinion", "Video", "Podcasts", "Newsletters", "Weather", "Puzzles",
]  # fmt: skip
_COOKIES = [
    "We use cookies and similar technologies to personalise content and measure our audience.",
    "By clicking accept you agree to the storing of cookies on your device for these purposes.",
    "Our partners may also use your browsing data to show you adverts that suit your interests.",
    "You can change your choices at any time by visiting the privacy settings of this website.",
    "This site relies on cookies that are strictly necessary for it to work as you expect.",
]
_NEWSLETTER = [
    "Get the most important stories of the day delivered straight to your inbox every morning.",
    "Sign up to our free weekly briefing and never miss the reporting that matters to you.",
    "Join more than two hundred thousand readers who start their day with our newsletter.",
    "Enter your email address below and we will send you a confirmation link right away.",
]
_PAYWALL = [
    "You have read three of your five free articles this month on this website.",
    "Support independent journalism today for less than the price of a coffee each week.",
]
_COMMENTS = [
    "I have been saying this for years and nobody in charge ever seems to listen to us.",
    "Great piece, but I think the writer misses the bigger picture entirely here.",
    "Does anyone actually believe these numbers after everything that happened last time?",
    "My brother works in this field and he says the reality on the ground is quite different.",
    "Thank you for covering this story when so many other outlets simply ignored it.",
    "This is exactly why I cancelled my subscription to the other paper in town.",
    "Typical of this government, announce something big and then quietly forget about it.",
    "Can someone explain to me why this matters to ordinary people like my family?",
    "I read the whole thing twice and I still cannot work out what they are proposing.",
    "Well written and balanced, which is more than I can say for the comments section.",
    "The real question is who is going to pay for all of this in the end, as always.",
    "Wait until the lawyers get involved, then we will see what really went on there.",
    "I lived there for ten years and the place has changed beyond all recognition since.",
    "Another week, another scandal, and still nothing changes for the rest of us out here.",
    "Sources close to my cat tell me she is deeply unimpressed with the whole affair.",
    "Honestly this was the most sensible article I have read on the subject all year.",
]
USERS = ["Rambler42", "jtk", "PennyLane", "northern_light", "Gus M.", "OldTimer", "mira_k"]
_BIOS = [
    "Alex Morgan is a senior correspondent who has reported from more than forty countries.",
    "Sam Patel covers technology and the economy and previously worked as a software engineer.",
    "Jordan Lee joined the newsroom in 2015 and writes about health, science and the environment.",
    "Robin Okafor is our chief political writer and the host of the weekly politics podcast.",
]
_AUTHORS = ["Alex Morgan", "Sam Patel", "Jordan Lee", "Robin Okafor"]
_SHARE = ["Share on Facebook", "Share on X", "Share by email", "Copy link", "Print this page"]
_ADS = [
    "Discover the comfortable walking shoes that thousands of happy customers already love.",
    "Compare the best savings accounts of the year and find the rate that is right for you.",
    "Book your summer holiday now and save up to thirty percent on selected family breaks.",
]
_FOOTER = [
    "The Daily Example is not responsible for the content of external websites.",
    "Registered in England and Wales with company number 01234567 at our London office.",
    "Copyright 2026 The Daily Example Media Group and its licensors, all rights reserved.",
    "Read about our approach to external linking and our editorial complaints procedure.",
]
LEGAL = ["Privacy policy", "Cookie settings", "Terms of use", "Accessibility", "Contact us",
          "Advertise with us", "Careers", "Modern slavery statement"]  # fmt: skip


@dataclass
class Page:
    """One generated page and what it holds."""

    html: str
    layout: str
    title: str
    paragraphs: list[str]
    boilerplate: dict[str, list[str]] = field(default_factory=dict)
    """Kind ("nav", "cookie", "comments", ...) -> the texts of that kind put on the page."""
    neutral: list[str] = field(default_factory=list)
    """Neither article nor boilerplate: the title and byline, which an extractor may keep."""


class Builder:
    """Picks a page's boilerplate and notes it by kind."""

    def __init__(self, rng: random.Random, others: Sequence[tuple[str, str]]) -> None:
        self.rng = rng
        self.others = others
        self.kinds: dict[str, list[str]] = {}

    def note(self, kind: str, *texts: str) -> None:
        self.kinds.setdefault(kind, []).extend(texts)

    def pick(self, pool: Sequence[str], count: int) -> list[str]:
        return self.rng.sample(list(pool), min(count, len(pool)))

    def nav(self) -> list[str]:
        items = _SECTIONS[: self.rng.randint(8, len(_SECTIONS))]
        self.note("nav", " ".join(items[:4]))
        return items

    def related(self, kind: str, count: int) -> list[tuple[str, str]]:
        cards = self.rng.sample(list(self.others), min(count, len(self.others)))
        for headline, standfirst in cards:
            self.note(kind, headline, standfirst)
        return cards

    def comments(self, count: int) -> list[tuple[str, str]]:
        texts = self.pick(_COMMENTS, count)
        self.note("comments", *texts)
        return [(self.rng.choice(USERS), text) for text in texts]

    def one(self, kind: str, pool: Sequence[str], count: int = 1) -> list[str]:
        texts = self.pick(pool, count)
        self.note(kind, *texts)
        return texts


def esc(text: str) -> str:
    """Text as HTML."""
    return html.escape(text, quote=False)


def links(items: Sequence[str], tag: str = "li") -> str:
    """Each item as a link in its own `tag`."""
    return "".join(f'<{tag}><a href="/{i}">{esc(t)}</a></{tag}>' for i, t in enumerate(items))


def _cards(cards: Sequence[tuple[str, str]], outer: str, inner: str) -> str:
    return "".join(
        f'<{outer} class="card"><a href="/story/{i}"><{inner}>{esc(h)}</{inner}></a>'
        f"<p>{esc(s)}</p></{outer}>"
        for i, (h, s) in enumerate(cards)
    )


def _comment_list(comments: Sequence[tuple[str, str]], tag: str = "div") -> str:
    return "".join(
        f'<{tag} class="comment"><span class="user">{esc(u)}</span> <time>2 hours ago</time>'
        f"<p>{esc(c)}</p><a href='#reply'>Reply</a> <button>Like 12</button></{tag}>"
        for u, c in comments
    )


_HEAD = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily '
    'Example</title><link rel="stylesheet" href="/site.css"><style>.nav{{display:flex}} '
    ".ad{{min-height:250px}}</style><script>window.dataLayer=window.dataLayer||[];"
    "function gtag(){{dataLayer.push(arguments)}} var s='<p>not text</p>';</script></head>"
)


def _semantic(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paras)
    return (
        '<body><div class="cookie-banner" role="dialog">'
        f"<p>{esc(' '.join(b.one('cookie', _COOKIES, 2)))}</p>"
        "<button>Accept all</button><button>Manage options</button></div>"
        f'<header><a href="/" class="logo">The Daily Example</a><nav><ul>{links(b.nav())}</ul>'
        f"</nav></header><main><article><h1>{esc(title)}</h1><p class='byline'>{esc(byline)}</p>"
        f'<ul class="share">{links(b.one("share", _SHARE, 4))}</ul>{body}'
        f'<aside class="author-bio"><p>{esc(b.one("bio", _BIOS)[0])}</p></aside></article>'
        f"<aside><h2>Related stories</h2><ul>{_cards(b.related('related', 4), 'li', 'h3')}</ul>"
        '<section class="newsletter"><h2>Newsletter</h2>'
        f"<p>{esc(b.one('newsletter', _NEWSLETTER)[0])}</p>"
        "<form><input type='email'><button>Sign up</button></form></section></aside></main>"
        f'<section class="comments"><h2>Comments</h2>{_comment_list(b.comments(5), "article")}'
        f"</section><footer><ul>{links(b.one('legal', LEGAL, 6))}</ul>"
        f"<p>{esc(' '.join(b.one('footer', _FOOTER, 2)))}</p></footer></body>"
    )


def _classy_divs(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paras)
    ad = b.one("ads", _ADS)[0]
    return (
        f'<body><div id="page"><div class="header"><div class="menu">{links(b.nav(), "span")}'
        "</div></div>"
        f'<div id="consent"><div class="consent-text">{esc(" ".join(b.one("cookie", _COOKIES, 3)))}'
        '</div><a href="#ok">OK</a></div>'
        f'<div class="content"><div class="post"><h1 class="post-title">{esc(title)}</h1>'
        f'<div class="meta">{esc(byline)}</div><div class="post-body">{body}</div>'
        f'<div class="share-buttons">{links(b.one("share", _SHARE, 3), "span")}</div>'
        f'<div class="about-author">{esc(b.one("bio", _BIOS)[0])}</div></div>'
        f'<div class="sidebar"><div class="widget most-read"><h3>Most read</h3><ol>'
        f"{links([h for h, _ in b.related('most_read', 5)])}</ol></div>"
        f'<div class="widget ad"><span>Advertisement</span><p>{esc(ad)}</p></div></div></div>'
        f'<div id="comments"><h3>{len(_COMMENTS)} comments</h3>{_comment_list(b.comments(6))}'
        "<div class='reply'><p>Your email address will not be published.</p><textarea></textarea>"
        f'</div></div><div class="footer">{links(b.one("legal", LEGAL, 5), "span")}'
        f"<p>{esc(b.one('footer', _FOOTER)[0])}</p></div></div></body>"
    )


def _obfuscated(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    def div(text: str, cls: str = "") -> str:
        return f'<div class="css-{cls or b.rng.randrange(16**5):05x}">{text}</div>'

    body = "".join(div(div(esc(p))) for p in paras)
    cards = "".join(div(div(esc(h)) + div(esc(s))) for h, s in b.related("related", 4))
    comments = "".join(div(div(esc(u)) + div(esc(c)) + div("Reply")) for u, c in b.comments(6))
    return (
        "<body>"
        + div("".join(div(f'<a href="/{s}">{esc(s)}</a>') for s in b.nav()))
        + div(esc(" ".join(b.one("cookie", _COOKIES, 2))) + div("Accept"))
        + div(
            div(div(esc(title)) + div(esc(byline)))
            + div(body)
            + div(esc(b.one("paywall", _PAYWALL)[0]))
            + div(div("More from The Daily Example") + cards)
        )
        + div(div("Join the conversation") + comments)
        + div(esc(b.one("newsletter", _NEWSLETTER)[0]))
        + div("".join(div(esc(t)) for t in b.one("legal", LEGAL, 6)))
        + div(esc(" ".join(b.one("footer", _FOOTER, 2))))
        + "</body>"
    )


def _table(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    body = "<br><br>\n".join(esc(p) for p in paras)
    headlines = [h for h, _ in b.related("related", 6)]
    return (
        '<body bgcolor="#ffffff"><table width="100%"><tr><td colspan="2">'
        '<img src="/logo.gif" alt="The Daily Example">'
        f"{' | '.join(f'<a href=/{s}>{esc(s)}</a>' for s in b.nav())}</td></tr>"
        f'<tr><td width="180" valign="top"><b>Top stories</b><br>'
        f"{'<br>'.join(f'<a href=/s{i}>{esc(h)}</a>' for i, h in enumerate(headlines))}"
        f'<br><br><font size="1">{esc(b.one("ads", _ADS)[0])}</font></td>'
        f'<td valign="top"><font face="Arial"><b><font size="5">{esc(title)}</font></b><br>'
        f"<i>{esc(byline)}</i><br><br>{body}<br><br>"
        f"<b>Reader comments</b><br>"
        + "".join(f"<b>{esc(u)} wrote:</b><br>{esc(c)}<br><br>" for u, c in b.comments(4))
        + f"</font></td></tr><tr><td colspan='2' align='center'><font size='1'>"
        f"{' - '.join(f'<a href=/{t}>{esc(t)}</a>' for t in b.one('legal', LEGAL, 5))}"
        f"<br>{esc(' '.join(b.one('footer', _FOOTER, 2)))}</font></td></tr></table></body>"
    )


def _deep_inline(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    depth = b.rng.randint(6, 14)
    open_ = "".join(f'<div class="wrap-{i}">' for i in range(depth))
    close = "</div>" * depth
    cut = max(1, len(paras) // 2)
    inline_cards = b.related("read_more", 2)
    ad = b.one("ads", _ADS)[0]

    def block(text: str) -> str:
        return f'<div class="paragraph"><span>{esc(text)}</span></div>'

    first = "".join(block(p) for p in paras[:cut])
    second = "".join(block(p) for p in paras[cut:])
    return (
        f'<body><div class="top-bar"><ul class="nav">{links(b.nav())}</ul></div>'
        f'<div class="gdpr"><p>{esc(b.one("cookie", _COOKIES)[0])}</p></div>{open_}'
        f'<div class="article-header"><h1>{esc(title)}</h1><span>{esc(byline)}</span></div>'
        f'<div class="article-content"><section>{first}</section>'
        f'<div class="inline-related"><strong>Read more:</strong> '
        f'<a href="/r1">{esc(inline_cards[0][0])}</a></div>'
        f'<div class="ad-slot"><small>Story continues below advertisement</small><p>{esc(ad)}</p>'
        f"</div><section>{second}</section>"
        f'<div class="inline-related"><a href="/r2">{esc(inline_cards[1][0])}</a>'
        f"<p>{esc(inline_cards[1][1])}</p></div></div>"
        f'<div class="newsletter-box"><p>{esc(b.one("newsletter", _NEWSLETTER)[0])}</p></div>'
        f"{close}"
        f'<div class="comments-area">{_comment_list(b.comments(5))}</div>'
        f'<div class="site-footer"><p>{esc(" ".join(b.one("footer", _FOOTER, 3)))}</p>'
        f"<ul>{links(b.one('legal', LEGAL, 4))}</ul></div></body>"
    )


def _blog_br(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    body = "\n<br />\n<br />\n".join(esc(p) for p in paras)
    replies = b.comments(6)
    thread = "".join(
        f"<li><p><cite>{esc(u)}</cite> says:</p><p>{esc(c)}</p>"
        + (f"<ul><li><p>{esc(replies[-1][1])}</p></li></ul>" if i == 0 else "")
        + "</li>"
        for i, (u, c) in enumerate(replies[:-1])
    )
    return (
        f'<body><div id="wrapper"><div id="masthead"><h2>The Daily Example</h2><div id="navbar">'
        f"{links(b.nav(), 'span')}</div></div>"
        f'<div id="main"><div class="entry"><h1>{esc(title)}</h1><div class="entry-meta">'
        f'{esc(byline)}</div><div class="entry-text">{body}</div>'
        f'<div class="tags">Filed under: World, Latest</div>'
        f'<div class="sharedaddy">{links(b.one("share", _SHARE, 4), "span")}</div></div>'
        f'<div id="secondary"><h3>Popular posts</h3><ul>'
        f"{_cards(b.related('most_read', 4), 'li', 'span')}</ul>"
        f"<p>{esc(b.one('newsletter', _NEWSLETTER)[0])}</p></div>"
        f'<ol class="commentlist">{thread}</ol><div id="respond"><h3>Leave a Reply</h3>'
        f"<p>{esc(b.one('paywall', _PAYWALL)[0])}</p></div></div>"
        f'<div id="colophon">{links(b.one("legal", LEGAL, 5), "span")}'
        f"<p>{esc(' '.join(b.one('footer', _FOOTER, 2)))}</p></div></div></body>"
    )


_BUILDERS = {
    "semantic": _semantic,
    "classy_divs": _classy_divs,
    "obfuscated": _obfuscated,
    "table": _table,
    "deep_inline": _deep_inline,
    "blog_br": _blog_br,
}


def build_page(
    title: str,
    paragraphs: Sequence[str],
    others: Sequence[tuple[str, str]],
    layout: str,
    seed: int,
) -> Page:
    """A page in `layout` holding `paragraphs` as its story and boilerplate around it.

    `others` are (headline, standfirst) pairs of other articles, for related and most-read lists.
    """
    rng = random.Random(seed)
    builder = Builder(rng, others)
    byline = f"By {rng.choice(_AUTHORS)}, {rng.randint(1, 28)} March 2026, updated 14:05"
    paras = list(paragraphs)
    # Imported here: held_out_pages builds on this module's parts.
    from held_out_pages import BUILDERS as held_out

    make = _BUILDERS.get(layout) or held_out[layout]
    markup = _HEAD.format(title=esc(title)) + make(builder, title, byline, paras)
    return Page(
        html=markup + "</html>",
        layout=layout,
        title=title,
        paragraphs=paras,
        boilerplate=builder.kinds,
        neutral=[title, byline],
    )
