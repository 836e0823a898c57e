"""The one cattrs converter: JSON-ready data <-> liza's attrs models.

Every conversion between the API's JSON and liza's classes goes through :data:`converter`. Fields a
model does not declare are kept in ``extra``; unknown enum values stay strings; decoding failures
become :class:`ResponseDecodeError` naming the field path.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any, TypeVar

import attrs
import cattrs
import yarl
from cattrs.gen import make_dict_structure_fn

from ._errors import ResponseDecodeError
from .models._base import Model

__all__ = ["converter", "structure", "structure_list", "unstructure"]

T = TypeVar("T")

converter = cattrs.Converter(detailed_validation=True)


def parse_datetime(value: str) -> datetime:
    """Parse an ISO 8601 timestamp into a timezone-aware datetime (UTC when none is given).

    Args:
        value: E.g. ``2024-05-01T10:00:00Z``, ``2024-05-01T10:00:00+02:00`` or ``2024-05-01``.

    Returns:
        The timestamp, always timezone-aware.

    Raises:
        ValueError: ``value`` is not ISO 8601.
    """
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def format_datetime(value: datetime) -> str:
    """Format a datetime as ISO 8601, UTC written as ``Z``."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _structure_datetime(value: Any, _: type) -> datetime:
    if isinstance(value, str):
        return parse_datetime(value)
    raise TypeError(f"expected an ISO 8601 string, got {type(value).__name__}")


converter.register_structure_hook(datetime, _structure_datetime)
converter.register_unstructure_hook(datetime, format_datetime)
converter.register_unstructure_hook(date, date.isoformat)
converter.register_unstructure_hook(enum.Enum, lambda member: member.value)
converter.register_structure_hook(yarl.URL, lambda value, _: yarl.URL(value))
converter.register_unstructure_hook(yarl.URL, str)


def _scalar(kind: type) -> Callable[[Any, type], Any]:
    def check(value: Any, _: type) -> Any:
        if type(value) is kind or (kind is float and type(value) is int):
            return value
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")

    return check


for _kind in (str, bool, int, float):
    converter.register_structure_hook(_kind, _scalar(_kind))


def _open_enum_of(tp: Any) -> type[enum.Enum] | None:
    """Return E when ``tp`` is ``E | str`` or ``E | str | None`` for a str-valued enum E."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    if len(args) == 2 and str in args and len(enums) == 1:
        return enums[0]
    return None


def _make_open_enum_hook(tp: Any) -> Callable[[Any, type], Any]:
    enum_cls = _open_enum_of(tp)
    assert enum_cls is not None
    members = enum_cls._value2member_map_

    def structure_open_enum(value: Any, _: type) -> Any:
        if value is None:
            return None
        if type(value) is not str:
            raise TypeError(f"expected a string, got {type(value).__name__}")
        return members.get(value, value)

    return structure_open_enum


converter.register_structure_hook_factory(
    lambda tp: _open_enum_of(tp) is not None, _make_open_enum_hook
)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


def _make_model_hook(cls: type[Model]) -> Callable[[Any, type], Model]:
    known = frozenset(a.name for a in attrs.fields(cls) if a.name != "extra")
    base = make_dict_structure_fn(cls, converter)

    def structure_model(value: Any, _: type) -> Model:
        if type(value) is not dict:
            raise TypeError(f"expected an object, got {type(value).__name__}")
        unknown = value.keys() - known
        if not unknown:
            return base(value, cls)
        model = base({k: v for k, v in value.items() if k in known}, cls)
        model.extra = types.MappingProxyType({k: value[k] for k in unknown})
        return model

    return structure_model


def _make_model_unhook(cls: type[Model]) -> Callable[[Model], dict[str, Any]]:
    names = [a.name for a in attrs.fields(cls) if a.name != "extra"]

    def unstructure_model(model: Model) -> dict[str, Any]:
        out = {
            name: converter.unstructure(value)
            for name in names
            if (value := getattr(model, name)) is not None
        }
        out.update(model.extra)
        return out

    return unstructure_model


converter.register_structure_hook_factory(_is_model, _make_model_hook)
converter.register_unstructure_hook_factory(_is_model, _make_model_unhook)


def _describe(exc: BaseException) -> tuple[str, str]:
    """Return (path, message) of the first leaf failure of a cattrs error."""
    if isinstance(exc, cattrs.ClassValidationError | cattrs.IterableValidationError):
        messages = cattrs.transform_error(exc, path="")
        first = messages[0] if messages else str(exc)
        message, _, where = first.partition(" @ ")
        return where.lstrip("$").lstrip("."), message
    return "", str(exc)


def structure(data: Any, cls: type[T], *, path: str = "") -> T:
    """Convert JSON-ready data into ``cls``.

    Args:
        data: Parsed JSON.
        cls: The target type, e.g. a model class or ``list[Connection]``.
        path: Where ``data`` sits in the response, prefixed to error paths.

    Returns:
        The converted value.

    Raises:
        ResponseDecodeError: ``data`` does not fit ``cls``; ``path`` says where.
    """
    try:
        return converter.structure(data, cls)
    except Exception as exc:  # cattrs raises many kinds; all mean "does not fit"
        where, message = _describe(exc)
        full = ".".join(p for p in (path, where) if p).replace(".[", "[")
        raise ResponseDecodeError(f"unexpected value: {message}", path=full) from None


def structure_list(items: list[Any], cls: type[T], *, path: str = "") -> list[T]:
    """Convert a list of JSON objects into a list of ``cls`` (the page-decoding fast path).

    Args:
        items: Parsed JSON objects.
        cls: The model class.
        path: Where the list sits in the response.

    Returns:
        The converted items.

    Raises:
        ResponseDecodeError: An item does not fit ``cls``; the path names its index and field.
    """
    return [structure(item, cls, path=f"{path}[{index}]") for index, item in enumerate(items)]


def unstructure(obj: Any) -> Any:
    """Convert a model (or a list/dict of them) into JSON-ready data, omitting unset fields.

    Args:
        obj: A model, or any value the converter knows.

    Returns:
        JSON-ready data; ``extra`` fields are merged back in.
    """
    return converter.unstructure(obj)
