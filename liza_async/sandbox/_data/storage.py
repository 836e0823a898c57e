"""Storage: a Drive-like tree of files and folders (every eighth record is a folder)."""

from __future__ import annotations

import base64
from typing import Any

from . import _vocab as v
from ._clock import iso_date
from ._ids import BASE62, Token
from ._shapes import EMPLOYEE, MetaField, company, metadata, stamps
from ._world import Kind, World, per

__all__ = ["KINDS"]

FILE = ("storage", "file")

_FOLDER_EVERY = 8
_FOLDERS = (
    "Shared",
    "Finance",
    "Marketing",
    "Sales",
    "Engineering",
    "Legal",
    "HR",
    "Design",
    "Customers",
    "Archive",
    "Board",
    "Templates",
)
_FOLDER_MIME = "application/vnd.google-apps.folder"
_FIELDS = (MetaField("retention", "SINGLE_SELECT", ("1 year", "3 years", "forever")),)


def _name(w: World, r: Any, index: int, updated: int) -> tuple[str, str]:
    stem, extension, mime = r.pick(v.FILES)
    year = iso_date(updated)[:4]
    stem = stem.format(
        q=r.between(1, 4),
        y=year,
        d=iso_date(updated),
        n=r.between(1000, 9999),
        v=f"{r.between(1, 9)}.{r.between(0, 20)}",
        company=company(w, r.below(w.count(("crm", "company")))).name,
    )
    return f"{stem}.{extension}", mime


def _file(w: World, index: int) -> dict[str, Any]:
    r = w.draw(FILE, index)
    folder = index % _FOLDER_EVERY == 0
    updated = w.updated(FILE, index)
    rec: dict[str, Any] = {"id": w.id(FILE, index), **stamps(w, FILE, r, 700)}
    if folder:
        position = index // _FOLDER_EVERY
        name, mime = _FOLDERS[position % len(_FOLDERS)], _FOLDER_MIME
        if position >= len(_FOLDERS):
            name += f" {position // len(_FOLDERS) + 1}"
    else:
        name, mime = _name(w, r, index, updated)
    rec["name"] = name
    if r.opt(0.3):
        rec["description"] = f"{'Folder' if folder else 'File'} shared with the team."
    rec["type"] = "FOLDER" if folder else "FILE"
    rec["mime_type"] = mime
    content = f"{name}\n".encode() if not folder and r.full else None
    if not folder:
        rec["size"] = len(content) if content else r.between(2_000, 25_000_000)
    if not folder and r.opt(0.6):
        rec["hash"] = r.hex(32)
    if not folder and r.opt(0.4):
        rec["version"] = str(r.between(1, 12))
    if index >= _FOLDER_EVERY:
        rec["parent_id"] = w.id(FILE, r.below(index // _FOLDER_EVERY) * _FOLDER_EVERY)
    rec["user_id"] = w.ref(r, EMPLOYEE)
    if r.opt(0.8):
        rec["web_url"] = (
            f"https://drive.google.com/{'drive/folders' if folder else 'file/d'}/{rec['id']}"
        )
    if not folder and r.opt(0.7):
        rec["download_url"] = f"https://drive.example.com/download/{rec['id']}?token={r.hex(20)}"
    if content:
        rec["data"] = base64.b64encode(content).decode()
    if r.opt(0.3):
        rec["tags"] = r.sample(
            ("draft", "final", "confidential", "shared", "archive"), r.between(1, 2)
        )
    if r.opt(0.5):
        rec["permissions"] = [{"roles": ["OWNER"], "user_id": rec["user_id"]}]
        if r.opt(0.4):
            rec["permissions"].append(
                {"roles": ["READ", "WRITE"], "group_id": w.ref(r, ("hr", "group"))}
            )
        if r.opt(0.2):
            rec["permissions"].append({"roles": ["READ"], "is_public": True, "is_hidden": False})
    if r.opt(0.1):
        rec["references"] = [{"id": w.ref(r, ("crm", "deal")), "type": "crm_deal"}]
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "file", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {"kind": "drive#file", "mimeType": mime, "starred": r.chance(0.1)}
    return rec


KINDS = (Kind("storage", "file", per(5), Token(BASE62, 33, "1"), _file),)
