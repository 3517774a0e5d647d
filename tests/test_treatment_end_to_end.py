"""Treatment cycles over HTTP against the real process: an injection 20 days ago and where it went,
the starting score, the check-in's question about it, a medicine's dose change in the summary,
"it's wearing off", /treatment with its chart, and the export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.runtime.offline import Person, buttons_of
from bot.storage.db import session_factory
from bot.storage.models import Checkin, Treatment, TreatmentEvent
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer

ROBIN = 515151


def tap(bot: BotProcess, card: dict[str, Any], label: str) -> None:
    """Tap `label` on this card as it reads now (not on the newest keyboard)."""
    now = bot.api.telegram.messages[(ROBIN, card["message_id"])]
    data = next(d for text, d in buttons_of(now) if text == label)
    bot.api.push(lambda uid: bot.person.press(now, data, uid))


def shown(api: FakeBotApiServer) -> list[str]:
    """Robin's messages and photo captions, as they read now."""
    captions = [str(call.params.get("caption")) for call, _, _ in api.telegram.uploads_to(ROBIN, "sendPhoto")]
    texts = [str(m.get("text")) for (chat, _), m in sorted(api.telegram.messages.items()) if chat == ROBIN]
    return captions + texts


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    with FakeBotApiServer(TOKEN) as server:
        yield server


async def test_an_injection_cycle_over_http(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    bot = BotProcess(api, db_url, tmp_path, Person(ROBIN, "Robin"))
    try:
        bot.say("/start")
        bot.press("London")
        bot.press("20:00")
        bot.wait_text("All set")
        bot.say("had my botox 20 days ago, 50 units, both eyelids")
        bot.press("Save")
        bot.wait_text("✅ Saved.")
        bot.wait_text("as your starting point")  # a first treatment: the score as things are now
        async with session_factory(engine)() as session:  # the days since, as the check-ins had them
            injection = (await session.exec(select(Treatment))).one()
            for day in range(1, 20):
                session.add(
                    Checkin(user_id=injection.user_id, local_date=injection.started_on + timedelta(days=day),
                            status="done", had_spasm=True, severity=6 if day < 4 else 2)
                )  # fmt: skip
            await session.commit()
        bot.say("/checkin")
        bot.press("No")
        bot.press("3")
        bot.wait_text("How many hours did you sleep?")
        bot.press("7")
        bot.wait_text("What did today hold?")
        bot.press("Done")
        bot.wait_text("Day 20 since your injection (week 3).\nHow well is it working right now?")
        bot.press("3 · well")
        bot.wait_text("Noted for today: 3 · well.")
        score = bot.card("as your starting point")  # answered later the same day
        tap(bot, score, "3")
        bot.wait_text("How often do they come?")
        tap(bot, score, "2")
        bot.wait_text("Kept: in the way 3/4, how often 2/4.")
        for line in ("started baclofen 10 mg 10 days ago", "upped baclofen to 20 mg 4 days ago"):
            saved = sum("✅ Saved." in t for t in bot.texts())
            bot.say(line)
            bot.press("Save")
            bot.wait_count("✅ Saved.", saved + 1)
        bot.say("/summary")
        api.wait_for(lambda _: any("Baclofen: dose changed to 20 mg" in t for t in shown(api)))
        bot.say("/treatment")
        bot.wait_text("Today is day 20 of this cycle (week 3).")
        bot.wait_text("📍 Where: Eyelid (both sides)")
        photo = api.wait_for(lambda _: api.telegram.uploads_to(ROBIN, "sendPhoto"))
        assert photo[0][2][:3] == b"\xff\xd8\xff"
        bot.press("It's wearing off")
        bot.wait_text("began wearing off on")
        bot.say("/export")
        documents = api.wait_for(
            lambda _: (
                len(api.telegram.uploads_to(ROBIN, "sendDocument")) == 3
                and api.telegram.uploads_to(ROBIN, "sendDocument")
            )
        )
        names = [name for _, name, _ in documents]
        assert names == ["spasm-diary.csv", "spasm-diary-treatments.csv", "spasm-diary-report.pdf"]
        treatments_csv = documents[1][2].decode("utf-8-sig")
        assert ",injection,,50,units,eyelid:both," in treatments_csv and ",wearing_off,," in treatments_csv
        assert ",score_in_the_way_at_start,,,,3," in treatments_csv
    finally:
        bot.stop()
    async with session_factory(engine)() as session:
        events = list(await session.exec(select(TreatmentEvent).order_by(col(TreatmentEvent.id))))
    assert [(e.kind, e.value) for e in events] == [
        ("effect", 3), ("severity", 3), ("frequency", 2), ("dose", None), ("wearing_off", None)
    ]  # fmt: skip
