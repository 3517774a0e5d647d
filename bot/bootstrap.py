"""The composition root: settings, storage, content, services and the runtime, with the handlers
registered. The only module of `bot` that imports `handlers`."""

from __future__ import annotations

from functools import partial
from typing import Any

from telegram import BotCommand
from telegram.ext import ApplicationBuilder, CallbackContext, ContextTypes
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from bot.content.loader import ENGLISH, load_languages
from bot.runtime.alarms import AlarmSender
from bot.runtime.leader import Leadership
from bot.runtime.lifecycle import App, Runtime
from bot.runtime.scoped_request import ScopedRequest
from bot.runtime.sender import Pacer, Sender
from bot.services.registry import Services, build_services
from bot.storage.db import create_engine, session_factory
from bot.storage.migrate import upgrade
from handlers import routes
from handlers.context import BotContext, attach_services
from handlers.outgoing import composer
from handlers.webapp import api as webapp


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
        english, translations = load_languages(settings.content_dir)
        services = build_services(settings, english, session_factory(engine), translations=translations)
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
        builder = builder.request(ScopedRequest(request)).get_updates_request(request)
    else:
        # What the builder would make: 256 connections for calls, one for getUpdates, whose read
        # timeout is past the poll's.
        calls = HTTPXRequest(connection_pool_size=256, read_timeout=settings.telegram_read_timeout)
        polling = HTTPXRequest(connection_pool_size=1, read_timeout=settings.poll_timeout_seconds + 10)
        builder = builder.request(ScopedRequest(calls)).get_updates_request(polling)
    application: App = builder.build()
    attach_services(application, services)
    routes.register(application)
    pacer = Pacer(settings.send_per_second, settings.send_chat_gap_seconds)
    sender = Sender(application.bot, services.outbox, composer(services), pacer)
    commands: dict[str | None, list[BotCommand]] = {}
    for code in services.languages.offered:
        words = services.languages.content(code).messages.commands
        listed = [BotCommand(name, words[name]) for name in routes.COMMANDS]
        commands[code if code != ENGLISH else None] = listed
    alarms = AlarmSender(application.bot, services.alarms)
    leadership = Leadership(engine)
    web_routes = partial(
        webapp.add_routes, services=services, token=token, bot=application.bot, send_alarms=alarms.spawn
    )
    runtime = Runtime(application, services, engine, sender, leadership, commands, alarms, web_routes)
    if schedule_ticks and application.job_queue is not None:

        async def tick(_context: CallbackContext[Any, Any, Any, Any]) -> None:
            await runtime.tick()

        application.job_queue.run_repeating(tick, interval=settings.tick_seconds, first=1.0, name="tick")
    return runtime


async def console_chat(settings: Settings, language: str | None = None) -> None:
    """The console chat: this runtime on the offline Bot API, with the terminal as the person."""
    from bot.runtime.console import chat
    from bot.runtime.offline import FakeTelegram, OfflineRequest

    telegram = FakeTelegram()
    runtime = await build_runtime(settings, request=OfflineRequest(telegram))
    await chat(runtime, telegram, language)
