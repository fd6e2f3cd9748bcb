"""The rule-based sentence splitter and the tokenizer handed to sumy."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.analysis.sentences import (
    NewsTokenizer,
    iter_sentence_spans,
    iter_sentences,
    sentence_spans,
    split_paragraphs,
    split_sentences,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. economy grew. Mr. Smith and Dr. Jones agreed. It ended.",
            ["The U.S. economy grew.", "Mr. Smith and Dr. Jones agreed.", "It ended."],
        ),
        (
            "It happened in the U.S. The president spoke. U.S. President Joe Biden left.",
            ["It happened in the U.S.", "The president spoke.", "U.S. President Joe Biden left."],
        ),
        (
            "On Jan. 5 the No. 10 team won. He said so, e.g. on TV, i.e. live. Fine.",
            ["On Jan. 5 the No. 10 team won.", "He said so, e.g. on TV, i.e. live.", "Fine."],
        ),
        (
            "Shares in Apple Inc. rose. They sold to Acme Ltd. The deal closed.",
            ["Shares in Apple Inc. rose.", "They sold to Acme Ltd.", "The deal closed."],
        ),
        (
            "He moved to St. Louis last year. It was cold.",
            ["He moved to St. Louis last year.", "It was cold."],
        ),
        (
            "J. K. Rowling wrote it. George W. Bush read it. Vitamin C. The end.",
            ["J. K. Rowling wrote it.", "George W. Bush read it.", "Vitamin C.", "The end."],
        ),
        (
            "Profits jumped 76% to $1.13bn (£600m). Sales rose 3.5% to 2.1m units. Good.",
            ["Profits jumped 76% to $1.13bn (£600m).", "Sales rose 3.5% to 2.1m units.", "Good."],
        ),
        (
            'He said: "We will win." Then he left. (It was late.) Nobody stayed.',
            ['He said: "We will win."', "Then he left.", "(It was late.)", "Nobody stayed."],
        ),
        (
            "He waited... The bus came. It was slow… and full. Really?! Yes.",
            ["He waited...", "The bus came.", "It was slow… and full.", "Really?!", "Yes."],
        ),
        (
            '"Why?" he asked. "Because!" she said. Fine.',
            ['"Why?" he asked.', '"Because!" she said.', "Fine."],
        ),
        (
            "See www.example.com/a.html for more. Mail news.desk@example.co.uk now. Done.",
            ["See www.example.com/a.html for more.", "Mail news.desk@example.co.uk now.", "Done."],
        ),
        (
            # A photo caption pasted before the story, with no full stop between them.
            "Klopp chats with Durm in Dortmund on Wednesday He said it was time (file photo) "
            "The boy was safe and I think so. In the film The Closer he spoke of infra-red A rays.",
            [
                "Klopp chats with Durm in Dortmund on Wednesday",
                "He said it was time (file photo)",
                "The boy was safe and I think so.",
                "In the film The Closer he spoke of infra-red A rays.",
            ],
        ),
        (
            # Paragraphs pasted together without a space after the full stop.
            'It rose at home.Half of it was sold. He said: "We won."School was out. ASP.Net and '
            "e.g.The rest stay. Up 46%.The end. Wait...The end.",
            [
                "It rose at home.",
                "Half of it was sold.",
                'He said: "We won."',
                "School was out.",
                "ASP.Net and e.g.The rest stay.",
                "Up 46%.",
                "The end.",
                "Wait...The end.",
            ],
        ),
        (
            "CNN's chief medical correspondent\u00a0Dr. Sanjay Gupta spoke. Texas\u00a0Gov. Greg "
            "Abbott agreed.",
            [
                "CNN's chief medical correspondent\u00a0Dr. Sanjay Gupta spoke.",
                "Texas\u00a0Gov. Greg Abbott agreed.",
            ],
        ),
        (
            "The vote starts at 9 a.m. Tuesday. Officials agreed. It is 2004. 2005 will differ.",
            [
                "The vote starts at 9 a.m. Tuesday.",
                "Officials agreed.",
                "It is 2004.",
                "2005 will differ.",
            ],
        ),
    ],
)
def test_split_sentences_hard_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_paragraphs_and_lines_are_separate_sentences() -> None:
    text = "First paragraph here.\n\n  Second one  \nThird line without a stop"
    assert split_sentences(text) == [
        "First paragraph here.",
        "Second one",
        "Third line without a stop",
    ]
    assert [text[a:b] for a, b in split_paragraphs(text)] == split_sentences(text)


def test_lazy_forms_agree_with_the_lists() -> None:
    text = "One. Two three.\n\nFour? Five!"
    assert list(iter_sentences(text)) == split_sentences(text)
    assert [text[a:b] for a, b in sentence_spans(text)] == split_sentences(text)


_PIECES = st.sampled_from(
    [
        "Mr.",
        "U.S.",
        "J.",
        "3.5%",
        "$1.13bn",
        "word",
        "The",
        "and",
        "...",
        "…",
        "?",
        "!",
        ".",
        '"',
        "(",
        ")",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "e.g.",
        "x@y.com",
        "\t",
        "\u00a0",
        "z.",
        "B.",
        "3.",
        "«",
        "»",
        "„",
        "“",
        "¿",
        "。",
        "！",
        "」",
        "新",
        "ก",
        "।",
    ]
)


@given(st.lists(_PIECES, max_size=60).map("".join))
def test_sentences_are_verbatim_ordered_and_lose_nothing(text: str) -> None:
    spans = sentence_spans(text)
    position = 0
    for start, end in spans:
        assert start >= position and end > start
        sentence = text[start:end]
        assert sentence == sentence.strip()
        position = end
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_words_drop_punctuation_and_keep_compounds() -> None:
    assert words("The U.S. firm's e-mail, sent at 3.5%: \"don't\" $1.13bn!") == [
        "The",
        "U.S",
        "firm's",
        "e-mail",
        "sent",
        "at",
        "3.5",
        "don't",
        "1.13bn",
    ]


def test_tokenizer_works_for_sumy_without_nltk_data() -> None:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = NewsTokenizer("english")
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences("Mr. Smith left. He won.") == ("Mr. Smith left.", "He won.")
    assert tokenizer.to_words("Mr. Smith left.") == ("Mr", "Smith", "left")
    document = ObjectDocumentModel([Paragraph([Sentence("Mr. Smith left early.", tokenizer)])])
    assert document.words == ("Mr", "Smith", "left", "early")


def test_a_thousand_articles_split_quickly() -> None:
    paragraph = (
        "Quarterly profits at the U.S. firm jumped 76% to $1.13bn (£600m), Mr. Smith said. "
        '"We are pleased," he added. Sales rose 2% to $11.1bn from $10.9bn... Analysts agreed. '
    )
    articles = ["\n\n".join([paragraph] * 6)] * 1000
    start = time.perf_counter()
    count = sum(len(split_sentences(a)) for a in articles)
    elapsed = time.perf_counter() - start
    assert count == 1000 * 6 * 4
    assert elapsed < 3.0  # about 0.1 s here; a rule that backtracks badly would blow this


def test_the_first_sentences_of_a_huge_paragraph_come_without_splitting_it_all() -> None:
    paragraph = "The first sentence is short. " + "And then it goes on, and on, and on. " * 200_000
    start = time.perf_counter()
    spans = iter_sentence_spans(paragraph)
    first = [paragraph[a:b] for (a, b), _ in zip(spans, range(3), strict=False)]
    assert first == ["The first sentence is short."] + ["And then it goes on, and on, and on."] * 2
    assert time.perf_counter() - start < 0.5  # splitting all of its 7 MB takes seconds


def test_bbc_articles_split_into_verbatim_sentences(shared_data: Path) -> None:
    path = shared_data / "eval" / "bbc_news.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows[:200]:
        text = row["article"]
        sentences = split_sentences(text)
        assert sentences
        assert all(s in text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stadt plant z. B. neue Radwege. Das kostet ca. 5 Mio. Euro. Der Rat stimmt "
            "am 3. Oktober ab.",
            [
                "Die Stadt plant z. B. neue Radwege.",
                "Das kostet ca. 5 Mio. Euro.",
                "Der Rat stimmt am 3. Oktober ab.",
            ],
        ),
        (
            "Im 2. Weltkrieg wurde die Brücke zerstört. Der Umsatz stieg auf 12 Mio. Die Aktie "
            "fiel. Die Zahl lag 1990 bei 17. Danach sank sie.",
            [
                "Im 2. Weltkrieg wurde die Brücke zerstört.",
                "Der Umsatz stieg auf 12 Mio.",
                "Die Aktie fiel.",
                "Die Zahl lag 1990 bei 17.",
                "Danach sank sie.",
            ],
        ),
        (
            "Er wohnt in der Hauptstr. 5 in Berlin. Dr. Müller bzw. seine Frau kommen, d. h. "
            "beide. Nr. 5 fehlt usw. Die Feier beginnt um 18 Uhr.",
            [
                "Er wohnt in der Hauptstr. 5 in Berlin.",
                "Dr. Müller bzw. seine Frau kommen, d. h. beide.",
                "Nr. 5 fehlt usw.",
                "Die Feier beginnt um 18 Uhr.",
            ],
        ),
        (
            "„Wir sind zufrieden“, sagte der Sprecher. „Das ist ein Erfolg.“ Dann ging er. Er "
            "sagte: »Wir gewinnen.« Dann ging er.",
            [
                "„Wir sind zufrieden“, sagte der Sprecher.",
                "„Das ist ein Erfolg.“",
                "Dann ging er.",
                "Er sagte: »Wir gewinnen.«",
                "Dann ging er.",
            ],
        ),
        (
            "M. Macron a reçu Mme Dupont et Mlle Martin. « Nous gagnerons. » Puis il est parti. "
            "Selon l'art. 49.3, le texte passe. Vraiment ? Oui !",
            [
                "M. Macron a reçu Mme Dupont et Mlle Martin.",
                "« Nous gagnerons. »",
                "Puis il est parti.",
                "Selon l'art. 49.3, le texte passe.",
                "Vraiment ?",
                "Oui !",
            ],
        ),
        (
            "El Sr. García viajó a EE. UU. la semana pasada. ¿Qué buscaba? Nadie lo sabe. "
            "¡Increíble! La Sra. López, del núm. 5, lo confirmó. Viajó a EE. UU. El Gobierno "
            "calló.",
            [
                "El Sr. García viajó a EE. UU. la semana pasada.",
                "¿Qué buscaba?",
                "Nadie lo sabe.",
                "¡Increíble!",
                "La Sra. López, del núm. 5, lo confirmó.",
                "Viajó a EE. UU.",
                "El Gobierno calló.",
            ],
        ),
        (
            "Vláda schválila např. nový zákon, tzv. Lex Novák. Mgr. Novák souhlasí. Он живёт в "
            "г. Москва на ул. Ленина, т. е. в центре. The case, Smith v. Jones, was heard.",
            [
                "Vláda schválila např. nový zákon, tzv. Lex Novák.",
                "Mgr. Novák souhlasí.",
                "Он живёт в г. Москва на ул. Ленина, т. е. в центре.",
                "The case, Smith v. Jones, was heard.",
            ],
        ),
        (
            "市议会周二通过了新预算。议员们表示，资金将用于购买新公交车。没有人反对！",
            ["市议会周二通过了新预算。", "议员们表示，资金将用于购买新公交车。", "没有人反对！"],
        ),
        (
            "市議会は新しい予算を可決した。「反対はない」と議長は述べた。 株価は上昇した。",
            [
                "市議会は新しい予算を可決した。",
                "「反対はない」と議長は述べた。",
                "株価は上昇した。",
            ],
        ),
        (
            "สภาเมืองอนุมัติงบประมาณใหม่  สมาชิกสภากล่าวว่าเงินจะถูกใช้ซื้อรถโดยสารใหม่",
            ["สภาเมืองอนุมัติงบประมาณใหม่", "สมาชิกสภากล่าวว่าเงินจะถูกใช้ซื้อรถโดยสารใหม่"],
        ),
        (
            "नगर परिषद ने नया बजट पारित किया। पार्षदों ने इसका स्वागत किया।",
            ["नगर परिषद ने नया बजट पारित किया।", "पार्षदों ने इसका स्वागत किया।"],
        ),
        (
            "هل وافق المجلس؟ نعم وافق المجلس.",
            ["هل وافق المجلس؟", "نعم وافق المجلس."],
        ),
    ],
)
def test_split_sentences_in_other_languages(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_thousand_articles_in_several_languages_split_quickly() -> None:
    paragraph = (
        "Der Umsatz stieg am 3. Oktober um ca. 5 Mio. Euro, z. B. in der Hauptstr. 5. "
        "« Nous gagnerons », a dit M. Dupont. ¿Viajó a EE. UU.? 市议会通过了新预算。没有人反对！ "
    )
    articles = ["\n\n".join([paragraph] * 6)] * 1000
    start = time.perf_counter()
    count = sum(len(split_sentences(a)) for a in articles)
    elapsed = time.perf_counter() - start
    assert count == 1000 * 6 * 5
    assert elapsed < 3.0  # about 0.15 s here


def test_words_may_keep_combining_marks() -> None:
    hindi = "नगर परिषद ने बजट पारित किया"
    assert words(hindi, marks=True) == ["नगर", "परिषद", "ने", "बजट", "पारित", "किया"]
    assert len(words(hindi)) > 6  # without marks the vowel signs break the words apart
    assert words("e\u0301conomie d'e\u0301te\u0301", marks=True) == [
        "e\u0301conomie",
        "d'e\u0301te\u0301",
    ]
    english = "The U.S. firm's e-mail, sent at 3.5%: \"don't\" $1.13bn!"
    assert words(english, marks=True) == words(english)
