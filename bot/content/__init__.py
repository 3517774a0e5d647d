"""The schema and loader of the top-level content/ data: start-up fails on anything missing or
misspelt, before any person sees it."""

from bot.content.loader import Content, load_content
from bot.content.tips import Tip, TipBook

__all__ = ["Content", "Tip", "TipBook", "load_content"]
