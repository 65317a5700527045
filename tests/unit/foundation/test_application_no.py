"""The application number carries the Beijing day, the same day the printed form shows."""

import datetime as dt

from counter_app.store.applications import Acceptance, ApplicationStore, application_no_prefix

# 06:52 on 30 November in Beijing, still 29 November in UTC.
LATE_UTC = dt.datetime(2026, 11, 29, 22, 52, tzinfo=dt.UTC)


def acceptance(draft_id: str, at: dt.datetime) -> Acceptance:
    return Acceptance(
        draft_id=draft_id, teller="T0301", id_number="330203198506122017",
        branch_code="ICBC-NB-0101", counter_id="03", making_mode="instant", collection="branch",
        op_id=f"op-{draft_id}", operation="application.submit", payload={"x": 1},
        record={"name": "李明"}, photo=None, audit={}, central_response=None, accepted_at=at)


def test_prefix_uses_the_beijing_day() -> None:
    assert application_no_prefix("B", "03", LATE_UTC) == "B-20261130-03"
    # A naive value is UTC, as the store keeps it.
    assert application_no_prefix("B", "03", LATE_UTC.replace(tzinfo=None)) == "B-20261130-03"
    # Just before Beijing midnight it is still the 29th.
    assert application_no_prefix("B", "03", dt.datetime(2026, 11, 29, 15, 59, tzinfo=dt.UTC)) \
        == "B-20261129-03"


def test_accepted_application_is_numbered_by_the_beijing_day(store) -> None:
    apps = ApplicationStore(store)
    first = apps.accept(acceptance("d1", LATE_UTC))
    assert first.application_no == "ICBC-NB-0101-20261130-030001"
    assert first.record["application_no"] == first.application_no
    # The sequence counts within the Beijing day: an hour later is the second of the 30th.
    second = apps.accept(acceptance("d2", LATE_UTC + dt.timedelta(hours=1)))
    assert second.application_no == "ICBC-NB-0101-20261130-030002"
