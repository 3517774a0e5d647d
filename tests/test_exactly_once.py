"""One unit of work per update: a crash leaves an update with none of its effects (and it is handled
again) or with all of them (and it is not), and a reply that may have gone out is never repeated.
A crash: the handling stops at the chosen moment and is cancelled, so nothing after it runs and
what the update had not committed is gone, as when the process is killed."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import select

from bot.config import Settings
from bot.runtime.inbox import DurablePoller
from bot.runtime.offline import OfflineRequest, buttons_of
from bot.services.registry import Services
from bot.storage.models import InboxUpdate, UpdateReply
from bot.storage.unit_of_work import unit_of_work
from tests.harness import Chat, Harness, start_harness
from tests.helpers import checkins, onboard

PERSON = 321


class Crash:
    """Stops the handling at a chosen moment, then cancels it, as a kill would."""

    def __init__(self) -> None:
        self.reached = asyncio.Event()

    async def here(self) -> None:
        self.reached.set()
        await asyncio.Event().wait()  # never set: the process is gone

    def after(self, original: Callable[..., Any]) -> Callable[..., Any]:
        async def then_stop(*args: Any, **kwargs: Any) -> Any:
            await original(*args, **kwargs)
            await self.here()

        return then_stop

    async def during(self, poller: DurablePoller) -> None:
        """Handle what is stored until the crash point, then end every handling under way."""
        drain = asyncio.ensure_future(poller.drain())
        await asyncio.wait_for(self.reached.wait(), 10)
        for task in asyncio.all_tasks():
            if task.get_coro().__qualname__ == "Dispatcher._run":  # type: ignore[union-attr]
                task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await drain


async def _at_places(harness: Harness) -> tuple[Chat, dict[str, Any], str]:
    """An onboarded person at the check-in's places step; the card and the Lip button's data."""
    chat = harness.chat(PERSON)
    await onboard(chat)
    await chat.send("/checkin")
    await chat.tap("Yes")
    card = chat.keyboard_message()
    (lip,) = [data for label, data in buttons_of(card) if "Lip" in label]
    return chat, card, lip


async def _handled(services: Services, update_id: int) -> bool:
    async with unit_of_work(services.db) as session:
        row = (await session.exec(select(InboxUpdate).where(InboxUpdate.update_id == update_id))).one()
    return row.handled_at is not None


async def _places(services: Services) -> str | None:
    (entry,) = await checkins(services)
    return entry.draft


async def test_a_crash_before_the_reply_leaves_none_of_a_taps_effects_and_it_is_handled_again(
    settings: Settings, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with start_harness(settings, services) as first_life:
        chat, card, lip = await _at_places(first_life)
        poller = DurablePoller(first_life.runtime)
        await poller.store([chat.person.press(card, lip, 900)])
        # The tap is read and its place written; the process dies before anything is answered.
        crash = Crash()
        monkeypatch.setattr(services.checkins, "press", crash.after(services.checkins.press))
        calls = len(first_life.telegram.calls)
        await crash.during(poller)
        assert first_life.telegram.calls[calls:] == []
        monkeypatch.undo()
    assert not await _handled(services, 900)
    assert "lip" not in (await _places(services) or "")
    async with start_harness(settings, services) as second_life:
        assert await DurablePoller(second_life.runtime).drain() == 1
    assert await _handled(services, 900)
    assert (await _places(services) or "").split(",").count("lip") == 1  # picked, not toggled off
    edits = [c for c in second_life.telegram.calls if c.method == "editMessageText"]
    assert len(edits) == 1 and "Lip" in str(edits[0].params["reply_markup"])


async def test_a_crash_while_replying_leaves_all_of_a_taps_effects_and_no_second_reply(
    settings: Settings, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with start_harness(settings, services) as first_life:
        chat, card, lip = await _at_places(first_life)
        poller = DurablePoller(first_life.runtime)
        await poller.store([chat.person.press(card, lip, 901)])
        crash, real = Crash(), OfflineRequest.do_request

        async def stops_at_the_edit(self: OfflineRequest, url: str, *args: Any, **kwargs: Any) -> Any:
            if url.endswith("/editMessageText"):  # the edit may or may not reach Telegram
                await crash.here()
            return await real(self, url, *args, **kwargs)

        monkeypatch.setattr(OfflineRequest, "do_request", stops_at_the_edit)
        await crash.during(poller)
        monkeypatch.undo()
    assert await _handled(services, 901)
    assert (await _places(services) or "").split(",").count("lip") == 1
    async with start_harness(settings, services) as second_life:
        assert await DurablePoller(second_life.runtime).drain() == 0
    assert second_life.telegram.calls == [] or all(
        c.method not in ("editMessageText", "sendMessage") for c in second_life.telegram.calls
    )
    assert (await _places(services) or "").split(",").count("lip") == 1


async def test_a_reply_is_recorded_in_the_same_commit_as_the_updates_effects(
    settings: Settings, services: Services
) -> None:
    async with start_harness(settings, services) as harness:
        poller = DurablePoller(harness.runtime)
        await poller.store([harness.chat(PERSON).person.message("/start", 905)])
        await poller.drain()
    async with unit_of_work(services.db) as session:
        (reply,) = list(await session.exec(select(UpdateReply).where(UpdateReply.update_id == 905)))
    assert (reply.seq, reply.method) == (1, "sendMessage")
    assert await _handled(services, 905)


async def test_a_safety_line_sent_before_a_crash_is_not_sent_again(
    settings: Settings, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "can facial spasms cause seizures?"
    async with start_harness(settings, services) as first_life:
        chat = first_life.chat(PERSON)
        await onboard(chat)
        poller = DurablePoller(first_life.runtime)
        await poller.store([chat.person.message(question, 910)])
        crash = Crash()
        monkeypatch.setattr(services.knowledge, "answer", crash.after(services.knowledge.answer))
        await crash.during(poller)
        monkeypatch.undo()
        first = [c.params["text"] for c in first_life.telegram.calls[-3:] if c.method == "sendMessage"]
    line = services.content.messages.safety.if_it_happens.split("{")[0]
    assert any(text.startswith(line) for text in first), first
    assert not await _handled(services, 910)
    async with start_harness(settings, services) as second_life:
        assert await DurablePoller(second_life.runtime).drain() == 1
    again = [c.params["text"] for c in second_life.telegram.sent_to(PERSON)]
    assert again and not any(text.startswith(line) for text in again)  # the answer, not the line


async def test_a_handler_that_fails_keeps_none_of_its_writes_and_apologises_once(
    settings: Settings, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with start_harness(settings, services) as harness:
        chat, card, lip = await _at_places(harness)
        original = services.checkins.press

        async def press_then_fail(*args: Any) -> Any:
            await original(*args)
            raise RuntimeError("a bug after the write")

        monkeypatch.setattr(services.checkins, "press", press_then_fail)
        calls = await chat.press(card, lip)
    assert "lip" not in (await _places(services) or "")
    assert [c.params["text"] for c in calls if c.method == "sendMessage"] == [
        services.content.messages.general.error
    ]
