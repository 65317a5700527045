"""Updates pulled from the reference central are stored once and applied to local applications."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.bootstrap import make_sync_worker, open_profile_store
from counter_app.central.api import UpdateItem
from counter_app.central.launcher import CentralSimHandle
from counter_app.store.central_updates import StoreUpdateSink
from counter_app.store.models import CardApplication, CentralNotice
from tests.fixtures.app import make_profile

pytestmark = pytest.mark.central


def test_pull_stores_every_notice_once(tmp_path: Path, central: CentralSimHandle) -> None:
    from dataclasses import replace

    from counter_app.bootstrap import central_client as profile_client

    profile = make_profile(tmp_path, "central")  # the non-instant CCB branch has seeded notices
    profile = replace(profile, central=replace(profile.central, base_url=central.url))
    store = open_profile_store(profile, exclusive=True)
    client = profile_client(profile)  # calls as the CCB branch's counter: its own updates
    try:
        worker = make_sync_worker(profile, store, client)
        pulled = worker.pull()
        assert pulled >= 1
        notices = StoreUpdateSink(store).unhandled()
        kinds = {n.kind for n in notices}
        assert len(notices) == pulled and "BATCH_SHIPPED" in kinds
        # a crash before the cursor moved: the same items come again and are not stored twice
        from counter_app.central.sync import STATE_CURSOR

        worker.repo.set_state(STATE_CURSOR, "0")
        worker.pull()
        with store.read() as s:
            assert s.query(CentralNotice).count() == pulled
        raw = store.path.read_bytes()
        assert not any(n.ref.encode() in raw for n in notices if len(n.ref) >= 8)  # refs are encrypted
    finally:
        client.close()
        store.close()


def test_application_state_updates_the_local_application(tmp_path: Path) -> None:
    profile = make_profile(tmp_path)
    store = open_profile_store(profile, exclusive=True)
    try:
        with store.write() as s:
            s.add(CardApplication(application_no="ICBC-NB-0101-20261129-030001", draft_id="d1", person_index="p",
                                  teller="T0301", branch_code="ICBC-NB-0101", making_mode="FACTORY",
                                  collection="BRANCH", status="submitted", op_id="op1",
                                  central_application_id="APP-42", central_state="DATA_ENTRY", record={}))
        sink = StoreUpdateSink(store)
        sink.apply([UpdateItem(1, "APPLICATION_STATE", "APP-42", {"state": "IN_PRODUCTION"}),
                    UpdateItem(2, "APPLICATION_STATE", "APP-99", {"state": "IN_PRODUCTION"}),
                    UpdateItem(3, "PRE_LOSS", "NB0000016", {"function": "social"})])
        with store.read() as s:
            assert s.query(CardApplication).one().central_state == "IN_PRODUCTION"
        assert [n.seq for n in sink.unhandled()] == [2, 3]  # not ours yet / for the loss business
        assert [n.seq for n in sink.unhandled("PRE_LOSS")] == [3]
    finally:
        store.close()
