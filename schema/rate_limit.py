"""The caller's rate-limit window, GitHub's `rateLimit` field: read from the request context."""

import datetime as dt

import strawberry

from schema.context import Info, RateLimitStatus


@strawberry.type(description="The caller's rate-limit window, after this query was charged.")
class RateLimit:
    limit: int = strawberry.field(description="Points the caller may spend in one window.")
    cost: int = strawberry.field(
        description="Points this query cost: nodes it may return / 100, rounded up, at least 1."
    )
    remaining: int = strawberry.field(description="Points left in the current window.")
    reset_at: dt.datetime = strawberry.field(
        description="When the window resets and `remaining` is back to `limit`."
    )

    @classmethod
    def build(cls, status: RateLimitStatus) -> "RateLimit":
        return cls(
            limit=status.limit,
            cost=status.cost,
            remaining=status.remaining,
            reset_at=status.reset_at,
        )


def resolve_rate_limit(info: Info) -> RateLimit | None:
    """The window the HTTP layer put on the context; null when it does not rate-limit.

    The HTTP layer charges a query before it runs and records the result in
    `info.context.rate_limit`; without rate limiting (None there) there is no window to report,
    so the field is null rather than made-up numbers.
    """
    status = info.context.rate_limit
    return RateLimit.build(status) if status is not None else None
