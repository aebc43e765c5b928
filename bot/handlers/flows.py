"""Every multi-step flow through one path: a text (or anything else) sent while a flow waits,
its buttons (fl:<n>:<action>), /cancel, and idle flows timing out. Each kind registers how it
takes an answer and a button."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop

from bot.handlers.callbacks import Callback
from bot.handlers.common import Context, html_text, language, reply, services
from bot.handlers.guards import editor_only
from bot.storage import FlowState
from bot.texts import t

TextStep = Callable[[Update, Context, FlowState, str, str], Awaitable[None]]
ButtonStep = Callable[[Update, Context, FlowState, str, str], Awaitable[str | None]]


def _buttons_only(state: FlowState, lang: str) -> str | None:
    return None


@dataclass(frozen=True)
class FlowKind:
    """How a kind of flow takes its buttons and, at the steps that wait for text, the text."""

    on_button: ButtonStep
    on_text: TextStep | None = None
    # the question a step waits on; None: it waits for a button
    ask: Callable[[FlowState, str], str | None] = _buttons_only


KINDS: dict[str, FlowKind] = {}
# the fixed actions of flow buttons start with '#' and so never equal a project's key
# (an id, or '#' and 12 hex digits)
CONFIRM, CANCEL, SKIP, TODAY, EVERYONE = "#ok", "#no", "#skip", "#today", "#all"


def register(kind: str, flow: FlowKind) -> None:
    """Make a kind of flow known (each handler module registers its own)."""
    KINDS[kind] = flow


def flow_button(state: FlowState, action: str, label: str) -> InlineKeyboardButton:
    """A button of this flow (stale once the flow has ended or another one started)."""
    data = Callback("fl", (str(state.data["n"]), action)).encode()
    return InlineKeyboardButton(label, callback_data=data)


def confirm_markup(state: FlowState, label_key: str, lang: str) -> InlineKeyboardMarkup:
    """The flow's last question: the confirming button (its label by key) and Cancel."""
    return InlineKeyboardMarkup(
        [
            [
                flow_button(state, CONFIRM, t(label_key, lang)),
                flow_button(state, CANCEL, t("button.cancel", lang)),
            ]
        ]
    )


async def begin(update: Update, context: Context, kind: str, step: str) -> FlowState | None:
    """Start a flow of kind at step for the user of update, in its chat."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return None
    return await services(context).flows.start(user.id, chat.id, kind, step)


async def active(update: Update, context: Context) -> tuple[FlowState | None, bool]:
    """The user's flow in progress; or None and True when it had timed out (the user is told
    so); or None and False."""
    user = update.effective_user
    if user is None:
        return None, False
    svc = services(context)
    state, expired = await svc.flows.current(user.id)
    if expired:
        minutes = max(1, round(svc.settings.flow_timeout / 60))
        await reply(
            update,
            context,
            html_text("flow.expired", await language(update, context), minutes=minutes),
        )
    return state, expired


async def on_flow_message(update: Update, context: Context) -> None:
    """A private message while a flow waits for text: the flow takes it (a sticker or a photo
    is asked again as text); without a flow, or while it waits for a button, the other handlers
    go on."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.document is not None:
        return
    state, expired = await active(update, context)
    if expired:  # the answer was meant for the flow: it is not taken as a question
        raise ApplicationHandlerStop
    kind = KINDS.get(state.kind) if state else None
    if state is None or kind is None:
        return
    lang = await language(update, context)
    prompt = kind.ask(state, lang)
    if prompt is None or kind.on_text is None:
        return
    if message.text is None:
        await reply(update, context, html_text("flow.need_text", lang, prompt=prompt))
    else:
        await kind.on_text(update, context, state, message.text, lang)
    raise ApplicationHandlerStop


async def on_flow_button(
    update: Update, context: Context, callback: Callback, lang: str
) -> str | None:
    """A flow's button: only for the flow it was made for, while it lasts."""
    state, _ = await active(update, context)
    kind = KINDS.get(state.kind) if state else None
    if state is None or kind is None or callback.args[0] != str(state.data["n"]):
        return t("stale_button", lang)
    if callback.args[1] == CANCEL:
        await services(context).flows.end(state.user_id)
        await reply(update, context, html_text("flow.cancelled", lang))
        return None
    return await kind.on_button(update, context, state, callback.args[1], lang)


@editor_only
async def cancel(update: Update, context: Context) -> None:
    """/cancel: end whatever flow the user has in progress."""
    lang, user, svc = await language(update, context), update.effective_user, services(context)
    if user is None:
        return
    key = "flow.cancelled" if await svc.flows.end(user.id) else "flow.nothing"
    await reply(update, context, html_text(key, lang))
