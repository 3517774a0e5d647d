"""What a running bot holds, so `run`, `chat`, benchmarks and tests start, tick and stop it alike."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import BotCommand, MenuButtonWebApp, WebAppInfo
from telegram.error import TelegramError
from telegram.ext import Application

from bot.runtime.alarms import AlarmSender
from bot.runtime.leader import Leadership
from bot.runtime.sender import Sender
from bot.services.housekeeping import purge_handled_updates
from bot.services.registry import Services
from bot.storage.fencing import leading

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]


@dataclass
class Runtime:
    """Everything a running bot holds; built by `bot.bootstrap.build_runtime`."""

    application: App
    services: Services
    engine: AsyncEngine
    sender: Sender
    leadership: Leadership
    # The command menu registered with Telegram at start, per language (None: everyone else's).
    commands: Mapping[str | None, Sequence[BotCommand]] = field(default_factory=dict)
    alarms: AlarmSender | None = None  # emergency replies decided at intake
    web_routes: Callable[[web.Application], None] | None = None  # the Mini App's (handlers/webapp)

    async def tick(self) -> None:
        """One scheduler pass, by the leading process only: queue whoever is due, then send."""
        if not await self.leadership.still_held():
            return
        with leading(self.leadership.token):
            await self._tick()

    async def _tick(self) -> None:
        if self.alarms is not None:  # emergency replies not yet delivered come before anything
            await self.alarms.send_due()
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
        for language, commands in self.commands.items():
            await application.bot.set_my_commands(list(commands), language_code=language)
        url = self.services.settings.webapp_url
        if url and self.web_routes is not None:  # the menu button opens the Mini App
            label = self.services.content.messages.webapp.menu_button
            try:
                await application.bot.set_chat_menu_button(
                    menu_button=MenuButtonWebApp(label, WebAppInfo(url))
                )
            except TelegramError as exc:  # the bot works without it: /summary and /history offer it
                log.warning("the Mini App's menu button was not set (%s)", type(exc).__name__)
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
