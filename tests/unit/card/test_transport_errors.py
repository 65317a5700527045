"""PC/SC result codes become the teller's errors (no pcscd needed)."""

from __future__ import annotations

import pytest
from smartcard import scard

from counter_app.card import pcscd
from counter_app.card.errors import (
    CardBusyError,
    CardCommunicationError,
    CardRemovedError,
    NoCardError,
    NoReaderError,
    PcscServiceError,
    ReaderGoneError,
)
from counter_app.card.transport import PcscCard
from counter_app.domain.errors import ConfigurationError


def bare(absent: bool) -> PcscCard:
    card = object.__new__(PcscCard)
    card.reader = "Virtual PCD 00 00"
    card._card_absent_soon = lambda wait=1.5: absent  # type: ignore[method-assign]
    return card


@pytest.mark.parametrize(("hresult", "absent", "kind"), [
    (scard.SCARD_W_REMOVED_CARD, False, CardRemovedError),
    (scard.SCARD_E_NO_SMARTCARD, False, CardRemovedError),
    (scard.SCARD_E_READER_UNAVAILABLE, False, ReaderGoneError),
    (scard.SCARD_E_UNKNOWN_READER, False, ReaderGoneError),
    (scard.SCARD_E_NO_SERVICE, False, PcscServiceError),
    (scard.SCARD_E_NOT_TRANSACTED, True, CardRemovedError),
    (scard.SCARD_E_NOT_TRANSACTED, False, CardCommunicationError),
])
def test_link_errors(hresult: int, absent: bool, kind: type) -> None:
    err = bare(absent)._link_error(hresult)
    assert type(err) is kind
    assert err.message_zh


@pytest.mark.parametrize(("hresult", "kind"), [
    (scard.SCARD_E_UNKNOWN_READER, NoReaderError),
    (scard.SCARD_E_NO_SMARTCARD, NoCardError),
    (scard.SCARD_E_SHARING_VIOLATION, CardBusyError),
    (scard.SCARD_E_NO_SERVICE, PcscServiceError),
])
def test_connect_errors(hresult: int, kind: type) -> None:
    assert type(bare(False)._connect_error(hresult)) is kind


def test_missing_pcscd_is_a_clear_chinese_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pcscd, "pcscd_pids", lambda: [])
    monkeypatch.setattr(pcscd, "find_pcscd", lambda: None)
    with pytest.raises(ConfigurationError) as err:
        pcscd.ensure_pcscd_running()
    assert err.value.code == "PCSCD_MISSING"
    assert "未安装读卡服务" in err.value.message_zh


def test_missing_vpcd_is_a_clear_chinese_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pcscd, "pcscd_pids", lambda: [])
    monkeypatch.setattr(pcscd, "find_pcscd", lambda: "/usr/sbin/pcscd")
    monkeypatch.setattr(pcscd, "vpcd_installed", lambda: False)
    with pytest.raises(ConfigurationError) as err:
        pcscd.ensure_pcscd_running()
    assert err.value.code == "VPCD_MISSING"
