"""``liza.integrations``: the catalogue of integrations that can be connected."""

from __future__ import annotations

import builtins
from collections.abc import Mapping

from .._config import Timeout
from .._types import NOT_GIVEN, NotGiven
from ..models import Integration
from ._base import AsyncResource

__all__ = ["AsyncIntegrations"]


class AsyncIntegrations(AsyncResource):
    """The integrations (third-party systems) a Liza account can connect to."""

    async def list(
        self,
        *,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[Integration]:
        """List the available integrations.

        Example::

            integrations = await liza.integrations.list()
            crm = [i.type for i in integrations if "crm" in (i.categories or [])]

        Args:
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retries for this call.
            extra_headers: Headers for this call only.

        Returns:
            Every integration, with its categories and Unified.to's metadata.

        Raises:
            APIStatusError: The API answered with an error status (a subclass per status).
            APIConnectionError: No answer (``APITimeoutError`` on a timeout).
            ResponseDecodeError: The answer is not a list of integrations.
        """
        response = await self._client._request(
            "GET", (), timeout=timeout, max_retries=max_retries, extra_headers=extra_headers
        )
        return self._client._decode_list(response, Integration)[0]
