"""/treatment: the current injection cycle, adding an injection (shown before it is saved), and
the one tap for "it's wearing off"."""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardMarkup, Update

from bot.content.wording import plural
from bot.render.pool import cycle_chart
from bot.services.treatment_drafts import DraftOutcome, DraftResult
from bot.services.treatments import Outcome, Overview, TreatmentResult
from handlers import callbacks
from handlers.common import edit, reply, sender_id, tapped
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
        if (
            saved.outcome is DraftOutcome.SAVED
            and saved.draft is not None
            and saved.draft.kind == "injection"
        ):
            await _ask_score(update, context, saved.draft.day)
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
        await _ask_score(update, context, day)
    elif action == "off":
        result = await services.treatments.wearing_off(person)
        await edit(query, _after(context, result, text.wearing_off_saved))
    else:  # a forged or impossible day
        await edit(query, Screen(text.stale))


async def typed(update: Update, context: BotContext, text: str, *, side_effects_only: bool = False) -> bool:
    """A typed line that tells of a treatment (or only of a side effect after an injection,
    which must not be read as a spasm report): shown back for Save, or why it can't be."""
    kinds = ("side_effect",) if side_effects_only else None
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


async def after_checkin(update: Update, context: BotContext) -> None:
    """A check-in was just saved: on the right days of an injection cycle, one more question."""
    found = await context.services.treatments.cycle_ask(sender_id(update))
    if found is not None:
        await reply(update, views.cycle_message(context.services.content, *found))
    recovering = await context.services.recovery.due(sender_id(update))
    if recovering is not None:
        await reply(update, views.recovery_question(context.services.content, *recovering))


async def cycle_button(update: Update, context: BotContext) -> None:
    services = context.services
    text = services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.CYCLE)
    treatment_id, kind, value = parsed
    result = await services.treatments.answer_cycle(sender_id(update), int(treatment_id), kind, int(value))
    if result.outcome is Outcome.NOT_SET_UP:
        shown = services.content.messages.onboarding.need_setup
    elif result.outcome is Outcome.STALE:
        shown = text.cycle_stale
    elif result.outcome is Outcome.ALREADY_SAID:
        shown = text.cycle_answered
    elif kind == "severity":  # then how often, on the same card
        rows = [views.score_buttons(int(treatment_id), "frequency")]
        await edit(query, Screen(text.ask_frequency, InlineKeyboardMarkup(rows)))
        return
    elif kind == "frequency":
        shown = _score_saved(context, result.overview)
    elif kind == "effect":
        shown = text.effect_saved.format(label=views.effect_labels(services.content)[int(value)])
    else:
        found = await services.treatments.overview(sender_id(update))
        day = found.cycle_day if found and found.cycle_day is not None else 0
        shown = text.started_saved.format(day=day) if value == "1" else text.not_yet_saved
    await edit(query, Screen(shown))


async def side_effect_button(update: Update, context: BotContext) -> None:
    """The side effect menu, and a tap on one: kept for today, with "tell the clinic"."""
    services = context.services
    content, text = services.content, services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.SIDE_EFFECT)
    treatment_id, effect = int(parsed[0]), parsed[1]
    if effect == "menu":
        await edit(query, views.side_effect_menu(content, treatment_id))
        return
    result = await services.treatments.record_side_effect(sender_id(update), treatment_id, effect)
    if result.outcome is Outcome.STALE:
        await edit(query, Screen(text.cycle_stale))
    elif result.outcome is Outcome.NOT_SET_UP:
        await edit(query, Screen(content.messages.onboarding.need_setup))
    else:  # saved now, or earlier today: either way it is in the diary
        saved = text.side_effect_saved.format(effects=views.effect_names(content, [effect]))
        await edit(query, Screen(f"{saved}\n\n{text.tell_clinic}"))


async def _ask_score(update: Update, context: BotContext, day: date) -> None:
    """An injection just added for today or yesterday: the score just before it."""
    seen = await context.services.treatments.overview(sender_id(update))
    last = seen.injection if seen else None
    if seen is None or last is None or last.id is None or last.started_on != day:
        return
    if (seen.today - day).days <= 1 and seen.score_before == (None, None):
        await reply(update, views.score_question(context.services.content, last.id))


def _score_saved(context: BotContext, seen: Overview | None) -> str:
    """The score just given (4-6 weeks after, once given, else the one before), and the change."""
    content = context.services.content
    text = content.messages.treatment
    if seen is None:
        return text.score_saved.format(severity="?", frequency="?")
    after_given = seen.score_after[1] is not None
    severity, frequency = (
        "?" if v is None else str(v) for v in (seen.score_after if after_given else seen.score_before)
    )
    shown = text.score_saved.format(severity=severity, frequency=frequency)
    if after_given and seen.score_before != (None, None):
        before, after = (
            views.score_text(content, seen.score_before),
            views.score_text(content, seen.score_after),
        )
        shown += "\n\n" + text.score_change.format(before=before, after=after)
    return shown


async def recovery_button(update: Update, context: BotContext) -> None:
    services = context.services
    text = services.content.messages.treatment
    query, parsed = await tapped(update, callbacks.RECOVERY)
    surgery_id, checkpoint, said = int(parsed[0]), int(parsed[1]), parsed[2]
    if not await services.recovery.answer(sender_id(update), surgery_id, checkpoint, said):
        await edit(query, Screen(text.stale))
        return
    await edit(query, Screen(text.recovery_ok_saved if said == "ok" else text.recovery_tell_surgeon))


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
