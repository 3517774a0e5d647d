"""Field-level precision and recall of `parse_report` on the labelled sets in tests/data/reports_*.tsv
(see tests/data/reports.md). `python -m tests.report_scoring [file]` lists every disagreement."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.nlu import Report

DATA = Path(__file__).parent / "data"
SCALARS = ("had_spasm", "severity", "stress", "sleep_hours", "duration_minutes")
SETS = ("locations", "triggers")
FIELDS = (*SCALARS[:3], *SETS, *SCALARS[3:])


def _value(name: str, raw: str) -> object:
    if name in SETS:
        return frozenset() if raw == "-" else frozenset(raw.split(","))
    if raw == "-":
        return None
    if name == "had_spasm":
        return {"yes": True, "no": False}[raw]
    return float(raw) if name == "sleep_hours" else int(raw)


def load(path: Path) -> list[tuple[str, Report]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0].split("\t"), []
    assert header == ["text", *FIELDS], f"{path.name}: unexpected header {header}"
    for line in lines[1:]:
        text, *raw = line.split("\t")
        values = {name: _value(name, r) for name, r in zip(FIELDS, raw, strict=True)}
        rows.append((text, Report(**values)))  # type: ignore[arg-type]
    return rows


@dataclass
class Count:
    true_pos: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.expected if self.expected else 1.0


@dataclass
class Score:
    fields: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})
    reports: int = 0
    non_reports: int = 0
    taken_for_reports: int = 0

    @property
    def false_report_share(self) -> float:
        return self.taken_for_reports / self.non_reports if self.non_reports else 0.0

    def add(self, got: Report, want: Report) -> None:
        if want.is_report:
            self.reports += 1
        else:
            self.non_reports += 1
            self.taken_for_reports += got.is_report
        for name in FIELDS:
            count, g, w = self.fields[name], getattr(got, name), getattr(want, name)
            if name in SETS:
                count.true_pos += len(g & w)
                count.predicted += len(g)
                count.expected += len(w)
            else:
                count.true_pos += g is not None and g == w
                count.predicted += g is not None
                count.expected += w is not None

    def lines(self, title: str) -> list[str]:
        out = [f"{title}: {self.reports} reports, {self.non_reports} non-reports"]
        for name, c in self.fields.items():
            out.append(
                f"  {name:<17} precision {c.precision:6.1%} ({c.true_pos}/{c.predicted})"
                f"  recall {c.recall:6.1%} ({c.true_pos}/{c.expected})"
            )
        out.append(
            f"  non-reports taken for reports: {self.false_report_share:.1%}"
            f" ({self.taken_for_reports}/{self.non_reports})"
        )
        return out


def score(rows: Iterable[tuple[str, Report]], parse: Callable[[str], Report]) -> Score:
    result = Score()
    for text, want in rows:
        result.add(parse(text), want)
    return result


def _disagreements(path: Path) -> None:
    from bot.nlu import parse_report

    language = "es" if path.name.startswith("reports_es_") else "en"
    for text, want in load(path):
        got = parse_report(text, language)
        wrong = [f"{n}: got {getattr(got, n)!r} want {getattr(want, n)!r}"
                 for n in FIELDS if getattr(got, n) != getattr(want, n)]  # fmt: skip
        if wrong:
            print(text, *wrong, sep="\n    ")


if __name__ == "__main__":
    for name in sys.argv[1:] or [p.name for p in sorted(DATA.glob("reports_*.tsv"))]:
        _disagreements(DATA / name)
