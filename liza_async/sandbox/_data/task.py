"""Tasks: projects, tasks in them (Asana-like ids) and comments on tasks.

Comment ``c`` is on task ``c * tasks // comments``; consecutive comments on one task form a
thread.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import DAY, iso
from ._ids import Numeric
from ._rng import Draw
from ._shapes import EMPLOYEE, MetaField, company, employee, metadata, organisation, stamps
from ._world import Kind, World, per

__all__ = ["KINDS"]

TASK = ("task", "task")
PROJECT = ("task", "project")
COMMENT = ("task", "comment")
GROUP = ("hr", "group")

_FIELDS = (
    MetaField("estimate_hours", "NUMBER", (1, 2, 4, 8, 16)),
    MetaField("component", "MULTIPLE_SELECT", ("api", "web", "mobile", "infra")),
)


def _fill(w: World, r: Draw, template: str, updated: int) -> str:
    return template.format(
        q=r.between(1, 4),
        y=iso(updated)[:4],
        title=r.pick(v.TITLES)[0],
        company=company(w, r.below(w.count(("crm", "company")))).name,
    )


def _project(w: World, index: int) -> dict[str, Any]:
    r = w.draw(PROJECT, index)
    rec: dict[str, Any] = {"id": w.id(PROJECT, index), **stamps(w, PROJECT, r, 700)}
    rec["name"] = _fill(w, r, v.PROJECTS[index % len(v.PROJECTS)], w.updated(PROJECT, index))
    if r.opt(0.6):
        rec["description"] = f"Goals, milestones and owners for {rec['name']}."
    if index and r.opt(0.2):
        rec["parent_id"] = w.id(PROJECT, r.below(index))
    if r.opt(0.5):
        rec["has_children"] = False
    if r.opt(0.5):
        rec["has_tasks"] = True
    if r.opt(0.7):
        rec["user_ids"] = w.refs(r, EMPLOYEE, r.between(2, 8))
    if r.opt(0.4):
        rec["group_ids"] = w.refs(r, GROUP, 1)
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "project", _FIELDS[1:])
    if r.opt(0.15):
        rec["raw"] = {"gid": rec["id"], "resource_type": "project", "archived": False}
    return rec


def _task(w: World, index: int) -> dict[str, Any]:
    r = w.draw(TASK, index)
    updated = w.updated(TASK, index)
    status = r.cycle(("OPENED", "IN_PROGRESS", "COMPLETED"))
    rec: dict[str, Any] = {"id": w.id(TASK, index), **stamps(w, TASK, r, 120)}
    rec["name"] = _fill(w, r, r.pick(v.TASKS), updated)
    if r.opt(0.6):
        rec["notes"] = "Acceptance criteria are in the linked doc."
    rec["status"] = status
    if r.opt(0.6):
        rec["priority"] = r.pick(("low", "medium", "high"))
    if r.opt(0.4):
        rec["type"] = r.pick(("task", "bug", "story", "milestone"))
    rec["project_id"] = w.ref(r, PROJECT)
    subtask = index > 0 and r.opt(0.15)
    if subtask:
        rec["parent_id"] = w.id(TASK, r.below(index))
    if r.opt(0.5):
        rec["has_children"] = not subtask and r.chance(0.2)
    if r.opt(0.8):
        rec["assigned_user_ids"] = w.refs(r, EMPLOYEE, 1)
    if r.opt(0.3):
        rec["follower_user_ids"] = w.refs(r, EMPLOYEE, r.between(1, 3))
    if r.opt(0.7):
        rec["creator_user_id"] = w.ref(r, EMPLOYEE)
    if r.opt(0.2):
        rec["group_ids"] = w.refs(r, GROUP, 1)
    if r.opt(0.6):
        rec["due_at"] = iso(updated + r.between(1, 30) * DAY)
    if r.opt(0.3):
        rec["start_at"] = iso(updated - r.between(1, 10) * DAY)
    if status == "COMPLETED":
        rec["completed_at"] = rec["end_at"] = iso(updated)
    if r.opt(0.4):
        rec["tags"] = r.sample(
            ("frontend", "backend", "design", "urgent", "q-goal"), r.between(1, 2)
        )
    if r.opt(0.1):
        rec["attachment_ids"] = w.refs(r, ("storage", "file"), 1)
    if r.opt(0.8):
        rec["url"] = f"https://app.asana.com/0/{rec['project_id']}/{rec['id']}"
    if r.opt(0.3):
        rec["progress"] = 100 if status == "COMPLETED" else r.between(0, 9) * 10
    if r.opt(0.3):
        rec["story_points"] = r.pick((1, 2, 3, 5, 8, 13))
    if r.opt(0.2):
        rec |= {"time_spent": r.between(1, 40), "time_spent_unit": "HOURS"}
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "task", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"gid": rec["id"], "resource_type": "task", "completed": status == "COMPLETED"}
    return rec


def _task_of(w: World, comment: int) -> int:
    return comment * w.count(TASK) // w.count(COMMENT)


def _comment(w: World, index: int) -> dict[str, Any]:
    r = w.draw(COMMENT, index)
    task = _task_of(w, index)
    author = employee(w, r.below(w.count(EMPLOYEE)))
    rec: dict[str, Any] = {"id": w.id(COMMENT, index), **stamps(w, COMMENT, r, 5)}
    rec["text"] = r.pick(
        (
            "Looks good to me.",
            "Can we split this into two tasks?",
            "Blocked on the API change.",
            "Done, please review.",
            "Moving this to next sprint.",
            "Added screenshots.",
            f"@{organisation(w).name} team: FYI.",
        )
    )
    rec["task_id"] = w.id(TASK, task)
    thread = index > 0 and _task_of(w, index - 1) == task
    if thread:
        rec["parent_id"] = w.id(COMMENT, index - 1)
    if r.opt(0.4):
        rec["has_children"] = index + 1 < w.count(COMMENT) and _task_of(w, index + 1) == task
    rec["user_id"] = author.id
    if r.opt(0.7):
        rec["user_name"] = author.name
    if r.opt(0.05):
        rec["metadata"] = metadata(w, r, "comment", _FIELDS[:1])
    if r.opt(0.15):
        rec["raw"] = {"gid": rec["id"], "resource_subtype": "comment_added"}
    return rec


KINDS = (
    Kind("task", "task", per(4), Numeric(16), _task),
    Kind("task", "project", per(200, 3), Numeric(16), _project),
    Kind("task", "comment", per(2), Numeric(16), _comment, search=("text",)),
)
