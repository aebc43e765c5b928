"""Settings from the environment (and command-line overrides); the token never shows in repr."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_API = "https://api.telegram.org"
LOG_FORMATS = ("text", "json")
DEFAULT_PORT = 8443  # of the webhook and /healthz server
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(ValueError):
    """A setting has a value that cannot be used."""


def default_knowledge_dir() -> Path:
    """knowledge/ of the project when run from a checkout, else ./knowledge."""
    bundled = PROJECT_ROOT / "knowledge"
    return bundled if bundled.is_dir() else Path("knowledge")


def _ids(raw: str, name: str = "MUNIBOT_ADMIN_IDS") -> frozenset[int]:
    try:
        return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)
    except ValueError:
        raise ConfigError(
            f"{name} must be Telegram user ids separated by commas, not {raw!r}"
        ) from None


def _number(
    env: Mapping[str, str],
    name: str,
    default: float,
    minimum: float | None = None,
    maximum: float | None = None,
) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if not math.isfinite(value):  # nan passes every comparison; inf is no integer
        raise ConfigError(f"{name} must be a number, not {raw!r}")
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}, not {raw!r}")
    if maximum is not None and value > maximum:
        raise ConfigError(f"{name} must be at most {maximum:g}, not {raw!r}")
    return value


def _url(env: Mapping[str, str], name: str) -> str:
    """An http(s) address without its trailing '/', or "" when the variable is not set."""
    raw = (env.get(name) or "").strip().rstrip("/")
    if raw and not raw.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{name} must start with http:// or https://, not '{raw}'")
    return raw


def _chat(env: Mapping[str, str], name: str) -> int | None:
    raw = (env.get(name) or "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(
            f"{name} must be a Telegram chat id (a whole number), not {raw!r}"
        ) from None


def log_format(env: Mapping[str, str] | None = None) -> str:
    """MUNIBOT_LOG_FORMAT: text (the default) or json (one JSON object per line)."""
    env = os.environ if env is None else env
    value = (env.get("MUNIBOT_LOG_FORMAT") or "text").strip().lower()
    if value not in LOG_FORMATS:
        raise ConfigError(f"MUNIBOT_LOG_FORMAT must be text or json, not {value!r}")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything the bot is configured with."""

    knowledge_dir: Path = field(default_factory=default_knowledge_dir)
    db_path: Path = Path("data/munibot.sqlite3")
    knowledge_cache: str = ""  # a file; "" beside the database, "off" none
    token: str | None = field(default=None, repr=False)
    admin_ids: frozenset[int] = frozenset()
    editor_ids: frozenset[int] = frozenset()
    flow_timeout: float = 1800.0  # seconds a multi-step flow may stay idle
    api_base_url: str = DEFAULT_API
    webhook_secret: str | None = field(default=None, repr=False)
    broadcast_rate: float = 25.0
    broadcast_lease: float = 15.0
    delivery_workers: int = 0  # 0: as few as the rate needs
    delivery_attempts: int = 5
    delivery_retry_base: float = 2.0
    delivery_timeout: float = 10.0
    delivery_retention_days: int = 90
    flood_limit: int = 20
    flood_window: float = 60.0
    retention_days: int = 180
    reload_interval: float = 5.0
    webhook_url: str | None = None
    listen: str = "0.0.0.0"
    port: int | None = None
    staff_chat_id: int | None = None  # the staff group that answers tickets (None: no tickets)
    staff_thread_id: int | None = None  # its forum topic for tickets, if it has topics
    ticket_remind_days: float = 2.0  # working days a ticket waits before it is posted again

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read MUNIBOT_* and TELEGRAM_* variables; explicit overrides win."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if env.get("MUNIBOT_KNOWLEDGE"):
            values["knowledge_dir"] = Path(env["MUNIBOT_KNOWLEDGE"])
        if env.get("MUNIBOT_DB"):
            values["db_path"] = Path(env["MUNIBOT_DB"])
        values["knowledge_cache"] = (env.get("MUNIBOT_KNOWLEDGE_CACHE") or "").strip()
        values["token"] = env.get("TELEGRAM_BOT_TOKEN") or None
        values["admin_ids"] = _ids(env.get("MUNIBOT_ADMIN_IDS", ""))
        values["editor_ids"] = _ids(env.get("MUNIBOT_EDITOR_IDS", ""), "MUNIBOT_EDITOR_IDS")
        values["flow_timeout"] = _number(env, "MUNIBOT_FLOW_TIMEOUT", 1800.0, 1)
        values["api_base_url"] = _url(env, "TELEGRAM_API_BASE_URL") or DEFAULT_API
        values["webhook_secret"] = env.get("MUNIBOT_WEBHOOK_SECRET") or None
        values["broadcast_rate"] = _number(env, "MUNIBOT_BROADCAST_RATE", 25.0, 0)
        values["broadcast_lease"] = _number(env, "MUNIBOT_BROADCAST_LEASE", 15.0, 1)
        values["delivery_workers"] = int(_number(env, "MUNIBOT_DELIVERY_WORKERS", 0, 0))
        values["delivery_attempts"] = int(_number(env, "MUNIBOT_DELIVERY_ATTEMPTS", 5, 1))
        values["delivery_retry_base"] = _number(env, "MUNIBOT_DELIVERY_RETRY_BASE", 2.0, 0)
        values["delivery_timeout"] = _number(env, "MUNIBOT_DELIVERY_TIMEOUT", 10.0, 0.1)
        values["delivery_retention_days"] = int(
            _number(env, "MUNIBOT_DELIVERY_RETENTION_DAYS", 90, 1)
        )
        values["flood_limit"] = int(_number(env, "MUNIBOT_FLOOD_LIMIT", 20, 1))
        values["retention_days"] = int(_number(env, "MUNIBOT_RETENTION_DAYS", 180, 1))
        values["reload_interval"] = _number(env, "MUNIBOT_RELOAD_INTERVAL", 5.0, 0.1)
        values["webhook_url"] = _url(env, "MUNIBOT_WEBHOOK_URL") or None
        values["listen"] = env.get("MUNIBOT_LISTEN") or "0.0.0.0"
        values["port"] = int(_number(env, "MUNIBOT_PORT", 0, 0, 65535)) or None
        values["staff_chat_id"] = _chat(env, "MUNIBOT_STAFF_CHAT_ID")
        values["staff_thread_id"] = _chat(env, "MUNIBOT_STAFF_TOPIC_ID")
        values["ticket_remind_days"] = _number(env, "MUNIBOT_TICKET_REMIND_DAYS", 2.0, 0.1)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def knowledge_cache_file(self) -> Path | None:
        """Where the knowledge base's cache is kept (MUNIBOT_KNOWLEDGE_CACHE): by default
        knowledge.cache beside the database; None when the setting is "off" (or the database
        is in memory)."""
        if self.knowledge_cache.lower() == "off" or (
            not self.knowledge_cache and str(self.db_path) == ":memory:"
        ):
            return None
        return (
            Path(self.knowledge_cache)
            if self.knowledge_cache
            else self.db_path.with_name("knowledge.cache")
        )

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given (non-None) values replaced."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def __repr__(self) -> str:
        token = "set" if self.token else "none"
        return (
            f"Settings(knowledge_dir={str(self.knowledge_dir)!r}, db_path={str(self.db_path)!r}"
            f", token={token}, admin_ids={sorted(self.admin_ids)}, "
            f"api_base_url={self.api_base_url!r})"
        )

    __str__ = __repr__
