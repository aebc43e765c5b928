"""A message in a language the bot does not answer in."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.language import other_language

OTHER = [
    "Сколько стоит проект парка?",
    "Здравствуйте, когда закончится ремонт улиц?",
    "Кто мэр?",
    "Подскажите пожалуйста",
    "Πόσο κοστίζει το πάρκο;",
    "Коли закінчиться ремонт? Скільки це коштує?",
]
BULGARIAN = [
    "колко струва паркът",
    "кой е кметът",
    "кога ще свърши ремонтът на улиците",
    "какво още има в Ветрен",
    "what is the road to Ξάνθη",  # one Greek name in an English question
    "спасибо",  # said in jest: thanks
    "kolko struva proekta",
    "͵͵ 10",  # Greek signs, no Greek letter
]


@pytest.mark.parametrize("text", OTHER)
def test_a_message_in_another_language_is_told_which_ones_the_bot_speaks(
    bases: dict[str, Engine], text: str
) -> None:
    assert other_language(text)
    answer = bases["shipped"].answer(text)
    assert not answer.answered and answer.project is None
    assert "Bulgarian and English" in answer.reply.plain()


@pytest.mark.parametrize("text", BULGARIAN)
def test_bulgarian_and_english_are_not_another_language(text: str) -> None:
    assert not other_language(text)
