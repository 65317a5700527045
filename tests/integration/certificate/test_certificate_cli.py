"""`counter-app certificate verify CODE [--json]` as a real command, with a real branch
profile pointing at the reference central: a genuine code, an unknown one, a malformed one,
and the line down — messages in Chinese, exit codes as documented (0 valid, 1 refused)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

ROOT = Path(__file__).resolve().parents[3]
PROFILE = ROOT / "resources" / "profiles" / "demo-instant.toml"
LI_MING = "330203198506122017"


def verify(home: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COUNTER_APP_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "counter_app.cli", "--profile", str(profile),
                           "certificate", "verify", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)


@pytest.fixture
def profile(tmp_path: Path, central: CentralSimHandle) -> Path:
    text = PROFILE.read_text(encoding="utf-8")
    assert 'base_url = "http://127.0.0.1:8765"' in text
    p = tmp_path / "profile.toml"
    p.write_text(text.replace('base_url = "http://127.0.0.1:8765"',
                              f'base_url = "{central.url}"'), encoding="utf-8")
    return p


@pytest.fixture
def issued(central: CentralSimHandle) -> Iterator[str]:
    """A certificate issued and printed twice at another branch (the CLI verifies anyone's)."""
    c = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                          client_id="CCB-NB-0230/C02")
    try:
        cert = c.issue_certificate(LI_MING, branch_code="CCB-NB-0230", months=24,
                                   idempotency_key=str(uuid.uuid4()), kind="UNEMPLOYMENT")
        for _ in range(2):
            c.record_certificate_print(cert.auth_code, branch_code="CCB-NB-0230",
                                       idempotency_key=str(uuid.uuid4()))
        yield cert.auth_code
    finally:
        c.close()


def test_genuine_code(tmp_path: Path, profile: Path, issued: str) -> None:
    r = verify(tmp_path, profile, issued.lower())  # as typed, in lower case
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.splitlines()[0].startswith("真实有效")
    for expected in (f"授权码　　　：{issued}", "姓名　　　　：李*", "证件号码　　：330203********2017",
                     "证明险种　　：失业保险", "（24个月）", "（CCB-NB-0230）",
                     "打印次数　　：2次（原件及补打1次）", "（北京时间）"):
        assert expected in out, (expected, out)
    assert LI_MING not in out and "李明" not in out  # never the full ID number or name

    scanned = verify(tmp_path, profile, f"https://si.ningbo.example/verify?code={issued}",
                     "--json")
    assert scanned.returncode == 0, scanned.stderr
    data = json.loads(scanned.stdout)
    assert data["auth_code"] == issued and data["valid"] is True and data["expired"] is False
    assert data["kind"] == "UNEMPLOYMENT" and data["months"] == 24 and data["prints"] == 2
    assert data["person_name_masked"] == "李*"
    assert data["period_from"] < data["period_to"] and len(data["period_from"]) == 6


def test_unknown_code(tmp_path: Path, profile: Path) -> None:
    r = verify(tmp_path, profile, "00000000DEADBEEF")
    assert r.returncode == 1 and r.stdout == ""
    assert "授权码 00000000DEADBEEF 不存在" in r.stderr and "不是中心系统出具的" in r.stderr
    assert "CERTIFICATE_UNKNOWN" in r.stderr and "Traceback" not in r.stderr


def test_malformed_code(tmp_path: Path, profile: Path, central: CentralSimHandle) -> None:
    r = verify(tmp_path, profile, "参保证明")
    assert r.returncode == 1 and r.stdout == ""
    assert "授权码格式不正确" in r.stderr and "AUTH_CODE_FORMAT" in r.stderr
    assert "Traceback" not in r.stderr


def test_line_down(tmp_path: Path, profile: Path, central: CentralSimHandle,
                   issued: str) -> None:
    central.line_down()
    try:
        r = verify(tmp_path, profile, issued)
    finally:
        central.line_up()
    assert r.returncode == 1 and r.stdout == ""
    assert "核验参保证明须实时连接中心系统" in r.stderr and "柜面不能离线判断证明真伪" in r.stderr
    assert "CERTIFICATE_NEEDS_CENTRAL" in r.stderr and "Traceback" not in r.stderr
