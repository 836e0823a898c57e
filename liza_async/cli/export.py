"""``liza export``: every record of an object type to JSON Lines or CSV, safely and resumably."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import shlex
import signal
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from .._client import AsyncLiza
from .._errors import ExportError
from .._export import AsyncExport, ExportCheckpoint
from .._types import NOT_GIVEN, NotGiven
from ..writers import CsvWriter, JsonlWriter
from ._common import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    UsageError,
    add_record_filters,
    add_record_target,
    api_options,
    command_parser,
    connect,
    report,
    run,
)
from ._output import FileOutput, Output, SavedExport, StdoutOutput
from ._progress import PROGRESS_MODES, Progress, open_progress, summary

__all__ = ["register"]

FORMATS = ("jsonl", "csv")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_SANDBOX_RECORDS = 100_000

_EXAMPLES = """\
  liza export --sandbox crm contact -o contacts.jsonl
      try it: 100,000 generated contacts from the built-in sandbox, no token needed
  liza export 66a1f0c2e4b0a1b2c3d4e5f6 crm contact -o contacts.csv
      every contact of a connection, flattened to CSV (address.city, emails.0.email, ...)
  liza export 66a1f0c2e4b0a1b2c3d4e5f6 crm contact -o contacts.csv --resume
      continue an export that was interrupted (Ctrl-C, a crash, a network failure)
  liza export 66a1f0c2e4b0a1b2c3d4e5f6 ticketing ticket --updated-gte 2024-06-01 | jq .subject
      JSON Lines to stdout

