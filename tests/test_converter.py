"""The converter: property tests over every model, and the rules for datetimes, enums and extra.

The strategies are built here from the models' attrs field types, following the conventions of
``liza_async.models._base`` on their own (not the converter's classification), so the converter
is checked against the rules rather than against itself.
"""

from __future__ import annotations

import enum
import json
import keyword
import subprocess
import sys
import types
import typing
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
import yarl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.provisional import urls

from liza_async._converter import (
    _normalize_iso_8601,
    _target,
    converter,
    format_datetime,
    parse_datetime,
    structure,
    structure_list,
    unstructure,
)
from liza_async._errors import ResponseDecodeError
from liza_async._types import Category
from liza_async.models import (
    CallbackRequest,
    Connection,
    ConnectRequest,
    ConnectSession,
    Email,
    EmailType,
    Integration,
    Metadata,
    Model,
    PassthroughRequest,
    Record,
    registered_models,
)
from liza_async.models._base import EMPTY
from liza_async.models.crm import CrmContact, CrmEvent, CrmEventEmail

CORE_MODELS: list[type[Model]] = [
    Record,
    Integration,
    Connection,
    ConnectSession,
    ConnectRequest,
    CallbackRequest,
    PassthroughRequest,
]
ALL_MODELS = sorted({*registered_models().values(), *CORE_MODELS}, key=lambda cls: cls.__qualname__)

PROPERTY = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The type rules, read independently of the converter -------------------------------------------


def wire_name(name: str) -> str:
    return name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name


def fields_of(cls: type[Model]) -> list[tuple[str, str, Any, bool]]:
    """(attribute, wire name, type, required) of each declared field."""
    hints = typing.get_type_hints(cls)
    return [
        (a.name, wire_name(a.name), hints[a.name], a.default is attrs.NOTHING)
        for a in attrs.fields(cls)
        if a.name != "extra"
    ]


def union_args(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return (tp,)


def strip_none(tp: Any) -> tuple[Any, bool]:
    """Return (the type without None, whether None was allowed)."""
    args = union_args(tp)
    others = tuple(a for a in args if a is not type(None))
    if len(others) == len(args):
        return tp, False
    return (others[0] if len(others) == 1 else typing.Union[others]), True  # noqa: UP007


def open_enum(tp: Any) -> type[enum.Enum] | None:
    enums = [a for a in union_args(tp) if isinstance(a, type) and issubclass(a, enum.Enum)]
    return enums[0] if enums and str in union_args(tp) else None


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


# Strategies ------------------------------------------------------------------------------------

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)
OFFSETS = [timezone.utc, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30))]
_model_strategies: dict[type[Model], st.SearchStrategy[Any]] = {}


