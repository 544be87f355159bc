"""The per-request GraphQL context: the request's session and its loaders."""

import dataclasses
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info as StrawberryInfo

from schema.loaders import Loaders


@dataclasses.dataclass
class Context:
    """Everything a resolver may use; built fresh for each request."""

    session: AsyncSession
    loaders: Loaders
    max_page_size: int = 100
    request: Any = None


Info = StrawberryInfo[Context, None]
