"""The per-request GraphQL context: the request's session and its loaders."""

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info as StrawberryInfo

from schema.loaders import Loaders


@dataclasses.dataclass
class RateLimitStatus:
    """The caller's rate-limit window after this request was charged (set by the HTTP layer)."""

    limit: int
    remaining: int
    reset_at: dt.datetime
    cost: int


@dataclasses.dataclass
class Context:
    """Everything a resolver may use; built fresh for each request."""

    session: AsyncSession
    loaders: Loaders
    max_page_size: int = 100
    request: Any = None
    rate_limit: RateLimitStatus | None = None
    principal: Any = None  # api.auth.Principal: who is calling, with which scopes


Info = StrawberryInfo[Context, None]
