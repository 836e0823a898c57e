"""The one cattrs converter: JSON-ready data <-> liza's attrs models.

Every conversion between the API's JSON and liza's classes goes through :data:`converter`. Fields a
model does not declare are kept in ``extra``; unknown enum values stay strings; decoding failures
become :class:`ResponseDecodeError` naming the field path.

How decoding stays cheap: each field type of the model conventions (see ``models._base``) is a
*kind* that knows two ways to structure a value. The fast way is Python source: for every model
class one specialised function is generated once, on first use, that checks JSON scalars inline,
builds instances without ``__init__`` (``object.__new__``, then one store per slot) and inlines the
code of nested models, so no function is called per nested object. It only says "no" (any
exception). The precise way is an interpreter over the same kinds that runs only after the fast way
failed, and says where and why. Unstructuring is generated per class the same way.
"""

from __future__ import annotations

import enum
import functools
import itertools
import keyword
import linecache
import operator
import re
import threading
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, NoReturn, TypeVar, cast

import attrs
import cattrs
import yarl

from ._errors import ResponseDecodeError
from ._gc import paused
from .models._base import EMPTY, Model

__all__ = [
    "converter",
    "structure",
    "structure_list",
    "unstructure",
    "parse_datetime",
    "format_datetime",
]

T = TypeVar("T")

converter = cattrs.Converter()
"""The one converter; its hooks for models, datetimes, URLs and open enums are defined here."""


# Datetimes ---------------------------------------------------------------------------------------

_ISO_8601 = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[Tt ](?P<time>\d{2}(?::\d{2}){0,2})(?:[.,](?P<fraction>\d+))?"
    r"(?P<offset>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?"
)


def _normalize_iso_8601(value: str) -> str:
    """Rewrite an RFC 3339 timestamp into the form ``fromisoformat`` accepts on every Python.

    Python 3.10 accepts only what ``datetime.isoformat`` writes: no ``Z``, fractions of exactly 3
    or 6 digits, offsets with a colon. Anything the pattern does not know is returned unchanged.
    """
    match = _ISO_8601.fullmatch(value)
    if match is None:
        return value
    text = match["date"]
    if match["time"]:
        text += "T" + match["time"]
        if match["fraction"]:
            text += "." + match["fraction"][:6].ljust(6, "0")
        offset = match["offset"] or ""
        if offset in ("Z", "z"):
            offset = "+00:00"
        elif len(offset) == 3:
            offset += ":00"
        elif len(offset) == 5:
            offset = f"{offset[:3]}:{offset[3:]}"
        text += offset
    return text


def parse_datetime(value: str) -> datetime:
    """Parse an ISO 8601 timestamp into a timezone-aware datetime (UTC when none is given).

    Args:
        value: E.g. ``2024-05-01T10:00:00Z``, ``2024-05-01T10:00:00.5+02:00`` or ``2024-05-01``.

    Returns:
        The timestamp, always timezone-aware.

    Raises:
        ValueError: ``value`` is not ISO 8601.
    """
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:  # Python 3.10 rejects "Z" and short fractions; every version rejects "z"
        parsed = datetime.fromisoformat(_normalize_iso_8601(value))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def format_datetime(value: datetime) -> str:
    """Format a datetime as ISO 8601, UTC written as ``Z`` (a naive datetime is taken as UTC).

    Args:
        value: The datetime.

    Returns:
        E.g. ``2024-05-01T10:00:00Z`` or ``2024-05-01T12:00:00.250000+02:00``.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# Kinds: how each field type of the conventions is structured and unstructured --------------------


class _Mismatch(Exception):
    """Raised by generated code: the value does not fit (the precise path says where and why)."""


_JSON_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "an array",
    dict: "an object",
    type(None): "null",
}


def _fail(path: str, expected: str, value: Any) -> NoReturn:
    got = _JSON_NAMES.get(type(value), type(value).__name__)
    raise ResponseDecodeError(f"expected {expected}, got {got}", path=path)


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def _extra(data: dict[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    """Return the fields of ``data`` not in ``known`` as a read-only mapping."""
    if known.issuperset(data):
        return EMPTY
    return types.MappingProxyType({k: v for k, v in data.items() if k not in known})


class _Namespace:
    """The globals shared by all generated functions, each value under a unique name."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {
            "_Mismatch": _Mismatch,
            "_new": object.__new__,
            "_EMPTY": EMPTY,
            "_extra": _extra,
            "_fromisoformat": datetime.fromisoformat,
            "_parse_datetime": parse_datetime,
            "_UTC": timezone.utc,
            "_URL": yarl.URL,
            "_format_datetime": format_datetime,
            "_Enum": enum.Enum,
        }
        self._counter = itertools.count()

    def name(self, hint: str) -> str:
        return f"_{hint}_{next(self._counter)}"

    def add(self, hint: str, value: Any) -> str:
        name = self.name(hint)
        self.values[name] = value
        return name

    def define(self, name: str, lines: list[str]) -> Callable[[Any], Any]:
        """Compile the function ``name`` from ``lines``; its source shows up in tracebacks."""
        source = "\n".join(lines) + "\n"
        filename = f"<liza converter {name}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self.values)
        return cast(Callable[[Any], Any], self.values[name])


