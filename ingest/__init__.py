"""Turning article text into stored, sourced facts; no web imports here."""
