"""End to end: the real Application against the tests' Bot API server, as citizens use it."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.config import Settings
from bot.storage import Storage
from tests.botapi import updates
from tests.botapi.server import BOT_USER, Call, FakeBotAPI
from tests.telegram.harness import BotHarness

USER = 1001
GROUP = -5001


def buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("callback_data") or b.get("url") for row in rows for b in row]


def messages(calls: list[Call]) -> list[dict[str, Any]]:
    return [c.result for c in calls if c.method == "sendMessage" and c.error is None]


async def test_start_greets_with_menu(bot: BotHarness) -> None:
    [sent] = messages(await bot.send(updates.message(USER, "/start")))
    assert "Здравейте" in sent["text"]
    assert buttons(sent) == ["m:projects", "m:news", "m:contacts", "m:language"]


async def test_deep_link_opens_the_project(bot: BotHarness) -> None:
    [sent] = messages(
        await bot.send(updates.message(USER, "/start p_hot-lunch", language_code="en"))
    )
    assert sent["text"].startswith("Hot Lunch")
    assert "t:hot-lunch:budget" in buttons(sent) and "f:hot-lunch" in buttons(sent)


async def test_a_link_to_a_project_gone_says_so_and_greets(bot: BotHarness) -> None:
    [sent] = messages(await bot.send(updates.message(USER, "/start p_old-project")))
    assert sent["text"].startswith("Проектът от връзката вече не е в базата на бота.")
    assert "Здравейте" in sent["text"] and "m:projects" in buttons(sent)


async def test_subscribing_twice_says_already(bot: BotHarness) -> None:
    said = []
    for command in ("/subscribe", "/subscribe", "/unsubscribe", "/unsubscribe"):
        [sent] = messages(await bot.send(updates.message(USER, command)))
        said.append(sent["text"].split(" ")[0])
    assert said == ["Абонирахте", "Вече", "Отписахте", "Не"]


async def test_following_lists_the_projects_followed_and_a_press_stops_one(
    bot: BotHarness,
) -> None:
    """README: Follow under an answer, /following, and its buttons that stop following."""
    [none] = messages(await bot.send(updates.message(USER, "/following")))
    assert none["text"].startswith("Не следвате нито един проект.")
    [answer] = messages(await bot.send(updates.message(USER, "колко струва топъл обяд")))
    assert "f:hot-lunch" in buttons(answer)
    pressed = await bot.send(updates.button(USER, "f:hot-lunch", answer))
    [toast] = [c.params for c in pressed if c.method == "answerCallbackQuery"]
    assert toast["text"] == "Ще получавате новините за този проект."
    [listed] = messages(await bot.send(updates.message(USER, "/following")))
    assert buttons(listed) == ["u:hot-lunch"]
    pressed = await bot.send(updates.button(USER, "u:hot-lunch", listed))
    [toast] = [c.params for c in pressed if c.method == "answerCallbackQuery"]
    assert toast["text"] == "Вече не следвате този проект."
    [none] = messages(await bot.send(updates.message(USER, "/following")))
    assert none["text"].startswith("Не следвате нито един проект.")


@pytest.mark.parametrize(
    ("text", "code", "fact"),
    [
        ("Колко струва проектът за мониторинг?", "bg", "79 829,24 лв."),
        ("kolko struva proekta za monitoring", None, "79 829,24 лв."),
        ("How much did the monitoring project cost?", "en", "79,829.24 BGN"),
    ],
)
async def test_question_in_each_language(
    bot: BotHarness, text: str, code: str | None, fact: str
) -> None:
    [sent] = messages(await bot.send(updates.message(USER, text, language_code=code)))
    assert fact in sent["text"].replace("\u00a0", " ")
    assert "t:monitoring-policies:dates" in buttons(sent)
    assert any(b.startswith("fb:") for b in buttons(sent))


TOPIC_FACTS = {
    "summary": "План",
    "budget": "199 467,56",
    "dates": "20 май 2014",
    "activities": "не са описани",
    "results": "не са описани",
    "news": "Още няма новини",
    "contacts": "3561 7777",
}


async def test_every_topic_button(bot: BotHarness) -> None:
    """The park's record has no activities, results or news: no button offers them, and a button
    for one of them (sent before the record changed) still says they are not there."""
    [answer] = messages(await bot.send(updates.message(USER, "какво е паркът в кв. 66")))
    topic_buttons = [b for b in buttons(answer) if b.startswith("t:")]
    assert [b.split(":")[2] for b in topic_buttons] == ["budget", "dates", "contacts"]
    stale = [f"t:park-block-66:{topic}" for topic in ("activities", "results", "news")]
    for data in topic_buttons + stale:
        calls = await bot.send(updates.button(USER, data, answer))
        [sent] = messages(calls)
        topic = data.split(":")[2]
        assert TOPIC_FACTS[topic].lower() in sent["text"].replace("\u00a0", " ").lower(), data
        assert any(c.method == "answerCallbackQuery" for c in calls)


async def test_did_you_mean_buttons(bot: BotHarness) -> None:
    [sent] = messages(await bot.send(updates.message(USER, "брошури ремонт")))
    assert "Имахте ли предвид" in sent["text"] or "Не съм сигурен" in sent["text"]
    assert "p:monitoring-policies" in buttons(sent)
    [card] = messages(await bot.send(updates.button(USER, "p:monitoring-policies", sent)))
    assert card["text"].startswith("Мониторинг и контрол")


async def test_a_short_list_offers_each_project(bot: BotHarness) -> None:
    """The five ongoing projects are listed, each with a button that opens it."""
    [sent] = messages(await bot.send(updates.message(USER, "кои проекти са в изпълнение")))
    offered = [data for data in buttons(sent) if data.startswith("p:")]
    assert len(offered) == 5 and "p:hot-lunch" in offered
    [card] = messages(await bot.send(updates.button(USER, "p:hot-lunch", sent)))
    assert card["text"].startswith("Топъл обяд")


async def test_follow_up_question(bot: BotHarness) -> None:
    await bot.send(updates.message(USER, "колко струва паркът"))
    [sent] = messages(await bot.send(updates.message(USER, "а кога приключи?")))
    assert "20 май 2014" in sent["text"]


async def test_a_reply_to_an_older_answer_goes_on_with_its_project(bot: BotHarness) -> None:
    """Replying (swipe left) to yesterday's answer about the hot lunch, after talking about
    the park, asks about the hot lunch; a plain follow-up still goes on with the park."""
    [lunch] = messages(await bot.send(updates.message(USER, "какво е топъл обяд")))
    assert lunch["text"].startswith("Топъл обяд")
    await bot.send(updates.message(USER, "колко струва паркът"))
    reply = updates.message(USER, "а колко струва?", reply_to_message=lunch)
    [sent] = messages(await bot.send(reply))
    assert sent["text"].startswith("Топъл обяд") and "не е публикувана" in sent["text"]
    [dates] = messages(await bot.send(updates.message(USER, "а кога започна?")))
    assert dates["text"].startswith("Топъл обяд")
    await bot.send(updates.message(USER, "колко струва паркът"))
    [park] = messages(await bot.send(updates.message(USER, "а кога приключи?")))
    assert "20 май 2014" in park["text"]


async def test_language_switch_is_stored(bot: BotHarness, api: FakeBotAPI) -> None:
    [menu] = messages(await bot.send(updates.message(USER, "/language")))
    assert buttons(menu) == ["g:bg", "g:en"]
    [done] = messages(await bot.send(updates.button(USER, "g:en", menu)))
    assert "English" in done["text"]
    [sent] = messages(await bot.send(updates.message(USER, "колко струва паркът")))
    assert "Total cost" in sent["text"]


async def test_the_reply_is_in_the_language_the_question_is_written_in(bot: BotHarness) -> None:
    """Many Bulgarians keep Telegram in English: a question in Cyrillic is answered in
    Bulgarian, and the buttons under it too; a question wholly in English from a Bulgarian
    Telegram is answered in English; a message of no clear language keeps the last one."""
    cyrillic = updates.message(USER, "колко струва паркът", language_code="en")
    [sent] = messages(await bot.send(cyrillic))
    assert sent["text"].startswith("Обновяване на парка")
    [dates] = messages(await bot.send(updates.button(USER, "t:park-block-66:dates", sent, "en")))
    assert "Начало: 20 май 2014" in dates["text"]
    latin = updates.message(USER + 2, "kolko struva parka", language_code="en")
    assert "Обща стойност" in messages(await bot.send(latin))[0]["text"]
    [english] = messages(await bot.send(updates.message(USER + 1, "how much does the park cost?")))
    assert "Total cost" in english["text"]
    [unclear] = messages(await bot.send(updates.message(USER + 1, "66?")))
    assert unclear["text"].startswith("Park renovation, block 66")  # English, as before
    [menu] = messages(await bot.send(updates.message(USER + 1, "/language")))
    await bot.send(updates.button(USER + 1, "g:bg", menu))
    [chosen] = messages(await bot.send(updates.message(USER + 1, "how much does the park cost?")))
    assert "Обща стойност" in chosen["text"]  # a language chosen in /language is kept


@pytest.mark.parametrize("command", ["/language en", "/lang en", "/lang English"])
async def test_the_language_named_after_the_command_is_set_at_once(
    bot: BotHarness, command: str
) -> None:
    [done] = messages(await bot.send(updates.message(USER, command)))
    assert done["text"].startswith("Done, I will answer you in English.")
    [sent] = messages(await bot.send(updates.message(USER, "колко струва паркът")))
    assert "Total cost" in sent["text"]
    [menu] = messages(await bot.send(updates.message(USER, "/lang")))
    assert buttons(menu) == ["g:bg", "g:en"]  # nothing named: the two buttons


async def test_the_bot_mentioned_alone_in_a_group_greets_with_the_menu(bot: BotHarness) -> None:
    mention = updates.mention(USER, "", BOT_USER["username"], GROUP)  # was: "not found"
    [sent] = messages(await bot.send(mention))
    assert sent["text"].startswith("Здравейте") and buttons(sent)


async def test_group_answers_only_when_addressed(bot: BotHarness) -> None:
    assert not messages(
        await bot.send(updates.message(USER, "колко струва паркът", chat_id=GROUP, kind="group"))
    )
    mention = updates.mention(USER, "колко струва паркът", BOT_USER["username"], GROUP)
    [sent] = messages(await bot.send(mention))
    assert "199" in sent["text"]
    reply = updates.message(
        USER,
        "а кога приключи?",
        chat_id=GROUP,
        kind="group",
        reply_to_message={**sent, "chat": {"id": GROUP, "type": "group", "title": "G"}},
    )
    [follow] = messages(await bot.send(reply))
    assert "20 май 2014" in follow["text"]
    sticker = updates.message(
        USER, chat_id=GROUP, kind="group", sticker=updates.sticker(USER)["message"]["sticker"]
    )
    assert not messages(await bot.send(sticker))


async def test_inline_query(bot: BotHarness, api: FakeBotAPI) -> None:
    calls = await bot.send(updates.inline_query(USER, "hot lunch budget"))
    [answered] = [c for c in calls if c.method == "answerInlineQuery"]
    results = answered.params["results"]
    assert results and results[0]["title"].startswith("Hot Lunch")
    assert all(len(r["id"]) <= 64 for r in results)


async def test_very_long_message(bot: BotHarness) -> None:
    [sent] = messages(await bot.send(updates.message(USER, "колко струва паркът " * 300)))
    assert sent["text"].startswith("Съобщението е много дълго")


async def test_sticker_and_unknown_command(bot: BotHarness) -> None:
    [hint] = messages(await bot.send(updates.sticker(USER)))
    assert "Разбирам само текст" in hint["text"]
    [unknown] = messages(await bot.send(updates.message(USER, "/frobnicate")))
    assert "/help" in unknown["text"]


PHOTO = [{"file_id": "p", "file_unique_id": "pu", "width": 10, "height": 10}]


async def test_the_caption_of_a_photo_is_the_question(bot: BotHarness) -> None:
    """A citizen photographs the park and asks under the photo: the caption is answered, with
    a word that the photo itself was not looked at; a photo alone still gets the hint."""
    photo = updates.message(USER, photo=PHOTO, caption="колко струва паркът?")
    [sent] = messages(await bot.send(photo))
    assert sent["text"].startswith("Прочетох текста към съобщението ви")
    assert "199 467,56" in sent["text"].replace("\u00a0", " ")
    assert "t:park-block-66:dates" in buttons(sent)
    [hint] = messages(await bot.send(updates.message(USER, photo=PHOTO)))
    assert "Разбирам само текст" in hint["text"]
    in_group = {"chat_id": GROUP, "kind": "group", "photo": PHOTO, "caption": "колко струва?"}
    assert messages(await bot.send(updates.message(USER, **in_group))) == []


async def test_the_caption_of_a_citizens_file_is_the_question_too(bot: BotHarness) -> None:
    """A scan of a notice sent as a file, asked about in its caption: the caption is answered
    as under a photo (it got only the hint, and the question was lost); a file alone gets the
    hint."""
    scan = {"file_id": "d", "file_unique_id": "du", "file_name": "obyava.pdf"}
    asked = updates.message(USER, document=scan, caption="колко струва паркът?")
    [sent] = messages(await bot.send(asked))
    assert sent["text"].startswith("Прочетох текста към съобщението ви")
    assert "199 467,56" in sent["text"].replace("\u00a0", " ")
    [hint] = messages(await bot.send(updates.message(USER, document=scan)))
    assert "Разбирам само текст" in hint["text"]


async def test_forged_and_stale_buttons(bot: BotHarness) -> None:
    for data in ("p:no-such-project", "x" * 64, "t:hot-lunch:salary", "l:abc", "fb:99:+"):
        calls = await bot.send(updates.button(USER, data))
        [answer] = [c for c in calls if c.method == "answerCallbackQuery"]
        assert answer.params.get("text") == "Този бутон вече не е валиден."
        assert not messages(calls)


async def test_projects_pages_edit_in_place(bot: BotHarness) -> None:
    [listing] = messages(await bot.send(updates.message(USER, "/projects")))
    assert "стр. 1 от 3" in listing["text"] and "l:1" in buttons(listing)
    calls = await bot.send(updates.button(USER, "l:1", listing))
    [edit] = [c for c in calls if c.method == "editMessageText"]
    assert "стр. 2 от 3" in edit.result["text"]


async def test_news_and_contacts_commands(bot: BotHarness) -> None:
    [news] = messages(await bot.send(updates.message(USER, "/news")))
    assert "Последни новини" in news["text"] and "2024" in news["text"]
    [contacts] = messages(await bot.send(updates.message(USER, "/contacts")))
    assert "+359 3561 7777" in contacts["text"]


async def test_commands_are_registered_in_both_languages(bot: BotHarness, api: FakeBotAPI) -> None:
    languages = {code for _, code in api.commands}
    assert languages == {"", "bg", "en"}
    english = api.commands[('{"type": "default"}', "en")]
    assert {"command": "projects", "description": "All projects"} in english


@pytest.mark.parametrize("code", ["bg", "en"])
async def test_help_names_every_command_of_the_menu(
    bot: BotHarness, api: FakeBotAPI, code: str
) -> None:
    [help_message] = messages(await bot.send(updates.message(USER, "/help", language_code=code)))
    menu = [c["command"] for c in api.commands[('{"type": "default"}', code)]]
    missing = [name for name in menu if name != "start" and f"/{name} " not in help_message["text"]]
    assert missing == []


async def test_429_is_waited_out(bot: BotHarness, api: FakeBotAPI) -> None:
    api.fail("sendMessage", 429, count=1, chat_id=USER, retry_after=1)
    calls = await bot.send(updates.message(USER, "контакти"))
    attempts = [c for c in calls if c.method == "sendMessage"]
    assert [c.error is None for c in attempts] == [False, True]
    assert attempts[1].at - attempts[0].at >= 0.9


async def test_403_marks_the_user_blocked(
    bot: BotHarness, api: FakeBotAPI, settings: Settings
) -> None:
    api.fail("sendMessage", 403, count=1, chat_id=USER)
    await bot.send(updates.message(USER, "контакти"))
    storage = bot.app.bot_data["services"].storage
    assert await storage.is_blocked(USER)
    [other] = messages(await bot.send(updates.message(USER + 1, "контакти")))
    assert "7777" in other["text"]


async def test_membership_updates(bot: BotHarness) -> None:
    storage = bot.app.bot_data["services"].storage
    await bot.send(updates.membership(USER, "kicked"))
    assert await storage.is_blocked(USER)
    await bot.send(updates.membership(USER, "member"))
    assert not await storage.is_blocked(USER)


async def test_restart_keeps_users_and_question_log(api: FakeBotAPI, settings: Settings) -> None:
    first = await BotHarness(api, settings).start()
    await first.send(updates.message(USER, "/language"))
    await first.send(updates.button(USER, "g:en"))
    await first.send(updates.message(USER, "колко струва паркът"))
    await first.stop()
    second = await BotHarness(api, settings).start()
    [sent] = messages(await second.send(updates.message(USER, "колко струва паркът")))
    assert "Total cost" in sent["text"]
    await second.stop()
    storage = await Storage.open(settings.db_path)
    assert await storage.count_users() == 1 and await storage.count_questions() == 2
    await storage.close()


async def test_webhook_mode(api: FakeBotAPI, settings: Settings) -> None:
    harness = await BotHarness(api, settings, mode="webhook").start()
    try:
        assert api.webhook["secret_token"] == "s3cret"
        [sent] = messages(await harness.send(updates.message(USER, "kolko struva parka")))
        assert "199" in sent["text"]
        api.webhook["secret_token"] = "wrong"
        await api.push(updates.message(USER, "контакти"))
        assert api.webhook["last_status"] == 403
    finally:
        await harness.stop()


async def test_token_never_logged(
    api: FakeBotAPI, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    harness = await BotHarness(api, settings).start()
    await harness.send(updates.message(USER, "контакти"))
    await harness.stop()
    assert settings.token and settings.token not in caplog.text
    assert settings.token not in repr(settings)


async def test_a_failing_handler_is_reported_and_the_bot_keeps_running(
    bot: BotHarness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assistant = bot.app.bot_data["services"].assistant
    original = assistant.ask

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the engine broke")

    monkeypatch.setattr(assistant, "ask", broken)
    [notice] = messages(await bot.send(updates.message(USER, "колко струва паркът")))
    assert notice["text"] == "Нещо се обърка от моя страна. Опитайте пак след малко."
    assert "the engine broke" in caplog.text and "chat 1001" in caplog.text
    monkeypatch.setattr(assistant, "ask", original)
    [answer] = messages(await bot.send(updates.message(USER, "колко струва паркът")))
    assert "199" in answer["text"]


async def test_menu_alone_and_help_keep_a_bulgarian_chat(bot: BotHarness) -> None:
    """ "/menu" is the help with the main menu; "меню" alone the same as "помощ"; "help" alone
    does not turn the Bulgarian chat into English."""
    [command] = messages(await bot.send(updates.message(USER, "/menu", language_code="en")))
    assert "/help" in command["text"] and command["reply_markup"]["inline_keyboard"]
    await bot.send(updates.message(USER, "колко струва паркът", language_code="en"))
    for text in ("меню", "help"):
        [sent] = messages(await bot.send(updates.message(USER, text, language_code="en")))
        assert sent["text"].startswith("Аз съм ботът на Община Септември"), text
        assert sent["reply_markup"]["inline_keyboard"]  # the main menu
