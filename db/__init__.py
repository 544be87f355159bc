"""Persistence: models, engine and sessions, query functions and migrations."""
