"""``liza integrations|connections|connect|finalize|records|passthrough``: one call each."""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from .._client import AsyncLiza
from .._pagination import Page
from ..models import Connection, Integration, PassthroughResponse, Record
from ._common import (
    CATEGORIES,
    EXIT_FAILURE,
    EXIT_OK,
    Subparsers,
    UsageError,
    add_record_filters,
    add_record_target,
    api_options,
    cell,
    command_parser,
    connect,
    print_json,
    print_table,
    report,
    run,
    to_json,
)

__all__ = ["register"]

T = TypeVar("T")

# The field a records table shows as its third column: the first of these the page has.
_SUMMARY_FIELDS = ("name", "title", "subject", "email", "description", "text", "type")


def register(subparsers: Subparsers) -> None:
    """Add the subcommands that make one API call.

    Args:
        subparsers: The ``liza`` command's subparsers.
    """
    api = api_options()
    parser = command_parser(
        subparsers,
        "integrations",
        summary="list the integrations that can be connected",
        description="List the integrations (third-party systems) a Liza account can connect.",
        examples="  liza integrations\n  liza integrations --json | jq '.[].type'\n",
        parents=[api],
    )
    parser.set_defaults(handler=_integrations)

    _register_connections(subparsers, api)

    parser = command_parser(
        subparsers,
        "connect",
        summary="start connecting an integration: print the authorize URL and connection id",
        description="Start the connect flow. Open the printed URL to authorize, then run "
        "`liza finalize CONNECTION_ID`.",
        examples="  liza connect hubspot --category crm\n"
        "  liza connect zendesk --category ticketing --redirect-url https://example.com/done\n",
        parents=[api],
    )
    parser.add_argument("integration", metavar="INTEGRATION", help="e.g. hubspot")
    parser.add_argument(
        "--category",
        dest="categories",
        action="append",
        required=True,
        choices=CATEGORIES,
        metavar="CATEGORY",
        help=f"a category to grant; repeatable ({', '.join(CATEGORIES)})",
    )
    parser.add_argument("--redirect-url", metavar="URL", help="where the user lands afterwards")
    parser.add_argument("--external-xref", metavar="X", help="your own reference, e.g. a user id")
    parser.add_argument(
        "--scope", dest="scopes", action="append", metavar="S", help="a scope; repeatable"
    )
    parser.set_defaults(handler=_connect)

    parser = command_parser(
        subparsers,
        "finalize",
        summary="finalize a connection once the user has authorized it",
        description="Finalize a connection started with `liza connect` (the OAuth callback).",
        examples="  liza finalize 66a1f0c2e4b0a1b2c3d4e5f6\n",
        parents=[api],
    )
    parser.add_argument("connection_id", metavar="CONNECTION_ID")
    parser.set_defaults(handler=_finalize)

    _register_records(subparsers, api)
    _register_passthrough(subparsers, api)


