"""Updates as Telegram sends them: messages, commands, buttons, inline queries, membership."""

from __future__ import annotations

import itertools
import time
from typing import Any

_ids = itertools.count(1000)


def user(user_id: int, language_code: str | None = "bg") -> dict[str, Any]:
    """A human Telegram user."""
    data: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
    if language_code:
        data["language_code"] = language_code
    return data


def chat(chat_id: int, kind: str = "private") -> dict[str, Any]:
    """A chat."""
    data: dict[str, Any] = {"id": chat_id, "type": kind}
    if kind == "private":
        data["first_name"] = f"User{chat_id}"
    else:
        data["title"] = "Група Септември"
    return data


def message(
    user_id: int,
    text: str | None = None,
    *,
    chat_id: int | None = None,
    kind: str = "private",
    language_code: str | None = "bg",
    **extra: Any,
) -> dict[str, Any]:
    """A message update (text, or whatever extra fields say: sticker, photo, location...)."""
    body: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": chat(chat_id if chat_id is not None else user_id, kind),
        "from": user(user_id, language_code),
        **extra,
    }
    if text is not None:
        body["text"] = text
        entities = list(extra.get("entities", []))
        if text.startswith("/"):
            command = text.split()[0]
            entities.insert(
                0,
                {
                    "type": "bot_command",
                    "offset": 0,
                    "length": len(command.encode("utf-16-le")) // 2,
                },
            )
        if entities:
            body["entities"] = entities
    return {"message": body}


def edited(update: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """The same message edited (to a new text when one is given), as Telegram sends an edit."""
    body = {**update["message"], "edit_date": int(time.time())}
    if text is not None:
        body = {**body, "text": text}
        if not text.startswith("/"):
            body.pop("entities", None)
    return {"edited_message": body}


def mention(user_id: int, text: str, username: str, chat_id: int) -> dict[str, Any]:
    """A group message that mentions the bot at its start."""
    full = f"@{username} {text}"
    return message(
        user_id,
        full,
        chat_id=chat_id,
        kind="group",
        entities=[{"type": "mention", "offset": 0, "length": len(username) + 1}],
    )


def sticker(user_id: int) -> dict[str, Any]:
    """A sticker."""
    return message(
        user_id,
        sticker={
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        },
    )


def document(
    user_id: int, file: dict[str, Any], language_code: str | None = "bg"
) -> dict[str, Any]:
    """A file sent as a document (file: what FakeBotAPI.document returned)."""
    return message(user_id, language_code=language_code, document=file)


def button(
    user_id: int,
    data: str,
    bot_message: dict[str, Any] | None = None,
    language_code: str | None = "bg",
) -> dict[str, Any]:
    """A press on an inline button under a message the bot sent."""
    shown = bot_message or {
        "message_id": 1,
        "date": int(time.time()),
        "chat": chat(user_id),
        "text": "...",
    }
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(user_id, language_code),
            "chat_instance": "ci",
            "data": data,
            "message": shown,
        }
    }


def inline_query(user_id: int, query: str, language_code: str | None = "en") -> dict[str, Any]:
    """`@bot query` typed in any chat."""
    return {
        "inline_query": {
            "id": str(next(_ids)),
            "from": user(user_id, language_code),
            "query": query,
            "offset": "",
        }
    }


def membership(user_id: int, status: str) -> dict[str, Any]:
    """The bot was blocked ('kicked') or unblocked ('member') in a private chat."""
    old = "member" if status == "kicked" else "kicked"
    bot = {"id": 777000, "is_bot": True, "first_name": "Munibot"}
    return {
        "my_chat_member": {
            "chat": chat(user_id),
            "from": user(user_id),
            "date": int(time.time()),
            "old_chat_member": {
                "status": old,
                "user": bot,
                **({"until_date": 0} if old == "kicked" else {}),
            },
            "new_chat_member": {
                "status": status,
                "user": bot,
                **({"until_date": 0} if status == "kicked" else {}),
            },
        }
    }
