"""A short day at the counter in one process (``bench/counter_day.py``): five applications on
one window, each accepted with its documents saved, and nothing left behind (the UI leak
guard in tests/ui/conftest.py checks threads, timers and windows after the test)."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path

import pytest

from counter_app.bootstrap import Fakes, build_services
from tests.fixtures.app import make_profile

pytestmark = pytest.mark.central

BENCH = Path(__file__).resolve().parents[2] / "bench" / "counter_day.py"


def load_bench():  # bench/ is not a package
    spec = importlib.util.spec_from_file_location("counter_day", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_five_applications_in_a_row_are_all_accepted(qtbot, central, tmp_path: Path) -> None:
    day = load_bench()
    profile = make_profile(tmp_path / "state")
    profile = dataclasses.replace(
        profile, central=dataclasses.replace(profile.central, base_url=central.url))
    services = build_services(profile, fakes=Fakes(no_presence=True))
    try:
        # people far from those other tests use: the session's central keeps their applications
        result = day.run_day(services, central, tmp_path / "out", 5, every=5, first_person=2900)
    finally:
        services.close()
    assert result.accepted == 5
    assert len(result.rss_mib) == 1 and result.rss_mib[0][0] == 5
    saved = sorted(p.name for p in (tmp_path / "out").glob("*.pdf"))
    assert saved == [f"a{i:03d}-{kind}.pdf" for i in range(5) for kind in ("form", "receipt")]
    assert result.worst_stall_ms > 0 and result.worst_stall_where  # the probe ran
