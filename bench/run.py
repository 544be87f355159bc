"""`make bench`: build corpora, start the servers, load them with wrk, write the results.

For each size: a PostgreSQL database `ff_bench_<size>` grown by bench.corpus; our server as
production starts it (`frontline serve`: uvicorn, one process, access log off), the same with
the response cache, PostGraphile v4 on the same tables, and a bare Starlette app answering a
precomputed body of our headline answer's size. Every scenario runs wrk (bench/wrk/request.lua)
at each concurrency, servers taking turns at the same level, so their ratios are comparable.
Results go to docs/benchmarks.json; bench.report renders docs/benchmarks.md from it.
"""

import argparse
import contextlib
import datetime as dt
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import psycopg

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = pathlib.Path(sys.executable).parent
POSTGRAPHILE = ROOT / "bench" / "postgraphile"
LUA = ROOT / "bench" / "wrk" / "request.lua"
HEADLINE = (ROOT / "tests" / "headline.graphql").read_text(encoding="utf-8")
REST_LIST = "/v1/policy-decisions?topic=weapons-use-on-russian-territory&action=LIFTED,EASED"
PORTS = {"ours": 5101, "ours_cached": 5102, "postgraphile": 5103, "ceiling": 5104}
DEEP_MAX_SIZE = 5  # unbounded nested lists: see docs/benchmarks.md


def graphql_body(query: str) -> bytes:
    return json.dumps({"query": query}).encode()


def _ours_env(url: str, cache: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "FRONTLINE_ANONYMOUS_RATE": "1000000/minute",  # one client, many requests
        "FRONTLINE_LOG_LEVEL": "WARNING",  # like PostGraphile's --disable-query-log
        "FRONTLINE_RESPONSE_CACHE": cache,
        "FRONTLINE_SERVER_TIMING": "0",
    }


@contextlib.contextmanager
def server(name: str, argv: list[str], env: dict[str, str], ready: str) -> Iterator[int]:
    """Start a server, wait until `ready` answers, yield its pid, stop it."""
    log = open(ROOT / "var" / "bench" / f"{name}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(ready, timeout=2):
                    break
            except urllib.error.HTTPError:
                break  # it answers (PostGraphile refuses GET with 405): it is up
            except Exception:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start; see var/bench/{name}.log") from None
                time.sleep(0.3)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def peak_rss_mib(pid: int) -> float:
    """VmHWM: the most resident memory the process ever had."""
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rss_mib(pid: int) -> float:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(url: str, body: bytes | None, connections: int, duration: str) -> dict[str, Any]:
    """One wrk run; requests/s, latency percentiles (ms) and errors."""
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        env = {**os.environ, "WRK_METHOD": "GET", "WRK_BODY_FILE": ""}
        if body is not None:
            file.write(body)
            file.flush()
            env.update(WRK_METHOD="POST", WRK_BODY_FILE=file.name)
        threads = str(min(2, connections))
        argv = ["wrk", "-t", threads, "-c", str(connections), "-d", duration, "-s", str(LUA), url]
        out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    raw = json.loads(out.strip().splitlines()[-1])
    seconds = raw["duration_us"] / 1e6
    errors = sum(raw[k] for k in raw if k.endswith("_errors") or k == "timeouts")
    return {
        "connections": connections,
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": raw["p50"] / 1000,
        "p95_ms": raw["p95"] / 1000,
        "p99_ms": raw["p99"] / 1000,
        "errors": errors,
        "bytes_per_response": raw["bytes"] // max(1, raw["requests"]),
    }


def fetch(url: str, body: bytes | None = None) -> bytes:
    headers = {"content-type": "application/json"} if body is not None else {}
    request = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=300) as response:
        data: bytes = response.read()
        return data


def prepare(base: str, size: int) -> str:
    """The database for `size`, created and grown when needed."""
    name = f"ff_bench_{size}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{base}/{name}"
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "python"), "-m", "bench.corpus", url, str(size)], cwd=ROOT, check=True
    )
    print(f"[{size}] corpus ready in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return url


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            table: int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # type: ignore[index]
            for table in ("articles", "evidence", "policy_decisions", "aid_packages")
        }


def export(base_url: str, pid: int) -> dict[str, Any]:
    """Stream the whole evidence list as CSV once: rows/s and the server's memory."""
    before = rss_mib(pid)
    started = time.perf_counter()
    rows = 0
    peak = before
    with urllib.request.urlopen(f"{base_url}/v1/evidence?format=csv", timeout=3600) as response:
        for i, _ in enumerate(response):
            rows += 1
            if i % 20000 == 0:
                peak = max(peak, rss_mib(pid))
    seconds = time.perf_counter() - started
    return {
        "rows": rows - 1,
        "seconds": round(seconds, 2),
        "rows_per_s": round((rows - 1) / seconds),
        "rss_before_mib": round(before, 1),
        "rss_peak_during_mib": round(peak, 1),
    }


