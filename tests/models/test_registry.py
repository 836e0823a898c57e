"""The registry: every object type has its model, named and filed consistently."""

from __future__ import annotations

import enum
import typing
from datetime import datetime
from typing import Any

import attrs
import pytest
import yarl

import liza_async.models as models
from liza_async import Category
from liza_async.models import Model, OpenEnum, Record, model_for, registered_models

from ._walk import all_record_models, field_types, open_enum_of, union_args, without_none

EXPECTED = {
    "crm": ["contact", "company", "deal", "lead", "event", "pipeline"],
    "ticketing": ["ticket", "customer", "note"],
    "calendar": ["event", "calendar"],
    "messaging": ["message", "channel"],
    "storage": ["file"],
    "task": ["task", "project", "comment"],
    "ats": ["candidate", "application", "job"],
    "accounting": ["invoice", "contact", "account", "transaction"],
    "ecommerce": ["item", "collection", "inventory"],
    "hr": ["employee", "group", "location", "company"],
    "enrichment": ["person", "company"],
    "marketing": ["list", "member", "campaign"],
}
EXPECTED_KEYS = [(category, kind) for category, kinds in EXPECTED.items() for kind in kinds]


def test_exactly_the_listed_object_types_are_registered() -> None:
    assert sorted(registered_models()) == sorted(EXPECTED_KEYS)
    assert set(EXPECTED) == {category.value for category in Category}


@pytest.mark.parametrize(("category", "object_type"), EXPECTED_KEYS)
def test_model_for_finds_a_record_named_and_filed_after_its_type(
    category: str, object_type: str
) -> None:
    cls = model_for(category, object_type)

    assert issubclass(cls, Record)
    assert cls is not Record
    assert cls.__name__ == category.capitalize() + object_type.capitalize()
    assert cls.__module__ == f"liza_async.models.{category}"
    assert (cls.__liza_category__, cls.__liza_object_type__) == (category, object_type)
    assert getattr(models, cls.__name__) is cls
    assert cls.__name__ in models.__all__


@pytest.mark.parametrize(
    ("category", "object_type"),
    [("ats", "interview"), ("hr", "timeoff"), ("crm", "Contact"), ("commerce", "item")],
)
def test_an_object_type_without_a_model_is_a_generic_record(
    category: str, object_type: str
) -> None:
    assert model_for(category, object_type) is Record


def test_every_public_model_and_enum_is_exported_once() -> None:
    exported = set(models.__all__)
    assert len(exported) == len(models.__all__)
    public = {
        name
        for name in dir(models)
        if isinstance(getattr(models, name), type)
        and issubclass(getattr(models, name), Model | OpenEnum)
    }
    assert public <= exported
    for cls in all_record_models():
        assert cls.__name__ in exported, cls


ALLOWED_SCALARS: set[Any] = {str, bool, int, float, datetime, yarl.URL, Any, dict[str, Any]}


def allowed(tp: Any) -> bool:
    """Whether ``tp`` is a field type the converter accepts (see models/_base.py)."""
    if tp in ALLOWED_SCALARS or open_enum_of(tp) is not None:
        return True
    if isinstance(tp, type) and issubclass(tp, Model):
        return True
    if typing.get_origin(tp) is list:
        return allowed(typing.get_args(tp)[0])
    return False


@pytest.mark.parametrize("cls", all_record_models(), ids=lambda cls: cls.__name__)
def test_fields_follow_the_model_conventions(cls: type[Model]) -> None:
    types = field_types(cls)
    assert attrs.has(cls)
    assert cls.__doc__
    for field in attrs.fields(cls):
        if field.name == "extra":
            continue
        tp = types[field.name]
        optional = tp is Any or type(None) in union_args(tp)
        assert optional, f"{cls.__name__}.{field.name} is not optional"
        assert field.default is None, f"{cls.__name__}.{field.name} has a default"
        assert field.kw_only
        assert allowed(without_none(tp)), f"{cls.__name__}.{field.name}: {tp}"


@pytest.mark.parametrize("cls", all_record_models(), ids=lambda cls: cls.__name__)
def test_enums_are_open_and_documented(cls: type[Model]) -> None:
    for name, tp in field_types(cls).items():
        inner = without_none(tp)
        if typing.get_origin(inner) is list:
            inner = typing.get_args(inner)[0]
        enums = [a for a in union_args(inner) if isinstance(a, type) and issubclass(a, enum.Enum)]
        for enum_cls in enums:
            assert issubclass(enum_cls, OpenEnum), f"{cls.__name__}.{name}"
            assert open_enum_of(inner) is enum_cls, f"{cls.__name__}.{name} must be E | str"
            assert enum_cls.__doc__
            assert all(member.name.upper() == member.name for member in enum_cls)
