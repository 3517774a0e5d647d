"""/treatment: the current injection cycle, adding an injection (shown before it is saved), and
the one tap for "it's wearing off"."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.content.wording import plural
from bot.render.pool import cycle_chart
from bot.services.treatment_drafts import DraftOutcome, DraftResult
from bot.services.treatments import Outcome, TreatmentResult
from handlers import callbacks
from handlers.common import edit, reply, sender_id, tapped
from handlers.context import BotContext
from handlers.views import injection_where as where
from handlers.views import treatment as views
from handlers.views.entry import day_name
from handlers.views.screen import Screen


async def show(update: Update, context: BotContext) -> None:
    services = context.services
    seen = await services.treatments.overview(sender_id(update))
    if seen is None:
        await reply(update, Screen(services.content.messages.onboarding.need_setup))
        return
    start = views.start_score_line(services.content, await services.scores.start(sender_id(update)))
    await reply(update, views.overview(services.content, seen, extra=start))
    spec = views.cycle_chart_spec(services.content, seen.series)
    if spec is not None and update.effective_message is not None:
        text = services.content.messages.treatment
        await update.effective_message.reply_photo(await cycle_chart(spec), caption=text.chart_caption)


async def button(update: Update, context: BotContext) -> None:
    services, person = context.services, sender_id(update)
    content, text = services.content, services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.TREATMENT)
    action, raw = parsed
    day = _day(raw)
    if action == "drop" and not await services.treatment_drafts.drop(person, raw):
        await edit(query, Screen(text.draft_gone))
        return
    if action in ("no", "drop"):
        await edit(query, Screen(text.cancelled))
        return
    if action == "keep":
        saved = await services.treatment_drafts.save(person, raw)
        await edit(query, _draft_answer(context, saved))
        started = ("injection", "medicine", "surgery")
        if saved.outcome is DraftOutcome.SAVED and saved.draft is not None and saved.draft.kind in started:
            await _ask_score(update, context)
        return
    today = await services.treatments.today(person)
    if today is None:
        await edit(query, Screen(content.messages.onboarding.need_setup))
    elif action == "add":
        await edit(query, views.day_menu(content, today))
    elif action == "day" and day is not None:
        await edit(query, Screen(text.future) if day > today else where.confirm(content, day))
    elif action == "save" and day is not None:  # a card from before places could be tapped
        await _save_tapped(update, context, day)
    elif action == "off":
        result = await services.treatments.wearing_off(person)
        await edit(query, _after(context, result, text.wearing_off_saved))
    else:  # a forged or impossible day
        await edit(query, Screen(text.stale))


async def where_button(update: Update, context: BotContext) -> None:
    """The injection card: a place or the side tapped (the card redrawn), or Save."""
    services, person = context.services, sender_id(update)
    content, text = services.content, services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.INJECTION_WHERE)
    action, day, places = parsed[0], _day(parsed[1]), where.places_of(int(parsed[2]))
    side = None if parsed[3] == "-" else parsed[3]
    today = await services.treatments.today(person)
    if today is None:
        await edit(query, Screen(content.messages.onboarding.need_setup))
    elif day is None:
        await edit(query, Screen(text.stale))
    elif day > today:
        await edit(query, Screen(text.future))
    elif action == "set":
        await edit(query, where.confirm(content, day, places, side))
    else:
        await _save_tapped(update, context, day, places, tuple((p, side) for p in places if side))


async def _save_tapped(
    update: Update,
    context: BotContext,
    day: date,
    places: tuple[str, ...] = (),
    sides: tuple[tuple[str, str], ...] = (),
) -> None:
    treatments, text = context.services.treatments, context.services.content.messages.treatment
    result = await treatments.record_injection(sender_id(update), day, places=places, sides=sides)
    assert update.callback_query is not None
    await edit(update.callback_query, _after(context, result, text.saved))
    await _ask_score(update, context)


async def typed(update: Update, context: BotContext, text: str, *, before_checkin: bool = False) -> bool:
    """A typed line that tells of a treatment, shown back for Save (or why it can't be). Before
    the check-in reads it: only a side effect, or an injection and where it went, which must
    not be read as a spasm report."""
    kinds = ("side_effect", "injection") if before_checkin else None
    result = await context.services.treatment_drafts.propose_text(sender_id(update), text, kinds)
    if result is None:
        return False
    await reply(update, _draft_answer(context, result))
    return True


def _draft_answer(context: BotContext, result: DraftResult) -> Screen:
    content = context.services.content
    text = content.messages.treatment
    draft = result.draft
    name = (draft.name or "").capitalize() if draft else ""
    if result.outcome is DraftOutcome.SHOWN and draft is not None:
        return views.draft_card(content, draft, result.started)
    if result.outcome is DraftOutcome.SAVED and draft is not None and draft.kind == "side_effect":
        effects = views.effect_names(content, (draft.name or "").split(","))
        return Screen(f"{text.side_effect_saved.format(effects=effects)}\n\n{text.tell_clinic}")
    if result.outcome is DraftOutcome.SAVED:
        return Screen(text.draft_saved)
    if result.outcome is DraftOutcome.NO_INJECTION:
        return Screen(text.no_injection_for_effect)
    if result.outcome is DraftOutcome.SAME_DAY and draft is not None:
        return Screen(text.same_day.format(day=day_name(content, draft.day)))
    if result.outcome is DraftOutcome.NOT_FOUND:
        return Screen(text.not_found.format(name=name))
    if result.outcome is DraftOutcome.STOP_BEFORE_START and draft is not None and result.started:
        day, started = day_name(content, draft.day), day_name(content, result.started)
        return Screen(text.stop_before_start.format(name=name, day=day, started=started))
    if result.outcome is DraftOutcome.FUTURE:
        return Screen(text.future)
    if result.outcome is DraftOutcome.DAY_UNCLEAR:
        return Screen(text.day_unclear)
    if result.outcome is DraftOutcome.NO_DRAFT:
        return Screen(text.draft_gone)
    return Screen(content.messages.onboarding.need_setup)


async def _ask_score(update: Update, context: BotContext) -> None:
    """A treatment just added: the score just before an injection of today or yesterday, or the
    starting score when none was ever given."""
    due = await context.services.scores.due(sender_id(update))
    if due is not None:
        await reply(update, views.score_question(context.services.content, due))


async def booking_button(update: Update, context: BotContext) -> None:
    """The reminder to book the next injection: its menu, a number of weeks, or off."""
    services = context.services
    content, text = services.content, services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.BOOKING)
    if parsed[0] == "menu":
        await edit(query, views.booking_menu(content))
        return
    weeks = None if parsed[0] == "off" else int(parsed[0])
    if weeks is not None and weeks not in views.BOOKING_WEEKS:
        await edit(query, Screen(text.stale))
        return
    due = await services.treatments.set_booking(sender_id(update), weeks)
    if weeks is None:
        shown = text.booking_cleared
    elif due is not None:
        shown = text.booking_set.format(day=day_name(content, due))
    else:
        shown = text.booking_waiting.format(weeks=plural(text.booking_weeks, weeks))
    await edit(query, Screen(shown))


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
