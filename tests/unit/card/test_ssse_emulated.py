"""The SSSE reader against the in-process emulated card and PSAM (no pcscd)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.card.apdu import CommandApdu
from counter_app.card.emulator.card import KEY_TRIES_MAX
from counter_app.card.emulator.factory import card_data_for, demo_card_data, new_personalised
from counter_app.card.errors import (
    AuthenticationFailedError,
    ConditionsNotSatisfiedError,
    KeyLockedError,
    PinBlockedError,
    SecurityStatusError,
    WrongPinError,
)
from counter_app.card.layout import EF06, LIFECYCLE_ISSUED, record_by_tag
from counter_app.card.ssse import ReadMode
from tests.unit.card.conftest import Rig


@pytest.mark.parametrize("mode", list(ReadMode))
def test_read_all_three_addressing_forms(demo_rig: Rig, mode: ReadMode) -> None:
    assert demo_rig.ssse().read_card_data(mode) == demo_card_data()


def test_sfi_read_is_fifteen_apdus(demo_rig: Rig) -> None:
    demo_rig.ssse().read_card_data()
    assert len(demo_rig.port.log) == 15  # SELECT + 7 + 7 (incl. the 姓名扩展 record)


def test_algorithm_comes_from_fci(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    assert ssse.algo == "sm4"


def test_wrong_pin_counts_down_then_blocks_then_unblock_through_psam(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    for left in range(5, 0, -1):
        with pytest.raises(WrongPinError) as err:
            ssse.verify_pin("000000")
        assert err.value.tries_left == left
    with pytest.raises(WrongPinError) as err:
        ssse.verify_pin("000000")
    assert err.value.tries_left == 0
    with pytest.raises(PinBlockedError):
        ssse.verify_pin("123456")  # even the right PIN
    ssse.unblock_pin()
    ssse.verify_pin("123456")
    assert demo_rig.card.state.pin_tries_left == 6


def test_unblock_with_new_pin_and_reload_and_change(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    ssse.unblock_pin("654321")
    ssse.verify_pin("654321")
    ssse.reload_pin("111111")
    ssse.verify_pin("111111")
    ssse.change_pin("111111", "222222")
    with pytest.raises(WrongPinError):
        ssse.verify_pin("111111")
    ssse.verify_pin("222222")
    assert "222222" not in str(demo_rig.card.state.to_json())  # no clear PIN in the card file


def test_challenge_is_single_use(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    challenge = ssse.get_challenge() + ssse.get_challenge()
    crypto_ = ssse.psam.cryptogram("update", "sm4", ssse.factors, challenge)
    auth = CommandApdu(0x00, 0x82, 0x00, 0x07, crypto_)
    assert ssse.channel.transmit(auth).ok
    replay = ssse.channel.transmit(auth)  # the same cryptogram again
    assert replay.sw == 0x6984


def test_write_needs_external_auth(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    rec = record_by_tag(0x0B)
    with pytest.raises(SecurityStatusError):
        ssse.update_record(rec, bytes.fromhex("02"))
    ssse.external_authenticate("update")
    ssse.update_record(rec, bytes.fromhex("02"))
    assert demo_rig.card.state.records[0x0B] == bytes.fromhex("0B0102")
    assert ssse.read_record(rec, ReadMode.TAG) == bytes.fromhex("02")


def test_pin_is_not_a_write_authorisation(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    ssse.verify_pin("123456")
    with pytest.raises(SecurityStatusError):
        ssse.update_record(record_by_tag(0x0B), bytes.fromhex("02"))


def test_wrong_keys_fail_once_and_are_not_retried(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_personalised(demo_card_data()), psam_seed="other")
    ssse = rig.ssse()
    ssse.select()
    with pytest.raises(AuthenticationFailedError) as err:
        ssse.external_authenticate("update")
    assert err.value.tries_left == KEY_TRIES_MAX - 1
    assert rig.card_ins(0x82) == 1
    assert rig.card.state.key_tries["update"] == KEY_TRIES_MAX - 1


def test_key_locks_after_repeated_failures(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_personalised(demo_card_data()), psam_seed="other")
    ssse = rig.ssse()
    ssse.select()
    for _ in range(KEY_TRIES_MAX - 1):
        with pytest.raises(AuthenticationFailedError):
            ssse.external_authenticate("update")
    with pytest.raises(KeyLockedError):
        ssse.external_authenticate("update")


def test_photo_read_needs_read_key_and_round_trips(demo_rig: Rig) -> None:
    ssse = demo_rig.ssse()
    ssse.select()
    ssse.select_ef(0xEF08)
    assert ssse.channel.transmit(CommandApdu(0, 0xB0, 0, 0, le=2)).sw == 0x6982
    jpeg = b"\xFF\xD8" + bytes(range(256)) * 12 + b"\xFF\xD9"
    ssse.write_photo(jpeg)
    ssse.select()  # new selection: the security state is gone
    assert ssse.read_photo() == jpeg


def test_3des_card_works_with_the_same_psam(rig_factory: Callable[..., Rig]) -> None:
    data = card_data_for("330203198506122017", "李明", spec_version="2.00")
    rig = rig_factory(new_personalised(data))
    ssse = rig.ssse()
    assert ssse.read_card_data() == data
    assert ssse.algo == "3des"
    ssse.external_authenticate("update")
    ssse.update_record(record_by_tag(0x0B), bytes.fromhex("01"))
    ssse.unblock_pin("765432")
    ssse.verify_pin("765432")


def test_end_personalisation_needs_all_records(blank_rig: Rig) -> None:
    ssse = blank_rig.ssse()
    ssse.select()
    ssse.external_authenticate("update")
    with pytest.raises(ConditionsNotSatisfiedError):
        ssse.end_personalisation()
    assert ssse.lifecycle() != LIFECYCLE_ISSUED
    assert ssse.channel.transmit(CommandApdu(0, 0xB2, 1, (6 << 3) | 4, le=20)).sw == 0x6A83
    assert EF06  # layout constant used by the reader


def test_failed_authentication_is_logged_with_the_counter(
    rig_factory: Callable[..., Rig], caplog: pytest.LogCaptureFixture
) -> None:
    rig = rig_factory(new_personalised(demo_card_data()), psam_seed="other")
    ssse = rig.ssse()
    ssse.select()
    with caplog.at_level("WARNING"), pytest.raises(AuthenticationFailedError):
        ssse.external_authenticate("update")
    assert any("tries left 4" in r.getMessage() and "not retried" in r.getMessage()
               for r in caplog.records)
    assert "330203198506122017" not in caplog.text and "李明" not in caplog.text


def test_pin_lock_threshold_is_configurable(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_personalised(demo_card_data(), pin_tries=8))
    ssse = rig.ssse()
    ssse.select()
    with pytest.raises(WrongPinError) as err:
        ssse.verify_pin("000000")
    assert err.value.tries_left == 7
