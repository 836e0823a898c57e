"""Open enums: a known value becomes the member, any other string is kept as it came."""

from __future__ import annotations

import typing
from typing import Any

import pytest

from liza_async._converter import structure, unstructure
from liza_async.models import Model, OpenEnum

from ._walk import all_record_models, field_types, open_enum_of, without_none


def enum_fields() -> list[tuple[type[Model], str, type[OpenEnum], bool]]:
    """Return (model, field, enum, is_list) for every open-enum field of every model."""
    found = []
    for cls in all_record_models():
        for name, tp in field_types(cls).items():
            inner = without_none(tp)
            is_list = typing.get_origin(inner) is list
            enum_cls = open_enum_of(typing.get_args(inner)[0] if is_list else inner)
            if enum_cls is not None:
                assert issubclass(enum_cls, OpenEnum)
                found.append((cls, name, enum_cls, is_list))
    return found


ENUM_FIELDS = enum_fields()


def test_enum_fields_are_found() -> None:
    names = {(cls.__name__, name) for cls, name, _, _ in ENUM_FIELDS}
    assert ("CrmEvent", "type") in names
    assert ("HrEmployee", "employee_roles") in names
    assert ("StoragePermission", "roles") in names
    assert len(names) >= 50


@pytest.mark.parametrize(
    ("cls", "name", "enum_cls", "is_list"),
    ENUM_FIELDS,
    ids=[f"{cls.__name__}.{name}" for cls, name, _, _ in ENUM_FIELDS],
)
def test_known_values_become_members_and_unknown_ones_stay_strings(
    cls: type[Model], name: str, enum_cls: type[OpenEnum], is_list: bool
) -> None:
    known = list(enum_cls)[-1]
    unknown = "SOMETHING_NEW_" + known.value

    def wire(value: str) -> dict[str, Any]:
        return {name: [value] if is_list else value}

    decoded_known = getattr(structure(wire(known.value), cls), name)
    decoded_unknown = getattr(structure(wire(unknown), cls), name)

    assert (decoded_known[0] if is_list else decoded_known) is known
    unknown_value = decoded_unknown[0] if is_list else decoded_unknown
    assert type(unknown_value) is str
    assert unknown_value == unknown
    assert unstructure(structure(wire(unknown), cls)) == wire(unknown)
    assert unstructure(structure(wire(known.value), cls)) == wire(known.value)


def test_a_member_compares_and_prints_as_its_wire_value() -> None:
    from liza_async.models import AccountingPaymentCollectionMethod, CrmEventType

    assert CrmEventType.PAGE_VIEW == "PAGE_VIEW"
    assert str(CrmEventType.PAGE_VIEW) == "PAGE_VIEW"
    assert AccountingPaymentCollectionMethod("send_invoice").name == "SEND_INVOICE"
