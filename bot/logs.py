"""Logging set-up that keeps what people write, their health values and the token out of the logs."""

from __future__ import annotations

import logging
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "<redacted>"
# Below WARNING these log what passes through them: PTB the parameters and results of every Bot
# API call (people's words, health values as shown back) and the bot itself (with its token),
# httpx/httpcore request URLs (with the token), aiosqlite and SQLAlchemy statement parameters;
# the rest only add noise. Pinned, so even LOG_LEVEL=DEBUG is safe to turn on.
LIBRARIES = (
    "telegram", "httpx", "httpcore", "aiosqlite", "asyncpg", "sqlalchemy", "apscheduler",
    "fpdf", "fontTools", "matplotlib", "PIL",
)  # fmt: skip


def quiet_libraries() -> None:
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


class Redact(logging.Filter):
    """Replaces secrets (the token) in a record's message and traceback: a second line of defence,
    for an exception whose text carries a URL."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        if any(s in message for s in self._secrets):
            record.msg, record.args = self._scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._scrub(record.exc_text)
        return True

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure(level: str, secrets: Iterable[str] = ()) -> None:
    logging.basicConfig(level=level.upper(), format=FORMAT)
    quiet_libraries()
    redact = Redact(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
