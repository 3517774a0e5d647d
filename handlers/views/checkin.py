"""The check-in screens: each step's question and buttons, the review card, the saved card, tips."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content, Tip
from bot.domain.checkin_flow import SLEEP_CHOICES, CheckinView, Outcome, side_value, sides_of
from bot.domain.notes import NOTE_MAX
from bot.domain.vocab import DURATIONS, LOCATIONS, REDFLAG_BUTTONS, SCALE, SIDES, TRIGGERS
from handlers import callbacks
from handlers.views.changes import change_lines
from handlers.views.entry import day_name, entry_lines, understood_lines
from handlers.views.screen import Screen, button, cancel_button, in_rows, with_cancel


def _scale(view: CheckinView, step: str) -> InlineKeyboardMarkup:
    buttons = [button(str(n), callbacks.CHECKIN.build(view.id, step, n)) for n in SCALE]
    return InlineKeyboardMarkup([buttons[:6], buttons[6:]])


def _multi(
    view: CheckinView, step: str, ids: Sequence[str], labels: dict[str, str], done: str
) -> InlineKeyboardMarkup:
    buttons = [
        button(("✅ " if i in view.draft else "") + labels[i], callbacks.CHECKIN.build(view.id, step, i))
        for i in ids
    ]
    return InlineKeyboardMarkup(
        [*in_rows(buttons, 2), [button(done, callbacks.CHECKIN.build(view.id, step, "done"))]]
    )


def checkin_question(content: Content, view: CheckinView, *, scheduled: bool = False) -> Screen:
    """The screen for the step the check-in is at (or its finished card)."""
    if view.step == "done":
        return checkin_card(content, view)
    if view.step == "review":
        return review_card(content, view)
    question = _question(content, view, scheduled)
    morning_opening = view.kind == "morning" and view.step == "sleep" and view.had_spasm is None
    opening = view.step == "spasm" or morning_opening  # the first question has Later, not Cancel
    if not opening and question.markup is not None:  # under way: it can be dropped
        rows = [*question.markup.inline_keyboard, [cancel_button(content)]]
        question = Screen(question.text, InlineKeyboardMarkup(rows))
    if not view.review:
        return question
    header = "\n".join(_what_was_read(content, view))
    return Screen(f"{header}\n\n{question.text}", question.markup)


def _question(content: Content, view: CheckinView, scheduled: bool) -> Screen:
    text = content.messages.checkin
    if view.step == "spasm":
        opening = text.morning_intro if view.kind == "morning" else text.scheduled_intro
        intro = f"{opening}\n\n" if scheduled else ""
        rows = [
            [
                button(text.yes, callbacks.CHECKIN.build(view.id, "spasm", "y")),
                button(text.no, callbacks.CHECKIN.build(view.id, "spasm", "n")),
            ]
        ]
        if scheduled:
            rows.append([button(text.later, callbacks.SNOOZE_MENU.build(view.id))])
        if not view.review:
            rows.append([another_day_button(content, view)])
        markup = InlineKeyboardMarkup(rows)
        return Screen(intro + (text.ask_spasm_morning if view.kind == "morning" else text.ask_spasm), markup)
    if view.step == "locations":
        first = view.kind == "episode" and not view.draft and not view.review
        intro = f"{text.log_intro}\n\n" if first else ""
        markup = _multi(view, "locations", LOCATIONS, text.locations, text.done)
        if first:  # /log: an episode of another day can be told too
            markup = InlineKeyboardMarkup([*markup.inline_keyboard, [another_day_button(content, view)]])
        return Screen(intro + text.ask_locations, markup)
    if view.step == "sides":
        return _sides(content, view)
    if view.step == "severity":
        return Screen(text.ask_severity, _scale(view, "severity"))
    if view.step == "duration":
        buttons = [
            button(text.durations[d], callbacks.CHECKIN.build(view.id, "duration", d)) for d in DURATIONS
        ]
        return Screen(text.ask_duration, InlineKeyboardMarkup(in_rows(buttons, 2)))
    if view.step == "redflags":
        safety = content.messages.safety
        buttons = [
            button(safety.buttons[f], callbacks.CHECKIN.build(view.id, "redflags", f))
            for f in REDFLAG_BUTTONS
        ]
        rows = [[b] for b in buttons] + [
            [button(safety.none_of_these, callbacks.CHECKIN.build(view.id, "redflags", "none"))]
        ]
        return Screen(safety.ask_redflags, InlineKeyboardMarkup(rows))
    if view.step == "stress":
        return Screen(text.ask_stress, _scale(view, "stress"))
    if view.step == "sleep":
        labels = {**{h: h for h in SLEEP_CHOICES}, "none": text.sleep_none}
        buttons = [button(labels[h], callbacks.CHECKIN.build(view.id, "sleep", h)) for h in SLEEP_CHOICES]
        rows = [*in_rows(buttons[:-1], 4), buttons[-1:]]
        if scheduled and view.kind == "morning":  # the morning check-in opens with sleep
            rows.append([button(text.later, callbacks.SNOOZE_MENU.build(view.id))])
            return Screen(f"{text.morning_intro}\n\n{text.ask_sleep}", InlineKeyboardMarkup(rows))
        return Screen(text.ask_sleep, InlineKeyboardMarkup(rows))
    # A day without spasms is asked what it held, not what set them off: patterns still show.
    question = text.ask_triggers if view.had_spasm else text.ask_day_held
    return Screen(question, _multi(view, "triggers", TRIGGERS, text.triggers, text.done))


def _sides(content: Content, view: CheckinView) -> Screen:
    """A row of Left / Right / Both for each place (the chosen one ticked), and Skip."""
    text = content.messages.checkin
    picked = dict(sides_of(",".join(view.draft)))
    rows = []
    for place in view.locations:
        row = []
        for side in SIDES:
            label = text.side_buttons[side]
            if len(view.locations) > 1:  # say which place each button is for
                label = text.side_choice.format(place=text.locations[place], side=label)
            tick = "✅ " if picked.get(place) == side else ""
            data = callbacks.CHECKIN.build(view.id, "sides", side_value(place, side))
            row.append(button(tick + label, data))
        rows.append(row)
    rows.append([button(text.skip, callbacks.CHECKIN.build(view.id, "sides", "skip"))])
    places = ", ".join(text.locations[p] for p in view.locations)
    return Screen(text.ask_sides.format(places=places), InlineKeyboardMarkup(rows))


def snooze_options(content: Content, checkin_id: int) -> Screen:
    text = content.messages.checkin
    buttons = [
        button(text.snooze_1h, callbacks.SNOOZE.build(checkin_id, 60)),
        button(text.snooze_3h, callbacks.SNOOZE.build(checkin_id, 180)),
        button(text.snooze_tomorrow, callbacks.SNOOZE.build(checkin_id, "tomorrow")),
    ]
    return Screen(text.snooze_ask, InlineKeyboardMarkup([buttons]))


def review_card(content: Content, view: CheckinView) -> Screen:
    text = content.messages.checkin
    lines = [*_what_was_read(content, view), "", text.review_ask]
    markup = InlineKeyboardMarkup(
        [
            [
                button(text.save, callbacks.CHECKIN.build(view.id, "review", "save")),
                button(text.edit, callbacks.CHECKIN.build(view.id, "review", "edit")),
            ],
            [cancel_button(content)],
        ]
    )
    return Screen("\n".join(lines), markup)


def _what_was_read(content: Content, view: CheckinView) -> list[str]:
    """A report shown back: as understood, or, for a saved entry it would change, old -> new."""
    if view.before is not None:
        return change_lines(content, view)
    return [content.messages.checkin.understood_title, *understood_lines(content, view)]


def checkin_card(content: Content, view: CheckinView) -> Screen:
    text = content.messages.checkin
    lines = entry_lines(content, view)
    lines += ["", text.note_prompt]
    markup = InlineKeyboardMarkup(
        [
            [
                button(text.add_note, callbacks.CHECKIN.build(view.id, "card", "note")),
                button(text.correct, callbacks.CHECKIN.build(view.id, "card", "fix")),
            ]
        ]
    )
    return Screen("\n".join(lines), markup)


def correct_menu(content: Content, view: CheckinView) -> Screen:
    text = content.messages.checkin
    fields: tuple[tuple[str, str], ...] = (
        ("spasm", text.field_spasm), ("stress", text.field_stress), ("triggers", text.field_triggers),
        ("sleep", text.field_sleep),
    )  # fmt: skip
    if view.kind == "morning":  # it asks only these two
        fields = (fields[0], fields[3])
    buttons = [button(label, callbacks.CHECKIN.build(view.id, "card", field)) for field, label in fields]
    lines = _what_was_read(content, view) if view.review else entry_lines(content, view)
    markup = InlineKeyboardMarkup(
        [
            *in_rows(buttons, 2),
            [button(text.back, callbacks.CHECKIN.build(view.id, "card", "back")), cancel_button(content)],
        ]
    )
    return Screen("\n".join([*lines, "", text.correct_title]), markup)


def tips_message(content: Content, tips: Sequence[Tip]) -> str:
    text = content.messages.checkin
    book = content.tips
    worded = [book.worded(tip) for tip in tips]
    lines = [text.tips_title]
    lines += [text.tip_line.format(text=tip.text, source=book.sources[tip.source]) for tip in worded]
    return "\n".join(lines)


def note_answer(content: Content, outcome: Outcome, view: CheckinView) -> Screen:
    """What a typed note got: added, or refused (empty or too long) with the prompt still open."""
    text = content.messages.checkin
    if outcome == Outcome.NOTE_SAVED:
        return Screen(text.note_saved.format(date=content.day(view.local_date)))
    if outcome == Outcome.NOTE_EMPTY:
        return with_cancel(content, text.note_empty)
    return with_cancel(content, text.note_too_long.format(limit=NOTE_MAX))


def another_day_button(content: Content, view: CheckinView) -> InlineKeyboardButton:
    return button(content.messages.checkin.another_day, callbacks.CHECKIN.build(view.id, "day", "pick"))


def day_menu(content: Content, view: CheckinView, days: Sequence[date]) -> Screen:
    """Today and the two weeks before it, newest first, three to a row."""
    text = content.messages.checkin
    weekdays = content.messages.summary.days
    labels = [text.day_today, text.day_yesterday]
    labels += [text.day_button.format(weekday=weekdays[d.weekday()], day=d.day) for d in days[2:]]
    buttons = [
        button(label, callbacks.CHECKIN.build(view.id, "day", f"d{n}")) for n, label in enumerate(labels)
    ]
    return Screen(text.ask_day, InlineKeyboardMarkup(in_rows(buttons, 3)))


def moved_question(content: Content, view: CheckinView, day: date) -> Screen:
    """The question the entry is at, headed by the day it was moved to."""
    question = checkin_question(content, view)
    line = content.messages.checkin.day_line.format(day=day_name(content, day))
    return Screen(f"{line}\n\n{question.text}", question.markup)
