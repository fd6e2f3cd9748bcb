"""Summaries made in worker processes are the ones made in-process."""

from __future__ import annotations

import threading

from digest.analysis.story_jobs import StoryJob, StoryWorkers, run_job, summary_text
from digest.analysis.summarize import READ_AHEAD, read_ahead, summarize_sources

FERRY = (
    "Ferry crossings to the islands were cancelled on Monday as gales swept the coast. "
    "The operator said boats would stay in port until the wind eased. "
    "Islanders were told to expect delays to food deliveries.\n\n"
    "Disclaimer: this report is provided as is."
)
PORT = (
    "Dock workers voted to end the strike after a pay offer. "
    "The ports reopen on Tuesday and ships will sail again. "
    "Union leaders said the offer met most of their demands."
)


def jobs() -> list[StoryJob]:
    made = []
    for n in range(30):
        made.append(
            StoryJob(
                (
                    (
                        f"Ferries cancelled {n}",
                        FERRY,
                        "Disclaimer: this report is provided as is.",
                        None,
                    ),
                    (f"Gales close ports {n}", PORT, None, None),
                ),
                2 + n % 3,
            )
        )
    return made


def test_the_disclaimer_is_cut_out_of_the_summary_text() -> None:
    text = summary_text(FERRY, "Disclaimer: this report is provided as is.")
    assert "Disclaimer" not in text and text.startswith("Ferry crossings")
    assert summary_text(FERRY, None) == FERRY


def test_workers_give_the_in_process_results_in_order() -> None:
    expected = [run_job(job) for job in jobs()]
    finished: list[int] = []
    with StoryWorkers(10, parallel_from=1) as workers:
        assert workers._pool is not None  # the workers really run
        assert workers.run(jobs(), finished.append) == expected
    assert sum(finished) == len(expected)


def test_workers_are_spawned_from_a_threaded_process() -> None:
    expected = [run_job(job) for job in jobs()[:5]]
    results: list[object] = []

    def build() -> None:
        with StoryWorkers(10, parallel_from=1) as workers:
            results.append(workers.run(jobs()[:5]))

    thread = threading.Thread(target=build)
    thread.start()
    thread.join(timeout=60)
    assert results == [expected]


def test_texts_split_ahead_give_the_same_summaries() -> None:
    texts = [summary_text(FERRY, "Disclaimer: this report is provided as is."), PORT]
    with StoryWorkers(10, parallel_from=1) as workers:
        splits = workers.read_ahead(texts * 600).result()
    assert splits[:2] == [read_ahead(texts[0]), read_ahead(texts[1])]
    assert len(splits) == 1200 and splits[0] is not None and splits[0].complete
    for job in jobs():
        ahead = StoryJob(
            tuple((t, x, d, read_ahead(summary_text(x, d))) for t, x, d, _ in job.sources),
            job.sentences,
        )
        assert run_job(ahead) == run_job(job)


def test_a_long_text_split_ahead_is_read_on_past_its_first_sentences() -> None:
    long_text = " ".join(
        f"Sentence number {n} tells of ships waiting outside the harbour wall." for n in range(60)
    )
    split = read_ahead(long_text)
    assert len(split.spans) == READ_AHEAD and not split.complete
    # Asked for more sentences than were split ahead, the summary splits the text itself.
    source = [("Ships wait", long_text)]
    assert summarize_sources(source, count=30, splits=[split]) == summarize_sources(
        source, count=30
    )


def test_small_builds_stay_in_process() -> None:
    with StoryWorkers(10) as workers:
        assert workers._pool is None
        assert workers.run(jobs()[:3]) == [run_job(job) for job in jobs()[:3]]


def test_a_job_is_summarized_in_its_language() -> None:
    text = (
        "Der Rat und die Stadt haben in der Nacht über den Plan für die neue Brücke am Fluss "
        "beraten.\n"
        "Der Bund und das Land haben in der Woche über die Kosten für die Brücke am Fluss "
        "gestritten.\n"
        "Bürger hatten schon lange eine sichere Verbindung zur Altstadt gefordert.\n"
    )
    sources = (("Brücke", text, None, None),)
    assert StoryJob(sources, 2).language == "english"
    german = run_job(StoryJob(sources, 2, "german"))
    assert german.summary == summarize_sources([("Brücke", text)], count=2, language="german")
    assert german.summary != run_job(StoryJob(sources, 2)).summary
    # Jobs cross to worker processes with their language.
    with StoryWorkers(10, parallel_from=1) as workers:
        assert workers.run([StoryJob(sources, 2, "german")]) == [german]
