"""/treatment's screens: the current cycle, the day picker, and the card shown before saving."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content
from bot.content.wording import plural
from bot.domain.checkin_flow import sides_of, split
from bot.domain.cycle_questions import CycleAsk, Score
from bot.domain.cycles import Curve, week_of
from bot.domain.days import past_days
from bot.render.cycle_chart import CycleChartSpec
from bot.services.treatment_drafts import Draft
from bot.services.treatment_scores import ScoreDue, StartScore
from bot.services.treatments import Overview
from handlers import callbacks
from handlers.views.entry import day_name
from handlers.views.injection_where import where_text
from handlers.views.screen import Screen, button, in_rows

WEEKS_BACK = range(3, 17)  # further back than the fortnight of days: a button per week
BOOKING_WEEKS = (6, 8, 10, 12, 14, 16)
CHART_MIN_DAYS = 7  # days written in a cycle before its line says anything
SIDE_EFFECT_WEEKS = 12  # side effects are offered while an injection may still cause them


def day_data(action: str, day: date | None = None) -> str:
    return callbacks.TREATMENT.build(action, day.strftime("%Y%m%d") if day else "-")


def overview(content: Content, seen: Overview, head: str = "", extra: Sequence[str] = ()) -> Screen:
    """The current cycle (or what else is taken), with `extra` lines such as the starting score."""
    text = content.messages.treatment
    lines = [head] if head else []
    last = seen.injection
    if last is None or seen.cycle_day is None:
        others = [*other_treatments(content, seen), *extra]
        lines += [*others, text.typed_hint] if others else [text.none_yet, text.typed_hint]
        rows = [[button(text.add_injection, day_data("add"))], *medicine_row(content, seen)]
        return Screen("\n\n".join(lines), InlineKeyboardMarkup(rows))
    cycle = text.last_injection.format(
        day=day_name(content, last.started_on), cycle_day=seen.cycle_day, week=week_of(seen.cycle_day)
    )
    lines.append(cycle)
    if last.places:
        where = where_text(content, split(last.places), sides_of(last.sides))
        lines.append(text.where_line.format(where=where))
    if seen.side_effects:
        noted = [
            f"{text.side_effects[e]} ({day_name(content, d)})"
            for d, e in seen.side_effects
            if e in text.side_effects
        ]
        lines.append(text.side_effects_line.format(effects="; ".join(noted)))
    if seen.score_before != (None, None) or seen.score_after != (None, None):
        before, after = score_text(content, seen.score_before), score_text(content, seen.score_after)
        lines.append(text.score_line.format(before=before, after=after))
    lines += extra
    if seen.wearing_off_since is not None:
        lines.append(text.wearing_off_since.format(day=day_name(content, seen.wearing_off_since)))
    if seen.pattern is not None:
        found = seen.pattern
        parts = [
            part
            for part, value in (
                (text.pattern_onset.format(day=found.onset_day), found.onset_day),
                (text.pattern_best.format(week=found.best_week), found.best_week),
                (text.pattern_wear_off.format(week=found.wear_off_week), found.wear_off_week),
            )
            if value is not None
        ]
        if parts:
            lines.append(f"{text.pattern_intro.format(count=found.cycles)} {', '.join(parts)}.")
    lines += [*other_treatments(content, seen), text.typed_hint]
    buttons = [[button(text.wearing_off, day_data("off"))], [button(text.add_injection, day_data("add"))]]
    weeks = plural(text.booking_weeks, seen.booking_weeks) if seen.booking_weeks else text.booking_off
    buttons.append([button(text.booking_button.format(weeks=weeks), callbacks.BOOKING.build("menu"))])
    buttons += medicine_row(content, seen)
    if last.id is not None and seen.cycle_day <= SIDE_EFFECT_WEEKS * 7:
        buttons.insert(1, [button(text.report_side_effect, callbacks.SIDE_EFFECT.build(last.id, "menu"))])
    return Screen("\n\n".join(lines), InlineKeyboardMarkup(buttons))


def day_menu(content: Content, today: date) -> Screen:
    """The last two weeks by day (as the check-in's "another day"), then a button per week back."""
    text, checkin = content.messages.treatment, content.messages.checkin
    weekdays = content.messages.summary.days
    days = past_days(today)
    labels = [checkin.day_today, checkin.day_yesterday]
    labels += [checkin.day_button.format(weekday=weekdays[d.weekday()], day=d.day) for d in days[2:]]
    buttons = [button(label, day_data("day", d)) for label, d in zip(labels, days, strict=True)]
    weeks = [
        button(plural(text.weeks_ago, n), day_data("day", today - timedelta(weeks=n))) for n in WEEKS_BACK
    ]
    rows = in_rows(buttons, 3) + in_rows(weeks, 3) + [[button(text.cancel, day_data("no"))]]
    return Screen(text.ask_day, InlineKeyboardMarkup(rows))


def effect_labels(content: Content) -> list[str]:
    text = content.messages.treatment
    return [text.effect_0, text.effect_1, text.effect_2, text.effect_3, text.effect_4]


def cycle_message(content: Content, treatment_id: int, ask: CycleAsk) -> Screen:
    """Added after a check-in: the day of the cycle, its question if one is due, "wearing off"."""
    text = content.messages.treatment
    lines = [text.cycle_line.format(day=ask.cycle_day, week=week_of(ask.cycle_day))]
    rows = []
    if ask.question == "started":
        lines.append(text.ask_started)
        rows.append([
            button(text.started_yes, callbacks.CYCLE.build(treatment_id, "started", 1)),
            button(text.started_no, callbacks.CYCLE.build(treatment_id, "started", 0)),
        ])  # fmt: skip
    elif ask.question == "score":
        lines += [text.score_after_intro, text.ask_severity]
        rows.append(score_buttons(treatment_id, "severity"))
    elif ask.question == "effect":
        lines.append(text.ask_effect)
        scale = [
            button(label, callbacks.CYCLE.build(treatment_id, "effect", n))
            for n, label in enumerate(effect_labels(content))
        ]
        rows += [[b] for b in scale]
    if ask.offer_wearing_off:
        rows.append([button(text.wearing_off, day_data("off"))])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def dose_text(content: Content, dose: float | None, unit: str | None) -> str:
    """ " 0.5 mg", or nothing when no dose was given."""
    return (
        content.messages.treatment.dose_part.format(dose=content.number(dose), unit=unit or "")
        if dose
        else ""
    )


def effect_names(content: Content, ids: Sequence[str]) -> str:
    labels = content.messages.treatment.side_effects
    return ", ".join(labels[i] for i in ids if i in labels)


def side_effect_menu(content: Content, treatment_id: int) -> Screen:
    text = content.messages.treatment
    rows = [
        [button(label, callbacks.SIDE_EFFECT.build(treatment_id, effect))]
        for effect, label in text.side_effects.items()
    ]
    rows.append([button(text.cancel, day_data("no"))])
    return Screen(text.ask_side_effect, InlineKeyboardMarkup(rows))


def draft_card(content: Content, draft: Draft, injected_on: date | None = None) -> Screen:
    """A typed treatment shown back whole, with Save and Cancel."""
    text = content.messages.treatment
    day, dose = day_name(content, draft.day), dose_text(content, draft.dose, draft.unit)
    name = (draft.name or "").capitalize()
    if draft.kind == "side_effect":
        injected = day_name(content, injected_on) if injected_on else ""
        effects = effect_names(content, (draft.name or "").split(","))
        shown = text.draft_side_effect.format(effects=effects, day=day, injected=injected)
        rows = [[button(text.save, callbacks.TREATMENT.build("keep", draft.token)),
                 button(text.cancel, callbacks.TREATMENT.build("drop", draft.token))]]  # fmt: skip
        return Screen(f"{shown}\n\n{text.tell_clinic}\n\n{text.draft_ask}", InlineKeyboardMarkup(rows))
    shown = {
        "injection": lambda: "\n".join(
            [text.draft_injection.format(day=day, dose=dose), *where_lines(content, draft)]
        ),
        "medicine": lambda: text.draft_medicine.format(name=name, day=day, dose=dose),
        "dose": lambda: text.draft_dose.format(name=name, day=day, dose=dose),
        "stop": lambda: text.draft_stop.format(name=name, day=day),
        "surgery": lambda: text.draft_surgery.format(name=draft.name or "", day=day),
    }[draft.kind]()
    lines = [shown, text.dose_unreadable] if draft.dose_unreadable else [shown]
    token = callbacks.TREATMENT.build
    rows = [[button(text.save, token("keep", draft.token)), button(text.cancel, token("drop", draft.token))]]
    return Screen("\n\n".join([*lines, text.draft_ask]), InlineKeyboardMarkup(rows))


def where_lines(content: Content, draft: Draft) -> list[str]:
    if not draft.places:
        return []
    where = where_text(content, split(draft.places), sides_of(draft.sides))
    return [content.messages.treatment.where_line.format(where=where)]


def other_treatments(content: Content, seen: Overview) -> list[str]:
    """Medicines taken now (with their dose) and operations, a line each."""
    text = content.messages.treatment
    lines = []
    if seen.medicines:
        lines.append(text.medicines_title)
        lines += [
            text.medicine_line.format(
                name=m.name.capitalize(),
                dose=dose_text(content, m.dose, m.unit),
                since=day_name(content, m.since),
            )
            for m in seen.medicines
        ]
    for surgery in seen.surgeries:
        name = surgery.name or ""
        name = name.upper() if name == "mvd" else name.capitalize()
        lines.append(text.surgery_line.format(name=name, day=day_name(content, surgery.started_on)))
    return ["\n".join(lines)] if lines else []


def cycle_chart_spec(content: Content, series: Sequence[tuple[date, Curve]]) -> CycleChartSpec | None:
    """The cycles overlaid, once some cycle has a week's worth of days written."""
    if not any(len(points) >= CHART_MIN_DAYS for _, points in series):
        return None
    text = content.messages.treatment
    cycles = tuple((content.day(injected), points) for injected, points in series)
    return CycleChartSpec(text.chart_title, text.chart_x, text.chart_y, cycles)


def score_buttons(treatment_id: int, kind: str) -> list[InlineKeyboardButton]:
    return [button(str(n), callbacks.CYCLE.build(treatment_id, kind, n)) for n in range(5)]


def _half(value: int | None) -> str:
    return "?" if value is None else str(value)  # a half of the score not given


def score_text(content: Content, score: Score) -> str:
    text = content.messages.treatment
    if score == (None, None):
        return text.score_none
    return text.score_pair.format(severity=_half(score[0]), frequency=_half(score[1]))


def score_kept(content: Content, score: Score) -> str:
    """ "Kept: in the way 3/4, how often 2/4." """
    return content.messages.treatment.score_saved.format(severity=_half(score[0]), frequency=_half(score[1]))


def frequency_card(content: Content, treatment_id: int, kind: str) -> Screen:
    """The score's second question, on the card that asked the first."""
    rows = [score_buttons(treatment_id, kind)]
    return Screen(content.messages.treatment.ask_frequency, InlineKeyboardMarkup(rows))


def score_question(content: Content, due: ScoreDue) -> Screen:
    """Right after a treatment is added: the score just before the injection, or the start."""
    text = content.messages.treatment
    start = due.when == "start"
    rows = [score_buttons(due.treatment_id, "start_severity" if start else "severity")]
    intro = text.score_start_intro if start else text.score_before_intro
    return Screen(f"{intro}\n\n{text.ask_severity}", InlineKeyboardMarkup(rows))


def start_score_line(content: Content, start: StartScore | None) -> list[str]:
    if start is None:
        return []
    score = score_text(content, start.score)
    return [content.messages.treatment.score_start_line.format(day=day_name(content, start.day), score=score)]


def booking_menu(content: Content) -> Screen:
    text = content.messages.treatment
    choices = [button(plural(text.booking_weeks, n), callbacks.BOOKING.build(n)) for n in BOOKING_WEEKS]
    rows = [*in_rows(choices, 3), [button(text.booking_off, callbacks.BOOKING.build("off"))]]
    return Screen(text.booking_menu, InlineKeyboardMarkup(rows))


def medicine_row(content: Content, seen: Overview) -> list[list[InlineKeyboardButton]]:
    """The daily reminder's button, once a medicine is in the diary."""
    if not seen.medicines:
        return []
    text = content.messages.treatment
    minute = seen.medicine_minute
    time = f"{minute // 60:02d}:{minute % 60:02d}" if minute is not None else text.booking_off
    return [[button(text.medicine_button.format(time=time), callbacks.MEDICINE_TIME.build("menu"))]]


def recovery_question(content: Content, surgery_id: int, checkpoint: int) -> Screen:
    text = content.messages.treatment
    choices = (
        ("ok", text.recovery_ok),
        ("hearing", text.recovery_hearing),
        ("weakness", text.recovery_weakness),
    )
    rows = [
        [button(label, callbacks.RECOVERY.build(surgery_id, checkpoint, said))] for said, label in choices
    ]
    return Screen(text.recovery_ask.format(weeks=checkpoint // 7), InlineKeyboardMarkup(rows))
