"""Treatments for the CSV and the doctor report: every injection, medicine, operation and what
was recorded after each, and the last few injection cycles worked out from the diary."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from bot.domain.checkin_flow import sides_of, split
from bot.domain.cycle_questions import SCORE_KINDS, scores_around
from bot.domain.cycles import Curve, Cycle, curve, cycles, strengths
from bot.services.common import find_user
from bot.services.export import check_header
from bot.services.treatment_scores import START, StartScore, cycle_scores, start_of
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, Treatment, TreatmentEvent
from bot.storage.unit_of_work import unit_of_work

CSV_COLUMNS = ("date", "kind", "name", "dose", "unit", "detail", "treatment_started")
CYCLES_IN_REPORT = 4
EVENT_KINDS = {  # what each kind of event is called in the CSV
    "dose": "dose_change",
    "stop": "medicine_stop",
    "wearing_off": "wearing_off",
    "started": "started_working",
    "effect": "effect_rating",
    "side_effect": "side_effect",
    "severity": "score_in_the_way",
    "frequency": "score_how_often",
}


@dataclass(frozen=True)
class CycleReport:
    """One injection's cycle as the report shows it."""

    cycle: Cycle
    name: str | None
    dose: float | None
    unit: str | None
    side_effects: tuple[tuple[date, str], ...]  # day, side effect id
    ratings: tuple[tuple[date, int], ...]  # "how well is it working", 0-4
    scores: tuple[tuple[str, int, int], ...] = ()  # (before | after, in the way, how often)
    places: tuple[str, ...] = ()  # where it was injected, when the person said
    sides: tuple[tuple[str, str], ...] = ()  # (place, side) where the side was said


@dataclass(frozen=True)
class TreatmentRecord:
    rows: tuple[tuple[str, ...], ...]  # the CSV's, oldest first
    cycles: tuple[CycleReport, ...]  # the last few injections, oldest first
    medicines: tuple[tuple[Treatment, tuple[TreatmentEvent, ...]], ...]  # each with its changes
    series: tuple[tuple[date, Curve], ...] = ()  # the last few injections: day, strengths
    start: StartScore | None = None  # the self-rated score given as the starting point


def treatments_csv(rows: tuple[tuple[str, ...], ...], header: Sequence[str] = CSV_COLUMNS) -> bytes:
    """`header` names CSV_COLUMNS in the reader's language."""
    check_header(header, CSV_COLUMNS, "the treatments CSV")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _where(treatment: Treatment) -> str:
    """ "eyelid:both,cheek": each place injected, with its side where one was said."""
    sides = dict(sides_of(treatment.sides))
    return ",".join(f"{p}:{sides[p]}" if p in sides else p for p in split(treatment.places))


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class TreatmentExport:
    def __init__(self, db: SessionFactory) -> None:
        self._db = db

    async def collect(self, telegram_id: int) -> TreatmentRecord | None:
        """None when the person recorded no treatment."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.id is None:
                return None
            query = select(Treatment).where(Treatment.user_id == user.id)
            treatments = list((await session.exec(query.order_by(col(Treatment.started_on)))).all())
            if not treatments:
                return None
            query_events = select(TreatmentEvent).where(TreatmentEvent.user_id == user.id)
            events = list((await session.exec(query_events.order_by(col(TreatmentEvent.local_date)))).all())
            entries = (await session.exec(select(Checkin).where(Checkin.user_id == user.id))).all()
            by_day = strengths(entries)
        return _record(treatments, events, by_day)


def _record(
    treatments: list[Treatment], events: list[TreatmentEvent], by_day: dict[date, int]
) -> TreatmentRecord:
    started = {t.id: t for t in treatments}
    rows = [
        (t.started_on.isoformat(), "medicine_start" if t.kind == "medicine" else t.kind, t.name or "",
         _number(t.dose), t.unit or "", _where(t), "")
        for t in treatments
    ]  # fmt: skip
    for e in events:
        parent = started[e.treatment_id]
        at_start = e.detail == START  # a starting score: its value is the detail, its kind says so
        detail = (None if at_start else e.detail) or ("" if e.value is None else str(e.value))
        kind = EVENT_KINDS.get(e.kind, e.kind) + ("_at_start" if at_start else "")
        rows.append(
            (e.local_date.isoformat(), kind, parent.name or "", _number(e.dose),
             e.unit or "", detail, parent.started_on.isoformat())
        )  # fmt: skip
    injections = [t for t in treatments if t.kind == "injection"]
    wearing = [e.local_date for e in events if e.kind == "wearing_off"]
    found = cycles([t.started_on for t in injections], by_day, wearing)
    reports = []
    for injection, cycle in list(zip(injections, found, strict=True))[-CYCLES_IN_REPORT:]:
        mine = [e for e in events if e.treatment_id == injection.id]
        effects = [
            (e.local_date, d) for e in mine if e.kind == "side_effect" for d in (e.detail or "").split(",")
        ]
        ratings = [(e.local_date, e.value) for e in mine if e.kind == "effect" and e.value is not None]
        reports.append(
            CycleReport(
                cycle, injection.name, injection.dose, injection.unit, tuple(effects), tuple(ratings),
                _scores(injection, mine), split(injection.places), sides_of(injection.sides),
            )
        )  # fmt: skip
    medicines = tuple(
        (t, tuple(e for e in events if e.treatment_id == t.id and e.kind in ("dose", "stop")))
        for t in treatments
        if t.kind == "medicine"
    )
    series = tuple((c.cycle.injected, curve(c.cycle, by_day)) for c in reports)
    start = start_of([e for e in events if e.detail == START and e.kind in SCORE_KINDS])
    return TreatmentRecord(tuple(sorted(rows, key=lambda r: r[0])), tuple(reports), medicines, series, start)


def _scores(injection: Treatment, events: list[TreatmentEvent]) -> tuple[tuple[str, int, int], ...]:
    """The score just before the injection and 4-6 weeks after, where both halves were given."""
    before, after = scores_around(injection.started_on, cycle_scores(events))
    return tuple(
        (when, severity, frequency)
        for when, (severity, frequency) in (("before", before), ("after", after))
        if severity is not None and frequency is not None
    )