_NS = _Namespace()


class _Kind:
    """How values of one field type are structured (fast and precise) and unstructured.

    Attributes:
        expected: What a fitting JSON value is, for error messages (e.g. "a string").
        converts: Whether structuring makes a new value; when not, a fitting value is kept as is.
    """

    expected = ""
    converts = True
    _function: str | None = None

    def lines(self, var: str) -> list[str]:
        """Return code that structures the (not None) value in ``var`` in place, or raises.

        Temporaries are named ``var`` plus a suffix, so nested code never clashes.
        """
        raise NotImplementedError

    def dump_lines(self, var: str) -> list[str]:
        """Return code that makes the (not None) value in ``var`` JSON-ready in place."""
        return []

    def optional_lines(self, var: str, on_none: str = "pass") -> list[str]:
        """Return code like :meth:`lines` that also lets ``None`` through, running ``on_none``."""
        body = self.lines(var)
        return [f"if {var} is None: {on_none}", "else:", *_indent(body)]

    def field_lines(self, var: str, on_none: str) -> list[str]:
        """Return the code for a model field: :meth:`lines`, or where ``None`` fits, ``on_none``."""
        return self.lines(var)

    def precise(self, value: Any, path: str) -> Any:
        """Structure ``value``, or raise ResponseDecodeError saying where (``path``) and why."""
        raise NotImplementedError

    def function(self) -> str:
        """Return the name of a generated one-argument function structuring a value."""
        if self._function is None:
            name = _NS.name("structure")
            _NS.define(name, [f"def {name}(v):", *_indent(self.lines("v")), "    return v"])
            self._function = name
        return self._function


class _Exact(_Kind):
    """A JSON scalar (or object) kept as it is when its type is one of ``types``.

    Exact type checks: a bool is never an int or a float, though an int is a float.
    """

    converts = False

    def __init__(self, expected: str, *types: type) -> None:
        self.expected = expected
        self.types = types

    def _mismatch(self, var: str) -> str:
        return " and ".join(f"type({var}) is not {kind.__name__}" for kind in self.types)

    def lines(self, var: str) -> list[str]:
        return [f"if {self._mismatch(var)}: raise _Mismatch"]

    def optional_lines(self, var: str, on_none: str = "pass") -> list[str]:
        return [
            f"if {self._mismatch(var)}:",
            f"    if {var} is not None: raise _Mismatch",
            f"    {on_none}",
        ]

    def precise(self, value: Any, path: str) -> Any:
        if type(value) in self.types:
            return value
        _fail(path, self.expected, value)


class _Any(_Kind):
    """Any JSON value, passed through untouched."""

    expected = "any value"
    converts = False

    def lines(self, var: str) -> list[str]:
        return []

    def field_lines(self, var: str, on_none: str) -> list[str]:
        return [f"if {var} is None: {on_none}"]

    def precise(self, value: Any, path: str) -> Any:
        return value


class _DateTime(_Kind):
    """An ISO 8601 string, structured into a timezone-aware datetime."""

    expected = "an ISO 8601 timestamp"

    def lines(self, var: str) -> list[str]:
        return [  # parse_datetime, inlined: this is most of the cost of a timestamp
            f"try: {var} = _fromisoformat({var})",
            f"except ValueError: {var} = _parse_datetime({var})",
            f"if {var}.tzinfo is None: {var} = {var}.replace(tzinfo=_UTC)",
        ]

    def dump_lines(self, var: str) -> list[str]:
        return [f"{var} = _format_datetime({var})"]

    def precise(self, value: Any, path: str) -> Any:
        if type(value) is not str:
            _fail(path, self.expected, value)
        try:
            return parse_datetime(value)
        except ValueError:
            raise ResponseDecodeError(
                f"expected {self.expected}, got {value!r:.60}", path=path
            ) from None


