"""Plain synchronous code using liza: no event loop in sight.

Lists the connections, looks up a contact, fetches one page of deals, and makes a passthrough
call to the CRM behind the connection. ``Liza`` runs the same implementation as ``AsyncLiza``
on a private event loop thread, so this also works inside Jupyter or a web handler.

Run it against the sandbox:

    liza sandbox --port 8765 &
    export LIZA_API_TOKEN=liza_mcp_sandbox LIZA_BASE_URL=http://127.0.0.1:8765/api
    python examples/sync_legacy.py
"""

from __future__ import annotations

from liza_sync import Category, CrmContact, CrmDeal, Liza, NotFoundError, RateLimitError


def main() -> None:
    with Liza() as liza:  # token and base URL from the environment
        for connection in liza.connections.list():
            print(f"{connection.integration_type:<16} {connection.id}")
        crm = next(c for c in liza.connections.list() if Category.CRM in (c.categories or []))
        crm_id = crm.id or ""

        contacts = liza.records.list(crm_id, CrmContact, limit=5, query="a")
        for contact in contacts:
            print(contact.name, contact.emails[0].email if contact.emails else "-")

        deals = liza.records.list(crm_id, CrmDeal, limit=3)
        print(f"{deals.total} deals; first: {deals.items[0].name} ({deals.items[0].amount})")

        try:
            liza.connections.get("no-such-connection")
        except NotFoundError as error:
            print("not found, as expected:", error.status_code, error.message)
        except RateLimitError as error:
            print("slow down for", error.retry_after, "seconds")

        answer = liza.passthrough.request(
            crm_id, "GET", "/crm/v3/objects/contacts", data={"limit": 2}
        )
        answer.raise_for_status()
        print("passthrough:", answer.status, [r["id"] for r in answer.json()["results"]])


if __name__ == "__main__":
    main()
