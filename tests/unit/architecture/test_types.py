"""mypy over the packages that are type-checked strictly (configuration in pyproject.toml [tool.mypy]).

The rest of counter_app is configured with ``check_untyped_defs`` but not checked here yet: a
package joins this list, and the strict override in pyproject.toml, once it passes.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Keep in step with the strict [[tool.mypy.overrides]] block of pyproject.toml.
STRICT_PACKAGES = ("domain", "card", "printing", "devices", "central")


def test_strict_packages_type_check() -> None:
    paths = [f"counter_app/{name}" for name in STRICT_PACKAGES]
    # The incremental cache (.mypy_cache, gitignored) makes reruns take about a second.
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache"), *paths],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "Success: no issues found" in proc.stdout


def test_strict_override_lists_the_same_packages() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = [o for o in config["overrides"] if o.get("disallow_untyped_defs")]
    assert len(strict) == 1
    assert sorted(strict[0]["module"]) == sorted(f"counter_app.{name}.*" for name in STRICT_PACKAGES)
