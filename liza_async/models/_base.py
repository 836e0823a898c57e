"""The base classes of every model, open enums, and the registry of typed record models.

Conventions every model follows (the converter relies on them and refuses anything else):

- ``@attrs.define(kw_only=True)`` classes (mutable and slotted: decoding a page stays cheap),
  deriving from :class:`Model`; field names are the JSON wire names, except that a name that is a
  Python keyword gets a trailing underscore (``from_`` is ``"from"`` on the wire).
- No validators, converters, ``__attrs_post_init__`` or frozen classes: the converter builds
  instances directly and refuses such classes when it builds their hook.
- Field types are ``X | None = None`` where X is one of: ``str``, ``bool``, ``int``, ``float``,
  ``datetime`` (timezone-aware), ``yarl.URL``, ``Any``, ``dict[str, Any]``, another model,
  an open enum written ``SomeEnum | str`` (a known value becomes the member, an unknown one stays
  a string), or ``list[...]`` of any of these.
- Fields not in the model land in ``extra``; they survive a round trip back to JSON.
"""

from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import attrs

__all__ = [
    "EMPTY",
    "Model",
    "OpenEnum",
    "Record",
    "model_for",
    "register",
    "registered_models",
]

EMPTY: Mapping[str, Any] = MappingProxyType({})
"""The shared, read-only ``extra`` of a model that carried no unknown field."""


class OpenEnum(str, Enum):
    """Base of liza's enums. Fields typed ``SomeEnum | str`` also accept values not listed yet."""

    def __str__(self) -> str:
        return str(self.value)


@attrs.define(kw_only=True)
class Model:
    """Base of every class decoded from the API's JSON.

    Attributes:
        extra: Fields the API sent that this model does not declare (read-only mapping).
    """

    extra: Mapping[str, Any] = attrs.field(default=EMPTY, repr=lambda extra: repr(dict(extra)))


@attrs.define(kw_only=True)
class Record(Model):
    """A record of any object type: the base of every typed record model.

    An object type without a typed model (e.g. ``ats/interview``) decodes into a plain ``Record``
    whose other fields are all in :attr:`extra`.

    Attributes:
        id: The provider's id of the record.
        created_at: When the record was created (timezone-aware).
        updated_at: When the record was last updated (timezone-aware).
        raw: The integration's original payload, when the API includes it.
    """

    __liza_category__: ClassVar[str | None] = None
    __liza_object_type__: ClassVar[str | None] = None

    id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: dict[str, Any] | None = None

    @property
    def fields(self) -> Mapping[str, Any]:
        """Every field of the record as a mapping: declared ones that are set, and ``extra``."""
        declared = {
            a.name: getattr(self, a.name)
            for a in attrs.fields(type(self))
            if a.name != "extra" and getattr(self, a.name) is not None
        }
        return {**declared, **self.extra}


_REGISTRY: dict[tuple[str, str], type[Record]] = {}

R = TypeVar("R", bound=type[Record])


def register(category: str, object_type: str) -> Callable[[R], R]:
    """Register a typed model for ``category``/``object_type`` (a class decorator).

    Args:
        category: A Liza category name, e.g. ``"crm"``.
        object_type: The object type, e.g. ``"contact"``.

    Returns:
        A decorator that records the class and sets its ``__liza_category__`` and
        ``__liza_object_type__``.
    """

    def decorate(cls: R) -> R:
        cls.__liza_category__ = category
        cls.__liza_object_type__ = object_type
        _REGISTRY[(category, object_type)] = cls
        return cls

    return decorate


def model_for(category: str, object_type: str) -> type[Record]:
    """Return the typed model for an object type, or :class:`Record` when there is none.

    Args:
        category: A Liza category name.
        object_type: The object type.

    Returns:
        The registered model class, or ``Record``.
    """
    return _REGISTRY.get((category, object_type), Record)


def registered_models() -> Mapping[tuple[str, str], type[Record]]:
    """Return every registered model by ``(category, object_type)``."""
    return MappingProxyType(_REGISTRY)
