"""The application's input rules and routing, to the character: each refusal's field, code and
message; the limits at and one past; the Han ranges at their first and last code point; and the
route (business, title, message) for every card and application state."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.workflows.application_rules import (
    ADDRESS_MAX,
    Route,
    route_for_application,
    route_for_card,
    validate_address,
    validate_name,
    validate_phone,
)


def refusal(fn, raw: str) -> tuple[str, str | None, str]:
    with pytest.raises(ValidationError) as err:
        fn(raw, "the_field")
    return err.value.field, err.value.code, err.value.message_zh


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("  ", "NAME_EMPTY", "请填写姓名。"),
        ("张 三", "NAME_SPACE", "姓名中不能有空格，请按证件填写。"),
        ("张\u3000三", "NAME_SPACE", "姓名中不能有空格，请按证件填写。"),
        ("张abcdefg", "NAME_CHARS", "姓名只能由汉字和间隔号“·”组成，不能包含“abcde”，请按证件填写。"),
        ("张aab", "NAME_CHARS", "姓名只能由汉字和间隔号“·”组成，不能包含“ab”，请按证件填写。"),
        ("·艾力", "NAME_DOT", "间隔号“·”只能用在姓名中间。"),
        ("艾力·", "NAME_DOT", "间隔号“·”只能用在姓名中间。"),
        ("买买提··艾力", "NAME_DOT", "间隔号“·”只能用在姓名中间。"),
        ("张", "NAME_LENGTH", "姓名应为2–30个字。"),
        ("张" * 31, "NAME_LENGTH", "姓名应为2–30个字。"),
    ],
)
def test_name_refusals(raw: str, code: str, message: str) -> None:
    assert refusal(validate_name, raw) == ("the_field", code, message)


@pytest.mark.parametrize("name", ["张三", "张" * 30, "买买提·艾力"])
def test_names_at_the_limits_pass(name: str) -> None:
    assert validate_name(name) == name


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("", "PHONE_EMPTY", "请填写联系电话，制卡进度和领卡通知会发到这个号码。"),
        ("1380013800", "PHONE_FORMAT", "电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0574-87654321。"),
    ],
)
def test_phone_refusals(raw: str, code: str, message: str) -> None:
    assert refusal(validate_phone, raw) == ("the_field", code, message)


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("   ", "ADDRESS_EMPTY", "请填写地址。"),
        ("宁波市海曙", "ADDRESS_SHORT", "地址过短，请填写到街道、门牌号。"),
        ("宁" * (ADDRESS_MAX + 1), "ADDRESS_LONG", f"地址不能超过{ADDRESS_MAX}个字。"),
        ("Main Street 1", "ADDRESS_CHARS", "地址须用中文填写。"),
    ],
)
def test_address_refusals(raw: str, code: str, message: str) -> None:
    assert refusal(validate_address, raw) == ("the_field", code, message)


@pytest.mark.parametrize("address", ["宁波市海曙区", "宁" * ADDRESS_MAX])
def test_addresses_at_the_limits_pass(address: str) -> None:
    assert validate_address(address) == address


# validate_address applies no normalisation, so each code point is judged as it is
@pytest.mark.parametrize("cp", [0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF, 0x20000, 0x3134F, 0x3007])
def test_han_ranges_include_their_ends(cp: int) -> None:
    address = "No. 12 " + chr(cp)
    assert validate_address(address) == address


@pytest.mark.parametrize("cp", [0x33FF, 0x4DC0, 0x4DFF, 0xA000, 0xF8FF, 0xFB00, 0x1FFFF, 0x31350, 0x3006])
def test_han_ranges_end_where_they_should(cp: int) -> None:
    assert refusal(validate_address, "No. 12 " + chr(cp))[1] == "ADDRESS_CHARS"


CARD = "NB****016"


@pytest.mark.parametrize(
    ("args", "route"),
    [
        (("SEALED", "NORMAL", "NORMAL", False), Route(
            "handout", "领卡启用", f"该申请人已有社保卡（{CARD}），因逾期未领已封存，请办理领卡启用。")),
        (("PENDING_ACTIVATION", "NORMAL", "NORMAL", False), Route(
            "handout", "领卡启用", f"该申请人已有制好的社保卡（{CARD}），尚未启用，请办理领卡启用。")),
        (("ACTIVE", "TEMP_LOST", "NORMAL", False), Route(
            "replacement", "补卡 / 换卡", f"该申请人的社保卡（{CARD}）已挂失，一人一卡不能重复申领；"
            "如卡已找回请办理解挂，否则请在发卡银行网点办理补卡。")),
        (("ACTIVE", "NORMAL", "LOST", False), Route(
            "replacement", "补卡 / 换卡", f"该申请人的社保卡（{CARD}）已挂失，一人一卡不能重复申领；"
            "如卡已找回请办理解挂，否则请在发卡银行网点办理补卡。")),
        (("ACTIVE", "NORMAL", "NORMAL", True), Route(
            "replacement", "补卡 / 换卡", f"该申请人的社保卡（{CARD}）已损坏，请在发卡银行网点办理换卡。")),
        (("ACTIVE", "LOCKED", "NORMAL", False), Route(
            "card_services", "密码及卡片服务", f"该申请人的社保卡（{CARD}）密码已锁定，请办理密码重置解锁。")),
        (("ACTIVE", "NORMAL", "LOCKED", False), Route(
            "card_services", "密码及卡片服务", f"该申请人的社保卡（{CARD}）密码已锁定，请办理密码重置解锁。")),
        (("ACTIVE", "NORMAL", "NORMAL", False), Route(
            "card_services", "密码及卡片服务", f"该申请人已有正常使用的社保卡（{CARD}），一人一卡，无需申领。"
            "如卡片遗失请先挂失再补卡，损坏请换卡。")),
    ],
)
def test_route_for_card(args: tuple[str, str, str, bool], route: Route) -> None:
    assert route_for_card(*args, CARD) == route


@pytest.mark.parametrize("state", ["ISSUED_NOT_ACTIVATED", "BRANCH_RECEIVED", "SHIPPED"])
def test_a_made_card_routes_to_hand_out(state: str) -> None:
    assert route_for_application("已制成", state) == Route(
        "handout", "领卡启用", "该申请人已有申领（已制成），卡片已制成，请办理领卡启用。")


@pytest.mark.parametrize("state", ["DATA_ENTRY", "IN_PRODUCTION", "shipped"])
def test_an_application_in_progress_routes_to_central_production(state: str) -> None:
    assert route_for_application("制卡中", state) == Route(
        "central_production", "集中制卡", "该申请人已有进行中的申领（制卡中），不能重复申领；可在“集中制卡”中查询进度。")


def test_refusals_name_their_default_field() -> None:
    for fn, raw, field in ((validate_name, "", "name"), (validate_phone, "", "phone"),
                           (validate_address, "", "address")):
        with pytest.raises(ValidationError) as err:
            fn(raw)
        assert err.value.field == field
