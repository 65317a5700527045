"""Domain rules at their edges, written against the survivors of the first mutation run of
domain/: the blank-card stock's refusals (what the teller reads and what the error carries),
which work needs a teller session, the credit code's refusals and a check character of 0,
the offline limits' declaration, batch matching, and times given naive, aware or in another zone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterator

import pytest

from counter_app.domain.blank_stock import (
    AlreadyRegistered,
    CardPlace,
    MoveRefused,
    NotInCustody,
    Place,
    StockError,
    check_move,
    normalise_serial,
    serial_error,
    where_zh,
)
from counter_app.domain.businesses import needs_session
from counter_app.domain.card_states import temp_loss_lapsed
from counter_app.domain.clock import china_now
from counter_app.domain.credit_code import ALPHABET, credit_check_char, validate_credit_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.net import is_loopback_host
from counter_app.domain.offline import StalenessLimits
from counter_app.domain.production import (
    EXTRA,
    MISMATCHED,
    MISSING,
    CardRead,
    Difference,
    ListedCard,
    check_batch,
    keep_until,
    uncollected_age_days,
    with_missing,
)
from counter_app.domain.schedule import WeekendService
from counter_app.domain.statistics import BranchFigures, china_day, compute_figures, period_bounds

SERIAL = "0011223344556677"
STOCK = CardPlace(SERIAL, Place.STOCK, box_id="BOX-7")
CUSTODY = CardPlace(SERIAL, Place.CUSTODY, box_id="BOX-7", custodian="T0301", day="2026-11-29")
ISSUED = CardPlace(SERIAL, Place.ISSUED, application_id="A2026000123")
SPOILED = CardPlace(SERIAL, Place.SPOILED)

# --- blank-card stock ---------------------------------------------------------------------


def test_where_a_card_is_in_words() -> None:
    assert where_zh(None, SERIAL) == f"芯片序列号 {SERIAL} 不在本网点空白卡登记中（未入库或不是本网点的卡）"
    assert where_zh(STOCK) == f"空白卡 {SERIAL} 在网点库存中（尚未交给柜员保管）"
    assert where_zh(CUSTODY) == f"空白卡 {SERIAL} 由柜员 T0301 保管（2026-11-29 领用）"
    assert where_zh(ISSUED) == f"空白卡 {SERIAL} 已用于申请 A2026000123 发卡"
    assert where_zh(SPOILED) == f"空白卡 {SERIAL} 已登记为废卡"


def test_serials_are_16_hex_digits_typed_with_spaces_or_in_lower_case() -> None:
    assert normalise_serial(" 0011 2233\t4455 66aa ") == "00112233445566AA"
    assert serial_error("00112233445566AA") is None
    assert serial_error("00112233445566AG") == (
        "芯片序列号应为16位十六进制数字（0-9、A-F），“00112233445566AG”不符合。")
    assert serial_error("X" * 50) == f"芯片序列号应为16位十六进制数字（0-9、A-F），“{'X' * 40}”不符合。"
    assert serial_error("0011223344556677A") is not None  # 17 digits
    assert serial_error("00112233445566XX") is not None  # 16 characters, not all hex


def test_a_card_in_my_custody_from_another_day_says_hand_it_back() -> None:
    err = NotInCustody(SERIAL, "T0301", CUSTODY, "2026-11-30")
    assert err.code == "BLANK_NOT_IN_CUSTODY"
    assert err.message_zh == (f"该卡不在您（T0301）今天的保管中，不能制卡：空白卡 {SERIAL} 是您 2026-11-29 "
                              "领用的，未在当日交回；请先交回库存并重新领用（今天 2026-11-30）。")
    assert (err.place, err.serial) == (CUSTODY, SERIAL)


def test_a_card_elsewhere_says_where_it_is() -> None:
    others = NotInCustody(SERIAL, "T0302", CUSTODY, "2026-11-30")
    assert others.message_zh == (f"该卡不在您（T0302）今天的保管中，不能制卡：空白卡 {SERIAL} 由柜员 T0301 "
                                 "保管（2026-11-29 领用）。")
    unknown = NotInCustody(SERIAL, "T0301", None, "2026-11-30")
    assert unknown.message_zh.endswith(f"芯片序列号 {SERIAL} 不在本网点空白卡登记中（未入库或不是本网点的卡）。")
    assert (unknown.place, unknown.serial) == (None, SERIAL)
    in_stock = NotInCustody(SERIAL, "T0301", STOCK, "2026-11-30")
    assert in_stock.message_zh.endswith(f"空白卡 {SERIAL} 在网点库存中（尚未交给柜员保管）。")


def test_a_refused_move_names_the_action_and_the_place() -> None:
    with pytest.raises(MoveRefused) as err:
        check_move(SERIAL, ISSUED, Place.SPOILED, "登记废卡")
    assert err.value.code == "BLANK_MOVE_REFUSED"
    assert err.value.message_zh == f"不能登记废卡：空白卡 {SERIAL} 已用于申请 A2026000123 发卡。"
    assert (err.value.place, err.value.serial) == (ISSUED, SERIAL)
    with pytest.raises(MoveRefused) as unknown:
        check_move(SERIAL, None, Place.CUSTODY, "领用")
    assert unknown.value.message_zh == f"不能领用：{where_zh(None, SERIAL)}。"
    assert (unknown.value.place, unknown.value.serial) == (None, SERIAL)
    assert check_move(SERIAL, STOCK, Place.CUSTODY, "领用") is None


def test_a_duplicate_receipt_names_where_the_card_is_and_its_box() -> None:
    err = AlreadyRegistered(STOCK)
    assert err.code == "BLANK_DUPLICATE"
    assert err.message_zh == f"该卡已登记，不能重复入库：空白卡 {SERIAL} 在网点库存中（尚未交给柜员保管）（箱号 BOX-7）。"
    assert (err.place, err.serial) == (STOCK, SERIAL)


def test_a_stock_error_takes_the_serial_from_the_place_when_not_given() -> None:
    assert StockError("x", code="C", place=SPOILED).serial == SERIAL
    assert StockError("x", code="C", place=SPOILED, serial="FFFF").serial == "FFFF"
    bare = StockError("库存错误", code="BLANK_X")
    assert (bare.serial, bare.place, bare.code, bare.message_zh) == ("", None, "BLANK_X", "库存错误")


# --- teller sessions ----------------------------------------------------------------------


def test_which_work_needs_an_open_session() -> None:
    assert needs_session(None) is True  # a business asking without naming its work
    assert needs_session("card_handout") is True
    assert needs_session("card_status_query") is False
    assert needs_session("queries") is False  # every piece of its work only reads
    assert needs_session("certificates") is True  # printing one does, checking one does not
    assert needs_session("no_such_business") is True  # unknown: the safe side


# --- credit codes (GB 32100) --------------------------------------------------------------


def _refused(raw: str) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        validate_credit_code(raw)
    assert err.value.field == "credit_code"
    return err.value


def test_each_credit_code_refusal_in_full() -> None:
    assert _refused("  ").message_zh == "请录入单位的统一社会信用代码（18位）。"
    assert _refused("91330200").message_zh == "统一社会信用代码应为18位，录入的是8位，请核对营业执照。"
    assert _refused("91330200MA2AIO0X0S").message_zh == (
        "统一社会信用代码不含字符“I、O、S”（不使用字母I、O、Z、S、V），请核对营业执照。")
    assert _refused("913302A0MA2A000000").message_zh == "统一社会信用代码第3至8位应为行政区划代码（数字），请核对营业执照。"
    body = "91330200MA2A00000"
    wrong = next(c for c in ALPHABET if c != credit_check_char(body))
    assert _refused(body + wrong).message_zh == "统一社会信用代码校验位不符，可能录入有误，请逐位核对营业执照。"


def test_a_check_character_of_0() -> None:
    # (31 - total mod 31) mod 31 is 0 when the weighted sum is a multiple of 31
    body = next(b for b in (f"91330200MA2A{n:05d}" for n in range(100_000)) if credit_check_char(b) == "0")
    assert validate_credit_code(body + "0") == body + "0"


# --- offline limits: the [offline] section's declaration -----------------------------------


def test_offline_limits_declare_their_defaults_description_and_positivity() -> None:
    limits = StalenessLimits()
    assert (limits.max_oldest_unsent_hours, limits.max_unsent_count,
            limits.max_since_last_sync_hours, limits.min_free_disk_mb) == (24.0, 200, 72.0, 500)
    for f in dataclasses.fields(StalenessLimits):
        assert f.metadata["positive"] is True
        assert f.metadata["doc_zh"]
    doc = {f.name: f.metadata["doc_zh"] for f in dataclasses.fields(StalenessLimits)}
    assert doc["max_unsent_count"] == "允许积压的未上送业务笔数，超过后拒绝新的可延后业务"


# --- central production -------------------------------------------------------------------

LISTED = (ListedCard("APP-1", "C1", "id1"), ListedCard("APP-2", "C2", "id2"),
          ListedCard("APP-3", "C3", "id3"))


def test_a_card_read_twice_counts_once_and_the_reading_goes_on() -> None:
    check = check_batch(LISTED, [CardRead("APP-1", "C1"), CardRead("APP-1", "C1"),
                                 CardRead("APP-2", "C2"), CardRead("APP-9", "C9"),
                                 CardRead("APP-9", "C9")])
    assert [m.application_id for m in check.matched] == ["APP-1", "APP-2"]
    assert check.differences == (Difference(EXTRA, application_id="APP-9", card_no="C9"),)
    assert [o.application_id for o in check.outstanding] == ["APP-3"]


def test_a_swapped_envelope_reports_the_chip_read() -> None:
    check = check_batch(LISTED, [CardRead("APP-2", "C1")])
    assert check.differences == (
        Difference(MISMATCHED, application_id="APP-2", card_no="C1", owner_application_id="APP-1"),)


def test_closing_now_reports_each_unread_card_as_missing() -> None:
    check = check_batch(LISTED, [CardRead("APP-1", "C1")])
    assert with_missing(check) == (Difference(MISSING, application_id="APP-2", card_no="C2"),
                                   Difference(MISSING, application_id="APP-3", card_no="C3"))


WEST = dt.timezone(dt.timedelta(hours=-5))


def test_keeping_period_reads_naive_times_as_utc(beijing_local_time: None) -> None:
    # 23:30 UTC on 31 Dec is 1 Jan in Beijing, whatever the PC's own zone
    assert keep_until(dt.datetime(2025, 12, 31, 23, 30), 1) == dt.date(2026, 2, 1)
    # an aware time in another zone: 12:00 at UTC-5 is 01:00 on 1 Jan in Beijing
    assert keep_until(dt.datetime(2025, 12, 31, 12, 0, tzinfo=WEST), 1) == dt.date(2026, 2, 1)


def test_days_waited_with_naive_aware_and_other_zones() -> None:
    received = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # 00:00 UTC
    now = dt.datetime(2026, 1, 2, 0, 0, tzinfo=dt.UTC)
    assert uncollected_age_days(received, now) == 1
    assert uncollected_age_days(dt.datetime(2026, 1, 1), now) == 1  # naive: UTC
    assert uncollected_age_days(dt.datetime(2026, 1, 1), dt.datetime(2026, 1, 3)) == 2
    assert uncollected_age_days(now, dt.datetime(2026, 1, 2, 23, 59)) == 0  # not a whole day
    assert uncollected_age_days(now, now - dt.timedelta(hours=1)) == 0  # a clock behind: never < 0
    assert uncollected_age_days(dt.datetime(2026, 1, 1, 12, tzinfo=WEST), now) == 0  # 17:00 UTC
    beijing_morning = dt.datetime(2026, 1, 2, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert uncollected_age_days(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), beijing_morning) == 0  # 23:00 UTC


# --- weekend service ----------------------------------------------------------------------


def test_weekend_hours_include_the_opening_minute_and_exclude_the_closing_one() -> None:
    service = WeekendService(("sat",), dt.time(9), dt.time(16))
    saturday = dt.date(2026, 11, 28)
    assert service.in_hours(dt.datetime.combine(saturday, dt.time(9)))
    assert not service.in_hours(dt.datetime.combine(saturday, dt.time(8, 59, 59)))
    assert not service.in_hours(dt.datetime.combine(saturday, dt.time(16)))
    assert service.in_hours(dt.datetime.combine(saturday, dt.time(15, 59, 59)))
    assert WeekendService((), dt.time(9), dt.time(16)).describe_zh() == "本网点周末不营业"


# --- statistics ---------------------------------------------------------------------------


def test_period_bounds_are_beijing_midnights_in_utc() -> None:
    start, end = period_bounds(dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert start == dt.datetime(2026, 11, 22, 16, 0, tzinfo=dt.UTC)
    assert end == dt.datetime(2026, 11, 29, 16, 0, tzinfo=dt.UTC)


def test_period_bounds_are_given_in_utc_whatever_the_local_zone(beijing_local_time: None) -> None:
    start, end = period_bounds(dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    assert start.utcoffset() == dt.timedelta(0) and end.utcoffset() == dt.timedelta(0)
    assert (start.hour, end.hour) == (16, 16)


def test_china_day_reads_naive_times_as_utc(beijing_local_time: None) -> None:
    assert china_day(dt.datetime(2026, 11, 30, 15, 59)) == dt.date(2026, 11, 30)
    assert china_day(dt.datetime(2026, 11, 30, 16, 0)) == dt.date(2026, 12, 1)
    assert china_day(dt.datetime(2026, 11, 30, 12, tzinfo=WEST)) == dt.date(2026, 12, 1)  # 17:00 UTC


def test_figures_of_an_empty_period_and_titles_of_unknown_kinds() -> None:
    figures = compute_figures([], [], date_from=dt.date(2026, 11, 30), date_to=dt.date(2026, 11, 30),
                              now=dt.datetime(2026, 11, 30, tzinfo=dt.UTC), titles={"loss": "挂失"})
    assert isinstance(figures, BranchFigures)
    assert figures.central_note_zh == "" and figures.central is None
    assert figures.title("loss") == "挂失"
    assert figures.title("weekend_special") == "weekend_special"  # no title: its key
    with pytest.raises(ValueError, match="date_to before date_from"):
        compute_figures([], [], date_from=dt.date(2026, 11, 30), date_to=dt.date(2026, 11, 29),
                        now=dt.datetime(2026, 11, 30, tzinfo=dt.UTC), titles={})


# --- time zones and hosts -----------------------------------------------------------------


@pytest.fixture
def new_york_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A local zone that is neither UTC nor Beijing."""
    if not hasattr(time, "tzset"):
        pytest.skip("the local zone can be switched only where time.tzset exists")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_counter_time_is_beijing_whatever_the_pc_zone(new_york_local_time: None) -> None:
    expected = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(hours=8)
    assert abs(china_now() - expected) < dt.timedelta(seconds=5)


def test_a_temporary_loss_ending_at_beijing_midnight_lapses_after_it() -> None:
    until = dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # 16:00 UTC
    assert temp_loss_lapsed(until, dt.datetime(2026, 11, 30, 17, 0, tzinfo=dt.UTC))
    assert not temp_loss_lapsed(until, dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC))


def test_no_host_is_not_this_machine() -> None:
    assert is_loopback_host(None) is False
    assert is_loopback_host("") is False
    assert is_loopback_host("localhost") and is_loopback_host("127.0.0.2") and is_loopback_host("::1")
    assert not is_loopback_host("10.0.0.1") and not is_loopback_host("central.example")
