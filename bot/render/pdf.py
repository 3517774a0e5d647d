"""The doctor report as a PDF: summary, chart, triggers, red-flag events and the journal."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from bot.render.charts import ChartSpec, render_chart
from bot.render.cycle_chart import CycleChartSpec, render_cycle_chart


@dataclass(frozen=True)
class ReportSpec:
    title: str
    period: str
    disclaimer: str
    headings: tuple[str, str, str, str, str]  # summary, charts, triggers, events, entries
    summary_rows: tuple[str, ...]
    chart: ChartSpec
    triggers: tuple[tuple[str, str], ...]
    event_columns: tuple[str, str, str]  # when, what was reported, what the app advised
    events: tuple[tuple[str, str, str], ...]
    no_events: str
    entry_columns: tuple[
        str, ...
    ]  # date, time, kind, places, strength, duration, stress, sleep, triggers, notes
    entries: tuple[tuple[str, ...], ...]
    treatment_heading: str = ""
    treatment: tuple[str, ...] = ()  # a paragraph per injection cycle and per medicine
    cycle_chart: CycleChartSpec | None = None  # the last cycles overlaid, once there is enough


def _height(image: bytes, width: float) -> float:
    """The height an image takes when drawn `width` millimetres wide."""
    from PIL import Image

    with Image.open(io.BytesIO(image)) as opened:
        return width * opened.height / opened.width


def _fonts() -> tuple[Path, Path]:
    """DejaVu ships with matplotlib: a Unicode font for the PDF on every machine."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


EVENT_WIDTHS = (38, 144, 95)  # millimetres, across a landscape A4 page's 277
ENTRY_WIDTHS = (22, 11, 16, 40, 20, 22, 13, 12, 46, 75)  # a date and "Intensidad" on one line
CHART_WIDTH = 150  # small enough to stay on the first page, under the summary
HEADING_HEIGHT = 11  # a section heading with the space above it


def render_report(spec: ReportSpec) -> bytes:
    """The doctor report as PDF bytes (landscape A4): summary, chart, triggers, red-flag events,
    and every entry. Characters the font lacks (most emoji) are left out, never drawn as boxes."""
    from fpdf import FPDF

    regular, bold = _fonts()
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    clean = _Printable(set(pdf.current_font.cmap))  # type: ignore[union-attr]
    pdf.set_font("DejaVu", "B", 18)
    pdf.cell(0, 10, clean(spec.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 7, clean(spec.period), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, clean(spec.disclaimer), new_x="LMARGIN", new_y="NEXT")
    summary, charts, triggers, events, entries = spec.headings

    def heading(text: str) -> None:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 13)
        pdf.cell(0, 8, clean(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)

    heading(summary)
    for row in spec.summary_rows:
        pdf.multi_cell(0, 6, clean(row), new_x="LMARGIN", new_y="NEXT")
    chart = render_chart(spec.chart)
    if pdf.will_page_break(HEADING_HEIGHT + _height(chart, CHART_WIDTH)):
        pdf.add_page()  # the heading goes with its chart, never alone at the foot of a page
    heading(charts)
    pdf.image(io.BytesIO(chart), w=CHART_WIDTH)
    if spec.treatment:
        heading(spec.treatment_heading)
        for paragraph in spec.treatment:
            pdf.multi_cell(0, 6, clean(paragraph), new_x="LMARGIN", new_y="NEXT")
        if spec.cycle_chart is not None:
            pdf.image(io.BytesIO(render_cycle_chart(spec.cycle_chart)), w=CHART_WIDTH)
    heading(triggers)
    for label, count in spec.triggers:
        pdf.cell(0, 6, clean(f"{label}: {count}"), new_x="LMARGIN", new_y="NEXT")
    heading(events)
    if spec.events:
        _table(pdf, spec.event_columns, spec.events, EVENT_WIDTHS, clean)
    else:
        pdf.cell(0, 6, clean(spec.no_events), new_x="LMARGIN", new_y="NEXT")
    heading(entries)
    pdf.set_font("DejaVu", "", 8)
    _table(pdf, spec.entry_columns, spec.entries, ENTRY_WIDTHS, clean)
    return bytes(pdf.output())


class _Printable:
    """Text the font can draw: a character it lacks is left out (with any joiner or variation
    selector that went with it), so an emoji in a note leaves no box and no warning."""

    def __init__(self, known: set[int]) -> None:
        self._known = known

    def __call__(self, text: str) -> str:
        kept = "".join(c for c in text if ord(c) in self._known or c in "\n\t")
        return re.sub(r" {2,}", " ", kept).strip(" ") if kept != text else text


def _table(
    pdf: object,
    columns: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    widths: tuple[int, ...],
    clean: _Printable,
) -> None:
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.8) as table:  # type: ignore[attr-defined]
        table.row([clean(c) for c in columns])
        for row in rows:
            table.row([clean(c) for c in row])
