"""REST: GET /v1/export, the whole dataset as a streamed NDJSON dump or a zip of CSVs."""

import os
import pathlib
import tempfile
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import FileResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from api.errors import problem
from api.params import Param, ParamError, one_of, parse_params
from db.dump import begin_snapshot, database_revision, iter_dump, write_zip

FORMATS = ("ndjson", "zip")
CHUNK_BYTES = 64 * 1024


async def _chunks(lines: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """Whole lines grouped into ~64 KiB chunks: far fewer sends than one per row."""
    buffer: list[bytes] = []
    size = 0
    async for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)


def _remove(path: str | os.PathLike[str]) -> None:
    pathlib.Path(path).unlink(missing_ok=True)


class _TemporaryFileResponse(FileResponse):
    """A FileResponse whose file is deleted once the response ends, even if the client left.

    (A BackgroundTask would not run when sending fails half way, and the file would stay.)
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            _remove(self.path)


async def export_dataset(request: Request) -> Response:
    """Every table: `format=ndjson` (default, what `frontline import` reads) or `format=zip`."""
    spec = {"format": Param(one_of(*FORMATS), expects="ndjson or zip")}
    try:
        kind = parse_params(request.query_params, spec).get("format", "ndjson")
    except ParamError as error:
        return problem(error.status, error.detail, parameter=error.param)

    # The middleware's session lives until the response has been sent, stream included.
    session = request.state.session
    if session.in_transaction():
        # The ETag middleware has read the data version: end that read-only transaction so the
        # dump can start a fresh one that is a single snapshot (REPEATABLE READ on PostgreSQL).
        await session.rollback()
    await begin_snapshot(session)
    # Fail here, as a logged 500, rather than after the stream's 200 has gone out.
    await database_revision(session)
    if kind == "ndjson":
        return StreamingResponse(
            _chunks(iter_dump(session)),
            media_type="application/x-ndjson",
            headers={"content-disposition": 'attachment; filename="frontline-facts.ndjson"'},
        )

    # A zip's directory comes last, so it is built on disk first, then sent and deleted.
    with tempfile.NamedTemporaryFile(prefix="frontline-export-", suffix=".zip", delete=False) as f:
        path = f.name
    try:
        await write_zip(session, path)
    except BaseException:
        _remove(path)
        raise
    return _TemporaryFileResponse(
        path, media_type="application/zip", filename="frontline-facts.zip"
    )
