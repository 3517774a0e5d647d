"""The injection cycles overlaid: spasm strength by day since each injection (a 7-day average, so
a missed day does not read as relief), the latest cycle strongest, as a JPEG for a phone."""

from __future__ import annotations

import io
from dataclasses import dataclass

COLOURS = ("#b8b8b8", "#8fb8de", "#f4a259", "#e4572e")  # oldest to latest
SMOOTHING = 7  # days in the moving average
MAX_DAY = 16 * 7  # a cycle is drawn up to 16 weeks


@dataclass(frozen=True)
class CycleChartSpec:
    title: str
    x_label: str
    y_label: str
    cycles: tuple[tuple[str, tuple[tuple[int, float], ...]], ...]  # label, (day since, strength)


def smoothed(points: tuple[tuple[int, float], ...]) -> list[tuple[int, float]]:
    """Each written day's mean over the days written in the week up to it."""
    out = []
    for day, _ in points:
        window = [v for d, v in points if day - SMOOTHING < d <= day]
        out.append((day, sum(window) / len(window)))
    return out


def render_cycle_chart(spec: CycleChartSpec) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.6), dpi=100)
    FigureCanvasAgg(figure)  # Agg draws the JPEG
    axes = figure.add_subplot()
    shown = spec.cycles[-len(COLOURS) :]
    for index, (label, points) in enumerate(shown):
        line = smoothed(tuple(p for p in points if 0 <= p[0] <= MAX_DAY))
        if not line:
            continue
        colour = COLOURS[len(COLOURS) - len(shown) + index]
        latest = index == len(shown) - 1
        axes.plot(
            [d for d, _ in line],
            [v for _, v in line],
            color=colour,
            linewidth=3 if latest else 1.8,
            label=label,
        )
    axes.set_xlim(0, MAX_DAY)
    axes.set_ylim(0, 10)
    axes.set_xticks(range(0, MAX_DAY + 1, 14))
    axes.set_xticklabels([str(d // 7) for d in range(0, MAX_DAY + 1, 14)])
    axes.set_xlabel(spec.x_label)
    axes.set_ylabel(spec.y_label)
    axes.set_title(spec.title)
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", frameon=False, fontsize=9)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="jpeg", pil_kwargs={"quality": 88})
    return out.getvalue()
