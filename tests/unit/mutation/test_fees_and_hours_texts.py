"""What the fee quote says it is for and on what basis (printed on the fee receipt), the fee
refusals in full, and the opening-hours sentences and fields the window shows."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.fees import (
    FeeSchedule,
    amount_problem_zh,
    application_quote,
    check_payment,
    replacement_quote,
)
from counter_app.domain.opening_hours import OpeningHours, ServiceHours, days_zh
from counter_app.domain.schedule import WeekendService

SCHEDULE = FeeSchedule(replacement_fen=1500, expired_exchange_fen=800, application_fen=1000)


def test_the_profile_is_told_what_an_amount_looks_like() -> None:
    assert amount_problem_zh("20元") == ("应为以元为单位、最多两位小数、不超过 1000 元的金额，"
                                         "例如 \"20.00\"；免收填 \"0\"")


def test_application_quotes_name_the_business_and_the_basis() -> None:
    free = application_quote(SCHEDULE, first_card=True)
    assert (free.business, free.amount_fen, free.basis_zh) == ("application", 0, "首次申领社会保障卡免收工本费")
    again = application_quote(SCHEDULE, first_card=False)
    assert (again.business, again.amount_fen, again.basis_zh) == (
        "application", 1000, "非首次申领工本费（本网点规定）")
    charged = application_quote(FeeSchedule(application_fen=1000, first_card_free=False), first_card=True)
    assert (charged.business, charged.basis_zh) == ("application", "申领工本费（本网点规定）")


def test_replacement_quotes_name_the_business_and_the_basis() -> None:
    expired = replacement_quote(SCHEDULE, "expired", 2000)
    assert (expired.business, expired.amount_fen, expired.basis_zh) == (
        "replacement", 800, "到期换卡工本费（本网点规定）")
    free = replacement_quote(FeeSchedule(expired_exchange_fen=0), "expired", None)
    assert (free.business, free.basis_zh) == ("replacement", "到期换卡免收工本费（本网点规定）")
    assert replacement_quote(SCHEDULE, "lost", 2000).business == "replacement"
    assert replacement_quote(SCHEDULE, "lost", None).business == "replacement"


def test_a_refused_payment_keeps_no_reference_and_says_why() -> None:
    assert check_payment(SCHEDULE, "cheque", "TX123456") == ("", {"method": "请选择收费方式（现金或转账）。"})
    cash_only = FeeSchedule(methods=())
    assert check_payment(cash_only, "cash", "") == ("", {"method": "本网点不受理现金收费。"})
    assert check_payment(SCHEDULE, "transfer", "  ") == (
        "", {"reference": "转账收费请录入转账凭证号（交易流水号）。"})
    assert check_payment(SCHEDULE, "transfer", "tx_1234") == (
        "TX_1234", {"reference": "转账凭证号应为 6–32 位字母、数字或连字符，请核对。"})


WEEKDAYS = ServiceHours(("mon", "tue", "wed", "thu", "fri"), dt.time(9), dt.time(17))
SAT_SUN = WeekendService(("sat", "sun"), dt.time(9), dt.time(16))
HOURS = OpeningHours(WEEKDAYS, SAT_SUN)
MONDAY = dt.date(2026, 11, 30)
SATURDAY = dt.date(2026, 11, 28)


def test_a_run_of_days_that_does_not_start_on_monday() -> None:
    assert days_zh(("wed", "thu", "fri")) == "周三至周五"
    assert days_zh(("sat", "sun", "fri")) == "周五至周日"


def test_which_days_weekday_hours_serve() -> None:
    assert WEEKDAYS.serves(MONDAY) and not WEEKDAYS.serves(SATURDAY)


def test_hours_described_without_a_weekend_or_any_day() -> None:
    no_weekend = OpeningHours(WEEKDAYS, WeekendService((), dt.time(9), dt.time(16)))
    assert no_weekend.describe_zh() == "周一至周五 09:00–17:00"
    assert ServiceHours((), dt.time(9), dt.time(17)).describe_zh() == ""
    none = OpeningHours(ServiceHours((), dt.time(9), dt.time(17)), WeekendService((), dt.time(9), dt.time(16)))
    assert none.describe_zh() == "未配置营业日"


def test_the_state_carries_the_day_kind_and_its_hours() -> None:
    open_sat = HOURS.state(dt.datetime.combine(SATURDAY, dt.time(10)))
    assert (open_sat.open, open_sat.weekend, open_sat.hours_today) == (True, True, (dt.time(9), dt.time(16)))
    open_mon = HOURS.state(dt.datetime.combine(MONDAY, dt.time(10)))
    assert (open_mon.open, open_mon.weekend, open_mon.hours_today) == (True, False, (dt.time(9), dt.time(17)))
    closed_mon = HOURS.state(dt.datetime.combine(MONDAY, dt.time(18)))
    assert (closed_mon.open, closed_mon.hours_today) == (False, (dt.time(9), dt.time(17)))


def test_a_day_without_service_in_full() -> None:
    weekdays_only = OpeningHours(WEEKDAYS, WeekendService((), dt.time(9), dt.time(16)))
    state = weekdays_only.state(dt.datetime.combine(SATURDAY, dt.time(10)))
    assert (state.open, state.weekend, state.hours_today) == (False, True, None)
    assert state.text_zh == ("非营业时间：今日不营业（本网点营业时间：周一至周五 09:00–17:00）。"
                             "已开始的业务可以继续办完；开始新业务前需确认。")
