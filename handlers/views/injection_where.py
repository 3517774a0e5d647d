"""The injection card before Save: the day, and where it was injected (optional): the places
tapped and one side, carried in the buttons themselves so the card needs no stored state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from telegram import InlineKeyboardMarkup

from bot.content import Content
from bot.domain.vocab import LOCATIONS, SIDES
from handlers import callbacks
from handlers.views.entry import day_name, place_label
from handlers.views.screen import Screen, button, in_rows

TICK = "✅ "


def places_of(mask: int) -> tuple[str, ...]:
    return tuple(place for bit, place in enumerate(LOCATIONS) if mask & (1 << bit))


def mask_of(places: Sequence[str]) -> int:
    return sum(1 << bit for bit, place in enumerate(LOCATIONS) if place in places)


def confirm(content: Content, day: date, places: Sequence[str] = (), side: str | None = None) -> Screen:
    """The injection as it will be saved; a tap on a place or a side redraws it with the change."""
    text, checkin = content.messages.treatment, content.messages.checkin
    mask, day_code, shown_side = mask_of(places), day.strftime("%Y%m%d"), side or "-"

    def data(action: str, new_mask: int, new_side: str) -> str:
        return callbacks.INJECTION_WHERE.build(action, day_code, new_mask, new_side)

    place_buttons = [
        button((TICK if place in places else "") + checkin.locations[place],
               data("set", mask ^ (1 << bit), shown_side))
        for bit, place in enumerate(LOCATIONS)
    ]  # fmt: skip
    side_buttons = [
        button((TICK if side == chosen else "") + checkin.side_buttons[chosen],
               data("set", mask, "-" if side == chosen else chosen))
        for chosen in SIDES
    ]  # fmt: skip
    rows = [
        *in_rows(place_buttons, 3),
        *([side_buttons] if places else []),  # a side belongs to places: asked once there are some
        [button(text.save, data("save", mask, shown_side)),
         button(text.cancel, callbacks.TREATMENT.build("no", "-"))],
    ]  # fmt: skip
    lines = [text.confirm.format(day=day_name(content, day))]
    if places:
        sides = tuple((place, side) for place in places if side)
        lines.append(text.where_line.format(where=where_text(content, places, sides)))
    return Screen("\n\n".join(lines), InlineKeyboardMarkup(rows))


def where_text(content: Content, places: Sequence[str], sides: Sequence[tuple[str, str]]) -> str:
    """ "Eyelid (both sides), Cheek (left)": each place, with its side where one was given."""
    known = dict(sides)
    return ", ".join(place_label(content, place, known.get(place)) for place in places)
