"""The bytes an audit entry's MAC is computed over are a stored format, not a detail.

Every counter's chain on disk was MAC'd over exactly this encoding (sorted keys, these names,
compact separators, UTF-8 rather than \\u escapes). A change that is consistent between writing
and verifying passes every tamper test, yet makes each chain written before it fail to verify
after an upgrade (a false 审计日志被篡改 alarm at every branch). This pins the encoding.
"""

from __future__ import annotations

from counter_app.store.audit import _mac_input


def test_the_mac_input_encoding_is_fixed() -> None:
    got = _mac_input(7, "2026-11-30T09:00:00+00:00", "T0301", "login.success",
                     {"name": "李明", "n": 2}, "ab" * 32)
    assert got == ('{"action":"login.success","actor":"T0301","at":"2026-11-30T09:00:00+00:00",'
                   '"detail":{"n":2,"name":"李明"},"prev":"' + "ab" * 32 + '","seq":7}').encode()
