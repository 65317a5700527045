"""What workflows and the CLI call: open the card (and the PSAM on demand) by reader name."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from counter_app.card.apdu import ApduChannel
from counter_app.card.errors import CardError, CardTimeoutError, NoCardError, PsamError
from counter_app.card.psam import Psam
from counter_app.card.ssse import ReadMode, SsseCard
from counter_app.card.transport import (
    CARD_READER,
    DEFAULT_TIMEOUT,
    PSAM_READER,
    PcscCard,
    TransmitWatch,
)
from counter_app.domain.card import CardData


@dataclass(frozen=True)
class CardConfig:
    """Per branch profile: reader names, city code for key diversification, timeout."""

    card_reader: str = CARD_READER
    psam_reader: str = PSAM_READER
    city_code: str = "330200"
    timeout: float | None = DEFAULT_TIMEOUT


T = TypeVar("T")


class CardService:
    def __init__(self, config: CardConfig | None = None) -> None:
        self.config = config or CardConfig()

    def call(self, operation: Callable[[SsseCard], T], *, exclusive: bool = True) -> T:
        """Run ``operation(card)`` in a card session on a card thread and return its result.

        The preferred entry point: APDUs go out inline (no per-APDU thread hand-off) and
        this thread raises ``CardTimeoutError`` if one transmit stays in flight longer than
        ``config.timeout``; the stuck card thread is abandoned and its connection dead.
        """
        timeout = self.config.timeout
        watch = TransmitWatch()
        results: list[T] = []
        errors: list[BaseException] = []
        done = threading.Event()

        def body() -> None:
            try:
                with self.open(exclusive=exclusive, watch=watch) as card:
                    results.append(operation(card))
            except BaseException as exc:  # re-raised in the calling thread
                errors.append(exc)
            finally:
                done.set()

        threading.Thread(target=body, name="card-operation", daemon=True).start()
        if timeout is None:
            done.wait()
        else:
            while not done.wait(min(0.05, timeout)):
                if watch.overdue(timeout):
                    watch.dead = True
                    raise CardTimeoutError()
        if errors:
            raise errors[0]
        return results[0]

    @contextlib.contextmanager
    def open(
        self, *, exclusive: bool = True, watch: TransmitWatch | None = None
    ) -> Iterator[SsseCard]:
        """A card session inside one PC/SC transaction; the PSAM opens on first use.

        Used directly (no ``watch``), every transmit is bounded by ``config.timeout``
        through a per-connection I/O thread; ``call()`` is cheaper per APDU."""
        cfg = self.config
        card = PcscCard(cfg.card_reader, timeout=cfg.timeout, watch=watch)
        psam_conns: list[PcscCard] = []

        def open_psam() -> Psam:
            try:
                conn = PcscCard(cfg.psam_reader, timeout=cfg.timeout, watch=watch)
            except NoCardError as exc:
                raise PsamError("PSAM卡座中没有PSAM卡，请插入本网点的PSAM卡。",
                                code="PSAM_MISSING") from exc
            except CardError as exc:
                raise PsamError(f"无法连接PSAM读卡器（{exc.message_zh}）",
                                code="PSAM_READER") from exc
            psam_conns.append(conn)
            return Psam(ApduChannel(conn))

        try:
            ssse = SsseCard(ApduChannel(card), atr=card.atr, city_code=cfg.city_code,
                            psam=open_psam)
            if exclusive:
                with card.transaction():
                    yield ssse
            else:
                yield ssse
        finally:
            for conn in psam_conns:
                conn.close()
            card.close()

    def read_card(self, mode: ReadMode = ReadMode.SFI) -> CardData:
        return self.call(lambda card: card.read_card_data(mode))
