"""The GraphQL endpoint: Strawberry's ASGI app with our per-request context."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from schema.context import Context
from schema.loaders import Loaders
from schema.schema import schema


class FrontlineGraphQL(GraphQL[Context, None]):
    """Builds the context from the session the DB middleware opened for this request."""

    def __init__(self, graphiql: bool = True, max_page_size: int = 100) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            allow_queries_via_get=True,
        )
        self.max_page_size = max_page_size

    async def get_context(self, request: Request | WebSocket, response: Response | Any) -> Context:
        session = request.state.session
        return Context(
            session=session,
            loaders=Loaders(session),
            max_page_size=self.max_page_size,
            request=request,
        )
