"""A non-instant CCB branch (real SQLite store) on its own reference central, with helpers to
take applications, advance production and pull the update feed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from central_sim.seed import GENERATED_PEOPLE, generated_id
from counter_app.bootstrap import central_client as profile_client
from counter_app.bootstrap import make_sync_worker, open_profile_store
from counter_app.central.api import Application, ApplicationRequest
from counter_app.central.client import HttpCentralClient
from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.sscard import SocialCardReader
from counter_app.domain.applications import Acceptance
from counter_app.printing import BranchInfo
from counter_app.profile import BranchProfile
from counter_app.store.applications import ApplicationStore
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.database import Store
from counter_app.store.production import ProductionStore
from counter_app.workflows.production import ProductionContext, ProductionDesk
from tests.fixtures.app import make_profile

PHOTO = "ab" * 32


@dataclass
class Branch:
    central: CentralSimHandle
    profile: BranchProfile
    store: Store
    client: HttpCentralClient
    next_person: int = 2000

    def context(self, *, card_reader: SocialCardReader | None = None,
                clock: Callable[[], dt.datetime] | None = None) -> ProductionContext:
        p = self.profile
        ctx = ProductionContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=False),
            branch_code=p.branch_code, bank_code=p.bank.code, counter_id=p.counter_id,
            teller="T0301", central=self.client, repo=ProductionStore(self.store),
            outbox=CardOperationStore(self.store), card_reader=card_reader, hold_s=0)
        if clock is not None:
            ctx.clock = clock
        return ctx

    def desk(self, **kw: object) -> ProductionDesk:
        return ProductionDesk(self.context(**kw))  # type: ignore[arg-type]

    def take(self, *, fail: bool = False, guardian: str | None = None,
             id_number: str | None = None, collection: str = "BRANCH") -> tuple[Application, str]:
        """An application accepted at this counter (local record) and at the central; the
        central fails production of ids ending in 7: ``fail`` picks one that will."""
        while True:
            idn = id_number or generated_id(self.next_person)
            self.next_person += 1
            if id_number is None and (not self.client.eligibility(idn, "CCB").eligible
                                      or self._named_as_seeded(idn)):
                continue
            app = self.client.submit_application(ApplicationRequest(
                id_number=idn, bank_code="CCB", branch_code=self.profile.branch_code,
                making_mode="FACTORY", photo_sha256=PHOTO, collection=collection,  # type: ignore[arg-type]
                guardian_id_number=guardian,
                ems_address="浙江省宁波市海曙区中山西路1号" if collection == "EMS" else None),
                idempotency_key=str(uuid.uuid4()))
            # the application id is random: with a fixed ID number, cancel and ask again
            # until production will go the way the test wants
            if app.application_id.endswith("7") == fail:
                break
            self.client.cancel_application(app.application_id, branch_code=app.branch_code,
                                           reason="test", idempotency_key=str(uuid.uuid4()))
        name = self.client.get_person(idn).name
        op = str(uuid.uuid4())
        ApplicationStore(self.store).accept(Acceptance(
            draft_id=str(uuid.uuid4()), teller="T0301", id_number=idn,
            branch_code=self.profile.branch_code, counter_id=self.profile.counter_id,
            making_mode="FACTORY", collection=collection, op_id=op,
            operation="applications.submit", payload={"id_number": idn},
            record={"applicant": {"name": name}, "id_number": idn,
                    "guardian": {"id_number": guardian} if guardian else None},
            photo=None, audit={}, central_response={"application_id": app.application_id,
                                                    "state": app.state},
            accepted_at=dt.datetime.now(dt.UTC)))
        return app, name

    def received(self, **take: object) -> tuple[str, str, str, str]:
        """An application taken, made, shipped and received into custody (box R): (application
        id, card no, id number, name)."""
        from counter_app.devices.sscard import SimulatedSocialCardReader
        from counter_app.workflows.production.record import Outcome
        from counter_app.workflows.production.record import Step as ReceiptStep

        app, name = self.take(**take)  # type: ignore[arg-type]
        self.advance(2)
        self.pull()
        card_no = self.client.application(app.application_id).card_no
        assert card_no
        wf = self.desk(card_reader=SimulatedSocialCardReader()).new_receipt()
        wf.batches()
        batch_id = self.client.application(app.application_id).batch_id
        assert batch_id
        wf.choose(batch_id)
        wf.add_read(card_no, app.application_id)
        wf.apply(ReceiptStep.PLACE, {"box": "R"})
        assert wf.confirm() is Outcome.SENT
        return app.application_id, card_no, app.id_number, name

    def _named_as_seeded(self, id_number: str) -> bool:
        """Generated names repeat every 140 people: one of them shares the name of the seeded
        card in this branch's shipped batch (BATCH-SEED-0002), which a search by name would
        also find. Such a person is not taken, so a test's search by name finds one row."""
        seeded = self.client.get_person(generated_id(GENERATED_PEOPLE - 1)).name
        return self.client.get_person(id_number).name == seeded

    def advance(self, times: int = 1) -> None:
        for _ in range(times):
            self.central.advance_production()

    def pull(self) -> int:
        return make_sync_worker(self.profile, self.store, self.client).pull()


@pytest.fixture
def branch(tmp_path: Path, make_central: Callable[..., CentralSimHandle]) -> Iterator[Branch]:
    central = make_central()
    profile = make_profile(tmp_path, "central")
    profile = replace(profile, central=replace(profile.central, base_url=central.url))
    store = open_profile_store(profile, exclusive=True)
    client = profile_client(profile)
    try:
        yield Branch(central, profile, store, client)
    finally:
        client.close()
        store.close()
