"""Seconds from an emergency message to its reply when thousands of updates are queued ahead of it,
against the time the same process takes to answer the backlog (the baseline, in the same run).

    python3 dev.py bench emergency [queued]

The real `python -m bot run` process polls a fake Bot API over HTTP on this machine. The queue
is questions and diary lines from 200 people; the emergency comes
last, from someone new. SQLite by default; BENCH_DATABASE_URL for PostgreSQL."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.database import fresh_database
from bot.runtime.offline import Person
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer

EMERGENCY = "my dad just collapsed and is not responding"
# What people send all day, different from one message to the next (triage keeps no cache).
QUEUE = [
    "why does my eye twitch?",
    "left eye 6/10 about 20 min",
    "what helps with stress?",
    "slept 5h, coffee and screens again",
    "does caffeine make spasms worse",
    "right cheek and lip twitching on and off all afternoon",
    "no spasms today 🙂",
    "is it hemifacial spasm or blepharospasm?",
    "tired and stressed after work, eyelid fluttering",
    "how long does botox last",
]


def run(queued: int, url: str, folder: Path) -> tuple[float, float]:
    """(seconds to the emergency reply, seconds to the last queued answer), both from the push."""
    with FakeBotApiServer(TOKEN) as api:
        asker = [Person(500_000 + i) for i in range(200)]
        newcomer = Person(600_000)
        env = {"POLL_TIMEOUT_SECONDS": "1", "LOG_LEVEL": "WARNING", "TICK_SECONDS": "5"}
        bot = BotProcess(api, url, folder, newcomer, env=env)
        try:
            time.sleep(1.0)  # the bot polling, its start-up over
            pushed = time.monotonic()
            for n in range(queued):
                api.push(asker[n % len(asker)].message_builder(QUEUE[n % len(QUEUE)]))
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


def triage_times() -> tuple[float, float]:
    """p99 milliseconds of triage over every labelled message, and the worst 4,096-character input."""
    from bot.safety import triage

    data = Path(__file__).resolve().parent.parent / "tests" / "data"
    files = [f for f in sorted(data.glob("*.tsv")) if f.name.startswith(("triage", "redflags"))]
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    texts = [line.split("\t", 1)[1] for line in lines if "\t" in line and not line.startswith("#")]
    triage("warm up")
    times = []
    for text in texts * 3:
        started = time.perf_counter()
        triage(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    # Dense red-flag wording makes every clause worth reading: the slowest kind of input.
    shuffled = random.Random(7)
    glossed = (data / "redflags_glossed.tsv").read_text(encoding="utf-8").splitlines()
    foreign = [line.split("\t", 1)[1] for line in glossed if "\t" in line]
    words = [w for text in texts for w in text.split()]
    worst_inputs = [
        ("my arm cannot move and " * 200)[:4096],
        ("no " * 1400)[:4096],
        ("no seizure, no drooping and no weakness " * 120)[:4096],  # every one a denial to take out
        ("eye face arm " * 400)[:4096],
        " ".join(shuffled.choice(words) for _ in range(1000))[:4096],
        " ".join(shuffled.choice(texts) for _ in range(80))[:4096],
        # Another language's words throughout: every glossary pattern is tried.
        " ".join(shuffled.choice([t for t in foreign if not t.isascii()]) for _ in range(200))[:4096],
        " ".join(shuffled.choice([t for t in foreign if t.isascii()]) for _ in range(200))[:4096],
    ]
    worst = 0.0
    for text in worst_inputs:
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            triage(text)
            runs.append((time.perf_counter() - started) * 1000)
        worst = max(worst, statistics.median(runs))
    return times[int(len(times) * 0.99)], worst


def main(argv: list[str]) -> None:
    p99, worst = triage_times()
    print(
        f"triage: p99 {p99:.2f} ms per labelled message (goal under 5 ms); "
        f"worst 4,096 characters {worst:.1f} ms, median of 5 (goal under 50 ms)"
    )
    queued = int(argv[0]) if argv else 5000
    with tempfile.TemporaryDirectory() as folder:
        url = fresh_database(Path(folder))
        where = url.split(":")[0]
        alarm, backlog = run(queued, url, Path(folder))
    print(f"an emergency behind {queued:,} queued updates ({where}), the real process over HTTP")
    print(f"  its reply:                      {alarm:6.2f} s after it was sent (goal: under 1 s)")
    print(f"  the backlog answered (baseline): {backlog:6.2f} s")
    print(f"  reply time / backlog time:       {alarm / backlog:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
