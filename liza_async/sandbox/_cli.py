"""``liza sandbox``: serve the sandbox from the command line until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import signal
import sys
from typing import Any

import attrs

from ._config import MALFORMED_KINDS, SHAPES, FaultConfig, SandboxConfig
from ._server import RunningSandbox, serve

__all__ = ["register"]

_EXAMPLES = """\
examples:
  liza sandbox                                  serve on a free port, default settings
  liza sandbox --port 8080 --records 1000000    a million CRM contacts on port 8080
  liza sandbox --shape bare --rate-limit 0      Unified.to-style bare arrays, no rate limit
  liza sandbox --error-rate 0.1 --drop-rate 0.05 --seed 7
                                                flaky: 10% 5xx, 5% dropped connections
  liza sandbox --burst-429-every 20 --burst-429-length 3
                                                three 429s after every 20 requests
  liza sandbox --malformed truncated_json       every records answer is broken JSON
"""

_FAULT_FIELDS = frozenset(field.name for field in attrs.fields(FaultConfig))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sandbox`` subcommand.

    Args:
        subparsers: The ``liza`` command's subparsers.
    """
    config, faults = SandboxConfig(), FaultConfig()
    parser = subparsers.add_parser(
        "sandbox",
        help="serve a local Liza Integrations API sandbox",
        description="Serve a local, deterministic Liza Integrations API on loopback. It prints "
        "its base URL, token and seeded connection ids, and runs until Ctrl-C or SIGTERM.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        argument_default=argparse.SUPPRESS,
    )
    add = parser.add_argument
    add("--host", help=f"interface to listen on (default: {config.host})")
    add("--port", type=int, help="port to listen on; 0 picks a free one (default: 0)")
    add("--token", help=f"Bearer token to accept (default: {config.token})")
    add("--seed", type=int, help="seed of the data, ids and faults (default: 0)")
    add("--records", type=int, help=f"number of CRM contacts (default: {config.records})")
    add("--shape", choices=SHAPES, help=f"list shape (default: {config.shape})")
    add(
        "--rate-limit",
        type=int,
        metavar="PER_MIN",
        help=f"requests per minute per token; 0 = off (default: {config.rate_limit})",
    )
    add("--rate-burst", type=int, metavar="N", help="burst size (default: the rate limit)")
    add("--latency", dest="latency_ms", type=float, metavar="MS", help="added latency per answer")

    group = parser.add_argument_group("faults (all off by default, deterministic for --seed)")
    add = group.add_argument
    add("--error-rate", type=float, metavar="F", help="fraction of 500/502/503 answers")
    add("--drop-rate", type=float, metavar="F", help="fraction of connections closed unanswered")
    add("--truncate-rate", type=float, metavar="F", help="fraction of bodies cut short")
    add("--stall-rate", type=float, metavar="F", help="fraction of requests never answered")
    add("--burst-429-every", type=int, metavar="N", help="a burst of 429s after every N requests")
    add(
        "--burst-429-length",
        type=int,
        metavar="K",
        help=f"429s per burst (default: {faults.burst_429_length})",
    )
    add(
        "--burst-429-retry-after",
        type=int,
        metavar="S",
        help=f"Retry-After of burst 429s (default: {faults.burst_429_retry_after})",
    )
    add("--jitter", dest="jitter_ms", type=float, metavar="MS", help="random extra latency")
    add("--insert-every", type=int, metavar="N", help="insert a record after every N lists")
    add(
        "--malformed",
        choices=MALFORMED_KINDS,
        metavar="KIND",
        help=f"break records answers: one of {', '.join(MALFORMED_KINDS)}",
    )
    add("--malformed-rate", type=float, metavar="F", help="fraction of records answers broken")
    add(
        "--fault-path",
        dest="paths",
        action="append",
        metavar="GLOB",
        help=f"raw paths faults apply to; repeatable (default: {' '.join(faults.paths)})",
    )
    parser.set_defaults(handler=functools.partial(_run, parser))


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    options = {k: v for k, v in vars(args).items() if k != "handler"}
    fault_options = {k: options.pop(k) for k in list(options) if k in _FAULT_FIELDS}
    try:
        config = SandboxConfig(faults=FaultConfig(**fault_options), **options)
    except ValueError as error:
        parser.error(str(error))
    try:
        return asyncio.run(_serve_until_stopped(config))
    except KeyboardInterrupt:  # where signal handlers are unsupported (Windows)
        return 0
    except OSError as error:
        where = f"{config.host}:{config.port}"
        print(f"liza sandbox: cannot listen on {where}: {error}", file=sys.stderr)
        return 1


async def _serve_until_stopped(config: SandboxConfig) -> int:
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stopped.set)
    async with serve(config) as sandbox:
        print(_banner(sandbox), flush=True)
        await stopped.wait()
    print("liza sandbox: stopped", flush=True)
    return 0


def _banner(sandbox: RunningSandbox) -> str:
    config = sandbox.config
    limit = f"{config.rate_limit}/min" if config.rate_limit else "off"
    lines = [
        f"Liza sandbox: seed {config.seed}, {config.records} records, shape {config.shape}, "
        f"rate limit {limit}",
        f"base url: {sandbox.base_url}",
        f"token: {sandbox.token}",
    ]
    faults = _fault_summary(config.faults)
    if faults:
        lines.append(f"faults: {faults}")
    lines.append("connections (category, integration, id):")
    for connection in sandbox.connections:
        category = connection["categories"][0]
        lines.append(f"  {category:<11} {connection['integration_type']:<15} {connection['id']}")
    url = sandbox.base_url / "v1/integrations" / sandbox.connection_id("crm") / "crm/contact"
    lines += [
        "try:",
        f'  curl -H "Authorization: Bearer {sandbox.token}" '
        f'"{url.with_query(limit=20, query="acme")}"',
        "Ctrl-C stops it.",
    ]
    return "\n".join(lines)


def _fault_summary(faults: FaultConfig) -> str:
    defaults = FaultConfig()
    changed: dict[str, Any] = {
        field.name: getattr(faults, field.name)
        for field in attrs.fields(FaultConfig)
        if getattr(faults, field.name) != getattr(defaults, field.name)
    }
    return ", ".join(f"{name}={value}" for name, value in changed.items())
