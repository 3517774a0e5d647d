"""What a person recorded over a week or a month, compared with the period before."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Tip
from bot.domain.care import Signs, reasons_in
from bot.domain.checkin_flow import sides_of, split
from bot.domain.clock import Clock
from bot.domain.cycles import strengths
from bot.domain.medicine_changes import ChangeKind, MedicineChange, followed, followed_since
from bot.domain.schedule import local_today
from bot.services.common import find_user
from bot.services.tips import TipService
from bot.services.treatment_queries import events_of, medicines_of
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, User
from bot.storage.unit_of_work import unit_of_work

PERIOD_DAYS = {"week": 7, "month": 30}
MIN_DAYS = 2  # fewer recorded days than this: a kind message, no chart
HIGH_STRESS = 6
MIN_GROUP = 2  # days on each side before an insight about stress is shown
MIN_GAP = 0.3  # and the share of spasm days must differ by this much


@dataclass(frozen=True)
class Day:
    day: date
    recorded: bool
    had_spasm: bool
    severity: int | None  # the strongest that day
    stress: float | None


@dataclass(frozen=True)
class Stats:
    start: date
    end: date
    days: tuple[Day, ...]
    days_recorded: int
    spasm_days: int
    episodes: int
    avg_severity: float | None
    max_severity: int | None
    avg_stress: float | None
    avg_sleep: float | None
    triggers: tuple[tuple[str, int], ...]  # most frequent first, "not sure" left out
    places: tuple[tuple[str, str, int], ...] = ()  # (place, side or "", entries), most frequent first


@dataclass(frozen=True)
class Insight:
    high_days: int
    high_spasm: int
    calm_days: int
    calm_spasm: int


@dataclass(frozen=True)
class Summary:
    period: str  # week or month
    current: Stats
    previous: Stats
    insight: Insight | None
    tip: Tip | None
    tip_trigger: str | None
    care: tuple[str, ...]
    changes: tuple[MedicineChange, ...] = ()  # medicines started, changed or stopped, and what followed

    @property
    def enough(self) -> bool:
        return self.current.days_recorded >= MIN_DAYS


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def stats_for(entries: Sequence[Checkin], start: date, end: date) -> Stats:
    """Answered entries (done or partial) between start and end, inclusive. A day counts as
    recorded once something about spasms or stress was told (a morning left after its sleep
    question has not said how the face was)."""
    answered = [e for e in entries if start <= e.local_date <= end and e.status in ("done", "partial")]
    inside = [e for e in answered if e.had_spasm is not None or e.stress is not None]
    slept = [e.sleep_hours for e in answered if e.sleep_hours is not None]
    by_day: dict[date, list[Checkin]] = {}
    for entry in inside:
        by_day.setdefault(entry.local_date, []).append(entry)
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        todays = by_day.get(day, [])
        severities = [e.severity for e in todays if e.had_spasm and e.severity is not None]
        stresses = [float(e.stress) for e in todays if e.stress is not None]
        days.append(
            Day(day, bool(todays), any(e.had_spasm for e in todays), max(severities) if severities else None,
                _mean(stresses))
        )  # fmt: skip
    spasm_entries = [e for e in inside if e.had_spasm]
    severities = [e.severity for e in spasm_entries if e.severity is not None]
    counts = Counter(t for e in inside for t in split(e.triggers) if t != "not_sure")
    places = Counter(
        (place, dict(sides_of(e.sides)).get(place, "")) for e in spasm_entries for place in split(e.locations)
    )
    return Stats(
        start=start,
        end=end,
        days=tuple(days),
        days_recorded=len(by_day),
        spasm_days=sum(d.had_spasm for d in days),
        episodes=len(spasm_entries),
        avg_severity=_mean([float(s) for s in severities]),
        max_severity=max(severities) if severities else None,
        avg_stress=_mean([float(e.stress) for e in inside if e.stress is not None]),
        avg_sleep=_mean(slept),
        triggers=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        places=tuple((p, s, n) for (p, s), n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def stress_insight(stats: Stats) -> Insight | None:
    """Spasms on high-stress days against calmer ones, when the days support a comparison."""
    high = [d for d in stats.days if d.recorded and d.stress is not None and d.stress >= HIGH_STRESS]
    calm = [d for d in stats.days if d.recorded and d.stress is not None and d.stress < HIGH_STRESS]
    if len(high) < MIN_GROUP or len(calm) < MIN_GROUP:
        return None
    high_spasm, calm_spasm = sum(d.had_spasm for d in high), sum(d.had_spasm for d in calm)
    if abs(high_spasm / len(high) - calm_spasm / len(calm)) < MIN_GAP:
        return None
    return Insight(len(high), high_spasm, len(calm), calm_spasm)


class SummaryService:
    def __init__(self, db: SessionFactory, clock: Clock, tips: TipService, signs: Signs) -> None:
        self._db = db
        self._now = clock
        self._tips = tips
        self._signs = signs

    async def build(
        self, telegram_id: int, period: str = "week", end: date | None = None, length: int | None = None
    ) -> Summary | None:
        """The period (`length` days, else a week or a month) ending on `end` (today, in the
        person's zone, if not given), and the one before it; None if not set up."""
        length = length or PERIOD_DAYS[period]
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id)
            if user is None or user.timezone is None:
                return None
            last = end or local_today(self._now(), user.timezone)
            first_before = last - timedelta(days=2 * length - 1)
            entries = await self._entries(session, user, min(first_before, last - timedelta(days=41)), last)
            recent_tips = set(split(user.last_tip_ids))
            changes = await _medicine_changes(session, user, strengths(entries), last, length)
        start = last - timedelta(days=length - 1)
        current = stats_for(entries, start, last)
        previous = stats_for(entries, first_before, start - timedelta(days=1))
        top = current.triggers[0][0] if current.triggers else None
        tips = self._tips.choose([top], recent_tips, limit=1) if top else []
        return Summary(
            period=period,
            current=current,
            previous=previous,
            insight=stress_insight(current),
            tip=tips[0] if tips else None,
            tip_trigger=top,
            care=tuple(reasons_in(entries, last, self._signs)),
            changes=changes,
        )

    @staticmethod
    async def _entries(session: AsyncSession, user: User, first: date, last: date) -> list[Checkin]:
        query = select(Checkin).where(
            Checkin.user_id == user.id, col(Checkin.local_date) >= first, col(Checkin.local_date) <= last
        )
        return list(await session.exec(query))


