"""The held-out layouts of the extraction benchmark (see article_pages.py and HELD_OUT there).

Their boilerplate texts are new too: written after digest's extractor was tuned on the six
layouts of article_pages.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from article_pages import LEGAL, USERS, Builder, esc, links

__all__ = ["BUILDERS"]

_CONSENT_2 = [
    "We and our 812 vendors store and access information on your device to serve relevant ads.",
    "Personalised advertising and content, audience insights and product development apply.",
    "Your choices here apply only to this publication and can be withdrawn later on request.",
]
_MAILING_2 = [
    "Morning Briefing lands at seven every weekday with five things you need to know today.",
    "Be the first to hear about breaking stories by turning on our alerts from the app menu.",
]
_COMMENTS_2 = [
    "Sad to see it come to this after all the promises made during the last campaign.",
    "The author should have asked the residents themselves before writing this up at all.",
    "I emailed my local representative about exactly this and never heard a word back.",
    "Brilliant reporting as usual, this is why I keep coming back to this site daily.",
    "Nobody seems to remember that the same thing was tried in the nineties and failed.",
    "Would love a follow up piece on what happens to the workers once the dust settles.",
]
_FOOTER_2 = [
    "Example Media Ltd is a member of the Independent Press Standards Organisation.",
    "Our journalism is funded by readers and advertisers and is free from outside control.",
]
_BIO_2 = ["Sam Patel writes about money and work and lives in Leeds with two very loud dogs."]


def _bem_components(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    cut = max(1, len(paras) // 2)

    def blocks(texts: Sequence[str]) -> str:
        return "".join(
            f'<div class="text-block" data-component="text-block"><p>{esc(t)}</p></div>'
            for t in texts
        )

    onward = "".join(
        f'<li class="onward-journey__item"><a class="onward-journey__link" href="/o{i}">'
        f'<span class="onward-journey__title">{esc(h)}</span></a>'
        f'<span class="onward-journey__summary">{esc(s)}</span></li>'
        for i, (h, s) in enumerate(b.related("related", 3))
    )
    comments = "".join(
        f'<div class="discussion__comment"><div class="discussion__author">{esc(u)}</div>'
        f'<div class="discussion__body">{esc(c)}</div><div class="discussion__actions">'
        "<a href='#'>Recommend</a> <a href='#'>Report</a></div></div>"
        for u, c in [(b.rng.choice(USERS), c) for c in b.one("comments", _COMMENTS_2, 5)]
    )
    return (
        '<body><div class="privacy-notice js-privacy">'
        f"<p>{esc(' '.join(b.one('cookie', _CONSENT_2, 3)))}</p>"
        '<a class="privacy-notice__button" href="#">I agree</a></div>'
        f'<div data-testid="masthead"><a href="/">The Daily Example</a><div data-testid="sections">'
        f"{''.join(f'<a href=/{x}>{esc(x)}</a>' for x in b.nav())}</div></div>"
        f'<div class="article"><div class="article__headline"><h1>{esc(title)}</h1></div>'
        f'<div class="article__contributor">{esc(byline)}</div>'
        f'<div class="article__body">{blocks(paras[:cut])}'
        f'<div class="onward-journey"><h2>Further reading</h2><ul>{onward}</ul></div>'
        f"{blocks(paras[cut:])}</div>"
        f'<div class="mailing-list-signup"><p>{esc(b.one("newsletter", _MAILING_2)[0])}</p>'
        '<input type="email" placeholder="you@example.com"></div></div>'
        f'<div class="discussion"><h2>Reader discussion</h2>{comments}</div>'
        f'<div class="page-end"><p>{esc(" ".join(b.one("footer", _FOOTER_2, 2)))}</p>'
        f"{''.join(f'<a href=/f{i}>{esc(t)}</a>' for i, t in enumerate(b.one('legal', LEGAL, 5)))}"
        "</div></body>"
    )


def _blog_in_article(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paras)
    people = b.one("comments", _COMMENTS_2, 4)
    comments = "".join(
        f'<li id="c{i}"><div class="says"><b>{esc(b.rng.choice(USERS))}</b> on 3 March 2026</div>'
        f"<p>{esc(c)}</p></li>"
        for i, c in enumerate(people)
    )
    related = "".join(
        f'<div class="jp-item"><a href="/p{i}">{esc(h)}</a><p>{esc(s)}</p></div>'
        for i, (h, s) in enumerate(b.related("related", 3))
    )
    return (
        f'<body class="single"><div class="site-title"><a href="/">The Daily Example</a></div>'
        f'<ul id="primary-links">{links(b.nav())}</ul><div id="primary">'
        '<article class="post-77 post type-post category-news">'
        f'<h1 class="entry-title">{esc(title)}</h1><div class="posted-on">{esc(byline)}</div>'
        f'<div class="entry-content">{body}'
        f"<div class='jp-relatedposts'><h3>Similar posts</h3>{related}</div></div>"
        f'<div class="author-box"><p>{esc(b.one("bio", _BIO_2)[0])}</p></div>'
        f"<h3>{len(people)} thoughts on “{esc(title)}”</h3><ol>{comments}</ol></article></div>"
        f'<div class="site-info">{esc(" ".join(b.one("footer", _FOOTER_2, 2)))}</div></body>'
    )


_CONSENT_3 = [
    "Choose how your personal data is used to fund the free content you read on this site.",
    "Legitimate interest and consent cover measurement, personalisation and fraud prevention.",
]
_COMMENTS_3 = [
    "This is the third time this year the same story has been told and still no answers.",
    "My grandmother used to say that nothing good ever came out of a committee meeting.",
    "Interesting that the spokesperson refused to answer the only question that mattered.",
    "Can we please have more of this kind of careful reporting and fewer hot takes online.",
    "Been waiting for someone to say it out loud, thank you for finally printing this.",
]
_EMBEDS_3 = [
    "Absolutely incredible scenes here tonight, never seen anything quite like it in my life.",
    "Full statement from the family below, please respect their privacy at this difficult time.",
]
_VIDEOS_3 = [
    "Watch: the moment the crowd realised what had happened",
    "Explained in ninety seconds: why prices keep going up",
    "Inside the control room on the busiest night of the year",
]
_FOOTER_3 = [
    "Journalism you can trust, from a newsroom that has served its readers since 1887.",
    "Use of this website constitutes acceptance of our user agreement and data notice.",
]


def _publisher_embeds(b: Builder, title: str, byline: str, paras: list[str]) -> str:
    cut = max(1, len(paras) // 3)
    embed = b.one("embed", _EMBEDS_3)[0]
    videos = b.one("videos", _VIDEOS_3, 3)
    sponsored = b.related("sponsored", 4)
    people = b.one("comments", _COMMENTS_3, 4)

    def paragraphs(texts: Sequence[str]) -> str:
        return "".join(f'<p class="paragraph inline-placeholder">{esc(t)}</p>' for t in texts)

    return (
        f'<body><div id="sp_message_container"><div class="message-component"><p>'
        f"{esc(' '.join(b.one('cookie', _CONSENT_3, 2)))}</p><button>Accept</button></div></div>"
        f'<div class="gh-nav">{"".join(f"<a href=/{x}>{esc(x)}</a>" for x in b.nav())}</div>'
        f'<div class="l-container"><h1 class="pg-headline">{esc(title)}</h1>'
        f'<div class="metadata__byline">{esc(byline)}</div>'
        f'<div class="l-container__body">{paragraphs(paras[:cut])}'
        f'<blockquote class="twitter-tweet"><p lang="en">{esc(embed)}</p>&mdash; Reporter Name '
        "(@reporter) <a href='https://x.example/status/1'>March 3, 2026</a></blockquote>"
        f"{paragraphs(paras[cut:])}</div>"
        f'<div class="video-carousel"><h2>Trending videos</h2>'
        + "".join(f'<div class="cd__content"><span>{esc(v)}</span></div>' for v in videos)
        + '</div></div><div id="tbl-feed"><div class="trc_rbox_header">Sponsored stories</div>'
        + "".join(
            f'<a class="item" href="/t{i}">{esc(h)}</a>' for i, (h, _) in enumerate(sponsored)
        )
        + '</div><div class="coral-stream"><h2>Conversation</h2>'
        + "".join(
            f"<div><strong>{esc(b.rng.choice(USERS))}</strong><p>{esc(c)}</p></div>" for c in people
        )  # fmt: skip
        + f'</div><div class="gf"><p>{esc(" ".join(b.one("footer", _FOOTER_3, 2)))}</p>'
        f"{links(b.one('legal', LEGAL, 5))}</div></body>"
    )


BUILDERS: dict[str, Callable[[Builder, str, str, list[str]], str]] = {
    "bem_components": _bem_components,
    "blog_in_article": _blog_in_article,
    "publisher_embeds": _publisher_embeds,
}
