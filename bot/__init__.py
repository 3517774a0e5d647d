"""Spasm Diary: the application core."""

import os

# Opt in to PTB's timedelta time periods (e.g. RetryAfter.retry_after), avoiding its int deprecation path.
os.environ.setdefault("PTB_TIMEDELTA", "true")
