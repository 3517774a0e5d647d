"""A check-in written in free text: which entry it belongs to, and what it fills in. Nothing of it
counts until the person taps Save; abandoned, the entry goes back to what it was."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.checkin_flow import (
    ANSWER_FIELDS,
    MULTI_STEPS,
    clear_spasm,
    keep_backup,
    next_step,
    split,
    with_side,
)
from bot.domain.days import resolve
from bot.domain.schedule import local_today
from bot.domain.slots import DAILY
from bot.language.report_reader import Report, ReportReader
from bot.services.entries import open_checkin
from bot.storage.models import Checkin, User


def read_typed(reader: ReportReader, text: str, current: Checkin | None) -> Report:
    """What a message says for the diary. Beside a check-in under way, "actually make it 6" on its
    own changes the latest 0-10 answer given (shown back, like any report, before it counts)."""
    report = reader.read(text)
    if report.is_report or current is None or current.step in ("severity", "stress"):
        return report
    # Where hours of sleep are asked, "it was 6" may answer that: only a plain change counts. How
    # long is asked with buttons, and a bare figure has no unit: "actually 5" is the strength.
    figure = reader.bare_correction(text, own_figure_asked=current.step == "sleep")
    if figure is None or (current.severity is None and current.stress is None):
        return report
    return Report(stress=figure) if current.stress is not None else Report(had_spasm=True, severity=figure)


def duration_bucket(minutes: int) -> str:
    """The nearest of the duration buttons, for entries compared in summaries."""
    if minutes <= 1:
        return "seconds"
    if minutes < 45:
        return "minutes"
    return "hour" if minutes < 240 else "day"


@dataclass(frozen=True)
class Target:
    """Where a report goes: an entry under way, or a new entry of `kind` (amending `saved`, if any)."""

    entry: Checkin | None
    kind: str = "checkin"
    saved: Checkin | None = None


async def report_target(session: AsyncSession, user: User, report: Report, today: date) -> Target:
    """Today's check-in under way, however long ago it was opened; else a draft of changes to
    today's answered check-in (new spasms after it are an episode instead); else a new check-in."""
    query = select(Checkin).where(
        Checkin.user_id == user.id,
        col(Checkin.kind).in_(DAILY),
        Checkin.local_date == today,
        col(Checkin.status).in_(("open", "done", "partial")),
    )
    entries = list(await session.exec(query.order_by(col(Checkin.id).desc()).with_for_update()))
    # (a correction of a saved entry waiting for its answer is not where news goes)
    under_way = next((e for e in entries if e.status == "open" and (e.amends_id is None or e.review)), None)
    if under_way is not None:
        return Target(under_way)
    saved = [e for e in entries if e.kind == "checkin"]  # a morning one is not where the day's news goes
    if not saved:
        return Target(None)
    return Target(None, "episode") if report.had_spasm else Target(None, "checkin", saved[0])


def start_draft(draft: Checkin, saved: Checkin) -> None:
    """A new entry holding the saved answers, to take the report's changes until Save."""
    for name in ANSWER_FIELDS:
        setattr(draft, name, getattr(saved, name))
    draft.amends_id, draft.completed_at = saved.id, saved.completed_at  # tips were given already


def merge_draft(draft: Checkin, saved: Checkin) -> None:
    """Save: the draft's answers become the saved entry's."""
    for name in ANSWER_FIELDS:
        setattr(saved, name, getattr(draft, name))
    saved.message_id, saved.status, saved.step = draft.message_id, "done", "done"


def start_fresh(checkin: Checkin) -> None:
    """A check-in opened for a report: abandoned unconfirmed, it ends with no answers at all."""
    empty = {**dict.fromkeys(ANSWER_FIELDS), "sleep_asked": checkin.sleep_asked}
    checkin.backup = json.dumps({**empty, "status": "missed"})
    checkin.had_spasm = None


def apply_report(c: Checkin, report: Report) -> None:
    """Fill in what the report says (places and triggers are added to, amounts replaced), then go
    to the first question still open, or to the review card."""
    keep_backup(c)
    # Picks ticked on a places or triggers step but not yet confirmed are kept, not lost.
    ticked = (c.step, set(split(c.draft))) if c.step in MULTI_STEPS else ("", set())
    c.status, c.review, c.editing, c.draft, c.note_open_until = "open", True, True, "", None
    if report.had_spasm is False and c.kind == "episode":
        pass  # an episode is a spasm by definition: "none" there says nothing new
    elif report.had_spasm is False:
        c.had_spasm = False
        clear_spasm(c)
    elif report.had_spasm:
        c.had_spasm = True
        if report.locations:
            c.locations = _added(split(c.locations), report.locations, "locations")
        for place, side in report.sides:
            c.sides = with_side(c.sides, place, side)
        if report.severity is not None:
            c.severity = report.severity
        if report.duration_minutes is not None:
            c.duration, c.duration_minutes = duration_bucket(report.duration_minutes), report.duration_minutes
    if report.stress is not None:
        c.stress = report.stress
    if report.triggers:
        c.triggers = _added(split(c.triggers), report.triggers, "triggers")
    if report.sleep_hours is not None:
        c.sleep_hours = report.sleep_hours
    step, picks = ticked
    if picks and getattr(c, step) is not None:  # the report answered that step: add the picks
        setattr(c, step, _added(split(getattr(c, step)), picks, step))
    c.step = next_step(c)
    if c.step in MULTI_STEPS:
        c.draft = _added(split(getattr(c, c.step)), picks if c.step == step else set(), c.step)


def _added(current: Iterable[str], new: Iterable[str], step: str) -> str:
    """A places or triggers answer with `new` added, stored in button order; a named trigger
    replaces "not sure", as a tap on it does."""
    picks = {*current, *new}
    if step == "triggers" and len(picks) > 1:
        picks.discard("not_sure")
    return ",".join(sorted(picks, key=MULTI_STEPS[step].index))


async def take_report(
    session: AsyncSession, user: User, current: Checkin | None, report: Report, now: datetime
) -> Checkin | None:
    """The entry a report goes into, filled in and waiting for Save: on the day it is about (today
    unless it says otherwise); None for a day still to come, which nothing is written for."""
    assert user.timezone is not None
    today = local_today(now, user.timezone)
    day = resolve(report.day, today) if report.day is not None else today
    if day == "future":
        return None
    day = day or today  # a date that does not exist ("the 31st" of November) reads as today
    # A report under way takes what follows, whatever day it is about, unless this names another.
    follows = current is not None and (current.local_date == day or (current.review and report.day is None))
    target = current if follows else None
    if target is None:
        where = await report_target(session, user, report, day)
        target = where.entry
        if target is None:
            # Another day's entry leaves today's check-in under way as it is.
            target = await open_checkin(session, user, day, where.kind, now, close_others=day == today)
            if where.saved is not None:
                start_draft(target, where.saved)
            else:
                start_fresh(target)
    apply_report(target, report)
    return target