def values_of(tp: Any) -> st.SearchStrategy[Any]:
    """Valid Python values of a field type (what a model holds)."""
    inner, nullable = strip_none(tp)
    if nullable:
        return st.none() | values_of(inner)
    enum_cls = open_enum(tp)
    if enum_cls is not None:
        known = {member.value for member in enum_cls}
        unknown = st.text(max_size=8).filter(lambda text: text not in known)
        return st.sampled_from(list(enum_cls)) | unknown
    if is_model(tp):
        return models_of(tp)
    origin = typing.get_origin(tp)
    if origin is list:
        return st.lists(values_of(typing.get_args(tp)[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(st.text(max_size=6), json_values, max_size=3)
    scalars: dict[Any, st.SearchStrategy[Any]] = {
        str: st.text(max_size=12),
        bool: st.booleans(),
        int: st.integers(-(2**53), 2**53),
        float: st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**40), 2**40),
        datetime: st.datetimes(timezones=st.sampled_from(OFFSETS)),
        yarl.URL: urls().map(yarl.URL),
        Any: json_values,
    }
    return scalars[tp]


def models_of(cls: type[Model]) -> st.SearchStrategy[Any]:
    """Instances of a model, with unknown fields in ``extra`` (deferred: models may nest)."""
    if cls not in _model_strategies:
        wires = {wire for _, wire, _, _ in fields_of(cls)}
        extra = st.dictionaries(
            st.text(max_size=8).filter(lambda key: key not in wires), json_values, max_size=2
        ).map(types.MappingProxyType)
        _model_strategies[cls] = st.deferred(
            lambda: st.builds(
                cls, extra=extra, **{name: values_of(tp) for name, _, tp, _ in fields_of(cls)}
            )
        )
    return _model_strategies[cls]


def snapshot(value: Any) -> Any:
    """A comparable picture of a value that, unlike ``==``, tells an enum member from its string,
    an int from a float, and a timestamp's offset."""
    if isinstance(value, Model):
        declared = tuple(
            (a.name, snapshot(getattr(value, a.name)))
            for a in attrs.fields(type(value))
            if a.name != "extra"
        )
        return type(value), declared, snapshot(dict(value.extra))
    if isinstance(value, enum.Enum):
        return type(value), value.value
    if isinstance(value, datetime):
        return datetime, value, value.utcoffset()
    if isinstance(value, list):
        return list, tuple(snapshot(each) for each in value)
    if isinstance(value, dict):
        return dict, tuple((key, snapshot(each)) for key, each in value.items())
    return type(value), value


# Where a wrong value can go, and which wrong values --------------------------------------------

Location = tuple[str, Any, Callable[[Any], None]]
"""(path, the declared type there, a function that puts a value there)."""


def setter(container: Any, key: Any) -> Callable[[Any], None]:
    def put(value: Any) -> None:
        container[key] = value

    return put


def locations(tp: Any, data: Any, path: str, put: Callable[[Any], None]) -> Iterator[Location]:
    """Yield every place in JSON ``data`` (of type ``tp``) where a type is checked."""
    inner, _ = strip_none(tp)
    if data is None:
        return
    yield path, inner, put
    if is_model(inner):
        for _, wire, field_tp, _ in fields_of(inner):
            if wire in data:
                yield from locations(field_tp, data[wire], f"{path}.{wire}", setter(data, wire))
    elif typing.get_origin(inner) is list:
        (item_tp,) = typing.get_args(inner)
        for index, item in enumerate(data):
            yield from locations(item_tp, item, f"{path}[{index}]", setter(data, index))


def wrong_values(tp: Any) -> list[Any]:
    """JSON values that never fit ``tp`` (none for ``Any``, which takes everything)."""
    if tp is Any:
        return []
    if tp is datetime:
        return ["not a timestamp", "2024-13-45T10:00:00Z", 7, True, [], {}]
    fits: tuple[type, ...] = (list,)
    if tp in (str, yarl.URL) or open_enum(tp) is not None:
        fits = (str,)
    elif tp in (bool, int, float):
        fits = {bool: (bool,), int: (int,), float: (float, int)}[tp]
    elif is_model(tp) or typing.get_origin(tp) is dict:
        fits = (dict,)
    candidates: tuple[Any, ...] = ("text", 7, 2.5, True, [], {})
    return [value for value in candidates if type(value) not in fits]


# Properties over every model -------------------------------------------------------------------


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda cls: cls.__qualname__)
@PROPERTY
@given(data=st.data())
def test_round_trip_through_json(cls: type[Model], data: st.DataObject) -> None:
    model = data.draw(models_of(cls))
    wire = json.loads(json.dumps(unstructure(model)))  # JSON-ready: dumps would raise otherwise
    assert snapshot(structure(wire, cls)) == snapshot(model)
    assert structure(wire, cls) == model


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda cls: cls.__qualname__)
@PROPERTY
@given(data=st.data())
def test_unknown_fields_are_kept(cls: type[Model], data: st.DataObject) -> None:
    wire = unstructure(data.draw(models_of(cls)))
    wires = {wire for _, wire, _, _ in fields_of(cls)}
    key = data.draw(st.text(min_size=1, max_size=8).filter(lambda k: k not in wires))
    value = data.draw(json_values)
    wire[key] = value
    decoded = structure(wire, cls)
    assert decoded.extra[key] == value
    assert unstructure(decoded) == wire


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda cls: cls.__qualname__)
@PROPERTY
@given(data=st.data())
def test_a_wrong_type_is_reported_at_its_path(cls: type[Model], data: st.DataObject) -> None:
    items = [unstructure(data.draw(models_of(cls)))]
    places = [
        (path, tp, put)
        for path, tp, put in locations(list[cls], items, "data", lambda v: None)  # type: ignore[valid-type]
        if wrong_values(tp) and path != "data"
    ]
    required = [
        (f"data[0].{wire}", setter(items[0], wire))
        for _, wire, tp, is_required in fields_of(cls)
        if is_required and strip_none(tp)[0] is not Any
    ]
    if not places and not required:
        return
    if required and (not places or data.draw(st.booleans())):
        path, put = data.draw(st.sampled_from(required))
        put(None)  # a required field sent as null
    else:
        path, tp, put = data.draw(st.sampled_from(places))
        put(data.draw(st.sampled_from(wrong_values(tp))))
    with pytest.raises(ResponseDecodeError) as caught:
        structure_list(items, cls, path="data")
    assert caught.value.path == path


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda cls: cls.__qualname__)
@PROPERTY
@given(data=st.data())
def test_fast_and_precise_paths_agree(cls: type[Model], data: st.DataObject) -> None:
    wire = unstructure(data.draw(models_of(cls)))
    places = list(locations(cls, wire, "", lambda v: None))
    for _ in range(data.draw(st.integers(0, 3))):
        if len(places) > 1:
            _, _, put = data.draw(st.sampled_from(places[1:]))
            put(data.draw(json_values))
    kind, fast = _target(cls)
    try:
        quick = fast(wire)
    except Exception:
        with pytest.raises(ResponseDecodeError):
            kind.precise(wire, "")
    else:
        assert snapshot(kind.precise(wire, "")) == snapshot(quick)


