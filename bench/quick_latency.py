"""Sequential latency of a few key requests against a running server (a smoke benchmark).

Usage: `FRONTLINE_ANONYMOUS_RATE=1000000/minute frontline serve --port 8011 --no-access-log`
in one shell (the default anonymous limit is 60/minute), then
`python bench/quick_latency.py [http://127.0.0.1:8011]`. The full harness is issue 6's work.
"""

import pathlib
import statistics
import sys
import time
from collections.abc import Callable

import httpx2 as httpx

HEADLINE = (pathlib.Path(__file__).resolve().parents[1] / "tests" / "headline.graphql").read_text()


def run(label: str, call: Callable[[], object], n: int = 300) -> None:
    call()
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(
        f"{label}: n={n} p50={timings[n // 2]:.2f}ms p95={timings[int(n * 0.95)]:.2f}ms "
        f"mean={statistics.mean(timings):.2f}ms"
    )


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8011"
    with httpx.Client(base_url=base) as client:
        run(
            "graphql headline",
            lambda: client.post("/graphql", json={"query": HEADLINE}).raise_for_status(),
        )
        run(
            "rest policy-decisions list",
            lambda: client.get("/v1/policy-decisions?action=LIFTED,EASED").raise_for_status(),
        )
        run("rest country detail", lambda: client.get("/v1/countries/GB").raise_for_status())
        run(
            "rest countries csv (249 rows)",
            lambda: client.get("/v1/countries?format=csv").raise_for_status(),
            n=100,
        )


if __name__ == "__main__":
    main()
