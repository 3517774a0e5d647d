"""/treatment: the current injection cycle, adding an injection (shown before it is saved), and
the one tap for "it's wearing off"."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.services.treatments import Outcome, TreatmentResult
from handlers import callbacks
from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.views import treatment as views
from handlers.views.entry import day_name
from handlers.views.screen import Screen


async def show(update: Update, context: BotContext) -> None:
    services = context.services
    seen = await services.treatments.overview(sender_id(update))
    if seen is None:
        await reply(update, Screen(services.content.messages.onboarding.need_setup))
        return
    await reply(update, views.overview(services.content, seen))


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    services, person = context.services, sender_id(update)
    content, text = services.content, services.content.messages.treatment
    parsed = callbacks.TREATMENT.parse(query.data)
    await answer(query)
    assert parsed is not None  # the route's pattern is this kind's
    action, raw = parsed
    day = _day(raw)
    if action == "no":
        await edit(query, Screen(text.cancelled))
        return
    today = await services.treatments.today(person)
    if today is None:
        await edit(query, Screen(content.messages.onboarding.need_setup))
    elif action == "add":
        await edit(query, views.day_menu(content, today))
    elif action == "day" and day is not None:
        await edit(query, Screen(text.future) if day > today else views.confirm(content, day))
    elif action == "save" and day is not None:
        result = await services.treatments.record_injection(person, day)
        await edit(query, _after(context, result, text.saved))
    elif action == "off":
        result = await services.treatments.wearing_off(person)
        await edit(query, _after(context, result, text.wearing_off_saved))
    else:  # a forged or impossible day
        await edit(query, Screen(text.stale))


def _day(raw: str) -> date | None:
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:  # "-", or a forged day that does not exist
        return None


def _after(context: BotContext, result: TreatmentResult, saved: str) -> Screen:
    """What was saved (or why nothing was), above the cycle as it now stands."""
    content = context.services.content
    text = content.messages.treatment
    day = day_name(content, result.day) if result.day else ""
    seen = result.overview
    if result.outcome is Outcome.NOT_SET_UP:
        return Screen(content.messages.onboarding.need_setup)
    if result.outcome is Outcome.FUTURE:
        return Screen(text.future)
    if seen is None:  # no injection to wear off
        return Screen(text.no_injection)
    heads = {
        Outcome.SAME_DAY: text.same_day.format(day=day),
        Outcome.ALREADY_SAID: text.wearing_off_already.format(day=day),
    }
    if result.outcome in heads:
        return views.overview(content, seen, heads[result.outcome])
    week = seen.cycle_day // 7 + 1 if seen.cycle_day is not None else 1
    return views.overview(content, seen, saved.format(day=day, week=week))
