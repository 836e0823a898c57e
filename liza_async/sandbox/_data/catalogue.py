"""The integration catalogue: real-world integrations with Unified.to's Integration fields.

``categories`` use Liza's names (``hr``, ``ecommerce``, ``enrichment``, ``marketing``) and
``support`` is keyed ``"<category>_<object>"`` with the same names. Each object's support
lists the methods and the ``list_*`` capability flags (``supported``, ``not-supported``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._dataset import OBJECT_TYPES

__all__ = ["INTEGRATIONS"]


@attrs.frozen
class _Entry:
    type: str
    name: str
    categories: tuple[str, ...]
    web_url: str
    color: str
    popularity: int
    rate_limit: str
    description: str
    created_at: str
    token_names: tuple[str, ...] = ()
    text_color: str = "#ffffff"
    beta: bool = False
    featured: bool = False
    read_only: bool = False
    no_query: tuple[str, ...] = ()
    """Objects whose provider has no free-text search."""


_ENTRIES = (
    _Entry(
        "hubspot",
        "HubSpot",
        ("crm", "marketing", "ticketing"),
        "https://www.hubspot.com",
        "#ff7a59",
        98,
        "100 requests per 10 seconds per app",
        "Inbound marketing, sales and service CRM.",
        "2021-06-14",
        featured=True,
    ),
    _Entry(
        "salesforce",
        "Salesforce",
        ("crm",),
        "https://www.salesforce.com",
        "#00a1e0",
        97,
        "100,000 API requests per 24 hours (Enterprise)",
        "The world's most used CRM.",
        "2021-06-14",
        featured=True,
    ),
    _Entry(
        "pipedrive",
        "Pipedrive",
        ("crm",),
        "https://www.pipedrive.com",
        "#017737",
        80,
        "80 requests per 2 seconds per token",
        "Sales CRM and pipeline management.",
        "2021-09-02",
        token_names=("API token",),
    ),
    _Entry(
        "zohocrm",
        "Zoho CRM",
        ("crm",),
        "https://www.zoho.com/crm",
        "#e42527",
        70,
        "Credits per 24 hours depending on edition",
        "CRM for businesses of every size.",
        "2022-01-20",
    ),
    _Entry(
        "zendesk",
        "Zendesk",
        ("ticketing",),
        "https://www.zendesk.com",
        "#03363d",
        93,
        "700 requests per minute (Professional)",
        "Customer service and ticketing.",
        "2021-07-05",
        featured=True,
    ),
    _Entry(
        "freshdesk",
        "Freshdesk",
        ("ticketing",),
        "https://www.freshworks.com/freshdesk",
        "#25c16f",
        72,
        "Per-plan limits per minute, per account",
        "Helpdesk software.",
        "2022-03-11",
        token_names=("API key", "Domain"),
    ),
    _Entry(
        "intercom",
        "Intercom",
        ("ticketing", "messaging"),
        "https://www.intercom.com",
        "#1f8ded",
        78,
        "10,000 calls per minute per app",
        "Customer messaging platform.",
        "2022-05-19",
    ),
    _Entry(
        "jira",
        "Jira",
        ("task", "ticketing"),
        "https://www.atlassian.com/software/jira",
        "#0052cc",
        90,
        "Cost-based limits per hour",
        "Issue and project tracking.",
        "2021-08-23",
        no_query=("task_comment",),
    ),
    _Entry(
        "asana",
        "Asana",
        ("task",),
        "https://asana.com",
        "#f06a6a",
        82,
        "1,500 requests per minute (paid)",
        "Work management for teams.",
        "2021-10-07",
    ),
    _Entry(
        "mondaycom",
        "monday.com",
        ("task",),
        "https://monday.com",
        "#ff3d57",
        74,
        "Complexity budget per minute",
        "Work OS for projects and workflows.",
        "2022-08-30",
        beta=True,
        token_names=("API token",),
    ),
    _Entry(
        "googlecalendar",
        "Google Calendar",
        ("calendar",),
        "https://calendar.google.com",
        "#4285f4",
        95,
        "1,000,000 queries per day per project",
        "Google Workspace calendars.",
        "2021-11-15",
        featured=True,
    ),
    _Entry(
        "microsoftoutlook",
        "Microsoft Outlook Calendar",
        ("calendar",),
        "https://outlook.office.com/calendar",
        "#0078d4",
        88,
        "10,000 requests per 10 minutes per mailbox",
        "Microsoft 365 calendars via Graph.",
        "2021-11-15",
    ),
    _Entry(
        "slack",
        "Slack",
        ("messaging",),
        "https://slack.com",
        "#4a154b",
        96,
        "Tiered: 1 to 100+ requests per minute per method",
        "Channel-based team messaging.",
        "2021-12-01",
        featured=True,
        no_query=("messaging_channel",),
    ),
    _Entry(
        "microsoftteams",
        "Microsoft Teams",
        ("messaging",),
        "https://www.microsoft.com/microsoft-teams",
        "#6264a7",
        85,
        "Graph service limits per app per tenant",
        "Chat and meetings for Microsoft 365.",
        "2022-02-14",
    ),
    _Entry(
        "googledrive",
        "Google Drive",
        ("storage",),
        "https://drive.google.com",
        "#1fa463",
        91,
        "12,000 queries per minute per project",
        "Cloud file storage.",
        "2022-01-10",
    ),
    _Entry(
        "dropbox",
        "Dropbox",
        ("storage",),
        "https://www.dropbox.com",
        "#0061ff",
        83,
        "Per-app limits per minute",
        "File hosting and sync.",
        "2022-01-10",
    ),
    _Entry(
        "box",
        "Box",
        ("storage",),
        "https://www.box.com",
        "#0061d5",
        71,
        "1,000 requests per minute per user",
        "Content cloud for enterprises.",
        "2022-06-01",
    ),
    _Entry(
        "greenhouse",
        "Greenhouse",
        ("ats",),
        "https://www.greenhouse.com",
        "#24a47f",
        89,
        "50 requests per 10 seconds",
        "Hiring software.",
        "2021-06-30",
        token_names=("Harvest API key",),
        read_only=True,
    ),
    _Entry(
        "lever",
        "Lever",
        ("ats",),
        "https://www.lever.co",
        "#1f2937",
        77,
        "10 requests per second per key",
        "Talent acquisition suite.",
        "2021-09-15",
        token_names=("API key",),
    ),
    _Entry(
        "workday",
        "Workday",
        ("hr", "ats"),
        "https://www.workday.com",
        "#005cb9",
        86,
        "Tenant-specific",
        "Enterprise HR, payroll and recruiting.",
        "2022-04-04",
        beta=True,
        token_names=("Tenant", "Username", "Password"),
    ),
    _Entry(
        "bamboohr",
        "BambooHR",
        ("hr",),
        "https://www.bamboohr.com",
        "#73c41d",
        84,
        "Undisclosed; 503 with Retry-After when exceeded",
        "HR software for small and medium businesses.",
        "2021-07-20",
        token_names=("API key", "Subdomain"),
    ),
    _Entry(
        "gusto",
        "Gusto",
        ("hr",),
        "https://gusto.com",
        "#f45d48",
        73,
        "200 requests per minute per token",
        "Payroll, benefits and HR.",
        "2022-09-12",
    ),
    _Entry(
        "quickbooks",
        "QuickBooks Online",
        ("accounting",),
        "https://quickbooks.intuit.com",
        "#2ca01c",
        94,
        "500 requests per minute per company",
        "Small-business accounting.",
        "2021-08-02",
        featured=True,
    ),
    _Entry(
        "xero",
        "Xero",
        ("accounting",),
        "https://www.xero.com",
        "#13b5ea",
        87,
        "60 calls per minute and 5,000 per day per tenant",
        "Online accounting software.",
        "2021-08-02",
    ),
    _Entry(
        "netsuite",
        "NetSuite",
        ("accounting",),
        "https://www.netsuite.com",
        "#125580",
        76,
        "Concurrency limits per account",
        "Cloud ERP by Oracle.",
        "2022-10-03",
        beta=True,
        token_names=("Account ID", "Consumer key", "Consumer secret", "Token ID", "Token secret"),
    ),
    _Entry(
        "shopify",
        "Shopify",
        ("ecommerce",),
        "https://www.shopify.com",
        "#95bf47",
        92,
        "2 requests per second (leaky bucket of 40)",
        "E-commerce platform.",
        "2021-10-25",
        featured=True,
    ),
    _Entry(
        "woocommerce",
        "WooCommerce",
        ("ecommerce",),
        "https://woocommerce.com",
        "#7f54b3",
        75,
        "Depends on the store's hosting",
        "Open-source commerce for WordPress.",
        "2022-02-28",
        token_names=("Store URL", "Consumer key", "Consumer secret"),
    ),
    _Entry(
        "bigcommerce",
        "BigCommerce",
        ("ecommerce",),
        "https://www.bigcommerce.com",
        "#121118",
        68,
        "150 to 450 requests per 30 seconds by plan",
        "SaaS e-commerce.",
        "2022-07-18",
    ),
    _Entry(
        "mailchimp",
        "Mailchimp",
        ("marketing",),
        "https://mailchimp.com",
        "#ffe01b",
        90,
        "10 simultaneous connections per user",
        "Email marketing platform.",
        "2021-09-28",
        text_color="#241c15",
        token_names=("API key",),
    ),
    _Entry(
        "klaviyo",
        "Klaviyo",
        ("marketing",),
        "https://www.klaviyo.com",
        "#232426",
        79,
        "Per-endpoint burst and steady limits",
        "Marketing automation for e-commerce.",
        "2022-11-07",
        token_names=("Private API key",),
    ),
    _Entry(
        "activecampaign",
        "ActiveCampaign",
        ("marketing", "crm"),
        "https://www.activecampaign.com",
        "#356ae6",
        69,
        "5 requests per second per account",
        "Email marketing and sales automation.",
        "2023-01-16",
        token_names=("API URL", "API key"),
    ),
    _Entry(
        "clearbit",
        "Clearbit",
        ("enrichment",),
        "https://clearbit.com",
        "#3b82f6",
        81,
        "600 requests per minute",
        "B2B data enrichment.",
        "2022-03-21",
        token_names=("Secret API key",),
    ),
    _Entry(
        "apollo",
        "Apollo.io",
        ("enrichment", "crm"),
        "https://www.apollo.io",
        "#ffcb05",
        74,
        "Per-plan limits per minute, hour and day",
        "Sales intelligence and engagement.",
        "2023-03-06",
        text_color="#0f172a",
        token_names=("API key",),
    ),
    _Entry(
        "peopledatalabs",
        "People Data Labs",
        ("enrichment",),
        "https://www.peopledatalabs.com",
        "#7c3aed",
        62,
        "100 requests per minute (free)",
        "Person and company data APIs.",
        "2023-05-22",
        beta=True,
        token_names=("API key",),
    ),
)


def _support(entry: _Entry, category: str, object_type: str) -> dict[str, Any]:
    lookup = category == "enrichment"
    methods = {"list": not lookup, "get": not lookup}
    if not entry.read_only and not lookup:
        methods |= {"create": True, "update": True, "remove": True}
    if lookup:
        flags = {
            "search_email": "supported",
            "search_domain": "supported",
            "search_name": "supported",
        }
        return {"methods": {"list": True}, "raw_objects": [object_type], **flags}
    searchable = f"{category}_{object_type}" not in entry.no_query
    return {
        "methods": methods,
        "raw_objects": [object_type],
        "list_limit": "supported",
        "list_offset": "supported",
        "list_updated_gte": "supported",
        "list_query": "supported" if searchable else "not-supported",
        "list_sort_by_updated_at": "supported",
    }


def _integration(entry: _Entry) -> Mapping[str, Any]:
    day = int(entry.created_at[-2:])
    data: dict[str, Any] = {
        "type": entry.type,
        "name": entry.name,
        "categories": list(entry.categories),
        "description": entry.description,
        "logo_url": f"https://api.unified.to/docs/images/{entry.type}.png",
        "web_url": entry.web_url,
        "api_docs_url": f"https://docs.unified.to/integrations/{entry.type}",
        "color": entry.color,
        "text_color": entry.text_color,
        "is_active": True,
        "beta": entry.beta,
        "featured": entry.featured,
        "popularity": entry.popularity,
        "rate_limit_description": entry.rate_limit,
        "created_at": entry.created_at,
        "updated_at": f"2025-0{day % 6 + 1}-{day % 27 + 1:02d}",
        "support": {
            f"{category}_{object_type}": _support(entry, category, object_type)
            for category in entry.categories
            for object_type in OBJECT_TYPES[category]
        },
    }
    if entry.token_names:
        data["token_names"] = list(entry.token_names)
    return data


INTEGRATIONS: tuple[Mapping[str, Any], ...] = tuple(_integration(e) for e in _ENTRIES)
"""The catalogue, in a fixed order (treat the entries as read-only)."""
