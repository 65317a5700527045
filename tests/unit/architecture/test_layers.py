"""The layering of docs/CONVENTIONS.md ("Layout"), checked by import-linter contracts in pyproject.toml."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is a dev dependency"
    proc = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "BROKEN" not in proc.stdout
    assert proc.stdout.count("KEPT") >= 7


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert ruff
    proc = subprocess.run([ruff, "check", "counter_app", "central_sim", "tests", "bench"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:]


def test_documents_cited_here_exist() -> None:
    # A citation of a document that is not in the project sends the reader nowhere.
    text = Path(__file__).read_text(encoding="utf-8")
    cited = set(re.findall(r"\b(?:docs/)?[A-Z][A-Za-z_-]*\.md\b", text.split("\ndef ")[0]))
    assert cited
    missing = [c for c in sorted(cited) if not (ROOT / c).is_file() and not (ROOT / "docs" / c).is_file()]
    assert not missing, missing
