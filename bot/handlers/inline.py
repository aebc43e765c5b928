"""Inline mode: `@bot question` in any chat offers the answer and the matching projects."""

from __future__ import annotations

import hashlib

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.engine import Answer
from bot.engine.reply import Reply
from bot.handlers.common import Context, clean_text, services
from bot.handlers.sender import split_html

MAX_RESULTS = 8


def _result(key: str, title: str, description: str, reply: Reply) -> InlineQueryResultArticle:
    html = split_html(reply.html())[0]  # what one message holds: 4,096 units, cut at a line
    return InlineQueryResultArticle(
        id=hashlib.sha1(key.encode()).hexdigest()[:32],
        title=title[:100],
        description=description[:200],
        input_message_content=InputTextMessageContent(html, parse_mode=ParseMode.HTML),
    )


async def on_inline(update: Update, context: Context) -> None:
    """Answer an inline query with up to MAX_RESULTS articles."""
    query = update.inline_query
    if query is None:
        return
    svc, text = services(context), clean_text(query.query)
    lang = await svc.assistant.language(query.from_user.id, query.from_user.language_code, text)
    answer: Answer | None = svc.knowledge.engine.answer(text, lang=lang) if text.strip() else None
    results = []
    if answer is not None and answer.answered:
        title = answer.reply.plain().split("\n", 1)[0]
        results.append(_result(f"a:{text}:{lang}", title, answer.reply.plain()[:200], answer.reply))
    shown = {answer.project} if answer else set()
    for project in svc.knowledge.knowledge.projects:
        wanted = answer is None or project.id in (answer.suggestions or ()) or not answer.answered
        if project.id in shown or not wanted or len(results) >= MAX_RESULTS:
            continue
        reply, _ = svc.knowledge.engine.composer.project(project, "summary", lang)
        results.append(
            _result(f"p:{project.id}:{lang}", project.name(lang), project.summary.get(lang), reply)
        )
    await query.answer(results, cache_time=60, is_personal=True)
