"""`counter-app demo --tour DIR --only supervision` end to end, as a separate process: a
teller locked out, unlocked by the supervisor with the authenticator's code, and a dead letter
the reference central refused decided with a second code (each step waits for its result);
then 远程授权 between two counter PCs of the branch: the teller at counter 03 asks to spoil a
blank, the supervisor signed in at counter 04 approves on 主管管理 → 远程授权, and the card is
spoiled at 03 with that approval (the tour fails otherwise)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.devices.blank_card import chip_serial_of, demo_atr
from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def test_the_supervision_tour_unlocks_a_teller_and_decides_a_dead_letter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = tmp_path / "texts.jsonl"  # every text of every screenshot (ui/tour_texts.py)
    monkeypatch.setenv("COUNTER_TOUR_TEXTS", str(texts))
    out, done = run_tour(tmp_path, "supervision")
    assert "CHANGE_NEEDS_PROOF" in done.stderr  # the central's own refusal made the dead letter
    shots = sorted(p.name for p in (out / "supervision").glob("*.png"))
    steps = ("teller-locked-out", "tellers-teller-locked", "unlock-with-code", "teller-unlocked",
             "dead-letters", "dead-letter-decided",
             "remote-asked", "remote-approval-tab", "remote-approved", "remote-spoiled")
    for step in steps:
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    assert [name.split("-", 1)[1][:-4] for name in shots] == list(steps)  # in this order
    waits = json.loads((out / "timings.json").read_text(encoding="utf-8"))["supervision"]["waits"]
    assert [w for w, _s in waits if w.startswith("主管")] == [
        "主管授权解锁柜员", "主管决定异常件（作废）", "主管远程批准（登记废卡）"]
    assert "请其他柜台主管远程授权" in [w for w, _s in waits]

    # the act was done, as the two windows showed it (the tour itself also checks this
    # counter's stock and fails when the card is not spoiled)
    serial = chip_serial_of(demo_atr(1))
    shown: dict[str, list[str]] = {}
    for line in texts.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        step = row["shot"].split("/", 1)[1].split("-", 1)[1][:-4]  # supervision/NN-step.png
        shown.setdefault(step, []).append(row["text"])
    asked = next(t for t in shown["remote-asked"] if "已发出远程授权请求" in t)
    number = asked.split("编号 ", 1)[1][:6]
    tab = " ".join(shown["remote-approval-tab"])
    assert "柜台 04" in tab and number in tab and f"登记废卡：{serial}" in tab  # the other PC
    assert f"已批准远程授权（编号 {number}，柜台 03）" in " ".join(shown["remote-approved"])
    assert f"空白卡 {serial} 已登记为废卡（授权主管 S0301）。" in shown["remote-spoiled"]
