"""Tickets ("Ask the municipality"): a citizen's question goes to the staff group, a staff
member's answer comes back to the citizen, once, through the delivery queue."""

from __future__ import annotations

import datetime as dt
import html
import json

from bot.config import Settings
from bot.services.hours import OfficeHours
from bot.services.knowledge import KnowledgeService
from bot.services.ticket_drafts import MAX_QUESTION, CitizenDrafts, checked
from bot.services.ticket_drafts import TicketError as TicketError
from bot.storage import NewTicket, Post, Storage, Ticket, TicketState
from bot.texts import t, topic_name

MAX_ANSWER = 3200
QUOTED = 300  # characters of the question quoted above the answer
STAFF_LANG = "bg"  # the staff group's language
LIVE = (TicketState.OPEN.value, TicketState.TAKEN.value)


def keyboard(rows: list[list[tuple[str, str]]]) -> str:
    """An inline keyboard as the Bot API's JSON: rows of (label, callback_data)."""
    return json.dumps(
        {"inline_keyboard": [[{"text": a, "callback_data": b} for a, b in row] for row in rows]},
        ensure_ascii=False,
    )


class TicketDesk(CitizenDrafts):
    """Citizens' drafts, tickets and their states."""

    def __init__(self, storage: Storage, knowledge: KnowledgeService, settings: Settings) -> None:
        super().__init__(storage)
        self.knowledge, self.settings = knowledge, settings

    @property
    def enabled(self) -> bool:
        """True when a staff group is configured."""
        return self.settings.staff_chat_id is not None

    # --- the citizen's side

    async def waiting_with(self, user_id: int, text: str) -> Ticket | None:
        """The user's open or taken ticket with this very question, if any."""
        folded = " ".join(text.casefold().split())
        for ticket in await self.storage.user_tickets(user_id):
            same = " ".join(ticket.question.casefold().split()) == folded
            if same and ticket.state in ("open", "taken"):
                return ticket
        return None

    async def send(self, user_id: int, lang: str) -> Ticket:
        """Store the draft as a ticket and queue its post to the staff group."""
        draft = self._drafts.get(user_id)
        if draft is None or self.settings.staff_chat_id is None:
            raise TicketError("ticket.no_draft")
        text = checked(draft.text, MAX_QUESTION)
        waiting = await self.waiting_with(user_id, text)
        if waiting is not None:  # Ask pressed again under the same answer: no second copy
            await self.drop(user_id)
            raise TicketError("ticket.already_sent", number=waiting.id)
        new = NewTicket(
            user_id, lang, text, draft.project, draft.topic, draft.confidence, draft.contact
        )
        ticket = await self.storage.open_ticket(new, self.staff_post)
        await self.drop(user_id)
        return ticket

    def after_hours(self, lang: str) -> str | None:
        """When staff will see a question sent now, or None during office hours (or when the
        municipality states none)."""
        stated = self.knowledge.knowledge.municipality.hours
        hours = OfficeHours.parse(stated.get("bg") if stated else None)
        moment = self.clock()
        if hours is None or hours.open_at(moment):
            return None
        opening = hours.next_opening(moment)
        day = t(f"weekday.on.{opening.weekday()}", lang)  # "във вторник"
        return t("ticket.after_hours", lang, day=day, time=opening.strftime("%H:%M"))

    async def reply(self, ticket_id: int, user_id: int, thanks: bool) -> Ticket | None:
        """👍 closes an answered ticket; "I still need help" opens it again (posted anew)."""
        if thanks:
            return await self.storage.change_ticket(
                ticket_id,
                (TicketState.ANSWERED,),
                ("state = 'closed', feedback = 'thanks'", ()),
                ("user_id = ?", (user_id,)),
            )
        return await self.storage.change_ticket(
            ticket_id,
            (TicketState.ANSWERED,),
            ("state = 'open', reopened = reopened + 1, feedback = 'help', draft = NULL", ()),
            ("user_id = ?", (user_id,)),
            then=(self.staff_post, "ticket"),
        )

    # --- the staff's side

    async def take(self, ticket_id: int, name: str) -> Ticket | None:
        """Take an open ticket (None: it is not open any more)."""
        return await self.storage.change_ticket(
            ticket_id, (TicketState.OPEN,), ("state = 'taken', taken_by = ?", (name,))
        )

    async def close(self, ticket_id: int, name: str) -> Ticket | None:
        """Close a ticket without an answer; the citizen is told."""
        return await self.storage.change_ticket(
            ticket_id,
            LIVE,
            ("state = 'closed', answered_by = ?, draft = NULL", (name,)),
            then=(self.closed_notice, "ticket-closed"),
        )

    async def draft_answer(
        self, ticket_id: int, staff_id: int, text: str, lang: str
    ) -> Ticket | None:
        """Keep a staff member's answer as the ticket's draft (replacing another's); None
        when the ticket was answered or closed meanwhile; TicketError for bad text."""
        text = checked(text, MAX_ANSWER)
        return await self.storage.change_ticket(
            ticket_id,
            LIVE,
            (
                "draft = ?, draft_by = ?, draft_lang = ?, draft_message = NULL",
                (text, staff_id, lang),
            ),
        )

    async def set_prompt(self, ticket_id: int, message_id: int) -> Ticket | None:
        """Remember the message that asks for an answer by reply (the Answer button)."""
        return await self.storage.change_ticket(
            ticket_id, LIVE, ("prompt_message = ?", (message_id,))
        )

    async def set_learn_screen(self, ticket_id: int, chat_id: int, message_id: int) -> None:
        """Remember the Learn screen of a ticket (it quotes the question: /forget erases it)."""
        await self.storage.change_ticket(
            ticket_id,
            (TicketState.ANSWERED.value, TicketState.CLOSED.value),
            ("learn_chat = ?, learn_message = ?", (chat_id, message_id)),
        )

    async def set_preview(self, ticket_id: int, staff_id: int, message_id: int) -> None:
        """Remember the preview message of a staff member's draft."""
        await self.storage.change_ticket(
            ticket_id,
            LIVE,
            ("draft_message = ?", (message_id,)),
            ("draft_by = ?", (staff_id,)),
        )

    async def confirm(
        self, ticket_id: int, staff_id: int, preview: int, name: str
    ) -> Ticket | None:
        """Send the draft shown in a preview: the ticket becomes answered and the answer is
        queued for the citizen, in one transaction. None: it was answered or closed, or
        another draft replaced this one."""
        return await self.storage.change_ticket(
            ticket_id,
            LIVE,
            (
                "state = 'answered', answer = draft, answer_lang = draft_lang, "
                "answered_by = ?, answered_at = ?, draft = NULL",
                (name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            ),
            ("draft IS NOT NULL AND draft_by = ? AND draft_message = ?", (staff_id, preview)),
            then=(self.answer_notice, "answer"),
        )

    async def discard(self, ticket_id: int, staff_id: int) -> Ticket | None:
        """Drop a staff member's own draft."""
        return await self.storage.change_ticket(
            ticket_id,
            LIVE,
            ("draft = NULL, draft_message = NULL", ()),
            ("draft_by = ?", (staff_id,)),
        )

    async def answer_directly(self, ticket_id: int, staff_id: int, text: str, name: str) -> Ticket:
        """Draft and send at once (the command line); TicketError when it cannot be sent."""
        ticket = await self.draft_answer(ticket_id, staff_id, text, self.language_of(text))
        if ticket is None:
            raise TicketError("ticket.staff.gone", number=ticket_id)
        await self.set_preview(ticket_id, staff_id, 0)
        sent = await self.confirm(ticket_id, staff_id, 0, name)
        if sent is None:
            raise TicketError("ticket.staff.gone", number=ticket_id)
        return sent

    def language_of(self, text: str) -> str:
        """The language a staff member wrote in."""
        return self.knowledge.engine.detect_language(text, STAFF_LANG)

    async def repost(self, ticket: Ticket, moment: dt.datetime) -> Ticket | None:
        """Post a live ticket to the staff group again (None: it changed meanwhile)."""
        return await self.storage.change_ticket(
            ticket.id,
            LIVE,
            ("posted_at = ?", (moment.isoformat(timespec="seconds"),)),
            ("posted_at = ?", (ticket.posted_at,)),
            then=(self.staff_post, "ticket"),
        )

    # --- what is sent

    def staff_post(self, ticket: Ticket) -> Post:
        """The ticket's message in the staff group, with Take / Answer / Close."""
        assert self.settings.staff_chat_id is not None, "tickets need a staff group"
        lang = STAFF_LANG
        project = self.knowledge.knowledge.project(ticket.project or "")
        guesses = t(
            "ticket.post.guesses",
            lang,
            project=project.name(lang) if project else "—",
            topic=topic_name(ticket.topic, lang) if ticket.topic else "—",
            confidence=round(ticket.confidence * 100),
            language=t(f"language.name.{ticket.lang}", lang),
        )
        lines = [
            t("ticket.post.head", lang, number=ticket.id),
            t("ticket.post.reopened", lang) if ticket.reopened else "",
            guesses,
            t("ticket.post.contact", lang, contact=ticket.contact) if ticket.contact else "",
        ]
        text = "\n".join(html.escape(line) for line in lines if line)
        text += f"\n\n<blockquote>{html.escape(ticket.question)}</blockquote>\n\n"
        text += html.escape(t("ticket.post.how", lang))
        buttons = [
            (t(f"ticket.button.{action}", lang), f"s:{action}:{ticket.id}")
            for action in ("take", "answer", "close")
        ]
        return Post(
            self.settings.staff_chat_id,
            lang,
            text,
            keyboard([buttons]),
            self.settings.staff_thread_id,
        )

    def answer_notice(self, ticket: Ticket) -> Post:
        """The staff's answer for the citizen, with the question quoted, and 👍 / more help."""
        lang = ticket.answer_lang or ticket.lang
        question = ticket.question
        if len(question) > QUOTED:
            question = question[: QUOTED - 1] + "…"
        text = (
            html.escape(t("ticket.answer.head", lang, number=ticket.id))
            + f"\n<blockquote>{html.escape(question)}</blockquote>\n\n"
            + html.escape(ticket.answer or "")
        )
        buttons = [
            (t("ticket.button.thanks", lang), f"q:thanks:{ticket.id}"),
            (t("ticket.button.help", lang), f"q:help:{ticket.id}"),
        ]
        return Post(ticket.user_id, lang, text, keyboard([buttons]))

    def closed_notice(self, ticket: Ticket) -> Post:
        """The citizen's notice that staff closed the question without an answer."""
        phones = ", ".join(self.knowledge.knowledge.municipality.phones)
        text = t("ticket.closed", ticket.lang, number=ticket.id, phones=phones)
        return Post(ticket.user_id, ticket.lang, html.escape(text))
