"""The ceiling of the stack: bare Starlette answering a precomputed body of the same size.

Run as `uvicorn bench.ceiling:app` with CEILING_BODY_FILE naming the bytes to answer with.
"""

import os
import pathlib

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = pathlib.Path(os.environ.get("CEILING_BODY_FILE", os.devnull)).read_bytes()


async def answer(request: Request) -> Response:
    await request.body()  # read the query like a GraphQL server would, then ignore it
    return Response(BODY, media_type="application/json")


app = Starlette(routes=[Route("/graphql", answer, methods=["GET", "POST"])])