@pytest.mark.parametrize("cls", ALL_MODELS, ids=lambda cls: cls.__qualname__)
@PROPERTY
@given(wire=st.dictionaries(st.text(max_size=8), json_values, max_size=4) | json_values)
def test_arbitrary_json_decodes_or_raises_decode_error(cls: type[Model], wire: Any) -> None:
    try:
        decoded = structure(wire, cls)
    except ResponseDecodeError:
        return  # any other exception fails the test
    assert type(decoded) is cls


# Datetimes -------------------------------------------------------------------------------------

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01T10:00:00Z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T10:00:00z", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T10:00:00+00:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T12:00:00+02:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T12:00:00+0200", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T04:30:00-05:30", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01T10:00:00.5Z", datetime(2024, 5, 1, 10, 0, 0, 500000, tzinfo=UTC)),
        ("2024-05-01T10:00:00.123456789Z", datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=UTC)),
        ("2024-05-01T10:00:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),  # naive: UTC
        ("2024-05-01 10:00", datetime(2024, 5, 1, 10, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),  # a date only: midnight UTC
    ],
)
def test_parse_datetime(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text)
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_parse_datetime_keeps_the_offset() -> None:
    assert parse_datetime("2024-05-01T12:00:00+02:00").utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("text", ["yesterday", "2024-13-01T00:00:00Z", "2024-05-01T25:00Z", ""])
def test_parse_datetime_rejects_what_is_not_iso_8601(text: str) -> None:
    with pytest.raises(ValueError, match=r"isoformat|month|hour"):
        parse_datetime(text)


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00+00:00"),
        ("2024-05-01t10:00:00.5z", "2024-05-01T10:00:00.500000+00:00"),
        ("2024-05-01T10:00:00,1234567+0200", "2024-05-01T10:00:00.123456+02:00"),
        ("2024-05-01T10:00-03", "2024-05-01T10:00-03:00"),
        ("2024-05-01", "2024-05-01"),
        ("garbage", "garbage"),
    ],
)
def test_the_python_3_10_fallback_writes_what_isoformat_writes(text: str, normalized: str) -> None:
    assert _normalize_iso_8601(text) == normalized


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime(2024, 5, 1, 10, tzinfo=UTC), "2024-05-01T10:00:00Z"),
        (datetime(2024, 5, 1, 10, 0, 0, 250000, tzinfo=UTC), "2024-05-01T10:00:00.250000Z"),
        (
            datetime(2024, 5, 1, 12, tzinfo=timezone(timedelta(hours=2))),
            "2024-05-01T12:00:00+02:00",
        ),
        (datetime(2024, 5, 1, 10), "2024-05-01T10:00:00Z"),  # naive: taken as UTC
    ],
)
def test_format_datetime(value: datetime, text: str) -> None:
    assert format_datetime(value) == text


