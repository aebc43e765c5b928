"""Tickets on the command line: `munibot tickets [--open]`, `munibot answer TICKET --text-file F`
(extensions of specs/cli.md, README "Answering citizens' questions")."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path

from bot.cli_admin import AdminCommandError, existing_database, read_text, send_queued
from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.services.tickets import TicketDesk, TicketError
from bot.storage import DeliveryState, Storage, Ticket
from bot.texts import t

CLI_STAFF = "the command line"


def add_parsers(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """tickets and answer, with the common options."""
    tickets = commands.add_parser("tickets", help="citizens' questions to the staff")
    add_common(tickets)
    tickets.add_argument("--open", action="store_true", help="only open and taken ones")
    answer = commands.add_parser("answer", help="answer a citizen's question (a ticket)")
    add_common(answer)
    answer.add_argument("ticket", type=int, metavar="TICKET", help="the ticket's number")
    answer.add_argument(
        "--text-file", type=Path, required=True, metavar="F", help="the answer (plain text)"
    )


def ticket_line(ticket: Ticket) -> str:
    """One line about a ticket: number, state, dates, language, project, question."""
    question = " ".join(ticket.question.split())
    question = question if len(question) <= 70 else question[:69] + "…"
    extra = f" ({t('ticket.blocked', 'en')})" if ticket.answer_delivery == "blocked" else ""
    return (
        f"#{ticket.id}\t{ticket.state}{extra}\t{ticket.created_at}\t{ticket.lang}\t"
        f"{ticket.project or '-'}\t{question}"
    )


async def _tickets(args: argparse.Namespace, settings: Settings) -> int:
    async with Storage.opened(existing_database(settings.db_path)) as storage:
        listed = await storage.all_tickets(only_open=args.open)
    for ticket in listed:
        print(ticket_line(ticket))
    print(f"tickets: {len(listed)}")
    return 0


async def _answer(args: argparse.Namespace, settings: Settings) -> int:
    text = read_text(args.text_file)
    knowledge = KnowledgeService(settings.knowledge_dir)
    knowledge.load_or_raise()
    async with Storage.opened(settings.db_path) as storage:
        if await storage.ticket(args.ticket) is None:
            raise AdminCommandError(f"there is no ticket #{args.ticket}")
        if not settings.token:  # after the ticket: a wrong number is said first, token or not
            raise AdminCommandError("no Telegram token is set (TELEGRAM_BOT_TOKEN)")
        desk = TicketDesk(storage, knowledge, settings)
        try:
            ticket = await desk.answer_directly(args.ticket, 0, text, CLI_STAFF)
        except TicketError as error:
            raise AdminCommandError(t(error.key, "en", **error.values)) from None
        assert ticket.answer_notice is not None, "an answered ticket has its notice"
        final = await send_queued(settings, storage, ticket.answer_notice)
    state = next((s for s in DeliveryState if final.tally[s]), DeliveryState.PENDING)
    print(f"ticket #{ticket.id} answered in {ticket.answer_lang}; the answer: {state.value}")
    return 0 if state == DeliveryState.SENT else 1


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run tickets or answer."""
    handler = {"tickets": _tickets, "answer": _answer}
    return asyncio.run(handler[args.command](args, settings))
