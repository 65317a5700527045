"""printers.card_face and devices.pin_pad: each check's exact verdict and text (what branch IT
reads after "网点配置错误 printers.card_face：…"), called directly as mutation testing needs."""

from __future__ import annotations

import pytest

from counter_app.profile import _card_face_printer, _pin_pad

PDF_FOLDER_MISSING = "“pdf:”后应写卡面PDF存放的文件夹，例如 \"pdf:card-faces\""


@pytest.mark.parametrize(("value", "verdict"), [
    ("", None),
    ("HP-Card", None),
    ("pdf:x", None),  # a one-letter folder is a folder
    ("pdf:card-faces", None),
    ("A" * 200, None),
    ("pdf:", PDF_FOLDER_MISSING),
    ("pdf:  ", PDF_FOLDER_MISSING),
    ("A" * 201, "过长（不超过200个字符）"),
    ("HP\tCard", "包含无效字符"),
    ("HP-Card ", "打印机名称前后不能有空格"),
    (" HP-Card", "打印机名称前后不能有空格"),
])
def test_card_face_printer_verdicts(value: str, verdict: str | None) -> None:
    assert _card_face_printer(value) == verdict


@pytest.mark.parametrize(("value", "verdict"), [
    ("", None),
    ("demo", None),
    ("DEMO", "本机没有该密码键盘的驱动；可用取值：\"\"（无密码键盘，持卡人在遮盖输入框中输入）"
             "或 \"demo\"（演示密码键盘，仅演示模式）"),
    ("COM3", "本机没有该密码键盘的驱动；可用取值：\"\"（无密码键盘，持卡人在遮盖输入框中输入）"
             "或 \"demo\"（演示密码键盘，仅演示模式）"),
])
def test_pin_pad_verdicts(value: str, verdict: str | None) -> None:
    assert _pin_pad(value) == verdict
