"""The weekly chart: spasm strength as bars and stress as a line, by day, as a JPEG for a phone."""

from __future__ import annotations

import io
from dataclasses import dataclass

FRAME_CACHE = 32  # chart frames kept per worker process
GAP_LABEL_DAYS = 14  # up to this many days, a day without a check-in is also labelled


@dataclass(frozen=True)
class ChartSpec:
    """One bar per day for spasm strength, a line for stress; days without a check-in marked."""

    title: str
    labels: tuple[str, ...]
    severity: tuple[float | None, ...]
    stress: tuple[float | None, ...]
    recorded: tuple[bool, ...]
    severity_label: str
    stress_label: str
    no_checkin_label: str


class _Frame:
    """A drawn chart frame (axes, ticks, title, legend) with one set of data artists to reuse.

    A batch of weekly summaries shares its title and day labels, so the costly text is drawn
    once per worker and each person's chart only redraws its bars, line and gaps (blitting)."""

    def __init__(self, spec: ChartSpec) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        count = len(spec.labels)
        self.figure = Figure(figsize=(8, 4.6), dpi=100)
        self.canvas = FigureCanvasAgg(self.figure)
        axes = self.axes = self.figure.add_subplot()
        positions = list(range(count))
        self.bars = axes.bar(
            positions, [0.0] * count, color="#e4572e", width=0.6, label=spec.severity_label, zorder=2
        )
        (self.line,) = axes.plot(
            positions, [float("nan")] * count, color="#17bebb", marker="o", linewidth=2.5,
            label=spec.stress_label, zorder=3,
        )  # fmt: skip
        self.gaps = [
            axes.axvspan(i - 0.45, i + 0.45, ymax=0.86, color="#d9d9d9", alpha=0.6, zorder=1, linewidth=0)
            for i in positions
        ]
        # Over many days the rotated words would be clutter: the grey band says it alone.
        labelled = count <= GAP_LABEL_DAYS
        self.gap_labels = [
            axes.text(
                i,
                5,
                spec.no_checkin_label,
                rotation=90,
                ha="center",
                va="center",
                fontsize=9,
                color="#555555",
            )
            for i in positions
            if labelled
        ]
        axes.set_ylim(0, 10.5)
        axes.set_yticks(range(0, 11, 2))
        axes.set_xlim(-0.6, count - 0.4)
        step = 1 if count <= 10 else max(1, count // 10)
        axes.set_xticks(positions[::step], spec.labels[::step], fontsize=11 if count <= 10 else 9)
        axes.tick_params(axis="y", labelsize=11)
        axes.grid(axis="y", alpha=0.3, zorder=0)
        axes.spines[["top", "right"]].set_visible(False)
        axes.set_title(spec.title, fontsize=14)
        axes.legend(loc="upper left", fontsize=10, frameon=False, ncols=2)
        # Fixed margins rather than tight_layout, which would draw the figure a second time.
        self.figure.subplots_adjust(left=0.06, right=0.98, top=0.9, bottom=0.1)
        data = [*self.bars, self.line, *self.gaps, *self.gap_labels]
        for artist in data:
            artist.set_visible(False)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        for artist in data:
            artist.set_animated(True)

    def render(self, spec: ChartSpec) -> bytes:
        from PIL import Image

        self.canvas.restore_region(self.background)
        for i, recorded in enumerate(spec.recorded):
            for artist in [self.gaps[i], *self.gap_labels[i : i + 1]]:
                artist.set_visible(not recorded)
                if not recorded:
                    self.axes.draw_artist(artist)
        for bar, value in zip(self.bars, spec.severity, strict=True):
            bar.set_height(value or 0.0)
            bar.set_visible(True)
            self.axes.draw_artist(bar)
        # A day without a value is a gap in the line, not a made-up slope across it.
        self.line.set_ydata([s if s is not None else float("nan") for s in spec.stress])
        self.line.set_visible(True)
        self.axes.draw_artist(self.line)
        image = Image.frombuffer("RGBA", self.canvas.get_width_height(), self.canvas.buffer_rgba())
        out = io.BytesIO()
        # JPEG: Telegram recompresses photos to JPEG anyway, and it encodes several times faster.
        image.convert("RGB").save(out, format="JPEG", quality=88)
        return out.getvalue()


_frames: dict[tuple[str, ...], _Frame] = {}


def render_chart(spec: ChartSpec) -> bytes:
    """JPEG bytes, sized to read well on a phone (800 x 460)."""
    key = (spec.title, spec.severity_label, spec.stress_label, spec.no_checkin_label, *spec.labels)
    frame = _frames.get(key)
    if frame is None:
        if len(_frames) >= FRAME_CACHE:
            _frames.clear()
        frame = _frames[key] = _Frame(spec)
    return frame.render(spec)
