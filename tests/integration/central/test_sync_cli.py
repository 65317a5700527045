"""`counter-app sync status|now|dead-letters` and `central-sim serve` as real commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counter_app.central.launcher import CentralSimHandle, free_port

pytestmark = pytest.mark.central

ROOT = Path(__file__).resolve().parents[3]
PROFILE = ROOT / "resources" / "profiles" / "demo-instant.toml"


def run(home: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COUNTER_APP_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "counter_app.cli", "--profile", str(profile),
                           *args], capture_output=True, text=True, env=env, timeout=120,
                          cwd=ROOT)


@pytest.fixture
def profile(tmp_path: Path, central: CentralSimHandle) -> Path:
    text = PROFILE.read_text(encoding="utf-8").replace(
        'base_url = "http://127.0.0.1:8765"', f'base_url = "{central.url}"')
    p = tmp_path / "profile.toml"
    p.write_text(text, encoding="utf-8")
    return p


def enqueue(home: Path, profile: Path, changes: list[dict[str, str]]) -> list[str]:
    os.environ["COUNTER_APP_HOME"] = str(home)
    try:
        from central_sim.seed import generated_id
        from counter_app.bootstrap import open_profile_store
        from counter_app.profile import load_profile
        from counter_app.store.outbox_repo import StoreOutboxRepository

        prof = load_profile(profile, state_dir=home)
        store = open_profile_store(prof, exclusive=True)
        try:
            repo = StoreOutboxRepository(store)
            idn = generated_id(500)
            key = store.cipher.blind_index(idn, "person")
            return [repo.enqueue("persons.data_change", key, {
                "id_number": idn, "branch_code": prof.branch_code, "client_seq": i + 1,
                "changes": c}) for i, c in enumerate(changes)]
        finally:
            store.close()
    finally:
        os.environ.pop("COUNTER_APP_HOME", None)


def test_status_now_and_dead_letters(tmp_path: Path, profile: Path,
                                     central: CentralSimHandle) -> None:
    home = tmp_path / "home"
    ops = enqueue(home, profile, [{"phone": "13600000001"}, {"phone": "13600000002"}])
    r = run(home, profile, "sync", "status", "--json")
    assert r.returncode == 0, r.stderr
    status = json.loads(r.stdout)
    assert status["line_state"] == "online" and status["outbox_depth"] == 2
    assert status["oldest_unsent_age_s"] >= 0 and status["latency_ms"] > 0
    assert status["new_deferrable_work"] == "refused"  # never synced yet
    assert status["code"] == "STALE_NO_RECENT_SYNC"

    r = run(home, profile, "sync", "now", "--json")
    assert r.returncode == 0, r.stderr
    done = json.loads(r.stdout)
    assert done["drain"]["sent"] == 2 and done["outbox_depth"] == 0
    assert done["new_deferrable_work"] == "allowed" and done["last_success_at"]
    assert all(central.effects(o)["total"] == 1 for o in ops)

    human = run(home, profile, "sync", "status")
    assert "中心线路：在线" in human.stdout and "待上传：0 笔" in human.stdout
    assert "330" not in human.stdout  # no ID numbers in the output

    enqueue(home, profile, [{"name": "改名需证明"}])
    run(home, profile, "sync", "now")
    dead = json.loads(run(home, profile, "sync", "dead-letters", "--json").stdout)
    assert [d["reason"] for d in dead] == ["CHANGE_NEEDS_PROOF"]

    central.line_down()
    r = run(home, profile, "sync", "status", "--json")
    assert json.loads(r.stdout)["line_state"] == "offline"
    r = run(home, profile, "sync", "now")
    central.line_up()
    assert r.returncode == 0 or "同步中断" in r.stdout


def test_central_sim_serve_command(tmp_path: Path) -> None:
    import requests

    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "counter_app.cli", "central-sim", "serve",
                             "--db", f"sqlite:///{tmp_path / 'c.db'}", "--port", str(port)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    children: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                assert requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok
                break
            except requests.RequestException:
                time.sleep(0.1)
        else:
            pytest.fail("central-sim serve did not come up")
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                  text=True).stdout.split()
        assert children, "central-sim serve should run central_sim as a subprocess"
    finally:
        proc.terminate()
        proc.wait(20)
    for pid in children:  # the central went down with the command
        deadline = time.monotonic() + 10
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{pid}").exists(), "central_sim left running"


def test_supervisor_resolves_a_dead_letter(tmp_path: Path, profile: Path,
                                           central: CentralSimHandle) -> None:
    """Only a supervisor's password moves a dead letter; the decision is audited."""
    from counter_app.bootstrap import open_profile_store
    from counter_app.profile import load_profile
    from counter_app.store.audit import verify_audit_chain
    from counter_app.store.models import AuditEntry
    from counter_app.store.outbox_repo import StoreOutboxRepository
    from counter_app.store.tellers import SqlTellerRepository
    from counter_app.workflows.login import LoginPolicy, TellerAuth
    from tests.fixtures.otp import fresh_code

    home = tmp_path / "home"
    enqueue(home, profile, [{"name": "改名需证明"}])
    run(home, profile, "sync", "now")
    prof = load_profile(profile, state_dir=home)
    store = open_profile_store(prof, exclusive=False)
    TellerAuth(SqlTellerRepository(store), LoginPolicy(5, 30), "03").seed_demo_accounts()
    store.close()
    dead_id = json.loads(run(home, profile, "sync", "dead-letters", "--json").stdout)[0]["id"]

    def resolve(user: str, password: str, decision: str = "discard") -> subprocess.CompletedProcess[str]:
        otp = fresh_code() if user == "S0301" else "123456"  # the password, then the code
        env = dict(os.environ, COUNTER_APP_HOME=str(home), PYTHONPATH=str(ROOT))
        return subprocess.run([sys.executable, "-m", "counter_app.cli", "--profile", str(profile), "sync",
                               "resolve", str(dead_id), decision, "--supervisor", user, "--reason",
                               "申请人未带公安证明，本次不办", "--password-stdin"], input=f"{password}\n{otp}\n",
                              capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)

    teller = resolve("T0301", "Teller@2026")
    assert teller.returncode == 1 and "无权授权" in teller.stderr
    wrong = resolve("S0301", "not-the-password-1")
    assert wrong.returncode == 1 and "密码或动态验证码不正确" in wrong.stderr
    ok = resolve("S0301", "Super@2026")
    assert ok.returncode == 0 and "已作废" in ok.stdout, ok.stderr
    again = resolve("S0301", "Super@2026", "retry")
    assert again.returncode == 1 and "不是待处理的异常件" in again.stderr

    store = open_profile_store(prof, exclusive=False)
    try:
        assert StoreOutboxRepository(store).counts().get("discarded") == 1
        with store.read() as s:
            actions = [(e.actor, e.action) for e in s.query(AuditEntry).order_by(AuditEntry.seq)]
            assert verify_audit_chain(s, store.cipher).ok
    finally:
        store.close()
    assert ("T0301", "authorise.refused_role") in actions
    assert ("S0301", "authorise.failure") in actions
    assert ("S0301", "authorise.granted") in actions
    assert ("S0301", "outbox.dead_letter_discard") in actions
