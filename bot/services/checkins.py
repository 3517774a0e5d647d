"""Check-ins in the database: opening, answering, correcting and closing them, one transaction each."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Tip
from bot.domain.care import Signs
from bot.domain.checkin_flow import (
    EDITABLE,
    MULTI_STEPS,
    NUMBER_STEPS,
    CheckinView,
    Outcome,
    apply_answer,
    discard,
    next_step,
    split,
    start_correction,
    typed_button,
    view_of,
)
from bot.domain.clock import Clock
from bot.domain.days import past_days
from bot.domain.schedule import local_today
from bot.domain.slots import DAILY
from bot.language.report_reader import Report, ReportReader
from bot.services.care import care_due
from bot.services.common import find_user, is_set_up
from bot.services.entries import day_already_covered, latest_open, note_target, open_checkin, shown
from bot.services.free_text import duration_bucket, merge_draft, read_typed, start_draft, take_report
from bot.services.languages import ByLanguage
from bot.services.notes import save_note
from bot.services.results import CheckinResult
from bot.services.tips import TipService
from bot.storage.db import SessionFactory
from bot.storage.models import Checkin, SafetyEvent, User
from bot.storage.unit_of_work import unit_of_work

__all__ = ["CheckinResult", "CheckinService", "CheckinView", "Outcome"]

NOTE_WINDOW = timedelta(hours=1)


class CheckinService:
    def __init__(
        self,
        db: SessionFactory,
        clock: Clock,
        tips: TipService,
        signs: Signs,
        readers: ByLanguage[ReportReader],
    ) -> None:
        self._readers = readers  # typed answers are read in the words of the person's language
        self._db = db
        self._now = clock
        self._tips = tips
        self._signs = signs

    async def begin(self, telegram_id: int, kind: str) -> CheckinResult:
        """/checkin and /log: show the one of that kind under way, else open a new one."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None or not is_set_up(user):
                return CheckinResult(Outcome.NEED_SETUP)
            user.awaiting_input = None
            kinds, now = DAILY if kind == "checkin" else (kind,), self._now()  # a morning one is today's too
            current = await latest_open(session, user, now, kinds, corrections=False)
            if current is not None:
                return CheckinResult(Outcome.SHOW, view_of(current), resumed=True)
            assert user.timezone is not None
            checkin = await open_checkin(session, user, local_today(now, user.timezone), kind, now)
            return CheckinResult(Outcome.SHOW, view_of(checkin))

    async def attach_message(self, checkin_id: int, message_id: int) -> None:
        """Remember which message shows the check-in, so buttons on older copies go stale."""
        async with unit_of_work(self._db) as session:
            checkin = await session.get(Checkin, checkin_id, with_for_update=True)
            if checkin is not None:
                checkin.message_id = message_id

    async def press(
        self, telegram_id: int, checkin_id: int, step: str, value: str, message_id: int | None
    ) -> CheckinResult:
        """A button press; anything that does not match the check-in's current state writes nothing."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            checkin = await session.get(Checkin, checkin_id, with_for_update=True)
            if (
                user is None
                or checkin is None
                or checkin.user_id != user.id
                or (message_id is not None and checkin.message_id not in (None, message_id))
            ):
                return CheckinResult(Outcome.STALE)
            if step == "card":
                result = await self._card_action(session, user, checkin, value)
            elif step == "day":
                return await self._move_day(session, user, checkin, value)
            elif checkin.status != "open" or checkin.step != step:
                return CheckinResult(Outcome.STALE)
            elif step == "review" and value == "edit":
                result = CheckinResult(Outcome.CORRECT_MENU, await shown(session, checkin))
            else:
                outcome = apply_answer(checkin, step, value)
                if outcome is None:
                    return CheckinResult(Outcome.STALE)
                result = await self._advance(session, user, checkin, outcome)
                if step == "redflags" and checkin.red_flags:
                    result = replace(result, emergency=split(checkin.red_flags))
                    assert user.id is not None
                    reasons = checkin.red_flags
                    session.add(
                        SafetyEvent(
                            user_id=user.id,
                            occurred_at=self._now(),
                            level="emergency",
                            reasons=reasons,
                            source="checkin",
                        )
                    )
            if result.outcome != Outcome.STALE and is_set_up(user):
                user.awaiting_input = None  # a tap on the diary ends a pending "type a time zone"
            return result

    async def typed(self, telegram_id: int, text: str, word: str | None = None) -> CheckinResult | None:
        """Typed text for the diary: the note the person asked to write, a 0-10 answer to the step
        waiting for one, or a report in free text (shown for review, not yet saved); None if it is
        none of these."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            noted = await note_target(session, user, self._now())
            if noted is not None:  # "Add a note" was tapped: this message is the note
                return save_note(noted, text, self._now())
            current = await latest_open(session, user, self._now())
            if current is not None and self._answer_typed(current, text, word):
                return await self._advance(session, user, current, Outcome.SHOW)
            if current is not None and current.amends_id is not None and not current.review:
                current = None  # a correction takes only its own answer; the rest is not about it
            report = read_typed(self._readers.get(), text, current)
            if report.is_report and is_set_up(user):
                return await self._take_report(session, user, current, report)
            if current is not None and current.step in NUMBER_STEPS:
                return CheckinResult(Outcome.NUMBER_HINT, view_of(current))
            return CheckinResult(Outcome.USE_BUTTONS, view_of(current)) if current else None

    async def cancel(self, telegram_id: int) -> CheckinResult | None:
        """/cancel or a Cancel button: the note being written, and the entry under way (a draft, a
        report waiting for Save, a correction or a check-in), are dropped; saved entries stay exactly
        as they were. None when nothing was under way."""
        async with unit_of_work(self._db) as session:
            user = await find_user(session, telegram_id, lock=True)
            if user is None:
                return None
            cancelled = False
            while (noted := await note_target(session, user, self._now())) is not None:
                noted.note_open_until, cancelled = None, True
            current = await latest_open(session, user, self._now())
            if current is not None:
                if current.amends_id is not None:
                    await session.delete(current)  # unsaved changes to a saved entry
                else:
                    discard(current)
                cancelled = True
            return CheckinResult(Outcome.CANCELLED) if cancelled else None

    def _answer_typed(self, checkin: Checkin, text: str, word: str | None) -> bool:
        """A typed answer for the step waiting: 0-10, hours slept, or a "no"/"skip"/"yes" that
        stands for one of its buttons."""
        button = typed_button(checkin.step, word) if word else None
        if button is not None and apply_answer(checkin, checkin.step, button) is not None:
            return True
        if checkin.step == "duration":
            minutes = self._readers.get().bare_duration(text)
            if (
                minutes is not None
                and apply_answer(checkin, "duration", duration_bucket(minutes)) is not None
            ):
                checkin.duration_minutes = minutes
                return True
            return False
        if checkin.step == "sleep":
            hours = self._readers.get().bare_hours(text)
            if hours is not None:
                checkin.sleep_hours, checkin.sleep_asked = hours, True
            return hours is not None
        value = self._readers.get().bare_scale(text) if checkin.step in NUMBER_STEPS else None
        return value is not None and apply_answer(checkin, checkin.step, str(value)) is not None

    async def _take_report(
        self, session: AsyncSession, user: User, current: Checkin | None, report: Report
    ) -> CheckinResult:
        target = await take_report(session, user, current, report, self._now())
        if target is None:
            return CheckinResult(Outcome.DAY_FUTURE)
        return CheckinResult(Outcome.SHOW, await shown(session, target))

    async def _advance(
        self, session: AsyncSession, user: User, checkin: Checkin, outcome: Outcome
    ) -> CheckinResult:
        checkin.step = next_step(checkin)
        if checkin.step in MULTI_STEPS and not checkin.draft:
            checkin.draft = getattr(checkin, checkin.step) or ""
        tips: list[Tip] = []
        care: list[str] = []
        first = False
        if checkin.step == "done":
            first = checkin.completed_at is None
            if checkin.amends_id is not None:
                checkin = await self._save_draft(session, checkin)
            checkin.status, checkin.editing, checkin.backup = "done", False, None
            checkin.completed_at = checkin.completed_at or self._now()
            if first:
                tips = self._tips.choose(
                    list(split(checkin.triggers)),
                    set(split(user.last_tip_ids)),
                    spasms=bool(checkin.had_spasm),
                )
                user.last_tip_ids = ",".join(t.id for t in tips)
            # Every save, first or changed, is checked (care_due itself says so weekly at most).
            assert user.timezone is not None
            await session.flush()
            today = local_today(self._now(), user.timezone)
            care = await care_due(session, user, today, self._now(), self._signs)
        return CheckinResult(outcome, await shown(session, checkin), tips, care=tuple(care), completed=first)

    @staticmethod
    async def _save_draft(session: AsyncSession, draft: Checkin) -> Checkin:
        """Save of a draft: its answers go into the saved entry it amends, and the draft goes."""
        saved = await session.get(Checkin, draft.amends_id, with_for_update=True)
        if saved is None or saved.user_id != draft.user_id:  # deleted meanwhile: the draft stands alone
            draft.amends_id = None
            return draft
        merge_draft(draft, saved)
        await session.delete(draft)
        return saved

    async def _card_action(
        self, session: AsyncSession, user: User, checkin: Checkin, value: str
    ) -> CheckinResult:
        # Any of the person's finished entries, from its current card (press() checked the
        # message): the latest one's card, or an older one reopened from /history.
        if checkin.status not in ("done", "partial") and not checkin.review:
            return CheckinResult(Outcome.STALE)
        if value == "note" and not checkin.review:
            checkin.note_open_until = self._now() + NOTE_WINDOW
            return CheckinResult(Outcome.NOTE_ASK, view_of(checkin))
        if value in ("fix", "back"):
            return CheckinResult(Outcome.CORRECT_MENU if value == "fix" else Outcome.SHOW, view_of(checkin))
        if value not in EDITABLE:
            return CheckinResult(Outcome.STALE)
        # A saved entry is corrected in a draft, so it stays counted as it is until the draft is done.
        target = checkin if checkin.status == "open" else await self._draft_of(session, checkin)
        start_correction(target, value)
        return CheckinResult(Outcome.SHOW, view_of(target))

    async def _move_day(
        self, session: AsyncSession, user: User, checkin: Checkin, value: str
    ) -> CheckinResult:
        """ "Another day": the days offered, or the entry moved to one of them (never a later day,
        never onto a day whose check-in is saved already)."""
        if (
            checkin.status != "open"
            or checkin.review
            or checkin.amends_id is not None
            or user.timezone is None
        ):
            return CheckinResult(Outcome.STALE)
        days = past_days(local_today(self._now(), user.timezone))
        if value == "pick":
            return CheckinResult(Outcome.DAY_MENU, view_of(checkin), days=tuple(days))
        back = int(value[1:]) if value[:1] == "d" and value[1:].isdigit() else len(days)
        if back >= len(days):
            return CheckinResult(Outcome.STALE)
        day = days[back]
        if await day_already_covered(session, user, day, checkin.kind):  # (an episode never is)
            return CheckinResult(Outcome.DAY_TAKEN, view_of(checkin))
        checkin.local_date = day
        return CheckinResult(Outcome.SHOW, view_of(checkin), moved_to=day)

    async def _draft_of(self, session: AsyncSession, saved: Checkin) -> Checkin:
        """The draft of changes to a saved entry: the one under way (a report waiting for Save,
        or another correction), else a new one."""
        query = select(Checkin).where(Checkin.amends_id == saved.id, Checkin.status == "open")
        draft = (await session.exec(query.with_for_update())).first()
        if draft is None:
            draft = Checkin(
                user_id=saved.user_id, local_date=saved.local_date, kind=saved.kind, created_at=self._now()
            )
            start_draft(draft, saved)
            session.add(draft)
            await session.flush()
        draft.message_id = saved.message_id
        return draft
