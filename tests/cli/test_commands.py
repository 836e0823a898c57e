"""``liza integrations|connections|connect|finalize|records|passthrough`` against a real sandbox."""

from __future__ import annotations

import json
import re
import socket
import urllib.request

import pytest

from liza_async.sandbox import RunningSandbox

from .conftest import Run, run_liza

pytestmark = pytest.mark.usefixtures("api_env")


def crm(sandbox: RunningSandbox) -> str:
    return sandbox.connection_id("crm")


def test_integrations_prints_a_table_and_json(cli: Run) -> None:
    table = cli("integrations")
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split() == ["TYPE", "NAME", "CATEGORIES"]
    assert re.search(r"^hubspot +HubSpot +crm, marketing, ticketing$", table.out, re.M)

    as_json = cli("integrations", "--json")
    integrations = json.loads(as_json.out)
    assert [i["type"] for i in integrations] == [line.split()[0] for line in lines[1:]]
    hubspot = next(i for i in integrations if i["type"] == "hubspot")
    assert (hubspot["name"], hubspot["categories"]) == (
        "HubSpot",
        ["crm", "marketing", "ticketing"],
    )


def test_connections_list_and_get(cli: Run, sandbox: RunningSandbox) -> None:
    table = cli("connections", "list")
    assert table.code == 0, table.err
    assert table.out.splitlines()[0].split() == ["ID", "INTEGRATION", "CATEGORIES", "CREATED"]
    seeded = [c["id"] for c in sandbox.connections]
    assert [line.split()[0] for line in table.out.splitlines()[1:]][: len(seeded)] == seeded

    listed = json.loads(cli("connections", "list", "--json").out)
    assert [c["id"] for c in listed][: len(seeded)] == seeded

    details = cli("connections", "get", crm(sandbox))
    assert details.code == 0
    assert re.search(r"^integration_type +hubspot$", details.out, re.M)
    assert re.search(r"^categories +crm$", details.out, re.M)
    assert json.loads(cli("connections", "get", crm(sandbox), "--json").out) == listed[0]


def test_connect_authorize_finalize_delete(cli: Run, sandbox: RunningSandbox) -> None:
    started = cli("connect", "slack", "--category", "messaging", "--external-xref", "user-7")
    assert started.code == 0, started.err
    url = re.search(r"^authorize url: (\S+)$", started.out, re.M)
    connection = re.search(r"^connection id: (\S+)$", started.out, re.M)
    assert url
    assert connection
    connection_id = connection.group(1)
    assert f"liza finalize {connection_id}" in started.err

    early = cli("finalize", connection_id)
    assert early.code == 1
    assert "409" in early.err
    assert "not been authorized" in early.err

    with urllib.request.urlopen(url.group(1), timeout=10) as page:
        assert page.status == 200
    finalized = json.loads(cli("finalize", connection_id, "--json").out)
    assert finalized["id"] == connection_id
    assert finalized["external_xref"] == "user-7"
    assert connection_id in cli("connections", "list").out

    deleted = cli("connections", "delete", connection_id, "--json")
    assert json.loads(deleted.out) == {"id": connection_id, "deleted": True}
    gone = cli("connections", "get", connection_id)
    assert gone.code == 1
    assert "404" in gone.err
    assert gone.out == ""


def test_connect_json_and_refusals(cli: Run) -> None:
    session = json.loads(cli("connect", "hubspot", "--category", "crm", "--json").out)
    assert session["url"].startswith("http://127.0.0.1:")
    assert "/sandbox/authorize/" in session["url"]
    assert session["connection_id"]
    unknown = cli("connect", "nope", "--category", "crm")
    assert unknown.code == 1
    assert "unknown integration_type 'nope'" in unknown.err
    no_category = cli("connect", "hubspot")
    assert no_category.code == 2
    assert "--category" in no_category.err


def test_records_prints_one_page(cli: Run, sandbox: RunningSandbox) -> None:
    truth = sandbox.records("crm", "contact")
    table = cli("records", crm(sandbox), "crm", "contact", "--limit", "3", "--offset", "5")
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split() == ["ID", "UPDATED", "NAME"]
    assert [line.split()[0] for line in lines[1:4]] == [r["id"] for r in truth[5:8]]
    assert lines[1].endswith(truth[5]["name"])
    assert lines[4] == f"records 6-8 of {len(truth)}; next page: --offset 8"

    page = json.loads(cli("records", crm(sandbox), "crm", "contact", "--limit", "4", "--json").out)
    assert page["items"] == truth[0:4]
    assert (page["offset"], page["limit"], page["total"]) == (0, 4, len(truth))

    last = cli("records", crm(sandbox), "crm", "contact", "--offset", str(len(truth) - 2))
    assert last.out.splitlines()[-1] == f"records {len(truth) - 1}-{len(truth)} of {len(truth)}"


