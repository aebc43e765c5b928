"""Tickets that wait: posted to the staff group again once a working day while unanswered,
and, when the group cannot be reached (the bot removed from it: a 403), kept until it can,
with the admins told once."""

from __future__ import annotations

import datetime as dt
import html

from bot.services.hours import WORKING_DAYS, ZONE, working_days_between
from bot.services.tickets import TicketDesk
from bot.texts import t

RETRY_WAITING = 600.0  # seconds between two tries to post a ticket the group did not take
UNREACHABLE = "staff_unreachable"  # meta key: since when the admins know


async def remind(desk: TicketDesk, moment: dt.datetime) -> int:
    """Post again the tickets open for ticket_remind_days working days and not posted on
    this working day yet; how many were queued."""
    if moment.astimezone(ZONE).weekday() not in WORKING_DAYS:
        return 0
    queued = 0
    for ticket in await desk.storage.all_tickets(only_open=True):
        opened = dt.datetime.fromisoformat(ticket.created_at)
        last = dt.datetime.fromisoformat(ticket.posted_at)
        due = working_days_between(opened, moment) >= desk.settings.ticket_remind_days
        if due and working_days_between(last, moment) and await desk.repost(ticket, moment):
            queued += 1
    return queued


async def retry_waiting(desk: TicketDesk, moment: dt.datetime, now: bool = False) -> int:
    """Tickets the staff group did not take: tell the admins once, post them again every
    RETRY_WAITING seconds (or now); how many messages were queued."""
    storage, waiting = desk.storage, await desk.storage.waiting_tickets()
    told = await storage.flag(UNREACHABLE)
    if told is not None and await storage.posted_since(told):
        await storage.set_flag(UNREACHABLE, None)  # the group takes tickets again
        told = None
    if not waiting:
        return 0
    queued = 0
    if told is None:
        await storage.set_flag(UNREACHABLE, moment.isoformat(timespec="seconds"))
        text = html.escape(t("ticket.admin.unreachable", "bg", count=len(waiting)))
        for admin_id in sorted(desk.settings.admin_ids):
            await storage.queue_notice(admin_id, "bg", text, "staff-unreachable")
            queued += 1
    for ticket in waiting:
        posted = dt.datetime.fromisoformat(ticket.posted_at)
        if now or (moment - posted).total_seconds() >= RETRY_WAITING:
            queued += await desk.repost(ticket, moment) is not None
    return queued


async def keep_tickets(desk: TicketDesk, now: bool = False) -> int:
    """Both of the above; how many messages were queued (the dispatcher is to be woken)."""
    if not desk.enabled:
        return 0
    moment = desk.clock()
    return await retry_waiting(desk, moment, now) + await remind(desk, moment)
