"""An update repository made with packaging/update_repo.py, served over real loopback HTTP,
and stand-in payloads in the frozen build's layout (migrations under _internal/)."""

from __future__ import annotations

import functools
import importlib.util
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

from counter_app.store.crypto import DataCipher
from counter_app.store.database import head_revision, open_store

ROOT = Path(__file__).resolve().parents[3]
MIGRATIONS = ROOT / "counter_app" / "store" / "migrations"


def load_update_repo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_repo", ROOT / "packaging" / "update_repo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Served:
    """A repository directory behind a loopback http.server."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.tool = load_update_repo()
        self.trusted_root = self.tool.init(work / "repo", work / "keys")
        self.published = work / "repo" / "repository"
        handler = functools.partial(_Quiet, directory=str(self.published))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, bundle: Path, version: str) -> Path:
        return self.tool.add_bundle(self.work / "repo", bundle, version, self.work / "keys")

    def sign(self, **kw: float) -> None:
        self.tool.sign(self.work / "repo", self.work / "keys", **kw)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    s = Served(tmp_path / "vendor")
    try:
        yield s
    finally:
        s.close()


FAILING = '''"""A migration that fails half-way (test payload only)."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("update_probe", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO update_probe (id) VALUES (1)")
    raise RuntimeError("simulated failure in the new version's migration")
'''

WORKING = '''"""A new version's migration (test payload only)."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("update_probe", sa.Column("id", sa.Integer, primary_key=True))
'''


def make_bundle(where: Path, version: str, migration: str | None = None) -> Path:
    """A stand-in one-folder build: the program file, and a temp copy of the migrations
    with, optionally, one more (working or failing) on top of today's head."""
    where.mkdir(parents=True)
    (where / "counter-app").write_text(f"stand-in program {version}\n")
    scripts = where / "_internal" / "counter_app" / "store" / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    if migration is not None:
        (scripts / "versions" / "9001_update_test.py").write_text(
            migration.format(head=head_revision()))
    return where


@pytest.fixture
def counter_db(tmp_path: Path) -> Path:
    """A real counter database at today's head, with its audit log and first admin."""
    from counter_app.store.tellers import SqlTellerRepository
    from counter_app.workflows.login import LoginPolicy, TellerAuth

    path = tmp_path / "state" / "counter.db"
    store = open_store(path, DataCipher(b"k" * 32))
    try:
        TellerAuth(SqlTellerRepository(store), LoginPolicy(5, 30), "01").ensure_first_admin()
    finally:
        store.close()
    return path