def test_decoded_timestamps_are_always_aware() -> None:
    contact = structure(
        {"created_at": "2024-05-01T10:00:00", "updated_at": "2024-05-01T12:00:00+02:00"},
        CrmContact,
    )
    assert contact.created_at is not None
    assert contact.created_at.tzinfo is UTC
    assert contact.updated_at == contact.created_at


def test_a_bad_timestamp_is_reported_at_its_path() -> None:
    with pytest.raises(ResponseDecodeError, match="ISO 8601") as caught:
        structure({"id": "c1", "updated_at": "last tuesday"}, CrmContact, path="data")
    assert caught.value.path == "data.updated_at"


# Scalars, open enums, extra --------------------------------------------------------------------


def test_none_and_absent_are_none() -> None:
    contact = structure({"name": None}, CrmContact)
    assert contact.name is None
    assert contact.emails is None
    assert contact.extra is EMPTY


def test_an_int_is_a_float_kept_as_given_but_a_bool_is_no_number() -> None:
    whole: Any = structure({"value": 3}, _Numbers).value
    fraction: Any = structure({"value": 3.5}, _Numbers).value
    assert type(whole) is int
    assert type(fraction) is float
    for field in ("value", "count"):
        with pytest.raises(ResponseDecodeError, match="got a boolean") as caught:
            structure({field: True}, _Numbers)
        assert caught.value.path == field
    with pytest.raises(ResponseDecodeError, match="expected an integer"):
        structure({"count": 1.0}, _Numbers)


def test_raw_and_any_fields_pass_through_untouched() -> None:
    raw = {"nested": [{"x": 1}], "when": "2024-05-01T10:00:00Z"}
    value = ["anything", {"at": "all"}]
    contact = structure({"raw": raw}, CrmContact)
    metadata = structure({"value": value}, Metadata)
    assert contact.raw is raw
    assert metadata.value is value


def test_known_enum_values_become_members_and_unknown_ones_stay_strings() -> None:
    work = structure({"email": "a@x.io", "type": "WORK"}, Email)
    pager = structure({"email": "a@x.io", "type": "PAGER"}, Email)
    assert work.type is EmailType.WORK
    assert type(pager.type) is str
    assert pager.type == "PAGER"
    assert unstructure(pager) == {"email": "a@x.io", "type": "PAGER"}
    assert unstructure(work) == {"email": "a@x.io", "type": "WORK"}
    assert type(unstructure(work)["type"]) is str


def test_open_enums_in_lists() -> None:
    integration = structure({"categories": ["crm", "payroll"]}, Integration)
    assert integration.categories == [Category.CRM, "payroll"]
    assert integration.categories is not None
    assert integration.categories[0] is Category.CRM
    assert unstructure(integration) == {"categories": ["crm", "payroll"]}


def test_an_enum_value_of_the_wrong_type_is_rejected() -> None:
    with pytest.raises(ResponseDecodeError, match="expected a string, got an integer") as caught:
        structure({"type": 3}, Email)
    assert caught.value.path == "type"


def test_unknown_fields_land_in_a_read_only_extra() -> None:
    email = structure({"email": "a@x.io", "verified": True, "extra": 1}, Email)
    assert dict(email.extra) == {"verified": True, "extra": 1}
    with pytest.raises(TypeError):
        email.extra["verified"] = False  # type: ignore[index]
    assert unstructure(email) == {"email": "a@x.io", "verified": True, "extra": 1}


