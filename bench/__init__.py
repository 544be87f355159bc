"""Benchmark harness: synthetic corpus, load runs, report."""
