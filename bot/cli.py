"""`python -m bot` / `spasm-diary`: run, chat, migrate."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from typing import TYPE_CHECKING

from pydantic import ValidationError
from telegram.error import InvalidToken, NetworkError

from bot import logs
from bot.config import Settings, get_settings

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from bot.runtime.dispatch import Dispatcher
    from bot.runtime.lifecycle import Runtime

    Work = Callable[[Runtime, asyncio.Event, Dispatcher | None], Awaitable[None]]

SHUTDOWN_GRACE_SECONDS = 20
NO_SECRET = (
    "Webhook mode needs WEBHOOK_SECRET (1-256 characters: letters, digits, _ and -), so that only "
    "Telegram can post updates; set it, or run without --webhook to use polling."
)
NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN is set. Create a bot with @BotFather in Telegram and put its token "
    "in .env as TELEGRAM_BOT_TOKEN=..., or try the bot in this terminal with: python -m bot chat"
)


def _logging(settings: Settings) -> None:
    token = settings.telegram_bot_token
    logs.configure(settings.log_level, [token.get_secret_value()] if token else [])


async def _run(settings: Settings, webhook_url: str | None = None) -> None:
    from bot.bootstrap import build_runtime
    from bot.runtime.lifecycle import freeze_startup_objects
    from bot.runtime.web_app_server import WebAppServer

    runtime = await build_runtime(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    freeze_startup_objects()
    await runtime.start()
    if webhook_url:
        await _serve_webhook(runtime, webhook_url, stop)
        return
    await runtime.application.bot.delete_webhook()
    logging.getLogger(__name__).info("Spasm Diary is running; press Ctrl+C to stop")
    pages = WebAppServer(runtime, settings.webhook_listen, settings.webhook_port)
    if settings.webapp_url:  # no webhook server in polling mode: the Mini App gets one of its own
        await pages.start()
    poller = asyncio.create_task(_sharing(runtime, stop, _lead))
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({poller, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        # Let the update being handled finish; the long poll itself stops at once.
        await asyncio.wait_for(asyncio.shield(poller), timeout=SHUTDOWN_GRACE_SECONDS)
    except TimeoutError:
        poller.cancel()
    finally:
        stopping.cancel()
        await asyncio.gather(poller, stopping, return_exceptions=True)
        await pages.stop()
        await runtime.stop()


async def _sharing(runtime: Runtime, stop: asyncio.Event, work: Work) -> None:
    """Run `work` (polling or the webhook); on PostgreSQL, also handle this process's share of
    the lanes of people, whichever process stored their updates."""
    from bot.runtime.dispatch import Dispatcher
    from bot.runtime.lane_worker import handle_lanes
    from bot.runtime.lanes import LaneKeeper

    keeper = LaneKeeper(runtime.engine)
    if not keeper.shared:
        await work(runtime, stop, None)
        return
    dispatcher = Dispatcher(runtime, keeper)
    lanes = asyncio.create_task(handle_lanes(dispatcher, stop, lambda: runtime.leadership.held))
    try:
        await work(runtime, stop, dispatcher)
    finally:
        stop.set()
        await lanes


async def _serve_webhook(runtime: Runtime, url: str, stop: asyncio.Event) -> None:
    from bot.runtime.web import WebhookReceiver

    async def receive(runtime: Runtime, stop: asyncio.Event, dispatcher: Dispatcher | None) -> None:
        receiver = WebhookReceiver(runtime, url, dispatcher)
        try:
            await receiver.start()
            await receiver.drain_while_leading(stop)
        finally:
            await receiver.stop()

    try:
        await _sharing(runtime, stop, receive)
    finally:
        await runtime.stop()


async def _lead(runtime: Runtime, stop: asyncio.Event, dispatcher: Dispatcher | None) -> None:
    """Poll (and handle) updates while this process leads; otherwise stand by and try again."""
    from bot.runtime.inbox import TAKEOVER_GRACE, DurablePoller
    from bot.storage.fencing import leading

    every = runtime.services.settings.leader_retry_seconds
    while await runtime.leadership.wait_for_leadership(stop, every):
        leadership = runtime.leadership
        if leadership.shared and not leadership.predecessor_closed:
            # The former leader may not have noticed yet: no overlapping poll.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=TAKEOVER_GRACE)
            if stop.is_set():
                break
        with leading(leadership.token):  # everything it writes, fenced by its epoch
            await DurablePoller(runtime, dispatcher).run(stop)
        await leadership.polling_ended()
        if not stop.is_set():
            await leadership.release()


async def _migrate(settings: Settings) -> None:
    from bot.storage.db import create_engine
    from bot.storage.migrate import upgrade

    engine = create_engine(settings.resolved_database_url)
    await upgrade(engine)
    await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="spasm-diary", description="Spasm Diary bot")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the Telegram bot (long polling, or --webhook URL)")
    run.add_argument(
        "--webhook", metavar="URL", help="receive updates at this public https URL instead of polling"
    )
    console = commands.add_parser("chat", help="chat with the bot in this terminal, no Telegram needed")
    console.add_argument(
        "--language", metavar="CODE", help="the language of your (pretend) Telegram app, e.g. es or en-GB"
    )
    commands.add_parser("migrate", help="apply database migrations")
    args = parser.parse_args(argv)
    try:
        settings = get_settings()
    except ValidationError as exc:
        print(f"Configuration error: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    _logging(settings)
    if args.command == "run":
        if settings.telegram_bot_token is None:
            print(NO_TOKEN, file=sys.stderr)
            return 2
        if args.webhook and settings.webhook_secret is None:
            print(NO_SECRET, file=sys.stderr)
            return 2
        try:
            asyncio.run(_run(settings, args.webhook))
        except InvalidToken:
            print("Telegram refused TELEGRAM_BOT_TOKEN: check it with @BotFather.", file=sys.stderr)
            return 2
        except NetworkError as exc:
            print(f"Cannot reach the Bot API at {settings.telegram_base_url}: {exc}", file=sys.stderr)
            return 1
    elif args.command == "chat":
        # Log lines would break up the conversation on screen: warnings and errors only
        # (set before the import, as alembic logs while it is imported).
        for handler in logging.getLogger().handlers:
            handler.setLevel(max(handler.level, logging.WARNING))
        from bot.bootstrap import console_chat

        asyncio.run(console_chat(settings, args.language))
    else:
        asyncio.run(_migrate(settings))
    return 0
