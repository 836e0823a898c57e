"""Calendar records: events (with attendees, conferencing and recurrence) and calendars."""

from datetime import datetime

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Attachment, Metadata

__all__ = [
    "CalendarAttendee",
    "CalendarAttendeeStatus",
    "CalendarCalendar",
    "CalendarConference",
    "CalendarEvent",
    "CalendarEventStatus",
    "CalendarRecurrence",
    "CalendarRecurrenceFrequency",
    "CalendarWeekday",
]


class CalendarEventStatus(OpenEnum):
    """Whether an event takes place."""

    CANCELED = "CANCELED"
    CONFIRMED = "CONFIRMED"
    TENTATIVE = "TENTATIVE"


class CalendarAttendeeStatus(OpenEnum):
    """An attendee's answer to an invitation."""

    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    TENTATIVE = "TENTATIVE"


class CalendarRecurrenceFrequency(OpenEnum):
    """How often a recurring event repeats (scaled by ``interval``)."""

    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"
    YEARLY = "YEARLY"


class CalendarWeekday(OpenEnum):
    """A day of the week, as recurrence rules spell it."""

    SU = "SU"
    MO = "MO"
    TU = "TU"
    WE = "WE"
    TH = "TH"
    FR = "FR"
    SA = "SA"


@attrs.define(kw_only=True)
class CalendarAttendee(Model):
    """A person invited to an event (or its organizer).

    Attributes:
        required: Whether attendance is required rather than optional.
    """

    email: str | None = None
    name: str | None = None
    user_id: str | None = None
    required: bool | None = None
    is_cohost: bool | None = None
    status: CalendarAttendeeStatus | str | None = None


@attrs.define(kw_only=True)
class CalendarConference(Model):
    """A way to join an event remotely: a video link or a dial-in number."""

    url: str | None = None
    label: str | None = None
    notes: str | None = None
    telephone: str | None = None
    country_code: str | None = None
    region_code: str | None = None
    conference_identifier: str | None = None
    host_access_code: str | None = None
    participant_access_code: str | None = None


@attrs.define(kw_only=True)
class CalendarRecurrence(Model):
    """A rule for repeating an event, in the spirit of RFC 5545's RRULE.

    Attributes:
        interval: Every how many ``frequency`` units the event repeats.
        count: How many occurrences in all; ``end_at`` is the alternative bound.
        excluded_dates: Occurrences removed from the rule (dates or date-times as strings).
        included_dates: Occurrences added to the rule (dates or date-times as strings).
    """

    frequency: CalendarRecurrenceFrequency | str | None = None
    interval: float | None = None
    count: float | None = None
    end_at: datetime | None = None
    on_days: list[CalendarWeekday | str] | None = None
    on_month_days: list[float] | None = None
    on_months: list[float] | None = None
    on_weeks: list[float] | None = None
    on_year_days: list[float] | None = None
    excluded_dates: list[str] | None = None
    included_dates: list[str] | None = None
    timezone: str | None = None
    week_start: CalendarWeekday | str | None = None


@register("calendar", "event")
@attrs.define(kw_only=True)
class CalendarEvent(Record):
    """An event in a calendar.

    Its times are strings, as the API sends them: an all-day event may carry a date only
    (``"2024-05-01"``), others an ISO 8601 date-time.

    Attributes:
        created_at: When the event was created (a string, see above).
        updated_at: When the event was last updated (a string, see above).
        start_at: When the event starts (a date or a date-time string).
        end_at: When the event ends (a date or a date-time string).
        notes: The event's description.
        matter_id: The legal matter the event belongs to (legal-practice integrations).
        recurring_event_id: The series this occurrence belongs to.
        organizer: Who organizes the event (same shape as an attendee).
    """

    created_at: str | None = None  # type: ignore[assignment]
    updated_at: str | None = None  # type: ignore[assignment]
    subject: str | None = None
    notes: str | None = None
    location: str | None = None
    timezone: str | None = None
    web_url: str | None = None
    start_at: str | None = None
    end_at: str | None = None
    calendar_id: str | None = None
    recurring_event_id: str | None = None
    matter_id: str | None = None
    room_ids: list[str] | None = None
    is_all_day: bool | None = None
    is_free: bool | None = None
    is_private: bool | None = None
    has_conference: bool | None = None
    send_notifications: bool | None = None
    status: CalendarEventStatus | str | None = None
    organizer: CalendarAttendee | None = None
    attendees: list[CalendarAttendee] | None = None
    conference: list[CalendarConference] | None = None
    attachments: list[Attachment] | None = None
    recurrence: list[CalendarRecurrence] | None = None
    metadata: list[Metadata] | None = None


@register("calendar", "calendar")
@attrs.define(kw_only=True)
class CalendarCalendar(Record):
    """A calendar that holds events."""

    name: str | None = None
    description: str | None = None
    timezone: str | None = None
    is_primary: bool | None = None
    metadata: list[Metadata] | None = None
