"""Seconds from an emergency message to its reply when thousands of updates are queued ahead of it,
against the time the same process takes to answer the backlog (the baseline, in the same run).

    python3 dev.py bench emergency [queued]

The real `python -m bot run` process polls a fake Bot API over HTTP on this machine. The queue
is questions from 200 people (each answered from the knowledge content); the emergency comes
last, from someone new. SQLite by default; BENCH_DATABASE_URL for PostgreSQL."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from bot.runtime.offline import Person
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer

EMERGENCY = "my dad just collapsed and is not responding"
QUESTION = "why does my eye twitch?"


def run(queued: int, url: str, folder: Path) -> tuple[float, float]:
    """(seconds to the emergency reply, seconds to the last queued answer), both from the push."""
    with FakeBotApiServer(TOKEN) as api:
        asker = [Person(500_000 + i) for i in range(200)]
        newcomer = Person(600_000)
        env = {"POLL_TIMEOUT_SECONDS": "1", "LOG_LEVEL": "WARNING", "TICK_SECONDS": "5"}
        bot = BotProcess(api, url, folder, newcomer, env=env)
        try:
            pushed = time.monotonic()
            for n in range(queued):
                api.push(asker[n % len(asker)].message_builder(QUESTION))
            api.push(newcomer.message_builder(EMERGENCY))
            api.wait_for(lambda _: any(t.startswith("Call 112 now.") for t in bot.texts()), timeout=600)
            alarm = time.monotonic() - pushed
            api.wait_for(
                lambda calls: sum(c.method == "sendMessage" for c in calls) >= queued + 1, timeout=900
            )
            backlog = time.monotonic() - pushed
        finally:
            bot.stop()
    return alarm, backlog


def main(argv: list[str]) -> None:
    queued = int(argv[0]) if argv else 5000
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.db"
        where = url.split(":")[0]
        alarm, backlog = run(queued, url, Path(folder))
    print(f"an emergency behind {queued:,} queued updates ({where}), the real process over HTTP")
    print(f"  its reply:                      {alarm:6.2f} s after it was sent (goal: under 1 s)")
    print(f"  the backlog answered (baseline): {backlog:6.2f} s")
    print(f"  reply time / backlog time:       {alarm / backlog:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
