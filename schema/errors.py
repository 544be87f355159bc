"""Errors clients may see; anything else is masked and logged."""

import logging

from graphql.error import GraphQLError

from db.engine import UNAVAILABLE

logger = logging.getLogger("frontline.graphql")


class PublicError(Exception):
    """A problem with the request that the client can fix; its message is shown as is."""


def should_mask_error(error: GraphQLError) -> bool:
    """Mask unexpected exceptions (after logging them); keep syntax, validation and PublicError."""
    original = error.original_error
    if original is None or isinstance(original, PublicError | GraphQLError):
        return False
    if isinstance(original, UNAVAILABLE):
        return False  # not a bug: api/graphql.py turns it into a 503 for the whole request
    logger.error("unexpected error in GraphQL resolver", exc_info=original)
    return True
