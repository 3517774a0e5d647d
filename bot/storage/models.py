"""All tables in one place; ids are BigInteger and timestamps are aware UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, TypeDecorator, UniqueConstraint
from sqlalchemy import true as sa_true
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _ts(**kwargs: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kwargs)


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_type=BigInteger, unique=True, index=True)
    chat_id: int = Field(sa_type=BigInteger)
    timezone: str | None = None
    checkin_minute: int | None = None  # minutes after local midnight: the first of checkin_times
    checkin_times: str | None = (
        None  # every daily check-in ("480,1260"), up to three; None: just checkin_minute
    )
    moving_minute: int | None = None  # the check-in being moved while its new time is asked for
    awaiting_input: str | None = None  # "timezone" or "time" while a typed answer is expected
    paused: bool = False
    blocked: bool = False
    next_due_at: datetime | None = _ts(default=None, index=True)
    last_tip_ids: str = ""
    last_care_at: datetime | None = _ts(default=None)  # the last "see a doctor soon" from the diary
    summary_weekday: int = 6  # Monday 0 .. Sunday 6: the weekly summary's local day and time
    summary_minute: int = 19 * 60
    next_summary_at: datetime | None = _ts(default=None, index=True)
    treatment_draft: str | None = None  # a typed treatment shown back, waiting for Save (JSON)
    booking_weeks: int | None = None  # remind to book the next injection this long after one; None: off
    next_booking_at: datetime | None = _ts(default=None, index=True)
    medicine_minute: int | None = None  # the daily reminder to take medicines, local minutes; None: off
    next_medicine_at: datetime | None = _ts(default=None, index=True)
    language: str | None = Field(default=None, max_length=8)  # chosen with /language; None: not chosen
    created_at: datetime = _ts(default_factory=utcnow)
    updated_at: datetime = _ts(default_factory=utcnow)


class Checkin(SQLModel, table=True):
    """One answered (or open) check-in, or an episode logged on the spot (kind="episode")."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_user_status", "user_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    kind: str = "checkin"
    local_date: date
    status: str = "open"  # open, done, missed
    step: str = "spasm"
    editing: bool = False
    review: bool = False  # read from free text: shown for Save / Edit before it counts
    # A draft of changes to this saved check-in (from free text): the saved one stays as it is,
    # counted everywhere, until Save copies the draft into it.
    amends_id: int | None = None
    slot: int | None = None  # the scheduled check-in (its local minute) that opened it; None: by hand
    had_spasm: bool | None = None
    locations: str | None = None  # comma-separated ids once confirmed
    sides: str | None = None  # side of the face per place, "eyelid:left,cheek:both"; a place may have none
    severity: int | None = None
    duration: str | None = None
    duration_minutes: int | None = None  # as typed in free text ("20 minutes"); None when tapped
    stress: int | None = None
    triggers: str | None = None  # comma-separated ids once confirmed
    notes: str = "[]"  # JSON list of {"at": UTC ISO time, "text": ...}: only ever appended to
    note_open_until: datetime | None = _ts(default=None)  # "Add a note" was tapped: the next text is it
    sleep_hours: float | None = None
    sleep_asked: bool = False  # the sleep question was answered or skipped: never asked twice a day
    red_flags: str | None = None  # the "Anything else right now?" answer: flag ids, "" for none
    draft: str = ""  # the picks of a multi-choice step not yet confirmed
    backup: str | None = None  # the saved answers (JSON) while a correction is under way
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = _ts(default_factory=utcnow)
    completed_at: datetime | None = _ts(default=None)


OUTBOX_KEY = ["user_id", "kind", "local_date", "slot"]  # one prompt per person, kind, day and check-in


