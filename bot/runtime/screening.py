"""Red-flag triage of incoming messages on a worker process, so that screening a burst of updates
runs beside fetching and storing them instead of taking turns with them on one core. Whenever the
worker is not ready, is slow or has died, the messages are screened here instead: screening is
never skipped, and never waits long."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from bot.content.loader import load_languages
from bot.language.triage import Triage
from bot.language.triage_languages import Triagers, screening_in
from bot.services.alarms import triage_each

log = logging.getLogger(__name__)
WORKER_WAIT = 1.0  # seconds the worker may take over a batch before it is screened here instead

_triager: Triagers | None = None  # the worker process's own


def _load(content_dir: str) -> None:
    global _triager
    english, others = load_languages(Path(content_dir))
    _triager = screening_in([english, *others.values()])


def _triage_all(texts: Sequence[str]) -> list[Triage | None]:
    """In the worker, with its own rules."""
    assert _triager is not None
    return triage_each(_triager, texts)


class Screener:
    """`workers` 0 screens in this process only (the console, most tests)."""

    def __init__(self, triager: Triagers, content_dir: Path, workers: int) -> None:
        self._triager = triager
        self._content_dir = content_dir
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._ready = False

    def start(self) -> None:
        """Start the worker; until it has loaded the rules, messages are screened here."""
        if self._workers <= 0 or self._pool is not None:
            return
        try:
            pool = ProcessPoolExecutor(
                max_workers=self._workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_load, initargs=(str(self._content_dir),),
            )  # fmt: skip
            warming = pool.submit(_triage_all, ["warm up"])
        except Exception as exc:  # no processes on this system: screening stays here
            log.warning("no triage worker (%s); screening in the main process", type(exc).__name__)
            return
        self._pool = pool
        warming.add_done_callback(self._warmed)

    @property
    def ready(self) -> bool:
        """The worker has loaded the rules and takes messages."""
        return self._ready

    def _warmed(self, future: Future[list[Triage | None]]) -> None:
        self._ready = future.exception() is None

    def stop(self) -> None:
        pool, self._pool, self._ready = self._pool, None, False
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def submit(self, texts: list[str]) -> asyncio.Future[list[Triage | None]] | None:
        """Hand the texts to the worker now (None if it cannot take them)."""
        if self._pool is None or not self._ready or not texts:
            return None
        try:
            return asyncio.wrap_future(self._pool.submit(_triage_all, texts))
        except Exception as exc:  # the worker died: a new one is started, this batch screened here
            log.warning("the triage worker stopped (%s); starting another", type(exc).__name__)
            self.stop()
            self.start()
            return None

    async def verdicts(
        self, texts: list[str], submitted: asyncio.Future[list[Triage | None]] | None
    ) -> list[Triage | None]:
        """Each text's triage, from the worker if it answers in time, otherwise screened here."""
        if submitted is not None:
            try:
                return await asyncio.wait_for(submitted, WORKER_WAIT)
            except BrokenProcessPool:  # killed (out of memory, say): another one, this batch here
                log.warning("the triage worker stopped; starting another")
                self.stop()
                self.start()
            except Exception as exc:  # slow (a busy machine): this batch here, the worker stays
                log.warning("the triage worker did not answer (%s); screening here", type(exc).__name__)
        return self.here(texts)

    def here(self, texts: Sequence[str]) -> list[Triage | None]:
        return triage_each(self._triager, texts)
