"""The real `python -m bot run` process, pointed at a fake Bot API server, with one person."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.runtime.offline import Person, buttons_of
from tests.fake_bot_api import FakeBotApiServer

TOKEN = "123456:TEST-TOKEN"


class BotProcess:
    """`python -m bot run` pointed at the fake server, and one person talking to it."""

    def __init__(
        self,
        api: FakeBotApiServer,
        db_url: str,
        tmp_path: Path,
        person: Person,
        wait: bool = True,
        args: tuple[str, ...] = (),
        env: Mapping[str, str] | None = None,
        **extra: str,
    ) -> None:
        self.api, self.person = api, person
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": api.url,
            "DATABASE_URL": db_url,
            "DATA_DIR": str(tmp_path),
            "TICK_SECONDS": "0.5",
            "POLL_TIMEOUT_SECONDS": "1",
            "LOG_LEVEL": "INFO",
            **(env or {}),
            **extra,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", *args], cwd=tmp_path, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        # Read the output as it comes: a full pipe would block the bot's logging, and the bot.
        self._output: list[str] = []
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        if wait:
            api.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls))

    def _drain(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout:
            for line in self.process.stdout:
                self._output.append(line)

    def output(self) -> str:
        """What the process has logged so far."""
        return "".join(self._output)

    def texts(self) -> list[str]:
        return [
            str(m.get("text"))
            for (chat, _), m in sorted(self.api.telegram.messages.items())
            if chat == self.person.user_id
        ]

    def wait_text(self, fragment: str) -> None:
        self.api.wait_for(lambda _: any(fragment in t for t in self.texts()))

    def say(self, text: str, reply_to: dict[str, Any] | None = None) -> int:
        return self.api.push(lambda uid: self.person.message(text, uid, reply_to))

    def wait_count(self, fragment: str, count: int) -> None:
        """Until `count` of the person's messages contain `fragment` (a reply that comes again)."""
        self.api.wait_for(lambda _: sum(fragment in t for t in self.texts()) >= count)

    def card(self, fragment: str) -> dict[str, Any]:
        """The newest message of the bot's to this person that contains `fragment`."""
        mine = [
            m for (chat, _), m in sorted(self.api.telegram.messages.items())
            if chat == self.person.user_id and fragment in str(m.get("text", ""))
        ]  # fmt: skip
        return mine[-1]

    def press(self, label: str) -> None:
        """Tap `label` once the newest keyboard shows it (the bot may still be answering)."""

        def offered(_: object) -> dict[str, Any] | None:
            message = self._keyboard()
            return message if message and any(label in text for text, _ in buttons_of(message)) else None

        message = self.api.wait_for(offered)
        data = next(d for text, d in buttons_of(message) if label in text)
        self.api.push(lambda uid: self.person.press(message, data, uid))

    def _keyboard(self) -> dict[str, Any] | None:
        mine = [
            m
            for (chat, _), m in self.api.telegram.messages.items()
            if chat == self.person.user_id and buttons_of(m)
        ]
        return max(mine, key=lambda m: m["message_id"]) if mine else None

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)

    def stop(self) -> str:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        output = self.output()
        assert self.process.returncode == 0, output
        assert TOKEN not in output
        return output