class Outbox(SQLModel, table=True):
    """A prompt to send; unique per (user, kind, local day, slot) so it can never go out twice."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint(*OUTBOX_KEY, name="uq_outbox_user_kind_day_slot"),
        Index("ix_outbox_status_not_before", "status", "not_before"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    kind: str = "checkin"
    local_date: date
    # Which of the day's check-ins (its local minute) a check-in, snooze or follow-up is for; -1 otherwise.
    slot: int = Field(default=-1, sa_column_kwargs={"server_default": "-1"})
    due_at: datetime = _ts()
    status: str = "pending"  # pending, claimed, sending, sent, unknown, failed, skipped
    attempts: int = 0
    not_before: datetime = _ts(default_factory=utcnow)
    claimed_at: datetime | None = _ts(default=None)
    sent_at: datetime | None = _ts(default=None)
    checkin_id: int | None = Field(default=None, foreign_key="checkins.id")
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    error: str | None = None


class InboxUpdate(SQLModel, table=True):
    """An update from Telegram, stored before it is acknowledged."""

    __tablename__ = "inbox"

    update_id: int = Field(sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    payload: str
    sender_id: int | None = Field(default=None, sa_type=BigInteger, index=True)  # for /delete
    received_at: datetime = _ts(default_factory=utcnow)
    handled_at: datetime | None = _ts(default=None, index=True)
    error: str | None = None


class SafetyEvent(SQLModel, table=True):
    """An escalation: when, how serious, and which red flags; never the words the person used."""

    __tablename__ = "safety_events"
    __table_args__ = (Index("ix_safety_events_user_time", "user_id", "occurred_at"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    occurred_at: datetime = _ts(default_factory=utcnow)
    level: str  # emergency or urgent
    reasons: str  # comma-separated flag or sign ids
    source: str  # text, checkin or diary
    # The message it answered: one event per message, however often the message is handled.
    update_id: int | None = Field(default=None, sa_type=BigInteger, unique=True)


class EmergencyReply(SQLModel, table=True):
    """The emergency reply to one message, decided where the update came in and kept until
    Telegram has it (or the person has blocked the bot): one per message, never two."""

    __tablename__ = "emergency_replies"
    __table_args__ = (Index("ix_emergency_replies_due", "status", "not_before"),)

    update_id: int = Field(sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    chat_id: int = Field(sa_type=BigInteger)
    sender_id: int | None = Field(default=None, sa_type=BigInteger, index=True)  # for /delete
    reply_to: int | None = Field(default=None, sa_type=BigInteger)  # the message it answers
    text: str  # our wording (the emergency number and the flags), never the person's words
    status: str = "pending"  # pending, sent, blocked
    attempts: int = 0
    not_before: datetime = _ts(default_factory=utcnow)
    created_at: datetime = _ts(default_factory=utcnow)
    sent_at: datetime | None = _ts(default=None)


class LeaderEpoch(SQLModel, table=True):
    """One row: the epoch of the current leader, its fencing token (bot/storage/fencing.py)."""

    __tablename__ = "leader_epoch"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    epoch: int = Field(default=0, sa_type=BigInteger)
    # False while its leader may be in a getUpdates; set once that leader's polling has ended.
    poll_closed: bool = Field(default=True, sa_column_kwargs={"server_default": sa_true()})


class LaneEpoch(SQLModel, table=True):
    """A row per lane of people: the epoch of the process handling it (bot/runtime/lanes.py)."""

    __tablename__ = "lane_epoch"

    lane: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    epoch: int = Field(default=0, sa_type=BigInteger)


class UpdateReply(SQLModel, table=True):
    """A reply to an update, written before it is sent (with the update's effects and its mark):
    a reply that may have gone out is never sent again. Holds no words, only what happened."""

    __tablename__ = "update_replies"

    update_id: int = Field(sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})  # < 0: safety lines
    method: str
    created_at: datetime = _ts(default_factory=utcnow)


class Treatment(SQLModel, table=True):
    """A botulinum toxin injection, a medicine or an operation, as the person told it."""

    __tablename__ = "treatments"
    __table_args__ = (Index("ix_treatments_user_kind", "user_id", "kind", "started_on"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    kind: str  # injection, medicine or surgery
    started_on: date  # the person's local day: injected, first taken, operated on
    name: str | None = None  # the product, medicine or operation, kept as typed
    dose: float | None = None
    unit: str | None = None  # "units", "mg", ... as typed
    places: str | None = None  # where it was injected: place ids, comma-separated
    sides: str | None = None
    stopped_on: date | None = None  # a medicine no longer taken
    created_at: datetime = _ts(default_factory=utcnow)


class TreatmentEvent(SQLModel, table=True):
    """What happened after: a dose change, "it's wearing off", an answer about the effect, a side
    effect. Only ever added to, so the history of a treatment stays as it was lived."""

    __tablename__ = "treatment_events"
    __table_args__ = (Index("ix_treatment_events_treatment", "treatment_id", "local_date"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    treatment_id: int = Field(foreign_key="treatments.id")
    kind: str  # dose, wearing_off, started, effect, side_effect, taken
    local_date: date
    value: int | None = None  # effect 0-4; started 1 yes / 0 not yet
    dose: float | None = None
    unit: str | None = None
    detail: str | None = None  # a side effect's id
    created_at: datetime = _ts(default_factory=utcnow)
