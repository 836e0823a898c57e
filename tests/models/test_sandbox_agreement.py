"""The sandbox's generated records and the typed models agree, field for field.

For every typed object type, the first 50 generated records decode without error, leave nothing
in ``extra`` at any depth, and unstructure back to the same JSON (timestamps compared as
instants, since a date-only ``"2024-05-01"`` is written back as ``"2024-05-01T00:00:00Z"``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from liza_async._converter import structure, unstructure
from liza_async.models import model_for, registered_models
from liza_async.sandbox._data import OBJECT_TYPES, Dataset

from ._walk import leftover_extra

FIRST = 50
TYPED = sorted(registered_models())


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset(seed=0, records=1000)


def instant(text: str) -> datetime | None:
    """Return the moment an ISO 8601 string names (UTC when naive), or ``None``."""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def differences(sent: Any, back: Any, path: str = "$") -> list[str]:
    """Return where two JSON values differ, treating equal instants as equal strings."""
    if isinstance(sent, dict) and isinstance(back, dict):
        return [
            diff
            for key in sorted(sent.keys() | back.keys())
            for diff in differences(sent.get(key), back.get(key), f"{path}.{key}")
        ]
    if isinstance(sent, list) and isinstance(back, list) and len(sent) == len(back):
        return [
            diff
            for index, (a, b) in enumerate(zip(sent, back, strict=True))
            for diff in differences(a, b, f"{path}[{index}]")
        ]
    if type(sent) is type(back) and sent == back:
        return []
    if isinstance(sent, str) and isinstance(back, str):
        moment = instant(sent)
        if moment is not None and moment == instant(back):
            return []
    return [f"{path}: sent {sent!r}, got back {back!r}"]


def test_the_sandbox_serves_every_typed_object_type() -> None:
    served = {(category, kind) for category, kinds in OBJECT_TYPES.items() for kind in kinds}
    assert set(TYPED) <= served


@pytest.mark.parametrize(
    ("category", "object_type"), TYPED, ids=[f"{category}/{kind}" for category, kind in TYPED]
)
def test_generated_records_decode_completely_and_round_trip(
    dataset: Dataset, category: str, object_type: str
) -> None:
    cls = model_for(category, object_type)
    count = min(FIRST, dataset.count(category, object_type))
    assert count > 0

    for index in range(count):
        sent = dataset.record(category, object_type, index)
        record = structure(sent, cls)

        assert isinstance(record, cls)
        assert leftover_extra(record) == [], f"record {index}"
        assert differences(sent, unstructure(record)) == [], f"record {index}"


def test_differences_sees_a_changed_instant_and_a_changed_value() -> None:
    assert differences({"at": "2024-05-01"}, {"at": "2024-05-01T00:00:00Z"}) == []
    assert differences({"at": "2024-05-01T10:00:00+02:00"}, {"at": "2024-05-01T08:00:00Z"}) == []
    assert differences({"at": "2024-05-01"}, {"at": "2024-05-01T00:00:01Z"}) != []
    assert differences({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "y"}]}) == [
        "$.a[1].b: sent 'x', got back 'y'"
    ]
    assert differences({"a": 1}, {"a": 1.0}) != []
    assert differences({"a": 1}, {}) != []
