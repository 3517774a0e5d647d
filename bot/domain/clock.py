"""The injected clock: every rule and service asks it for "now", so tests can set the time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]  # returns an aware UTC datetime
