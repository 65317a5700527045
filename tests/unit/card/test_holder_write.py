"""信息变更写卡 in the card layer: the holder's name and nation rewritten after external
authentication through the PSAM, on the in-process emulator (the same APDUs as on pcscd)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.emulator.inprocess import InProcessCardService
from counter_app.card.errors import WrongPinError
from counter_app.card.holder import write_holder_records
from counter_app.domain.errors import ValidationError


def _service(tmp_path: Path, **changes: str) -> InProcessCardService:
    path = tmp_path / "card.json"
    EmulatedCard(new_personalised(dataclasses.replace(demo_card_data(), **changes)), path).save()
    return InProcessCardService(path)


def test_changed_records_written_and_read_back_in_a_new_session(tmp_path: Path) -> None:
    service = _service(tmp_path, name="李铭", nation="02")
    tags = service.call(lambda card: write_holder_records(card, name="李明", nation="01"))
    assert tags == (0x09, 0x0B)  # the extension record stays as it was (both names are short)
    back = service.call(lambda card: card.read_card_data())
    assert (back.name, back.nation) == ("李明", "01")
    assert back.id_number == demo_card_data().id_number and back.card_number == "NB0000016"


def test_nothing_written_when_nothing_differs(tmp_path: Path) -> None:
    service = _service(tmp_path)
    assert service.call(lambda card: write_holder_records(card, name="李明", nation="01")) == ()


def test_a_value_the_card_data_rules_refuse_is_not_written(tmp_path: Path) -> None:
    service = _service(tmp_path)
    with pytest.raises(ValidationError):
        service.call(lambda card: write_holder_records(card, name=" 李明", nation="01"))
    assert service.call(lambda card: card.read_card_data()).name == "李明"


def test_in_process_card_keeps_its_state_between_sessions(tmp_path: Path) -> None:
    service = _service(tmp_path)
    with pytest.raises(WrongPinError) as wrong:
        service.call(lambda card: (card.select(), card.verify_pin("000000")))
    with pytest.raises(WrongPinError) as again:
        service.call(lambda card: (card.select(), card.verify_pin("000000")))
    assert again.value.tries_left == wrong.value.tries_left - 1
