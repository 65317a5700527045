"""Who may collect a centrally made card, without the central: the person as the central
answers it and the employers it has the holder insured with are given."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter_app.central.api import InsuranceSummary, Person
from counter_app.workflows.identity_step import Identity
from counter_app.workflows.production.collectors import (
    REFUSALS_ZH,
    Collector,
    EmployerLetter,
    check_collector,
    employer_codes,
    identify_errors,
)
from counter_app.workflows.production.handout import HandoutRecord

CODE, OTHER = "91330206MA2H001019", "91330205MA2H00202K"
ADULT = Person("330203198506122017", "李明", "1", "01", dt.date(1985, 6, 12), "330203", True,
               False, False, None, "330203198506122017")
MINOR = dataclasses.replace(ADULT, id_number="330206201503091028", minor=True,
                            guardian_id_number="330203198506122017")


def _record(collector: Collector, who: str = "330203198506122017", **kw: object) -> HandoutRecord:
    return dataclasses.replace(HandoutRecord("r", "T", ""), collector=collector,
                               identity=Identity(who, "typed"), **kw)  # type: ignore[arg-type]


def _summary(code: str | None, status: str) -> InsuranceSummary:
    return InsuranceSummary("PENSION", status, "单位", code, 12)


def test_the_employers_that_count_are_those_the_holder_is_insured_with_now() -> None:
    assert employer_codes([_summary(CODE, "CONTRIBUTING"), _summary(OTHER, "SUSPENDED"),
                           _summary(None, "NONE")]) == {CODE}
    assert employer_codes([_summary(CODE, "NONE")]) == {CODE}  # registered, no month paid yet
    assert employer_codes([]) == set()


def test_an_employer_collects_only_for_its_own_staff() -> None:
    letter = EmployerLetter(CODE, "甬港", "12号")
    r = _record(Collector.EMPLOYER, holder_id_number=ADULT.id_number, employer=letter)
    assert check_collector(r, ADULT, {CODE, OTHER}) == ""
    assert check_collector(r, ADULT, {OTHER}) == "EMPLOYER_MISMATCH"
    assert check_collector(r, ADULT, set()) == "EMPLOYER_MISMATCH"
    assert check_collector(r, ADULT, None) == "EMPLOYER_MISMATCH"
    assert check_collector(r, MINOR, {CODE}) == "GUARDIAN_REQUIRED"  # a minor's card: the guardian
    assert "参保单位不符" in REFUSALS_ZH["EMPLOYER_MISMATCH"]


@pytest.mark.parametrize(("collector", "who", "person", "code"), [
    (Collector.SELF, ADULT.id_number, ADULT, ""),
    (Collector.SELF, MINOR.id_number, MINOR, "GUARDIAN_REQUIRED"),
    (Collector.GUARDIAN, "330203198506122017", MINOR, ""),
    (Collector.GUARDIAN, "330212198308170129", MINOR, "GUARDIAN_MISMATCH"),
    (Collector.GUARDIAN, "330203198506122017", ADULT, "NOT_A_MINOR"),
])
def test_self_and_guardian(collector: Collector, who: str, person: Person, code: str) -> None:
    r = _record(collector, who, holder_id_number=person.id_number, guardian_proof=True)
    assert check_collector(r, person) == code
    assert not code or code in REFUSALS_ZH


def test_what_the_identify_step_needs_per_collector() -> None:
    assert identify_errors(_record(Collector.SELF)) == {}
    assert set(identify_errors(_record(Collector.GUARDIAN))) == {"holder_id_number", "guardian_proof"}
    employer = identify_errors(_record(Collector.EMPLOYER, holder_id_number=ADULT.id_number,
                                       employer=EmployerLetter(CODE[:-1] + "0", "", " ")))
    assert set(employer) == {"credit_code", "letter_no"}
    assert identify_errors(_record(Collector.EMPLOYER, holder_id_number=ADULT.id_number,
                                   employer=EmployerLetter(CODE, "", "12号"))) == {}
