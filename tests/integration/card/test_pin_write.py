"""PINs, writes under external authentication and wrong keys through pcscd."""

from __future__ import annotations

import pytest

from counter_app.card.emulator.card import KEY_TRIES_MAX
from counter_app.card.emulator.factory import demo_card_data
from counter_app.card.errors import (
    AuthenticationFailedError,
    PinBlockedError,
    SecurityStatusError,
    WrongPinError,
)
from counter_app.card.layout import record_by_tag
from tests.fixtures.pcsc import EmulatorFixture


def test_wrong_pin_until_blocked_then_unblock_through_psam(emulator: EmulatorFixture) -> None:
    with emulator.service().open() as card:
        card.select()
        lefts = []
        for _ in range(6):
            with pytest.raises(WrongPinError) as err:
                card.verify_pin("999999")
            lefts.append(err.value.tries_left)
        assert lefts == [5, 4, 3, 2, 1, 0]
        with pytest.raises(PinBlockedError) as blocked:
            card.verify_pin("123456")
        assert "锁定" in blocked.value.message_zh
        card.unblock_pin("246810")
        card.verify_pin("246810")
    with emulator.service().open() as card:  # a new session: state persisted on the card
        card.select()
        card.verify_pin("246810")


def test_change_pin(emulator: EmulatorFixture) -> None:
    with emulator.service().open() as card:
        card.select()
        card.change_pin("123456", "135790")
        with pytest.raises(WrongPinError):
            card.verify_pin("123456")
        card.verify_pin("135790")
        with pytest.raises(WrongPinError):
            card.change_pin("000000", "111111")  # a wrong old PIN counts as a wrong PIN


def test_reload_pin_through_psam(emulator: EmulatorFixture) -> None:
    with emulator.service().open() as card:
        card.select()
        card.reload_pin("112233")
        card.verify_pin("112233")


def test_write_with_external_auth_and_refuse_without(emulator: EmulatorFixture) -> None:
    rec = record_by_tag(0x0C)  # birthplace
    with emulator.service().open() as card:
        card.select()
        with pytest.raises(SecurityStatusError):
            card.update_record(rec, bytes.fromhex("330205"))
        card.external_authenticate("update")
        card.update_record(rec, bytes.fromhex("330205"))
    assert emulator.service().read_card().birthplace == "330205"


def test_wrong_key_fails_once_and_is_not_retried(emulator: EmulatorFixture) -> None:
    path = emulator.insert_new_card(name="foreign", seed="other")  # keys of another hierarchy
    emulator.control.reset_stats()
    with emulator.service().open() as card:
        card.select()
        with pytest.raises(AuthenticationFailedError) as err:
            card.external_authenticate("update")
    assert err.value.tries_left == KEY_TRIES_MAX - 1
    assert emulator.control.stats()["ins_counts"].get("82") == 1
    emulator.remove()
    assert emulator.load(path).state.key_tries["update"] == KEY_TRIES_MAX - 1


def test_photo_write_and_read_through_psam(emulator: EmulatorFixture) -> None:
    jpeg = b"\xFF\xD8\xFF\xE0" + bytes(range(256)) * 10 + b"\xFF\xD9"
    with emulator.service().open() as card:
        card.select()
        card.write_photo(jpeg)
    with emulator.service().open() as card:
        card.select()
        assert card.read_photo() == jpeg
    assert emulator.service().read_card() == demo_card_data()


def test_older_3des_card_through_the_same_psam(emulator: EmulatorFixture) -> None:
    data = emulator.person("330203198506122017", "李明", spec_version="2.00")
    emulator.insert_new_card(data, name="des")
    with emulator.service().open() as card:
        assert card.read_card_data() == data
        assert card.algo == "3des"
        card.external_authenticate("update")
        card.update_record(record_by_tag(0x0B), b"\x01")
        card.unblock_pin("192837")
        card.verify_pin("192837")