class _Url(_Kind):
    """A URL string, structured into a ``yarl.URL``."""

    expected = "a URL"

    def lines(self, var: str) -> list[str]:
        return [f"if type({var}) is not str: raise _Mismatch", f"{var} = _URL({var})"]

    def dump_lines(self, var: str) -> list[str]:
        return [f"{var} = str({var})"]

    def precise(self, value: Any, path: str) -> Any:
        if type(value) is not str:
            _fail(path, self.expected, value)
        try:
            return yarl.URL(value)
        except (TypeError, ValueError):
            raise ResponseDecodeError(
                f"expected {self.expected}, got {value!r:.60}", path=path
            ) from None


class _OpenEnum(_Kind):
    """``SomeEnum | str``: a known value becomes the member, an unknown one stays a string."""

    expected = "a string"

    def __init__(self, enum_cls: type[enum.Enum]) -> None:
        self.members = {member.value: member for member in enum_cls}
        self._members = _NS.add("members", self.members)

    def lines(self, var: str) -> list[str]:
        return [
            f"if type({var}) is not str: raise _Mismatch",
            f"{var} = {self._members}.get({var}, {var})",
        ]

    def optional_lines(self, var: str, on_none: str = "pass") -> list[str]:
        return [
            f"if type({var}) is str: {var} = {self._members}.get({var}, {var})",
            f"elif {var} is None: {on_none}",
            "else: raise _Mismatch",
        ]

    def dump_lines(self, var: str) -> list[str]:
        return [f"if isinstance({var}, _Enum): {var} = {var}.value"]

    def precise(self, value: Any, path: str) -> Any:
        if type(value) is not str:
            _fail(path, self.expected, value)
        return self.members.get(value, value)


class _List(_Kind):
    """A JSON array of one kind of item; an array of scalars is checked and kept as it is."""

    expected = "an array"

    def __init__(self, item: _Kind) -> None:
        self.item = item
        self.converts = item.converts

    def lines(self, var: str) -> list[str]:
        each, items = var + "i", var + "r"
        check = [f"if type({var}) is not list: raise _Mismatch"]
        body = self.item.lines(each)
        if not self.converts:
            return [*check, f"for {each} in {var}:", *_indent(body)] if body else check
        return [
            *check,
            f"{items} = []",
            f"for {each} in {var}:",
            *_indent([*body, f"{items}.append({each})"]),
            f"{var} = {items}",
        ]

    def dump_lines(self, var: str) -> list[str]:
        each, items = var + "i", var + "r"
        body = self.item.dump_lines(each)
        if not body:
            return [f"{var} = list({var})"]
        return [
            f"{items} = []",
            f"for {each} in {var}:",
            *_indent([*body, f"{items}.append({each})"]),
            f"{var} = {items}",
        ]

    def precise(self, value: Any, path: str) -> Any:
        if type(value) is not list:
            _fail(path, self.expected, value)
        items = [self.item.precise(each, f"{path}[{index}]") for index, each in enumerate(value)]
        return items if self.converts else value


class _Optional(_Kind):
    """``X | None``: null (or an absent field) is ``None``."""

    def __init__(self, inner: _Kind) -> None:
        self.inner = inner
        self.expected = f"{inner.expected} or null"
        self.converts = inner.converts

    def lines(self, var: str) -> list[str]:
        return self.inner.optional_lines(var)

    def field_lines(self, var: str, on_none: str) -> list[str]:
        return self.inner.optional_lines(var, on_none)

    def dump_lines(self, var: str) -> list[str]:
        return self.inner.dump_lines(var)

    def precise(self, value: Any, path: str) -> Any:
        return None if value is None else self.inner.precise(value, path)


