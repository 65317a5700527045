"""The weekend duty supervisor (值班主管) authorises a supervisor's step on a weekend day within
its opening hours, and not on a weekday or outside the hours; a supervisor always may. Through
TellerAuth.authorise over the real teller store, the roles computed by authorising_roles from
the profile's hours and a clock set by the test."""

from __future__ import annotations

import datetime as dt
import inspect
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from counter_app.domain.opening_hours import DUTY_SUPERVISOR, OpeningHours, ServiceHours, authorising_roles
from counter_app.domain.schedule import WeekendService
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.tellers import SqlTellerRepository
from counter_app.workflows.login import ROLE_ZH, ROLES, LoginPolicy, LoginRefused, TellerAuth

HOURS = OpeningHours(ServiceHours(("mon", "tue", "wed", "thu", "fri"), dt.time(9), dt.time(17)),
                     WeekendService(("sat", "sun"), dt.time(9), dt.time(16)))
PASSWORD = "Duty@2026"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


class Clock:
    def __init__(self) -> None:
        self.local = dt.datetime(2026, 11, 28, 10, 0)  # Saturday, Beijing

    def roles(self) -> tuple[str, ...]:
        return authorising_roles(HOURS, self.local)


def make_auth(store: Store, clock: Clock) -> TellerAuth:
    repo = SqlTellerRepository(store)
    hashed = PasswordHasher().hash(PASSWORD)
    repo.add_account("W0301", "值班主管 周敏", DUTY_SUPERVISOR, hashed, audit_action="teller.added")
    repo.add_account("S0301", "主管 陈刚", "supervisor", hashed, audit_action="teller.added")
    repo.add_account("T0301", "柜员 王芳", "teller", hashed, audit_action="teller.added")
    kwargs: dict[str, Any] = {"authorisers": clock.roles}
    if "second_factor" in inspect.signature(TellerAuth).parameters:
        kwargs["second_factor"] = False  # the password is what this test is about
    return TellerAuth(repo, LoginPolicy(5, 30), "03", **kwargs)


def authorise(auth: TellerAuth, username: str) -> str:
    """One authorisation by password (with or without the approval object of the second factor)."""
    first = next(iter(inspect.signature(auth.authorise).parameters))
    if first == "approval":
        from counter_app.workflows.supervisor import SupervisorApproval

        return str(auth.authorise(SupervisorApproval(username, PASSWORD),  # type: ignore[call-arg, arg-type, unused-ignore]
                                  purpose="blank_card_spoil"))
    return str(auth.authorise(username, PASSWORD, purpose="blank_card_spoil"))  # type: ignore[call-arg, arg-type, unused-ignore]


def test_the_role_is_known() -> None:
    assert DUTY_SUPERVISOR in ROLES and ROLE_ZH[DUTY_SUPERVISOR] == "值班主管"


@pytest.mark.parametrize(("local", "duty_may"), [
    (dt.datetime(2026, 11, 28, 10, 0), True),  # Saturday in hours
    (dt.datetime(2026, 11, 29, 15, 59, 59), True),  # Sunday, the last second
    (dt.datetime(2026, 11, 29, 16, 0), False),  # Sunday at closing
    (dt.datetime(2026, 11, 28, 8, 59, 59), False),  # Saturday before opening
    (dt.datetime(2026, 11, 30, 10, 0), False),  # Monday: the supervisor's
])
def test_duty_supervisor_authorises_at_weekends_in_hours(store: Store, local: dt.datetime,
                                                         duty_may: bool) -> None:
    clock = Clock()
    clock.local = local
    auth = make_auth(store, clock)
    assert authorise(auth, "S0301") == "S0301"  # a supervisor always
    if duty_may:
        assert authorise(auth, "W0301") == "W0301"
    else:
        with pytest.raises(LoginRefused) as refused:
            authorise(auth, "W0301")
        assert refused.value.code == "NOT_AUTHORISED" and "值班主管" in refused.value.message_zh
    with pytest.raises(LoginRefused):
        authorise(auth, "T0301")  # a teller never