def _register_connections(subparsers: Subparsers, api: argparse.ArgumentParser) -> None:
    parser = command_parser(
        subparsers,
        "connections",
        summary="list, show or delete connections",
        description="The account's connections to third-party systems.",
        examples="  liza connections list\n"
        "  liza connections get 66a1f0c2e4b0a1b2c3d4e5f6 --json\n"
        "  liza connections delete 66a1f0c2e4b0a1b2c3d4e5f6\n",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    command_parser(
        actions,
        "list",
        summary="list the connections",
        description="List the account's connections.",
        examples="  liza connections list\n",
        parents=[api],
    ).set_defaults(handler=_connections_list)
    for name, summary, handler in (
        ("get", "show one connection", _connections_get),
        ("delete", "remove a connection", _connections_delete),
    ):
        action = command_parser(
            actions,
            name,
            summary=summary,
            description=summary[0].upper() + summary[1:] + ".",
            examples=f"  liza connections {name} 66a1f0c2e4b0a1b2c3d4e5f6\n",
            parents=[api],
        )
        action.add_argument("connection_id", metavar="CONNECTION_ID")
        action.set_defaults(handler=handler)


def _register_records(subparsers: Subparsers, api: argparse.ArgumentParser) -> None:
    parser = command_parser(
        subparsers,
        "records",
        summary="show one page of records (use `liza export` for all of them)",
        description="Fetch one page of records of a connection.",
        examples="  liza records 66a1f0c2e4b0a1b2c3d4e5f6 crm contact --limit 20\n"
        "  liza records 66a1f0c2e4b0a1b2c3d4e5f6 crm contact --query acme --json\n"
        "  liza records 66a1f0c2e4b0a1b2c3d4e5f6 ticketing ticket "
        "--updated-gte 2024-01-01T00:00:00Z\n",
        parents=[api],
    )
    add_record_target(parser)
    parser.add_argument("--limit", type=int, default=50, help="records, 1 to 100 (default: 50)")
    parser.add_argument("--offset", type=int, default=0, help="records to skip (default: 0)")
    add_record_filters(parser)
    parser.set_defaults(handler=_records)


def _register_passthrough(subparsers: Subparsers, api: argparse.ArgumentParser) -> None:
    parser = command_parser(
        subparsers,
        "passthrough",
        summary="call the third-party API behind a connection",
        description="Send a request to the connection's third-party API through Liza and print "
        "its answer (exit code 1 when it answers with a status of 400 or more).",
        examples="  liza passthrough 66a1f0c2e4b0a1b2c3d4e5f6 GET /crm/v3/objects/contacts "
        "--data '{\"limit\": 5}'\n"
        "  liza passthrough 66a1f0c2e4b0a1b2c3d4e5f6 POST /crm/v3/objects/contacts "
        '--data \'{"properties": {"email": "ada@example.com"}}\'\n',
        parents=[api],
    )
    parser.add_argument("connection_id", metavar="CONNECTION_ID")
    parser.add_argument("method", metavar="METHOD", help="GET, POST, PUT, PATCH or DELETE")
    parser.add_argument("path", metavar="PATH", help="the path on the third-party API")
    parser.add_argument(
        "--data", metavar="JSON", help="a JSON object: the query for GET/DELETE, else the body"
    )
    parser.set_defaults(handler=_passthrough)


def _call(
    args: argparse.Namespace,
    request: Callable[[AsyncLiza], Awaitable[T]],
    show: Callable[[T], int | None],
) -> int:
    """Make one API call and show its result (``show`` may return an exit code)."""

    async def work() -> int:
        async with connect(args) as liza:
            result = await request(liza)
        return show(result) or EXIT_OK

    return run(work)


def _show_details(model: Any) -> None:
    data = to_json(model)
    width = max(map(len, data), default=0)
    for key, value in data.items():
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else cell(value)
        print(f"{key.ljust(width)}  {text}")


def _show_connection(args: argparse.Namespace) -> Callable[[Connection], None]:
    return print_json if args.json else _show_details


def _integrations(args: argparse.Namespace) -> int:
    def show(integrations: list[Integration]) -> None:
        if args.json:
            print_json(integrations)
            return
        rows = [(i.type, i.name, i.categories) for i in integrations]
        print_table(("TYPE", "NAME", "CATEGORIES"), rows)

    return _call(args, lambda liza: liza.integrations.list(), show)


def _connections_list(args: argparse.Namespace) -> int:
    def show(connections: list[Connection]) -> None:
        if args.json:
            print_json(connections)
            return
        rows = [
            (c.id, c.integration_type, c.categories, c.created_at and c.created_at.isoformat())
            for c in connections
        ]
        print_table(("ID", "INTEGRATION", "CATEGORIES", "CREATED"), rows)

    return _call(args, lambda liza: liza.connections.list(), show)


def _connections_get(args: argparse.Namespace) -> int:
    return _call(
        args, lambda liza: liza.connections.get(args.connection_id), _show_connection(args)
    )


def _connections_delete(args: argparse.Namespace) -> int:
    def show(_: None) -> None:
        if args.json:
            print_json({"id": args.connection_id, "deleted": True})
        else:
            print(f"deleted connection {args.connection_id}")

    return _call(args, lambda liza: liza.connections.delete(args.connection_id), show)


def _connect(args: argparse.Namespace) -> int:
    def show(session: Any) -> None:
        if args.json:
            print_json({"url": str(session.url), "connection_id": session.connection_id})
            return
        print(f"authorize url: {session.url}")
        print(f"connection id: {session.connection_id}")
        report(f"open the URL, then run: liza finalize {session.connection_id}")

    return _call(
        args,
        lambda liza: liza.connections.connect(
            integration_type=args.integration,
            categories=args.categories,
            redirect_url=args.redirect_url,
            external_xref=args.external_xref,
            scopes=args.scopes,
        ),
        show,
    )


def _finalize(args: argparse.Namespace) -> int:
    return _call(
        args, lambda liza: liza.connections.finalize(args.connection_id), _show_connection(args)
    )


def _records(args: argparse.Namespace) -> int:
    def show(page: Page[Record]) -> None:
        if args.json:
            print_json(
                {
                    "items": page.items,
                    "offset": page.offset,
                    "limit": page.limit,
                    "total": page.total,
                    "has_more": page.has_more,
                }
            )
            return
        _show_records(page)

    return _call(
        args,
        lambda liza: liza.records.list(
            args.connection_id,
            args.category,
            args.object_type,
            limit=args.limit,
            offset=args.offset,
            query=args.query,
            updated_gte=args.updated_gte,
        ),
        show,
    )


def _show_records(page: Page[Record]) -> None:
    records = [record.fields for record in page]
    summary = next((f for f in _SUMMARY_FIELDS if any(f in r for r in records)), None)
    headers: Sequence[str] = ("ID", "UPDATED", *([summary.upper()] if summary else []))
    rows = [
        (r.get("id"), _iso(r.get("updated_at")), *([r.get(summary)] if summary else []))
        for r in records
    ]
    print_table(headers, rows)
    end = page.offset + len(page)
    shown = f"records {page.offset + 1}-{end}" if len(page) else "no records"
    total = f" of {page.total}" if page.total is not None else ""
    more = "" if page.is_last else f"; next page: --offset {end}"
    print(f"{shown}{total}{more}")


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _passthrough(args: argparse.Namespace) -> int:
    def show(answer: PassthroughResponse) -> int:
        if args.json:
            print_json(
                {
                    "status": answer.status,
                    "headers": dict(answer.headers),
                    "body": _body(answer),
                }
            )
        else:
            body = _body(answer)
            print(body if isinstance(body, str) else json.dumps(body, indent=2, ensure_ascii=False))
        if answer.ok:
            return EXIT_OK
        report(f"the third party answered {answer.status} to {answer.method} {answer.path}")
        return EXIT_FAILURE

    return _call(
        args,
        lambda liza: liza.passthrough.request(
            args.connection_id, args.method, args.path, data=_json_object(args.data)
        ),
        show,
    )


def _json_object(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError as error:
        raise UsageError(f"--data is not valid JSON: {error}") from None
    if not isinstance(value, dict):
        raise UsageError("--data must be a JSON object, e.g. '{\"limit\": 5}'")
    return value


def _body(answer: PassthroughResponse) -> Any:
    """The body as JSON data when it parses, else as text."""
    try:
        return json.loads(answer.body)
    except ValueError:
        return answer.text()
