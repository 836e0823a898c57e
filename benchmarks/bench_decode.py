"""What decoding a page of 100 CRM contacts costs, as a ratio to the stdlib's ``json.loads``.

The page is the sandbox's own (``Dataset(seed=0).page("crm", "contact", ...)``, ~70 KB). Variants
run interleaved in rounds, so a slow moment of the machine hits them all alike; each figure is
the median over the rounds (with the min-max), and each ratio the median of the per-round ratios.

- json.loads, orjson.loads: parsing only (the reference, and the parser liza uses when installed);
- liza parse+structure: JSON bytes to ``list[CrmContact]``, with either parser;
- liza structure only: already parsed JSON to ``list[CrmContact]``;
- pydantic v2: ``TypeAdapter(list[...]).validate_json`` on pydantic models made here from the
  same field list (unknown fields kept, like liza's ``extra``), the peer reference.

The targets (issue 4): structure only at most 1.0x json.loads, parse+structure at most 2.0x.
The garbage collector stays on, as in a real program.

Usage: python -m benchmarks.bench_decode [--rounds 15] [--quick]
"""

from __future__ import annotations

import argparse
import enum
import functools
import json
import statistics
import time
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs
import yarl

from liza_async._converter import structure_list
from liza_async._gc import paused
from liza_async.models import CrmContact, Model
from liza_async.sandbox._data import Dataset

PARSERS: dict[str, Callable[[bytes], Any]] = {"json": json.loads}
try:
    import orjson

    PARSERS["orjson"] = orjson.loads
except ImportError:  # pragma: no cover - the orjson rows are then left out
    pass

TARGETS = {"liza structure only": 1.0, "liza parse+structure (json)": 2.0}


def pydantic_validator(cls: type[Model]) -> Callable[[bytes], Any] | None:
    """Return ``TypeAdapter(list[<cls made in pydantic>]).validate_json``, if pydantic is here."""
    try:
        import pydantic
    except ImportError:  # pragma: no cover - the peer row is then left out
        return None
    made: dict[type[Model], Any] = {}
    create_model: Any = pydantic.create_model
    config = pydantic.ConfigDict(extra="allow")  # unknown fields kept, like liza's extra

    def model(cls: type[Model]) -> Any:
        if cls not in made:
            hints = typing.get_type_hints(cls)
            fields = {
                a.name: (translate(hints[a.name]), None)
                for a in attrs.fields(cls)
                if a.name != "extra"
            }
            made[cls] = create_model(f"Pydantic{cls.__name__}", __config__=config, **fields)
        return made[cls]

    def translate(tp: Any) -> Any:
        if isinstance(tp, type) and issubclass(tp, Model):
            return model(tp)
        if tp is yarl.URL:
            return str
        if tp in (str, bool, int, float, datetime, Any, type(None)) or (
            isinstance(tp, type) and issubclass(tp, enum.Enum)
        ):
            return tp
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is list:
            return list[translate(args[0])]  # type: ignore[misc]
        if origin is dict:
            return dict[str, Any]
        if origin in (typing.Union, types.UnionType):  # X | None, and open enums E | str
            return typing.Union[tuple(translate(a) for a in args)]  # noqa: UP007
        raise TypeError(f"no pydantic equivalent for {tp!r}")

    items: Any = list[model(cls)]  # type: ignore[misc]
    adapter: Any = pydantic.TypeAdapter(items)
    return adapter.validate_json  # type: ignore[no-any-return]


def liza_decode(loads: Callable[[bytes], Any], page: bytes) -> list[CrmContact]:
    """What liza does with a page: parse with the collector paused, then structure."""
    with paused():
        items = loads(page)
    return structure_list(items, CrmContact)


def variants(page: bytes) -> dict[str, Callable[[], Any]]:
    parsed = json.loads(page)
    found: dict[str, Callable[[], Any]] = {}
    for name, loads in PARSERS.items():
        found[f"{name}.loads"] = functools.partial(loads, page)
    for name, loads in PARSERS.items():
        found[f"liza parse+structure ({name})"] = functools.partial(liza_decode, loads, page)
    found["liza structure only"] = lambda: structure_list(parsed, CrmContact)
    validate = pydantic_validator(CrmContact)
    if validate is not None:
        found["pydantic v2 validate_json"] = functools.partial(validate, page)
    return found


def check(page: bytes, found: dict[str, Callable[[], Any]]) -> None:
    """Make sure every variant decodes the same 100 contacts before timing anything."""
    contacts = structure_list(json.loads(page), CrmContact)
    assert len(contacts) == 100
    assert all(not contact.extra for contact in contacts), "the page and the model disagree"
    sample = contacts[7]
    assert sample.emails
    for name, run in found.items():
        result = run()
        assert len(result) == 100, name
        if name.startswith("pydantic"):
            assert result[7].emails[0].email == sample.emails[0].email
            assert result[7].updated_at == sample.updated_at


def per_page(run: Callable[[], Any], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        run()
    return (time.perf_counter() - start) / number * 1e6


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="3 short rounds (a smoke test)")
    args = parser.parse_args(argv)
    rounds, seconds = (3, 0.01) if args.quick else (args.rounds, 0.1)

    page = Dataset(seed=0).page("crm", "contact", offset=0, limit=100).body
    found = variants(page)
    check(page, found)
    numbers = {
        name: max(1, round(seconds / (per_page(run, 3) / 1e6))) for name, run in found.items()
    }
    times: dict[str, list[float]] = {name: [] for name in found}
    for _ in range(rounds):
        for name, run in found.items():
            times[name].append(per_page(run, numbers[name]))

    reference = times["json.loads"]
    print(f"decoding a page of 100 CRM contacts ({len(page):,} bytes), {rounds} rounds")
    print(f"{'variant':<32}{'us/page':>9}  {'min-max':>13}  {'x json.loads':>12}")
    ratios: dict[str, float] = {}
    for name, samples in times.items():
        ratio = statistics.median(t / ref for t, ref in zip(samples, reference, strict=True))
        ratios[f"{name} (x json.loads)"] = ratio
        target = TARGETS.get(name)
        verdict = (
            ""
            if target is None
            else f"  (target <= {target}x: {'ok' if ratio <= target else 'MISSED'})"
        )
        low, high = min(samples), max(samples)
        print(
            f"{name:<32}{statistics.median(samples):>9.0f}  {low:>6.0f}-{high:<6.0f}"
            f"  {ratio:>11.2f}x{verdict}"
        )
    return ratios


if __name__ == "__main__":
    main()
