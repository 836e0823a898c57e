"""E-commerce (Unified's ``commerce``): items (products), collections and inventory levels.

Inventory ``j`` counts item ``j // 2`` at one of two locations; an item's ``total_stock`` is
the sum of its inventories. Inventory records have ``updated_at`` but no ``created_at``.
"""

from __future__ import annotations

from typing import Any

from . import _vocab as v
from ._clock import iso
from ._ids import Numeric
from ._rng import Draw, mix
from ._shapes import MetaField, meta_id, metadata, organisation, stamps
from ._world import Kind, World, per

__all__ = ["KINDS", "item_name", "item_price"]

ITEM = ("ecommerce", "item")
COLLECTION = ("ecommerce", "collection")
INVENTORY = ("ecommerce", "inventory")
LOCATION = ("hr", "location")

_FIELDS = (
    MetaField("material", "TEXT", ("cotton", "recycled polyester", "steel", "bamboo")),
    MetaField("care_instructions", "TEXTAREA", ("Machine wash cold.", "Wipe clean.")),
)


def item_name(index: int) -> str:
    """Return the name of ecommerce item ``index`` (also used on invoice lines)."""
    adjective = v.PRODUCT_ADJECTIVES[mix(index) % len(v.PRODUCT_ADJECTIVES)]
    return f"{adjective} {v.PRODUCT_NOUNS[index % len(v.PRODUCT_NOUNS)][0]}"


def item_price(index: int) -> int:
    """Return the list price of ecommerce item ``index`` in cents."""
    return v.PRODUCT_NOUNS[index % len(v.PRODUCT_NOUNS)][2] * 100 + mix(index) % 4 * 25 - 1


def _available(w: World, inventory: int) -> int:
    return mix(w.salt(INVENTORY) ^ inventory) % 240


def _media(r: Draw, slug: str, alt: str) -> list[dict[str, Any]]:
    return [
        {
            "id": r.digits(11),
            "url": f"https://cdn.shopify.com/s/files/1/{r.digits(4)}/{slug}-{n}.jpg",
            "alt": alt,
            "type": "image",
            "width": 1200,
            "height": 1200,
            "position": n,
        }
        for n in range(1, r.between(1, 3) + 1)
    ]


def _item(w: World, index: int) -> dict[str, Any]:
    r = w.draw(ITEM, index)
    name = item_name(index)
    _, category, _ = v.PRODUCT_NOUNS[index % len(v.PRODUCT_NOUNS)]
    slug = v.slug(name, "-") + f"-{index}"
    currency = organisation(w).city.currency
    rec: dict[str, Any] = {"id": w.id(ITEM, index), **stamps(w, ITEM, r, 700), "name": name}
    if r.opt(0.3):
        rec["public_name"] = name
    if r.opt(0.6):
        rec["description"] = f"The {name.lower()}: built to last, made responsibly."
    if r.opt(0.3):
        rec["public_description"] = rec.get("description", name)
    rec["slug"] = slug
    if r.opt(0.7):
        rec["type"] = category
    if r.opt(0.5):
        rec["vendor_name"] = organisation(w).name
    if r.opt(0.4):
        rec["global_code"] = f"{r.between(100_000, 999_999)}{r.digits(7)}"
    rec["is_active"] = r.chance(0.95)
    for flag, p in (("is_featured", 0.2), ("is_visible", 0.9), ("is_taxable", 0.9)):
        if r.opt(0.5):
            rec[flag] = r.chance(p)
    service = category == "Grocery" and r.chance(0.3)
    if r.opt(0.6):
        rec["requires_shipping"] = not service
    price: dict[str, Any] = {"price": item_price(index) / 100, "currency": currency}
    if r.opt(0.2):
        price["compare_at_price"] = (item_price(index) + 1000) / 100
    rec["prices"] = [price]
    if r.opt(0.7):
        rec["media"] = _media(r, slug, name)
    if r.opt(0.6):
        collection = r.below(w.count(COLLECTION))
        rec["collections"] = [
            {
                "id": w.id(COLLECTION, collection),
                "name": _collection_name(collection),
                "type": "COLLECTION",
            }
        ]
    if r.opt(0.4):
        rec["tags"] = r.sample(("new", "sale", "bestseller", "eco", "limited"), r.between(1, 2))
    inventories = [j for j in (2 * index, 2 * index + 1) if j < w.count(INVENTORY)]
    if r.opt(0.8):
        rec["total_stock"] = sum(_available(w, j) for j in inventories)
    if r.opt(0.6):
        rec |= {"weight": r.between(1, 40) * 50, "weight_unit": "g"}
    if service or r.full:
        rec["duration"] = 30
    if inventories:
        rec["inventory_id"] = w.id(INVENTORY, inventories[0])
    if r.opt(0.4):
        rec["location_id"] = w.id(LOCATION, 0)
    if r.opt(0.3):
        rec["taxrate_id"] = r.digits(8)
    if r.opt(0.3):
        rec["account_id"] = w.id(("accounting", "account"), 0)
    if r.opt(0.2):
        rec["metadata"] = metadata(w, r, "item", _FIELDS)
    if r.opt(0.15):
        rec["raw"] = {
            "admin_graphql_api_id": f"gid://shopify/Product/{rec['id']}",
            "handle": slug,
            "status": "active" if rec["is_active"] else "archived",
        }
    return rec


