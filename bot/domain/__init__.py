"""Pure rules of the diary: no database, no network, no Telegram."""
