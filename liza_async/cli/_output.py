"""Where ``liza export`` writes: stdout, or a file that only appears once it is complete.

A file export writes ``FILE.part`` next to the target. After each batch it flushes the part file;
then, at most every :data:`CHECKPOINT_INTERVAL` seconds and whenever the export stops (Ctrl-C, a
failure), it atomically replaces ``FILE.checkpoint.json``, which holds the export's checkpoint
and the length of the part file at that moment. When the export completes, the part file is
fsynced and renamed onto the target, and the checkpoint removed: the target never exists
half-written. To resume, the part file is cut back to the recorded length and the export
continues from the checkpoint, appending; after a kill, at most the last interval's pages are
fetched again.

Why not a checkpoint per batch: replacing a file costs a journal commit (about 1.6 ms per batch
on ext4 while the part file grows, most of a 100-page/s budget's headroom), and a checkpoint a
fraction of a second older loses nothing. Without an fsync per checkpoint a power cut may lose
the newest batches; a part file shorter than its checkpoint is then refused, not resumed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import IO

import attrs

from .._errors import LizaError, LizaValidationError
from .._export import ExportCheckpoint

__all__ = ["CHECKPOINT_INTERVAL", "FileOutput", "Output", "SavedExport", "StdoutOutput"]

CHECKPOINT_INTERVAL = 0.5
"""Seconds between two checkpoint files while an export runs."""

_VERSION = 1


@attrs.frozen
class SavedExport:
    """What the checkpoint file holds.

    Attributes:
        format: ``jsonl`` or ``csv``.
        output_bytes: The length of the part file when the checkpoint was written.
        columns: The CSV data columns, once the header is written.
        checkpoint: Where the export stands.
    """

    format: str
    output_bytes: int
    columns: tuple[str, ...] | None
    checkpoint: ExportCheckpoint

    def to_json(self) -> str:
        """Return the document stored in the checkpoint file."""
        return json.dumps(
            {
                "liza_export": _VERSION,
                "format": self.format,
                "output_bytes": self.output_bytes,
                "columns": self.columns,
                "checkpoint": json.loads(self.checkpoint.to_json()),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> SavedExport:
        """Read a checkpoint file's document.

        Args:
            text: The document.

        Returns:
            The saved state.

        Raises:
            LizaValidationError: It is not a checkpoint file of this version.
        """
        try:
            data = json.loads(text)
            if data.pop("liza_export") != _VERSION:
                raise ValueError("another version")
            columns = data["columns"]
            return cls(
                format=str(data["format"]),
                output_bytes=int(data["output_bytes"]),
                columns=None if columns is None else tuple(map(str, columns)),
                checkpoint=ExportCheckpoint.from_json(json.dumps(data["checkpoint"])),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise LizaValidationError("checkpoint file", f"unreadable ({error})") from None


class StdoutOutput:
    """Records to standard output: nothing to resume, nothing to rename."""

    name = "stdout"
    resumable = False

    def open(self, saved: SavedExport | None) -> IO[bytes]:
        """Return stdout's binary stream."""
        return sys.stdout.buffer

    def commit(self, file: IO[bytes], saved: SavedExport, *, final: bool = False) -> None:
        """Flush what was written."""
        file.flush()

    def complete(self, file: IO[bytes]) -> None:
        """Flush the end."""
        file.flush()

    def close(self, file: IO[bytes]) -> None:
        """Leave stdout open."""


class FileOutput:
    """A target file written through ``TARGET.part`` and ``TARGET.checkpoint.json``.

    Args:
        target: The file to produce.
    """

    resumable = True

    def __init__(self, target: Path) -> None:
        self.target = target
        self.name = str(target)
        self.part = target.with_name(target.name + ".part")
        self.checkpoint_file = target.with_name(target.name + ".checkpoint.json")
        self._next_checkpoint = 0.0

    def load(self) -> SavedExport | None:
        """Read the checkpoint of an interrupted export, if there is one with its part file.

        Returns:
            The saved state, or ``None``.

        Raises:
            LizaValidationError: The checkpoint file is unreadable.
        """
        try:
            text = self.checkpoint_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        if not self.part.exists():
            return None
        return SavedExport.from_json(text)

    def open(self, saved: SavedExport | None) -> IO[bytes]:
        """Open the part file: new, or cut back to the saved length to continue it.

        Args:
            saved: The state to continue from, or ``None`` to start afresh.

        Returns:
            The part file, positioned at its end.

        Raises:
            LizaError: The part file is shorter than the checkpoint says.
            OSError: The file cannot be opened.
        """
        if saved is None:
            with contextlib.suppress(FileNotFoundError):
                self.checkpoint_file.unlink()
            return open(self.part, "wb")
        file = open(self.part, "r+b")  # noqa: SIM115 - closed by close()
        size = file.seek(0, os.SEEK_END)
        if size < saved.output_bytes:
            file.close()
            raise LizaError(
                f"{self.part} holds {size} bytes but its checkpoint recorded "
                f"{saved.output_bytes}; start over without --resume"
            )
        file.truncate(saved.output_bytes)
        file.seek(saved.output_bytes)
        return file

    def commit(self, file: IO[bytes], saved: SavedExport, *, final: bool = False) -> None:
        """Flush the part file; record atomically how far it is complete, if it is time to.

        Args:
            file: The part file.
            saved: The state now.
            final: Record it whatever the time (the export stops).
        """
        file.flush()
        now = time.monotonic()
        if not final and now < self._next_checkpoint:
            return
        self._next_checkpoint = now + CHECKPOINT_INTERVAL
        temporary = self.checkpoint_file.with_name(self.checkpoint_file.name + ".tmp")
        temporary.write_text(saved.to_json(), encoding="utf-8")
        os.replace(temporary, self.checkpoint_file)

    def complete(self, file: IO[bytes]) -> None:
        """Make the part file durable, rename it onto the target, and drop the checkpoint.

        Args:
            file: The part file.
        """
        file.flush()
        os.fsync(file.fileno())
        file.close()
        os.replace(self.part, self.target)
        _sync_directory(self.target.parent)
        with contextlib.suppress(FileNotFoundError):
            self.checkpoint_file.unlink()

    def close(self, file: IO[bytes]) -> None:
        """Close the part file, keeping it and its checkpoint for a resume."""
        with contextlib.suppress(OSError):  # unflushed bytes lie past the checkpoint anyway
            file.close()


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; a no-op where directories can't be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


Output = StdoutOutput | FileOutput
