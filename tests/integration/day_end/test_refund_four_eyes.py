"""A fee refund takes two people: the supervisor who authorises it is not the one refunding.

Found in the hostile review of this session's features: a supervisor working a counter could
collect a fee and authorise its refund with her own password and code (the cash leaves the
drawer on one person's word). Her own refund needs another supervisor (or the admin)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.workflows.fees import FeeRefused
from tests.fixtures.otp import ADMIN, SUPERVISOR, approval
from tests.integration.day_end.test_day_end_store import FEE, actions, build, replacement_done


def test_a_supervisor_cannot_authorise_her_own_refund(tmp_path: Path) -> None:
    services = build(tmp_path)
    services.session_desk(SUPERVISOR).open("0")
    fees = services.fee_desk(SUPERVISOR)
    fee = fees.collect(FEE, "cash", "", replacement_done(services))
    assert fee is not None
    with pytest.raises(FeeRefused) as own:
        fees.refund(fee.receipt_no, "中心未受理退费", approval(SUPERVISOR))
    assert own.value.code == "REFUND_SELF_AUTHORISED"
    assert "fee.refunded" not in actions(services)
    # another authoriser (here the admin) may
    refund = fees.refund(fee.receipt_no, "中心未受理退费", approval(ADMIN))
    assert refund.authorised_by == ADMIN and refund.refund_of == fee.receipt_no
    services.close()
