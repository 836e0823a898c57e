"""Export progress on stderr: a rich progress bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any, Protocol, TextIO

from .._export import ExportStats

__all__ = ["PROGRESS_MODES", "Progress", "open_progress", "summary"]

PROGRESS_MODES = ("auto", "bar", "lines", "off")
"""auto: a bar on a terminal when rich is installed, lines otherwise."""

LINE_INTERVAL = 2.0
"""Seconds between two plain progress lines."""


class Progress(Protocol):
    """Shows how an export advances; a context manager."""

    def update(self, stats: ExportStats) -> None:
        """Show the counters after a batch."""

    def __enter__(self) -> Progress: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}"


def summary(stats: ExportStats, destination: str) -> str:
    """Return the one line that ends an export.

    Args:
        stats: The export's counters.
        destination: Where the records went.

    Returns:
        Records, seconds, records/s, pages, retries and 429s in one line.
    """
    elapsed = stats.elapsed
    return (
        f"exported {stats.records:,} records in {elapsed:.1f} s "
        f"({_rate(stats.records, elapsed):,.0f} records/s, {stats.pages:,} pages, "
        f"{stats.retries} retries, {stats.throttled} 429s) to {destination}"
    )


class _Silent:
    def update(self, stats: ExportStats) -> None:
        pass

    def __enter__(self) -> _Silent:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass


class _Lines(_Silent):
    """A plain line with the first batch, then now and then: for logs and pipes."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._next = 0.0
        self._first: tuple[float, int] | None = None

    def update(self, stats: ExportStats) -> None:
        now = time.monotonic()
        if self._first is None:
            self._first = (now, stats.records)
        if now < self._next:
            return
        self._next = now + LINE_INTERVAL
        line = (
            f"liza: {stats.records:,} records, {stats.pages:,} pages, "
            f"{_rate(stats.pages, stats.elapsed):,.1f} pages/s"
        )
        since, before = self._first  # the rate since the first batch: no start-up delay in it
        rate = _rate(stats.records - before, now - since)
        if stats.total is not None and rate:
            line += f", ETA {_clock(max(stats.total - stats.records, 0) / rate)}"
        print(line, file=self._stream, flush=True)


class _Bar:
    """rich's progress bar: records, pages/s, and the time left when the total is known."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("exporting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("records"),
            TextColumn("{task.fields[pages_per_second]} pages/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._progress.add_task("export", total=None, pages_per_second="0")

    def update(self, stats: ExportStats) -> None:
        self._progress.update(
            self._task,
            completed=stats.records,
            total=stats.total,
            pages_per_second=f"{_rate(stats.pages, stats.elapsed):,.1f}",
        )

    def __enter__(self) -> _Bar:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()


def open_progress(mode: str, stream: TextIO) -> Progress:
    """Choose how to show progress.

    Args:
        mode: One of :data:`PROGRESS_MODES`.
        stream: Where to show it (stderr).

    Returns:
        A bar (needs rich, the ``cli`` extra), plain lines, or nothing. ``bar`` without rich
        falls back to lines.
    """
    if mode == "off":
        return _Silent()
    if mode == "lines":
        return _Lines(stream)
    wants_bar = mode == "bar" or _is_terminal(stream)
    if wants_bar:
        try:
            return _Bar(stream)
        except ImportError:
            pass
    return _Lines(stream)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
