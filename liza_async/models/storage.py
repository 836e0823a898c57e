"""Storage records: files and folders."""

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Metadata, Reference

__all__ = [
    "StorageFile",
    "StorageFileType",
    "StoragePermission",
    "StorageRole",
]


class StorageFileType(OpenEnum):
    """Whether a storage entry is a file or a folder."""

    FILE = "FILE"
    FOLDER = "FOLDER"


class StorageRole(OpenEnum):
    """What a permission allows."""

    OWNER = "OWNER"
    READ = "READ"
    WRITE = "WRITE"


@attrs.define(kw_only=True)
class StoragePermission(Model):
    """Who may do what with a file: a user, a group, or anyone when ``is_public``."""

    roles: list[StorageRole | str] | None = None
    user_id: str | None = None
    group_id: str | None = None
    is_public: bool | None = None
    is_hidden: bool | None = None


@register("storage", "file")
@attrs.define(kw_only=True)
class StorageFile(Record):
    """A file or a folder (told apart by ``type``).

    Attributes:
        name: The file name, extension included.
        size: The size in bytes.
        parent_id: The folder that holds it.
        download_url: A link to the contents; it expires after about an hour (get the file again
            to refresh it).
        data: Base64 contents, used only when creating or updating a file.
        references: The records the file is attached to.
    """

    name: str | None = None
    description: str | None = None
    type: StorageFileType | str | None = None
    mime_type: str | None = None
    size: float | None = None
    hash: str | None = None
    version: str | None = None
    parent_id: str | None = None
    user_id: str | None = None
    web_url: str | None = None
    download_url: str | None = None
    data: str | None = None
    tags: list[str] | None = None
    permissions: list[StoragePermission] | None = None
    references: list[Reference] | None = None
    metadata: list[Metadata] | None = None
