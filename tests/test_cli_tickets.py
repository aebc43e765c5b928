"""munibot tickets / answer from the shell, against the tests' Bot API server."""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.services.tickets import TicketDesk
from bot.storage import Storage
from tests.botapi.server import FakeBotAPI
from tests.test_cli_admin import munibot

KNOWLEDGE = Path(__file__).parent.parent / "knowledge"
STAFF_CHAT = -100500


async def two_tickets(db: Path, close_second: bool = True) -> None:
    """Ticket 1 by user 100 (Bulgarian) and ticket 2 by user 101 (English, closed)."""
    settings = Settings(knowledge_dir=KNOWLEDGE, db_path=db, staff_chat_id=STAFF_CHAT)
    knowledge = KnowledgeService(KNOWLEDGE)
    knowledge.load_or_raise()
    async with Storage.opened(db) as storage:
        desk = TicketDesk(storage, knowledge, settings)
        for user, lang, text in ((100, "bg", "Кога е сесията?"), (101, "en", "When is it?")):
            await desk.set_text(user, text)
            await desk.send(user, lang)
        if close_second:
            await desk.close(2, "Staff")


async def test_tickets_and_answer_from_the_shell(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    await two_tickets(db)
    api = FakeBotAPI()
    await api.start()
    env = {
        "MUNIBOT_DB": str(db),
        "MUNIBOT_STAFF_CHAT_ID": str(STAFF_CHAT),
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.url,
    }
    try:
        code, out, _ = await munibot("tickets", env=env)
        assert code == 0 and "#1\topen" in out and "#2\tclosed" in out and "tickets: 2" in out
        code, out, _ = await munibot("tickets", "--open", env=env)
        assert code == 0 and "#1\topen" in out and "#2" not in out

        answer = tmp_path / "answer.txt"
        answer.write_text("Сесията е в четвъртък. <script>", encoding="utf-8")
        code, out, err = await munibot("answer", "1", "--text-file", str(answer), env=env)
        assert code == 0, err
        assert "ticket #1 answered in bg; the answer: sent" in out
        texts = api.texts(100)
        assert len(texts) == 1 and "<script>" in texts[0] and "Кога е сесията?" in texts[0]
        markup = api.sent(100)[0].params["reply_markup"]
        assert "q:thanks:1" in str(markup)

        code, _, err = await munibot("answer", "1", "--text-file", str(answer), env=env)
        assert code == 1 and "already answered or closed" in err
        code, _, err = await munibot("answer", "9", "--text-file", str(answer), env=env)
        assert code == 1 and "there is no ticket #9" in err
        assert len(api.texts(100)) == 1
    finally:
        await api.stop()


async def test_answer_names_a_missing_ticket_before_a_missing_token(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    await two_tickets(db)
    answer = tmp_path / "answer.txt"
    answer.write_text("Отговор.", encoding="utf-8")
    env = {"MUNIBOT_DB": str(db), "TELEGRAM_BOT_TOKEN": ""}
    code, _, err = await munibot("answer", "9", "--text-file", str(answer), env=env)
    assert code == 1 and "there is no ticket #9" in err and "token" not in err
    code, _, err = await munibot("answer", "1", "--text-file", str(answer), env=env)
    assert code == 1 and "no Telegram token is set" in err
    async with Storage.opened(db) as storage:
        ticket = await storage.ticket(1)
    assert ticket is not None and ticket.state == "open"
