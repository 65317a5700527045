"""Unified social credit codes (GB 32100-2015): the check character and the boundaries of
length, alphabet and shape, each at the limit and one past it."""

from __future__ import annotations

import pytest

from counter_app.domain.credit_code import (
    ALPHABET,
    credit_check_char,
    normalise_credit_code,
    validate_credit_code,
)
from counter_app.domain.errors import ValidationError

# published examples (the check character as printed on the licences)
KNOWN = ("91350100M000100Y43", "91330206MA2H001019")


@pytest.mark.parametrize("code", KNOWN)
def test_known_codes_are_valid(code: str) -> None:
    assert validate_credit_code(code) == code
    assert credit_check_char(code[:17]) == code[17]


def test_every_other_check_character_is_refused() -> None:
    code = KNOWN[0]
    for c in ALPHABET:
        if c == code[17]:
            continue
        with pytest.raises(ValidationError) as caught:
            validate_credit_code(code[:17] + c)
        assert caught.value.code == "CREDIT_CODE_CHECK"


def test_one_character_changed_is_found() -> None:
    code = KNOWN[1]
    for i in range(17):
        for c in ("0", "A"):
            if code[i] == c or (2 <= i < 8 and not c.isdigit()):
                continue
            with pytest.raises(ValidationError):
                validate_credit_code(code[:i] + c + code[i + 1:])


@pytest.mark.parametrize(("length", "code"), [(17, "CREDIT_CODE_LENGTH"), (19, "CREDIT_CODE_LENGTH"),
                                              (0, "CREDIT_CODE_MISSING")])
def test_length_one_past_either_side(length: int, code: str) -> None:
    text = (KNOWN[0] + "1")[:length]
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(text)
    assert caught.value.code == code and caught.value.field == "credit_code"


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
def test_letters_outside_the_alphabet(letter: str) -> None:
    code = KNOWN[0][:8] + letter + KNOWN[0][9:]
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(code)
    assert caught.value.code == "CREDIT_CODE_CHARACTERS" and letter in caught.value.message_zh


def test_region_must_be_digits() -> None:
    body = "91A50100M000100Y4"
    with pytest.raises(ValidationError) as caught:
        validate_credit_code(body + credit_check_char(body))
    assert caught.value.code == "CREDIT_CODE_SHAPE"


def test_typing_noise_is_folded() -> None:
    assert normalise_credit_code("９１３５０１００m０００１００y４３") == KNOWN[0]
    assert validate_credit_code(" 9135-0100 M000 100Y43 ") == KNOWN[0]


def test_check_char_needs_17_characters_of_the_alphabet() -> None:
    with pytest.raises(ValueError):
        credit_check_char("91350100M000100Y")
    with pytest.raises(ValueError):
        credit_check_char("91350100M000100YI")
