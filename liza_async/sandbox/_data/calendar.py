"""Calendar: events (timed or all-day, some recurring) and the calendars they belong to.

Calendar event timestamps are strings, as in Unified's model: all-day events carry dates
(``YYYY-MM-DD``) in ``start_at``/``end_at``.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, iso, iso_date
from ._ids import BASE32HEX, HEX, Token
from ._shapes import EMPLOYEE, MetaField, employee, member, metadata, organisation, stamps
from ._world import Kind, World, per

__all__ = ["KINDS"]

EVENT = ("calendar", "event")
CALENDAR = ("calendar", "calendar")

_SHARED = ("Team Events", "Company Holidays", "On-call", "Interviews", "Marketing Launches")
_FIELDS = (MetaField("color", "SINGLE_SELECT", ("blue", "green", "orange", "purple")),)
_DAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")


def _calendar(w: World, index: int) -> dict[str, Any]:
    r = w.draw(CALENDAR, index)
    shared = index % 3 == 2
    rec: dict[str, Any] = {"id": w.id(CALENDAR, index), **stamps(w, CALENDAR, r, 1500)}
    owner = employee(w, index % w.count(EMPLOYEE))
    rec["name"] = _SHARED[index // 3 % len(_SHARED)] if shared else owner.name
    if r.opt(0.5):
        rec["description"] = (
            f"Shared calendar: {rec['name']}" if shared else f"{owner.name}'s calendar"
        )
    if r.opt(0.8):
        rec["timezone"] = organisation(w).city.timezone
    rec["is_primary"] = not shared
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "calendar", _FIELDS)
    if r.opt(0.2):
        rec["raw"] = {"kind": "calendar#calendarListEntry", "accessRole": "owner"}
    return rec


def _event(w: World, index: int) -> dict[str, Any]:
    r = w.draw(EVENT, index)
    updated = w.updated(EVENT, index)
    all_day = r.cycle((False, True)) if index < 2 else r.chance(0.15)
    start = (updated + r.between(-20, 60) * DAY) // 1800 * 1800
    end = start + DAY if all_day else start + 1800 * r.between(1, 4)
    timezone = organisation(w).city.timezone
    rec: dict[str, Any] = {"id": w.id(EVENT, index), **stamps(w, EVENT, r, 90)}
    rec["subject"] = "Company holiday" if all_day else r.pick(v.MEETINGS)
    if r.opt(0.5):
        rec["notes"] = "Agenda: updates, blockers, next steps."
    if r.opt(0.5):
        rec["location"] = r.pick(
            ("Room 3A", "Main boardroom", "Cafeteria", "Zoom", "Client office")
        )
    if r.opt(0.7):
        rec["timezone"] = timezone
    if r.opt(0.7):
        rec["web_url"] = f"https://www.google.com/calendar/event?eid={r.hex(24)}"
    if all_day:
        rec |= {"start_at": iso_date(start), "end_at": iso_date(end)}
    else:
        rec |= {"start_at": iso(start), "end_at": iso(end)}
    rec["calendar_id"] = w.ref(r, CALENDAR)
    recurring = r.opt(0.2)
    if recurring and index:
        rec["recurring_event_id"] = w.id(EVENT, r.below(index))
    if r.opt(0.05):
        rec["matter_id"] = f"matter_{r.hex(8)}"
    if r.opt(0.2):
        rec["room_ids"] = [f"room_{r.hex(6)}"]
    rec["is_all_day"] = all_day
    if r.opt(0.6):
        rec["is_free"] = all_day
    if r.opt(0.4):
        rec["is_private"] = r.chance(0.1)
    conference = not all_day and r.opt(0.5)
    if r.opt(0.6):
        rec["has_conference"] = conference
    if r.opt(0.4):
        rec["send_notifications"] = True
    rec["status"] = (
        r.cycle(("CONFIRMED", "TENTATIVE", "CANCELED"))
        if r.chance(0.2) or index < 3
        else "CONFIRMED"
    )
    organizer = member(w, r)
    rec["organizer"] = organizer
    if r.opt(0.8):
        rec["attendees"] = [
            {**organizer, "required": True, "is_cohost": False, "status": "ACCEPTED"}
        ]
        for _ in range(r.between(1, 4)):
            rec["attendees"].append(
                {
                    **member(w, r),
                    "required": r.chance(0.7),
                    "is_cohost": False,
                    "status": r.pick(("ACCEPTED", "REJECTED", "TENTATIVE")),
                }
            )
    if conference:
        code = f"{r.hex(3)}-{r.hex(4)}-{r.hex(3)}"
        rec["conference"] = [
            {
                "url": f"https://meet.google.com/{code}",
                "label": f"meet.google.com/{code}",
                "conference_identifier": code,
                "telephone": "+1 415-555-0132",
                "country_code": "US",
                "participant_access_code": r.digits(9),
            }
        ]
    if r.opt(0.1):
        file_id = w.ref(r, ("storage", "file"))
        rec["attachments"] = [
            {
                "id": file_id,
                "name": "Agenda.pdf",
                "mime_type": "application/pdf",
                "download_url": f"https://drive.example.com/files/{file_id}",
            }
        ]
    if recurring:
        rec["recurrence"] = [
            {
                "frequency": r.pick(("DAILY", "WEEKLY", "MONTHLY", "YEARLY")),
                "interval": r.between(1, 2),
                "count": r.between(4, 20),
                "on_days": [r.pick(_DAYS[1:6])],
                "timezone": timezone,
                "week_start": "MO",
                "excluded_dates": [iso_date(start + 7 * DAY)],
            }
        ]
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "event", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "kind": "calendar#event",
            "etag": f'"{r.digits(16)}"',
            "iCalUID": f"{rec['id']}@google.com",
        }
    return rec


KINDS = (
    Kind("calendar", "event", per(4), Token(BASE32HEX, 26), _event, search=("subject",)),
    Kind(
        "calendar",
        "calendar",
        per(100, 5),
        Token(HEX, 26, "c_", "@group.calendar.google.com"),
        _calendar,
    ),
)
