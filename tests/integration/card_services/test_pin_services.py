"""PIN services through the card emulator (pcscd), its PSAM and the reference central."""

from __future__ import annotations

import dataclasses

import pytest

from counter_app.card.emulator.factory import demo_card_data
from counter_app.card.errors import PinBlockedError, WrongPinError
from counter_app.workflows.card_services import Operation, Step
from counter_app.workflows.pin_services.pins import PinServiceRefused
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.card_services.conftest import LI_MING as LI_MING_ID
from tests.integration.card_services.conftest import Counter


def _verify(emulator: EmulatorFixture, pin: str) -> None:
    emulator.service().call(lambda card: (card.select(), card.verify_pin(pin)))


def test_pin_locked_by_wrong_tries_then_unlocked(counter: Counter, emulator: EmulatorFixture) -> None:
    emulator.insert_new_card(name="three-tries", pin="123456", pin_tries=3)
    wf = counter.at_card(Operation.CHANGE_PIN)
    assert wf.step is Step.ACT
    for left in (2, 1):
        counter.pad.key_in("111222", "480913", "480913")
        with pytest.raises(PinServiceRefused) as wrong:
            wf.run_service()
        assert wrong.value.code == "PIN_WRONG_OLD" and f"还可以再试{left}次" in wrong.value.message_zh
    counter.pad.key_in("111222", "480913", "480913")
    with pytest.raises(PinServiceRefused) as locked:
        wf.run_service()
    assert locked.value.code == "PIN_LOCKED_NOW" and "密码重置解锁" in locked.value.message_zh
    with pytest.raises(PinBlockedError):  # the chip itself refuses even the right PIN now
        _verify(emulator, "123456")
    # the change is no longer offered: the state table's LOCKED names the way out
    offer = wf.offers()[0]
    assert not offer.allowed and "应用锁定" in offer.state_zh and "密码重置解锁" in offer.reason_zh

    reset = counter.at_card(Operation.RESET_PIN)
    offer = reset.offers()[0]  # the lock was reported: the central shows 应用锁定, the reset unlocks
    assert offer.allowed and offer.unlocks and offer.state_zh == "应用锁定"
    counter.pad.key_in("480913", "480913")
    outcome = reset.run_service()
    assert reset.step is Step.DONE and outcome.authorisation_id.startswith("PRA-")
    _verify(emulator, "480913")  # unlocked, with the new PIN the person keyed
    with pytest.raises(WrongPinError):
        _verify(emulator, "123456")
    # the authorisation's key was durable and is settled (sent), not left for the worker
    assert counter.ctx.store.status_of(outcome.op_id) == "done"


def test_pin_changed_then_verified_with_the_new_one(counter: Counter, emulator: EmulatorFixture) -> None:
    wf = counter.at_card(Operation.CHANGE_PIN)
    counter.pad.key_in("123456", "480913", "480913")
    outcome = wf.run_service()
    assert wf.step is Step.DONE and "已修改" in outcome.message
    _verify(emulator, "480913")
    with pytest.raises(WrongPinError):
        _verify(emulator, "123456")
    assert wf.documents()[:4] == b"%PDF"


@pytest.mark.parametrize(("keyed", "code"), [
    (("123456", "480913", "480914"), "PIN_MISMATCH"),
    (("123456", "111111", "111111"), "PIN_WEAK"),
    (("123456", "654321", "654321"), "PIN_WEAK"),
])
def test_new_pin_refused_before_the_chip(counter: Counter, emulator: EmulatorFixture,
                                         keyed: tuple[str, ...], code: str) -> None:
    wf = counter.at_card(Operation.CHANGE_PIN)
    counter.pad.key_in(*keyed)
    with pytest.raises(PinServiceRefused) as refused:
        wf.run_service()
    assert refused.value.code == code
    _verify(emulator, "123456")  # nothing reached the chip: the old PIN still holds


def test_reset_needs_the_id_card_read(counter: Counter) -> None:
    wf = counter.at_card(Operation.RESET_PIN, read_id=False)
    with pytest.raises(PinServiceRefused) as refused:
        wf.run_service()
    assert refused.value.code == "PIN_RESET_NEEDS_ID_CARD"


