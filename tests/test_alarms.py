"""Red flags answered first: triage where updates come in, ahead of the queue and of the person's
own earlier messages; the reply kept until Telegram has it; one reply and one event per message."""

from __future__ import annotations

import time
from pathlib import Path

from sqlmodel import select

from bot.config import Settings
from bot.runtime.inbox import DurablePoller
from bot.runtime.offline import Failure, Person
from bot.services.registry import Services
from bot.storage.models import EmergencyReply, SafetyEvent
from bot.storage.unit_of_work import unit_of_work
from tests.bot_process import TOKEN, BotProcess
from tests.conftest import FakeClock
from tests.fake_bot_api import FakeBotApiServer
from tests.harness import start_harness

EMERGENCY = "my husband's face is drooping on one side and he can't lift his arm"


async def rows(services: Services, model: type) -> list[object]:
    async with unit_of_work(services.db) as session:
        return list(await session.exec(select(model)))


async def test_an_emergency_is_answered_before_the_queue_and_once(
    settings: Settings, services: Services
) -> None:
    lea, others = Person(901), [Person(1000 + n) for n in range(30)]
    async with start_harness(settings, services) as harness:
        poller = DurablePoller(harness.runtime)
        await poller.store([lea.message("/start", 1), lea.message("Berlin", 2)])
        await poller.drain()
        queued = [p.message("why does my eye twitch?", 10 + n) for n, p in enumerate(others)]
        queued += [lea.message("stress 6 today", 100), lea.message(EMERGENCY, 101)]
        await poller.store(queued)  # stored; nothing of it handled yet
        assert harness.runtime.alarms is not None
        await harness.runtime.alarms.settle()
        replies = [c for c in harness.telegram.calls if c.method == "sendMessage"]
        assert replies[-1].params["text"].startswith("Call 112 now.")  # before the 31 queued ahead of it
        assert int(replies[-1].params["chat_id"]) == 901
        await poller.store([lea.message(EMERGENCY, 101)])  # delivered again (a webhook retry)
        assert await poller.drain() == 32  # everything is handled, in order, afterwards
        await harness.runtime.alarms.settle()
    alarms = [c for c in harness.telegram.sent_to(901) if c.params["text"].startswith("Call 112 now.")]
    assert len(alarms) == 1  # the handler saw it was answered already
    (event,) = await rows(services, SafetyEvent)
    assert (event.level, event.update_id) == ("emergency", 101)  # type: ignore[attr-defined]


async def test_a_refused_emergency_reply_is_kept_and_sent_once_telegram_recovers_even_after_a_restart(
    settings: Settings, services: Services, clock: FakeClock
) -> None:
    lea = Person(902)
    async with start_harness(settings, services) as first_life:
        poller = DurablePoller(first_life.runtime)
        first_life.telegram.fail("sendMessage", Failure(502, "Bad Gateway", times=1000))
        await poller.store([lea.message(EMERGENCY, 1)])
        assert first_life.runtime.alarms is not None
        await first_life.runtime.alarms.settle()
        for _ in range(5):  # a few more tries while the Bot API keeps failing
            clock.advance(seconds=6)
            await first_life.runtime.alarms.send_due()
        assert not first_life.telegram.sent_to(902)
        (kept,) = await rows(services, EmergencyReply)
        assert kept.status == "pending" and kept.attempts >= 5  # type: ignore[attr-defined]
        # The process dies here.
    async with start_harness(settings, services) as second_life:
        clock.advance(seconds=20)  # past the claim of the dead process
        assert second_life.runtime.alarms is not None
        assert await second_life.runtime.alarms.send_due() == 1
        clock.advance(seconds=20)
        assert await second_life.runtime.alarms.send_due() == 0  # delivered: not again
        await DurablePoller(second_life.runtime).drain()  # the message itself is handled: no second reply
    alarms = [c for c in second_life.telegram.sent_to(902) if c.params["text"].startswith("Call 112 now.")]
    assert len(alarms) == 1
    (sent,) = await rows(services, EmergencyReply)
    assert sent.status == "sent"  # type: ignore[attr-defined]


async def test_a_blocked_bot_stops_trying_and_delete_removes_the_reply(
    settings: Settings, services: Services
) -> None:
    lea = Person(903)
    async with start_harness(settings, services) as harness:
        poller = DurablePoller(harness.runtime)
        harness.telegram.fail("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"))
        await poller.store([lea.message(EMERGENCY, 1)])
        assert harness.runtime.alarms is not None
        await harness.runtime.alarms.settle()
        (blocked,) = await rows(services, EmergencyReply)
        assert blocked.status == "blocked"  # type: ignore[attr-defined]
        assert await harness.runtime.alarms.send_due() == 0
        await services.erase.erase(903)
    assert await rows(services, EmergencyReply) == []


OUTAGE_SECONDS = 60.0  # the Bot API refuses every sendMessage this long


def test_over_http_an_emergency_reply_survives_an_outage_and_a_kill_and_arrives_once(
    db_url: str, tmp_path: Path
) -> None:
    """The real process: sendMessage fails for a minute; the process is killed and started again
    meanwhile; when the Bot API recovers the emergency reply arrives, once."""
    with FakeBotApiServer(TOKEN) as api:
        sam = Person(904)
        fast = {"TICK_SECONDS": "0.5", "POLL_TIMEOUT_SECONDS": "1", "LOG_LEVEL": "WARNING"}
        bot = BotProcess(api, db_url, tmp_path, sam, env=fast)
        started = time.monotonic()
        api.telegram.fail("sendMessage", Failure(502, "Bad Gateway", times=1_000_000))
        update_id = bot.say(EMERGENCY)
        api.wait_for(lambda _: api.confirmed(update_id))  # stored, with its reply, before this
        time.sleep(OUTAGE_SECONDS / 3)
        bot.kill()  # mid-outage: the reply was never delivered
        bot = BotProcess(api, db_url, tmp_path, sam, env=fast)
        time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - started)))
        api.telegram.failures.clear()  # the Bot API recovers
        recovered = time.monotonic()
        api.wait_for(lambda _: any(t.startswith("Call 112 now.") for t in bot.texts()), timeout=30)
        delay = time.monotonic() - recovered
        time.sleep(3)  # room for a second reply, if one were coming
        bot.stop()
    alarms = [t for t in bot.texts() if t.startswith("Call 112 now.")]
    print(f"\nemergency reply after the Bot API recovered: {delay:.1f} s; replies: {len(alarms)}")
    assert len(alarms) == 1


async def test_a_late_report_never_undoes_a_delivered_reply(services: Services) -> None:
    """The handler's last failed try reported after the resending loop delivered: still sent, once."""
    from bot.services.alarms import Emergency

    found = {"chat": {"id": 5}, "from": {"id": 5}, "message_id": 9}
    alarm = await services.alarms.claim(Emergency(77, found, ("seizure",)))
    assert alarm is not None and await services.alarms.claim(Emergency(77, found, ("seizure",))) is None
    await services.alarms.settle(77, "sent")
    await services.alarms.settle(77, "pending", retry_in=None)
    (row,) = await rows(services, EmergencyReply)
    assert isinstance(row, EmergencyReply) and row.status == "sent" and row.sent_at is not None
    assert await services.alarms.due() == []
