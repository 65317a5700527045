"""Field rules of the application form, materials and routing (pure functions)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import ValidationError
from counter_app.workflows.application_rules import (
    NATIONS,
    materials_for,
    route_for_application,
    route_for_card,
    validate_address,
    validate_choice,
    validate_name,
    validate_phone,
)


@pytest.mark.parametrize("name", [
    "李明", "欧阳娜娜", "买买提·艾力", "𠀾𠁀",  # CJK Extension B (rare characters in names)
    "刘䶮", "龑龘", "〇一",
])
def test_names_in_han_characters_including_rare_ones_are_accepted(name: str) -> None:
    assert validate_name(name) == name
    name.encode("gb18030")  # every accepted name can be sent in GB18030


def test_middle_dots_are_normalised_and_spaces_trimmed() -> None:
    assert validate_name(" 买买提•艾力 ") == "买买提·艾力"


@pytest.mark.parametrize(("name", "code"), [
    ("", "NAME_EMPTY"), ("李 明", "NAME_SPACE"), ("Li Ming", "NAME_SPACE"),
    ("LiMing", "NAME_CHARS"), ("李明1", "NAME_CHARS"), ("·李明", "NAME_DOT"),
    ("李", "NAME_LENGTH"), ("李" * 31, "NAME_LENGTH"), ("李明😀", "NAME_CHARS"),
])
def test_bad_names_are_refused_with_a_chinese_message(name: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_name(name)
    assert error.value.code == code and error.value.field == "name"
    assert any("\u4e00" <= c <= "\u9fff" for c in error.value.message_zh)


@given(st.text(max_size=40))
def test_validate_name_only_returns_han_names_or_raises(text: str) -> None:
    try:
        name = validate_name(text)
    except ValidationError:
        return
    assert 2 <= len(name) <= 30 and " " not in name


@pytest.mark.parametrize("phone", ["13805740001", "0574-87654321", "057487654321", "010-1234567"])
def test_mobiles_and_landlines(phone: str) -> None:
    assert validate_phone(phone) == phone


@pytest.mark.parametrize("phone", ["", "1380574000", "23805740001", "abc", "574-87654321"])
def test_bad_phones(phone: str) -> None:
    with pytest.raises(ValidationError):
        validate_phone(phone)


def test_addresses_are_chinese_and_long_enough() -> None:
    assert validate_address(" 浙江省宁波市  海曙区中山西路138号 ") == "浙江省宁波市 海曙区中山西路138号"
    for bad in ("", "宁波", "No. 1 Main Street, Ningbo", "宁" * 121):
        with pytest.raises(ValidationError):
            validate_address(bad)


def test_nation_must_be_one_of_the_list() -> None:
    assert len(NATIONS) == 58 and validate_choice("彝族", NATIONS, "nation", "民族") == "彝族"
    with pytest.raises(ValidationError):
        validate_choice("火星族", NATIONS, "nation", "民族")


def test_materials_for_adults_minors_and_non_locals() -> None:
    adult = [m.code for m in materials_for(minor=False, local=True)]
    minor = [m.code for m in materials_for(minor=True, local=True)]
    nonlocal_adult = [m.code for m in materials_for(minor=False, local=False)]
    assert adult == ["applicant_id", "photo"]
    assert {"guardian_id", "guardianship_proof", "minor_identity"} <= set(minor)
    assert "residence" in nonlocal_adult and "residence" not in adult


@pytest.mark.parametrize(("state", "social", "financial", "damaged", "business"), [
    ("ACTIVE", "NORMAL", "NORMAL", False, "card_services"),
    ("ACTIVE", "TEMP_LOST", "NORMAL", False, "replacement"),
    ("ACTIVE", "NORMAL", "LOST", False, "replacement"),
    ("ACTIVE", "NORMAL", "NORMAL", True, "replacement"),
    ("ACTIVE", "NORMAL", "LOCKED", False, "card_services"),
    ("SEALED", "NORMAL", "NORMAL", False, "handout"),
    ("PENDING_ACTIVATION", "NORMAL", "NORMAL", False, "handout"),
])
def test_a_card_on_file_routes_to_the_business_that_fits(state, social, financial, damaged,
                                                          business) -> None:
    route = route_for_card(state, social, financial, damaged, "NB****016")
    assert route.business == business and "NB****016" in route.message_zh


def test_an_open_application_routes_to_production_or_handout() -> None:
    assert route_for_application("制卡中", "IN_PRODUCTION").business == "central_production"
    assert route_for_application("银行/网点签收", "BRANCH_RECEIVED").business == "handout"
