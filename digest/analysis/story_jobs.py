"""Summarizing the stories of a digest, on every core when there are many.

Summaries take most of a large build (sentence splitting, boilerplate checks and token counts
for every source), and each story's is independent of the others', so a build of thousands of
articles hands them to worker processes. The workers are started when the build begins: while
it groups the stories they make the term counts grouping needs (the part of it done article by
article), then split the articles' texts for their summaries. They are forked, which costs
nothing, unless the process runs other threads (the reader builds in a thread), where forking
is unsafe and they are spawned instead. If
the workers cannot run (a script without a `__main__` guard cannot spawn them), the summaries
are made in-process. Small builds stay in-process, where starting workers costs more than it
saves.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple

from digest.workers import exit_with_parent

if TYPE_CHECKING:
    from digest.analysis.stories import Bag
    from digest.analysis.summarize import Split

__all__ = [
    "PARALLEL_FROM",
    "ReadAhead",
    "StoryJob",
    "StoryResult",
    "StoryWorkers",
    "summary_text",
]

PARALLEL_FROM = 3000
"""Articles in a build from which its summaries are made in worker processes."""
_CHUNK = 48
"""Stories sent to a worker at a time: enough to outweigh the cost of sending them."""
_TEXTS = 500
"""Texts sent to a worker at a time to be split ahead."""


class StoryJob(NamedTuple):
    """What a story's summary and title are made from."""

    sources: tuple[tuple[str, str, str | None, Split | None], ...]
    """(headline, text, disclaimer, split) of each source, earliest first; the split is the
    `read_ahead` of its `summary_text`, when made beforehand."""
    sentences: int
    """Sentences in the summary."""
    language: str = "english"
    """The language of the summary's stemmer and stop words (see `summarize_sources`)."""


class StoryResult(NamedTuple):
    summary: list[tuple[str, int]]
    """(sentence, index of its source) in reading order."""
    title: str


def summary_text(text: str, disclaimer: str | None) -> str:
    """The text with its own disclaimer cut out at line breaks, so that no summary sentence can
    come from it while every sentence left is still verbatim from the text."""
    notice = (disclaimer or "").strip()
    if notice and notice in text:
        text = text.replace(notice, "\n")
    return text


def run_job(job: StoryJob) -> StoryResult:
    """One story's summary and title."""
    from digest.analysis.headlines import choose_headline
    from digest.analysis.summarize import summarize_sources

    summary = summarize_sources(
        [(title, summary_text(text, notice)) for title, text, notice, _ in job.sources],
        count=job.sentences,
        language=job.language,
        splits=[split for *_, split in job.sources],
    )
    headline = choose_headline([(title, text) for title, text, *_ in job.sources])
    return StoryResult(summary, headline)


def _run_chunk(jobs: list[StoryJob]) -> list[StoryResult]:
    return [run_job(job) for job in jobs]


def _read_ahead_chunk(texts: list[str]) -> list[Split]:
    from digest.analysis.summarize import read_ahead

    return [read_ahead(text) for text in texts]


def _term_bags_chunk(items: list[tuple[str, str]]) -> list[Bag]:
    from digest.analysis.stories import term_bags

    return term_bags(items)


class ReadAhead:
    """Texts to be split in the workers while the build goes on (see `StoryWorkers.read_ahead`).

    They are sent to the workers when `start` is called, or at the latest by `result`.
    """

    def __init__(self, pool: Executor | None, texts: Sequence[str]) -> None:
        self._pool = pool
        self._texts = texts
        self._futures: list[Future[list[Split]]] | None = None

    def start(self) -> None:
        if self._futures is not None or self._pool is None:
            return
        try:
            self._futures = [
                self._pool.submit(_read_ahead_chunk, list(self._texts[start : start + _TEXTS]))
                for start in range(0, len(self._texts), _TEXTS)
            ]
        except BrokenProcessPool:
            self._futures = []

    def result(self) -> list[Split | None]:
        """A split per text, in order; None for every text without workers, or when they
        failed."""
        self.start()
        if self._futures:
            try:
                return [split for future in self._futures for split in future.result()]
            except BrokenProcessPool:
                pass
        return [None] * len(self._texts)


def _warm_up() -> None:
    """Import the summarizer (numpy, sumy's stemmers) in a new worker."""
    import digest.analysis.headlines
    import digest.analysis.summarize  # noqa: F401


def _start_worker(parent: int) -> None:
    exit_with_parent(parent)
    _warm_up()


class StoryWorkers:
    """Worker processes for one build's summaries, when `articles` makes them worth it."""

    def __init__(self, articles: int, *, parallel_from: int = PARALLEL_FROM) -> None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        self._pool: Executor | None = None
        self._waiting: list[ReadAhead] = []
        if articles >= parallel_from and (cores or 1) > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=min(2, cores or 1),
                mp_context=multiprocessing.get_context(
                    "fork" if threading.active_count() == 1 else "spawn"
                ),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
            # Start the workers now; they import while the caller groups stories.
            self._pool.submit(_warm_up)

    def __enter__(self) -> StoryWorkers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def read_ahead(self, texts: Sequence[str]) -> ReadAhead:
        """Split `texts` for their summaries in the workers, starting once the term bags are
        sent (`term_bags`), which the build waits for (nothing without workers: in-process,
        summaries split their texts as they go)."""
        ahead = ReadAhead(self._pool, texts)
        self._waiting.append(ahead)
        return ahead

    def term_bags(self, items: Sequence[tuple[str, str]]) -> list[Bag]:
        """`stories.term_bags` of `items`, made in the workers when there are any."""
        from digest.analysis.stories import term_bags

        if self._pool is None:
            return term_bags(items)
        half = -(-len(items) // 2)
        try:
            futures = [
                self._pool.submit(_term_bags_chunk, list(items[start : start + half]))
                for start in range(0, len(items), max(half, 1))
            ]
        except BrokenProcessPool:
            return term_bags(items)
        # The splitting waits in line behind the bags, which the caller needs first.
        for ahead in self._waiting:
            ahead.start()
        self._waiting.clear()
        try:
            return [bag for future in futures for bag in future.result()]
        except BrokenProcessPool:
            return term_bags(items)

    def run(
        self, jobs: Sequence[StoryJob], on_done: Callable[[int], None] | None = None
    ) -> list[StoryResult]:
        """Every job's result, in order; `on_done(count)` after each batch of finished jobs."""
        if self._pool is not None:
            try:
                return self._run_in_pool(self._pool, jobs, on_done)
            except BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
        results = []
        for job in jobs:
            results.append(run_job(job))
            if on_done is not None:
                on_done(1)
        return results

    @staticmethod
    def _run_in_pool(
        pool: Executor, jobs: Sequence[StoryJob], on_done: Callable[[int], None] | None
    ) -> list[StoryResult]:
        slots: list[StoryResult | None] = [None] * len(jobs)
        futures: dict[Future[list[StoryResult]], int] = {
            pool.submit(_run_chunk, list(jobs[start : start + _CHUNK])): start
            for start in range(0, len(jobs), _CHUNK)
        }
        for future in as_completed(futures):
            start = futures[future]
            chunk = future.result()
            slots[start : start + len(chunk)] = chunk
            if on_done is not None:
                on_done(len(chunk))
        return [result for result in slots if result is not None]
