"""What workflows and the CLI call: open the card (and the PSAM on demand) by reader name."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from counter_app.card.apdu import ApduChannel, RawPort
from counter_app.card.errors import (
    CardError,
    CardLinkError,
    CardTimeoutError,
    NoCardError,
    PsamError,
)
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
from counter_app.domain.texts import QT_TR_NOOP, zh


@dataclass(frozen=True)
class CardConfig:
    """Per branch profile: reader names, city code for key diversification, timeout."""

    card_reader: str = CARD_READER
    psam_reader: str = PSAM_READER
    city_code: str = "330200"
    timeout: float | None = DEFAULT_TIMEOUT


T = TypeVar("T")


class CardService:
    def __init__(self, config: CardConfig | None = None, *,
                 tap: Callable[[PcscCard], RawPort] | None = None) -> None:
        self.config = config or CardConfig()
        self._local = threading.local()
        # instrumentation (bench/instant_issuance.py times every APDU of a session)
        self._tap = tap

    def call(self, operation: Callable[[SsseCard], T], *, exclusive: bool = True) -> T:
        """Run ``operation(card)`` in a card session on a card thread and return its result.

        The preferred entry point: APDUs go out inline (no per-APDU thread hand-off) and
        this thread raises ``CardTimeoutError`` if one transmit stays in flight longer than
        ``config.timeout``; the stuck card thread is abandoned and its connection dead.
        Inside :meth:`session` (on this thread) the session's connections are used.
        """
        held: _Session | None = getattr(self._local, "session", None)
        if held is not None:
            return self._watched(held.watch_for_call(), lambda: held.run(operation))
        watch = TransmitWatch()

        def body() -> T:
            with self.open(exclusive=exclusive, watch=watch) as card:
                return operation(card)

        return self._watched(watch, body)

    def _watched(self, watch: TransmitWatch, body: Callable[[], T]) -> T:
        timeout = self.config.timeout
        results: list[T] = []
        errors: list[BaseException] = []
        done = threading.Event()

        def run() -> None:
            try:
                results.append(body())
            except BaseException as exc:  # re-raised in the calling thread
                errors.append(exc)
            finally:
                done.set()

        threading.Thread(target=run, name="card-operation", daemon=True).start()
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
    def session(self) -> Iterator[None]:
        """Hold one card connection, its transaction and the PSAM's connection across every
        :meth:`call` made inside on this thread (one connect and one SSSE selection for a
        whole issuance instead of one per step). The card is reconnected only when it left
        the reader (or was reset) between two calls, or after a link error. Nested: reused.
        """
        if getattr(self._local, "session", None) is not None:
            yield
            return
        held = _Session(self.config, self._tap)
        self._local.session = held
        try:
            yield
        finally:
            self._local.session = None
            held.drop()

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
            conn = _connect_psam(cfg, watch)
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


def _connect_psam(cfg: CardConfig, watch: TransmitWatch | None) -> PcscCard:
    try:
        return PcscCard(cfg.psam_reader, timeout=cfg.timeout, watch=watch)
    except NoCardError as exc:
        raise PsamError(QT_TR_NOOP("PSAM卡座中没有PSAM卡，请插入本网点的PSAM卡。"),
                        code="PSAM_MISSING") from exc
    except CardError as exc:
        raise PsamError(zh("无法连接PSAM读卡器（{problem}）", problem=exc.message_zh), code="PSAM_READER") from exc


class _Session:
    """The connections :meth:`CardService.session` holds between calls."""

    def __init__(self, cfg: CardConfig, tap: Callable[[PcscCard], RawPort] | None) -> None:
        self.cfg = cfg
        self.tap = tap
        self.watch = TransmitWatch()
        self.card: PcscCard | None = None
        self.ssse: SsseCard | None = None
        self.psam: PcscCard | None = None
        self._psam_api: Psam | None = None
        self._stack = contextlib.ExitStack()

    def watch_for_call(self) -> TransmitWatch:
        if self.watch.dead:  # a transmit timed out: those connections are gone
            self.drop()
            self.watch = TransmitWatch()
        return self.watch

    def _open_psam(self) -> Psam:
        if self._psam_api is None:
            self.psam = _connect_psam(self.cfg, self.watch)
            self._psam_api = Psam(ApduChannel(self.tap(self.psam) if self.tap else self.psam))
        return self._psam_api

    def _card(self) -> SsseCard:
        if self.card is not None and not self.card.alive():
            self.drop()  # pulled (or reset) since the last call: a fresh connection
        if self.ssse is None:
            card = PcscCard(self.cfg.card_reader, timeout=self.cfg.timeout, watch=self.watch)
            self.card = card
            try:
                self._stack.enter_context(card.transaction())
            except CardError:
                self.drop()
                raise
            self.ssse = SsseCard(ApduChannel(self.tap(card) if self.tap else card), atr=card.atr,
                                 city_code=self.cfg.city_code, psam=self._open_psam)
        return self.ssse

    def run(self, operation: Callable[[SsseCard], T]) -> T:
        try:
            return operation(self._card())
        except CardLinkError:
            self.drop()
            raise

    def drop(self) -> None:
        card, psam, self.card, self.psam, self.ssse, self._psam_api = (
            self.card, self.psam, None, None, None, None)
        try:
            self._stack.close()
        except CardError:
            pass  # the transaction ended with the card
        finally:
            self._stack = contextlib.ExitStack()
            for conn in (psam, card):
                if conn is not None:
                    conn.close()
