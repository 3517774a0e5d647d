"""Who is asking: Telegram's signed initData in "Authorization: tma <initData>", checked with the
bot token; anything else is answered 401 with no data."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from bot.services.registry import Services
from bot.webapp.init_data import WebAppUser, verified_user

SCHEME = "tma "


def person_of(request: web.Request, services: Services, token: str) -> WebAppUser:
    header = request.headers.get("Authorization", "")
    init_data = header[len(SCHEME) :] if header.startswith(SCHEME) else ""
    max_age = timedelta(hours=services.settings.webapp_max_age_hours)
    user = verified_user(init_data, token, max_age, services.clock())
    if user is None:
        raise web.HTTPUnauthorized(text='{"error": "unauthorized"}', content_type="application/json")
    return user
