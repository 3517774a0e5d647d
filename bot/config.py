"""Settings from the environment or a `.env` file, built by a factory so tests can override."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT / "data"
DEFAULT_CONTENT_DIR = ROOT / "content"
TELEGRAM_API = "https://api.telegram.org"
PLACEHOLDER_TOKENS = {"changeme", "change-me", "your-token-here", "<token>", "token"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = f"{TELEGRAM_API}/bot"
    telegram_base_file_url: str = f"{TELEGRAM_API}/file/bot"
    database_url: str = ""
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    content_dir: Path = DEFAULT_CONTENT_DIR
    data_dir: Path = DEFAULT_DATA_DIR
    # A check-in that fell due while the bot was down is still sent when at most this late.
    checkin_grace_hours: float = 3.0
    # One gentle follow-up when a check-in stays unanswered this long.
    followup_hours: float = 3.0
    tick_seconds: float = 20.0
    # A standby process tries to take over this often (PostgreSQL, several processes).
    leader_retry_seconds: float = 10.0
    poll_timeout_seconds: int = 25
    # Processes that screen polled messages for red flags beside storing them (0: in the main one).
    triage_workers: int = 1
    telegram_read_timeout: float = 5.0
    # Sending: the first retry of a surely-undelivered message waits this long, doubling after;
    # a row left "sending" this long by a process that died is marked unknown (never resent).
    retry_first_seconds: float = 15.0
    # Telegram's limits: messages a second overall, and the gap between two to the same chat.
    send_per_second: float = 25.0
    send_chat_gap_seconds: float = 1.0
    sending_stale_seconds: float = 120.0
    # Webhook mode (`run --webhook URL`): where to listen, and the secret Telegram must send.
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8080
    webhook_path: str = "/telegram"
    # The Mini App (handlers/webapp): its public https URL, served by this process's web server (the
    # webhook's, or one of its own in polling mode); how long Telegram's signature on a request holds.
    webapp_url: str | None = None
    webapp_max_age_hours: float = 24.0
    # Operators' chats (comma-separated ids): only they may send /stats, and they get error alerts.
    admin_chat_ids: Annotated[frozenset[int], NoDecode] = frozenset()

    @field_validator("telegram_bot_token", "webhook_secret", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _refuse_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip().lower() in PLACEHOLDER_TOKENS:
            raise ValueError("TELEGRAM_BOT_TOKEN is a placeholder; set the token from @BotFather")
        return value

    @field_validator("admin_chat_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.lstrip("-").isdigit() for part in parts):
                raise ValueError(f"ADMIN_CHAT_IDS must be chat ids separated by commas, got {value!r}")
            return {int(part) for part in parts}
        if isinstance(value, int):
            return {value}
        return value

    @field_validator("telegram_base_url", "telegram_base_file_url")
    @classmethod
    def _bot_path(cls, value: str, info: Any) -> str:
        # Accept a bare server address ("http://localhost:8081") as well as PTB's form.
        value = value.rstrip("/")
        suffix = "/file/bot" if info.field_name == "telegram_base_file_url" else "/bot"
        if "{token}" in value or value.endswith(suffix):
            return value
        return value + suffix

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"DEFAULT_TIMEZONE {value!r} is not an IANA time zone") from exc
        return value

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'spasm-diary.db'}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
