"""The profile's [fees] section: the defaults, every key read, and each bad value refused
naming its key."""

from __future__ import annotations

from typing import Any

import pytest

from counter_app.domain.fees import FeeMethod, FeeSchedule
from counter_app.profile import ProfileError, parse_profile


def test_profile_fees_section() -> None:
    base: dict[str, Any] = {"branch": {"code": "ICBC-NB-0101", "name": "x", "bank": "ICBC", "instant_issue": True},
                            "central": {"base_url": "http://127.0.0.1:8765"}}
    assert parse_profile(base).fees == FeeSchedule()  # the defaults
    fees = parse_profile({**base, "fees": {"replacement": "15", "expired_exchange": "0",
                                           "use_central": False, "methods": ["cash"]}}).fees
    assert fees == FeeSchedule(replacement_fen=1500, expired_exchange_fen=0, use_central=False,
                               methods=(FeeMethod.CASH,))
    for bad, key in (({"replacement": "20.001"}, "fees.replacement"), ({"methods": []}, "fees.methods"),
                     ({"methods": ["card"]}, "fees.methods"), ({"application": 20}, "fees.application")):
        with pytest.raises(ProfileError) as refused:
            parse_profile({**base, "fees": bad})
        assert refused.value.key == key
