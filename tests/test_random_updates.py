"""Thousands of random updates from several people, well-formed and not, through the full Application
on the offline Bot API: nothing raises, and nobody's rows change because of someone else's update."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select
from telegram import Update

from bot.content import Content
from bot.runtime.offline import JsonDict, Person, buttons_of
from bot.storage.models import Checkin, Outbox, SafetyEvent, User
from bot.storage.unit_of_work import unit_of_work
from tests.fresh import fresh_services
from tests.harness import Harness, start_harness

PEOPLE = (701, 702, 703, 704)
SAYINGS = (
    "/start", "/checkin", "/log", "/history", "/summary", "/export", "/settings", "/pause", "/resume",
    "/privacy", "/delete", "/help", "/causes", "/summary month", "/checkin now", "/nonsense",
    "left eyelid twitching all afternoon, stress 7, slept 5h, 3 coffees", "none today :)", "7",
    "seven out of ten", "Berlin", "Europe/Berlin", "20:00", "8pm", "why does my eye twitch?",
    "I can't move the left side of my face", "I'm fine now", "\u200b", "👍", "x" * 5000,
)  # fmt: skip
MEDIA: tuple[JsonDict, ...] = (
    {"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1,
                 "is_animated": False, "is_video": False}},
    {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
    {"location": {"latitude": 1.5, "longitude": 2.5}},
    {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}], "caption": "stress 9"},
)  # fmt: skip

person = st.sampled_from(PEOPLE)
typed = st.one_of(st.sampled_from(SAYINGS), st.text(max_size=300))
action = st.one_of(
    st.tuples(st.just("say"), person, typed),
    st.tuples(st.just("say"), person, st.sampled_from(SAYINGS)),  # the meaningful ones, more often
    st.tuples(st.just("tap"), person, st.integers(0, 30)),  # a button on their own newest keyboard
    st.tuples(st.just("forge"), person, st.integers(0, 30)),  # a button on someone else's keyboard
    st.tuples(st.just("data"), person, st.text(max_size=100)),  # any callback data at all
    st.tuples(st.just("media"), person, st.sampled_from(range(len(MEDIA)))),
    st.tuples(st.just("edit"), person, typed),
    st.tuples(st.just("forward"), person, typed),
    st.tuples(st.just("group"), person, typed),
    st.tuples(st.just("blocked"), person, st.just(0)),
)


class Run:
    """Feeds actions and checks each one: what broke, and whose rows it changed."""

    def __init__(self, harness: Harness, totals: Counter[str]) -> None:
        self.harness = harness
        self.totals = totals
        self.people = {p: Person(p) for p in PEOPLE}
        harness.runtime.application.add_error_handler(self._error)

    async def _error(self, _update: object, context: Any) -> None:
        self.totals["unhandled exceptions"] += 1
        self.totals[f"error {type(context.error).__name__}: {context.error}"[:300]] += 1

    def _keyboard(self, chat_id: int) -> JsonDict | None:
        messages = [m for (c, _), m in sorted(self.harness.telegram.messages.items()) if c == chat_id]
        with_buttons = [m for m in messages if buttons_of(m)]
        return with_buttons[-1] if with_buttons else None

    def _update(self, kind: str, sender: int, value: Any) -> JsonDict | None:
        who = self.people[sender]
        update_id = next(self.harness.update_ids)
        own = self._keyboard(sender) or {
            "message_id": 1,
            "date": 0,
            "chat": {"id": sender, "type": "private"},
        }
        if kind in ("tap", "forge"):
            # A forged press: another person's button data, sent from one's own chat (Telegram
            # itself decides which message and chat a press comes from).
            owner = (
                sender if kind == "tap" else random.Random(value).choice([p for p in PEOPLE if p != sender])
            )
            keyboard = self._keyboard(owner)
            if keyboard is None:
                return None
            buttons = buttons_of(keyboard)
            return who.press(own, buttons[value % len(buttons)][1], update_id)
        if kind == "data":
            return who.press(own, value, update_id)
        update = who.message(value if isinstance(value, str) else "", update_id)
        message = update["message"]
        if kind == "media":
            message.pop("text")
            message.update(MEDIA[value])
        elif kind == "edit":
            update["edited_message"] = {**update.pop("message"), "edit_date": 1}
        elif kind == "forward":
            message["forward_origin"] = {"type": "hidden_user", "date": 1, "sender_user_name": "Kim"}
        elif kind == "group":
            message["chat"] = {"id": -1000 - sender, "type": "group", "title": "Family"}
        elif kind == "blocked":
            chat = {"id": sender, "type": "private", "first_name": "Alex"}
            member = {"user": {"id": 7000000001, "is_bot": True, "first_name": "Spasm Diary"}}
            return {"update_id": update_id, "my_chat_member": {
                "chat": chat, "from": who.user, "date": 1,
                "old_chat_member": {**member, "status": "member"},
                "new_chat_member": {**member, "status": "kicked", "until_date": 0}}}  # fmt: skip
        return update

    async def _rows_by_person(self) -> dict[int, frozenset[str]]:
        """Every row that belongs to someone, by their Telegram id."""
        owned: dict[int, set[str]] = {}
        async with unit_of_work(self.harness.runtime.services.db) as session:
            users = {u.id: u for u in await session.exec(select(User))}
            for user in users.values():
                owned.setdefault(user.telegram_id, set()).add(repr(sorted(user.model_dump().items())))
            rows: list[Checkin | SafetyEvent | Outbox] = [*await session.exec(select(Checkin))]
            rows += [*await session.exec(select(SafetyEvent)), *await session.exec(select(Outbox))]
            for row in rows:
                owner = users.get(row.user_id)
                key = owner.telegram_id if owner else -1
                owned.setdefault(key, set()).add(f"{type(row).__name__}{sorted(row.model_dump().items())}")
        return {person: frozenset(found) for person, found in owned.items()}

    async def feed(self, kind: str, sender: int, value: Any) -> None:
        payload = self._update(kind, sender, value)
        if payload is None:
            return
        before = await self._rows_by_person()
        calls = len(self.harness.telegram.calls)
        application = self.harness.runtime.application
        try:
            await application.process_update(Update.de_json(payload, application.bot))
        except Exception as exc:  # counted: this is what the test is for
            self.totals["unhandled exceptions"] += 1
            self.totals[f"raised {type(exc).__name__}: {exc}"[:300]] += 1
        self.totals["updates tried"] += 1
        after = await self._rows_by_person()
        others = (set(before) | set(after)) - {sender}
        self.totals["rows written for another person"] += sum(before.get(p) != after.get(p) for p in others)
        strangers = {c.params.get("chat_id") for c in self.harness.telegram.calls[calls:]} & set(PEOPLE)
        self.totals["messages sent to another person"] += len(strangers - {sender})


async def run_actions(
    url: str, data_dir: Path, content: Content, actions: list[Any], totals: Counter[str]
) -> None:
    async with (
        fresh_services(url, data_dir, content) as (config, clock, services),
        start_harness(config, services) as harness,
    ):
        run = Run(harness, totals)
        for kind, sender, value in actions:
            await run.feed(kind, sender, value)
            clock.advance(minutes=7)


def test_random_updates_never_crash_or_touch_another_persons_rows(
    db_url: str, tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    totals: Counter[str] = Counter()

    @settings(max_examples=40, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
    @given(st.lists(action, min_size=30, max_size=80))
    def sequence(actions: list[Any]) -> None:
        asyncio.run(run_actions(db_url, tmp_path, content, actions, totals))

    sequence()
    with capsys.disabled():
        names = ("updates tried", "unhandled exceptions", "rows written for another person",
                 "messages sent to another person")  # fmt: skip
        print("\n" + ", ".join(f"{name}: {totals[name]}" for name in names))
        for problem in sorted(k for k in totals if k.startswith(("error ", "raised "))):
            print(f"  {totals[problem]} x {problem}")
    assert totals["updates tried"] >= 1000
    assert totals["unhandled exceptions"] == 0
    assert totals["rows written for another person"] == 0
    assert totals["messages sent to another person"] == 0
