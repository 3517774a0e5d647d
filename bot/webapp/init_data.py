"""Telegram's signed initData, as a Mini App receives it and sends it to us with each request.

The data-check-string is every field but `hash`, sorted by name, as "name=value" lines; the key is
HMAC-SHA256 of the bot token under the constant "WebAppData"; `hash` is HMAC-SHA256 of the
data-check-string under that key, in hex. A fresh `auth_date` is required as well."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

MAX_LENGTH = 8192  # far above anything Telegram sends: a longer string is not worth parsing
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class WebAppUser:
    telegram_id: int
    language_code: str | None
    signed_at: datetime


def _secret(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def _check_string(fields: dict[str, str]) -> bytes:
    return "\n".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "hash").encode()


def sign(fields: dict[str, str], bot_token: str) -> str:
    """initData for these fields, signed as Telegram signs it (the console's page and tests)."""
    digest = hmac.new(_secret(bot_token), _check_string(fields), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


def verified_user(init_data: str, bot_token: str, max_age: timedelta, now: datetime) -> WebAppUser | None:
    """The person the initData was signed for, or None: forged, altered, expired or malformed."""
    if not init_data or len(init_data) > MAX_LENGTH:
        return None
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    given = fields.get("hash", "")
    if len(fields) != len(pairs) or not given:
        return None  # a repeated field could hide what was signed
    expected = hmac.new(_secret(bot_token), _check_string(fields), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, given.lower()):
        return None
    try:
        signed_at = datetime.fromtimestamp(int(fields["auth_date"]), tz=now.tzinfo)
        user = json.loads(fields["user"])
        telegram_id = user["id"]
    except (KeyError, ValueError, TypeError, OverflowError, OSError):
        return None
    if not isinstance(telegram_id, int) or isinstance(telegram_id, bool) or not 0 < telegram_id <= MAX_ID:
        return None
    if not timedelta(minutes=-5) <= now - signed_at <= max_age:  # a little clock skew allowed
        return None
    language = user.get("language_code") if isinstance(user, dict) else None
    return WebAppUser(telegram_id, language if isinstance(language, str) else None, signed_at)
