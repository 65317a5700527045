"""The resident ID card reader (居民身份证阅读器): a port and a simulated reader.

Counters read the applicant's second-generation ID card with a certified reader (GA 467
protocol through the vendor's SDK). Everything above this module sees only
:class:`IdCardReader`: ``read()`` returns the card's text fields or raises a typed error.
A vendor driver implements the same protocol; the demo and the tests use
:class:`SimulatedIdCardReader`, on which a card is "placed" and "removed".

The data read is personal data: it is never logged here (only error codes are).
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP


class IdCardReaderError(CounterError):
    """The reader is missing or failed; the teller may type the ID number instead."""

    code = "IDCARD_READER_ERROR"
    message_zh = QT_TR_NOOP("身份证阅读器无法工作，请检查连接，或手工录入身份证号码。")


class NoIdCardError(IdCardReaderError):
    code = "IDCARD_NO_CARD"
    message_zh = QT_TR_NOOP("未检测到身份证，请将身份证平放在阅读器感应区后重试。")


@dataclass(frozen=True)
class IdCardData:
    """The text fields of a resident ID card (GA 467), as the reader returns them."""

    id_number: str
    name: str
    sex: str  # "1" male, "2" female (GB/T 2261)
    nation: str  # e.g. 汉族 (the reader's nation code already resolved to its name)
    birth_date: _dt.date
    address: str
    issuer: str  # 签发机关
    valid_from: _dt.date
    valid_until: _dt.date | None  # None: 长期

    def expired_on(self, day: _dt.date) -> bool:
        return self.valid_until is not None and self.valid_until < day


@runtime_checkable
class IdCardReader(Protocol):
    @property
    def name(self) -> str:
        """Shown to the teller."""
        ...

    def read(self) -> IdCardData:
        """Read the card on the reader. Raises NoIdCardError / IdCardReaderError."""
        ...


class SimulatedIdCardReader:
    """A reader whose card the demo or a test places and removes (thread-safe)."""

    def __init__(self, card: IdCardData | None = None, *,
                 name: str = QT_TR_NOOP("模拟身份证阅读器")) -> None:
        self._name = name
        self._card = card
        self._broken = False
        self._lock = threading.Lock()
        self.reads = 0

    @property
    def name(self) -> str:
        return self._name

    def place(self, card: IdCardData) -> None:
        with self._lock:
            self._card = card

    def remove(self) -> None:
        with self._lock:
            self._card = None

    def break_down(self, broken: bool = True) -> None:
        """Make the reader fail as a disconnected one does."""
        with self._lock:
            self._broken = broken

    def read(self) -> IdCardData:
        with self._lock:
            self.reads += 1
            if self._broken:
                raise IdCardReaderError()
            if self._card is None:
                raise NoIdCardError()
            return self._card


def _demo(id_number: str, name: str, nation: str, address: str, issuer: str,
          valid_from: _dt.date, valid_until: _dt.date | None) -> IdCardData:
    birth = _dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    sex = "1" if int(id_number[16]) % 2 else "2"
    return IdCardData(id_number, name, sex, nation, birth, address, issuer, valid_from, valid_until)


#: ID cards of the demo population (central_sim/seed.py), for the demo and the tests.
DEMO_ID_CARDS: dict[str, IdCardData] = {  # i18n: data (the demo people's ID cards)
    c.id_number: c
    for c in (
        _demo("330203198506122017", "李明", "汉族", "浙江省宁波市海曙区中山西路138号",
              "宁波市公安局海曙分局", _dt.date(2016, 4, 8), _dt.date(2036, 4, 8)),
        _demo("330206201503091028", "王小雨", "汉族", "浙江省宁波市北仑区新碶街道明州路88号",
              "宁波市公安局北仑分局", _dt.date(2023, 7, 1), _dt.date(2028, 7, 1)),
        _demo("330205199003011232", "张伟", "汉族", "浙江省宁波市江北区人民路132号",
              "宁波市公安局江北分局", _dt.date(2019, 3, 12), _dt.date(2039, 3, 12)),
        _demo("420106199304057894", "吴磊", "汉族", "湖北省武汉市武昌区中南路66号",
              "武汉市公安局武昌分局", _dt.date(2013, 5, 20), _dt.date(2033, 5, 20)),
        _demo("510104199609188907", "郑丽", "彝族", "四川省成都市锦江区春熙路19号",
              "成都市公安局锦江区分局", _dt.date(2016, 9, 1), _dt.date(2026, 9, 1)),
    )
}


def demo_reader(cards: Iterable[IdCardData] = ()) -> SimulatedIdCardReader:
    first = next(iter(cards), None)
    return SimulatedIdCardReader(first)
