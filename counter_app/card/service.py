"""What workflows and the CLI call: open the card (and the PSAM on demand) by reader name."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from counter_app.card.apdu import ApduChannel
from counter_app.card.errors import CardError, NoCardError, PsamError
from counter_app.card.psam import Psam
from counter_app.card.ssse import ReadMode, SsseCard
from counter_app.card.transport import CARD_READER, DEFAULT_TIMEOUT, PSAM_READER, PcscCard
from counter_app.domain.card import CardData


@dataclass(frozen=True)
class CardConfig:
    """Per branch profile: reader names, city code for key diversification, timeout."""

    card_reader: str = CARD_READER
    psam_reader: str = PSAM_READER
    city_code: str = "330200"
    timeout: float | None = DEFAULT_TIMEOUT


class CardService:
    def __init__(self, config: CardConfig | None = None) -> None:
        self.config = config or CardConfig()

    @contextlib.contextmanager
    def open(self, *, exclusive: bool = True) -> Iterator[SsseCard]:
        """A card session inside one PC/SC transaction; the PSAM opens on first use."""
        cfg = self.config
        card = PcscCard(cfg.card_reader, timeout=cfg.timeout)
        psam_conns: list[PcscCard] = []

        def open_psam() -> Psam:
            try:
                conn = PcscCard(cfg.psam_reader, timeout=cfg.timeout)
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
        with self.open() as card:
            return card.read_card_data(mode)
