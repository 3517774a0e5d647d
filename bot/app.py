"""Wires settings, database, content, services and handlers into a python-telegram-bot Application."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import BotCommand
from telegram.ext import Application, ApplicationBuilder, CallbackContext, ContextTypes
from telegram.request import BaseRequest, HTTPXRequest

import handlers
from bot.charts import chart_png
from bot.config import Settings
from bot.content import load_content
from bot.db import create_engine, session_factory
from bot.leader import Leadership
from bot.migrate import upgrade
from bot.raw_updates import RawUpdates
from bot.sender import Compose, Outgoing, Pacer, Sender
from bot.services.housekeeping import purge_handled_updates
from bot.services.outbox import Delivery
from bot.services.registry import Services, build_services
from handlers import summary_views, views
from handlers.context import BotContext, attach_services

log = logging.getLogger(__name__)
App = Application[Any, BotContext, Any, Any, Any, Any]


@dataclass
class Runtime:
    """Everything a running bot holds, so `run`, `chat` and tests start and stop it the same way."""

    application: App
    services: Services
    engine: AsyncEngine
    sender: Sender
    leadership: Leadership
    raw_updates: RawUpdates | None = None  # Telegram's JSON of the last getUpdates batch

    async def tick(self) -> None:
        """One scheduler pass, by the leading process only: queue whoever is due, then send."""
        if not await self.leadership.still_held():
            return
        stale = timedelta(seconds=self.services.settings.sending_stale_seconds)
        await self.services.outbox.recover_interrupted(stale)
        await purge_handled_updates(self.services.db, self.services.clock())
        stats = await self.services.outbox.enqueue_due()
        await self.services.reminders.enqueue_followups()
        if stats.enqueued or stats.skipped_late:
            log.info("check-ins queued: %d, skipped as too late: %d", stats.enqueued, stats.skipped_late)
        await self.sender.send_pending()

    async def start(self, *, run_jobs: bool = True) -> None:
        """Initialize, register the command list with Telegram, and start handling and ticks."""
        application = self.application
        await application.initialize()
        content = self.services.content
        commands = [BotCommand(name, content.messages.commands[name]) for name in handlers.COMMANDS]
        await application.bot.set_my_commands(commands)
        if run_jobs:
            await application.start()

    async def stop(self) -> None:
        await self.leadership.release()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        await self.engine.dispose()


def freeze_startup_objects() -> None:
    """Leave what start-up built (content, compiled patterns, handlers, mappings) out of every
    later garbage collection: a full collection over it paused handling for 40-50 ms."""
    gc.collect()
    gc.freeze()


def _composer(services: Services) -> Compose:
    """How each kind of outbox row is turned into a message."""
    content = services.content

    async def compose(delivery: Delivery) -> Outgoing:
        if delivery.kind == "summary":
            summary = await services.summary.build(delivery.telegram_id, "week", end=delivery.local_date)
            if summary is None or not summary.enough:
                return Outgoing(summary_views.too_little(content, summary) if summary else "")
            lines = [
                content.messages.summary.weekly_intro,
                "",
                *summary_views.summary_lines(content, summary),
            ]
            caption, extra = summary_views.split_caption(lines, content.messages.summary.more)
            photo = await chart_png(summary_views.chart_spec(content, summary.current))
            return Outgoing(caption, photo=photo, extra=extra)
        assert delivery.checkin is not None
        screen = views.checkin_question(content, delivery.checkin, scheduled=True)
        if delivery.kind == "followup":
            return Outgoing(f"{content.messages.checkin.followup_intro}\n\n{screen.text}", screen.markup)
        return Outgoing(screen.text, screen.markup)

    return compose


async def build_runtime(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    services: Services | None = None,
    schedule_ticks: bool = True,
) -> Runtime:
    """Migrate the database, load content, and build the Application (not yet started)."""
    engine = create_engine(settings.resolved_database_url)
    await upgrade(engine)
    if services is None:
        content = load_content(settings.content_dir)
        services = build_services(settings, content, session_factory(engine))
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else "0:offline"
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(context=BotContext))
        .updater(None)
    )
    if request is not None:
        raw_updates = RawUpdates(request)
        builder = builder.request(request)
    else:
        # What the builder would make for getUpdates: one connection, a read timeout past the poll's.
        raw_updates = RawUpdates(
            HTTPXRequest(connection_pool_size=1, read_timeout=settings.poll_timeout_seconds + 10)
        )
        builder = builder.read_timeout(settings.telegram_read_timeout)
    builder = builder.get_updates_request(raw_updates)
    application: App = builder.build()
    attach_services(application, services)
    handlers.register(application)
    pacer = Pacer(settings.send_per_second, settings.send_chat_gap_seconds)
    sender = Sender(application.bot, services.outbox, _composer(services), pacer)
    runtime = Runtime(application, services, engine, sender, Leadership(engine), raw_updates)
    if schedule_ticks and application.job_queue is not None:

        async def tick(_context: CallbackContext[Any, Any, Any, Any]) -> None:
            await runtime.tick()

        application.job_queue.run_repeating(tick, interval=settings.tick_seconds, first=1.0, name="tick")
    return runtime