def run_size(base: str, size: int, levels: list[int], duration: str) -> dict[str, Any]:
    url = prepare(base, size)
    result: dict[str, Any] = {"size": size, "counts": counts(url), "scenarios": {}, "rss_mib": {}}
    serve = [str(BIN / "frontline"), "serve", "--no-access-log", "--port"]
    pg_argv = [
        str(POSTGRAPHILE / "node_modules" / ".bin" / "postgraphile"),
        *("-c", url, "--schema", "public", "--host", "127.0.0.1"),
        *("--port", str(PORTS["postgraphile"]), "--disable-query-log", "--disable-graphiql"),
        *("--append-plugins", "postgraphile-plugin-connection-filter"),
    ]
    pg_headline = graphql_body((POSTGRAPHILE / "headline.graphql").read_text(encoding="utf-8"))
    ours_url = f"http://127.0.0.1:{PORTS['ours']}"
    with contextlib.ExitStack() as stack:
        pids = {
            "ours": stack.enter_context(
                server(
                    "ours",
                    [*serve, str(PORTS["ours"])],
                    _ours_env(url, "off"),
                    f"{ours_url}/readyz",
                )
            ),
            "ours_cached": stack.enter_context(
                server(
                    "ours_cached",
                    [*serve, str(PORTS["ours_cached"])],
                    _ours_env(url, "memory"),
                    f"http://127.0.0.1:{PORTS['ours_cached']}/readyz",
                )
            ),
            "postgraphile": stack.enter_context(
                server(
                    "postgraphile",
                    pg_argv,
                    dict(os.environ),
                    f"http://127.0.0.1:{PORTS['postgraphile']}/graphql",
                )
            ),
        }
        headline = fetch(f"{ours_url}/graphql", graphql_body(HEADLINE))
        assert b'"errors"' not in headline, headline[:500]
        body_file = ROOT / "var" / "bench" / f"headline-{size}.json"
        body_file.write_bytes(headline)
        ceiling_env = {**os.environ, "CEILING_BODY_FILE": str(body_file)}
        ceiling_argv = [str(BIN / "uvicorn"), "bench.ceiling:app", "--no-access-log"]
        pids["ceiling"] = stack.enter_context(
            server(
                "ceiling",
                [*ceiling_argv, "--port", str(PORTS["ceiling"]), "--log-level", "warning"],
                ceiling_env,
                f"http://127.0.0.1:{PORTS['ceiling']}/graphql",
            )
        )
        pg_answer = fetch(f"http://127.0.0.1:{PORTS['postgraphile']}/graphql", pg_headline)
        assert b'"errors"' not in pg_answer, pg_answer[:500]
        result["headline_bytes"] = {"ours": len(headline), "postgraphile": len(pg_answer)}
        small = HEADLINE.replace("first: 50", "first: 2")
        scenarios: list[tuple[str, str, str, bytes | None]] = [
            ("headline", "ours", "/graphql", graphql_body(HEADLINE)),
            ("headline", "ours_cached", "/graphql", graphql_body(HEADLINE)),
            ("headline", "postgraphile", "/graphql", pg_headline),
            ("headline", "ceiling", "/graphql", graphql_body(HEADLINE)),
            ("headline_first2", "ours", "/graphql", graphql_body(small)),
            ("rest_list", "ours", f"{REST_LIST}&limit=20", None),
            ("rest_detail", "ours", "/v1/countries/GB", None),
        ]
        if size <= DEEP_MAX_SIZE:
            deep = (ROOT / "bench" / "queries" / "deep.graphql").read_text(encoding="utf-8")
            scenarios.append(("deep", "ours", "/graphql", graphql_body(deep)))
        for connections in levels:
            for scenario, who, path, body in scenarios:
                measured = wrk(f"http://127.0.0.1:{PORTS[who]}{path}", body, connections, duration)
                result["scenarios"].setdefault(scenario, {}).setdefault(who, []).append(measured)
                print(f"[{size}] {scenario} {who} c={connections}: {measured}", file=sys.stderr)
        result["export"] = export(ours_url, pids["ours"])
        print(f"[{size}] export: {result['export']}", file=sys.stderr)
        result["rss_mib"] = {who: round(peak_rss_mib(pid), 1) for who, pid in pids.items()}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--sizes", default="5 10000 100000")
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--concurrency", default="1 8 32")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.json"))
    args = parser.parse_args(argv)
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    levels = [int(c) for c in args.concurrency.split()]
    load_before = os.getloadavg()
    results = {
        "command": (
            f'make bench SIZES="{args.sizes}" DURATION={args.duration} '
            f'CONCURRENCY="{args.concurrency}"'
        ),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "load_before": [round(x, 2) for x in load_before],
        "sizes": [
            run_size(args.postgres, int(s), levels, args.duration) for s in args.sizes.split()
        ],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    pathlib.Path(args.out).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
