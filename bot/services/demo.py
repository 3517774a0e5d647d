"""Four weeks of realistic diary entries for the console person (`:demo`), so that a newcomer sees
summaries, charts, /history and the exports at once instead of after a week."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from bot.domain.clock import Clock
from bot.domain.schedule import local_today
from bot.services.common import find_user, is_set_up
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin
from bot.storage.unit_of_work import unit_of_work

DAYS = 28
PLACES = (("eyelid", 6), ("eyebrow", 2), ("cheek", 2), ("lip", 1))
SIDES = (("left", 5), ("right", 3), ("both", 1))
NOTES = ("Long day of screens at work.", "Better after a walk outside.", "Two coffees before noon.")


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


class DemoService:
    def __init__(self, db: SessionFactory, clock: Clock) -> None:
        self._db = db
        self._now = clock

    async def fill(self, telegram_id: int, seed: int = 7) -> int:
        """Made-up entries on each of the last four weeks' days that has none (nothing recorded is
        touched); the number made, or 0 if not set up. The console's `:demo` only."""
        rng = random.Random(seed)
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user) or user.id is None or user.timezone is None:
                return 0
            zone, today = ZoneInfo(user.timezone), local_today(self._now(), user.timezone)
            first = today - timedelta(days=DAYS)
            recent = select(Checkin).where(Checkin.user_id == user.id, col(Checkin.local_date) >= first)
            taken = {entry.local_date for entry in await session.exec(recent)}
            made = 0
            for back in range(DAYS, 0, -1):
                day = today - timedelta(days=back)
                if day in taken:
                    continue
                stress = min(10, max(0, round(rng.gauss(4 + (day.weekday() < 5) * 1.5, 2))))
                sleep = round(min(9.5, max(4.0, rng.gauss(6.8 - stress * 0.15, 0.8))) * 2) / 2
                spasm = rng.random() < 0.25 + stress * 0.06
                odds = {"stress": stress >= 6, "poor_sleep": sleep < 6, "caffeine": rng.random() < 0.3}
                odds["screen"] = rng.random() < 0.4
                triggers = [t for t, on in odds.items() if on]
                evening = datetime.combine(day, time(20, 30), zone)
                entry = Checkin(
                    user_id=user.id, kind="checkin", local_date=day, status="done", step="done",
                    had_spasm=spasm, stress=stress, sleep_hours=sleep, triggers=",".join(triggers),
                    created_at=evening, completed_at=evening, red_flags="" if spasm else None,
                )  # fmt: skip
                if spasm:
                    place = _pick(rng, PLACES)
                    entry.locations, entry.sides = place, f"{place}:{_pick(rng, SIDES)}"
                    entry.severity = min(10, max(1, round(rng.gauss(3 + stress * 0.4, 1.5))))
                    entry.duration = rng.choice(("seconds", "minutes", "minutes", "hour"))
                if back in (3, 11, 20):
                    note = {"at": evening.astimezone(ZoneInfo("UTC")).isoformat(), "text": NOTES[back % 3]}
                    entry.notes = json.dumps([note])
                session.add(entry)
                made += 1
                if spasm and rng.random() < 0.4:  # an episode logged on the spot, often the other side
                    session.add(self._episode(rng, user.id, day, datetime.combine(day, time(14, 10), zone)))
                    made += 1
            return made

    @staticmethod
    def _episode(rng: random.Random, user_id: int, day: date, at: datetime) -> Checkin:
        place = _pick(rng, PLACES)
        return Checkin(
            user_id=user_id, kind="episode", local_date=day, status="done", step="done", had_spasm=True,
            locations=place, sides=f"{place}:{_pick(rng, SIDES)}", severity=rng.randint(2, 7),
            duration=rng.choice(("seconds", "minutes")), red_flags="", stress=rng.randint(2, 7), triggers="",
            created_at=at, completed_at=at,
        )  # fmt: skip
