"""How a replacement's card is made (workflows/replacement/making.py), without I/O: what is
offered where, the default by the blanks held, the photo on file, and why a choice is refused."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from counter_app.workflows.replacement.making import (
    NEED_PHOTO_ZH,
    NO_BLANK_ZH,
    CardPhoto,
    InstantMaking,
    Making,
    errors,
    found,
    note_zh,
)


class Records:
    def __init__(self, on_file: dict[tuple[str, str], tuple[str, bytes]] | None = None) -> None:
        self.on_file = on_file or {}
        self.asked: list[tuple[str, str]] = []

    def photo_on_file(self, id_number: str, central_application_id: str) -> tuple[str, bytes] | None:
        self.asked.append((id_number, central_application_id))
        return self.on_file.get((id_number, central_application_id))

    def record_instant(self, *, op_id: str, draft_id: str, teller: str, counter_id: str,
                       id_number: str, name: str, central_application_id: str, photo: bytes,
                       business_zh: str, accepted_at: dt.datetime) -> str:
        raise AssertionError("not recorded by these rules")


PERSON, OLD_APP, JPEG = "330203198506122017", "APP-OLD", b"\xff\xd8jpeg"


def port(blanks: int | None, records: Records | None = None) -> InstantMaking:
    return InstantMaking(records or Records(), lambda: blanks)


def test_not_offered_without_the_port_or_at_a_non_instant_branch() -> None:
    assert found(None, True, PERSON, OLD_APP) == (Making(old_application_id=OLD_APP), None)
    records = Records()
    made, photo = found(port(3, records), False, PERSON, OLD_APP)
    assert made == Making(old_application_id=OLD_APP) and photo is None
    assert records.asked == []  # nothing asked where nothing is offered


@pytest.mark.parametrize(("blanks", "instant", "kept"), [(0, False, 0), (1, True, 1), (5, True, 5),
                                                         (None, True, -1)])
def test_on_the_spot_by_default_only_with_a_blank_held(blanks: int | None, instant: bool,
                                                        kept: int) -> None:
    made, _ = found(port(blanks), True, PERSON, OLD_APP)
    assert made.offered and made.instant is instant and made.blanks == kept


def test_the_photo_on_file_is_the_old_cards_application() -> None:
    records = Records({(PERSON, OLD_APP): ("NB-0101-20260101-030001", JPEG)})
    made, photo = found(port(1, records), True, PERSON, OLD_APP)
    assert photo == JPEG and records.asked == [(PERSON, OLD_APP)]
    assert made.photo == CardPhoto("on_file", hashlib.sha256(JPEG).hexdigest(),
                                   from_application="NB-0101-20260101-030001")
    # a card whose application the central does not name: no photo is guessed
    records.asked.clear()
    made, photo = found(port(1, records), True, PERSON, "")
    assert made.photo is None and photo is None and records.asked == []


def test_why_on_the_spot_is_refused() -> None:
    photo = CardPhoto("camera", "ab" * 32)
    assert errors(Making(offered=True, instant=False, blanks=0)) == {}  # central production
    assert errors(Making(offered=False, instant=True)) == {
        "making": "本网点不能当场制卡，请选择中心集中制卡。"}
    assert errors(Making(offered=True, instant=True, blanks=0, photo=photo)) == {"making": NO_BLANK_ZH}
    assert errors(Making(offered=True, instant=True, blanks=1)) == {"photo": NEED_PHOTO_ZH}
    failed = CardPhoto("file", "ab" * 32, failed=("背景", "曝光"))
    message = errors(Making(offered=True, instant=True, blanks=1, photo=failed))["photo"]
    assert "背景" in message and "曝光" in message
    assert errors(Making(offered=True, instant=True, blanks=1, photo=photo)) == {}
    assert errors(Making(offered=True, instant=True, blanks=-1, photo=photo)) == {}  # stock unknown


def test_the_note_says_how_the_card_is_made() -> None:
    assert note_zh(Making(offered=True, instant=True, blanks=2), True).startswith("当场制卡")
    assert "没有可用的空白卡" in note_zh(Making(offered=True, instant=False, blanks=0), True)
    assert "已选择不当场制卡" in note_zh(Making(offered=True, instant=False, blanks=2), True)
    assert "未配置即时制卡设备" in note_zh(Making(), True)
    assert note_zh(Making(), False) == "新卡由中心集中制作，制成后送达本网点领取。"
