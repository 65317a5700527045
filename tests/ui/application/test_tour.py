"""`counter-app demo --tour DIR --only application` end to end, as a separate process (it starts
its own reference central and runs offscreen): a PNG of every step, every PDF, the timings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central

ROOT = Path(__file__).resolve().parents[3]


def test_the_application_tour_saves_every_step_and_every_pdf(tmp_path: Path) -> None:
    out, done = run_tour(tmp_path, "application")
    scenarios = {p.name for p in out.iterdir() if p.is_dir()}
    assert scenarios == {"application-adult-instant", "application-minor-noninstant",
                         "application-line-down", "application-card-holder",
                         "application-draft-resumed"}
    resumed = sorted(p.name for p in (out / "application-draft-resumed").glob("*.png"))
    assert any(name.endswith("-drafts-offered-again.png") for name in resumed)
    adult = sorted(p.name for p in (out / "application-adult-instant").glob("*.png"))
    for step in ("identify", "id-card-read", "eligibility", "materials-checked",
                 "applicant-error-beside-field", "photo-checked", "review", "submitted",
                 "preview-form", "preview-receipt"):
        assert any(name.endswith(f"-{step}.png") for name in adult), step
    with Image.open(out / "application-adult-instant" / adult[-1]) as image:
        assert image.size[0] > 600 and image.getextrema() != ((0, 0), (0, 0), (0, 0))
    minor = out / "application-minor-noninstant"
    assert any(p.name.endswith("-guardian.png") for p in minor.glob("*.png"))
    form = "".join(p.extract_text() for p in PdfReader(minor / "minor-noninstant-form.pdf").pages)
    assert "王小雨" in form and "李明" in form
    pending = "".join(p.extract_text() for p in
                      PdfReader(out / "application-line-down" / "line-down-receipt.pdf").pages)
    assert "待上传" in pending
    timings = json.loads((out / "timings.json").read_text(encoding="utf-8"))
    assert 0 < timings["application-adult-instant"]["total_wait_s"] < 30
    assert "软件等待合计" in done.stdout


def test_an_unknown_scenario_is_named(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "counter_app.cli", "demo", "--tour",
                           str(tmp_path), "--only", "nothing"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "application" in done.stderr and "Traceback" not in done.stderr
