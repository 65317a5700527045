"""Counters whose sync loops started in the same instant (a city's PCs rebooted by one power
cut) must not probe and drain in lockstep when the line returns: each wait between cycles is
jittered, so their cycles drift apart."""

from __future__ import annotations

import random
import threading

from counter_app.central.sync import SyncPolicy, SyncWorker
from tests.unit.central.test_sync_worker import FakeCentral, FakeOutbox


def test_wait_between_cycles_is_jittered_around_the_interval() -> None:
    policy = SyncPolicy()  # 5 s ± 50 %
    rng = random.Random(3)
    waits = [policy.next_cycle_in(0.0, rng) for _ in range(2000)]
    assert all(2.5 <= w <= 7.5 for w in waits)
    assert min(waits) < 2.7 and max(waits) > 7.3
    assert abs(sum(waits) / len(waits) - 5.0) < 0.15  # the mean rate is unchanged
    # a slow cycle shortens the wait, never below zero
    assert all(policy.next_cycle_in(10.0, rng) == 0.0 for _ in range(50))
    assert SyncPolicy(interval_jitter=0).next_cycle_in(1.5, rng) == 3.5


def test_loops_started_together_spread_over_the_interval() -> None:
    policy = SyncPolicy()
    cycle_s = 0.05  # a quick probe while the line is down
    starts = [0.0] * 300  # 300 counters switched on in the same second
    rngs = [random.Random(i) for i in range(len(starts))]
    for _ in range(12):  # one minute of cycles
        starts = [t + cycle_s + policy.next_cycle_in(cycle_s, r) for t, r in
                  zip(starts, rngs, strict=True)]
    phases = sorted(t % policy.interval_s for t in starts)
    # without jitter every counter would probe in the same instant; now no half-second of
    # the 5 s cycle holds more than a fifth of them
    busiest = max(sum(1 for p in phases if lo <= p < lo + 0.5) for lo in
                  [x / 10 for x in range(45)])
    assert busiest < len(starts) / 5


class RecordingRandom(random.Random):
    def __init__(self) -> None:
        super().__init__(5)
        self.spreads: list[tuple[float, float]] = []
        self.enough = threading.Event()

    def uniform(self, a: float, b: float) -> float:
        self.spreads.append((a, b))
        if len(self.spreads) >= 3:
            self.enough.set()
        return super().uniform(a, b)


def test_background_loop_waits_a_jittered_interval() -> None:
    rng = RecordingRandom()
    w = SyncWorker(FakeOutbox(), FakeCentral(), branch_code="ICBC-NB-0101",  # type: ignore[arg-type]
                   rng=rng, policy=SyncPolicy(interval_s=0.02, interval_jitter=0.5))
    w.start()
    try:
        assert rng.enough.wait(10)
    finally:
        w.stop()
    assert rng.spreads[:3] == [(-0.01, 0.01)] * 3


def test_probe_interval_backs_off_while_the_line_is_down() -> None:
    policy = SyncPolicy()  # 5 s, capped at 60 s, ± 50 %
    rng = random.Random(9)

    def spread(offline: int) -> tuple[float, float]:
        waits = [policy.next_cycle_in(0.0, rng, offline) for _ in range(500)]
        return min(waits), max(waits)

    assert spread(0)[0] >= 2.5 and spread(1)[1] <= 7.5  # online, or the first failure
    lo, hi = spread(3)  # 20 s ± 50 %
    assert 10 <= lo < 11 and 29 < hi <= 30
    lo, hi = spread(40)  # capped at 60 s ± 50 %, never overflowing
    assert 30 <= lo < 32 and 88 < hi <= 90


def test_background_loop_probes_less_often_while_offline_and_resets_when_back() -> None:
    rng = RecordingRandom()
    central = FakeCentral()
    central.down = True
    w = SyncWorker(FakeOutbox(), central, branch_code="ICBC-NB-0101",  # type: ignore[arg-type]
                   rng=rng, policy=SyncPolicy(interval_s=0.01, interval_jitter=0.5))
    w.start()
    try:
        assert rng.enough.wait(10)
        central.down = False
        n = len(rng.spreads)
        w.wake()
        for _ in range(1000):  # at most ~10 s
            if len(rng.spreads) >= n + 3:
                break
            threading.Event().wait(0.01)
    finally:
        w.stop()
    assert rng.spreads[:3] == [(-0.005, 0.005), (-0.01, 0.01), (-0.02, 0.02)]
    assert rng.spreads[-1] == (-0.005, 0.005)  # online again: the normal interval
