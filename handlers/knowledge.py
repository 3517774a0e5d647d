"""/causes and typed questions: sourced answers, or an honest "I don't have an answer"."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.content.knowledge import KnowledgeBook
from handlers import callbacks
from handlers.common import answer, edit, reply, sender_id
from handlers.context import BotContext
from handlers.views.screen import Screen

MENU = "menu"  # the topic list itself, in place of a topic id


def _menu(book: KnowledgeBook, intro: str) -> Screen:
    rows = [[InlineKeyboardButton(t.title, callback_data=callbacks.TOPIC.build(t.id))] for t in book.topics]
    return Screen(intro, InlineKeyboardMarkup(rows))


def _answer_screen(book: KnowledgeBook, topic_id: str, text: str) -> Screen:
    topic = book.topic(topic_id)
    assert topic is not None
    related = [book.topic(r) for r in topic.related]
    rows = [
        [InlineKeyboardButton(t.title, callback_data=callbacks.TOPIC.build(t.id))]
        for t in related
        if t is not None
    ]
    rows.append([InlineKeyboardButton(book.back, callback_data=callbacks.TOPIC.build(MENU))])
    return Screen(text, InlineKeyboardMarkup(rows))


async def causes(update: Update, context: BotContext) -> None:
    """/causes: the topics, as buttons."""
    book = context.services.content.knowledge
    await reply(update, _menu(book, book.menu_title))


async def topic_button(update: Update, context: BotContext) -> None:
    """A topic (or the topic list) button; the answer replaces the menu in the same message."""
    query = update.callback_query
    assert query is not None and query.data is not None
    services = context.services
    book = services.content.knowledge
    parsed = callbacks.TOPIC.parse(query.data)
    topic_id = parsed[0] if parsed else ""
    if topic_id == MENU:
        await answer(query)
        await edit(query, _menu(book, book.menu_title))
        return
    found = await services.knowledge.topic_answer(sender_id(update), topic_id)
    if found is None:
        await answer(query, services.content.messages.general.button_expired)
        return
    await answer(query)
    await edit(query, _answer_screen(book, found.topic, found.text))


async def question(update: Update, context: BotContext, text: str, *, strict: bool = False) -> bool:
    """Answer a typed question; an uncovered question gets the honest fallback and the menu.
    `strict`: only a question (not a statement) with an answer is answered. False when nothing was said."""
    services = context.services
    asked = services.knowledge.index.looks_like_question(text)
    if (strict or services.triager.denies(text)) and not asked:  # "no seizure lol" asks nothing
        return False
    found = await services.knowledge.answer(sender_id(update), text)
    book = services.content.knowledge
    if found is not None:
        await reply(update, _answer_screen(book, found.topic, found.text))
        return True
    if not strict and asked:
        await reply(update, _menu(book, book.not_covered))
        return True
    return False
