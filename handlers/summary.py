"""/summary, /export, and the weekly summary's day and time in /settings."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction

from bot.domain.schedule import format_minute
from bot.render.pool import chart_png, report_pdf
from bot.services.export import to_csv
from bot.services.treatment_export import treatments_csv
from handlers import callbacks
from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.onboarding import continue_setup
from handlers.views.report import report_spec
from handlers.views.screen import Screen
from handlers.views.summary import chart_spec, split_caption, summary_lines, too_little
from handlers.views.treatment import cycle_chart_spec
from handlers.views.treatment_report import treatment_lines
from handlers.webapp.button import open_row


async def summary(update: Update, context: BotContext) -> None:
    """/summary (this week) or /summary month: the figures and a chart."""
    services = context.services
    period = "month" if context.args and context.args[0].lower().startswith("month") else "week"
    found = await services.summary.build(sender_id(update), period)
    if found is None:
        await continue_setup(update, context)
        return
    content = services.content
    if not found.enough:
        await reply(update, Screen(too_little(content, found)))
        return
    assert update.effective_message is not None and update.effective_chat is not None
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_PHOTO)
    lines = summary_lines(content, found)
    caption, extra = split_caption(lines, content.messages.summary.more)
    photo = await chart_png(chart_spec(content, found.current))
    pages = open_row(services)
    markup = InlineKeyboardMarkup(pages) if pages else None
    await update.effective_message.reply_photo(photo, caption=caption, reply_markup=markup)
    if extra:
        await reply(update, Screen(extra))


async def export(update: Update, context: BotContext) -> None:
    """/export: every entry as CSV, and a PDF report for the doctor."""
    services = context.services
    text = services.content.messages.export
    checkin = services.content.messages.checkin
    data = await services.export.collect(sender_id(update))
    if data is None:
        await reply(update, Screen(text.empty))
        return
    assert update.effective_message is not None and update.effective_chat is not None
    await reply(update, Screen(text.preparing))
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT)
    found = await services.summary.build(sender_id(update), "month", end=data.end, length=data.days)
    assert found is not None
    record = await services.treatment_export.collect(sender_id(update))
    lines = treatment_lines(services.content, record) if record else ()
    cycles = cycle_chart_spec(services.content, record.series) if record else None
    pdf = await report_pdf(report_spec(services.content, data, found, lines, cycles))
    message = update.effective_message
    await message.reply_document(
        to_csv(data.all_entries, text.csv_header.split(","), (checkin.yes.lower(), checkin.no.lower())),
        filename=text.csv_filename,
        caption=text.csv_caption,
    )
    if record is not None:
        wording = services.content.messages.treatment
        await message.reply_document(
            treatments_csv(record.rows, wording.csv_header.split(",")),
            filename=wording.csv_filename,
            caption=wording.csv_caption,
        )
    await message.reply_document(pdf, filename=text.pdf_filename, caption=text.pdf_caption)


async def settings_button(update: Update, context: BotContext) -> None:
    """The weekly summary button in /settings: pick a day."""
    query = update.callback_query
    assert query is not None
    await answer(query)
    text = context.services.content.messages.summary
    rows = [
        [InlineKeyboardButton(name, callback_data=callbacks.SUMMARY_DAY.build(i))]
        for i, name in enumerate(text.days)
    ]
    await edit(query, Screen(text.ask_day, InlineKeyboardMarkup(rows)))


async def day_button(update: Update, context: BotContext) -> None:
    """A weekday for the summary; its time is asked next (buttons, or typed)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer(query)
    parsed = callbacks.SUMMARY_DAY.parse(query.data)
    if parsed is None:
        return
    profile = await context.services.users.set_summary_day(sender_id(update), int(parsed[0]))
    if profile is None:
        return
    content = context.services.content
    buttons = [
        InlineKeyboardButton(t, callback_data=callbacks.SUMMARY_TIME.build(t.replace(":", "")))
        for t in content.zones.checkin_times
    ]
    await edit(query, Screen(content.messages.summary.ask_time, InlineKeyboardMarkup([buttons])))


async def time_button(update: Update, context: BotContext) -> None:
    """A time button for the summary."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer(query)
    parsed = callbacks.SUMMARY_TIME.parse(query.data)
    raw = parsed[0] if parsed else ""
    await save_time(update, context, f"{raw[:2]}:{raw[2:]}")


async def save_time(update: Update, context: BotContext, typed: str) -> None:
    """Store the summary time (tapped or typed) and confirm it."""
    services = context.services
    result = await services.users.set_summary_time(sender_id(update), typed)
    if result is None:
        await continue_setup(update, context)
        return
    content = services.content
    if not result.ok:
        await reply(update, Screen(content.messages.onboarding.time_invalid.format(text=typed[:32])))
        return
    profile = result.profile
    saved = content.messages.summary.saved.format(
        day=content.messages.summary.days[profile.summary_weekday], time=format_minute(profile.summary_minute)
    )
    if update.callback_query is not None:
        await edit(update.callback_query, Screen(saved))
    else:
        await reply(update, Screen(saved))
