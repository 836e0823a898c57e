"""Task-management records: tasks, projects and comments on tasks."""

from datetime import datetime

import attrs

from ._base import OpenEnum, Record, register
from .common import Metadata

__all__ = [
    "TaskComment",
    "TaskProject",
    "TaskStatus",
    "TaskTask",
]


class TaskStatus(OpenEnum):
    """How far a task has come."""

    OPENED = "OPENED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


@register("task", "task")
@attrs.define(kw_only=True)
class TaskTask(Record):
    """A task (an issue, a to-do, a card).

    Attributes:
        notes: The task's description.
        priority: The provider's priority label (free-form); ``type`` likewise.
        parent_id: The task this one is a subtask of.
        progress: How far the task has come, as the provider measures it.
        time_spent: Time logged on the task, in ``time_spent_unit``.
    """

    name: str | None = None
    notes: str | None = None
    status: TaskStatus | str | None = None
    priority: str | None = None
    type: str | None = None
    project_id: str | None = None
    parent_id: str | None = None
    has_children: bool | None = None
    assigned_user_ids: list[str] | None = None
    follower_user_ids: list[str] | None = None
    creator_user_id: str | None = None
    group_ids: list[str] | None = None
    due_at: datetime | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None
    completed_at: datetime | None = None
    tags: list[str] | None = None
    attachment_ids: list[str] | None = None
    url: str | None = None
    progress: float | None = None
    story_points: float | None = None
    time_spent: float | None = None
    time_spent_unit: str | None = None
    metadata: list[Metadata] | None = None


@register("task", "project")
@attrs.define(kw_only=True)
class TaskProject(Record):
    """A project (a board, a list) that groups tasks.

    Attributes:
        parent_id: The project this one is nested in.
    """

    name: str | None = None
    description: str | None = None
    parent_id: str | None = None
    has_children: bool | None = None
    has_tasks: bool | None = None
    user_ids: list[str] | None = None
    group_ids: list[str] | None = None
    metadata: list[Metadata] | None = None


@register("task", "comment")
@attrs.define(kw_only=True)
class TaskComment(Record):
    """A comment on a task.

    Attributes:
        parent_id: The comment this one replies to.
        user_name: The author's display name (``user_id`` is their id).
    """

    text: str | None = None
    task_id: str | None = None
    parent_id: str | None = None
    has_children: bool | None = None
    user_id: str | None = None
    user_name: str | None = None
    metadata: list[Metadata] | None = None
