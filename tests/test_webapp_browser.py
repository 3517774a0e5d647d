"""The Mini App in a real browser (Debian's headless Chromium, driven by Playwright), against the
real `python -m bot run` process over HTTP: the page opens with Telegram-signed initData, its chart
and entries render, week, month and cycles switch, a note is added; light and dark screenshots are
saved to build/screenshots/ to be looked at. Skipped, saying why, where no browser can run."""

from __future__ import annotations

import json
import re
import shutil
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from bot.runtime.offline import Person
from bot.storage.db import session_factory
from bot.storage.models import Checkin, Treatment
from bot.webapp.init_data import sign
from tests.bot_process import TOKEN, BotProcess
from tests.fake_bot_api import FakeBotApiServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
ROBIN = 616161
# Bytes the page, its files and its first JSON took over the wire.
TRANSFERRED = """performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .reduce((sum, r) => sum + r.transferSize, 0)"""
playwright = pytest.importorskip("playwright.async_api", reason="Playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(
        "no Chromium here (Debian's package chromium): the browser test cannot run", allow_module_level=True
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def api() -> Iterator[FakeBotApiServer]:
    with FakeBotApiServer(TOKEN) as server:
        yield server


def page_url(port: int, theme: dict[str, str]) -> str:
    user = json.dumps({"id": ROBIN, "first_name": "Robin", "language_code": "en"})
    init_data = sign({"auth_date": str(int(time.time())), "user": user}, TOKEN)
    return (f"http://127.0.0.1:{port}/app/#tgWebAppData={quote(init_data, safe='')}"
            f"&tgWebAppThemeParams={quote(json.dumps(theme), safe='')}")  # fmt: skip


async def test_the_page_in_a_browser_against_the_real_process(
    api: FakeBotApiServer, db_url: str, engine: AsyncEngine, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        "WEBAPP_URL": "https://diary.example/app/",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
    }
    bot = BotProcess(api, db_url, tmp_path, Person(ROBIN, "Robin"), env=env)
    try:
        bot.say("/start")
        bot.press("London")
        bot.press("20:00")
        bot.wait_text("All set")
        bot.say("had my botox 40 days ago")
        bot.press("Save")
        bot.wait_text("✅ Saved.")
        async with session_factory(engine)() as session:  # six weeks of days, as check-ins had them
            injection = (await session.exec(select(Treatment))).one()
            today = datetime.now(UTC).date()
            for back in range(1, 41):
                day = today - timedelta(days=back)
                strength = 6 if back > 36 else (2 if back > 10 else 5)
                session.add(Checkin(user_id=injection.user_id, local_date=day, status="done", had_spasm=True,
                                    severity=strength, stress=back % 7, locations="eyelid"))  # fmt: skip
            await session.commit()
        async with playwright.async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            SHOTS.mkdir(parents=True, exist_ok=True)
            themes = {"light": {"bg_color": "#ffffff", "text_color": "#000000", "button_color": "#2a7ab8"},
                      "dark": {"bg_color": "#17212b", "text_color": "#f5f5f5", "hint_color": "#aab4be",
                               "secondary_bg_color": "#232e3c", "button_color": "#5aa9e6"}}  # fmt: skip
            for scheme, theme in themes.items():
                page = await browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)
                started = time.perf_counter()
                await page.goto(page_url(port, theme))
                await page.wait_for_selector("article")
                painted = time.perf_counter() - started
                assert await page.locator("#chart rect").count() >= 6  # the week's bars
                assert await page.locator("#title").inner_text() == "Your spasm diary"
                await page.screenshot(path=str(SHOTS / f"{scheme}-week.png"))
                await page.get_by_role("tab", name="Month").click()
                await page.wait_for_function(
                    "document.querySelectorAll('#chart rect:not([data-detail])').length >= 25"
                )
                await page.screenshot(path=str(SHOTS / f"{scheme}-month.png"))
                await page.get_by_role("tab", name="Injection cycles").click()
                await page.wait_for_selector("#chart polyline[data-cycle]")
                await page.locator("#chart circle[data-detail]").last.click()  # a tap says what it is
                said = await page.locator("#detail").inner_text()
                assert said.startswith("Injection of ") and not re.search(r"\d{4}-\d\d-\d\d", said)
                await page.screenshot(path=str(SHOTS / f"{scheme}-cycles.png"))
                assert "Botulinum toxin injection on" in await page.locator("#entries").inner_text()
                sent = await page.evaluate(TRANSFERRED)
                shown = f"entries shown {painted:.2f} s after opening, {sent / 1024:.1f} KB sent"
                print(f"\nMini App ({scheme}): {shown}")
                assert sent < 200 * 1024
            await page.get_by_role("tab", name="Week").click()
            week_drawn = (
                "(n => n > 0 && n <= 7)(document.querySelectorAll('#chart rect:not([data-detail])').length)"
            )
            await page.wait_for_function(week_drawn)  # not an article of the cycles' list, about to go
            await page.locator("#chart rect[data-detail]").last.click()
            said = await page.locator("#detail").inner_text()
            assert "strongest spasm 5/10" in said and not re.search(r"\d{4}-\d\d-\d\d", said)
            await page.screenshot(path=str(SHOTS / "dark-week-detail.png"))
            first = page.locator("article").first
            await first.get_by_role("button", name="Add a note").click()
            await first.locator("textarea").fill("long drive, bright sun")
            await first.get_by_role("button", name="Save").click()
            await page.wait_for_function("document.getElementById('status').textContent === 'Note saved.'")
            assert "long drive, bright sun" in await page.locator("article").first.inner_text()
            await page.screenshot(path=str(SHOTS / "dark-note.png"))
            first = page.locator("article").first
            await first.get_by_role("button", name="Correct").click()
            await first.locator("input[name=strength]").fill("3")
            await first.get_by_label("Cheek").check()
            await first.locator("select[name=side-cheek]").select_option("right")
            await first.get_by_label("Caffeine").check()
            await first.screenshot(path=str(SHOTS / "dark-correct-form.png"))
            await first.get_by_role("button", name="Check the change").click()
            shown = await first.inner_text()  # every change, before it is saved
            assert "Strength (0–10): 5 → 3" in shown and "Where: Eyelid → Eyelid, Cheek" in shown
            assert "Cheek: – → right" in shown and "Likely triggers: None of these → Caffeine" in shown
            await page.screenshot(path=str(SHOTS / "dark-correct.png"))
            await first.get_by_role("button", name="Save").click()
            await page.wait_for_function(
                "document.getElementById('status').textContent === 'Correction saved.'"
            )
            assert "strength 3/10" in await page.locator("article").first.inner_text()
            await browser.close()
        async with session_factory(engine)() as session:
            notes = [c.notes for c in (await session.exec(select(Checkin))).all() if c.notes]
        assert any("long drive, bright sun" in n for n in notes)  # kept, as a chat note is
        async with session_factory(engine)() as session:
            latest = max((await session.exec(select(Checkin))).all(), key=lambda c: c.local_date)
        assert (latest.severity, latest.locations, latest.sides) == (3, "eyelid,cheek", "cheek:right")
        assert latest.triggers == "caffeine"
    finally:
        bot.stop()
