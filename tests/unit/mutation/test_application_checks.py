"""The application's section checks called directly: which field is refused, with which exact
message, what the accepted values are tidied to, and that a refused field keeps what was typed.

The wizard reaches these through the workflow; these tests pin each rule on its own (the
survivors of ./scripts/mutation.sh on workflows/application/checks.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from counter_app.domain.identity import id_check_char
from counter_app.printing import DeliveryMode
from counter_app.workflows.application.checks import (
    check_applicant,
    check_delivery,
    check_eligibility,
    check_guardian,
    check_identify,
    check_materials,
    delivery_mode,
    is_minor,
    making_mode,
    materials,
)
from counter_app.workflows.application.record import (
    Applicant,
    ApplicationRecord,
    Blocked,
    Delivery,
    Eligibility,
    Guardian,
    Identity,
    MakingMode,
)

TODAY = dt.date(2026, 6, 1)

PHONE_FORMAT = "电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0574-87654321。"
NAME_CHARS_X = "姓名只能由汉字和间隔号“·”组成，不能包含“X”，请按证件填写。"


def id_for(birth: dt.date, seq: str = "017") -> str:
    body = f"110105{birth:%Y%m%d}{seq}"
    return body + id_check_char(body)


ADULT_ID = id_for(dt.date(1985, 6, 12))
ADULT_ID_X = "11010519850612107X"  # its check character is X: typed lower-case it is tidied
CHILD_ID = id_for(dt.date(2015, 3, 9), "102")


def record(id_number: str = ADULT_ID, *, eligibility: Eligibility | None = None,
           checked_materials: tuple[str, ...] = (),
           delivery: Delivery | None = None) -> ApplicationRecord:
    return ApplicationRecord("d1", "T0301", "2026-06-01T09:00:00",
                             identity=Identity(id_number=id_number), eligibility=eligibility,
                             checked_materials=checked_materials,
                             delivery=delivery or Delivery())


# -- applicant ---------------------------------------------------------------------------------

def test_a_valid_applicant_is_tidied_field_by_field() -> None:
    typed = Applicant(name=" 买买提•艾力 ", sex="男", nation=" 维吾尔族 ", birth_date="19850612",
                      household="宁波", address="  浙江省宁波市   海曙区  中山西路1号 ",
                      phone="138 0574 0001")
    tidy, errors = check_applicant(typed)
    assert errors == {}
    assert tidy == Applicant(name="买买提·艾力", sex="男", nation="维吾尔族",
                             birth_date="19850612", household="宁波",
                             address="浙江省宁波市 海曙区 中山西路1号", phone="13805740001")


def test_each_refused_applicant_field_is_named_and_keeps_what_was_typed() -> None:
    typed = Applicant(name="张X", nation="火星族", address="宁波", phone="12345")
    kept, errors = check_applicant(typed)
    assert errors == {
        "name": NAME_CHARS_X,
        "nation": "请选择民族。",
        "address": "地址过短，请填写到街道、门牌号。",
        "phone": PHONE_FORMAT,
    }
    assert kept == typed


def test_one_refused_applicant_field_does_not_stop_the_others_being_tidied() -> None:
    tidy, errors = check_applicant(Applicant(name="", nation="汉族 ", address="浙江省宁波市海曙区1号",
                                             phone=" 13805740001"))
    assert errors == {"name": "请填写姓名。"}
    assert (tidy.name, tidy.nation, tidy.phone) == ("", "汉族", "13805740001")


# -- guardian ----------------------------------------------------------------------------------

def guardian(**changes: str) -> Guardian:
    return replace(Guardian(name=" 李明 ", id_number=ADULT_ID_X.lower(),
                            relationship=" 父亲 ", proof_document=" 出生医学证明 ",
                            phone="0574-87654321"), **changes)


def test_a_valid_guardian_is_tidied_field_by_field() -> None:
    tidy, errors = check_guardian(guardian(), CHILD_ID, TODAY)
    assert errors == {}
    assert tidy == Guardian(name="李明", id_number=ADULT_ID_X, relationship="父亲",
                            proof_document="出生医学证明", phone="0574-87654321")


def test_each_refused_guardian_field_is_named_with_its_message() -> None:
    typed = Guardian(name="", id_number="123", relationship="邻居", proof_document="口头",
                     phone="")
    kept, errors = check_guardian(typed, CHILD_ID, TODAY)
    assert errors == {
        "name": "请填写姓名。",
        "id_number": "身份证号码应为18位，当前为3位，请核对证件后重新输入。",
        "relationship": "请选择与申请人关系。",
        "proof_document": "请选择监护关系证明。",
        "phone": "请填写联系电话，制卡进度和领卡通知会发到这个号码。",
    }
    assert kept == typed


def test_the_applicant_cannot_be_their_own_guardian() -> None:
    _g, errors = check_guardian(guardian(id_number=CHILD_ID), CHILD_ID, TODAY)
    assert errors == {"id_number": "监护人不能是申请人本人。"}


@pytest.mark.parametrize(("birth", "refused"), [
    (dt.date(2008, 6, 1), False),   # 18 today
    (dt.date(2008, 6, 2), True),    # 18 tomorrow
])
def test_a_guardian_of_17_gets_the_exact_message(birth: dt.date, refused: bool) -> None:
    _g, errors = check_guardian(guardian(id_number=id_for(birth)), CHILD_ID, TODAY)
    assert errors == ({"id_number": "监护人须年满18周岁。"} if refused else {})


def test_a_guardian_born_after_today_is_refused_as_a_future_birth() -> None:
    _g, errors = check_guardian(guardian(id_number=id_for(dt.date(2026, 6, 2))), CHILD_ID, TODAY)
    assert errors == {"id_number": "身份证号码中的出生日期晚于今天，请核对证件。"}


# -- delivery ----------------------------------------------------------------------------------

def test_branch_pickup_needs_no_address_and_keeps_what_was_typed() -> None:
    typed = Delivery(mode="branch_pickup", address="x", recipient="?", phone="1")
    assert check_delivery(typed) == (typed, {})


def test_no_mode_chosen_means_branch_pickup() -> None:
    assert check_delivery(Delivery(mode="", address="x")) == (
        Delivery(mode="branch_pickup", address="x"), {})


@pytest.mark.parametrize("mode", ["instant", "EMS", "post"])
def test_a_mode_other_than_pickup_or_ems_is_refused(mode: str) -> None:
    typed = Delivery(mode=mode, address="浙江省宁波市海曙区中山西路1号")
    assert check_delivery(typed) == (typed, {"mode": "请选择领卡方式。"})


def test_ems_is_tidied_field_by_field() -> None:
    typed = Delivery(mode="ems", address=" 浙江省宁波市  海曙区中山西路1号 ", recipient=" 王芳 ",
                     phone="138 0574 0001")
    assert check_delivery(typed) == (
        Delivery(mode="ems", address="浙江省宁波市 海曙区中山西路1号", recipient="王芳",
                 phone="13805740001"), {})


def test_ems_names_each_refused_field_and_says_which_name() -> None:
    typed = Delivery(mode="ems", address="", recipient="王X", phone="999")
    assert check_delivery(typed) == (typed, {
        "address": "请填写地址。",
        "recipient": "收件人：" + NAME_CHARS_X,
        "phone": PHONE_FORMAT,
    })


def test_ems_recipient_and_address_errors_are_each_their_own() -> None:
    typed = Delivery(mode="ems", address="浙江省宁波市海曙区中山西路1号", recipient="",
                     phone="13805740001")
    assert check_delivery(typed)[1] == {"recipient": "收件人：请填写姓名。"}
    typed = replace(typed, recipient="王芳", address="a b c d e f")
    assert check_delivery(typed)[1] == {"address": "地址须用中文填写。"}


# -- the steps before the form -----------------------------------------------------------------

def test_identify_needs_an_id_number() -> None:
    assert check_identify(record("")) == {"id_number": "请读取身份证，或手工录入身份证号码。"}
    assert check_identify(record(ADULT_ID)) == {}


def test_eligibility_must_be_checked_and_not_blocked() -> None:
    assert check_eligibility(record()) == {
        "eligibility": "尚未核验申领资格，请稍候或点击“重新核验”。"}
    ok = Eligibility(checked_at="t", eligible=True)
    assert check_eligibility(record(eligibility=ok)) == {}
    blocked = replace(ok, blocked=Blocked("HAS_CARD", "此人已有有效社保卡。"))
    assert check_eligibility(record(eligibility=blocked)) == {"eligibility": "此人已有有效社保卡。"}


def test_is_minor_until_the_18th_birthday_and_never_without_a_number() -> None:
    assert is_minor(record(""), TODAY) is False
    assert is_minor(record(id_for(dt.date(2008, 6, 2))), TODAY) is True
    assert is_minor(record(id_for(dt.date(2008, 6, 1))), TODAY) is False


def test_materials_follow_age_and_residence() -> None:
    codes = lambda r: [m.code for m in materials(r, TODAY)]  # noqa: E731
    assert codes(record()) == ["applicant_id", "photo"]  # no answer yet: taken as local
    assert codes(record(eligibility=Eligibility(checked_at="t", local=False))) == [
        "applicant_id", "photo", "residence"]
    assert codes(record(CHILD_ID, eligibility=Eligibility(checked_at="t"))) == [
        "minor_identity", "guardian_id", "guardianship_proof", "photo"]


def test_materials_list_what_is_missing_in_order() -> None:
    r = record(eligibility=Eligibility(checked_at="t", local=False))
    assert check_materials(r, TODAY) == {
        "materials": "还缺少：申请人本人有效居民身份证原件、近期一寸白底彩色免冠照片、"
                     "浙江省居住证或在甬参保证明。请一次性告知申请人补齐后再办理。"}
    r = replace(r, checked_materials=("photo", "applicant_id"))
    assert check_materials(r, TODAY) == {
        "materials": "还缺少：浙江省居住证或在甬参保证明。请一次性告知申请人补齐后再办理。"}
    r = replace(r, checked_materials=("photo", "applicant_id", "residence"))
    assert check_materials(r, TODAY) == {}


def test_the_making_mode_is_the_branchs_unless_the_answer_forced_one() -> None:
    assert making_mode(record(), instant_branch=True) is MakingMode.INSTANT
    assert making_mode(record(), instant_branch=False) is MakingMode.FACTORY
    unforced = Eligibility(checked_at="t")
    assert making_mode(record(eligibility=unforced), instant_branch=True) is MakingMode.INSTANT
    forced = Eligibility(checked_at="t", making_mode=MakingMode.FACTORY)
    assert making_mode(record(eligibility=forced), instant_branch=True) is MakingMode.FACTORY
    forced = Eligibility(checked_at="t", making_mode=MakingMode.INSTANT)
    assert making_mode(record(eligibility=forced), instant_branch=False) is MakingMode.INSTANT


def test_the_delivery_mode_is_instant_at_an_instant_branch_else_what_was_chosen() -> None:
    ems = record(delivery=Delivery(mode="ems"))
    assert delivery_mode(ems, instant_branch=True) is DeliveryMode.INSTANT
    assert delivery_mode(ems, instant_branch=False) is DeliveryMode.EMS
    assert delivery_mode(record(delivery=Delivery(mode="")), False) is DeliveryMode.BRANCH_PICKUP
    assert delivery_mode(record(delivery=Delivery(mode="drone")), False) is DeliveryMode.BRANCH_PICKUP
