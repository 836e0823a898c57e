"""The sandbox's data: deterministic generated records for every category, and the catalogue.

``Dataset(seed, records)`` serves records of every object type in ``OBJECT_TYPES`` without
generating them up front; ``INTEGRATIONS`` is the integration catalogue.
"""

from __future__ import annotations

from ._dataset import OBJECT_TYPES, DataPage, Dataset
from .catalogue import INTEGRATIONS

__all__ = ["INTEGRATIONS", "OBJECT_TYPES", "DataPage", "Dataset"]
