"""E-commerce records: items (products), collections of items, and inventory levels."""

import attrs

from ._base import Model, OpenEnum, Record, register
from .common import Metadata, Reference

__all__ = [
    "EcommerceCollection",
    "EcommerceCollectionType",
    "EcommerceInventory",
    "EcommerceItem",
    "EcommerceMedia",
    "EcommerceMediaType",
    "EcommerceMetadata",
    "EcommercePrice",
    "EcommerceWeightUnit",
]


class EcommerceMediaType(OpenEnum):
    """Whether a media entry is a picture or a video (lower-case on the wire)."""

    IMAGE = "image"
    VIDEO = "video"


class EcommerceWeightUnit(OpenEnum):
    """The unit of an item's weight (lower-case on the wire)."""

    G = "g"
    KG = "kg"
    OZ = "oz"
    LB = "lb"


class EcommerceCollectionType(OpenEnum):
    """How a collection is made: by hand, by a saved search, or as a category."""

    COLLECTION = "COLLECTION"
    SAVED_SEARCH = "SAVED_SEARCH"
    CATEGORY = "CATEGORY"


@attrs.define(kw_only=True)
class EcommerceMetadata(Metadata):
    """A custom field of a store, with its description and whether it must be filled in."""

    description: str | None = None
    is_required: bool | None = None


@attrs.define(kw_only=True)
class EcommercePrice(Model):
    """A price of an item.

    Attributes:
        compare_at_price: The former or list price shown struck through next to ``price``.
    """

    price: float | None = None
    compare_at_price: float | None = None
    currency: str | None = None


@attrs.define(kw_only=True)
class EcommerceMedia(Model):
    """A picture or video of an item or a collection.

    Attributes:
        alt: The alternative text.
        position: Its place in the gallery.
    """

    url: str | None = None
    alt: str | None = None
    type: EcommerceMediaType | str | None = None
    width: float | None = None
    height: float | None = None
    position: float | None = None
    id: str | None = None
    metadata: list[EcommerceMetadata] | None = None


@register("ecommerce", "item")
@attrs.define(kw_only=True)
class EcommerceItem(Record):
    """A product sold in a store.

    Attributes:
        public_name: The name shown to shoppers (``name`` may be internal); likewise
            ``public_description``.
        global_code: A global trade code (GTIN, UPC, EAN, ISBN).
        total_stock: Units in stock across all locations.
        duration: How long a service item lasts.
    """

    name: str | None = None
    public_name: str | None = None
    description: str | None = None
    public_description: str | None = None
    slug: str | None = None
    type: str | None = None
    vendor_name: str | None = None
    global_code: str | None = None
    is_active: bool | None = None
    is_featured: bool | None = None
    is_visible: bool | None = None
    is_taxable: bool | None = None
    requires_shipping: bool | None = None
    prices: list[EcommercePrice] | None = None
    media: list[EcommerceMedia] | None = None
    collections: list[Reference] | None = None
    tags: list[str] | None = None
    total_stock: float | None = None
    weight: float | None = None
    weight_unit: EcommerceWeightUnit | str | None = None
    duration: float | None = None
    inventory_id: str | None = None
    location_id: str | None = None
    taxrate_id: str | None = None
    account_id: str | None = None
    metadata: list[EcommerceMetadata] | None = None


@register("ecommerce", "collection")
@attrs.define(kw_only=True)
class EcommerceCollection(Record):
    """A group of items: a collection, a category, a saved search.

    Attributes:
        parent_id: The collection this one is nested in.
        item_metadata: The custom fields its items carry.
    """

    name: str | None = None
    description: str | None = None
    public_name: str | None = None
    public_description: str | None = None
    type: EcommerceCollectionType | str | None = None
    parent_id: str | None = None
    is_active: bool | None = None
    is_featured: bool | None = None
    is_visible: bool | None = None
    media: list[EcommerceMedia] | None = None
    tags: list[str] | None = None
    item_metadata: list[EcommerceMetadata] | None = None
    metadata: list[EcommerceMetadata] | None = None


@register("ecommerce", "inventory")
@attrs.define(kw_only=True)
class EcommerceInventory(Record):
    """The stock level of an item (or a variant or option of it) at a location.

    The API sends no ``created_at`` for inventory, so it stays ``None``.

    Attributes:
        available: Units available.
    """

    item_id: str | None = None
    item_variant_id: str | None = None
    item_option_id: str | None = None
    location_id: str | None = None
    available: float | None = None
