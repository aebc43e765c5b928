"""Edited messages: a corrected question is answered, nothing is carried out twice."""

from __future__ import annotations

from tests.botapi import updates
from tests.botapi.server import FakeBotAPI
from tests.telegram.conftest import ADMIN
from tests.telegram.harness import BotHarness
from tests.telegram.test_editing import sent
from tests.telegram.ticketing import ANNA, QUESTION, last, open_draft

CITIZEN = 77
NOT_REPEATED = "Редакцията на вече изпратено съобщение не се изпълнява повторно"


async def test_a_corrected_question_is_answered_as_corrected(bot: BotHarness) -> None:
    first = updates.message(CITIZEN, "здравейте")
    await bot.send(first)
    [answer] = sent(await bot.send(updates.edited(first, "колко струва паркът")), CITIZEN)
    assert "199\xa0467,56" in answer["text"]


async def test_an_edited_command_is_not_carried_out_again(bot: BotHarness) -> None:
    storage = bot.app.bot_data["services"].storage
    command = updates.message(ADMIN, "/broadcast Внимание: няма вода")
    await bot.send(command)
    flow = await storage.flow(ADMIN)
    [note] = sent(await bot.send(updates.edited(command, "/broadcast Внимание: няма ток")), ADMIN)
    assert NOT_REPEATED in note["text"]
    assert await storage.flow(ADMIN) == flow  # the first draft still waits, untouched
    assert await storage.broadcasts(10) == []


async def test_an_edit_is_not_taken_as_the_answer_a_flow_waits_for(bot: BotHarness) -> None:
    earlier = updates.message(ADMIN, "здравейте")
    await bot.send(earlier)
    await bot.send(updates.message(ADMIN, "/broadcast"))
    [note] = sent(await bot.send(updates.edited(earlier, "Утре няма вода")), ADMIN)
    assert NOT_REPEATED in note["text"]
    [choose] = sent(await bot.send(updates.message(ADMIN, "Утре няма вода")), ADMIN)
    assert "Кой да го получи?" in choose["text"]


async def test_other_edits_are_left_alone(bot: BotHarness) -> None:
    photo = updates.message(
        CITIZEN,
        photo=[{"file_id": "p", "file_unique_id": "p", "width": 9, "height": 9}],
        caption="парка",
    )
    await bot.send(photo)
    assert not sent(await bot.send(updates.edited(photo)), CITIZEN)
    group = updates.message(CITIZEN, "/help", chat_id=-500, kind="group")
    await bot.send(group)
    assert not sent(await bot.send(updates.edited(group, "/projects")), -500)


async def test_an_edit_while_a_question_to_the_municipality_waits_corrects_it(
    desk: BotHarness, api: FakeBotAPI
) -> None:
    await open_draft(desk, api, ANNA, QUESTION)
    mine = updates.message(ANNA, "Може ли книжка онлайн")
    await desk.send(mine)
    await desk.send(updates.edited(mine, "Може ли шофьорска книжка онлайн, моля?"))
    assert "шофьорска книжка онлайн, моля?" in last(api, ANNA)["text"]
