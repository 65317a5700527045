"""Card numbers allocated by two worker processes at once on PostgreSQL never collide.

``Central.new_card`` counts the cards to find the next number. Its thread lock serialises one
process only; with several workers (READ COMMITTED) two transactions counted the same cards,
the second insert of the same number waited for the first to commit and then failed with a
unique violation: a 500 on the instant issuance's mark or a production step. Two ``Central``
objects on one database stand for two workers here.
"""

from __future__ import annotations

import threading
import time

import pytest

from central_sim.app import Central
from central_sim.db import Application, Card

pytestmark = pytest.mark.postgres
DEMO_PERSON = "330203198506122017"  # seeded (docs/CONVENTIONS.md)


def _app(n: int) -> Application:
    # not added to the session: new_card reads only these fields
    return Application(application_id=f"T-CARDNO-{n}", id_number=DEMO_PERSON, bank_code="ICBC",
                       branch_code="ICBC-NB-0101", kind="FIRST", making_mode="INSTANT",
                       collection="COUNTER", photo_sha256="a" * 64, state="BLANK_MARKED")


def test_two_workers_allocating_at_once_get_different_numbers(pg_schema_url: str) -> None:
    first, second = Central(pg_schema_url), Central(pg_schema_url)
    numbers: dict[str, str] = {}
    errors: list[BaseException] = []
    allocated = threading.Event()

    def worker_a() -> None:
        try:
            with first.db.write() as s:
                numbers["a"] = first.new_card(s, _app(3001))
                allocated.set()
                time.sleep(1.0)  # still uncommitted while the other worker allocates
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
            allocated.set()

    def worker_b() -> None:
        allocated.wait(30)
        try:
            with second.db.write() as s:
                numbers["b"] = second.new_card(s, _app(3002))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker_a), threading.Thread(target=worker_b)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        assert numbers["a"] != numbers["b"]
        with first.db.read() as s:
            assert {c.application_id for c in (s.get(Card, numbers["a"]), s.get(Card, numbers["b"]))
                    if c is not None} == {"T-CARDNO-3001", "T-CARDNO-3002"}
    finally:
        first.db.engine.dispose()
        second.db.engine.dispose()
