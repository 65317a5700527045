"""A third-generation (SM4) social security card with the SSSE application.

Access conditions enforced here (card-spec §1.3–§1.5, issue 3):
- EF05/EF06 read freely; the photo (EF08) read needs external authentication with RKSSSE;
- every write (UPDATE RECORD, UPDATE BINARY, END PERSONALISATION) needs external
  authentication with the update key;
- VERIFY / CHANGE PIN count wrong PINs and block at zero; RELOAD and UNBLOCK need a MAC
  computed by the PSAM over a fresh card challenge;
- a challenge is single-use: any EXTERNAL AUTHENTICATE / MAC-protected command consumes it;
- external authentication failures are counted per key and lock the key at zero;
- ACTIVATE (``84 EC``, MAC by the PSAM with the update key over a fresh challenge) sets
  the function byte (社保 01, 金融 02) of an issued card; GET DATA C2 reads it.
The card persists its state to its file after every command that changes it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter_app.card.apdu import CommandApdu
from counter_app.card.emulator import crypto
from counter_app.card.layout import (
    EF05,
    EF06,
    EF08_PHOTO,
    FUNCTIONS_ALL,
    FUNCTIONS_TAG,
    INS_ACTIVATE,
    INS_END_PERSO,
    KEY_PIN_RELOAD,
    KEY_PIN_UNBLOCK,
    KEY_READ,
    KEY_UPDATE,
    LIFECYCLE_ISSUED,
    LIFECYCLE_PERSONALISING,
    LIFECYCLE_TAG,
    OPTIONAL_TAGS,
    PHOTO_FILE_SIZE,
    RECORDS,
    SSSE_AID,
    RecordDef,
)
from counter_app.card.statefile import read_json, write_json_atomic

CARD_FILE_VERSION = 1
KEY_ID_ROLE: dict[int, crypto.KeyRole] = {
    KEY_UPDATE: "update",
    KEY_READ: "read",
    KEY_PIN_UNBLOCK: "pin_unblock",
    KEY_PIN_RELOAD: "pin_reload",
}
KEY_TRIES_MAX = 5


def sw(value: int, data: bytes = b"") -> bytes:
    return data + value.to_bytes(2, "big")


def pin_to_bcd(pin: str) -> bytes:
    if len(pin) != 6 or not pin.isdigit():
        raise ValueError("PIN is 6 digits")
    return bytes.fromhex(pin)


def _pin_hash(atr: bytes, pin_bcd: bytes) -> str:
    # the card file is the card; still, keep no clear PIN in it
    return hashlib.sha256(b"counter-app pin" + atr + pin_bcd).hexdigest()


@dataclass
class CardState:
    atr: bytes
    algo: crypto.Algorithm
    keys: dict[str, bytes]
    key_tries: dict[str, int]
    pin_hash: str
    pin_tries_max: int
    pin_tries_left: int
    lifecycle: int
    records: dict[int, bytes] = field(default_factory=dict)  # tag -> full TLV record
    photo: bytes = b""
    label: str = ""
    functions: int = 0  # activated functions (FUNCTION_SOCIAL | FUNCTION_FINANCIAL)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": CARD_FILE_VERSION,
            "label": self.label,
            "atr": self.atr.hex().upper(),
            "algo": self.algo,
            "keys": {k: v.hex() for k, v in self.keys.items()},
            "key_tries": dict(self.key_tries),
            "pin_hash": self.pin_hash,
            "pin_tries_max": self.pin_tries_max,
            "pin_tries_left": self.pin_tries_left,
            "lifecycle": self.lifecycle,
            "records": {f"{t:02X}": r.hex().upper() for t, r in sorted(self.records.items())},
            "photo": self.photo.hex(),
            "functions": self.functions,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> CardState:
        if raw.get("version") != CARD_FILE_VERSION:
            raise ValueError("unsupported card file version")
        return cls(
            atr=bytes.fromhex(raw["atr"]),
            algo=raw["algo"],
            keys={k: bytes.fromhex(v) for k, v in raw["keys"].items()},
            key_tries={k: int(v) for k, v in raw["key_tries"].items()},
            pin_hash=raw["pin_hash"],
            pin_tries_max=int(raw["pin_tries_max"]),
            pin_tries_left=int(raw["pin_tries_left"]),
            lifecycle=int(raw["lifecycle"]),
            records={int(t, 16): bytes.fromhex(r) for t, r in raw["records"].items()},
            photo=bytes.fromhex(raw.get("photo", "")),
            label=raw.get("label", ""),
            # files written before activation existed: an issued card was a card in use
            functions=int(raw.get("functions", FUNCTIONS_ALL if int(raw["lifecycle"])
                                  == LIFECYCLE_ISSUED else 0)),
        )


class EmulatedCard:
    """Processes APDUs; volatile security state is lost on reset or power-off."""

    def __init__(self, state: CardState, path: Path | None = None) -> None:
        self.state = state
        self.path = path
        self._dispatch = self._handlers()
        self._known_ins = {ins for (_, ins) in self._dispatch}
        self.reset()

    # --- persistence ---------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> EmulatedCard:
        return cls(CardState.from_json(read_json(path)), path)

    def save(self) -> None:
        if self.path is not None:
            write_json_atomic(self.path, self.state.to_json())

    # --- power -----------------------------------------------------------------------
    @property
    def atr(self) -> bytes:
        return self.state.atr

    def reset(self) -> None:
        self.in_ssse = False
        self.current_ef: int | None = None
        self.challenge = b""
        self.authenticated: set[int] = set()
        self.pin_verified = False

    # --- dispatch ----------------------------------------------------------------------
    def process(self, raw: bytes) -> bytes:
        try:
            cmd = CommandApdu.from_bytes(raw)
        except ValueError:
            return sw(0x6700)
        handler = self._dispatch.get((cmd.cla & 0xF0, cmd.ins))
        if handler is None:
            return sw(0x6E00 if cmd.ins in self._known_ins else 0x6D00)
        return handler(cmd)

    def _handlers(self) -> dict[tuple[int, int], Callable[[CommandApdu], bytes]]:
        return {
            (0x00, 0xA4): self._select,
            (0x00, 0xB2): self._read_record,
            (0x00, 0xDC): self._update_record,
            (0x00, 0x84): self._get_challenge,
            (0x00, 0x82): self._external_auth,
            (0x00, 0x20): self._verify,
            (0x80, 0x5E): self._change_or_reload_pin,
            (0x80, 0x24): self._unblock_pin,
            (0x00, 0xB0): self._read_binary,
            (0x00, 0xD6): self._update_binary,
            (0x80, 0xCA): self._get_data,
            (0x80, INS_END_PERSO): self._end_perso,
            (0x80, INS_ACTIVATE): self._activate,
        }

    # --- selection ---------------------------------------------------------------------
    def _select(self, cmd: CommandApdu) -> bytes:
        if cmd.p1 == 0x04:
            if cmd.data != SSSE_AID:
                return sw(0x6A82)
            self.reset()
            self.in_ssse = True
            alg = 0x03 if self.state.algo == "sm4" else 0x01
            # FCI: the algorithm byte follows 9F0C86 (card-spec §1.4)
            prop = bytes.fromhex("9F0C86") + bytes((alg,))
            fci = b"\x84" + bytes((len(SSSE_AID),)) + SSSE_AID + b"\xA5" + bytes((len(prop),)) + prop
            return sw(0x9000, b"\x6F" + bytes((len(fci),)) + fci)
        if cmd.p1 in (0x00, 0x02) and len(cmd.data) == 2:
            fid = int.from_bytes(cmd.data, "big")
            if fid == 0x3F00:
                self.reset()
                return sw(0x9000)
            if not self.in_ssse or fid not in (EF05, EF06, EF08_PHOTO):
                return sw(0x6A82)
            self.current_ef = fid
            return sw(0x9000)
        return sw(0x6A86)

    def _record_ef(self, p2: int) -> int | None:
        sfi = p2 >> 3
        if sfi:
            return {5: EF05, 6: EF06}.get(sfi, -1)
        return self.current_ef

    def _find_record(self, cmd: CommandApdu) -> RecordDef | bytes:
        if not self.in_ssse:
            return sw(0x6A82)
        ef = self._record_ef(cmd.p2)
        if ef == -1:
            return sw(0x6A82)
        if ef not in (EF05, EF06):
            return sw(0x6986 if ef is None else 0x6981)
        mode = cmd.p2 & 0x07
        for r in RECORDS:
            if r.ef != ef:
                continue
            if (mode == 0x04 and r.number == cmd.p1) or (mode == 0x00 and r.tag == cmd.p1):
                return r
        if mode not in (0x00, 0x04):
            return sw(0x6A86)
        return sw(0x6A83)

    # --- records -----------------------------------------------------------------------
    def _read_record(self, cmd: CommandApdu) -> bytes:
        found = self._find_record(cmd)
        if isinstance(found, bytes):
            return found
        record = self.state.records.get(found.tag)
        if record is None:
            return sw(0x6A83)
        if cmd.le is not None and cmd.le != 256 and cmd.le != len(record):
            return sw(0x6C00 | len(record))
        return sw(0x9000, record)

    def _update_record(self, cmd: CommandApdu) -> bytes:
        found = self._find_record(cmd)
        if isinstance(found, bytes):
            return found
        if KEY_UPDATE not in self.authenticated:
            return sw(0x6982)
        if len(cmd.data) != found.length + 2:
            return sw(0x6700)
        if cmd.data[0] != found.tag or cmd.data[1] != found.length:
            return sw(0x6A80)
        self.state.records[found.tag] = cmd.data
        self.save()
        return sw(0x9000)

    # --- authentication -------------------------------------------------------------------
    def _get_challenge(self, cmd: CommandApdu) -> bytes:
        if cmd.le not in (4, 8):
            return sw(0x6700)
        rnd = os.urandom(cmd.le)
        self.challenge = (self.challenge + rnd)[-16:]
        return sw(0x9000, rnd)

    def _take_challenge(self, n: int) -> bytes | None:
        """Consume the challenge (single use); None if fewer than n bytes were issued."""
        ch, self.challenge = self.challenge, b""
        return ch[-n:] if len(ch) >= n else None

    def _key(self, key_id: int) -> tuple[crypto.KeyRole, bytes] | None:
        role = KEY_ID_ROLE.get(key_id)
        if role is None or role not in self.state.keys:
            return None
        return role, self.state.keys[role]

    def _external_auth(self, cmd: CommandApdu) -> bytes:
        found = self._key(cmd.p2)
        if found is None:
            return sw(0x6A88)
        role, key = found
        if self.state.key_tries[role] <= 0:
            return sw(0x6983)
        bs = crypto.block_size(self.state.algo)
        challenge = self._take_challenge(bs)
        if challenge is None:
            return sw(0x6984)
        if len(cmd.data) != bs:
            return sw(0x6700)
        expected = crypto.encrypt(self.state.algo, key, challenge)
        if hmac.compare_digest(expected, cmd.data):
            if self.state.key_tries[role] != KEY_TRIES_MAX:
                self.state.key_tries[role] = KEY_TRIES_MAX
                self.save()
            self.authenticated.add(cmd.p2)
            return sw(0x9000)
        self.state.key_tries[role] -= 1
        self.save()
        left = self.state.key_tries[role]
        return sw(0x63C0 | left if left else 0x6983)

    def _check_mac(self, cmd: CommandApdu, key_id: int, body: bytes, mac: bytes) -> bool:
        found = self._key(key_id)
        challenge = self._take_challenge(8)
        if found is None or challenge is None:
            return False
        algo = self.state.algo
        header = bytes((cmd.cla, cmd.ins, cmd.p1, cmd.p2, len(cmd.data)))
        full = crypto.cbc_mac(algo, found[1], crypto.challenge_iv(algo, challenge), header + body)
        return hmac.compare_digest(full[:4], mac)

    # --- PIN -------------------------------------------------------------------------------
    def _pin_matches(self, pin_bcd: bytes) -> bool:
        return hmac.compare_digest(_pin_hash(self.state.atr, pin_bcd), self.state.pin_hash)

    def _wrong_pin(self) -> bytes:
        self.state.pin_tries_left = max(0, self.state.pin_tries_left - 1)
        self.pin_verified = False
        self.save()
        return sw(0x63C0 | self.state.pin_tries_left)

    def _good_pin(self) -> None:
        if self.state.pin_tries_left != self.state.pin_tries_max:
            self.state.pin_tries_left = self.state.pin_tries_max
            self.save()

    @staticmethod
    def _valid_pin_bcd(raw: bytes) -> bool:
        return len(raw) == 3 and raw.hex().isdigit()

    def _verify(self, cmd: CommandApdu) -> bytes:
        if not self.in_ssse:
            return sw(0x6985)
        if not self._valid_pin_bcd(cmd.data):
            return sw(0x6A80)
        if self.state.pin_tries_left <= 0:
            return sw(0x6983)
        if not self._pin_matches(cmd.data):
            return self._wrong_pin()
        self._good_pin()
        self.pin_verified = True
        return sw(0x9000)

    def _change_or_reload_pin(self, cmd: CommandApdu) -> bytes:
        if not self.in_ssse:
            return sw(0x6985)
        if cmd.p1 == 0x01:  # CHANGE PIN: old FF new
            if len(cmd.data) != 7 or cmd.data[3] != 0xFF:
                return sw(0x6A80)
            old, new = cmd.data[:3], cmd.data[4:]
            if not (self._valid_pin_bcd(old) and self._valid_pin_bcd(new)):
                return sw(0x6A80)
            if self.state.pin_tries_left <= 0:
                return sw(0x6983)
            if not self._pin_matches(old):
                return self._wrong_pin()
            self.state.pin_hash = _pin_hash(self.state.atr, new)
            self.state.pin_tries_left = self.state.pin_tries_max
            self.save()
            return sw(0x9000)
        if cmd.p1 == 0x00:  # RELOAD PIN: new PIN ‖ MAC4 (PIN reload key)
            if len(cmd.data) != 7:
                return sw(0x6700)
            new, mac = cmd.data[:3], cmd.data[3:]
            if not self._valid_pin_bcd(new):
                return sw(0x6A80)
            if not self._check_mac(cmd, KEY_PIN_RELOAD, new, mac):
                return sw(0x6988)
            self.state.pin_hash = _pin_hash(self.state.atr, new)
            self.state.pin_tries_left = self.state.pin_tries_max
            self.save()
            return sw(0x9000)
        return sw(0x6A86)

    def _unblock_pin(self, cmd: CommandApdu) -> bytes:
        """UNBLOCK: MAC4 only (reset the counter) or encPIN ‖ MAC4 (also set a new PIN)."""
        if not self.in_ssse:
            return sw(0x6985)
        bs = crypto.block_size(self.state.algo)
        if len(cmd.data) not in (4, bs + 4):
            return sw(0x6700)
        body, mac = cmd.data[:-4], cmd.data[-4:]
        if not self._check_mac(cmd, KEY_PIN_UNBLOCK, body, mac):
            return sw(0x6988)
        if body:
            block = crypto.decrypt(self.state.algo, self.state.keys["pin_unblock"], body)
            if block[0] != 6 or not self._valid_pin_bcd(block[1:4]) or block[4] != 0x80:
                return sw(0x6A80)
            self.state.pin_hash = _pin_hash(self.state.atr, block[1:4])
        self.state.pin_tries_left = self.state.pin_tries_max
        self.save()
        return sw(0x9000)

    # --- photo ---------------------------------------------------------------------------
    def _read_binary(self, cmd: CommandApdu) -> bytes:
        if not self.in_ssse or self.current_ef != EF08_PHOTO:
            return sw(0x6986)
        if KEY_READ not in self.authenticated:
            return sw(0x6982)
        offset = (cmd.p1 << 8) | cmd.p2
        if cmd.p1 & 0x80 or offset >= PHOTO_FILE_SIZE:
            return sw(0x6B00)
        le = cmd.le or 256
        content = self.state.photo.ljust(PHOTO_FILE_SIZE, b"\x00")
        return sw(0x9000, content[offset : offset + le])

    def _update_binary(self, cmd: CommandApdu) -> bytes:
        if not self.in_ssse or self.current_ef != EF08_PHOTO:
            return sw(0x6986)
        if KEY_UPDATE not in self.authenticated:
            return sw(0x6982)
        offset = (cmd.p1 << 8) | cmd.p2
        if cmd.p1 & 0x80 or offset + len(cmd.data) > PHOTO_FILE_SIZE:
            return sw(0x6B00)
        photo = self.state.photo.ljust(offset, b"\x00")
        self.state.photo = photo[:offset] + cmd.data + photo[offset + len(cmd.data) :]
        self.save()
        return sw(0x9000)

    # --- lifecycle --------------------------------------------------------------------------
    def _get_data(self, cmd: CommandApdu) -> bytes:
        if cmd.p1 == 0x00 and cmd.p2 == LIFECYCLE_TAG:
            return sw(0x9000, bytes((self.state.lifecycle,)))
        if cmd.p1 == 0x00 and cmd.p2 == FUNCTIONS_TAG:
            return sw(0x9000, bytes((self.state.functions,)))
        return sw(0x6A88)

    def _activate(self, cmd: CommandApdu) -> bytes:
        """ACTIVATE: ``84 EC 00 00 05 <functions> <MAC4>``; bits are only ever set."""
        if not self.in_ssse or self.state.lifecycle != LIFECYCLE_ISSUED:
            return sw(0x6985)
        if cmd.p1 or cmd.p2:
            return sw(0x6A86)
        if len(cmd.data) != 5:
            return sw(0x6700)
        body, mac = cmd.data[:1], cmd.data[1:]
        if not self._check_mac(cmd, KEY_UPDATE, body, mac):
            return sw(0x6988)
        if not body[0] or body[0] & ~FUNCTIONS_ALL:
            return sw(0x6A80)
        if self.state.functions | body[0] != self.state.functions:
            self.state.functions |= body[0]
            self.save()
        return sw(0x9000)

    def _end_perso(self, cmd: CommandApdu) -> bytes:
        if not self.in_ssse:
            return sw(0x6985)
        if KEY_UPDATE not in self.authenticated:
            return sw(0x6982)
        if self.state.lifecycle != LIFECYCLE_PERSONALISING:
            return sw(0x6985)
        missing = [r for r in RECORDS if r.tag not in OPTIONAL_TAGS and r.tag not in self.state.records]
        if missing:
            return sw(0x6985)
        self.state.lifecycle = LIFECYCLE_ISSUED
        self.save()
        return sw(0x9000)
