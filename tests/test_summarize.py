"""Extractive summaries: verbatim, in order, never boilerplate, attributed, not repetitive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy
import pytest
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.text_rank import TextRankSummarizer

from digest.analysis.boilerplate import is_boilerplate
from digest.analysis.sentences import NewsTokenizer, split_sentences
from digest.analysis.summarize import (
    _lexicon,
    _TextRank,
    summarize_sources,
    summarize_text,
    summary_length,
)

ARTICLE = "\n".join(
    [
        "Storm Alba hits the coast",
        "",
        "Storm Alba brought winds of up to 140 km/h to the northern coast on Sunday, cutting "
        "power to 80,000 homes.",
        "The national weather service kept its red warning in place for coastal towns until "
        "Monday morning.",
        "Rail operators cancelled all trains between the port cities, and ferries stayed in "
        "harbour.",
        "Emergency crews rescued two fishermen whose boat capsized near the harbour wall.",
        "Read more",
        "The storm is expected to weaken as it moves inland on Tuesday, forecasters said.",
        "Photo: Coastal Times",
        "Schools stay shut.",
        "Disclaimer: This content is aggregated from public sources online. Please verify "
        "information independently.",
    ]
)


def _fold(text: str) -> str:
    return " ".join(text.split())


def test_single_source_sentences_are_verbatim_and_in_text_order() -> None:
    summary = summarize_text(ARTICLE, count=3, title="Storm Alba hits the coast")
    assert len(summary) == 3
    positions = [ARTICLE.index(s) for s in summary]
    assert positions == sorted(positions)
    assert summary[0].startswith("Storm Alba brought winds")  # the lead carries the news


def test_boilerplate_fragments_and_headlines_are_never_chosen() -> None:
    summary = summarize_text(ARTICLE, count=20, title="Storm Alba hits the coast")
    assert "Storm Alba hits the coast" not in summary
    assert "Read more" not in summary
    assert "Schools stay shut." not in summary  # three words: a fragment
    assert not any(is_boilerplate(s) or "Disclaimer" in s or "verify" in s for s in summary)
    assert not any(s.startswith("Photo") for s in summary)
    assert len(summary) == 5


def test_a_disclaimer_in_the_lead_is_passed_over() -> None:
    text = (
        "Disclaimer: This article was generated from wire reports and may contain errors.\n"
        "The city council approved the new tram line by 31 votes to 12 on Tuesday evening.\n"
        "Construction of the eight-kilometre line is due to start next spring.\n"
    )
    summary = summarize_text(text, count=1)
    assert summary == [
        "The city council approved the new tram line by 31 votes to 12 on Tuesday evening."
    ]


def test_short_texts_give_what_they_have() -> None:
    assert summarize_text("", count=3) == []
    assert summarize_text("Too short.", count=3) == []
    one = "The minister resigned on Friday after weeks of pressure from her own party."
    assert summarize_text(one, count=3) == [one]
    assert summarize_text(one, count=0) == []
    # A text with no closing punctuation at all (a feed description) is still quoted.
    loose = "Apple shows a new laptop with a faster chip and longer battery life"
    assert summarize_text(loose, count=2) == [loose]


def test_other_languages_and_unknown_ones_work() -> None:
    german = (
        "Die Regierung hat am Montag ein neues Klimaschutzgesetz beschlossen. "
        "Das Gesetz soll die Emissionen bis 2030 deutlich senken. "
        "Kritiker halten die Ziele für zu wenig ehrgeizig. "
        "Der Bundestag berät im Herbst über den Entwurf."
    )
    for language in ("german", "klingon"):
        summary = summarize_text(german, count=2, language=language)
        assert len(summary) == 2 and all(s in german for s in summary)


def test_fast_textrank_matrix_equals_sumys() -> None:
    lexicon = _lexicon("english")
    tokenizer = NewsTokenizer("english")
    texts = split_sentences(ARTICLE)[1:8] + ["Storm storm storm.", "Alba."]
    sentences = [Sentence(t, tokenizer) for t in texts]
    document = ObjectDocumentModel([Paragraph(sentences)])
    original = TextRankSummarizer(lexicon.stem)
    original.stop_words = lexicon.stop_words
    ours = _TextRank({t: lexicon.terms(t) for t in texts})
    assert numpy.allclose(ours._create_matrix(document), original._create_matrix(document))


SOURCES = [
    (
        "Ferry strike halts crossings",
        "Ferry workers walked out on Monday, halting all crossings to the islands for 24 hours.\n"
        "The union said the strike was over pay and rotas after talks broke down last week.\n"
        "The operator said it was disappointed and urged passengers not to travel.\n",
    ),
    (
        "Island ferries stop as crews strike",
        "Ferry workers walked out on Monday, halting all crossings to the islands for 24 hours.\n"
        "The union said the strike was over pay and rotas after talks broke down last week.\n"
        "The operator said it was disappointed and urged passengers not to travel.\n",
    ),
    (
        "Islanders stranded by ferry walkout",
        "Hundreds of islanders were stranded on Monday as a 24-hour strike by ferry crews "
        "stopped every crossing.\n"
        "Shops on the largest island said fresh food deliveries would run short by Tuesday.\n"
        "The union and the operator are due to meet again on Thursday.\n",
    ),
]


def test_story_summary_is_attributed_and_never_repeats() -> None:
    summary = summarize_sources(SOURCES, count=4)
    assert len(summary) == 4
    texts = [text for text, _ in summary]
    assert len(set(texts)) == len(texts)
    for text, source in summary:
        assert text in SOURCES[source][1]
    # Syndicated copies (sources 0 and 1) are one voice: the copy's sentences are never quoted.
    assert 1 not in {source for _, source in summary}
    assert {0, 2} <= {source for _, source in summary}
    # Each quoted source's sentences stay together, in their text order.
    order = [source for _, source in summary]
    assert order == sorted(order, key=order.index)


def test_near_duplicate_sentences_are_not_both_chosen() -> None:
    sources = [
        (
            "Bridge closed",
            "The old bridge was closed to traffic on Friday after engineers found cracks.\n"
            "Repairs are expected to take at least three months, the council said.\n",
        ),
        (
            "Cracks close bridge",
            "The old bridge was closed to all traffic on Friday after engineers found cracks.\n"
            "Buses will be diverted through the town centre while work goes on.\n",
        ),
    ]
    texts = [text for text, _ in summarize_sources(sources, count=4)]
    assert sum("engineers found cracks" in t for t in texts) == 1
    assert len(texts) == 3


def test_summary_length_grows_with_sources() -> None:
    assert [summary_length(n) for n in (0, 1, 2, 3, 4, 10)] == [3, 3, 4, 5, 5, 5]
    assert [summary_length(n, single=1) for n in (1, 2, 3, 6)] == [1, 2, 3, 5]
    assert summary_length(2, single=7) == 5


def test_works_with_no_nltk_data(tmp_path: Path) -> None:
    """sumy's own tokenizer would need nltk's punkt data; ours needs nothing downloaded."""
    code = (
        "import digest; "
        "print(len(digest.summarize('The harbour reopened on Monday after a week of storms. "
        "Ferry crews returned to work at dawn. Fishermen counted the damage to their boats.', "
        "sentences=2)))"
    )
    environment = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert result.stdout.strip() == "2"


def test_cnn_dailymail_summaries_are_verbatim(shared_data: Path) -> None:
    path = shared_data / "eval" / "summ_cnndm.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines()[:40]:
        article = json.loads(line)["article"]
        summary = summarize_text(article, count=3)
        assert 1 <= len(summary) <= 3
        folded = _fold(article)
        assert all(_fold(s) in folded for s in summary)


@pytest.mark.parametrize("count", [1, 3])
def test_allsides_story_summaries_are_attributed(shared_data: Path, count: int) -> None:
    path = shared_data / "eval" / "allsides_stories.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines()[:40]:
        story = json.loads(line)
        sources = [(a["newsTitle"], "\n\n".join(a["newBody"])) for a in story["news"].values()]
        summary = summarize_sources(sources, count=count)
        assert len(summary) == count
        for text, source in summary:
            assert _fold(text) in _fold(sources[source][1])
