"""The privileged hand-off (Debian package): the counter's account stages a verified update in
the spool, the root installer verifies it again with its own trust, swaps the program folder
and writes the outcome; the counter collects it at its next start. Run here with temporary
directories in place of /var/lib/counter-app and /opt/counter-app (the systemd units that
start the installer are checked in tests/integration/updates/test_update_packaging.py)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.update_handoff import (
    MARKER,
    HandoffPaths,
    collect_outcome,
    handoff_state,
    install_from_spool,
    offer_to_system_installer,
    recover_swap,
    running_from,
)
from counter_app.updates import Pending, UpdatePaths, check_and_stage, inspect_state
from tests.integration.updates.conftest import WORKING, Served, make_bundle


def _program(where: Path, version: str) -> Path:
    where.mkdir(parents=True)
    (where / "counter-app").write_text(f"stand-in program {version}\n")
    return where


@pytest.fixture
def machine(tmp_path: Path, served: Served) -> HandoffPaths:
    base = tmp_path / "var-lib"
    (base / "update-spool").mkdir(parents=True)
    return HandoffPaths(spool=base / "update-spool", trust=base / "update-trust",
                        outcome=base / "update-outcome.json", trusted_root=served.trusted_root,
                        install_dir=_program(tmp_path / "opt" / "counter-app", "0.1.0"))


def _staged_and_handed_off(served: Served, tmp_path: Path, machine: HandoffPaths,
                           version: str = "0.2.0") -> UpdatePaths:
    served.add(make_bundle(tmp_path / "bundle", version, WORKING), version)
    paths = UpdatePaths(tmp_path / "teller" / "updates")
    result = check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                             current_version="0.1.0")
    assert result.state == "staged"
    assert Pending.read(paths.pending) is not None
    assert offer_to_system_installer(paths, machine.spool)
    return paths


def test_a_handed_off_update_is_verified_again_installed_and_collected(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    paths = _staged_and_handed_off(served, tmp_path, machine)
    waiting = handoff_state(machine)
    assert waiting is not None and waiting["request"]["version"] == "0.2.0"

    outcome = install_from_spool(machine, installed="0.1.0")

    assert (outcome.state, outcome.version, outcome.from_version) == ("applied", "0.2.0", "0.1.0")
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.2.0\n"
    assert (machine.previous / "counter-app").read_text() == "stand-in program 0.1.0\n"
    assert not machine.request.exists() and not machine.new.exists()
    assert not machine.journal.exists()
    assert not list((machine.spool / "targets").iterdir())  # the 192 MB archive does not stay
    if os.name == "posix":  # another teller account of the group may hand off next
        assert stat.S_IMODE((machine.spool / "targets").stat().st_mode) & 0o070 == 0o070
    assert json.loads(machine.outcome.read_text())["state"] == "applied"
    # for the package's preinst: this folder is no longer dpkg's
    assert json.loads((machine.install_dir / MARKER).read_text())["version"] == "0.2.0"
    # the installer kept its own trusted metadata: the spool is only a mirror
    assert (machine.trust / "metadata" / "timestamp.json").is_file()

    # the teller's next start: the outcome reaches the account once, the staged copy goes
    collected = collect_outcome(paths, machine.outcome)
    assert collected is not None and collected["state"] == "applied"
    assert json.loads(paths.outcome.read_text())["version"] == "0.2.0"
    assert not paths.pending.exists()
    assert collect_outcome(paths, machine.outcome) is None
    assert inspect_state(paths)["pending"] is None


def test_a_tampered_archive_in_the_spool_is_refused(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    _staged_and_handed_off(served, tmp_path, machine)
    archive = next((machine.spool / "targets").glob("counter-app-*"))
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))

    outcome = install_from_spool(machine, installed="0.1.0")

    assert outcome.state == "refused" and "LengthOrHashMismatch" in (outcome.reason or "")
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.1.0\n"
    assert not machine.previous.exists() and not machine.new.exists()
    assert not machine.request.exists()  # consumed: the path unit does not fire again
    assert json.loads(machine.outcome.read_text())["state"] == "refused"


def test_metadata_changed_in_the_spool_is_refused(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    _staged_and_handed_off(served, tmp_path, machine)
    targets = machine.spool / "metadata" / "targets.json"
    meta = json.loads(targets.read_text())
    name = next(iter(meta["signed"]["targets"]))
    meta["signed"]["targets"][name]["length"] += 1  # unsigned change: the signature breaks
    targets.write_text(json.dumps(meta))

    outcome = install_from_spool(machine, installed="0.1.0")

    assert outcome.state == "refused"
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.1.0\n"


def test_an_archive_not_newer_than_the_installed_version_is_refused(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    _staged_and_handed_off(served, tmp_path, machine)

    outcome = install_from_spool(machine, installed="0.3.0")  # an older version offered

    assert outcome.state == "refused" and "not newer" in (outcome.reason or "")
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.1.0\n"


def test_a_request_naming_a_file_outside_the_spool_is_refused(machine: HandoffPaths) -> None:
    machine.request.write_text(json.dumps({"archive": "../../etc/passwd", "version": "9"}))

    outcome = install_from_spool(machine, installed="0.1.0")

    assert outcome.state == "refused"
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.1.0\n"


def test_a_swap_cut_between_the_renames_is_finished(machine: HandoffPaths) -> None:
    _program(machine.new, "0.2.0")
    machine.trust.mkdir(parents=True)
    machine.journal.write_text(json.dumps({"version": "0.2.0", "state": "swapping"}))
    machine.install_dir.rename(machine.previous)  # power lost here

    assert recover_swap(machine) == "finished"
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.2.0\n"
    assert (machine.previous / "counter-app").read_text() == "stand-in program 0.1.0\n"
    assert not machine.journal.exists()
    assert install_from_spool(machine, installed="0.1.0").state == "nothing"


def test_a_swap_cut_before_the_renames_is_undone(machine: HandoffPaths) -> None:
    _program(machine.new, "0.2.0")
    machine.trust.mkdir(parents=True)
    machine.journal.write_text(json.dumps({"version": "0.2.0", "state": "swapping"}))

    outcome = install_from_spool(machine, installed="0.1.0")

    assert outcome.state == "recovered" and outcome.reason == "swap undone"
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.1.0\n"
    assert not machine.new.exists() and not machine.journal.exists()
    assert json.loads(machine.outcome.read_text())["reason"] == "swap undone"


def test_no_spool_means_no_hand_off(served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0", WORKING), "0.2.0")
    paths = UpdatePaths(tmp_path / "teller" / "updates")
    assert not offer_to_system_installer(paths, tmp_path / "spool")  # nothing staged yet
    check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                    current_version="0.1.0")

    assert not offer_to_system_installer(paths, tmp_path / "no-such-spool")
    assert Pending.read(paths.pending) is not None  # still staged for a writable install


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_install_waits_while_the_program_runs(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    _staged_and_handed_off(served, tmp_path, machine)
    sleeper = machine.install_dir / "sleeper"
    sleeper_source = shutil.which("sleep")
    assert sleeper_source is not None
    shutil.copy2(sleeper_source, sleeper)
    proc = subprocess.Popen([str(sleeper), "60"])
    try:
        assert running_from(machine.install_dir) == [proc.pid]
        deferred = install_from_spool(machine, installed="0.1.0")
        assert deferred.state == "deferred"
        assert machine.request.exists() and not machine.outcome.exists()
        assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.1.0\n"
    finally:
        proc.kill()
        proc.wait()

    assert install_from_spool(machine, installed="0.1.0").state == "applied"


def test_the_counter_hands_off_at_sign_out_and_audits_the_install_at_its_next_start(
        served: Served, tmp_path: Path, machine: HandoffPaths,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the application's own paths (Services.check_for_update, build_services) with
    a program folder this account may not replace (none in the profile, not frozen)."""
    import dataclasses

    from sqlalchemy import select

    from counter_app import update_handoff
    from counter_app.bootstrap import build_services
    from counter_app.profile import UpdateSettings
    from counter_app.store.models import AuditEntry
    from tests.fixtures.app import make_profile

    monkeypatch.setattr(update_handoff, "DEFAULT_SPOOL", machine.spool)
    monkeypatch.setattr(update_handoff, "DEFAULT_OUTCOME", machine.outcome)
    served.add(make_bundle(tmp_path / "b99", "99.0.0", WORKING), "99.0.0")
    profile = make_profile(tmp_path / "counter")
    profile = dataclasses.replace(profile, updates=UpdateSettings(
        repository_url=served.url, trusted_root=served.trusted_root,
        folder=tmp_path / "counter" / "updates", install_dir=None))
    services = build_services(profile)
    try:
        result = services.check_for_update()
    finally:
        services.store.close()
    assert result is not None and "系统安装服务" in result.message_zh
    assert json.loads(machine.request.read_text())["version"] == "99.0.0"

    assert install_from_spool(machine, installed="0.1.0").state == "applied"

    services = build_services(profile)  # the teller's next start
    try:
        with services.store.read() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "update.applied")).one()
            assert (entry.actor, dict(entry.detail)["version"]) == ("system", "99.0.0")
    finally:
        services.store.close()
    assert not (tmp_path / "counter" / "updates" / "pending.json").exists()


