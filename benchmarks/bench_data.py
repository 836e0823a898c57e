"""How long the sandbox's data generator takes to render a page (no server, no HTTP).

For each dataset size and object type it prints, in µs per page of 100 records:

- cold: pages never rendered before (distinct offsets spread over the type, so the page cache
  never hits; the per-world fragments such as personas and employers behave as in a server);
- warm: the same page again (the page cache);
- setup: a new ``Dataset`` and its first page (the contact persona pool is built there).

Then the cost of ``query`` on contacts (the first use scans the type; later pages reuse the
memoized matches) and of an ``updated_gte`` page. The target (issue 2): a cold page of 100 crm
contacts in at most 200 µs with the stdlib only.

Usage: python -m benchmarks.bench_data [--pages 200] [--records 1000 100000 1000000] [--quick]
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from liza_async.sandbox._data import Dataset

LIMIT = 100
OTHER_TYPES = [
    ("crm", "company"),
    ("crm", "deal"),
    ("ticketing", "ticket"),
    ("hr", "employee"),
    ("accounting", "invoice"),
]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1e6


def offsets(count: int, pages: int) -> list[int]:
    """Distinct page offsets spread over the type, in a scattered order."""
    room = max(1, count - LIMIT)
    step = max(1, room // pages)
    spread = list(range(0, room, step))[:pages]
    return [spread[(i * 7919) % len(spread)] for i in range(len(spread))]


def row(label: str, samples: list[float]) -> str:
    samples = sorted(samples)
    p90 = samples[int(len(samples) * 0.9) - 1] if len(samples) >= 10 else samples[-1]
    return (
        f"{label:<34} {statistics.median(samples):>9.0f} {samples[0]:>9.0f} {p90:>9.0f}"
        f"  (n={len(samples)})"
    )


def pages(ds: Dataset, kind: tuple[str, str], starts: list[int], **filters: Any) -> list[float]:
    """Time one page of ``LIMIT`` records at each offset."""
    return [
        timed(functools.partial(ds.page, *kind, offset=o, limit=LIMIT, **filters)) for o in starts
    ]


def bench_type(ds: Dataset, kind: tuple[str, str], count: int) -> tuple[list[str], float]:
    """Time cold and warm pages of one type; return the printed rows and the cold median."""
    cold = pages(ds, kind, offsets(ds.count(*kind), count))
    warm = pages(ds, kind, [0] * count)
    size = len(ds.page(*kind, offset=0, limit=LIMIT).body)
    name = "/".join(kind)
    rows = [row(f"{name} cold ({size // 1000} KB)", cold), row(f"{name} warm", warm)]
    return rows, statistics.median(cold)


def bench_size(records: int, count: int) -> float:
    """Print the timings of one dataset size; return the median µs of a cold contact page."""
    print(f"\n== Dataset(seed=0, records={records:,}) ==")
    print(f"{'µs per page of 100':<34} {'median':>9} {'min':>9} {'p90':>9}")
    start = time.perf_counter()
    ds = Dataset(seed=0, records=records)
    ds.page("crm", "contact", offset=0, limit=LIMIT)
    print(f"{'setup: Dataset + first page':<34} {(time.perf_counter() - start) * 1e6:>9.0f}")
    lines, contact_cold = bench_type(ds, ("crm", "contact"), count)
    print(*lines, sep="\n")
    if records <= 100_000:
        for kind in OTHER_TYPES:
            print(*bench_type(ds, kind, max(10, count // 10))[0], sep="\n")
    contact = ("crm", "contact")
    print(f"{'contact query, first (scan)':<34} {pages(ds, contact, [0], query='son@')[0]:>9.0f}")
    print(row("contact query, next pages", pages(ds, contact, list(range(1, 21)), query="son@")))
    since = datetime(2024, 1, 1, tzinfo=timezone.utc)
    print(
        row("contact updated_gte pages", pages(ds, contact, list(range(1, 21)), updated_gte=since))
    )
    return contact_cold


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="pages per measurement")
    parser.add_argument("--records", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (the test suite)")
    args = parser.parse_args(argv)
    sizes, count = ([1_000], 20) if args.quick else (args.records, args.pages)
    return {
        f"crm/contact cold page us at {records:,}": bench_size(records, count) for records in sizes
    }


if __name__ == "__main__":
    main()
