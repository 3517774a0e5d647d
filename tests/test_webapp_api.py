"""The Mini App's API: only Telegram-signed requests see data, and only the signer's own; its
changes (a note, a deletion) go through the same rules as in the chat."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.domain.notes import notes_of
from bot.services.registry import Services
from bot.webapp.init_data import sign
from handlers.webapp.api import add_routes
from tests.conftest import FakeClock
from tests.harness import Chat, start_harness
from tests.helpers import checkins, onboard

TOKEN = "123456:webapp-test"


def signed_for(telegram_id: int, clock: FakeClock, age: timedelta = timedelta(minutes=2)) -> dict[str, str]:
    user = json.dumps({"id": telegram_id, "first_name": "Ann", "language_code": "en"})
    init_data = sign({"auth_date": str(int((clock() - age).timestamp())), "user": user}, TOKEN)
    return {"Authorization": f"tma {init_data}"}


@pytest.fixture
async def people(settings: Settings, services: Services) -> AsyncIterator[tuple[Chat, Chat]]:
    async with start_harness(settings, services) as harness:
        ann, bob = harness.chat(111), harness.chat(222)
        for person, where in ((ann, "Eyelid"), (bob, "Cheek")):
            await onboard(person)
            await person.send("/checkin")
            await person.tap("Yes")
            await person.tap(where)
            await person.tap("Done")
            await person.tap("Left")
            await person.tap("6")
            await person.tap("Minutes")
            await person.tap("None of these")
            await person.tap("3")
            await person.tap("Not recorded")
            await person.tap("Done")
        yield ann, bob


@pytest.fixture
async def api(services: Services) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    app = web.Application()
    add_routes(app, services, TOKEN)
    async with TestClient(TestServer(app)) as client:
        yield client


async def test_signed_requests_see_their_own_diary_and_no_one_elses(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock
) -> None:
    for telegram_id, place, other in ((111, "eyelid", "cheek"), (222, "cheek", "eyelid")):
        reply = await api.get("/app/api/diary?period=week", headers=signed_for(telegram_id, clock))
        assert reply.status == 200
        diary = await reply.json()
        assert [p["id"] for e in diary["entries"] for p in e["places"]] == [place]
        assert diary["entries"][0]["strength"] == 6 and diary["entries"][0]["stress"] == 3
        assert other not in json.dumps(diary["entries"])
        assert diary["words"]["title"] == "Your spasm diary"


@pytest.mark.parametrize("how", ["missing", "forged", "expired", "other bot", "wrong scheme"])
async def test_anything_but_a_fresh_signature_gets_401_and_no_data(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock, how: str
) -> None:
    good = signed_for(111, clock)["Authorization"]
    headers = {
        "missing": {},
        "forged": {"Authorization": good.replace("%22id%22%3A+111", "%22id%22%3A+222")},
        "expired": signed_for(111, clock, age=timedelta(hours=25)),
        "other bot": {"Authorization": good[:-6] + "000000"},
        "wrong scheme": {"Authorization": good.replace("tma ", "Bearer ")},
    }[how]
    for path, body in (("diary", None), ("note", {"entry": 1, "text": "x"}), ("delete", {"entry": 1})):
        if body is None:
            reply = await api.get(f"/app/api/{path}", headers=headers)
        else:
            reply = await api.post(f"/app/api/{path}", headers=headers, json=body)
        assert reply.status == 401, (how, path)
        assert "eyelid" not in (await reply.text()).lower()


async def test_a_note_is_added_to_ones_own_entry_only(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock,
    services: Services,
) -> None:  # fmt: skip
    ann_entry, bob_entry = sorted(c.id for c in await checkins(services) if c.id is not None)
    reply = await api.post(
        "/app/api/note",
        headers=signed_for(111, clock),
        json={"entry": ann_entry, "text": "after a long drive"},
    )
    said = await reply.json()
    assert (
        said["ok"]
        and said["say"] == "Note saved."
        and said["entry"]["notes"][0]["text"] == "after a long drive"
    )
    reply = await api.post(
        "/app/api/note", headers=signed_for(111, clock), json={"entry": bob_entry, "text": "mine now"}
    )
    assert reply.status == 404 and (await reply.json())["say"] == "That entry is no longer in your diary."
    reply = await api.post(
        "/app/api/note", headers=signed_for(111, clock), json={"entry": ann_entry, "text": "   "}
    )
    assert (await reply.json()) == {"ok": False, "say": "The note was empty, so nothing was saved."}
    notes = {c.id: [n.text for n in notes_of(c.notes)] for c in await checkins(services)}
    assert notes == {ann_entry: ["after a long drive"], bob_entry: []}


async def test_a_red_flag_in_a_note_is_answered_with_the_emergency_wording(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock,
    services: Services,
) -> None:  # fmt: skip
    entry = min(c.id for c in await checkins(services) if c.id is not None)
    text = "my face is drooping on one side and i cant lift my arm"
    reply = await api.post(
        "/app/api/note", headers=signed_for(111, clock), json={"entry": entry, "text": text}
    )
    said = await reply.json()
    assert said["ok"] and said["emergency"].startswith("Call 112")


async def test_deleting_takes_only_ones_own_entry(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock,
    services: Services,
) -> None:  # fmt: skip
    ann_entry, bob_entry = sorted(c.id for c in await checkins(services) if c.id is not None)
    reply = await api.post("/app/api/delete", headers=signed_for(111, clock), json={"entry": bob_entry})
    assert reply.status == 404
    reply = await api.post("/app/api/delete", headers=signed_for(111, clock), json={"entry": ann_entry})
    assert (await reply.json())["say"].startswith("Deleted your entry of")
    assert [c.id for c in await checkins(services)] == [bob_entry]


@pytest.mark.parametrize(
    "body",
    [b"[]", b"not json", b'{"entry": true, "text": "x"}', b'{"entry": 99999999999, "text": "x"}',
     b'{"entry": 1, "text": 5}', b"[" * 5000 + b"]" * 5000, b'{"entry": 1, "text": "' + b"x" * 20000 + b'"}'],
)  # fmt: skip
async def test_bad_bodies_get_a_clear_refusal_and_change_nothing(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock,
    services: Services, body: bytes,
) -> None:  # fmt: skip
    before = [(c.id, c.notes) for c in await checkins(services)]
    reply = await api.post("/app/api/note", headers=signed_for(111, clock), data=body)
    assert reply.status in (400, 413)
    assert [(c.id, c.notes) for c in await checkins(services)] == before


async def test_the_page_and_its_words_need_no_signature(
    api: TestClient[web.Request, web.Application],
) -> None:
    page = await api.get("/app/")
    assert page.status == 200 and "app.js" in await page.text()
    assert (await api.get("/app/app.js")).status == 200
    words = await (await api.get("/app/api/words?lang=en")).json()
    assert words == {"words": words["words"]} and words["words"]["not_signed_in"].startswith("Please open")


async def test_the_pages_words_follow_the_apps_language_where_it_is_offered(bilingual: Services) -> None:
    app = web.Application()
    add_routes(app, bilingual, TOKEN)
    async with TestClient(TestServer(app)) as api:
        mexican = (await (await api.get("/app/api/words?lang=es-MX")).json())["words"]
        assert mexican["lang"] == "es" and mexican["keep"] == "No, consérvalo"  # as /history asks
        unknown = (await (await api.get("/app/api/words?lang=xx-YY")).json())["words"]
        assert unknown["lang"] == "en" and unknown["keep"] == "No, keep it"


async def correct_as_ann(
    api: TestClient[web.Request, web.Application], clock: FakeClock, entry: int, **changes: object
) -> dict[str, Any]:
    reply = await api.post(
        "/app/api/correct", headers=signed_for(111, clock), json={"entry": entry, **changes}
    )
    return dict(await reply.json())


async def test_a_correction_changes_only_the_numbers_asked_and_only_in_ones_own_entry(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock,
    services: Services,
) -> None:  # fmt: skip
    ann_entry, bob_entry = sorted(c.id for c in await checkins(services) if c.id is not None)
    headers = signed_for(111, clock)
    said = await correct_as_ann(api, clock, ann_entry, strength=4, sleep=6.5)
    assert (
        said["say"] == "Correction saved."
        and said["entry"]["strength"] == 4
        and said["entry"]["sleep"] == 6.5
    )
    assert (
        await api.post("/app/api/correct", headers=headers, json={"entry": bob_entry, "stress": 9})
    ).status == 404
    for wrong in ({"strength": 11}, {"stress": 2.5}, {"sleep": 25}, {"sleep": 6.2}, {"stress": True},
                  {"stress": "3"}, {"locations": "cheek"}, {}):  # fmt: skip
        reply = await api.post("/app/api/correct", headers=headers, json={"entry": ann_entry, **wrong})
        assert (await reply.json())["ok"] is False, wrong
    saved = {c.id: (c.severity, c.stress, c.sleep_hours) for c in await checkins(services)}
    assert saved == {ann_entry: (4, 3, 6.5), bob_entry: (6, 3, None)}


async def test_places_sides_duration_and_triggers_are_corrected_together_or_not_at_all(
    people: tuple[Chat, Chat], api: TestClient[web.Request, web.Application], clock: FakeClock,
    services: Services,
) -> None:  # fmt: skip
    ann_entry, bob_entry = sorted(c.id for c in await checkins(services) if c.id is not None)
    changes = {"places": ["eyelid", "cheek"], "sides": {"cheek": "right"}, "duration": "hour",
               "triggers": ["caffeine", "stress"]}  # fmt: skip
    said = await correct_as_ann(api, clock, ann_entry, **changes)
    assert said["ok"] and said["entry"]["lines"][1] == (
        "Spasms: Eyelid (left), Cheek (right); strength 6/10; About an hour"
    )
    chosen = {c.id: (c.locations, c.sides, c.duration, c.triggers) for c in await checkins(services)}
    assert chosen[ann_entry] == ("eyelid,cheek", "eyelid:left,cheek:right", "hour", "stress,caffeine")
    # The eyelid's side goes with the eyelid.
    assert (await correct_as_ann(api, clock, ann_entry, places=["cheek"], triggers=[]))["ok"]
    wrong: list[dict[str, object]] = [
             {"places": []}, {"places": ["ear"]}, {"places": ["cheek", "cheek"]}, {"sides": {"cheek": "up"}},
             {"duration": "week"}, {"triggers": ["not_sure", "stress"]}, {"triggers": "stress"},
             {"places": ["jaw"], "strength": 12}, {"sides": ["cheek"]}]  # fmt: skip
    for bad in wrong:
        said = await correct_as_ann(api, clock, ann_entry, **bad)
        assert said["ok"] is False and "nothing was changed" in str(said["say"]).lower(), bad
    assert (await correct_as_ann(api, clock, bob_entry, places=["jaw"]))["say"].startswith("That entry is no")
    chosen = {c.id: (c.locations, c.sides, c.duration, c.triggers) for c in await checkins(services)}
    assert chosen == {
        ann_entry: ("cheek", "cheek:right", "hour", ""),
        bob_entry: ("cheek", "cheek:left", "minutes", ""),
    }
