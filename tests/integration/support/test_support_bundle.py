"""`counter-app support-bundle FILE` (issue 16 item 7) against a real profile, a real SQLite
store with an outbox, a data key file, client certificate files and a log that personal data
was pushed into: the zip holds exactly the documented files, and neither the PIN canary, the
ID-number canary, the data key nor the private key material turns up in it or in the logs."""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

from counter_app.bootstrap import open_profile_store
from counter_app.domain.errors import ValidationError
from counter_app.logs import ID_MASK, SECRET_MASK, configure_logging, stop_file_logging
from counter_app.profile import demo_profile_path, load_profile
from counter_app.store.outbox_repo import StoreOutboxRepository

ROOT = Path(__file__).resolve().parents[3]
ID_CANARY = "330203198506122017"
PIN_CANARY = "731946"
KEY_CANARY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"


def _profile(tmp_path: Path) -> Path:
    (tmp_path / "certs").mkdir()
    cert = tmp_path / "certs" / "client.pem"
    key = tmp_path / "certs" / "client.key"
    cert.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    key.write_text(f"-----BEGIN PRIVATE KEY-----\n{KEY_CANARY}\n-----END PRIVATE KEY-----\n")
    text = demo_profile_path().read_text(encoding="utf-8")
    text = text.replace('client_cert = ""', f'client_cert = "{cert.as_posix()}"')
    text = text.replace('client_key = ""', f'client_key = "{key.as_posix()}"')
    text = text.replace('key_store = "auto"', 'key_store = "file"')
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _documented_files() -> set[str]:
    doc = (ROOT / "docs" / "support.md").read_text(encoding="utf-8").split("## The support bundle")[1]
    return set(re.findall(r"^\| `([^`]+)` \|", doc, flags=re.MULTILINE))


def test_bundle_holds_the_documented_files_and_no_canary(tmp_path: Path) -> None:
    state = tmp_path / "state"
    profile_path = _profile(tmp_path)
    profile = load_profile(profile_path, state_dir=state)
    store = open_profile_store(profile, exclusive=True)
    try:
        outbox = StoreOutboxRepository(store)
        outbox.enqueue("applications.submit", "person-1",
                       {"id_number": ID_CANARY, "pin": PIN_CANARY, "name": "李明"})
        outbox.enqueue("applications.submit", "person-2", {"id_number": ID_CANARY})
    finally:
        store.close()
    data_key = (state / "keys" / "data.key").read_bytes()

    # personal data pushed through the logging paths the application has
    configure_logging(state)
    try:
        log = logging.getLogger("counter_app.ui.app")
        log.info("applicant %s PIN %s", ID_CANARY, PIN_CANARY)
        try:
            raise ValidationError("id_number", f"身份证号 {ID_CANARY} 与 pin={PIN_CANARY} 不符")
        except ValidationError as error:
            log.error("start-up failed", exc_info=error)
        logging.getLogger("counter_app.central.sync").warning(
            "payload %s", json.dumps({"id_number": ID_CANARY, "new_pin": PIN_CANARY}))
    finally:
        stop_file_logging()

    bundle = tmp_path / "out" / "support.zip"
    env = dict(os.environ, COUNTER_APP_HOME=str(state), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "counter_app", "--profile", str(profile_path),
                           "support-bundle", str(bundle)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr

    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        contents = {name: z.read(name) for name in names}
    # exactly the documented files (the log's backups appear once the log has rotated)
    assert set(names) == _documented_files() - {"logs/counter-app.log.N"}
    manifest = json.loads(contents["MANIFEST.json"])
    assert list(manifest["files"]) == names

    everything = b"".join(contents.values())
    on_disk = b"".join(p.read_bytes() for p in (state / "logs").iterdir())
    for blob in (everything, on_disk):
        assert ID_CANARY.encode() not in blob
        assert PIN_CANARY.encode() not in blob
    assert KEY_CANARY.encode() not in everything
    for form in (data_key, data_key.strip(), base64.b64encode(data_key), data_key.hex().encode()):
        assert form not in everything
    assert "李明".encode() not in everything

    log_text = contents["logs/counter-app.log"].decode()
    assert "start-up failed" in log_text and ID_MASK in log_text and SECRET_MASK in log_text
    prof = json.loads(contents["profile.json"])
    assert prof["central"]["client_key"] == "[REDACTED]"
    assert prof["security"]["key_file"] == "[REDACTED]"
    assert prof["security"]["key_store"] == "file"
    assert prof["branch"]["code"] == "ICBC-NB-0101"
    outbox_summary = json.loads(contents["outbox.json"])
    assert outbox_summary["by_status"] == {"pending": 2}
    assert outbox_summary["by_operation_and_status"] == {"applications.submit pending": 2}
    doctor = json.loads(contents["doctor.json"])
    assert {c["key"] for c in doctor["checks"]} >= {"database", "data_key", "disk"}
    versions = json.loads(contents["versions.json"])
    assert versions["libraries"]["PySide6"]
    if os.name == "posix":
        assert stat.S_IMODE(bundle.stat().st_mode) == 0o600


def test_a_broken_profile_still_gives_a_bundle(tmp_path: Path) -> None:
    profile_path = tmp_path / "profile.toml"
    profile_path.write_text(f'[branch]\ncode = "X"\n[central]\nclient_key = "{PIN_CANARY}"\n')
    bundle = tmp_path / "support.zip"
    env = dict(os.environ, COUNTER_APP_HOME=str(tmp_path / "state"), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "counter_app", "--profile", str(profile_path),
                           "support-bundle", str(bundle)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "PROFILE_INVALID" in proc.stderr
    with zipfile.ZipFile(bundle) as z:
        assert json.loads(z.read("profile.json"))["central"]["client_key"] == "[REDACTED]"
        assert "error" in json.loads(z.read("doctor.json"))
        assert PIN_CANARY.encode() not in b"".join(z.read(n) for n in z.namelist())


def test_only_the_rotating_logs_go_in_from_the_state_directory(tmp_path: Path) -> None:
    state = tmp_path / "state"
    (state / "logs").mkdir(parents=True)
    (state / "logs" / "counter-app.log.1").write_text("an older, rotated line\n")
    (state / "logs" / "other.txt").write_text(ID_CANARY)
    (state / "logs" / "counter-app.log.99").write_text(ID_CANARY)  # beyond the backups kept
    (state / "central.db").write_text(ID_CANARY)
    profile_path = _profile(tmp_path)
    bundle = tmp_path / "support.zip"
    env = dict(os.environ, COUNTER_APP_HOME=str(state), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "counter_app", "--profile", str(profile_path),
                           "support-bundle", str(bundle)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(bundle) as z:
        logs = sorted(n for n in z.namelist() if n.startswith("logs/"))
        assert logs == ["logs/counter-app.log", "logs/counter-app.log.1"]
        assert z.read("logs/counter-app.log.1") == b"an older, rotated line\n"
        assert ID_CANARY.encode() not in b"".join(z.read(n) for n in z.namelist())