class _ModelCodec(_Kind):
    """A JSON object structured into a model class, and back: both functions generated once.

    Build through :func:`_model_codec`, which guards against concurrent and circular builds.

    Attributes:
        dump: The generated function unstructuring an instance (nested models by their declared
            class; ``None`` fields left out, ``extra`` merged in).
    """

    expected = "an object"
    dump: Callable[[Model], dict[str, Any]]

    def __init__(self, cls: type[Model]) -> None:
        self.cls = cls
        self.name = _NS.name(f"structure_{cls.__name__}")
        self.dump_name = _NS.name(f"unstructure_{cls.__name__}")
        self.fields: list[_Field] = []
        self.known: frozenset[str] = frozenset()
        self.complete = False
        self._inlining = False
        self._cls_name = _NS.add("cls", cls)
        self._known_name = ""

    def build(self) -> None:
        """Classify every field, then generate the structure and unstructure functions.

        Raises:
            TypeError: The class does not follow the model conventions.
        """
        cls = self.cls
        where = f"{cls.__module__}.{cls.__qualname__}"
        if cls.__setattr__ is not object.__setattr__ or hasattr(cls, "__attrs_post_init__"):
            raise TypeError(
                f"{where}: liza models are mutable attrs classes without validators, converters,"
                " on_setattr hooks or __attrs_post_init__ (see liza_async.models._base)"
            )
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if field.name != "extra":
                self.fields.append(_field(where, field, hints[field.name]))
        self.known = frozenset(field.wire for field in self.fields)
        self._known_name = _NS.add("known", self.known)
        self.complete = True
        _NS.define(self.name, [f"def {self.name}(d):", *_indent(self.lines("d")), "    return d"])
        lines = [f"def {self.dump_name}(o):", "    d = {}"]
        for name, wire, kind in self.fields:
            dump = [*kind.dump_lines("v"), f"d[{wire!r}] = v"]
            lines += [f"    v = o.{name}", "    if v is not None:", *_indent(_indent(dump))]
        lines += ["    if o.extra: d.update(o.extra)", "    return d"]
        self.dump = _NS.define(self.dump_name, lines)

    def lines(self, var: str) -> list[str]:
        if not self.complete or self._inlining:  # a model nesting itself: call its function
            return [f"{var} = {self.name}({var})"]
        self._inlining = True
        try:
            return self._inline_lines(var)
        finally:
            self._inlining = False

    def _inline_lines(self, var: str) -> list[str]:
        # The model's code is inlined wherever it is nested: no call per nested object.
        get, model, absent = var + "_get", var + "_o", var + "_absent"
        lines = [
            f"if type({var}) is not dict: raise _Mismatch",
            f"{get} = {var}.get",
            f"{model} = _new({self._cls_name})",
            f"{absent} = 0",
        ]
        value = var + "_v"
        for name, wire, kind in self.fields:
            check = kind.field_lines(value, f"{absent} += 1")
            lines += [f"{value} = {get}({wire!r})", *check, f"{model}.{name} = {value}"]
        # Every field that may be None counts its None, so when the counts add up, the object
        # has no key beyond the declared ones: the common case costs no set operation.
        return [
            *lines,
            f"if len({var}) + {absent} == {len(self.fields)}: {model}.extra = _EMPTY",
            f"else: {model}.extra = _extra({var}, {self._known_name})",
            f"{var} = {model}",
        ]

    def function(self) -> str:
        return self.name

    def precise(self, value: Any, path: str) -> Any:
        if type(value) is not dict:
            _fail(path, self.expected, value)
        model = object.__new__(self.cls)
        for name, wire, kind in self.fields:
            setattr(model, name, kind.precise(value.get(wire), f"{path}.{wire}" if path else wire))
        model.extra = _extra(value, self.known)
        return model

    def dump_lines(self, var: str) -> list[str]:
        return [f"{var} = {self.dump_name}({var})"]


class _Field(typing.NamedTuple):
    name: str
    wire: str
    kind: _Kind


def _field(where: str, field: attrs.Attribute[Any], hint: Any) -> _Field:
    """Classify one model field, refusing anything outside the conventions.

    A Python keyword with a trailing underscore is the keyword on the wire: ``from_`` is "from".
    """
    where = f"{where}.{field.name}"
    if not field.name.isidentifier() or keyword.iskeyword(field.name):
        raise TypeError(f"{where}: a field name must be a Python identifier")
    if field.validator is not None or field.converter is not None or not field.init:
        raise TypeError(f"{where}: validators, converters and init=False are not supported")
    try:
        kind = _kind_of(hint)
    except TypeError as exc:
        raise TypeError(f"{where}: {exc}") from None
    if field.default is not attrs.NOTHING and (
        field.default is not None or not isinstance(kind, _Optional | _Any)
    ):
        raise TypeError(f"{where}: an optional field is written `X | None = None`")
    name = field.name
    wire = name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name
    return _Field(name, wire, kind)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