def _collection_name(index: int) -> str:
    name = v.COLLECTIONS[index % len(v.COLLECTIONS)]
    return f"{name} {index // len(v.COLLECTIONS) + 1}" if index >= len(v.COLLECTIONS) else name


def _collection(w: World, index: int) -> dict[str, Any]:
    r = w.draw(COLLECTION, index)
    name = _collection_name(index)
    rec: dict[str, Any] = {
        "id": w.id(COLLECTION, index),
        **stamps(w, COLLECTION, r, 900),
        "name": name,
    }
    if r.opt(0.6):
        rec["description"] = f"Shop our {name.lower()}."
    if r.opt(0.4):
        rec["public_name"] = name
    if r.opt(0.3):
        rec["public_description"] = f"Discover {name.lower()}."
    rec["type"] = r.cycle(("COLLECTION", "SAVED_SEARCH", "CATEGORY"))
    if index and r.opt(0.2):
        rec["parent_id"] = w.id(COLLECTION, r.below(index))
    rec["is_active"] = True
    if r.opt(0.5):
        rec["is_featured"] = r.chance(0.3)
    if r.opt(0.6):
        rec["is_visible"] = True
    if r.opt(0.5):
        rec["media"] = _media(r, v.slug(name, "-"), name)[:1]
    if r.opt(0.3):
        rec["tags"] = [v.slug(name, "-")]
    if r.opt(0.2):
        rec["item_metadata"] = [
            {
                "id": meta_id(w, "item", f.slug),
                "slug": f.slug,
                "namespace": "item",
                "format": f.format,
                "description": "Shown on product pages",
                "is_required": False,
            }
            for f in _FIELDS
        ]
    if r.opt(0.1):
        rec["metadata"] = metadata(w, r, "collection", _FIELDS[1:])
    if r.opt(0.15):
        rec["raw"] = {
            "admin_graphql_api_id": f"gid://shopify/Collection/{rec['id']}",
            "sort_order": "best-selling",
        }
    return rec


def _inventory(w: World, index: int) -> dict[str, Any]:
    r = w.draw(INVENTORY, index)
    rec: dict[str, Any] = {"id": w.id(INVENTORY, index), "item_id": w.id(ITEM, index // 2)}
    if r.opt(0.4):
        rec["item_variant_id"] = r.digits(14)
    if r.opt(0.1):
        rec["item_option_id"] = r.digits(12)
    rec["location_id"] = w.id(LOCATION, index % 2 % w.count(LOCATION))
    rec["available"] = _available(w, index)
    rec["updated_at"] = iso(w.updated(INVENTORY, index))
    if r.opt(0.15):
        rec["raw"] = {"inventory_item_id": int(rec["id"]), "available": rec["available"]}
    return rec


KINDS = (
    Kind("ecommerce", "item", per(10), Numeric(13), _item),
    Kind("ecommerce", "collection", per(1000, 5), Numeric(12), _collection),
    Kind("ecommerce", "inventory", per(5), Numeric(14), _inventory, search=("id", "item_id")),
)
