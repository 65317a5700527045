"""How helper processes are started from a source tree and from a frozen build."""

from __future__ import annotations

import sys
import types

import pytest

from counter_app import frozen


def test_from_a_source_tree_helpers_run_with_python_dash_m(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert frozen.module_command("central_sim") == [sys.executable, "-m", "central_sim"]
    assert frozen.module_command("central_sim", "/opt/py") == ["/opt/py", "-m", "central_sim"]


def test_frozen_helpers_run_through_the_executable_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/counter-app/counter-app")
    assert frozen.module_command("counter_app.card.emulator") == [
        "/opt/counter-app/counter-app", "--run-module", "counter_app.card.emulator"]
    # a test that names its interpreter still gets it
    assert frozen.module_command("central_sim", "/usr/bin/python3")[1:] == ["-m", "central_sim"]


def test_run_module_refuses_modules_it_does_not_bundle(capsys: pytest.CaptureFixture[str]) -> None:
    assert frozen.run_module(["os"]) == 2
    assert frozen.run_module([]) == 2
    assert "central_sim" in capsys.readouterr().err


def test_run_module_runs_the_module_as_main_with_its_arguments(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run_module(name: str, run_name: str, alter_sys: bool) -> None:
        seen.update(name=name, run_name=run_name, argv=list(sys.argv))
        raise SystemExit(3)

    monkeypatch.setattr(frozen, "runpy", types.SimpleNamespace(run_module=fake_run_module))
    monkeypatch.setattr(sys, "argv", ["counter-app"])
    assert frozen.run_module(["central_sim", "serve", "--port", "9"]) == 3
    assert seen == {"name": "central_sim", "run_name": "__main__",
                    "argv": ["central_sim", "serve", "--port", "9"]}


def test_run_module_really_runs_the_emulator_command_line(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["counter-app"])
    assert frozen.run_module(["counter_app.card.emulator", "--help"]) == 0
    assert "serve" in capsys.readouterr().out
