"""Treatments in /export: their own CSV (every injection, medicine and what followed), and a
treatment section in the doctor's report with each cycle's onset, best and wear-off weeks."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from bot.content import Content
from bot.services.registry import Services
from bot.services.treatment_export import TreatmentExport
from bot.storage.models import Checkin, Treatment, User
from handlers.views.treatment_report import treatment_lines
from tests.harness import Chat
from tests.helpers import onboard, quiet_day, rows

TODAY = date(2026, 3, 10)


def sent_files(chat: Chat) -> dict[str, bytes]:
    return dict(chat.telegram.files.values())


async def test_export_sends_the_treatments_csv(chat: Chat, services: Services, content: Content) -> None:
    await onboard(chat)
    await quiet_day(chat)
    for line in ("had my botox 20 days ago, 50 units", "started clonazepam 0.5 mg 10 days ago",
                 "upped clonazepam to 1mg 3 days ago", "my eyelid is drooping since the botox"):  # fmt: skip
        await chat.send(line)
        await chat.tap("Save")
    await chat.send("/export")
    files = sent_files(chat)
    table = list(csv.reader(io.StringIO(files[content.messages.treatment.csv_filename].decode("utf-8-sig"))))
    assert table[0] == ["date", "kind", "name", "dose", "unit", "detail", "treatment_started"]
    assert table[1:] == [
        ["2026-02-18", "injection", "", "50", "units", "", ""],
        ["2026-02-28", "medicine_start", "clonazepam", "0.5", "mg", "", ""],
        ["2026-03-07", "dose_change", "clonazepam", "1", "mg", "", "2026-02-28"],
        ["2026-03-10", "side_effect", "", "", "", "droop", "2026-02-18"],
    ]
    assert files[content.messages.export.pdf_filename].startswith(b"%PDF")


async def test_no_treatments_no_treatments_csv(chat: Chat, content: Content) -> None:
    await onboard(chat)
    await quiet_day(chat)
    await chat.send("/export")
    assert content.messages.treatment.csv_filename not in sent_files(chat)


async def test_the_report_has_a_paragraph_per_cycle_and_per_medicine(
    services: Services, content: Content
) -> None:
    async with services.db() as session:
        user = User(telegram_id=9, chat_id=9, timezone="Europe/Berlin", checkin_minute=1200)
        session.add(user)
        await session.flush()
        assert user.id is not None
        first, second = TODAY - timedelta(days=100), TODAY - timedelta(days=30)
        for start in (first, second):
            session.add(
                Treatment(user_id=user.id, kind="injection", started_on=start, dose=100, unit="units")
            )
        session.add(
            Treatment(user_id=user.id, kind="medicine", started_on=first, name="baclofen", dose=10, unit="mg")
        )
        other = User(telegram_id=10, chat_id=10, timezone="Europe/Berlin", checkin_minute=1200)
        session.add(other)
        await session.flush()
        assert other.id is not None
        session.add(Treatment(user_id=other.id, kind="injection", started_on=first))  # never in 9's record
        for day in range(-14, 70):  # the first cycle: relief from day 4, back in week 9
            strength = 6 if day < 4 or day >= 56 else 2
            session.add(Checkin(user_id=user.id, local_date=first + timedelta(days=day), status="done",
                                had_spasm=True, severity=strength))  # fmt: skip
        await session.commit()
    record = await TreatmentExport(services.db).collect(9)
    assert record is not None
    lines = treatment_lines(content, record)
    assert lines[0] == (
        "Botulinum toxin injection on 2025-11-30 (100 units), cycle until 2026-02-07. "
        "Relief began around day 4, it worked best in week 2, "
        "it wore off around week 9 (from the diary's strength ratings)."
    )
    assert lines[1].startswith(
        "Botulinum toxin injection on 2026-02-08 (100 units), cycle until now (current cycle)."
    )
    assert lines[2] == "Baclofen 10 mg from 2025-11-30"
    assert len(record.rows) == 3  # the two injections and the medicine: nobody else's


async def test_treatment_shows_the_cycles_chart_once_a_week_is_written(
    chat: Chat, services: Services
) -> None:
    await onboard(chat)
    await chat.send("had my botox 10 days ago")
    await chat.tap("Save")
    await chat.send("/treatment")
    assert not [c for c in chat.telegram.calls if c.method == "sendPhoto"]  # nothing to draw yet
    (user,) = await rows(services, User)
    async with services.db() as session:
        for day in range(8):
            session.add(Checkin(user_id=user.id, local_date=TODAY - timedelta(days=day), status="done",
                                had_spasm=True, severity=5 - day % 3))  # fmt: skip
        await session.commit()
    await chat.send("/treatment")
    (photo,) = [c for c in chat.telegram.calls if c.method == "sendPhoto"]
    _, image = chat.telegram.files[photo.params["photo"]["file_id"]]
    assert image[:2] == b"\xff\xd8"  # a JPEG


async def test_the_report_pdf_has_the_cycles_chart_once_a_week_is_written(
    chat: Chat, services: Services, content: Content
) -> None:
    await onboard(chat)
    await chat.send("had my botox 10 days ago")
    await chat.tap("Save")
    await quiet_day(chat)
    await chat.send("/export")
    pdf = sent_files(chat)[content.messages.export.pdf_filename]
    assert pdf.count(b"/Subtype /Image") == 1  # the period's chart only: one day says nothing
    (user,) = await rows(services, User)
    async with services.db() as session:
        for day in range(1, 9):
            session.add(Checkin(user_id=user.id, local_date=TODAY - timedelta(days=day), status="done",
                                had_spasm=True, severity=5 - day % 3))  # fmt: skip
        await session.commit()
    chat.telegram.files.clear()
    await chat.send("/export")
    pdf = sent_files(chat)[content.messages.export.pdf_filename]
    assert pdf.count(b"/Subtype /Image") == 2  # and the cycle overlaid
