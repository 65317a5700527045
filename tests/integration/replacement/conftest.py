"""Replacement tests: their own reference central (a replacement cancels demo cards), the
loss tests' counters (real SQLite store and outbox, real HTTP)."""

from tests.integration.card_loss.conftest import central, counters, loss_central_sim

__all__ = ["central", "counters", "loss_central_sim"]
