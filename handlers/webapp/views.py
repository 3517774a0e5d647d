"""The Mini App's JSON: an entry with its words in the person's language, the page's own words,
and the injection cycles as curves to overlay."""

from __future__ import annotations

from typing import Any

from bot.content import Content
from bot.domain.checkin_flow import CheckinView
from bot.services.treatments import Overview
from bot.services.webapp import Diary
from handlers.views.entry import duration_text, entry_lines, place_label
from handlers.views.treatment import dose_text


def entry_json(content: Content, view: CheckinView) -> dict[str, Any]:
    text = content.messages.checkin
    return {
        "id": view.id,
        "date": view.local_date.isoformat(),
        "kind": view.kind,
        "spasm": view.had_spasm,
        "places": [
            {"id": p, "name": place_label(content, p, view.side_of(p)), "side": view.side_of(p)}
            for p in view.locations
        ],
        "strength": view.severity,
        "duration": duration_text(content, view) if view.had_spasm else None,
        "duration_id": view.duration,  # the bucket; minutes as typed stay unless it is changed
        "stress": view.stress,
        "sleep": view.sleep_hours,
        "triggers": [{"id": t, "name": text.triggers[t]} for t in view.triggers],
        "notes": [{"at": n.at.isoformat(), "text": n.text} for n in view.notes],
        "lines": entry_lines(content, view),  # the entry as its card in the chat reads
    }


def treatments_json(content: Content, diary: Diary) -> list[dict[str, str]]:
    """Each injection, medicine begun, dose change, stop and operation in the span, by its day, in
    the words the chat shows them with."""
    text = content.messages.treatment
    found = []
    for t in diary.treatments:
        day, dose = content.day(t.started_on), dose_text(content, t.dose, t.unit)
        line = {
            "injection": text.draft_injection.format(dose=dose, day=day),
            "medicine": text.draft_medicine.format(name=t.name or "", dose=dose, day=day),
        }.get(t.kind) or text.draft_surgery.format(name=t.name or "", day=day)
        found.append({"date": t.started_on.isoformat(), "text": line})
    for t, e in diary.changes:
        day, name = content.day(e.local_date), t.name or ""
        line = (
            text.draft_dose.format(name=name, dose=dose_text(content, e.dose, e.unit), day=day)
            if e.kind == "dose"
            else text.draft_stop.format(name=name, day=day)
        )
        found.append({"date": e.local_date.isoformat(), "text": line})
    return sorted(found, key=lambda item: item["date"])


def page_words(content: Content) -> dict[str, str]:
    """Every word the page shows, templates kept ("{date}") for the page to fill."""
    words = {name: str(value) for name, value in content.messages.webapp}
    history = content.messages.history  # deleting asks and answers as in the chat
    for name in ("confirm_delete", "yes_delete", "keep", "deleted"):
        words[name] = str(getattr(history, name))
    words["days"] = "|".join(content.messages.summary.days)
    words["lang"] = content.language
    return words


def labels(content: Content) -> dict[str, dict[str, str]]:
    text = content.messages.checkin
    return {
        "places": {k: str(v) for k, v in text.locations.items()},
        "triggers": {k: str(v) for k, v in text.triggers.items()},
        "sides": {k: str(v) for k, v in text.side_names.items()},
        "durations": {k: str(v) for k, v in text.durations.items()},
    }


def cycles_json(overview: Overview | None) -> list[dict[str, Any]]:
    """The last cycles (the current one last): day since the injection and that day's strength."""
    if overview is None:
        return []
    return [
        {"injected": day.isoformat(), "points": [[d, v] for d, v in curve]} for day, curve in overview.series
    ]
