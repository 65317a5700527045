"""No notice data is lost when the central's update arrives before the application is tracked
here: an EMS application taken and shipped before anyone opened 集中制卡 shows its tracking
number; a notice pulled before the central's answer to the submission was recorded is replayed
when tracking starts."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from counter_app.bootstrap import open_profile_store
from counter_app.central.api import UpdateItem
from counter_app.domain.applications import Acceptance
from counter_app.store.applications import ApplicationStore
from counter_app.store.central_updates import StoreUpdateSink
from counter_app.store.models import ProductionItem
from counter_app.store.production import ProductionStore
from tests.fixtures.app import make_profile
from tests.integration.production.conftest import Branch


@pytest.mark.central
def test_an_ems_card_shipped_before_tracking_shows_its_tracking_number(branch: Branch) -> None:
    app, name = branch.take(collection="EMS")
    with branch.store.read() as s:
        assert s.query(ProductionItem).count() == 0  # nobody opened 集中制卡 yet
    branch.advance(2)  # made and handed to EMS at the central
    branch.pull()
    ems = branch.client.application(app.application_id).ems_tracking_no
    assert ems and ems.startswith("EA")
    tracked = ProductionStore(branch.store).get(app.application_id)
    assert tracked is not None and tracked.ems_tracking_no == ems  # tracked by the feed itself
    assert tracked.state == "SHIPPED" and tracked.card_no and tracked.name == name
    line = branch.desk().search(app.id_number).lines[0]
    assert line.state_zh == "已寄出" and f"邮件号 {ems}" in line.next_zh
    assert StoreUpdateSink(branch.store).unhandled("APPLICATION_STATE") == []


def test_notices_pulled_before_the_submission_was_answered_are_replayed(tmp_path: Path) -> None:
    store = open_profile_store(make_profile(tmp_path, "central"), exclusive=True)
    try:
        sink = StoreUpdateSink(store)
        # the feed outran the submission's answer: not ours yet, kept unhandled
        sink.apply([UpdateItem(5, "APPLICATION_STATE", "APP-EMS1", {"state": "IN_PRODUCTION"}),
                    UpdateItem(6, "APPLICATION_STATE", "APP-EMS1",
                               {"state": "SHIPPED", "card_no": "NC0001234",
                                "ems_tracking_no": "EA000000042CN"}),
                    UpdateItem(7, "APPLICATION_STATE", "APP-OTHER", {"state": "SHIPPED",
                                                                     "batch_id": "BATCH-X"})])
        assert [n.seq for n in sink.unhandled("APPLICATION_STATE")] == [5, 6, 7]
        ApplicationStore(store).accept(Acceptance(
            draft_id=str(uuid.uuid4()), teller="T0301", id_number="330203198506122017",
            branch_code="CCB-NB-0201", counter_id="02", making_mode="FACTORY",
            collection="EMS", op_id=str(uuid.uuid4()), operation="applications.submit",
            payload={}, record={"applicant": {"name": "李明"}, "id_number": "330203198506122017"},
            photo=None, audit={}, central_response={"application_id": "APP-EMS1",
                                                    "state": "DATA_ENTRY"},
            accepted_at=dt.datetime.now(dt.UTC)))
        repo = ProductionStore(store)
        assert repo.track_local() == 1
        t = repo.get("APP-EMS1")
        assert t is not None and t.state == "SHIPPED" and t.ems_tracking_no == "EA000000042CN"
        assert t.card_no == "NC0001234" and repo.search("NC0001234")[0].application_id == "APP-EMS1"
        # the replayed ones are handled; another counter's stays for whoever tracks it
        assert [n.seq for n in sink.unhandled("APPLICATION_STATE")] == [7]
        assert repo.track_local() == 0
    finally:
        store.close()