def test_records_filters_reach_the_api(cli: Run, sandbox: RunningSandbox) -> None:
    truth = sandbox.records("crm", "contact")
    name = truth[0]["last_name"]
    found = json.loads(
        cli("records", crm(sandbox), "crm", "contact", "--query", name, "--json").out
    )
    assert found["items"]
    assert all(name.lower() in json.dumps(item).lower() for item in found["items"])
    future = cli("records", crm(sandbox), "crm", "contact", "--updated-gte", "2999-01-01T00:00:00Z")
    assert future.code == 0
    assert future.out.splitlines()[-1] == "no records of 0"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "500"], "invalid limit"),
        (["--updated-gte", "yesterday"], "invalid updated_gte"),
    ],
)
def test_records_validation_is_bad_usage(
    cli: Run, sandbox: RunningSandbox, args: list[str], message: str
) -> None:
    refused = cli("records", crm(sandbox), "crm", "contact", *args)
    assert refused.code == 2
    assert message in refused.err
    assert refused.out == ""


def test_passthrough_prints_the_third_party_answer(cli: Run, sandbox: RunningSandbox) -> None:
    echo = cli("passthrough", crm(sandbox), "get", "/echo/x", "--data", '{"limit": 5}')
    assert echo.code == 0, echo.err
    assert json.loads(echo.out) == {
        "method": "GET",
        "path": "/echo/x",
        "query": {"limit": ["5"]},
        "body": None,
    }
    posted = json.loads(
        cli("passthrough", crm(sandbox), "POST", "/echo", "--data", '{"a": [1]}', "--json").out
    )
    assert posted["status"] == 200
    assert posted["body"]["body"] == {"a": [1]}
    assert posted["headers"]


def test_passthrough_error_status_exits_1_with_the_body(cli: Run, sandbox: RunningSandbox) -> None:
    missing = cli("passthrough", crm(sandbox), "GET", "/nope")
    assert missing.code == 1
    assert json.loads(missing.out)["category"] == "OBJECT_NOT_FOUND"
    assert "the third party answered 404 to GET /nope" in missing.err


@pytest.mark.parametrize("data", ["{not json", "[1, 2]"])
def test_passthrough_bad_data_is_bad_usage(cli: Run, sandbox: RunningSandbox, data: str) -> None:
    refused = cli("passthrough", crm(sandbox), "POST", "/echo", "--data", data)
    assert refused.code == 2
    assert "--data" in refused.err


def test_a_missing_token_is_bad_usage(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIZA_API_TOKEN")
    refused = cli("connections", "list")
    assert refused.code == 2
    assert "no API token: pass --token TOKEN or set LIZA_API_TOKEN" in refused.err


def test_a_wrong_token_fails_and_is_never_printed(cli: Run) -> None:
    secret = "liza_mcp_not-the-right-one"
    refused = cli("connections", "list", "--token", secret)
    assert refused.code == 1
    assert "401" in refused.err
    assert "check --token or LIZA_API_TOKEN" in refused.err
    assert secret not in refused.out + refused.err


def test_an_unreachable_api_exits_1(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("LIZA_MAX_RETRIES", "0")
    failed = cli("integrations", "--base-url", f"http://127.0.0.1:{port}/api")
    assert failed.code == 1
    assert "could not connect" in failed.err


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["integrations"],
        ["connections"],
        ["connections", "list"],
        ["connections", "get"],
        ["connections", "delete"],
        ["connect"],
        ["finalize"],
        ["records"],
        ["passthrough"],
    ],
)
def test_every_command_has_help_with_examples(cli: Run, command: list[str]) -> None:
    shown = cli(*command, "--help")
    assert shown.code == 0
    assert shown.out.startswith(f"usage: liza {' '.join(command)}")
    examples = shown.out.split("examples:\n", 1)[1]
    assert f"  liza {command[0]}" in examples


def test_usage_errors_exit_2_in_a_real_process(api_env: dict[str, str]) -> None:
    unknown = run_liza("records", "abc", "crmm", "contact", env=api_env)
    assert unknown.code == 2
    assert "invalid choice: 'crmm'" in unknown.err
    listed = run_liza("connections", "list", "--json", env=api_env)
    assert listed.code == 0
    assert isinstance(json.loads(listed.out), list)
