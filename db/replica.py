"""Read replica routing: read-only requests SELECT from the replica, the rest use the primary."""

from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.sql.elements import ClauseElement

# Credentials are read from the primary: a revoked key must stop at once, not after the lag.
PRIMARY_ONLY_TABLES = frozenset({"api_keys", "api_key_usage"})


def _touches_primary_only(mapper: Any, clause: ClauseElement) -> bool:
    if (
        isinstance(mapper, Mapper)
        and getattr(mapper.local_table, "name", None) in PRIMARY_ONLY_TABLES
    ):
        return True
    froms = clause.get_final_froms() if isinstance(clause, Select) else []
    names = {getattr(table, "name", None) for table in froms}
    return not names.isdisjoint(PRIMARY_ONLY_TABLES)


class RoutingSession(Session):
    """A session that sends a read-only request's SELECTs to `info["replica"]`.

    `info["read_only"]` is set per request by the web layer (GET/HEAD REST routes, GraphQL
    query operations); everything else, flushes included, uses the session's own engine.
    """

    def get_bind(
        self,
        mapper: Any = None,
        *,
        clause: ClauseElement | None = None,
        **kw: Any,
    ) -> Engine | Connection:
        replica: Engine | None = self.info.get("replica")
        if (
            replica is not None
            and self.info.get("read_only")
            and not self._flushing
            and isinstance(clause, Select)
            and not _touches_primary_only(mapper, clause)
        ):
            return replica
        return super().get_bind(mapper, clause=clause, **kw)


def mark_read_only(session: Any) -> None:
    """Let this session's SELECTs use the replica (a no-op without one)."""
    session.info["read_only"] = True
