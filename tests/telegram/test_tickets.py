"""Tickets end to end through the Bot API test server: two citizens, two staff members."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.harness import BotHarness, eventually, sofia_minutes
from tests.telegram.ticketing import (
    ANNA,
    BORIS,
    OUTSIDER,
    QUESTION,
    STAFF_1,
    STAFF_2,
    STAFF_CHAT,
    ask_municipality,
    buttons,
    last,
    open_draft,
    press,
    staff_reply,
    ticket_post,
    toasts,
)


async def test_ask_answer_by_reply_citizen_gets_it_once(desk: BotHarness, api: FakeBotAPI) -> None:
    await desk.send(updates.message(ANNA, QUESTION))
    answer = last(api, ANNA)
    ask = next(data for data in buttons(answer) if data.startswith("q:ask:"))
    await press(desk, ANNA, ask, answer)
    draft = last(api, ANNA)
    assert QUESTION in draft["text"] and "не се предават" in draft["text"]
    edited = "Мога ли да подам заявление за шофьорска книжка онлайн? <b>спешно</b>"
    await desk.send(updates.message(ANNA, edited))
    draft = last(api, ANNA)
    assert edited in draft["text"]  # shown as text, HTML and all
    await press(desk, ANNA, "q:send:0", draft)
    assert "№ 1" in last(api, ANNA)["text"]

    post = await ticket_post(desk, 1)
    assert edited in post["text"] and "№ 1" in post["text"] and "български" in post["text"]
    assert str(ANNA) not in post["text"] and "User1001" not in post["text"]
    assert re.search(r"Сигурност: \d+ %", post["text"])  # a space before % in Bulgarian
    assert set(buttons(post)) == {"s:take:1", "s:answer:1", "s:close:1"}

    preview = await staff_reply(desk, api, STAFF_1, post, "Да, през портала на МВР. <i>Успех</i>")
    assert "Преглед" in preview["text"] and "<i>Успех</i>" in preview["text"]
    assert set(buttons(preview)) == {"s:send:1", "s:drop:1"}
    assert buttons(preview)["s:send:1"] == "📨 Изпрати на гражданина"  # not "to the municipality"
    await press(desk, STAFF_1, "s:send:1", preview)
    await eventually(lambda: any("портала на МВР" in text for text in api.texts(ANNA)))
    await asyncio.sleep(0.3)  # time for a second copy, if one were to come
    answers = [text for text in api.texts(ANNA) if "портала на МВР" in text]
    assert len(answers) == 1 and "№ 1" in answers[0] and "спешно" in answers[0]
    message = last(api, ANNA)
    assert set(buttons(message)) == {"q:thanks:1", "q:help:1"}
    assert "s:learn:1" in buttons(last(api, STAFF_CHAT))

    await desk.send(updates.message(ANNA, "/myquestions"))
    assert "№ 1 · отговорен" in last(api, ANNA)["text"]
    await desk.send(updates.button(ANNA, "g:en"))  # English chosen in /language
    await desk.send(updates.message(ANNA, "/myquestions"))
    assert "No. 1 · answered" in last(api, ANNA)["text"]  # as the answer itself says it


async def test_two_staff_answer_at_once_one_answer_is_sent(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    number = await ask_municipality(desk, api, BORIS, "Кога ще има концерт на площада?")
    post = await ticket_post(desk, number)
    first = await staff_reply(desk, api, STAFF_1, post, "В събота от 19 ч.")
    second = await staff_reply(desk, api, STAFF_2, post, "В неделя от 18 ч.")
    await asyncio.gather(
        desk.push(updates.button(STAFF_1, f"s:send:{number}", first)),
        desk.push(updates.button(STAFF_2, f"s:send:{number}", second)),
    )
    await desk.settle()
    await eventually(lambda: any("неделя" in text for text in api.texts(BORIS)))
    await asyncio.sleep(0.3)
    answers = [text for text in api.texts(BORIS) if "събота" in text or "неделя" in text]
    assert len(answers) == 1 and "неделя" in answers[0]
    assert any("вече е отговорен" in toast for toast in toasts(api))

    late = await staff_reply(desk, api, STAFF_1, post, "Още един отговор")
    assert "вече е отговорен" in late["text"]
    before = max(api.messages[STAFF_CHAT])
    await press(desk, STAFF_1, f"s:answer:{number}", post)  # the post keeps its buttons
    assert "вече е отговорен" in toasts(api)[-1]
    assert max(api.messages[STAFF_CHAT]) == before  # no prompt asking for an answer in vain
    assert len([t for t in api.texts(BORIS) if "Още един" in t]) == 0


async def test_outsider_buttons_do_nothing_and_bad_replies_are_told(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    number = await ask_municipality(desk, api, ANNA, QUESTION)
    post = await ticket_post(desk, number)
    await press(desk, OUTSIDER, f"s:close:{number}", post)
    assert "за служителите" in toasts(api)[-1]
    await press(desk, STAFF_1, f"s:take:{number}", post)
    await press(desk, STAFF_2, f"s:take:{number}", post)
    assert "вече е поет" in toasts(api)[-1]
    post = api.messages[STAFF_CHAT][post["message_id"]]
    assert "Пое: User2001" in post["text"] and "User2002" not in post["text"]
    assert set(buttons(post)) == {f"s:answer:{number}", f"s:close:{number}"}
    await desk.send(updates.message(ANNA, "/myquestions"))
    assert "служител работи" in last(api, ANNA)["text"]
    asked = [c for c in api.calls if c.method == "getChatMember"]
    assert [c.params["user_id"] for c in asked] == [OUTSIDER, STAFF_1, STAFF_2]  # remembered

    await desk.send(updates.mention(STAFF_1, "проекти", "munibot_test_bot", STAFF_CHAT))
    reply = await staff_reply(desk, api, STAFF_1, last(api, STAFF_CHAT), "и пак")
    assert "не е въпрос от гражданин" in reply["text"]

    too_long = await staff_reply(desk, api, STAFF_2, post, "а" * 4000)
    assert "4000 знака" in too_long["text"]
    await press(desk, STAFF_2, f"s:close:{number}", post)
    await eventually(lambda: any("без писмен отговор" in text for text in api.texts(ANNA)))
    closed = await staff_reply(desk, api, STAFF_1, post, "Късен отговор")
    assert "вече е отговорен или приключен" in closed["text"]


async def test_tickets_lists_the_time_staff_read_on_their_clocks(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    start = dt.datetime.now(dt.UTC)
    await ask_municipality(desk, api, ANNA, QUESTION)
    await desk.send(updates.message(STAFF_1, "/tickets", chat_id=STAFF_CHAT, kind="group"))
    row = last(api, STAFF_CHAT)["text"].split("\n\n")[1].splitlines()[0]
    assert row.startswith("№ 1 · чака отговор · ")
    assert row.split(" · ")[2] in sofia_minutes(start)  # Septemvri's time, not UTC


PHOTO = [{"file_id": "p", "file_unique_id": "pu", "width": 10, "height": 10}]


async def test_a_photo_in_reply_to_a_question_is_told_only_text_goes(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    number = await ask_municipality(desk, api, ANNA, QUESTION)
    post = await ticket_post(desk, number)
    photo = {"photo": PHOTO, "caption": "ето картата"}
    group = {"chat_id": STAFF_CHAT, "kind": "group"}
    calls = await desk.send(updates.message(STAFF_1, reply_to_message=post, **group, **photo))
    [told] = [c.result for c in calls if c.method == "sendMessage"]
    assert "само текст" in told["text"] and not buttons(told)
    assert await draft_of(desk, number) is None  # nothing drafted
    chatter = await desk.send(updates.message(STAFF_2, reply_to_message=told, **group, **photo))
    assert [c for c in chatter if c.method == "sendMessage"] == []  # not about a question
    preview = await staff_reply(desk, api, STAFF_1, post, "Да, през портала на МВР.")
    assert set(buttons(preview)) == {f"s:send:{number}", f"s:drop:{number}"}


async def draft_of(desk: BotHarness, number: int) -> str | None:
    """The staff's draft answer of a ticket, if any."""
    ticket = await desk.app.bot_data["services"].storage.ticket(number)
    return ticket.draft if ticket else None


