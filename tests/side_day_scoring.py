"""How well the report reader tells the side of the face and the day a report is about, on the
labelled set tests/data/sides_days_independent.tsv (conventions in tests/data/sides_days.md).
`python -m tests.side_day_scoring` lists every disagreement."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.language.report_parts import Report

DATA = Path(__file__).parent / "data" / "sides_days_independent.tsv"
TODAY = date(2026, 12, 9)  # the set's "today", a Wednesday


@dataclass(frozen=True)
class Row:
    text: str
    places: frozenset[tuple[str, str]]  # (place, side), side "unknown" where none was said
    day: str  # "today", "future" or an ISO date


def load(path: Path = DATA) -> list[Row]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["text", "places", "day"], lines[0]
    rows = []
    for line in lines[1:]:
        text, places, day = line.split("\t")
        pairs = frozenset() if places == "-" else frozenset(tuple(p.split(":")) for p in places.split(","))
        rows.append(Row(text, pairs, day))  # type: ignore[arg-type]
    return rows


def read_places(report: Report) -> frozenset[tuple[str, str]]:
    sides = dict(report.sides)
    return frozenset((place, sides.get(place, "unknown")) for place in report.locations)


@dataclass
class SideDayScore:
    pairs_right: int = 0
    pairs_read: int = 0
    pairs_labelled: int = 0
    sides_labelled: int = 0  # places with left, right or both in the labels
    sides_right: int = 0  # of those, read with the same side
    sides_invented: int = 0  # a side read where the label says none was given
    days_right: int = 0
    days: int = 0
    past_labelled: int = 0
    past_right: int = 0
    past_invented: int = 0  # a past day read for a report about today

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "  n/a"

        return [
            f"  place:side pairs  precision {pct(self.pairs_right, self.pairs_read)}"
            f"  recall {pct(self.pairs_right, self.pairs_labelled)}",
            f"  sides said        read right {pct(self.sides_right, self.sides_labelled)}"
            f"; a side invented {self.sides_invented} time(s)",
            f"  day               right {pct(self.days_right, self.days)}; past days right "
            f"{pct(self.past_right, self.past_labelled)}; a past day invented {self.past_invented} time(s)",
        ]


def score(
    rows: list[Row], read: Callable[[str], Report], day_of: Callable[[Report], str], show: bool = False
) -> SideDayScore:
    s = SideDayScore()
    for row in rows:
        report = read(row.text)
        got = read_places(report)
        s.pairs_read += len(got)
        s.pairs_labelled += len(row.places)
        s.pairs_right += len(got & row.places)
        said = {p: side for p, side in row.places if side != "unknown"}
        got_sides = dict(got)
        s.sides_labelled += len(said)
        s.sides_right += sum(got_sides.get(p) == side for p, side in said.items())
        s.sides_invented += sum(
            1 for p, side in row.places if side == "unknown" and got_sides.get(p, "unknown") != "unknown"
        )
        day = day_of(report)
        s.days += 1
        s.days_right += day == row.day
        if row.day not in ("today", "future"):
            s.past_labelled += 1
            s.past_right += day == row.day
        elif day not in ("today", "future"):
            s.past_invented += 1
        if show and (got != row.places or day != row.day):
            print(f"{row.text}\n   labelled {sorted(row.places)} {row.day}\n   read     {sorted(got)} {day}")
    return s


def main(argv: list[str]) -> None:
    from bot.nlu import day_of_report, parse_report

    result = score(load(), parse_report, lambda r: day_of_report(r, TODAY), show=True)
    print("\n".join(result.lines()))


if __name__ == "__main__":
    main(sys.argv[1:])
