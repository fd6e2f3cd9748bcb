"""Extractive summaries: verbatim, in order, never boilerplate, attributed, not repetitive."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.analysis.boilerplate import is_boilerplate
from digest.analysis.lexicon import Lexicon, lexicon_for, resolve_language
from digest.analysis.sentences import split_sentences
from digest.analysis.summarize import (
    _SINGLE,
    _STORY,
    _choose,
    _counts,
    _near_duplicates,
    _pseudo_reference,
    _read,
    _score,
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


def test_scroll_prompts_and_cut_off_excerpts_are_not_quoted_when_prose_is_there() -> None:
    text = (
        "Scroll down for video\n"
        "The council approved the new tram line by 31 votes to 12 on Tuesday evening.\n"
        "Construction of the eight-kilometre line is due to start next spring.\n"
        "The mayor said the line would carry 40,000 passengers a day once it...\n"
    )
    summary = summarize_text(text, count=3)
    assert summary == [
        "The council approved the new tram line by 31 votes to 12 on Tuesday evening.",
        "Construction of the eight-kilometre line is due to start next spring.",
    ]
    assert is_boilerplate("Scroll down for video")
    # A feed that only carries a cut-off excerpt is still quoted.
    excerpt = "The mayor said the new line would carry 40,000 passengers a day once it…"
    assert summarize_text(excerpt, count=2) == [excerpt]


def test_a_long_caption_may_be_quoted_but_a_heading_is_not() -> None:
    caption = "Jurgen Klopp has revealed he will leave his role at the end of the season"
    heading = "What The New Rules Mean For Clubs, Players And Their Fans This Season"
    text = f"{heading}\n{caption}\nKlopp, 47, announced the news at a press conference.\n"
    sentences = _read(text, None, 0, _SINGLE, 3)
    quotable = {s.text: s.quotable for s in sentences}
    assert quotable == {
        heading: False,
        caption: True,
        "Klopp, 47, announced the news at a press conference.": True,
    }
    assert [s.position for s in sentences] == [0, 1, 2]


def test_score_is_half_the_rouge_1_f1_against_the_pseudo_reference() -> None:
    reference = numpy.array([1.0, 1.0, 1.0])
    totals = numpy.array([[2.0, 0.0, 1.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0]])
    # overlap 2 of 3 words against 3: F1 = 2 * 2 / (3 + 3); a perfect match is 1, none is 0.
    assert numpy.allclose(_score(totals, reference), [2 / 6, 0.5, 0.0])


def test_pseudo_reference_weighs_the_lead_and_what_sources_share() -> None:
    sources = [
        "Flooding closed the coastal road on Monday.\nA ferry was also cancelled.\n",
        "Flooding closed the coastal road on Monday.\nSchools in the valley stayed open.\n",
    ]
    sentences = [s for i, text in enumerate(sources) for s in _read(text, None, i, _STORY, 2)]
    lexicon = lexicon_for("english")
    counts = _counts(sentences, lexicon)
    reference = _pseudo_reference(sentences, counts, 2, _STORY, 2)

    def name(number: int) -> str:
        return lexicon.names[number]

    def weight(word: str) -> float:
        (number,) = lexicon.numbers(word)
        # Columns are in the order of the tokens themselves.
        tokens = sorted({n for s in sentences for n in lexicon.numbers(s.text)}, key=name)
        return float(reference[tokens.index(number)])

    assert weight("flooding") > weight("ferry")  # both sources report the flood
    assert weight("ferry") == pytest.approx(weight("schools"))  # one source each, same place
    single = [s for s in _read(sources[0], None, 0, _SINGLE, 2)]
    reference = _pseudo_reference(single, _counts(single, lexicon), 1, _SINGLE, 2)
    words_of_lead = set(lexicon.numbers(single[0].text))
    tokens = sorted({n for s in single for n in lexicon.numbers(s.text)}, key=name)
    lead = [reference[i] for i, t in enumerate(tokens) if t in words_of_lead]
    later = [reference[i] for i, t in enumerate(tokens) if t not in words_of_lead]
    assert min(lead) > max(later)  # one article: its lead counts most


def test_lexicon_numbers_stems_and_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = Lexicon("english")
    runs, running, the = lexicon.numbers("Runs running THE")
    assert runs == running != the
    assert lexicon.is_stop[the] and not lexicon.is_stop[runs]
    assert Lexicon("klingon").numbers("Runs running") == [0, 1]  # no stemmer, no stop words
    first = lexicon_for("english")
    assert lexicon_for("english") is first
    monkeypatch.setattr("digest.analysis.lexicon._MEMO_WORDS", 1)
    first.numbers("remember this")
    assert first.full and lexicon_for("english") is not first


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=3), min_size=6, max_size=6),
        min_size=1,
        max_size=9,
    ),
    st.lists(st.floats(min_value=0.0, max_value=3.0), min_size=6, max_size=6),
    st.integers(min_value=1, max_value=4),
)
def test_choice_is_a_local_optimum_without_near_duplicates(
    rows: list[list[int]], weights: list[float], count: int
) -> None:
    counts = numpy.array(rows, dtype=float)
    reference = numpy.array(weights)
    similar = numpy.zeros((len(rows), len(rows)), dtype=bool)
    for a in range(len(rows)):
        for b in range(len(rows)):
            similar[a, b] = a != b and rows[a] == rows[b]  # identical rows may not go together
    chosen = _choose(counts, reference, similar, count)
    assert len(set(chosen)) == len(chosen) <= count
    assert not any(similar[a, b] for a in chosen for b in chosen)
    current = _score(counts[chosen].sum(axis=0), reference)
    for slot in range(len(chosen)):
        for other in set(range(len(rows))) - set(chosen):
            swapped = chosen[:slot] + [other] + chosen[slot + 1 :]
            if not any(similar[other, b] for b in swapped if b != other):
                assert _score(counts[swapped].sum(axis=0), reference) <= current + 1e-9


def test_story_summary_leads_with_what_the_outlets_agree_on() -> None:
    sources = [
        (
            "Dam breaks",
            "A dam burst above the town of Arlo on Sunday, flooding 300 homes.\n"
            "The mayor praised the volunteers who filled sandbags through the night.\n",
        ),
        (
            "Arlo flooded",
            "Floodwater from a burst dam swept through 300 homes in Arlo on Sunday.\n"
            "Engineers had warned about cracks in the dam wall in a report last year.\n",
        ),
        (
            "Town under water",
            "Local football fixtures were postponed for the rest of the month.\n"
            "Insurers said claims from Arlo's 300 flooded homes could pass 10 million.\n",
        ),
    ]
    summary = summarize_sources(sources, count=2)
    assert summary[0] == (sources[0][1].splitlines()[0], 0)
    assert "football" not in " ".join(text for text, _ in summary)


def test_a_thousand_articles_are_summarised_quickly() -> None:
    vocabulary = ARTICLE.lower().replace(".", "").replace(",", "").split()
    pick = random.Random(7).choice
    article = " ".join(
        " ".join(pick(vocabulary) for _ in range(24)).capitalize() + "." for _ in range(30)
    )
    start = time.perf_counter()
    for _ in range(1000):
        assert len(summarize_text(article, count=3)) == 3
    assert time.perf_counter() - start < 10.0  # about 1 s here


def _unigrams(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9]+", text.lower()))


def _f1(summary: Sequence[str], reference: str) -> float:
    ours, theirs = _unigrams(" ".join(summary)), _unigrams(reference)
    overlap = sum((ours & theirs).values())
    return 2 * overlap / (sum(ours.values()) + sum(theirs.values())) if overlap else 0.0


def test_cnn_dailymail_summaries_beat_the_lead(shared_data: Path) -> None:
    """Unigram F1 against the highlights (ROUGE-1 without stemming; the benchmark has the rest)."""
    path = shared_data / "eval" / "summ_cnndm.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    ours = [_f1(summarize_text(r["article"], count=3), r["reference"]) for r in rows]
    lead = [_f1(split_sentences(r["article"])[:3], r["reference"]) for r in rows]
    assert sum(ours) / len(rows) > sum(lead) / len(rows) + 0.003


def test_allsides_summaries_beat_the_first_sentences_without_repeating(
    shared_data: Path,
) -> None:
    path = shared_data / "eval" / "allsides_stories.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    ours = lead = 0.0
    for row in rows:
        sources = [(a["newsTitle"], "\n\n".join(a["newBody"])) for a in row["news"].values()]
        reference = " ".join(row["roundup"])
        summary = summarize_sources(sources, count=len(sources))
        texts = [text for text, _ in summary]
        for a, b in itertools.combinations([set(_unigrams(t)) for t in texts], 2):
            assert len(a & b) < 0.6 * len(a | b)
        ours += _f1(texts, reference)
        lead += _f1([split_sentences(text)[0] for _, text in sources], reference)
    assert ours / len(rows) > lead / len(rows) + 0.015


def test_counts_do_not_depend_on_what_the_lexicon_met_before() -> None:
    """Token numbers follow the words a lexicon met earlier; the columns, and so every sum
    that picks a sentence, must not."""
    text = "Dock workers voted to end the strike.\nShips sail again on Tuesday.\n"
    sentences = _read(text, None, 0, _SINGLE, 2)
    fresh = Lexicon("english")
    used = Lexicon("english")
    used.numbers("Tuesday ships sail again; the strike ended as workers voted")
    a, b = _counts(sentences, fresh), _counts(sentences, used)
    assert (a.matrix == b.matrix).all() and (a.content == b.content).all()


def test_syndicated_copies_are_read_once_and_credited_to_the_first() -> None:
    wire = (
        "Dock workers voted to end the strike on Monday after a pay offer. "
        "The ports reopen on Tuesday and ships will sail again. "
        "Union leaders said the offer met most of their demands."
    )
    other = (
        "Ports will reopen on Tuesday after three weeks of strikes. "
        "Hundreds of ships waited offshore while the talks went on. "
        "Managers said the stoppage cost the region millions."
    )
    alone = summarize_sources([("Strike ends", wire), ("Ports reopen", other)], count=3)
    with_copies = summarize_sources(
        [("Strike ends", wire), ("Strike over", wire), ("Ports reopen", other), ("S", wire)],
        count=3,
    )
    # The copies change nothing but the index of the distinct text after them.
    assert with_copies == [(text, 0 if source == 0 else 2) for text, source in alone]


def test_a_story_of_many_outlets_is_read_from_their_leads() -> None:
    facts = [
        "dock workers walked out at dawn over pay",
        "cranes stood idle along the northern quay",
        "ferry passengers queued for hours at the terminal",
        "union leaders demanded a written offer",
        "shipping firms diverted cargo to rival ports",
        "fishermen blocked the harbour mouth with trawlers",
        "the mayor urged both sides to resume talks",
        "supermarkets warned of empty shelves by Friday",
        "police closed the coast road to lorries",
        "exporters counted losses in the millions",
        "a mediator flew in from the capital",
        "students joined a rally outside the town hall",
    ]

    def report(n: int) -> str:
        return " ".join(f"On day {k + 1}, {facts[(k + n) % 12]} (sector {n})." for k in range(12))

    sources = [(f"Strike {n}", report(n)) for n in range(20)]
    summary = summarize_sources(sources, count=5)
    assert len(summary) == 5
    # Twenty outlets: 40 sentences shared out is two each, raised to the minimum of four, so
    # nothing past the fourth sentence of any report is quoted.
    for text, source in summary:
        assert int(text.split("day ")[1].split(",")[0]) <= 4, (text, source)


# Other languages: the lexicon (stemmer and stop words) each one gets, and what it changes.

GERMAN_BRIDGE = (
    "Der Rat und die Stadt haben in der Nacht über den Plan für die neue Brücke am Fluss beraten.\n"
    "Der Bund und das Land haben in der Woche über die Kosten für die Brücke am Fluss gestritten.\n"
    "Bürger hatten schon lange eine sichere Verbindung zur Altstadt gefordert.\n"
    "Ein Gutachten soll nun klären, wie teuer eine neue Verbindung zur Altstadt wird.\n"
)
FRENCH_BRIDGE = (
    "Le conseil et la ville ont discuté pendant la nuit du projet de nouveau pont sur le fleuve.\n"
    "L'État et la région ont débattu pendant la semaine du financement du pont sur le fleuve.\n"
    "Des riverains réclamaient depuis longtemps un accès sûr au quartier historique.\n"
    "Une expertise doit désormais chiffrer les travaux prévus jusqu'en 2030.\n"
)


def test_german_and_french_get_their_own_stemmer_and_stop_words() -> None:
    german, french, english = Lexicon("german"), Lexicon("french"), Lexicon("english")
    assert german.stem("Regierungen") == german.stem("regierung") == "regier"
    assert english.stem("regierungen") != "regier"
    assert {"der", "die", "und"} <= german.stop_words and "der" not in english.stop_words
    assert {"le", "la", "et"} <= french.stop_words and "le" not in german.stop_words
    # An article elided into a word is not part of it: "l'économie" is "économie".
    numbers = french.numbers("l'économie économie d’économie")
    assert numbers[0] == numbers[1] == numbers[2]


@pytest.mark.parametrize(("text", "language"), [(GERMAN_BRIDGE, "german"), (FRENCH_BRIDGE, "fr")])
def test_stop_words_are_never_content_in_their_language(text: str, language: str) -> None:
    """Two sentences alike only in their grammar ("der", "und", "über den") are two different
    sentences in German, but near duplicates under English settings, where those words count as
    content: so the German summary quotes both and the English one cannot."""
    sentences = _read(text, None, 0, _SINGLE, 2)
    own = lexicon_for(language)
    matrix, content = _counts(sentences, own)
    stops = [own.is_stop[n] for n in own.numbers(text)]
    assert any(stops) and not all(stops)
    for word in ("der", "die", "le", "la"):
        if word in own.stop_words:
            assert own.is_stop[own.numbers(word)[0]]
    assert not _near_duplicates(matrix, content)[0, 1]
    matrix, content = _counts(sentences, lexicon_for("english"))
    assert _near_duplicates(matrix, content)[0, 1]
    lines = text.splitlines()
    assert summarize_text(text, count=2, language=language) == lines[:2]
    assert summarize_text(text, count=2, language="english") == [lines[0], lines[2]]


def test_languages_are_named_as_feeds_name_them_and_share_one_lexicon() -> None:
    assert lexicon_for("de-DE") is lexicon_for("german")
    assert lexicon_for("ger").language == "german"
    assert lexicon_for("klingon").language == "unknown"
    assert summarize_text(GERMAN_BRIDGE, count=2, language="de") == summarize_text(
        GERMAN_BRIDGE, count=2, language="german"
    )
    assert resolve_language("auto", [GERMAN_BRIDGE]) == "german"
    assert resolve_language("auto", [GERMAN_BRIDGE, FRENCH_BRIDGE, FRENCH_BRIDGE]) == "french"


def test_the_library_api_takes_the_same_path() -> None:
    import digest

    lines = GERMAN_BRIDGE.splitlines()
    assert digest.summarize(GERMAN_BRIDGE, sentences=2, language="de") == lines[:2]
    assert digest.summarize(GERMAN_BRIDGE, sentences=2, language="auto") == lines[:2]
    assert digest.summarize(GERMAN_BRIDGE, sentences=2) == [lines[0], lines[2]]
    story = [("Pont", FRENCH_BRIDGE), ("Brücke", GERMAN_BRIDGE)]
    assert digest.summarize_story(story, sentences=2, language="french") == summarize_sources(
        story, count=2, language="french"
    )


def test_languages_sumy_lacks_parts_for_still_get_what_there_is() -> None:
    dutch, russian = Lexicon("dutch"), Lexicon("russian")
    assert {"de", "het", "een"} <= dutch.stop_words and dutch.stem("regeringen") != "regeringen"
    assert "не" in russian.stop_words and russian.stem("правительства") == "правительств"
    # Polish and Greek stemmers need packages that are not installed: words go unstemmed,
    # with sumy's stop words.
    polish = Lexicon("polish")
    assert polish.stem("rządu") == "rządu" and "się" in polish.stop_words
    assert Lexicon("greek").stem("Κυβέρνηση") == "κυβέρνηση"


def test_an_unknown_language_counts_every_word_as_itself() -> None:
    lexicon = Lexicon(resolve_language("tr"))
    assert lexicon.language == "unknown" and not lexicon.stop_words
    assert lexicon.numbers("Belediye belediyesi ve ve") == [0, 1, 2, 2]
    text = (
        "Belediye meclisi salı günü uzun bir tartışmanın ardından yeni bütçeyi onayladı.\n"
        "Meclis üyelerine göre para yeni otobüslere ve eski köprülerin onarımına harcanacak.\n"
        "Muhalefet partileri bütçenin fazla iyimser olduğunu söyleyerek karşı oy kullandı.\n"
    )
    summary = summarize_text(text, count=2, language="tr")
    assert len(summary) == 2 and all(s in text.splitlines() for s in summary)


CHINESE = (
    "市议会周二经过长时间辩论后通过了新预算。议员们表示，这笔资金将用于购买新公交车和维修旧桥。"
    "反对派认为预算过于乐观！\n"
    "昨夜暴雨淹没了市中心的多条街道。消防员从数十个地下室抽水，没有人员受伤。"
)
JAPANESE = (
    "市議会は火曜日、長い議論の末に新しい予算を可決した。「財源は十分にある」と市長は述べた。"
    "議員によると、資金は新しいバスの購入と古い橋の修理に使われる。"
)
THAI = (
    "สภาเมืองอนุมัติงบประมาณใหม่เมื่อวันอังคารหลังการอภิปรายที่ยาวนาน "
    "สมาชิกสภากล่าวว่าเงินจะถูกใช้ซื้อรถโดยสารใหม่และซ่อมสะพานเก่า "
    "ฝ่ายค้านเห็นว่างบประมาณนี้มองโลกในแง่ดีเกินไป"
)


@pytest.mark.parametrize(
    ("text", "language", "lead"),
    [
        (
            CHINESE,
            "zh",
            [
                "市议会周二经过长时间辩论后通过了新预算。",
                "议员们表示，这笔资金将用于购买新公交车和维修旧桥。",
            ],
        ),
        (
            JAPANESE,
            "auto",
            [
                "市議会は火曜日、長い議論の末に新しい予算を可決した。",
                "「財源は十分にある」と市長は述べた。",
            ],
        ),
        (THAI, "th", THAI.split(" ")[:2]),
    ],
)
def test_scripts_without_spaces_give_their_lead_sentences_verbatim(
    text: str, language: str, lead: list[str]
) -> None:
    assert summarize_text(text, count=2, language=language) == lead
    assert summarize_text(text, count=9, language=language) == split_sentences(text)


def test_a_story_in_chinese_quotes_each_source_in_turn() -> None:
    other = "新预算获得通过后，市长表示将尽快启动招标。公交公司欢迎这一决定，并承诺增加班次。"
    summary = summarize_sources([("预算", CHINESE), ("市长", other)], count=3, language="chinese")
    assert summary == [
        ("市议会周二经过长时间辩论后通过了新预算。", 0),
        ("议员们表示，这笔资金将用于购买新公交车和维修旧桥。", 0),
        ("新预算获得通过后，市长表示将尽快启动招标。", 1),
    ]


def test_hindi_words_keep_their_vowel_signs() -> None:
    lexicon = lexicon_for("hi")
    assert lexicon.language == "unknown"
    assert [lexicon.names[n] for n in lexicon.numbers("नगर परिषद ने")] == ["नगर", "परिषद", "ने"]
    text = (
        "नगर परिषद ने मंगलवार को लंबी बहस के बाद नया बजट पारित कर दिया। पार्षदों के अनुसार यह पैसा "
        "नई बसें खरीदने और पुराने पुलों की मरम्मत पर खर्च होगा। विपक्ष ने बजट को बहुत आशावादी बताया।"
    )
    summary = summarize_text(text, count=2, language="auto")
    assert len(summary) == 2 and all(s in text and s.endswith("।") for s in summary)