def test_financial_change_named_to_the_bank(counter: Counter) -> None:
    wf = counter.at_card(Operation.CHANGE_PIN)
    financial = wf.offers()[1]
    assert not financial.allowed and "中国工商银行" in financial.reason_zh


def test_reset_retry_replays_the_same_authorisation(counter: Counter, emulator: EmulatorFixture) -> None:
    """The card pulled after the central's authorisation: the retry reuses the key."""
    wf = counter.at_card(Operation.RESET_PIN)
    counter.pad.key_in("480913", "480913")
    emulator.remove()
    emulator.wait_removed()
    with pytest.raises(Exception):  # noqa: B017 - the card layer's "no card" error
        wf.run_service()
    key = wf.record.op_id
    assert key and counter.ctx.store.status_of(key) == "done"
    emulator.insert_new_card(dataclasses.replace(demo_card_data()), name="back")
    counter.pad.key_in("480913", "480913")
    outcome = wf.run_service()
    assert outcome.op_id == key
    _verify(emulator, "480913")


def _change_nation(counter: Counter, nation: str, key: str) -> None:
    """A data change at the reference central, as the data-change business sends it (police
    paper, the ID card read)."""
    from counter_app.central.people_api import DataChangeProof

    result = counter.client.change_person_data(
        LI_MING_ID, branch_code="ICBC-NB-0101", client_seq=0, changes={"nation": nation},
        proof=DataChangeProof(id_card_read=True, paper_kind="POLICE", paper_no="甬公户2026-118"),
        idempotency_key=key)
    assert not result.new_card_required  # the nation is rewritten on the chip, the card stays


def test_data_change_written_to_the_chip_and_read_back(counter: Counter, emulator: EmulatorFixture) -> None:
    """A nation change at the central (01 → 05), then 信息变更写卡: written after external
    authentication through the PSAM, read back in a new session, equal to the central's data."""
    emulator.insert_new_card(dataclasses.replace(demo_card_data()), name="before-change")
    _change_nation(counter, "05", "chip-write-nation-05")
    person = counter.client.get_person(LI_MING_ID)
    assert person.nation == "05"
    try:
        wf = counter.at_card(Operation.WRITE)
        outcome = wf.run_service()
        assert wf.step is Step.DONE and outcome.fields == ("nation",)
        back = emulator.service().read_card()
        assert (back.id_number, back.name, back.sex, back.nation, back.birth_date) == (
            person.id_number, person.name, person.sex, person.nation, person.birth_date)
        assert wf.record.chip is not None and wf.record.chip.read_at  # the record shows the new read
        again = counter.at_card(Operation.WRITE)
        with pytest.raises(Exception) as nothing:
            again.run_service()
        assert getattr(nothing.value, "code", "") == "CHIP_UP_TO_DATE"
    finally:
        _change_nation(counter, "01", "chip-write-nation-01")  # the module's other tests' 李明


def test_chip_name_other_than_the_central_needs_a_new_card(counter: Counter,
                                                          emulator: EmulatorFixture) -> None:
    """The name is on the card face too: a chip whose name differs is not rewritten."""
    emulator.insert_new_card(dataclasses.replace(demo_card_data(), name="李铭", nation="02"),
                             name="renamed")
    wf = counter.at_card(Operation.WRITE)
    with pytest.raises(Exception) as refused:
        wf.run_service()
    assert getattr(refused.value, "code", "") == "NEW_CARD_REQUIRED"
    assert "换卡" in str(refused.value)
    back = emulator.service().read_card()
    assert (back.name, back.nation) == ("李铭", "02")  # nothing written


def test_desk_write_chip_for_the_data_change_business(counter: Counter, emulator: EmulatorFixture) -> None:
    from counter_app.workflows.card_services import CardServicesDesk

    central_nation = counter.client.get_person(LI_MING_ID).nation
    stale = "02" if central_nation != "02" else "03"
    emulator.insert_new_card(dataclasses.replace(demo_card_data(), nation=stale), name="desk")
    result = CardServicesDesk(counter.ctx).write_chip(LI_MING_ID)
    assert result.fields == ("nation",) and result.after.nation == central_nation
    assert result.before.nation == stale
