"""The HTTP service: app factory, settings, middleware, endpoints and the CLI."""
