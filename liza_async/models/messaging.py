"""Messaging records: messages (chat or email-like) and the channels they are posted in."""

import attrs

from ._base import Model, Record, register
from .common import Metadata, Reference

__all__ = [
    "MessagingAttachment",
    "MessagingButton",
    "MessagingChannel",
    "MessagingMember",
    "MessagingMessage",
    "MessagingReaction",
]


@attrs.define(kw_only=True)
class MessagingMember(Model):
    """A participant in a conversation: an author, a recipient, a mention, a channel member."""

    email: str | None = None
    name: str | None = None
    user_id: str | None = None
    image_url: str | None = None


@attrs.define(kw_only=True)
class MessagingAttachment(Model):
    """A file attached to a message.

    Attributes:
        size: The file's size in bytes.
        content_identifier: The ``Content-ID`` an inline attachment is referenced by.
    """

    filename: str | None = None
    content_type: str | None = None
    size: float | None = None
    download_url: str | None = None
    content_identifier: str | None = None
    message_id: str | None = None


@attrs.define(kw_only=True)
class MessagingReaction(Model):
    """A reaction (e.g. an emoji) left on a message by a member."""

    reaction: str | None = None
    member: MessagingMember | None = None


@attrs.define(kw_only=True)
class MessagingButton(Model):
    """An interactive button shown with a message."""

    id: str | None = None
    text: str | None = None
    icon: str | None = None


@register("messaging", "message")
@attrs.define(kw_only=True)
class MessagingMessage(Record):
    """A message in a channel or thread.

    Attributes:
        message: The body as plain text; ``message_html`` and ``message_markdown`` are other forms.
        reference: The provider's reference for the message (e.g. an email's Message-ID).
        channels: The channels the message was posted in.
        parent_id: The message this one replies to.
        message_thread_identifier: The thread the message belongs to.
        hidden_members: Recipients not visible to the others (e.g. Bcc).
    """

    subject: str | None = None
    web_url: str | None = None
    reference: str | None = None
    message: str | None = None
    message_html: str | None = None
    message_markdown: str | None = None
    author_member: MessagingMember | None = None
    destination_members: list[MessagingMember] | None = None
    mentioned_members: list[MessagingMember] | None = None
    hidden_members: list[MessagingMember] | None = None
    channels: list[Reference] | None = None
    parent_id: str | None = None
    message_thread_identifier: str | None = None
    has_children: bool | None = None
    is_unread: bool | None = None
    attachments: list[MessagingAttachment] | None = None
    reactions: list[MessagingReaction] | None = None
    buttons: list[MessagingButton] | None = None
    metadata: list[Metadata] | None = None


@register("messaging", "channel")
@attrs.define(kw_only=True)
class MessagingChannel(Record):
    """A channel, group conversation or mailbox folder that holds messages.

    Attributes:
        parent_id: The channel this one is a sub-channel of.
    """

    name: str | None = None
    description: str | None = None
    web_url: str | None = None
    is_private: bool | None = None
    is_active: bool | None = None
    has_subchannels: bool | None = None
    parent_id: str | None = None
    members: list[MessagingMember] | None = None
    metadata: list[Metadata] | None = None
