"""`counter-app demo --tour DIR --only supervision` end to end, as a separate process: a
teller locked out, unlocked by the supervisor with the authenticator's code, and a dead letter
the reference central refused decided with a second code (each step waits for its result)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def test_the_supervision_tour_unlocks_a_teller_and_decides_a_dead_letter(tmp_path: Path) -> None:
    out, done = run_tour(tmp_path, "supervision")
    assert "CHANGE_NEEDS_PROOF" in done.stderr  # the central's own refusal made the dead letter
    shots = sorted(p.name for p in (out / "supervision").glob("*.png"))
    for step in ("teller-locked-out", "tellers-teller-locked", "unlock-with-code",
                 "teller-unlocked", "dead-letters", "dead-letter-decided"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    waits = json.loads((out / "timings.json").read_text(encoding="utf-8"))["supervision"]["waits"]
    assert [w for w, _s in waits if w.startswith("主管")] == ["主管授权解锁柜员", "主管决定异常件（作废）"]
