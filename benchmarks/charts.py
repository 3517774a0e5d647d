"""How fast weekly charts render, against a baseline measured in the same run.

    python3 dev.py bench charts [people]

Baseline: each chart drawn in full (figure, axes, text) in one process, as a plain matplotlib
script would. Measured: the bot's renderer (a cached frame per week and day labels, blitted
data, JPEG) in its process pool of two workers. Printed: charts per second for both, the
speed-up, and the ratio to Telegram's sending limit of about 30 messages a second.
"""

from __future__ import annotations

import asyncio
import io
import random
import sys
import time
from datetime import date, timedelta

from bot.render.charts import ChartSpec
from bot.render.pool import WORKERS, chart_png

TELEGRAM_PER_SECOND = 30


def week_spec(rng: random.Random, end: date) -> ChartSpec:
    days = [end - timedelta(days=6 - i) for i in range(7)]
    recorded = tuple(rng.random() > 0.2 for _ in days)
    severity = tuple(float(rng.randint(0, 9)) if r and rng.random() > 0.4 else None for r in recorded)
    stress = tuple(float(rng.randint(0, 10)) if r else None for r in recorded)
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return ChartSpec(
        title=f"{days[0].isoformat()} to {end.isoformat()}",
        labels=tuple(f"{names[d.weekday()]} {d.day}" for d in days),
        severity=severity, stress=stress, recorded=recorded,
        severity_label="Spasm strength (0–10)", stress_label="Stress (0–10)", no_checkin_label="no check-in",
    )  # fmt: skip


def people(count: int, seed: int = 7) -> list[ChartSpec]:
    """Most people keep the default Sunday; some chose another day (another frame)."""
    rng = random.Random(seed)
    sunday = date(2026, 3, 15)
    ends = [sunday] * 8 + [sunday - timedelta(days=d) for d in (1, 3)]
    return [week_spec(rng, rng.choice(ends)) for _ in range(count)]


def full_draw(spec: ChartSpec) -> bytes:
    """The baseline: a whole figure per chart, as a straightforward script would draw it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.6), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(spec.labels)))
    axes.bar(
        positions, [s or 0.0 for s in spec.severity], color="#e4572e", width=0.6, label=spec.severity_label
    )
    axes.plot(positions, [s if s is not None else float("nan") for s in spec.stress], color="#17bebb",
              marker="o", linewidth=2.5, label=spec.stress_label)  # fmt: skip
    for i, recorded in enumerate(spec.recorded):
        if not recorded:
            axes.axvspan(i - 0.45, i + 0.45, ymax=0.86, color="#d9d9d9", alpha=0.6, linewidth=0)
            axes.text(i, 5, spec.no_checkin_label, rotation=90, ha="center", va="center", fontsize=9)
    axes.set_ylim(0, 10.5)
    axes.set_xticks(positions, spec.labels, fontsize=11)
    axes.set_title(spec.title, fontsize=14)
    axes.legend(loc="upper left", fontsize=10, frameon=False, ncols=2)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


async def pooled(specs: list[ChartSpec]) -> float:
    await asyncio.gather(*(chart_png(s) for s in specs[: WORKERS * 4]))  # start and warm the workers
    started = time.perf_counter()
    charts = await asyncio.gather(*(chart_png(s) for s in specs))
    elapsed = time.perf_counter() - started
    assert all(c[:3] == b"\xff\xd8\xff" for c in charts)
    return len(specs) / elapsed


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 1000
    specs = people(count)
    baseline_specs = specs[: max(20, count // 20)]
    full_draw(baseline_specs[0])
    started = time.perf_counter()
    for spec in baseline_specs:
        full_draw(spec)
    baseline = len(baseline_specs) / (time.perf_counter() - started)
    rate = asyncio.run(pooled(specs))
    print(f"weekly charts for {count} people, {WORKERS} worker processes")
    print(f"  baseline (full draw, one process): {baseline:7.1f} charts/s")
    print(
        f"  bot renderer (pool, blitted):       {rate:7.1f} charts/s  ({rate / baseline:.1f}x the baseline)"
    )
    print(f"  against Telegram's ~{TELEGRAM_PER_SECOND} messages/s: {rate / TELEGRAM_PER_SECOND:.1f}x "
          f"(target: 60 charts/s, {'met' if rate >= 60 else 'NOT met'})")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
