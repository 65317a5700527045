"""The one composition root: builds every service from the branch profile.

Nothing else constructs adapters; the UI, the commands and the tests receive what they
need from here (tests may pass their own pieces).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter_app.profile import BranchProfile, load_profile
from counter_app.store.crypto import DataCipher, load_or_create_key_file
from counter_app.store.database import Store, open_store
from counter_app.store.models import OutboxMessage
from counter_app.workflows.login import LoginPolicy, TellerAuth
from counter_app.workflows.status import LineReading, read_line

log = logging.getLogger(__name__)


@dataclass
class Services:
    profile: BranchProfile
    store: Store
    auth: TellerAuth
    extras: dict[str, Any] = field(default_factory=dict)
    _central: Any = None

    @property
    def central(self) -> Any:
        """The central client, built on first use (the login window does not need it)."""
        if self._central is None:
            self._central = central_client(self.profile)
        return self._central

    @central.setter
    def central(self, client: Any) -> None:
        self._central = client

    def probe_line(self) -> LineReading:
        return read_line(self.central.health)

    def outbox_depth(self) -> int:
        with self.store.read() as s:
            return s.query(OutboxMessage).filter(
                OutboxMessage.status.in_(("pending", "sending"))).count()

    def presence_source(self) -> Any:
        """The card layer's reader monitor for the two slots of this counter."""
        return PresenceSource([self.profile.readers.card, self.profile.readers.psam])

    def close(self) -> None:
        close = getattr(self._central, "close", None)
        if close is not None:
            close()
        self.store.close()


class PresenceSource:
    """Adapts the card layer's monitor to the status bar's start(callback)/stop() protocol."""

    def __init__(self, reader_names: list[str]) -> None:
        self.reader_names = reader_names
        self.monitor: Any = None

    def start(self, callback: Callable[[dict[str, Any]], None]) -> None:
        from counter_app.card.presence import PresenceMonitor

        self.monitor = PresenceMonitor(self.reader_names, callback)
        self.monitor.start()

    def stop(self) -> None:
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor = None


def open_profile_store(profile: BranchProfile, *, exclusive: bool) -> Store:
    cipher = DataCipher(load_or_create_key_file(profile.security.key_file))
    return open_store(profile.database, cipher, exclusive=exclusive)


def central_client(profile: BranchProfile) -> Any:
    from counter_app.central.client import HttpCentralClient, Timeouts

    c = profile.central

    def text(path: Path | None) -> str | None:
        return str(path) if path else None

    return HttpCentralClient(
        c.base_url,
        timeouts=Timeouts(connect=c.connect_timeout_s, read=c.read_timeout_s,
                          health=min(c.read_timeout_s, max(1.0, c.health_interval_s))),
        ca_file=text(c.ca_file),
        client_cert=text(c.client_cert),
        client_key=text(c.client_key),
        client_id=f"{profile.branch_code}/{profile.counter_id}",
    )


def build_services(profile: BranchProfile, *, exclusive: bool = True) -> Services:
    store = open_profile_store(profile, exclusive=exclusive)
    auth = TellerAuth(
        store,
        LoginPolicy(profile.security.max_login_failures, profile.security.lockout_minutes),
        profile.counter_id,
    )
    auth.ensure_first_admin()
    if profile.demo:
        auth.seed_demo_accounts()
    return Services(profile=profile, store=store, auth=auth)


def build_from_file(path: Path, *, state_dir: Path | None = None) -> Services:
    return build_services(load_profile(path, state_dir=state_dir))
