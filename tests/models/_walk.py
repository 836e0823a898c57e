"""Helpers that walk the model classes: every nested model, every field's type."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from liza_async.models import Model, registered_models


def field_types(cls: type[Model]) -> dict[str, Any]:
    """Return the resolved type of each declared field of ``cls`` (``extra`` left out)."""
    hints = typing.get_type_hints(cls)
    return {a.name: hints[a.name] for a in attrs.fields(cls) if a.name != "extra"}


def union_args(tp: Any) -> tuple[Any, ...]:
    """Return the members of a union (``X | None`` gives ``(X, NoneType)``), else ``(tp,)``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return (tp,)


def without_none(tp: Any) -> Any:
    """Return ``X`` for ``X | None`` (and ``E | str`` for ``E | str | None``)."""
    args = tuple(a for a in union_args(tp) if a is not type(None))
    return args[0] if len(args) == 1 else typing.Union[args]  # noqa: UP007


def open_enum_of(tp: Any) -> type[enum.Enum] | None:
    """Return ``E`` when ``tp`` is ``E | str`` (``None`` allowed too), else ``None``."""
    args = [a for a in union_args(tp) if a is not type(None)]
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    if len(args) == 2 and str in args and len(enums) == 1:
        return enums[0]
    return None


def models_in(tp: Any) -> Iterator[type[Model]]:
    """Yield the model classes a field type mentions (inside lists and unions too)."""
    if isinstance(tp, type) and issubclass(tp, Model):
        yield tp
    for arg in typing.get_args(tp):
        yield from models_in(arg)


def all_record_models() -> list[type[Model]]:
    """Return every registered record model and every model nested in one, each once."""
    seen: dict[type[Model], None] = {}
    pending: list[type[Model]] = list(registered_models().values())
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen[cls] = None
        for tp in field_types(cls).values():
            pending.extend(models_in(tp))
    return sorted(seen, key=lambda cls: cls.__name__)


def leftover_extra(value: Any, path: str = "$") -> list[str]:
    """Return the paths of every non-empty ``extra`` in a decoded value, recursively."""
    found: list[str] = []
    if isinstance(value, Model):
        found += [f"{path}.{key}" for key in value.extra]
        for name in field_types(type(value)):
            found += leftover_extra(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += leftover_extra(item, f"{path}[{index}]")
    return found
