"""The ``liza`` logger, and ``LIZA_LOG=debug|info`` to turn it on without code."""

from __future__ import annotations

import logging
import os

__all__ = ["configure_from_env", "logger"]

logger = logging.getLogger("liza")
_configured = False


def configure_from_env() -> None:
    """Apply ``LIZA_LOG`` once: ``debug`` or ``info`` logs liza's lines to stderr.

    Lines never carry the token or any header: one line per attempt (method, URL, status, elapsed,
    attempt number) at DEBUG.
    """
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("LIZA_LOG", "").strip().upper()
    if level not in ("DEBUG", "INFO"):
        return
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
