"""The doctor report's treatment section: a paragraph per injection cycle (dates, onset, best and
wear-off weeks, side effects, effect ratings), then each medicine with its changes."""

from __future__ import annotations

from bot.content import Content
from bot.services.treatment_export import CycleReport, TreatmentRecord
from handlers.views.injection_where import where_text
from handlers.views.treatment import dose_text, effect_names, score_text

MIN_DAYS_FOR_RELIEF = 7  # fewer days written in a cycle say too little either way


def treatment_lines(content: Content, record: TreatmentRecord) -> tuple[str, ...]:
    text = content.messages.treatment
    lines = [_cycle_line(content, c) for c in record.cycles]
    for medicine, changes in record.medicines:
        parts = [
            text.report_medicine.format(
                name=(medicine.name or "").capitalize(),
                dose=dose_text(content, medicine.dose, medicine.unit),
                since=content.day(medicine.started_on),
            )
        ]
        for change in changes:
            if change.kind == "stop":
                parts.append(text.report_stopped.format(day=content.day(change.local_date)))
            else:
                dose = dose_text(content, change.dose, change.unit)
                parts.append(text.report_change.format(dose=dose, day=content.day(change.local_date)))
        lines.append("; ".join(parts))
    if record.start is not None:
        score = score_text(content, record.start.score)
        lines.append(text.report_start_score.format(day=content.day(record.start.day), score=score))
    return tuple(lines)


def _cycle_line(content: Content, report: CycleReport) -> str:
    text = content.messages.treatment
    cycle = report.cycle
    until = content.day(cycle.ends) if cycle.ends else text.report_current
    dose = dose_text(content, report.dose, report.unit).strip()
    head = text.report_cycle.format(
        day=content.day(cycle.injected), dose=f" ({dose})" if dose else "", until=until
    )
    found = []
    if cycle.onset_day is not None:
        found.append(text.pattern_onset.format(day=cycle.onset_day))
    if cycle.best_week is not None:
        found.append(text.pattern_best.format(week=cycle.best_week))
    if cycle.wear_off_week is not None:
        said = text.report_said if cycle.wear_off_said else text.report_from_diary
        found.append(f"{text.pattern_wear_off.format(week=cycle.wear_off_week)} {said}")
    quiet = text.report_no_relief if cycle.days_written >= MIN_DAYS_FOR_RELIEF else text.report_no_signal
    parts = [head, ", ".join(found) if found else quiet]
    if report.places:
        parts.insert(1, text.report_where.format(where=where_text(content, report.places, report.sides)))
    if report.side_effects:
        effects = ", ".join(
            f"{effect_names(content, [e])} ({content.day(d)})" for d, e in report.side_effects
        )
        parts.append(text.report_side_effects.format(effects=effects))
    if report.scores:
        given = {when: (severity, frequency) for when, severity, frequency in report.scores}
        before, after = (score_text(content, given.get(w, (None, None))) for w in ("before", "after"))
        parts.append(text.report_scores.format(before=before, after=after))
    if report.ratings:
        ratings = ", ".join(f"{content.day(d)}: {v}/4" for d, v in report.ratings)
        parts.append(text.report_ratings.format(ratings=ratings))
    return ". ".join(p[:1].upper() + p[1:] for p in parts) + "."
