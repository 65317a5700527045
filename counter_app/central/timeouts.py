"""The central client's timeouts, apart from the client so that the branch profile (read
before the login window shows) can take its defaults without loading the HTTP stack."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Timeouts:
    """Seconds. ``read`` bounds each wait for bytes, ``health`` the status-bar probe."""

    connect: float = 3.05  # just above a multiple of TCP's 3 s retransmit; the profile's default too
    read: float = 15.0
    health: float = 2.0
