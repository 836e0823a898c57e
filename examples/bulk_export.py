"""Export every contact of a CRM connection to JSON Lines: concurrent, ordered, resumable.

Pages are fetched at concurrent offsets and written in order, batch by batch, in bounded memory.
After each batch the export's checkpoint and the output's length are saved next to the output; if
the run stops (network, server, Ctrl-C, a crash), running the script again cuts the output back to
the last saved length and continues exactly where it stopped: no record lost, none written twice.

Run it against the sandbox:

    liza sandbox --port 8765 --records 100000 &
    export LIZA_API_TOKEN=liza_mcp_sandbox LIZA_BASE_URL=http://127.0.0.1:8765/api
    python examples/bulk_export.py contacts.jsonl
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from pathlib import Path

from liza_async import AsyncLiza, Category, ExportCheckpoint, ExportError, LizaError
from liza_async.writers import JsonlWriter


async def export_contacts(output: Path) -> int:
    checkpoint_file = output.with_name(output.name + ".checkpoint.json")
    checkpoint, length = None, 0
    if checkpoint_file.exists():
        saved = json.loads(checkpoint_file.read_text())
        checkpoint, length = ExportCheckpoint.from_json(saved["checkpoint"]), saved["bytes"]
        print(f"resuming after {checkpoint.delivered} records")
    async with AsyncLiza() as liza:  # token and base URL from the environment
        connections = await liza.connections.list()
        crm = next(c for c in connections if Category.CRM in (c.categories or []))
        export = liza.records.export(
            crm.id or "", "crm", "contact", concurrency=4, checkpoint=checkpoint
        )
        with output.open("r+b" if checkpoint else "wb") as file:
            file.truncate(length)
            file.seek(length)
            writer = JsonlWriter(file)
            try:
                async for batch in export.raw_batches():
                    writer.write(batch)
                    file.flush()
                    os.fsync(file.fileno())
                    state = {"checkpoint": export.checkpoint.to_json(), "bytes": file.tell()}
                    temporary = checkpoint_file.with_suffix(".tmp")
                    temporary.write_text(json.dumps(state))
                    temporary.replace(checkpoint_file)  # atomic: never half a checkpoint
            except LizaError as error:  # ExportError, or any other failure after retries
                cause = error.cause if isinstance(error, ExportError) else error
                print(f"stopped: {cause}; run again to resume")
                return 1
    checkpoint_file.unlink(missing_ok=True)
    stats = export.stats
    print(
        f"{export.checkpoint.delivered} contacts exported; this run: {stats.records} in "
        f"{stats.elapsed:.1f} s ({stats.records / max(stats.elapsed, 1e-9):,.0f}/s), "
        f"{stats.retries} retries"
    )
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="the JSON Lines file to write")
    raise SystemExit(asyncio.run(export_contacts(parser.parse_args().output)))
