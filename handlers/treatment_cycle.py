"""The injection cycle as the check-ins follow it: the question of the day, the score before and
after, side effects tapped, and the recovery questions after an operation."""

from __future__ import annotations

from telegram import Update

from bot.services.treatments import Outcome, Overview
from handlers import callbacks
from handlers.common import edit, reply, sender_id, tapped
from handlers.context import BotContext
from handlers.views import treatment as views
from handlers.views.screen import Screen


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
    if kind.startswith("start_"):
        await _start_score(update, context, int(treatment_id), kind.removeprefix("start_"), int(value))
        return
    result = await services.treatments.answer_cycle(sender_id(update), int(treatment_id), kind, int(value))
    if result.outcome is Outcome.NOT_SET_UP:
        shown = services.content.messages.onboarding.need_setup
    elif result.outcome is Outcome.STALE:
        shown = text.cycle_stale
    elif result.outcome is Outcome.ALREADY_SAID:
        shown = text.cycle_answered
    elif kind == "severity":  # then how often, on the same card
        await edit(query, views.frequency_card(services.content, int(treatment_id), "frequency"))
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


def _score_saved(context: BotContext, seen: Overview | None) -> str:
    """The score just given (4-6 weeks after, once given, else the one before), and the change."""
    content = context.services.content
    text = content.messages.treatment
    if seen is None:
        return views.score_kept(content, (None, None))
    after_given = seen.score_after[1] is not None
    shown = views.score_kept(content, seen.score_after if after_given else seen.score_before)
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


async def _start_score(update: Update, context: BotContext, treatment_id: int, kind: str, value: int) -> None:
    """Half of the starting score: then how often, on the same card, then both as kept."""
    services = context.services
    text = services.content.messages.treatment
    assert update.callback_query is not None
    if not await services.scores.answer_start(sender_id(update), treatment_id, kind, value):
        await edit(update.callback_query, Screen(text.cycle_answered))
    elif kind == "severity":
        await edit(
            update.callback_query, views.frequency_card(services.content, treatment_id, "start_frequency")
        )
    else:
        start = await services.scores.start(sender_id(update))
        shown = views.score_kept(services.content, start.score if start else (None, None))
        await edit(update.callback_query, Screen(shown))
