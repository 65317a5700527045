"""The Debian side of the update hand-off: the systemd units (checked by systemd-analyze when
it is here, else parsed), their paths against the installer's, and the .deb built from a
stand-in payload (not the 480 MB frozen build) installed, checked and purged by
packaging/test-deb.sh."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from counter_app import update_handoff as handoff

ROOT = Path(__file__).resolve().parents[3]
DEB = ROOT / "packaging" / "deb"
UNITS = ("counter-app-update.path", "counter-app-update.timer", "counter-app-update.service")
HOST_UNITS = Path("/lib/systemd/system")


class _UnitParser(configparser.ConfigParser):
    def optionxform(self, optionstr: str) -> str:
        return optionstr  # unit keys are case-sensitive


def _unit(name: str) -> configparser.ConfigParser:
    parser = _UnitParser(strict=False, interpolation=None)
    parser.read_string((DEB / name).read_text(encoding="utf-8"))
    return parser


def _values(text: str, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None
                    or not (HOST_UNITS / "sysinit.target").exists(), reason="no systemd here")
def test_systemd_analyze_accepts_the_units(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(HOST_UNITS, root / "lib" / "systemd" / "system", symlinks=True)
    for name in UNITS:
        shutil.copy(DEB / name, root / "lib" / "systemd" / "system" / name)
    installer = root / "usr" / "lib" / "counter-app" / "update-install"
    installer.parent.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "update_install.sh", installer)
    installer.chmod(0o755)

    proc = subprocess.run(["systemd-analyze", "verify", f"--root={root}",
                           *(f"/lib/systemd/system/{n}" for n in UNITS)],
                          capture_output=True, text=True, timeout=120)

    ours = [line for line in proc.stderr.splitlines() if "counter-app" in line]
    assert proc.returncode == 0 and not ours, proc.stderr


def test_the_units_watch_the_installers_paths_and_run_it_as_root() -> None:
    path_text = (DEB / "counter-app-update.path").read_text(encoding="utf-8")
    service_text = (DEB / "counter-app-update.service").read_text(encoding="utf-8")
    assert _values(path_text, "PathChanged") == [str(handoff.DEFAULT_SPOOL / handoff.REQUEST)]
    assert _values(path_text, "Unit") == ["counter-app-update.service"]
    assert _values(service_text, "ConditionPathExists") == [
        f"|{handoff.DEFAULT_SPOOL / handoff.REQUEST}", f"|{handoff.DEFAULT_TRUST / handoff.JOURNAL}"]
    service = _unit("counter-app-update.service")["Service"]
    assert service["Type"] == "oneshot" and "User" not in service  # root: it replaces /opt
    assert service["ExecStart"] == "/usr/lib/counter-app/update-install"
    assert service["Environment"] == f"COUNTER_APP_HOME={handoff.DEFAULT_TRUST}"
    assert _unit("counter-app-update.timer")["Install"]["WantedBy"] == "timers.target"
    # the wrapper runs the program's own command from the install folder, or the kept one
    wrapper = (ROOT / "packaging" / "update_install.sh").read_text(encoding="utf-8")
    assert f"{handoff.DEFAULT_INSTALL}/counter-app " in wrapper
    assert f"{handoff.DEFAULT_INSTALL}.previous/counter-app" in wrapper
    assert 'exec "$app" update-install' in wrapper
    postinst = (DEB / "postinst").read_text(encoding="utf-8")
    assert f"install -d -m 2770 \"$R{handoff.DEFAULT_SPOOL}\"" in postinst
    assert f"install -d -m 0700 \"$R{handoff.DEFAULT_TRUST}\"" in postinst
    preinst = (DEB / "preinst").read_text(encoding="utf-8")
    assert f"$R{handoff.DEFAULT_INSTALL}/{handoff.MARKER}" in preinst


STAND_IN = """#!/bin/sh
# stand-in for the frozen program: what packaging/test-deb.sh asks of it
if [ "$1" = "--version" ]; then echo "counter-app 0.1.0"; exit 0; fi
if [ "$1" = "--profile" ]; then printf '{"profile": "%s"}\\n' "$2"; exit 1; fi
exit 2
"""


@pytest.mark.skipif(shutil.which("dpkg-deb") is None or shutil.which("dpkg") is None,
                    reason="needs dpkg")
def test_the_deb_installs_enables_and_removes_the_update_service(tmp_path: Path) -> None:
    payload = tmp_path / "payload" / "counter-app"
    (payload / "_internal").mkdir(parents=True)
    (payload / "counter-app").write_text(STAND_IN)
    (payload / "counter-app").chmod(0o755)
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, COUNTER_APP_DIST=str(payload), DEB_BUILD_DIR=str(tmp_path / "build"),
               DEB_OUT_DIR=str(out), DEB_COMPRESS="none")

    build = subprocess.run([str(ROOT / "packaging" / "build-deb.sh")], env=env,
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    deb = next(out.glob("counter-app_0.1.0_*.deb"))
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    for shipped in ("./lib/systemd/system/counter-app-update.path",
                    "./lib/systemd/system/counter-app-update.timer",
                    "./lib/systemd/system/counter-app-update.service",
                    "./usr/lib/counter-app/update-install", "./opt/counter-app/counter-app"):
        assert shipped in listing

    test = subprocess.run([str(ROOT / "packaging" / "test-deb.sh"), str(deb)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "update units enabled and removed" in test.stdout
