"""Random sequences of one person's actions (taps, typed reports, questions, notes, corrections,
cancels, restarts) never lose a recorded fact: saved entries, their answers, notes, red flags and
safety events go only through that person's confirmed delete, or change only through a draft they
confirmed (Save, or a correction finished)."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select
from telegram import Update

from bot.content import Content
from bot.domain.checkin_flow import ANSWER_FIELDS
from bot.runtime.offline import JsonDict, Person, buttons_of
from bot.storage.models import Checkin, SafetyEvent
from bot.storage.unit_of_work import unit_of_work
from tests.fresh import fresh_services
from tests.harness import Harness, start_harness

ME = 801
SAYINGS = (
    "/checkin", "/log", "/history", "/cancel", "cancel", "no", "skip", "yes", "none", "/summary",
    "left eyelid twitching all afternoon, stress 7, slept 5h", "none today :)", "stress 8",
    "now my right cheek is jumping, 6/10, 10 minutes", "yesterday my left eye twitched, stress 5",
    "tomorrow my eye will twitch", "why does my eye twitch?", "hi", "thanks!", "asdf qwer", "7", "6.5",
    "also 2 glasses of wine", "a note about my day 😩", "I can't move my arm", "slept badly, lip 3/10",
)  # fmt: skip
action = st.one_of(
    st.tuples(st.just("say"), st.sampled_from(SAYINGS)),
    st.tuples(st.just("say"), st.text(max_size=80)),
    st.tuples(st.just("tap"), st.integers(0, 40)),
    st.tuples(st.just("tap"), st.integers(0, 40)),  # taps are most of a phone's use
    st.tuples(st.just("reply"), st.sampled_from(SAYINGS)),  # a reply to the newest card
    st.tuples(st.just("wait"), st.integers(1, 600)),  # minutes pass
    st.tuples(st.just("restart"), st.just(0)),
)


async def snapshot(harness: Harness) -> dict[str, Any]:
    async with unit_of_work(harness.runtime.services.db) as session:
        rows = list(await session.exec(select(Checkin).order_by(col(Checkin.id))))
        events = len(list(await session.exec(select(SafetyEvent))))
    saved = {
        c.id: {"answers": {n: getattr(c, n) for n in ANSWER_FIELDS}, "notes": json.loads(c.notes),
               "status": c.status, "day": c.local_date}
        for c in rows if c.status in ("done", "partial") and c.amends_id is None
    }  # fmt: skip
    drafts = {c.amends_id for c in rows if c.amends_id is not None and c.status == "open"}
    return {"saved": saved, "drafts": drafts, "events": events}


def losses(before: dict[str, Any], after: dict[str, Any], data: str) -> list[str]:
    """What was lost or changed without the person confirming it."""
    deleted_all = data == "del:yes"
    deleted = int(data.rsplit(":", 1)[1]) if data.startswith("h:delok:") else None
    found = []
    if after["events"] < before["events"] and not deleted_all:
        found.append("a safety event disappeared")
    for entry_id, was in before["saved"].items():
        now = after["saved"].get(entry_id)
        if now is None:
            if not deleted_all and entry_id != deleted:
                found.append(f"entry {entry_id} disappeared")
            continue
        if now["notes"][: len(was["notes"])] != was["notes"]:
            found.append(f"entry {entry_id} lost or changed a note")
        if (now["answers"], now["day"]) != (was["answers"], was["day"]) and entry_id not in before["drafts"]:
            found.append(f"entry {entry_id} changed without a draft the person confirmed")
        if was["answers"]["red_flags"] and now["answers"]["red_flags"] != was["answers"]["red_flags"]:
            found.append(f"entry {entry_id} lost its red flags")
    return found


class Person1:
    def __init__(self, totals: Counter[str]) -> None:
        self.person = Person(ME)
        self.totals = totals

    def newest_keyboard(self, harness: Harness) -> JsonDict | None:
        mine = [m for (c, _), m in sorted(harness.telegram.messages.items()) if c == ME and buttons_of(m)]
        return mine[-1] if mine else None

    async def act(self, harness: Harness, kind: str, value: Any) -> None:
        update_id = next(harness.update_ids)
        data = ""
        keyboard = self.newest_keyboard(harness)
        if kind == "tap":
            if keyboard is None:
                return
            buttons = buttons_of(keyboard)
            data = buttons[value % len(buttons)][1]
            payload = self.person.press(keyboard, data, update_id)
        elif kind == "reply" and keyboard is not None:
            payload = self.person.message(value, update_id, reply_to=keyboard)
        else:
            payload = self.person.message(value, update_id)
        before = await snapshot(harness)
        application = harness.runtime.application
        await application.process_update(Update.de_json(payload, application.bot))
        problems = losses(before, await snapshot(harness), data)
        self.totals["actions"] += 1
        for problem in problems:
            self.totals[f"lost: {problem} after {kind} {value!r} {data}"] += 1


async def play(url: str, data_dir: Path, content: Content, actions: list[Any], totals: Counter[str]) -> None:
    me = Person1(totals)
    async with fresh_services(url, data_dir, content) as (config, clock, services):
        async with start_harness(config, services) as harness:
            for line in ("/start", "Berlin", "20:00"):
                await me.act(harness, "say", line)
            pending = list(actions)
        while pending:
            async with start_harness(config, services) as harness:  # a restart between sessions
                while pending:
                    kind, value = pending.pop(0)
                    if kind == "restart":
                        totals["restarts"] += 1
                        break
                    if kind == "wait":
                        clock.advance(minutes=value)
                        continue
                    await me.act(harness, kind, value)


def test_random_use_never_loses_a_recorded_fact(
    db_url: str, tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    totals: Counter[str] = Counter()

    @settings(max_examples=30, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
    @given(st.lists(action, min_size=20, max_size=60))
    def sequence(actions: list[Any]) -> None:
        totals["sequences tried"] += 1
        asyncio.run(play(db_url, tmp_path, content, actions, totals))

    sequence()
    lost = {k: n for k, n in totals.items() if k.startswith("lost")}
    with capsys.disabled():
        print(f"\nsequences: {totals['sequences tried']}, actions: {totals['actions']}, "
              f"restarts: {totals['restarts']}, facts lost: {sum(lost.values())}")  # fmt: skip
        for problem, count in sorted(lost.items())[:20]:
            print(f"  {count} x {problem}")
    assert totals["actions"] >= 500
    assert not lost