def _open_enum_of(tp: Any) -> type[enum.Enum] | None:
    """Return E when ``tp`` is ``E | str`` for an enum E whose values are strings."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    args = typing.get_args(tp)
    enums = [a for a in args if isinstance(a, type) and issubclass(a, enum.Enum)]
    if len(args) != 2 or str not in args or len(enums) != 1:
        return None
    return enums[0] if all(isinstance(member.value, str) for member in enums[0]) else None


_SIMPLE_KINDS: dict[Any, _Kind] = {
    str: _Exact("a string", str),
    bool: _Exact("a boolean", bool),
    int: _Exact("an integer", int),
    float: _Exact("a number", float, int),
    Any: _Any(),
    datetime: _DateTime(),
    yarl.URL: _Url(),
}
_DICT = _Exact("an object", dict)


def _kind_of(tp: Any) -> _Kind:
    """Return the kind for a type of the model conventions.

    Raises:
        TypeError: ``tp`` is outside the conventions.
    """
    simple = _SIMPLE_KINDS.get(tp)
    if simple is not None:
        return simple
    if _is_model(tp):
        return _model_codec(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is dict and args == (str, Any):
        return _DICT
    if origin is list and len(args) == 1:
        item = _kind_of(args[0])
        if isinstance(item, _Optional):
            raise TypeError(f"{tp!r}: list items may not be None")
        return _List(item)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        others = [a for a in args if a is not type(None)]
        return _Optional(_kind_of(functools.reduce(operator.or_, others)))
    enum_cls = _open_enum_of(tp)
    if enum_cls is not None:
        return _OpenEnum(enum_cls)
    raise TypeError(
        f"{tp!r} is not a type liza's models may use (the conventions are in"
        " liza_async.models._base)"
    )


_LOCK = threading.RLock()
_CODECS: dict[type[Model], _ModelCodec] = {}
_BUILDING: dict[type[Model], _ModelCodec] = {}
_TARGETS: dict[Any, tuple[_Kind, Callable[[Any], Any]]] = {}


def _model_codec(cls: type[Model]) -> _ModelCodec:
    """Return the codec of a model class, building it (and those it nests) on first use."""
    codec = _CODECS.get(cls)
    if codec is not None:
        return codec
    with _LOCK:
        codec = _CODECS.get(cls) or _BUILDING.get(cls)
        if codec is not None:
            return codec  # built meanwhile, or a model nesting itself (built when this returns)
        outermost = not _BUILDING
        codec = _BUILDING[cls] = _ModelCodec(cls)
        try:
            codec.build()
            if outermost:  # publish only complete codecs: nested ones may refer to this one
                _CODECS.update(_BUILDING)
        finally:
            if outermost:
                _BUILDING.clear()
        return codec


def _target(tp: Any) -> tuple[_Kind, Callable[[Any], Any]]:
    """Return the kind of ``tp`` and its fast function, built once per type."""
    target = _TARGETS.get(tp)
    if target is None:
        with _LOCK:
            kind = _kind_of(tp)
            target = _TARGETS[tp] = (kind, _NS.values[kind.function()])
    return target


# The public functions and the converter's hooks --------------------------------------------------


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
        TypeError: ``cls`` is outside the model conventions (a programming error).
    """
    kind, fast = _TARGETS.get(cls) or _target(cls)
    try:
        return cast(T, fast(data))
    except Exception:  # the fast path only says "no": the precise one says where and why
        return cast(T, kind.precise(data, path))


def structure_list(items: list[Any], cls: type[T], *, path: str = "") -> list[T]:
    """Convert a list of JSON objects into a list of ``cls`` (the page-decoding fast path).

    Args:
        items: Parsed JSON objects.
        cls: The model class.
        path: Where the list sits in the response; errors name e.g. ``data[3].emails[0].email``.

    Returns:
        The converted items.

    Raises:
        ResponseDecodeError: An item does not fit ``cls``; the path names its index and field.
    """
    with paused():
        return structure(items, list[cls], path=path)  # type: ignore[valid-type]


def unstructure(obj: Any) -> Any:
    """Convert a model (or a list/dict of them) into JSON-ready data, omitting unset fields.

    Args:
        obj: A model, or any value the converter knows.

    Returns:
        JSON-ready data: enums as their values, datetimes as ISO 8601 (``Z`` for UTC), URLs as
        strings; ``extra`` fields are merged back in.
    """
    return converter.unstructure(obj)


def _structure_hook(tp: Any) -> Callable[[Any, Any], Any]:
    _target(tp)  # built now, so a model outside the conventions fails here, loudly

    def structure_hook(value: Any, _: Any) -> Any:
        return structure(value, tp)

    return structure_hook


converter.register_structure_hook_factory(
    lambda tp: _is_model(tp) or tp is datetime or tp is yarl.URL or _open_enum_of(tp) is not None,
    _structure_hook,
)
converter.register_unstructure_hook_factory(_is_model, lambda cls: _model_codec(cls).dump)
converter.register_unstructure_hook(datetime, format_datetime)
converter.register_unstructure_hook(yarl.URL, str)
converter.register_unstructure_hook(enum.Enum, operator.attrgetter("value"))