def test_the_command_the_service_runs(served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    """`counter-app update-install` with the unit's paths replaced: what systemd starts."""
    from counter_app.updates import current_version

    _staged_and_handed_off(served, tmp_path, machine, "99.0.0")
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "COUNTER_APP_HOME": str(machine.trust), "PYTHONPATH": str(root)}
    proc = subprocess.run(
        [sys.executable, "-m", "counter_app", "update-install", "--spool", str(machine.spool),
         "--trust-dir", str(machine.trust), "--outcome", str(machine.outcome),
         "--trusted-root", str(machine.trusted_root), "--install-dir", str(machine.install_dir)],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout.strip().splitlines()[-1])
    assert (printed["state"], printed["version"]) == ("applied", "99.0.0")
    assert printed["from_version"] == current_version()
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 99.0.0\n"
    assert (machine.trust / "logs" / "counter-app.log").is_file()  # its log stays root's


def test_the_service_run_after_a_cut_swap_records_it_and_knows_the_new_version(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    """Power lost between the renames while a request for the same version waits: the run
    finishes the swap and does not install that version a second time."""
    _staged_and_handed_off(served, tmp_path, machine)
    request = machine.request.read_bytes()
    assert install_from_spool(machine, installed="0.1.0").state == "applied"
    # put the folders back to the moment between the two renames, with the journal
    machine.install_dir.rename(machine.new)
    machine.journal.write_text(json.dumps({"version": "0.2.0", "state": "swapping"}))
    machine.request.write_bytes(request)
    (machine.spool / "targets").rmdir()  # the archive was used: only the request is left

    outcome = install_from_spool(machine, installed="0.1.0")  # from the kept program

    assert outcome.state == "current" and outcome.version == "0.2.0"
    assert json.loads(machine.outcome.read_text())["state"] == "applied"  # not overwritten
    assert (machine.install_dir / "counter-app").read_text() == "stand-in program 0.2.0\n"
    assert (machine.previous / "counter-app").read_text() == "stand-in program 0.1.0\n"

    machine.install_dir.rename(machine.new)
    machine.journal.write_text(json.dumps({"version": "0.2.0", "state": "swapping"}))
    recorded = install_from_spool(machine, installed="0.1.0")
    assert (recorded.state, recorded.version, recorded.reason) == ("recovered", "0.2.0",
                                                                    "swap finished")
    assert json.loads(machine.outcome.read_text())["state"] == "recovered"


def test_a_later_sign_out_does_not_copy_the_archive_again_and_a_reached_version_is_dropped(
        served: Served, tmp_path: Path, machine: HandoffPaths) -> None:
    paths = _staged_and_handed_off(served, tmp_path, machine)
    handed = next((machine.spool / "targets").glob("counter-app-*"))
    first = handed.stat().st_ino, handed.stat().st_mtime_ns

    assert offer_to_system_installer(paths, machine.spool)  # the next teller signs out
    assert (handed.stat().st_ino, handed.stat().st_mtime_ns) == first

    # no outcome to read (another .deb was installed, say): the running version decides
    assert collect_outcome(paths, tmp_path / "no-outcome.json", running="0.1.0") is None
    assert Pending.read(paths.pending) is not None
    assert collect_outcome(paths, tmp_path / "no-outcome.json", running="0.2.0") is None
    assert Pending.read(paths.pending) is None
    assert not (paths.staged / "0.2.0").exists()