While a file export runs, FILE.part holds the records so far and FILE.checkpoint.json where the
export stands; FILE itself appears only when the export is complete.
exit codes: 0 done, 1 API or network failure, 2 bad usage, 130 interrupted (Ctrl-C)
"""

Writer = JsonlWriter | CsvWriter


def register(subparsers: Subparsers) -> None:
    """Add the ``export`` subcommand.

    Args:
        subparsers: The ``liza`` command's subparsers.
    """
    parser = command_parser(
        subparsers,
        "export",
        summary="export every record of an object type to JSON Lines or CSV",
        description="Export every record of an object type, fetching pages concurrently, to a "
        "JSON Lines or CSV file (or stdout), with progress on stderr and a summary line at the "
        "end. Ctrl-C stops cleanly and prints the command that resumes.",
        examples=_EXAMPLES,
        parents=[api_options(json_output=False)],
    )
    add_record_target(parser, optional_connection=True)
    add = parser.add_argument
    add("-o", "--output", default="-", metavar="FILE", help="the file to write; - for stdout")
    add("--format", choices=FORMATS, help="default: from the file's extension (.jsonl, .csv)")
    add("--concurrency", type=int, default=4, metavar="N", help="requests in flight (default: 4)")
    add(
        "--page-size", type=int, default=100, metavar="N", help="records per request (default: 100)"
    )
    add_record_filters(parser)
    add("--resume", action="store_true", help="continue the interrupted export of FILE")
    add(
        "--rate-limit",
        type=float,
        metavar="PER_MIN",
        help="requests per minute this client allows itself; 0 = no limit (default: 240, the "
        "API's limit; with --sandbox, the sandbox's)",
    )
    add(
        "--progress",
        choices=PROGRESS_MODES,
        default="auto",
        help="a bar on a terminal (needs the cli extra), plain lines, or off (default: auto)",
    )
    group = parser.add_argument_group("built-in sandbox (no account needed)")
    add = group.add_argument
    add(
        "--sandbox",
        action="store_true",
        help="export from a local sandbox started in this process; CONNECTION_ID defaults to "
        "its connection for CATEGORY",
    )
    add(
        "--sandbox-records",
        type=int,
        default=_SANDBOX_RECORDS,
        metavar="N",
        help=f"CRM contacts it serves (default: {_SANDBOX_RECORDS:,})",
    )
    add("--sandbox-latency", type=float, default=0.0, metavar="MS", help="latency per answer")
    add(
        "--sandbox-rate-limit",
        type=int,
        default=0,
        metavar="PER_MIN",
        help="its rate limit per minute; 0 = none (default: 0)",
    )
    parser.set_defaults(handler=functools.partial(_run, parser))


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        output = _output(args)
        writer_format = _format(args)
        resume = _resume_command(parser, args)
        with _source(args) as (client, connection_id):
            job = functools.partial(
                _export, args, client, connection_id, output, writer_format, resume
            )
            return run(job, on_interrupt=lambda: _print_resume(output, resume))
    except UsageError as error:
        report(f"error: {error}")
        return EXIT_USAGE


def _output(args: argparse.Namespace) -> Output:
    if args.output != "-":
        return FileOutput(Path(args.output))
    if args.resume:
        raise UsageError("--resume needs -o FILE: an export to stdout cannot be resumed")
    return StdoutOutput()


def _format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    if args.output == "-":
        return "jsonl"
    try:
        return _EXTENSIONS[Path(args.output).suffix.lower()]
    except KeyError:
        raise UsageError(
            f"cannot tell the format of {args.output!r} from its extension; "
            "pass --format jsonl or --format csv"
        ) from None


def _resume_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """The command line that resumes this export: its arguments, never the token."""
    words = parser.prog.split()
    for action in parser._actions:
        value = getattr(args, action.dest, None)
        if not action.option_strings:
            if value is not None:
                words.append(str(value))
        elif action.dest not in ("help", "token", "resume") and value != action.default:
            flag = action.option_strings[-1]
            words += [flag] if isinstance(value, bool) else [flag, str(value)]
    return shlex.join([*words, "--resume"])


def _print_resume(output: Output, command: str) -> None:
    if output.resumable:
        report(f"the partial export is kept; resume it with:\n  {command}")


def _rate_limit(value: float | None) -> float | None:
    return value or None  # 0 turns the limiter off


@contextlib.contextmanager
def _source(args: argparse.Namespace) -> Iterator[tuple[Callable[[], AsyncLiza], str]]:
    """Yield how to make the client and the connection to export: the API's, or a sandbox's."""
    limit: float | NotGiven | None = NOT_GIVEN
    if args.rate_limit is not None:
        limit = _rate_limit(args.rate_limit)
    if not args.sandbox:
        if args.connection_id is None:
            raise UsageError("give CONNECTION_ID (see `liza connections list`), or try --sandbox")
        yield functools.partial(connect, args, rate_limit=limit), args.connection_id
        return
    if args.token is not None or args.base_url is not None:
        raise UsageError("--sandbox serves its own API: leave out --token and --base-url")
    from ..sandbox import SandboxConfig, run_in_thread

    try:
        config = SandboxConfig(
            records=args.sandbox_records,
            rate_limit=args.sandbox_rate_limit,
            latency_ms=args.sandbox_latency,
        )
    except ValueError as error:
        raise UsageError(f"--sandbox: {error}") from None
    if isinstance(limit, NotGiven):
        limit = _rate_limit(config.rate_limit)
    with run_in_thread(config) as sandbox:
        report(f"sandbox: {config.records:,} CRM contacts at {sandbox.base_url}")
        client = functools.partial(
            AsyncLiza, sandbox.token, base_url=sandbox.base_url, rate_limit=limit
        )
        yield client, args.connection_id or sandbox.connection_id(args.category)


@attrs.define
class _Destination:
    """A writer and its output; after each batch it records how far the output is complete.

    Attributes:
        base: The bytes the output held when this run started (a resumed export appends).
    """

    output: Output
    file: IO[bytes]
    format: str
    writer: Writer
    base: int

    def commit(self, checkpoint: ExportCheckpoint, *, final: bool = False) -> None:
        columns = self.writer.columns if isinstance(self.writer, CsvWriter) else None
        length = self.base + self.writer.bytes_written
        saved = SavedExport(self.format, length, columns, checkpoint)
        self.output.commit(self.file, saved, final=final)

    def keep(self, checkpoint: ExportCheckpoint) -> None:
        """Record where the export stopped and close the output, keeping it for a resume."""
        self.commit(checkpoint, final=True)
        self.output.close(self.file)


async def _export(
    args: argparse.Namespace,
    client: Callable[[], AsyncLiza],
    connection_id: str,
    output: Output,
    writer_format: str,
    resume: str,
) -> int:
    saved = _saved_export(args, output, writer_format)
    async with client() as liza:
        export = liza.records.export(
            connection_id,
            args.category,
            args.object_type,
            concurrency=args.concurrency,
            page_size=args.page_size,
            query=args.query,
            updated_gte=args.updated_gte,
            checkpoint=saved.checkpoint if saved else None,
        )
        file = output.open(saved)
        destination = _Destination(
            output,
            file,
            writer_format,
            _writer(writer_format, file, saved),
            saved.output_bytes if saved else 0,
        )
        try:
            with open_progress(args.progress, sys.stderr) as progress:
                completed = await _until_interrupted(_copy(export, destination, progress))
        except ExportError as error:
            destination.keep(export.checkpoint)
            delivered = error.checkpoint.delivered
            report(f"error: the export stopped after {delivered:,} records: {error.cause}")
            _print_resume(output, resume)
            return EXIT_FAILURE
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            output.close(file)  # the last regular checkpoint still matches the file
            report(f"error: {error}")
            _print_resume(output, resume)
            return EXIT_FAILURE
        except BaseException:
            # No final checkpoint: a batch may have failed half-way through its writer (bad
            # data), so only the last regular checkpoint is known to match the file.
            output.close(file)
            raise
        if not completed:
            destination.keep(export.checkpoint)
            report(f"interrupted after {export.checkpoint.delivered:,} records")
            _print_resume(output, resume)
            return EXIT_INTERRUPTED
        output.complete(file)
    line = summary(export.stats, output.name)
    if saved is not None:
        line += f" (resumed: {export.checkpoint.delivered:,} records in all)"
    report(line)
    return EXIT_OK


def _saved_export(
    args: argparse.Namespace, output: Output, writer_format: str
) -> SavedExport | None:
    if not isinstance(output, FileOutput):
        return None
    saved = output.load()
    if args.resume and saved is None:
        report(f"nothing to resume for {output.name}; starting from the beginning")
    elif not args.resume and saved is not None:
        report(f"starting over: discarding the interrupted export in {output.part}")
        return None
    if saved is not None and saved.format != writer_format:
        raise UsageError(
            f"the interrupted export of {output.name} writes {saved.format}; "
            f"resume it with --format {saved.format}"
        )
    return saved


def _writer(writer_format: str, file: IO[bytes], saved: SavedExport | None) -> Writer:
    if writer_format == "jsonl":
        return JsonlWriter(file)
    columns = saved.columns if saved else None
    return CsvWriter(file, columns=columns, header=columns is None)


async def _copy(export: AsyncExport[Any], destination: _Destination, progress: Progress) -> None:
    destination.commit(export.checkpoint)
    async with export:
        async for batch in export.raw_batches():
            destination.writer.write(batch)
            destination.commit(export.checkpoint)
            progress.update(export.stats)


async def _until_interrupted(work: Coroutine[Any, Any, None]) -> bool:
    """Run ``work``; Ctrl-C cancels it. Return whether it completed."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(work)
    interrupted = False

    def interrupt() -> None:
        nonlocal interrupted
        interrupted = True
        task.cancel()

    try:
        loop.add_signal_handler(signal.SIGINT, interrupt)
    except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
        await task  # Ctrl-C then raises KeyboardInterrupt, handled by run()
        return True
    try:
        await task
    except asyncio.CancelledError:
        if not interrupted:
            raise
        return False
    finally:
        loop.remove_signal_handler(signal.SIGINT)
    return True
