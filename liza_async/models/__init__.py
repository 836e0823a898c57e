"""liza's models: the API's own objects and typed records for every category."""

from ._base import Model, OpenEnum, Record, model_for, register, registered_models
from .common import Address, Email, EmailType, Metadata, MetadataFormat, Telephone, TelephoneType
from .core import (
    CallbackRequest,
    Connection,
    ConnectRequest,
    ConnectSession,
    Integration,
    PassthroughRequest,
    PassthroughResponse,
)

__all__ = [
    "Model",
    "OpenEnum",
    "Record",
    "model_for",
    "register",
    "registered_models",
    "Address",
    "Email",
    "EmailType",
    "Metadata",
    "MetadataFormat",
    "Telephone",
    "TelephoneType",
    "CallbackRequest",
    "ConnectRequest",
    "ConnectSession",
    "Connection",
    "Integration",
    "PassthroughRequest",
    "PassthroughResponse",
]
