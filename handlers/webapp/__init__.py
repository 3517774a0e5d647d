"""The Mini App over HTTP: its page under /app/ and its JSON under /app/api/, served by the bot's
own aiohttp server. Thin: each request is checked (initData), then plain values go to services."""
