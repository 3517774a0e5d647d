"""How each kind of outbox row becomes a message: the scheduled check-in, its follow-up, the summary."""

from __future__ import annotations

from bot.content.loader import ENGLISH
from bot.render.pool import chart_png
from bot.runtime.sender import Compose, Outgoing
from bot.services.outbox import Delivery
from bot.services.registry import Services
from handlers.medicines import reminder
from handlers.views.checkin import checkin_question
from handlers.views.summary import chart_spec, split_caption, summary_lines, too_little


def composer(services: Services) -> Compose:
    async def compose(delivery: Delivery) -> Outgoing:
        # Sent by the schedule, outside any update: in the person's language, not the server's.
        content = services.languages.content(delivery.language or ENGLISH)
        if delivery.kind == "summary":
            summary = await services.summary.build(delivery.telegram_id, "week", end=delivery.local_date)
            if summary is None or not summary.enough:
                return Outgoing(too_little(content, summary) if summary else "")
            lines = [
                content.messages.summary.weekly_intro,
                "",
                *summary_lines(content, summary),
            ]
            caption, extra = split_caption(lines, content.messages.summary.more)
            photo = await chart_png(chart_spec(content, summary.current))
            return Outgoing(caption, photo=photo, extra=extra)
        if delivery.kind == "booking":
            return Outgoing(content.messages.treatment.booking_reminder)
        if delivery.kind == "medicine":
            text, markup = reminder(content, await services.medicines.untaken(delivery.telegram_id))
            return Outgoing(text, markup)
        assert delivery.checkin is not None
        screen = checkin_question(content, delivery.checkin, scheduled=True)
        if delivery.kind == "followup":
            return Outgoing(f"{content.messages.checkin.followup_intro}\n\n{screen.text}", screen.markup)
        return Outgoing(screen.text, screen.markup)

    return compose
