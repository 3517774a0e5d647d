"""The doctor report as a PDF: summary, chart, triggers, red-flag events and the journal."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from bot.render.charts import ChartSpec, render_chart


@dataclass(frozen=True)
class ReportSpec:
    title: str
    period: str
    disclaimer: str
    headings: tuple[str, str, str, str, str]  # summary, charts, triggers, events, entries
    summary_rows: tuple[str, ...]
    chart: ChartSpec
    triggers: tuple[tuple[str, str], ...]
    event_columns: tuple[str, str, str]
    events: tuple[tuple[str, str, str], ...]
    no_events: str
    entry_columns: tuple[str, str, str, str, str, str]
    entries: tuple[tuple[str, str, str, str, str, str], ...]


def _fonts() -> tuple[Path, Path]:
    """DejaVu ships with matplotlib: a Unicode font for the PDF on every machine."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def render_report(spec: ReportSpec) -> bytes:
    """The doctor report as PDF bytes: summary, chart, triggers, red-flag events, journal."""
    from fpdf import FPDF

    regular, bold = _fonts()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.cell(0, 10, spec.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 7, spec.period, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, spec.disclaimer, new_x="LMARGIN", new_y="NEXT")
    summary, charts, triggers, events, entries = spec.headings

    def heading(text: str) -> None:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 13)
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)

    heading(summary)
    for row in spec.summary_rows:
        pdf.multi_cell(0, 6, row, new_x="LMARGIN", new_y="NEXT")
    heading(charts)
    pdf.image(io.BytesIO(render_chart(spec.chart)), w=pdf.epw)
    heading(triggers)
    for label, count in spec.triggers:
        pdf.cell(0, 6, f"{label}: {count}", new_x="LMARGIN", new_y="NEXT")
    heading(events)
    if spec.events:
        _table(pdf, spec.event_columns, spec.events, (45, 30, 105))
    else:
        pdf.cell(0, 6, spec.no_events, new_x="LMARGIN", new_y="NEXT")
    heading(entries)
    _table(pdf, spec.entry_columns, spec.entries, (22, 20, 42, 14, 40, 42))
    return bytes(pdf.output())


def _table(
    pdf: object, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], widths: tuple[int, ...]
) -> None:
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=5.5) as table:  # type: ignore[attr-defined]
        table.row(columns)
        for row in rows:
            table.row(row)
