"""Summaries made in worker processes are the ones made in-process."""

from __future__ import annotations

import threading

from digest.analysis.story_jobs import StoryJob, StoryWorkers, run_job, summary_text

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
                    (f"Ferries cancelled {n}", FERRY, "Disclaimer: this report is provided as is."),
                    (f"Gales close ports {n}", PORT, None),
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


def test_small_builds_stay_in_process() -> None:
    with StoryWorkers(10) as workers:
        assert workers._pool is None
        assert workers.run(jobs()[:3]) == [run_job(job) for job in jobs()[:3]]
