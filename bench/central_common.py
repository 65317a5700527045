"""Helpers shared by the central benchmarks: counter identities, percentiles, and a throwaway
PostgreSQL cluster.

PostgreSQL: the benchmarks need the server binaries (Debian 12: ``apt-get install
postgresql``; they land in /usr/lib/postgresql/15/bin, which is searched as well as PATH).
:class:`ThrowawayPostgres` runs ``initdb`` into a temporary directory and starts a private
server on a free loopback port (trust authentication, unix socket inside the directory), and
removes it all at the end. PostgreSQL refuses to run as root: when the benchmark runs as
root, initdb and the server run as the ``postgres`` user (created by the Debian package) or,
failing that, ``nobody``, through ``runuser``. Or pass ``--db URL`` to use a server of your own.
"""

from __future__ import annotations

import getpass
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def counter_ids(outlets: int, counters_per_outlet: int) -> list[tuple[str, str]]:
    """(branch code, counter id) of every counter: outlets in seed order, counters C01, C02…
    (``X-Client-Id: BRANCH/COUNTER`` on the loopback central)."""
    from central_sim.seed import BANKS, branch_code

    out = []
    for i in range(outlets):
        code = branch_code(BANKS[i % len(BANKS)][0], i // len(BANKS) + 1)
        out += [(code, f"C{c + 1:02d}") for c in range(counters_per_outlet)]
    return out


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list (``p`` in 0..1); NaN when empty."""
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


def _pg_bin(name: str) -> Path:
    found = shutil.which(name)
    if found:
        return Path(found)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    for d in reversed(versions):
        if (d / name).exists():
            return d / name
    raise SystemExit(f"PostgreSQL's {name} not found: install the server (Debian: "
                     "apt-get install postgresql) or pass --db postgresql+psycopg://…")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayPostgres:
    """A private PostgreSQL server in a temporary directory (see the module docstring)."""

    def __init__(self, *, max_connections: int = 400, shared_buffers: str = "256MB") -> None:
        self.max_connections = max_connections
        self.shared_buffers = shared_buffers
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="city-pg-"))
        self.data = self.dir / "data"
        self.user: str | None = None
        if os.geteuid() == 0:  # the server refuses root
            for name in ("postgres", "nobody"):
                try:
                    pwd.getpwnam(name)
                except KeyError:
                    continue
                self.user = name
                break
            else:
                raise SystemExit("running as root and neither 'postgres' nor 'nobody' exists")
            entry = pwd.getpwnam(self.user)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self.role = self.user or getpass.getuser()

    def _run(self, *cmd: str | Path) -> None:
        argv = [str(c) for c in cmd]
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       cwd=self.dir)

    def start(self) -> ThrowawayPostgres:
        self._run(_pg_bin("initdb"), "-D", self.data, "-A", "trust", "-U", self.role,
                  "-E", "UTF8", "--no-locale")
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections={self.max_connections} "
                   f"-c shared_buffers={self.shared_buffers}")
        self._run(_pg_bin("pg_ctl"), "-D", self.data, "-l", self.dir / "server.log",
                  "-o", options, "-w", "-t", "60", "start")
        return self

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.role}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.role} "
                             "dbname=postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(_pg_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop")
        finally:
            time.sleep(0.1)
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> ThrowawayPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
