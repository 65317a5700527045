"""The card emulator's log sits beside the emulated cards' keys: owner-only like the store."""

from __future__ import annotations

import os
import stat

import pytest

from counter_app.card.emulator.launcher import EmulatorHandle

pytestmark = [pytest.mark.pcsc,
              pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")]


def test_the_emulator_log_is_owner_only(card_emulator_process: EmulatorHandle) -> None:
    assert card_emulator_process.log_path.exists()
    assert stat.S_IMODE(card_emulator_process.log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(card_emulator_process.state_dir.stat().st_mode) == 0o700