async def _medicine_changes(
    session: AsyncSession, user: User, by_day: dict[date, int], last: date, length: int
) -> tuple[MedicineChange, ...]:
    """Each medicine started, changed or stopped in the stretch the summary follows, oldest first;
    what followed a change is read up to the next change of the same medicine."""
    assert user.id is not None
    medicines = await medicines_of(session, user.id)
    said: list[tuple[int | None, ChangeKind, date, float | None, str | None]] = [
        (m.id, "start", m.started_on, m.dose, m.unit) for m in medicines
    ]
    for event in await events_of(session, [m.id for m in medicines], "dose", "stop"):
        kind: ChangeKind = "dose" if event.kind == "dose" else "stop"
        said.append((event.treatment_id, kind, event.local_date, event.dose, event.unit))
    said.sort(key=lambda c: c[2])
    names, since, found = {m.id: m.name or "" for m in medicines}, followed_since(last, length), []
    for index, (medicine, kind, day, dose, unit) in enumerate(said):
        following = [d for m, _, d, _, _ in said[index + 1 :] if m == medicine and d > day]
        until = min([last, *(d - timedelta(days=1) for d in following)])
        if since <= day <= last:
            found.append(followed(names[medicine], kind, day, dose, unit, by_day, until))
    return tuple(found)
