"""Learn: a staff member's answer to a ticket becomes an FAQ entry (the question, similar ones
people asked that the staff member ticks, the answer; for the ticket's project if it had one),
written through the safe edit path (validated, history, undo, comments kept) and reloaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.services.editing import Applied, KnowledgeEditor
from bot.services.yamlinsert import Item
from bot.storage import Storage, Ticket, TicketState

SIMILAR = 5  # similar questions offered to tick (at most 5: the ticks ride in the buttons)
ALIKE = 70  # how alike (0-100, words in any order) a logged question must be to be offered
DAYS = 90  # how far back similar questions are looked for


@dataclass
class Lesson:
    """An answered ticket on its way into the FAQ, and the similar questions ticked so far."""

    ticket: Ticket
    similar: tuple[str, ...]
    ticked: frozenset[int] = frozenset()

    @property
    def mask(self) -> int:
        """The ticked questions as bits (question i is bit i)."""
        return sum(1 << index for index in self.ticked)

    def questions(self) -> list[str]:
        """The ticket's question and the ticked ones, each once."""
        chosen = [self.ticket.question, *(self.similar[i] for i in sorted(self.ticked))]
        return list(dict.fromkeys(" ".join(q.split()) for q in chosen))


class Learning:
    """Lessons: the similar questions are kept in memory (found again after a restart), the
    ticks ride in the screen's buttons; saving them."""

    def __init__(self, storage: Storage, editor: KnowledgeEditor) -> None:
        self.storage, self.editor = storage, editor
        self._similar: dict[int, tuple[str, ...]] = {}

    async def begin(self, ticket_id: int) -> Lesson | None:
        """A lesson for an answered ticket not yet learned (None otherwise)."""
        self._similar.pop(ticket_id, None)
        lesson, _ = await self.lesson(ticket_id, 0)
        return lesson

    async def lesson(self, ticket_id: int, mask: int) -> tuple[Lesson | None, bool]:
        """The lesson with the questions of mask ticked, and whether its similar questions had
        to be found again (a restart since the screen was shown); None: learned or not answered."""
        ticket = await self.storage.ticket(ticket_id)
        if ticket is None or ticket.learned or ticket.answer is None:
            return None, False
        if ticket.state not in (TicketState.ANSWERED, TicketState.CLOSED):
            return None, False
        found = ticket_id not in self._similar
        if found:
            self._similar[ticket_id] = await self._find_similar(ticket)
        similar = self._similar[ticket_id]
        ticked = frozenset(i for i in range(len(similar)) if mask >> i & 1)
        return Lesson(ticket, similar, ticked), found

    async def _find_similar(self, ticket: Ticket) -> tuple[str, ...]:
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=DAYS)
        asked = await self.storage.unanswered(since.isoformat(timespec="seconds"), 0.5)
        question = ticket.question.lower()
        scored = sorted(
            (-fuzz.token_set_ratio(question, text.lower()), text)
            for text in {text for text, _ in asked if text.lower() != question}
        )
        return tuple(text for score, text in scored if -score >= ALIKE)[:SIMILAR]

    async def save(self, lesson: Lesson, staff_id: int) -> Applied:
        """Write the FAQ entry through the editor (EditError when it cannot be written)."""
        ticket = lesson.ticket
        item: Item = {
            "questions": lesson.questions(),
            "answer": {ticket.answer_lang or ticket.lang: ticket.answer or ""},
        }
        draft = self.editor.add_faq(item, ticket.project)
        applied = await self.editor.apply_draft(draft, staff_id, f"ticket #{ticket.id}: learn")
        await self.storage.change_ticket(ticket.id, ("answered", "closed"), ("learned = 1", ()))
        self._similar.pop(ticket.id, None)
        return applied
