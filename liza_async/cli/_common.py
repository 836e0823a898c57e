"""What every API subcommand shares: token and URL flags, the client, output, and exit codes."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import textwrap
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TextIO, TypeAlias

from .._client import AsyncLiza
from .._converter import unstructure
from .._errors import AuthenticationError, LizaError, LizaValidationError
from .._types import Category

__all__ = [
    "CATEGORIES",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Subparsers",
    "UsageError",
    "add_record_filters",
    "add_record_target",
    "api_options",
    "cell",
    "command_parser",
    "connect",
    "print_json",
    "print_table",
    "report",
    "run",
    "to_json",
]

EXIT_OK = 0
EXIT_FAILURE = 1
"""The API, the network or a file failed."""
EXIT_USAGE = 2
"""Bad usage: arguments argparse or the library refused, or a missing token."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (128 + SIGINT)."""

CATEGORIES = tuple(category.value for category in Category)

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class UsageError(Exception):
    """The command line asks for something impossible (exit code 2)."""


def api_options(*, json_output: bool = True) -> argparse.ArgumentParser:
    """Return a parent parser with the flags of every API subcommand.

    Args:
        json_output: Whether to add ``--json``.

    Returns:
        A parser holding ``--token``, ``--base-url`` and (optionally) ``--json``.
    """
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("API access")
    group.add_argument(
        "--token",
        help="the API token (default: $LIZA_API_TOKEN; prefer the variable, a flag shows in "
        "the process list)",
    )
    group.add_argument(
        "--base-url",
        metavar="URL",
        help="the API root (default: $LIZA_BASE_URL, else https://api.eu.liza.app/api)",
    )
    if json_output:
        parent.add_argument(
            "--json", action="store_true", help="print JSON to stdout instead of a table"
        )
    return parent


def command_parser(
    subparsers: Subparsers,
    name: str,
    *,
    summary: str,
    description: str,
    examples: str,
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    """Add a subcommand whose help ends with examples.

    Args:
        subparsers: Where to add it.
        name: The subcommand's name.
        summary: One line for ``liza --help``.
        description: The paragraph at the top of its own help.
        examples: Example command lines, one per line, each followed by what it does.
        parents: Parsers whose arguments it shares.

    Returns:
        The subcommand's parser.
    """
    return subparsers.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, width=79),
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=list(parents),
    )


def add_record_target(
    parser: argparse.ArgumentParser, *, optional_connection: bool = False
) -> None:
    """Add the ``CONNECTION_ID CATEGORY OBJECT_TYPE`` positionals.

    Args:
        parser: The subcommand's parser.
        optional_connection: Whether the connection id may be left out.
    """
    parser.add_argument(
        "connection_id",
        metavar="CONNECTION_ID",
        nargs="?" if optional_connection else None,
        help="see `liza connections list`"
        + ("; with --sandbox, default: its connection of CATEGORY" if optional_connection else ""),
    )
    parser.add_argument(
        "category", metavar="CATEGORY", choices=CATEGORIES, help=", ".join(CATEGORIES)
    )
    parser.add_argument("object_type", metavar="OBJECT_TYPE", help="e.g. contact, ticket, event")


def add_record_filters(parser: argparse.ArgumentParser) -> None:
    """Add ``--query`` and ``--updated-gte``.

    Args:
        parser: The subcommand's parser.
    """
    parser.add_argument("--query", metavar="Q", help="free-text search")
    parser.add_argument(
        "--updated-gte", metavar="ISO", help="only records updated at or after this ISO 8601 time"
    )


def connect(args: argparse.Namespace, **options: Any) -> AsyncLiza:
    """Create the client for ``--token`` and ``--base-url`` (over the environment).

    Args:
        args: The parsed command line.
        options: More ``AsyncLiza`` arguments.

    Returns:
        The client; close it (``async with``).

    Raises:
        UsageError: No token anywhere.
        LizaValidationError: An invalid token or base URL.
    """
    token = args.token if args.token is not None else os.environ.get("LIZA_API_TOKEN")
    if not token or not token.strip():
        raise UsageError(
            "no API token: pass --token TOKEN or set LIZA_API_TOKEN "
            "(or try the local sandbox: liza export --sandbox crm contact)"
        )
    return AsyncLiza(token, base_url=args.base_url, **options)


def report(message: str, stream: TextIO | None = None) -> None:
    """Print ``liza: message`` on stderr.

    Args:
        message: The text.
        stream: Where to print (default: ``sys.stderr``).
    """
    print(f"liza: {message}", file=stream or sys.stderr, flush=True)


def run(
    work: Callable[[], Coroutine[Any, Any, int]],
    on_interrupt: Callable[[], None] | None = None,
) -> int:
    """Run a subcommand's coroutine and map its outcome to an exit code.

    Args:
        work: Makes the coroutine to run; it returns the exit code.
        on_interrupt: Called after Ctrl-C, e.g. to say how to continue.

    Returns:
        Its exit code, or 2 for bad usage, 1 for an API, network or file failure, 130 on Ctrl-C.
    """
    try:
        return asyncio.run(work())
    except (UsageError, LizaValidationError) as error:
        report(f"error: {error}")
        return EXIT_USAGE
    except AuthenticationError as error:
        report(f"error: {error}; check --token or LIZA_API_TOKEN")
        return EXIT_FAILURE
    except LizaError as error:
        report(f"error: {error}")
        return EXIT_FAILURE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILURE
    except OSError as error:  # a file that cannot be written
        report(f"error: {error}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        report("interrupted")
        if on_interrupt is not None:
            on_interrupt()
        return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    """The reader of stdout went away (``| head``): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit cannot fail again
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (captured)
        pass


def to_json(value: Any) -> Any:
    """Return models (and lists and dicts of them) as JSON-ready data."""
    return unstructure(value)


def print_json(value: Any) -> None:
    """Print models or plain data as indented JSON on stdout.

    Args:
        value: A model, a list of models, or JSON-ready data.
    """
    print(json.dumps(to_json(value), indent=2, ensure_ascii=False, default=str))


def cell(value: Any) -> str:
    """Return a value as table text: lists joined with commas, nothing for ``None``."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Print rows under headers in aligned columns on stdout.

    Args:
        headers: The column titles.
        rows: The rows; each value is shown with :func:`cell`.
    """
    texts = [[cell(value) for value in row] for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in texts)]) for i, h in enumerate(headers)]
    for row in [list(headers), *texts]:
        print(
            "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)).rstrip()
        )
