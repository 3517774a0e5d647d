"""Application services: plain values in and out, no Telegram imports."""