async def test_cancel_drops_a_waiting_question_and_frees_the_chat(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    await open_draft(desk, api, BORIS, QUESTION)
    await desk.send(updates.message(BORIS, "/cancel"))
    assert last(api, BORIS)["text"] == "Добре, нищо не изпратих."
    await desk.send(updates.message(BORIS, "колко струва паркът"))
    assert "Обща стойност" in last(api, BORIS)["text"]  # a question again, not the draft's text
    await desk.send(updates.message(BORIS, "/cancel"))
    assert "Не познавам тази команда" in last(api, BORIS)["text"]  # citizens have no /cancel


async def test_ask_pressed_again_under_the_same_answer_sends_no_second_copy(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    answer = await open_draft(desk, api, ANNA, QUESTION)
    await press(desk, ANNA, "q:send:0", last(api, ANNA))
    await ticket_post(desk, 1)
    await press(desk, ANNA, next(d for d in buttons(answer) if d.startswith("q:ask:")), answer)
    await press(desk, ANNA, "q:send:0", last(api, ANNA))
    assert toasts(api)[-1] == "Вече изпратихте този въпрос под № 1. Отговорът ще дойде тук."
    await asyncio.sleep(0.3)  # time for a second post, if one were to come
    posts = [m for m in api.messages[STAFF_CHAT].values() if QUESTION in m["text"]]
    assert len(posts) == 1
    await desk.send(updates.message(ANNA, "Друг въпрос: има ли кино?"))  # a question again
    assert "Въпросът ви към общината" not in last(api, ANNA)["text"]


async def test_a_question_being_written_survives_a_restart(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    """The bot restarts between Ask and Send: the citizen's question is still there, sent once."""
    await open_draft(desk, api, BORIS, QUESTION)
    screen = last(api, BORIS)
    await desk.stop()
    again = await BotHarness(api, desk.settings).start()
    try:
        await press(again, BORIS, "q:send:0", screen)
        post = await ticket_post(again, 1)
        assert QUESTION in post["text"]
        assert "№ 1" in last(api, BORIS)["text"]
    finally:
        await again.stop()
    await desk.start()  # the fixture stops it at the end


async def test_long_question_is_refused_and_kept(desk: BotHarness, api: FakeBotAPI) -> None:
    await open_draft(desk, api, BORIS, QUESTION)
    await desk.send(updates.message(BORIS, "въпрос" * 666 + "ъ" * 4))
    assert "4000 знака" in last(api, BORIS)["text"]
    await press(desk, BORIS, "q:send:0", last(api, BORIS))
    post = await ticket_post(desk, 1)
    assert QUESTION in post["text"]


async def test_a_shared_contact_goes_with_the_question_only_when_shared(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    answer = await open_draft(desk, api, BORIS, QUESTION)
    assert api.messages[BORIS][answer["message_id"]]["text"] == answer["text"]  # kept
    await press(desk, BORIS, "q:phone:0", last(api, BORIS))
    keyboard = api.sent(BORIS)[-1].params["reply_markup"]["keyboard"]
    assert keyboard[0][0]["request_contact"] is True
    someone_else = {"phone_number": "+359888000111", "first_name": "Друг", "user_id": ANNA}
    calls = await desk.send(updates.message(BORIS, contact=someone_else))
    [refused] = [c.params["text"] for c in calls if c.method == "sendMessage"]
    assert refused.startswith("Това е чужд контакт") and "Сподели телефона ми" in refused
    assert "+359888000111" not in str(desk.app.bot_data["services"].tickets.draft(BORIS))
    own = {"phone_number": "+359888123456", "first_name": "Борис", "user_id": BORIS}
    await desk.send(updates.message(BORIS, contact=own))
    screen = last(api, BORIS)
    assert "заедно с името и телефона" in screen["text"] and "q:phone:0" not in buttons(screen)
    await press(desk, BORIS, "q:send:0", screen)
    post = await ticket_post(desk, 1)
    assert "Борис, +359888123456" in post["text"]


async def test_an_own_contact_with_no_question_waiting_gets_one_answer(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    own = {"phone_number": "+359888123456", "first_name": "Анна", "user_id": ANNA}
    calls = await desk.send(updates.message(ANNA, contact=own))
    [answer] = [c.params["text"] for c in calls if c.method == "sendMessage"]
    # was: "Няма въпрос за изпращане", and before that "I understand only text"
    assert answer.startswith("Благодарим! Телефонът ви е нужен само когато пращате въпрос")
    assert "не е запазен" in answer
    someone_else = {"phone_number": "+359888000111", "first_name": "Друг", "user_id": BORIS}
    calls = await desk.send(updates.message(ANNA, contact=someone_else))
    [answer] = [c.params["text"] for c in calls if c.method == "sendMessage"]
    assert answer.startswith("Благодарим! Телефонът ви е нужен само когато пращате въпрос")


async def test_help_offers_to_ask_the_municipality(desk: BotHarness, api: FakeBotAPI) -> None:
    await desk.send(updates.message(ANNA, "/help"))
    shown = last(api, ANNA)
    assert "/myquestions" in shown["text"] and "q:ask:0" in buttons(shown)
    await press(desk, ANNA, "q:ask:0", shown)
    assert "Напишете въпроса си" in last(api, ANNA)["text"]
    await desk.send(updates.message(ANNA, "Кога ще асфалтират улицата ми?"))
    await press(desk, ANNA, "q:send:0", last(api, ANNA))
    assert "Кога ще асфалтират" in (await ticket_post(desk, 1))["text"]
