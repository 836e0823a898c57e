"""The JSONL and CSV writers: exact bytes, the flattening rules, and no data ever dropped."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liza_async import CrmContact, Email, writers
from liza_async._converter import unstructure
from liza_async.models import Address
from liza_async.writers import EXTRA_COLUMN, CsvWriter, JsonlWriter, flatten

CONTACT = {
    "id": "c1",
    "name": "Zoë Ångström",
    "emails": [{"email": "zoe@example.com", "type": "WORK"}, {"email": "z@home.example"}],
    "address": {"city": "Malmö", "country_code": "SE"},
    "link_urls": ["https://a.example", "https://b.example"],
    "is_active": True,
    "score": 1.5,
    "count": 3,
    "title": None,
    "tags": [],
    "raw": {"properties": {"firstname": "Zoë"}, "archived": False},
}


def written(writer_class: type[JsonlWriter] | type[CsvWriter], *batches: Any) -> bytes:
    out = io.BytesIO()
    writer = writer_class(out)
    for batch in batches:
        writer.write(batch)
    assert writer.bytes_written == len(out.getvalue())
    return out.getvalue()


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


# JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_is_one_compact_utf8_object_per_line() -> None:
    data = written(JsonlWriter, [CONTACT, {"id": "c2"}], [], [{"id": "c3"}])
    lines = data.split(b"\n")
    assert lines[-1] == b""
    assert [json.loads(line) for line in lines[:-1]] == [CONTACT, {"id": "c2"}, {"id": "c3"}]
    assert lines[1] == b'{"id":"c2"}'
    assert "Zoë Ångström".encode() in lines[0]  # not escaped as \u00eb
    assert b": " not in lines[0]
    assert b", " not in lines[0]


def test_jsonl_returns_the_bytes_of_each_batch() -> None:
    writer = JsonlWriter(io.BytesIO())
    assert writer.write([]) == 0
    assert writer.write([{"a": 1}, {"b": "é"}]) == len(b'{"a":1}\n{"b":"\xc3\xa9"}\n') == 19
    assert writer.write([{}]) == 3
    assert writer.bytes_written == 22


def test_jsonl_writes_models_as_the_converter_unstructures_them() -> None:
    contact = CrmContact(
        id="7",
        name="Ada",
        updated_at=datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc),
        emails=[Email(email="ada@example.com", type="WORK")],
        extra={"favourite": {"colour": "green"}},
    )
    line = written(JsonlWriter, [contact]).rstrip(b"\n")
    assert json.loads(line) == unstructure(contact)
    assert json.loads(line)["updated_at"] == "2024-05-01T12:00:00Z"
    assert json.loads(line)["favourite"] == {"colour": "green"}


def test_jsonl_without_orjson_writes_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [CONTACT, {"n": [1, 2.25, -0.0, 1e300], "s": 'quote " and \\ and \n and \t'}]
    with_orjson = written(JsonlWriter, records)
    monkeypatch.setattr(writers, "_orjson_line", None)
    assert written(JsonlWriter, records) == with_orjson


def test_jsonl_writes_integers_beyond_64_bits_exactly() -> None:
    assert (
        written(JsonlWriter, [{"big": 10**30, "s": "é"}])
        == '{"big":1000000000000000000000000000000,"s":"é"}\n'.encode()
    )


def test_a_value_json_cannot_hold_writes_nothing() -> None:
    out = io.BytesIO()
    writer = JsonlWriter(out)
    with pytest.raises((TypeError, ValueError)):
        writer.write([{"ok": 1}, {"bad": object()}])
    assert out.getvalue() == b""
    assert writer.bytes_written == 0


# CSV: flattening -----------------------------------------------------------------------------


def test_flatten_rules() -> None:
    assert flatten(CONTACT) == {
        "id": "c1",
        "name": "Zoë Ångström",
        "emails.0.email": "zoe@example.com",
        "emails.0.type": "WORK",
        "emails.1.email": "z@home.example",
        "address.city": "Malmö",
        "address.country_code": "SE",
        "link_urls": "https://a.example|https://b.example",
        "is_active": "true",
        "score": "1.5",
        "count": "3",
        "raw": '{"properties":{"firstname":"Zoë"},"archived":false}',
    }


@pytest.mark.parametrize(
    ("record", "cells"),
    [
        ({"tags": ["a|b", "c"]}, {"tags": '["a|b","c"]'}),
        ({"mixed": [{"a": 1}, 2]}, {"mixed": '[{"a":1},2]'}),
        ({"nested": [[1, 2], [3]]}, {"nested": "[[1,2],[3]]"}),
        ({"flags": [True, False, None, 2]}, {"flags": "true|false||2"}),
        ({"empty": {}, "none": None, "list": []}, {}),
        ({"a.b": 1, "a": {"b": 2}, "c\\d": 3}, {"a\\.b": "1", "a.b": "2", "c\\\\d": "3"}),
        (
            {"deep": {"raw": {"x": [1]}, "list": [{"raw": [1, {"y": 2}]}]}},
            {"deep.raw": '{"x":[1]}', "deep.list.0.raw": '[1,{"y":2}]'},
        ),
        ({"value": {"text": 'line\nbreak, "quoted"'}}, {"value.text": 'line\nbreak, "quoted"'}),
    ],
)
def test_flatten_edge_cases(record: dict[str, Any], cells: dict[str, str]) -> None:
    assert flatten(record) == cells


def test_flatten_takes_models() -> None:
    contact = CrmContact(id="9", address=Address(city="Oslo"), emails=[Email(email="a@b.c")])
    assert flatten(contact) == {"id": "9", "emails.0.email": "a@b.c", "address.city": "Oslo"}


# CSV: columns --------------------------------------------------------------------------------


def test_csv_header_comes_from_the_first_batch_in_field_order() -> None:
    first = [
        {"id": "1", "emails": [{"email": "a"}], "phone": "x"},
        {"id": "2", "emails": [{"email": "b", "type": "HOME"}, {"email": "c"}], "city": "y"},
    ]
    data = written(CsvWriter, first)
    header = data.decode().splitlines()[0]
    assert header == "id,emails.0.email,emails.0.type,emails.1.email,phone,city," + EXTRA_COLUMN
    assert rows(data) == [
        {
            "id": "1",
            "emails.0.email": "a",
            "emails.0.type": "",
            "emails.1.email": "",
            "phone": "x",
            "city": "",
            EXTRA_COLUMN: "",
        },
        {
            "id": "2",
            "emails.0.email": "b",
            "emails.0.type": "HOME",
            "emails.1.email": "c",
            "phone": "",
            "city": "y",
            EXTRA_COLUMN: "",
        },
    ]


def test_list_items_sort_by_index_not_as_text() -> None:
    record = {"items": [{"n": i} for i in range(12)]}
    header = written(CsvWriter, [record]).decode().splitlines()[0].split(",")
    assert header[:-1] == [f"items.{i}.n" for i in range(12)]


def test_cells_without_a_column_go_to_extra_as_json() -> None:
    data = written(
        CsvWriter,
        [{"id": "1", "emails": [{"email": "a"}]}],
        [{"id": "2", "emails": [{"email": "b"}, {"email": "c"}], "new": "v", "raw": {"k": 1}}],
    )
    first, second = rows(data)
    assert first[EXTRA_COLUMN] == ""
    assert second["emails.0.email"] == "b"
    assert json.loads(second[EXTRA_COLUMN]) == {
        "emails.1.email": "c",
        "new": "v",
        "raw": '{"k":1}',
    }


def test_csv_is_rfc4180_utf8_with_crlf() -> None:
    data = written(CsvWriter, [{"text": 'a, "b"\nc', "name": "Zoë"}])
    assert data == 'text,name,_extra\r\n"a, ""b""\nc",Zoë,\r\n'.encode()


def test_csv_writes_nul_as_it_is_on_every_python() -> None:
    data = written(CsvWriter, [{"a": "x\x00y", "b": 'q"1,2'}])
    assert data == b'a,b,_extra\r\nx\x00y,"q""1,2",\r\n'


def test_csv_continues_a_file_with_the_columns_of_an_earlier_writer() -> None:
    batches: list[list[dict[str, Any]]] = [
        [{"id": "1", "a": {"b": 1}}],
        [{"id": "2", "c": 3}],
        [{"id": "3"}],
    ]
    whole = written(CsvWriter, *batches)

    out = io.BytesIO()
    first = CsvWriter(out)
    first.write(batches[0])
    assert first.columns == ("id", "a.b")
    second = CsvWriter(out, columns=first.columns, header=False)
    for batch in batches[1:]:
        second.write(batch)
    assert out.getvalue() == whole


def test_csv_with_given_columns() -> None:
    data = written(CsvWriter, [{"id": "1", "name": "n", "x": 1}])
    assert rows(data)[0]["name"] == "n"
    out = io.BytesIO()
    CsvWriter(out, columns=["name", "missing"]).write([{"id": "1", "name": "n"}])
    assert rows(out.getvalue()) == [{"name": "n", "missing": "", EXTRA_COLUMN: '{"id":"1"}'}]


def test_csv_writes_nothing_for_no_records() -> None:
    assert written(CsvWriter, [], []) == b""


# No NUL: the csv reader of Python 3.10 refuses it (the writer writes it, see above).
text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=5)
json_scalars = st.none() | st.booleans() | st.integers() | text
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=12,
)
json_records = st.dictionaries(text, json_values, max_size=5)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(json_records, max_size=4), max_size=4))
def test_csv_never_drops_a_cell(batches: list[list[dict[str, Any]]]) -> None:
    data = written(CsvWriter, *batches)
    records = [record for batch in batches for record in batch]
    if not any(batches):
        assert data == b""
        return
    read = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    header, body = read[0], read[1:]
    assert header[-1] == EXTRA_COLUMN
    assert len(body) == len(records)
    for record, row in zip(records, body, strict=True):
        cells = {name: text for name, text in zip(header[:-1], row[:-1], strict=True) if text}
        extra = {k: v for k, v in (json.loads(row[-1]) if row[-1] else {}).items() if v}
        assert not cells.keys() & extra.keys()
        expected = {name: text for name, text in flatten(record).items() if text}
        assert {**cells, **extra} == expected
