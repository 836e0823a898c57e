"""Small shared types: the category enum and the "argument not given" sentinel."""

from __future__ import annotations

import enum
from typing import Final, Literal

__all__ = ["NOT_GIVEN", "Category", "HTTPMethod", "NotGiven"]


class Category(str, enum.Enum):
    """The twelve data categories of the Liza Integrations API.

    Plain strings are accepted wherever a category is expected; ``Category("crm")`` and
    ``Category.CRM`` are the same member.
    """

    CRM = "crm"
    TICKETING = "ticketing"
    CALENDAR = "calendar"
    MESSAGING = "messaging"
    STORAGE = "storage"
    TASK = "task"
    ATS = "ats"
    ACCOUNTING = "accounting"
    ECOMMERCE = "ecommerce"
    HR = "hr"
    ENRICHMENT = "enrichment"
    MARKETING = "marketing"

    def __str__(self) -> str:
        return self.value


HTTPMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]


class NotGiven:
    """The type of :data:`NOT_GIVEN`: "use the client's setting", as distinct from ``None``."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
