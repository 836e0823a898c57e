"""The generated sync facade: current, checked whole, and a twin for every public async member."""

from __future__ import annotations

import ast
import inspect
import re
import shutil
import subprocess
import sys
import textwrap
import typing
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

import liza_async
import liza_async.resources
import liza_sync
import liza_sync.resources
from liza_async import AsyncLiza, CrmContact
from liza_sync._cursor import PAGES_PER_HOP
from liza_sync._generate import MARKER, ROOT, main

# The async spelling of a member -> its sync twin's name.
RENAMED = {"aclose": "close", "__aenter__": "__enter__", "__aexit__": "__exit__"}
RENAMED["__aiter__"] = "__iter__"


def _async_classes() -> list[type]:
    exported = [getattr(liza_async, name) for name in liza_async.__all__]
    exported += [getattr(liza_async.resources, name) for name in liza_async.resources.__all__]
    return [c for c in exported if isinstance(c, type) and c.__name__.startswith("Async")]


def _twin(cls: type) -> Any:
    package = (
        liza_sync.resources if cls.__module__.startswith("liza_async.resources") else liza_sync
    )
    return getattr(package, cls.__name__.removeprefix("Async"))


def _sync_spelling(annotation: object) -> object:
    if not isinstance(annotation, str):
        return annotation
    annotation = re.sub(r"\bAsyncIterator\b", "Iterator", annotation)
    return re.sub(r"\bAsync(?=[A-Z])", "", annotation)


def _shape(function: Any) -> tuple[object, ...]:
    signature = inspect.signature(function)
    parameters = tuple(
        (p.name, p.kind, p.default, _sync_spelling(p.annotation))
        for p in signature.parameters.values()
    )
    return parameters, _sync_spelling(signature.return_annotation)


def _overloads(cls: type, name: str) -> list[object]:
    get_overloads = getattr(typing, "get_overloads", None)
    if get_overloads is not None:
        function = _unwrap(inspect.getattr_static(cls, name))
        return [_shape(overload) for overload in get_overloads(function)]
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))  # Python 3.10: read the source
    body = tree.body[0].body  # type: ignore[attr-defined]
    return [
        _sync_spelling(f"{ast.unparse(f.args)} -> {ast.unparse(f.returns)}")
        for f in body
        if getattr(f, "name", None) == name
        and any(ast.unparse(d) == "overload" for d in f.decorator_list)
    ]


def _public_members(cls: type) -> dict[str, Any]:
    members: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("liza_async"):
            members.update(vars(klass))
    wanted = set(RENAMED) | ({"__init__"} if cls is AsyncLiza else set())
    return {
        name: member
        for name, member in members.items()
        if not name.startswith("_") or name in wanted
    }


def _unwrap(member: Any) -> Any:
    if isinstance(member, property):
        return member.fget
    if isinstance(member, cached_property):
        return member.func
    return member


def test_generated_files_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--check"])
    assert status == 0, capsys.readouterr().out


@pytest.mark.parametrize("cls", _async_classes(), ids=lambda c: c.__name__)
def test_every_public_member_has_a_twin_with_the_same_signature(cls: type) -> None:
    twin = _twin(cls)
    assert twin.__module__.startswith("liza_sync")
    for name, member in _public_members(cls).items():
        twin_member = inspect.getattr_static(twin, RENAMED.get(name, name), None)
        assert twin_member is not None, f"{twin.__name__} lacks {name}"
        assert type(twin_member) is type(member) or inspect.isfunction(twin_member), name
        assert _shape(_unwrap(twin_member)) == _shape(_unwrap(member)), name
        assert _overloads(twin, RENAMED.get(name, name)) == _overloads(cls, name), name


def test_public_instance_attributes_have_twin_properties() -> None:
    client = AsyncLiza("token", base_url="http://127.0.0.1:9/api")
    export = client.records.export("connection", CrmContact)
    public = [name for name in vars(export) if not name.startswith("_")]
    assert public == ["stats"]
    for name in public:
        assert isinstance(inspect.getattr_static(liza_sync.Export, name), property)


def _tree_copy(tmp_path: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "_data", "sandbox", "cli")
    for package in ("liza_async", "liza_sync"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def _check(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(tree / "liza_sync" / "_generate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_reports_missing_extra_and_different_files(tmp_path: Path) -> None:
    tree = _tree_copy(tmp_path)
    assert _check(tree).returncode == 0
    (tree / "liza_sync" / "resources" / "passthrough.py").unlink()
    different = tree / "liza_sync" / "_export.py"
    different.write_text(different.read_text() + "# an edit\n")
    (tree / "liza_sync" / "resources" / "stale.py").write_text(f"{MARKER} from nowhere\n")
    done = _check(tree)
    assert done.returncode == 1
    assert "3 generated file(s) out of date" in done.stdout
    assert "+++ liza_sync/resources/passthrough.py (generated)" in done.stdout
    assert "-# an edit" in done.stdout
    assert "--- liza_sync/resources/stale.py (committed)" in done.stdout


VARIADIC = "async def list(self, *names: str) -> None: ...\n\n    async def list("


@pytest.mark.parametrize(
    ("edit", "complaint"),
    [
        (("async def list(", VARIADIC), "*args/**kwargs are not supported"),
        (('"""List the account', '"""List, async-ish, the account'), "still says 'async'"),
        (("    def with_options(", "    def _with_options("), "rules that never fired"),
    ],
)
def test_an_unknown_construct_stops_the_generator(
    tmp_path: Path, edit: tuple[str, str], complaint: str
) -> None:
    tree = _tree_copy(tmp_path)
    for module in (
        tree / "liza_async" / "resources" / "connections.py",
        tree / "liza_async" / "_client.py",
    ):
        text = module.read_text()
        if edit[0] in text:
            module.write_text(text.replace(edit[0], edit[1], 1))
            break
    done = _check(tree)
    assert done.returncode == 1
    assert complaint in done.stderr


def test_the_export_docstring_counts_the_pages_a_hop_carries() -> None:
    assert f"most ``concurrency + {PAGES_PER_HOP}`` pages" in (
        liza_sync.resources.Records.export.__doc__ or ""
    )
