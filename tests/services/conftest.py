"""Fixtures: the tests' Bot API server (shared with the Telegram tests)."""

from tests.telegram.conftest import api

__all__ = ["api"]
