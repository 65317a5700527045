"""mypy over all of counter_app (configuration in pyproject.toml [tool.mypy]).

The packages and modules listed below are checked strictly (the strict override block), the
rest with ``check_untyped_defs``. A new package joins the strict list, here and in
pyproject.toml, once it passes.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]

# Keep in step with the strict [[tool.mypy.overrides]] block of pyproject.toml.
STRICT_PACKAGES = ("domain", "card", "printing", "devices", "central", "workflows", "store", "ui")
STRICT_MODULES = ("profile", "bootstrap", "sync_cli", "doctor", "cli", "demo", "display", "__main__", "assets",
                  "setup_cli")


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    # The incremental cache (.mypy_cache, gitignored) makes reruns take about a second.
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )


def test_counter_app_type_checks() -> None:
    proc = _mypy()  # the files of [tool.mypy]: all of counter_app, each module with its flags
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "Success: no issues found" in proc.stdout


def _mypy_config() -> dict[str, Any]:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def test_the_whole_package_is_checked_and_unlisted_modules_inside_untyped_functions() -> None:
    config = _mypy_config()
    assert config["files"] == ["counter_app"]
    assert config["check_untyped_defs"] is True


def test_strict_override_lists_the_same_packages_and_they_exist() -> None:
    strict = [o for o in _mypy_config()["overrides"] if o.get("disallow_untyped_defs")]
    assert len(strict) == 1
    expected = [f"counter_app.{name}.*" for name in STRICT_PACKAGES]
    expected += [f"counter_app.{name}" for name in STRICT_MODULES]
    assert sorted(strict[0]["module"]) == sorted(expected)
    # a misspelt name would match nothing and check nothing strictly
    for name in STRICT_PACKAGES:
        assert (ROOT / "counter_app" / name / "__init__.py").is_file(), name
    for name in STRICT_MODULES:
        assert (ROOT / "counter_app" / f"{name}.py").is_file(), name
