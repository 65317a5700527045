"""The social security application (SSSE) on a card: read, PINs, writes, photo.

Every write goes through external authentication computed by the PSAM. A failed
authentication raises :class:`AuthenticationFailedError` and is never retried here.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable

from counter_app.card.apdu import ApduChannel, CommandApdu, ResponseApdu
from counter_app.card.codec import parse_tlv_record
from counter_app.card.errors import (
    AuthenticationFailedError,
    CardDataError,
    ConditionsNotSatisfiedError,
    KeyLockedError,
    RecordNotFoundError,
)
from counter_app.card.layout import (
    EF05,
    EF06,
    EF08_PHOTO,
    FUNCTIONS_TAG,
    INS_ACTIVATE,
    INS_END_PERSO,
    LIFECYCLE_TAG,
    OPTIONAL_TAGS,
    PHOTO_FILE_SIZE,
    ROLE_KEY_ID,
    SFI,
    SSSE_AID,
    Algorithm,
    KeyRole,
    RecordDef,
    block_size,
    decode_values,
    records_of,
)
from counter_app.card.psam import DiversificationFactors, Psam
from counter_app.domain.card import CardData
from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh

PHOTO_CHUNK = 0xE0
log = logging.getLogger(__name__)


class ReadMode(enum.Enum):
    SFI = "sfi"  # 00 B2 <rec> <SFI<<3|4>: no SELECT needed
    NUMBER = "number"  # SELECT EF, then 00 B2 <rec> 04
    TAG = "tag"  # SELECT EF, then 00 B2 <tag> 00


def pin_bcd(pin: str) -> bytes:
    if len(pin) != 6 or not pin.isdigit():
        raise ValidationError("pin", QT_TR_NOOP("社保卡密码应为6位数字。"), code="PIN_FORMAT")
    return bytes.fromhex(pin)


_FCI_ALGORITHMS: dict[int, Algorithm] = {0x01: "3des", 0x03: "sm4"}


def algorithm_from_fci(fci: bytes) -> Algorithm | None:
    """The byte after ``9F0C86``: 01 DES, 02 SSF33, 03 SM4 (card-spec §1.4)."""
    i = fci.find(bytes.fromhex("9F0C86"))
    if i < 0 or i + 3 >= len(fci):
        return None
    return _FCI_ALGORITHMS.get(fci[i + 3])


class SsseCard:
    def __init__(
        self, channel: ApduChannel, *, atr: bytes, city_code: str = "330200",
        psam: Psam | Callable[[], Psam] | None = None,
    ) -> None:
        self.channel = channel
        self.atr = atr
        self.city_code = city_code
        self._psam = psam
        self.algo: Algorithm | None = None
        self._current_ef: int | None = None
        self._ssse_selected = False

    # --- plumbing -----------------------------------------------------------------------
    @property
    def psam(self) -> Psam:
        if self._psam is None:
            raise ConditionsNotSatisfiedError(0x6985)
        if not isinstance(self._psam, Psam):
            self._psam = self._psam()
        return self._psam

    @property
    def factors(self) -> DiversificationFactors:
        return DiversificationFactors.for_card(self.atr, self.city_code)

    def send(self, cmd: CommandApdu) -> ResponseApdu:
        return self.channel.send(cmd)

    # --- selection ---------------------------------------------------------------------
    def select(self) -> None:
        resp = self.send(CommandApdu(0x00, 0xA4, 0x04, 0x00, SSSE_AID))
        self._current_ef = None
        self._ssse_selected = True
        self.algo = algorithm_from_fci(resp.data) or self.algo

    def note_selected(self, cmd: CommandApdu, resp: ResponseApdu) -> None:
        """Keep our view in step after a SELECT sent by someone else (a script)."""
        if cmd.p1 == 0x04:
            self._current_ef = None
            self._ssse_selected = cmd.data == SSSE_AID
            if cmd.data == SSSE_AID:
                self.algo = algorithm_from_fci(resp.data) or self.algo
        elif len(cmd.data) == 2:
            self._current_ef = int.from_bytes(cmd.data, "big")
            if self._current_ef == 0x3F00:  # the MF: out of SSSE
                self._current_ef, self._ssse_selected = None, False

    def select_ef(self, fid: int) -> None:
        self.send(CommandApdu(0x00, 0xA4, 0x02, 0x00, fid.to_bytes(2, "big")))
        self._current_ef = fid

    # --- records -----------------------------------------------------------------------
    def read_record(self, rec: RecordDef, mode: ReadMode = ReadMode.SFI) -> bytes:
        """The value of one record (tag and length checked)."""
        le = rec.length + 2
        if mode is ReadMode.SFI:
            cmd = CommandApdu(0x00, 0xB2, rec.number, (SFI[rec.ef] << 3) | 0x04, le=le)
        else:
            if self._current_ef != rec.ef:
                self.select_ef(rec.ef)
            p1 = rec.number if mode is ReadMode.NUMBER else rec.tag
            cmd = CommandApdu(0x00, 0xB2, p1, 0x04 if mode is ReadMode.NUMBER else 0x00, le=le)
        return parse_tlv_record(self.send(cmd).data, rec.tag)

    def read_file(self, ef: int, mode: ReadMode = ReadMode.SFI) -> dict[int, bytes]:
        values: dict[int, bytes] = {}
        for rec in records_of(ef):
            try:
                values[rec.tag] = self.read_record(rec, mode)
            except RecordNotFoundError:
                if rec.tag not in OPTIONAL_TAGS:
                    raise
        return values

    def read_card_data(self, mode: ReadMode = ReadMode.SFI, *,
                       reselect: bool = True) -> CardData:
        """Select SSSE (``reselect=False``: only if this session has not), read EF05 and
        EF06 and return the validated CardData."""
        if reselect:
            self.select()
        else:
            self.ensure_selected()
        values = self.read_file(EF05, mode)
        values.update(self.read_file(EF06, mode))
        try:
            data = decode_values(values)
        except (KeyError, ValueError) as exc:
            raise CardDataError() from exc
        if self.algo is None:
            self.algo = "sm4" if data.spec_version.startswith("3") else "3des"
        return data

    def _algo(self) -> Algorithm:
        if self.algo is None:
            self.select()
        if self.algo is None:  # no FCI hint: ask EF05 for the specification version
            version = self.read_record(records_of(EF05)[2])
            self.algo = "sm4" if version.startswith(b"3") else "3des"
        return self.algo

    # --- authentication -------------------------------------------------------------------
    def get_challenge(self, n: int = 8) -> bytes:
        return self.send(CommandApdu(0x00, 0x84, 0x00, 0x00, le=n)).data

    def external_authenticate(self, role: KeyRole) -> None:
        """One attempt. On failure the card counts it; we raise and never retry."""
        algo = self._algo()
        challenge = b"".join(self.get_challenge(8) for _ in range(block_size(algo) // 8))
        cryptogram = self.psam.cryptogram(role, algo, self.factors, challenge)
        try:
            self.send(CommandApdu(0x00, 0x82, 0x00, ROLE_KEY_ID[role], cryptogram))
        except AuthenticationFailedError as exc:
            # audit trail for reliability goal 9: one attempt, failure counter logged
            log.warning("external authentication failed: key %02X, card tries left %s; "
                        "not retried", ROLE_KEY_ID[role], exc.tries_left)
            raise
        except KeyLockedError:
            log.warning("external authentication refused: key %02X locked", ROLE_KEY_ID[role])
            raise

    # --- PINs ------------------------------------------------------------------------------
    def verify_pin(self, pin: str) -> None:
        self.send(CommandApdu(0x00, 0x20, 0x00, 0x00, pin_bcd(pin)))

    def change_pin(self, old: str, new: str) -> None:
        self.send(CommandApdu(0x80, 0x5E, 0x01, 0x00, pin_bcd(old) + b"\xFF" + pin_bcd(new)))

    def _mac_protected(self, cla: int, ins: int, role: KeyRole, body_for: Callable[
            [Algorithm, DiversificationFactors], bytes]) -> None:
        algo = self._algo()
        factors = self.factors
        body = body_for(algo, factors)
        challenge = self.get_challenge(8)
        iv = (challenge + bytes(16))[: block_size(algo)]
        header = bytes((cla, ins, 0x00, 0x00, len(body) + 4))
        mac = self.psam.mac(role, algo, factors, iv, header + body)
        self.send(CommandApdu(cla, ins, 0x00, 0x00, body + mac))

    def reload_pin(self, new: str) -> None:
        """Set a new PIN without the old one (teller-authorised reset), MAC by the PSAM."""
        bcd = pin_bcd(new)
        self._mac_protected(0x80, 0x5E, "pin_reload", lambda _a, _f: bcd)

    def unblock_pin(self, new: str | None = None) -> None:
        """Unblock (reset the counter); with ``new`` also set that PIN (enciphered by PSAM)."""
        bcd = pin_bcd(new) if new is not None else None

        def body(algo: Algorithm, factors: DiversificationFactors) -> bytes:
            if bcd is None:
                return b""
            block = (bytes((6,)) + bcd + b"\x80").ljust(block_size(algo), b"\x00")
            return self.psam.encrypt("pin_unblock", algo, factors, block)

        self._mac_protected(0x84, 0x24, "pin_unblock", body)

    # --- writes ------------------------------------------------------------------------------
    def update_record(self, rec: RecordDef, value: bytes) -> None:
        """UPDATE RECORD (needs a prior external authentication with the update key)."""
        if len(value) != rec.length:
            raise ValueError("record value has the wrong length")
        if self._current_ef != rec.ef:
            self.select_ef(rec.ef)
        self.send(CommandApdu(0x00, 0xDC, rec.number, 0x04, bytes((rec.tag, rec.length)) + value))

    def lifecycle(self) -> int:
        return self.send(CommandApdu(0x80, 0xCA, 0x00, LIFECYCLE_TAG, le=1)).data[0]

    def functions(self) -> int:
        """The activated functions (``FUNCTION_SOCIAL | FUNCTION_FINANCIAL``; 0 before)."""
        return self.send(CommandApdu(0x80, 0xCA, 0x00, FUNCTIONS_TAG, le=1)).data[0]

    def activate(self, functions: int) -> None:
        """Set the activated functions (MAC by the PSAM with the update key over a fresh
        challenge, like RELOAD/UNBLOCK: no external authentication is spent on it)."""
        body = bytes((functions,))
        self._mac_protected(0x84, INS_ACTIVATE, "update", lambda _a, _f: body)

    def ensure_selected(self) -> None:
        """SELECT SSSE unless this session already did (the card keeps the selection while
        the connection and its transaction are held)."""
        if not self._ssse_selected:
            self.select()

    def end_personalisation(self) -> None:
        self.send(CommandApdu(0x80, INS_END_PERSO, 0x00, 0x00))

    # --- photo ---------------------------------------------------------------------------------
    def read_photo(self) -> bytes | None:
        """The chip photo (JPEG), after external authentication with RKSSSE; None if empty."""
        self.external_authenticate("read")
        self.select_ef(EF08_PHOTO)
        head = self.send(CommandApdu(0x00, 0xB0, 0x00, 0x00, le=2)).data
        length = int.from_bytes(head, "big")
        if length == 0:
            return None
        if length + 2 > PHOTO_FILE_SIZE:
            raise CardDataError()
        out = bytearray()
        offset = 2
        while len(out) < length:
            n = min(PHOTO_CHUNK, length - len(out))
            chunk = self.send(CommandApdu(0x00, 0xB0, offset >> 8, offset & 0xFF, le=n)).data
            if not chunk:
                raise CardDataError()
            out += chunk
            offset += len(chunk)
        return bytes(out)

    def write_photo(self, jpeg: bytes) -> None:
        """Write the chip photo, after external authentication with the update key."""
        content = len(jpeg).to_bytes(2, "big") + jpeg
        if len(content) > PHOTO_FILE_SIZE:
            raise ValidationError(
                "photo", zh("芯片照片不能超过{max_bytes}字节，请重新压缩照片。", max_bytes=PHOTO_FILE_SIZE - 2),
                code="PHOTO_TOO_LARGE",
            )
        self.external_authenticate("update")
        self.select_ef(EF08_PHOTO)
        for offset in range(0, len(content), PHOTO_CHUNK):
            chunk = content[offset : offset + PHOTO_CHUNK]
            self.send(CommandApdu(0x00, 0xD6, offset >> 8, offset & 0xFF, chunk))
