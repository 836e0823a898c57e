"""The ``liza`` command line: one module per group of subcommands, each adding its parsers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .._version import __version__

__all__ = ["main"]

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registrars() -> list[Register]:
    from ..sandbox._cli import register as register_sandbox
    from .commands import register as register_commands
    from .export import register as register_export

    return [register_export, register_commands, register_sandbox]


def build_parser() -> argparse.ArgumentParser:
    """Build the ``liza`` parser with every subcommand.

    Returns:
        The top-level parser; each subcommand sets ``handler`` (args -> exit code).
    """
    parser = argparse.ArgumentParser(
        prog="liza",
        description="The Liza Integrations API from the command line, and a local sandbox.",
    )
    parser.add_argument("--version", action="version", version=f"liza {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for register in _registrars():
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``liza`` command.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0 done, 1 API or network failure, 2 bad usage.
    """
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
