"""A private PostgreSQL cluster for tests that stop and start the server (never the shared one)."""

import contextlib
import os
import pathlib
import pwd
import shutil
import subprocess
import tempfile

PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")


def unavailable_reason() -> str | None:
    """Why this machine cannot run a private cluster, or None when it can."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 server binaries not found in {PG_BIN}"
    if shutil.which("runuser") is None:
        return "runuser not found (needed to run PostgreSQL as the postgres user)"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "no postgres OS user"
    if os.geteuid() != 0:
        return "runuser needs root to run PostgreSQL as the postgres user"
    return None


class PrivateCluster:
    """initdb into a temporary directory owned by postgres; start and stop it at will."""

    def __init__(self, port: int) -> None:
        self.port = port
        # Not under pytest's tmp_path: its parents are private to root, and postgres must
        # reach its data directory.
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="frontline-pg-"))
        user = pwd.getpwnam("postgres")
        os.chown(self.dir, user.pw_uid, user.pw_gid)
        self.data = self.dir / "data"
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PG_BIN / tool), *args],
            check=True,
            capture_output=True,
            cwd=self.dir,
        )

    def start(self) -> None:
        options = f"-k {self.dir} -c listen_addresses=127.0.0.1 -p {self.port} -c fsync=off"
        log = str(self.dir / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