@pytest.mark.parametrize(
    ("wire", "extra"),
    [
        ({"email": "a@x.io", "type": "WORK"}, {}),
        ({"email": None, "type": None}, {}),  # declared fields sent as null are no extra
        ({"email": None}, {}),
        ({"email": None, "other": None}, {"other": None}),
        ({"other": 1}, {"other": 1}),
        ({"email": "a@x.io", "type": None, "other": 1}, {"other": 1}),
    ],
)
def test_extra_holds_exactly_the_undeclared_keys(wire: dict[str, Any], extra: Any) -> None:
    decoded = structure(wire, Email)
    assert dict(decoded.extra) == extra
    if not extra:
        assert decoded.extra is EMPTY


def test_a_keyword_field_has_its_keyword_on_the_wire() -> None:
    email = structure({"from": "ann@x.io", "to": ["bo@x.io"]}, CrmEventEmail)
    assert email.from_ == "ann@x.io"
    assert email.extra is EMPTY
    assert unstructure(email) == {"from": "ann@x.io", "to": ["bo@x.io"]}
    with pytest.raises(ResponseDecodeError) as caught:
        structure({"email": {"from": 1}}, CrmEvent)
    assert caught.value.path == "email.from"


def test_unstructure_gives_json_ready_data_without_none_fields() -> None:
    session = ConnectSession(url=yarl.URL("https://auth.example.com/x?y=1"), connection_id="c1")
    connection = Connection(id="c1", created_at=datetime(2024, 5, 1, 10, tzinfo=UTC))
    assert unstructure(session) == {"url": "https://auth.example.com/x?y=1", "connection_id": "c1"}
    assert unstructure(connection) == {"id": "c1", "created_at": "2024-05-01T10:00:00Z"}
    assert unstructure([Email(type=EmailType.HOME)]) == [{"type": "HOME"}]


def test_unstructured_lists_are_new_lists() -> None:
    contact = CrmContact(company_ids=["co1"], emails=[Email(email="a@x.io")])
    data = unstructure(contact)
    data["company_ids"].append("co2")
    data["emails"].clear()
    assert contact.company_ids == ["co1"]
    assert contact.emails == [Email(email="a@x.io")]


def test_lists_of_scalars_are_checked_item_by_item() -> None:
    with pytest.raises(ResponseDecodeError, match="expected a string, got null") as caught:
        structure_list([{"company_ids": ["a", None]}], CrmContact, path="data")
    assert caught.value.path == "data[0].company_ids[1]"


def test_the_path_names_the_item_and_the_field() -> None:
    items = [{"id": str(i), "emails": [{"email": f"{i}@x.io"}]} for i in range(5)]
    items[3]["emails"] = [{"email": 5}]
    with pytest.raises(ResponseDecodeError, match="expected a string, got an integer") as caught:
        structure_list(items, CrmContact, path="data")
    assert caught.value.path == "data[3].emails[0].email"
    assert str(caught.value).endswith("at data[3].emails[0].email")


@pytest.mark.parametrize(
    ("wire", "path"),
    [({"id": "1"}, "data"), ([1], "data[0]"), ("x", "data")],
)
def test_a_page_of_the_wrong_shape(wire: Any, path: str) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        structure_list(wire, CrmContact, path="data")
    assert caught.value.path == path


def test_a_required_field_of_a_request_model_must_be_present() -> None:
    assert structure({"connection_id": "c1"}, CallbackRequest).connection_id == "c1"
    with pytest.raises(ResponseDecodeError, match="got null") as caught:
        structure({}, CallbackRequest)
    assert caught.value.path == "connection_id"


def test_a_generic_record_keeps_every_other_field() -> None:
    record = structure({"id": "i1", "updated_at": "2024-05-01", "stage": "onsite"}, Record)
    assert record.updated_at == datetime(2024, 5, 1, tzinfo=UTC)
    assert dict(record.extra) == {"stage": "onsite"}
    assert record.fields == {"id": "i1", "updated_at": record.updated_at, "stage": "onsite"}


