"""The Telegram edge: routes, one module per feature, views, callback data and outgoing messages."""
