"""Render the measured tables of docs/benchmarks.md from docs/benchmarks.json.

The tables live between the `<!-- results -->` and `<!-- /results -->` markers; the analysis
around them is written by hand.
"""

import json
import pathlib
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- results -->", "<!-- /results -->"


def _by_connections(runs: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {run["connections"]: run for run in runs}


def ratios(size: dict[str, Any]) -> list[str]:
    """Our headline throughput over PostGraphile's and over the ceiling, per concurrency."""
    headline = size["scenarios"]["headline"]
    ours, cached = _by_connections(headline["ours"]), _by_connections(headline["ours_cached"])
    peer, ceiling = _by_connections(headline["postgraphile"]), _by_connections(headline["ceiling"])
    lines = [
        "| connections | ours req/s | cached req/s | PostGraphile req/s | ceiling req/s "
        "| ours / PG | cached / PG | ours / ceiling | cached / ceiling |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in sorted(ours):
        o, k, p, z = ours[c]["rps"], cached[c]["rps"], peer[c]["rps"], ceiling[c]["rps"]
        lines.append(
            f"| {c} | {o} | {k} | {p} | {z} | **{o / p:.2f}×** | **{k / p:.2f}×** "
            f"| {o / z:.3f}× | {k / z:.3f}× |"
        )
    return lines


def table(size: dict[str, Any]) -> list[str]:
    lines = [
        "| scenario | server | conn | req/s | p50 ms | p95 ms | p99 ms | errors | bytes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for scenario, servers in size["scenarios"].items():
        for who, runs in servers.items():
            for r in runs:
                lines.append(
                    f"| {scenario} | {who} | {r['connections']} | {r['rps']} | {r['p50_ms']:.1f} "
                    f"| {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} "
                    f"| {r['bytes_per_response']} |"
                )
    return lines


def scale(sizes: list[dict[str, Any]]) -> list[str]:
    """p50 at each size over p50 at the smallest, at one connection (no queueing)."""
    lines = [
        "| scenario | "
        + " | ".join(f"p50 ms @ {s['size']}" for s in sizes)
        + " | largest / smallest |",
        "| --- |" + " ---: |" * (len(sizes) + 1),
    ]
    for scenario in ("headline", "headline_first2", "rest_list", "rest_detail"):
        p50 = [_by_connections(s["scenarios"][scenario]["ours"])[1]["p50_ms"] for s in sizes]
        lines.append(
            f"| {scenario} | "
            + " | ".join(f"{v:.1f}" for v in p50)
            + f" | {p50[-1] / p50[0]:.2f}× |"
        )
    return lines


def render(results: dict[str, Any]) -> str:
    out = [
        f"Command: `{results['command']}` — started {results['started']} on {results['machine']}; "
        f"load average before {results['load_before']}, after {results['load_after']}.",
        "",
    ]
    if len(results["sizes"]) > 1 and all(
        1 in _by_connections(s["scenarios"]["rest_list"]["ours"]) for s in results["sizes"]
    ):
        out += ["### Scale: latency at one connection", "", *scale(results["sizes"]), ""]
    for size in results["sizes"]:
        c = size["counts"]
        out += [
            f"### {size['size']} articles",
            "",
            f"{c['articles']} articles, {c['evidence']} evidence rows, {c['policy_decisions']} "
            f"policy decisions, {c['aid_packages']} aid packages. Headline answer: "
            f"{size['headline_bytes']['ours']} bytes (ours), "
            f"{size['headline_bytes']['postgraphile']} bytes (PostGraphile).",
            "",
            "Headline throughput ratios:",
            "",
            *ratios(size),
            "",
            *table(size),
            "",
            f"CSV export of every evidence row: {size['export']['rows']} rows in "
            f"{size['export']['seconds']} s ({size['export']['rows_per_s']} rows/s); server RSS "
            f"{size['export']['rss_before_mib']} MiB before, at most "
            f"{size['export']['rss_peak_during_mib']} MiB during.",
            "",
            "Peak RSS (VmHWM, MiB): "
            + ", ".join(f"{who} {mib}" for who, mib in size["rss_mib"].items())
            + ".",
            "",
        ]
    return "\n".join(out)


def main() -> int:
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "benchmarks.json"
    results = json.loads(source.read_text(encoding="utf-8"))
    doc = DOC.read_text(encoding="utf-8")
    head, _, rest = doc.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{START}\n{render(results)}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
