"""The GraphQL API: Strawberry types, root Query, context and per-request loaders."""
