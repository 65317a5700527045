"""The profile's card-face printer (printers.card_face) and PIN pad (devices.pin_pad): what
each value means, and the values refused with the key named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from counter_app.devices.card_printer import pdf_folder
from counter_app.profile import ProfileError, demo_profile_path, parse_profile


def _raw(*, demo: bool = False) -> dict:
    raw = tomllib.loads(demo_profile_path().read_text(encoding="utf-8"))
    raw.setdefault("mode", {})["demo"] = demo
    return raw


def _with(section: str, key: str, value: object, *, demo: bool = False) -> dict:
    raw = _raw(demo=demo)
    raw.setdefault(section, {})[key] = value
    return raw


@pytest.mark.parametrize(("value", "folder"), [
    ("", "STATE/card-faces"),
    ("pdf:faces", "STATE/faces"),
    ("pdf:sub/faces", "STATE/sub/faces"),
    ("pdf:/srv/faces", "/srv/faces"),
    ("Zebra ZC300 (卡面)", None),  # a system printer: painted by the screen's Qt printer
])
def test_card_face_values_and_where_the_faces_go(value: str, folder: str | None,
                                                 tmp_path: Path) -> None:
    profile = parse_profile(_with("printers", "card_face", value), state_dir=tmp_path)
    assert profile.printers.card_face == value
    where = pdf_folder(profile.printers.card_face, tmp_path)
    expected = None if folder is None else Path(folder.replace("STATE", str(tmp_path)))
    assert where == expected


@pytest.mark.parametrize(("value", "problem"), [
    ("pdf:", "“pdf:”后应写"),
    ("pdf:   ", "“pdf:”后应写"),
    ("Zebra\nZC300", "无效字符"),
    ("Zebra\tZC300", "无效字符"),
    (" Zebra", "前后不能有空格"),
    ("Zebra ", "前后不能有空格"),
    ("Z" * 201, "过长"),
])
def test_card_face_values_refused_name_the_key(value: str, problem: str, tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(_with("printers", "card_face", value), state_dir=tmp_path)
    assert info.value.key == "printers.card_face"
    assert problem in info.value.message_zh


def test_a_card_face_printer_name_of_200_characters_is_taken(tmp_path: Path) -> None:
    name = "Z" * 200
    assert parse_profile(_with("printers", "card_face", name),
                         state_dir=tmp_path).printers.card_face == name


def test_pin_pad_defaults_to_none_and_demo_needs_demo_mode(tmp_path: Path) -> None:
    raw = _raw()
    raw.pop("devices", None)
    assert parse_profile(raw, state_dir=tmp_path).devices.pin_pad == ""  # masked dialog
    assert parse_profile(_with("devices", "pin_pad", "demo", demo=True),
                         state_dir=tmp_path).devices.pin_pad == "demo"
    with pytest.raises(ProfileError) as info:  # nobody would key it: every PIN would time out
        parse_profile(_with("devices", "pin_pad", "demo"), state_dir=tmp_path)
    assert info.value.key == "devices.pin_pad" and "仅用于演示模式" in info.value.message_zh


@pytest.mark.parametrize("value", ["COM3", "/dev/ttyUSB0", "Demo", " demo", "demo "])
def test_a_pin_pad_without_a_driver_is_refused(value: str, tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(_with("devices", "pin_pad", value, demo=True), state_dir=tmp_path)
    assert info.value.key == "devices.pin_pad"
    assert "没有该密码键盘的驱动" in info.value.message_zh


def test_an_unknown_devices_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(_with("devices", "pinpad", ""), state_dir=tmp_path)
    assert info.value.key == "devices.pinpad"