def test_structure_takes_other_types_of_the_conventions() -> None:
    wire = [{"id": "c1"}, {"id": "c2", "is_paused": True}]
    assert structure(wire, list[Connection]) == [
        Connection(id="c1"),
        Connection(id="c2", is_paused=True),
    ]
    optional_email: Any = Email | None
    assert structure(None, optional_email) is None
    assert structure("2024-05-01T10:00:00Z", datetime) == datetime(2024, 5, 1, 10, tzinfo=UTC)
    with pytest.raises(ResponseDecodeError) as caught:
        structure([{"id": "c1"}, {"id": 2}], list[Connection], path="data")
    assert caught.value.path == "data[1].id"


# The converter itself, and models outside the conventions ---------------------------------------


def test_the_cattrs_converter_uses_the_same_hooks() -> None:
    assert isinstance(converter, cattrs.Converter)
    wire = {"email": "a@x.io", "type": "WORK", "note": "n"}
    assert converter.structure(wire, Email) == structure(wire, Email)
    assert converter.unstructure(structure(wire, Email)) == wire
    open_email_type: Any = EmailType | str
    assert converter.structure("WORK", open_email_type) is EmailType.WORK
    with pytest.raises(ResponseDecodeError) as caught:
        converter.structure({"email": ["a"]}, Email)
    assert caught.value.path == "email"


@attrs.define(kw_only=True)
class _Numbers(Model):
    value: float | None = None
    count: int | None = None


@attrs.define(kw_only=True)
class _Tree(Model):
    name: str | None = None
    children: list[_Tree] | None = None


def test_a_model_may_nest_itself() -> None:
    wire = {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}
    tree = structure(wire, _Tree)
    assert tree.children is not None
    assert tree.children[0].children == [_Tree(name="c")]
    assert unstructure(tree) == wire
    with pytest.raises(ResponseDecodeError) as caught:
        structure({"children": [{"children": [{"name": 1}]}]}, _Tree)
    assert caught.value.path == "children[0].children[0].name"


class _Closed(enum.Enum):
    A = "a"


@attrs.define(kw_only=True)
class _Set(Model):
    tags: set[str] | None = None


@attrs.define(kw_only=True)
class _NonNoneDefault(Model):
    active: bool | None = False


@attrs.define(kw_only=True)
class _Validated(Model):
    name: str | None = attrs.field(default=None, validator=attrs.validators.max_len(3))


@attrs.frozen(kw_only=True)
class _Frozen(Model):
    name: str | None = None


@attrs.define(kw_only=True)
class _ClosedEnum(Model):
    kind: _Closed | None = None


@attrs.define(kw_only=True)
class _OptionalItems(Model):
    ids: list[str | None] | None = None


@attrs.define(kw_only=True)
class _TypedDict(Model):
    counts: dict[str, int] | None = None


@attrs.define(kw_only=True)
class _NestsABadModel(Model):
    inner: _Set | None = None


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (_Set, r"_Set\.tags: set\[str\] is not a type"),
        (_NonNoneDefault, r"_NonNoneDefault\.active: an optional field is written"),
        (_Validated, r"_Validated: liza models are mutable attrs classes without validators"),
        (_Frozen, r"_Frozen: liza models are mutable"),
        (_ClosedEnum, r"_ClosedEnum\.kind: .*_Closed.* is not a type"),
        (_OptionalItems, r"_OptionalItems\.ids: .*list items may not be None"),
        (_TypedDict, r"_TypedDict\.counts: dict\[str, int\] is not a type"),
        (_NestsABadModel, r"_NestsABadModel\.inner: .*_Set\.tags: set\[str\]"),
    ],
)
def test_a_model_outside_the_conventions_fails_when_its_hook_is_built(
    cls: type[Model], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        converter.get_structure_hook(cls)
    with pytest.raises(TypeError, match=message):  # and again: a failed build is not cached
        structure({}, cls)


# The benchmark ---------------------------------------------------------------------------------


def test_the_decode_benchmark_runs() -> None:
    script = Path(__file__).parent.parent / "benchmarks" / "bench_decode.py"
    result = subprocess.run(
        [sys.executable, str(script), "--quick"], capture_output=True, text=True, check=True
    )
    for row in ("json.loads", "liza parse+structure", "liza structure only"):
        assert row in result.stdout
