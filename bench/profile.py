"""Summaries of py-spy raw profiles (`py-spy record -f raw`): where the samples fall."""

import collections
import pathlib
from typing import Any

# By where a frame's code lives (py-spy names files relative to their sys.path entry); the
# innermost frame that matches decides, the first matching prefix wins.
AREAS = (
    ("extractor (ingest/extract)", "ingest/extract/"),
    ("database (SQLAlchemy, psycopg)", "sqlalchemy/"),
    ("database (SQLAlchemy, psycopg)", "psycopg/"),
    ("intake and pipeline (ingest/)", "ingest/"),
)


def _samples(path: pathlib.Path) -> list[tuple[list[str], int]]:
    samples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            samples.append((stack.split(";"), int(count)))
    return samples


def _where(frame: str) -> str:
    return frame.partition(" (")[2]


def _area(frames: list[str]) -> str:
    for frame in reversed(frames):
        for name, prefix in AREAS:
            if _where(frame).startswith(prefix):
                return name
    return "other"


def summarize(path: pathlib.Path, within: str, top: int = 12) -> dict[str, Any]:
    """Share of the CPU samples taken inside the function `within` per area, and the
    functions of ours (inclusive) that hold the most of them."""
    samples = [s for s in _samples(path) if any(f.startswith(f"{within} (") for f in s[0])]
    total = sum(count for _, count in samples) or 1
    areas: collections.Counter[str] = collections.Counter()
    ours: collections.Counter[str] = collections.Counter()
    for frames, count in samples:
        areas[_area(frames)] += count
        seen = set()
        for frame in frames:
            name, _, where = frame.partition(" (")
            if not where.startswith(("ingest/", "db/", "api/")):
                continue
            label = f"{name} ({where.split(':')[0]})"
            if label not in seen:
                seen.add(label)
                ours[label] += count
    return {
        "samples": total,
        "areas": {k: round(100 * v / total, 1) for k, v in areas.most_common()},
        "top": [(k, round(100 * v / total, 1)) for k, v in ours.most_common(top)],
    }
