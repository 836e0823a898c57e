"""Messaging: channels and the messages posted in them (Slack-like), by the organisation's staff."""

from __future__ import annotations

import html
from typing import Any

from . import _vocab as v
from ._ids import BASE36, Token, Uuid
from ._shapes import MetaField, company, member, metadata, organisation, stamps
from ._world import Kind, World, per

__all__ = ["KINDS"]

MESSAGE = ("messaging", "message")
CHANNEL = ("messaging", "channel")

_FIELDS = (MetaField("priority", "SINGLE_SELECT", ("low", "normal", "high")),)
_EMOJI = ("thumbsup", "tada", "eyes", "white_check_mark", "heart", "rocket")


def _workspace(w: World) -> str:
    return f"https://{organisation(w).domain.split('.')[0]}.slack.com"


def _channel_name(index: int) -> str:
    name = v.CHANNELS[index % len(v.CHANNELS)]
    return f"{name}-{index // len(v.CHANNELS) + 1}" if index >= len(v.CHANNELS) else name


def _channel(w: World, index: int) -> dict[str, Any]:
    r = w.draw(CHANNEL, index)
    rec: dict[str, Any] = {"id": w.id(CHANNEL, index), **stamps(w, CHANNEL, r, 1500)}
    rec["name"] = _channel_name(index)
    if r.opt(0.6):
        rec["description"] = f"Everything about {rec['name'].split('-')[0]}."
    if r.opt(0.8):
        rec["web_url"] = f"{_workspace(w)}/archives/{rec['id']}"
    rec["is_private"] = r.chance(0.2)
    if r.opt(0.6):
        rec["is_active"] = r.chance(0.95)
    if r.opt(0.3):
        rec["has_subchannels"] = False
    if index >= len(v.CHANNELS) and r.opt(0.5):
        rec["parent_id"] = w.id(CHANNEL, index % len(v.CHANNELS))
    elif index == 1:
        rec["parent_id"] = w.id(CHANNEL, 0)
    if r.opt(0.7):
        rec["members"] = [member(w, r) for _ in range(r.between(2, 6))]
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "channel", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "id": rec["id"],
            "is_channel": True,
            "is_archived": not rec.get("is_active", True),
        }
    return rec


def _message(w: World, index: int) -> dict[str, Any]:
    r = w.draw(MESSAGE, index)
    channel = r.below(w.count(CHANNEL))
    author = member(w, r)
    text = r.pick(v.MESSAGES).format(company=company(w, r.below(w.count(("crm", "company")))).name)
    rec: dict[str, Any] = {"id": w.id(MESSAGE, index), **stamps(w, MESSAGE, r, 2)}
    if r.opt(0.1):
        rec["subject"] = text[:24]
    if r.opt(0.7):
        rec["web_url"] = f"{_workspace(w)}/archives/{w.id(CHANNEL, channel)}/p{r.digits(16)}"
    if r.opt(0.2):
        rec["reference"] = f"msg-{r.hex(12)}"
    rec["message"] = text
    if r.opt(0.4):
        rec["message_html"] = f"<p>{html.escape(text)}</p>"
    if r.opt(0.4):
        rec["message_markdown"] = text
    if r.opt(0.3):
        author = {**author, "image_url": f"https://cdn.example.com/people/{author['user_id']}.jpg"}
    rec["author_member"] = author
    if r.opt(0.15):
        rec["destination_members"] = [member(w, r)]
    if r.opt(0.2):
        rec["mentioned_members"] = [member(w, r)]
    if r.opt(0.05):
        rec["hidden_members"] = [member(w, r)]
    rec["channels"] = [{"id": w.id(CHANNEL, channel), "name": _channel_name(channel)}]
    reply = index > 0 and r.opt(0.3)
    if reply:
        parent = r.below(index)
        rec["parent_id"] = w.id(MESSAGE, parent)
        rec["message_thread_identifier"] = w.id(MESSAGE, parent)
    if r.opt(0.5):
        rec["has_children"] = not reply and r.chance(0.2)
    if r.opt(0.5):
        rec["is_unread"] = r.chance(0.3)
    if r.opt(0.1):
        rec["attachments"] = [
            {
                "filename": "screenshot.png",
                "content_type": "image/png",
                "size": r.between(20_000, 900_000),
                "download_url": f"https://files.example.com/{r.hex(16)}/screenshot.png",
                "content_identifier": r.hex(8),
                "message_id": rec["id"],
            }
        ]
    if r.opt(0.2):
        rec["reactions"] = [{"reaction": r.pick(_EMOJI), "member": member(w, r)}]
    if r.opt(0.05):
        rec["buttons"] = [
            {"id": "approve", "text": "Approve", "icon": "white_check_mark"},
            {"id": "reject", "text": "Reject"},
        ]
    if r.opt(0.05):
        rec["metadata"] = metadata(w, r, "message", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "type": "message",
            "user": author["user_id"],
            "ts": f"{r.digits(10)}.{r.digits(6)}",
        }
    return rec


KINDS = (
    Kind(
        "messaging",
        "message",
        per(2),
        Uuid(),
        _message,
        search=("subject", "message", "author_member.email", "author_member.name"),
    ),
    Kind("messaging", "channel", per(500, 12), Token(BASE36, 10, "C"), _channel),
)
