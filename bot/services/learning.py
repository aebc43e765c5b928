"""Learn: a staff member's answer to a ticket becomes an FAQ entry (the question, similar ones
people asked that the staff member ticks, the answer; for the ticket's project if it had one),
written through the safe edit path (validated, history, undo, comments kept) and reloaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.services.editing import Applied, EditError, KnowledgeEditor
from bot.services.yamlinsert import Item
from bot.storage import Storage, Ticket, TicketState

SIMILAR = 5  # similar questions offered to tick
ALIKE = 70  # how alike (0-100, words in any order) a logged question must be to be offered
DAYS = 90  # how far back similar questions are looked for


@dataclass
class Lesson:
    """An answered ticket on its way into the FAQ, and the similar questions ticked so far."""

    ticket: Ticket
    similar: tuple[str, ...]
    ticked: set[int] = field(default_factory=set)

    def questions(self) -> list[str]:
        """The ticket's question and the ticked ones, each once."""
        chosen = [self.ticket.question, *(self.similar[i] for i in sorted(self.ticked))]
        return list(dict.fromkeys(" ".join(q.split()) for q in chosen))


class Learning:
    """Lessons in progress (in memory: a restart makes their buttons stale) and saving them."""

    def __init__(self, storage: Storage, editor: KnowledgeEditor) -> None:
        self.storage, self.editor = storage, editor
        self._lessons: dict[int, Lesson] = {}

    async def begin(self, ticket_id: int) -> Lesson | None:
        """A lesson for an answered ticket not yet learned (None otherwise)."""
        ticket = await self.storage.ticket(ticket_id)
        if ticket is None or ticket.learned or ticket.answer is None:
            return None
        if ticket.state not in (TicketState.ANSWERED, TicketState.CLOSED):
            return None
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=DAYS)
        asked = await self.storage.unanswered(since.isoformat(timespec="seconds"), 0.5)
        question = ticket.question.lower()
        scored = sorted(
            {text for text, _ in asked if text.lower() != question},
            key=lambda text: -fuzz.token_set_ratio(question, text.lower()),
        )
        similar = [t for t in scored if fuzz.token_set_ratio(question, t.lower()) >= ALIKE]
        lesson = self._lessons[ticket_id] = Lesson(ticket, tuple(similar[:SIMILAR]))
        return lesson

    def tick(self, ticket_id: int, index: int) -> Lesson | None:
        """Tick (or untick) a similar question; None when the lesson is gone."""
        lesson = self._lessons.get(ticket_id)
        if lesson is None or index >= len(lesson.similar):
            return None
        lesson.ticked ^= {index}
        return lesson

    async def save(self, ticket_id: int, staff_id: int) -> Applied:
        """Write the FAQ entry through the editor (EditError when it cannot be written)."""
        lesson = self._lessons.get(ticket_id)
        if lesson is None:
            raise EditError("ticket.learn.gone")
        ticket = lesson.ticket
        item: Item = {
            "questions": lesson.questions(),
            "answer": {ticket.answer_lang or ticket.lang: ticket.answer or ""},
        }
        draft = self.editor.add_faq(item, ticket.project)
        applied = await self.editor.apply_draft(draft, staff_id, f"ticket #{ticket.id}: learn")
        await self.storage.change_ticket(ticket.id, ("answered", "closed"), ("learned = 1", ()))
        self._lessons.pop(ticket_id, None)
        return applied
