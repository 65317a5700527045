"""The branch PSAM: holds the TEST ministry root keys and answers with cryptograms.

Commands (PBOC-style PSAM, card-spec §1.5):
- ``00 A4 04 00 06 D15600000590``      select DF01 (the SSSE AID selects the MF)
- ``80 1A <usage> <index> 8n <factors>`` init for a computation; factors in command order
  card ‖ city ‖ province; the key is diversified province → city → card
- ``80 FA 00 00 Lc <data>``              encrypt (ECB) → ``61xx``, then GET RESPONSE
- ``80 FA 05 00 Lc <IV ‖ data>``         MAC (ISO 9797-1 M2, CBC) → ``6104``
- ``00 C0 00 00 Le``                     GET RESPONSE
Responses with data use the T=0 convention (``61xx``), as real PSAMs do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.card.apdu import CommandApdu
from counter_app.card.emulator import crypto
from counter_app.card.emulator.card import sw
from counter_app.card.layout import (
    PSAM_DF01_AID,
    PSAM_KEY_TYPE,
    SSSE_AID,
    psam_key_index,
)
from counter_app.card.statefile import read_json, write_json_atomic

PSAM_ATR = bytes.fromhex("3B6800000073C84013009000")


@dataclass(frozen=True)
class PsamKey:
    key_type: int
    index: int
    algo: crypto.Algorithm
    level: int  # 0 ministry root, 1 province, 2 city: levels still to apply = 3 - level
    value: bytes


class EmulatedPsam:
    def __init__(self, keys: list[PsamKey], terminal_id: str, path: Path | None = None) -> None:
        self.keys = {(k.key_type, k.index): k for k in keys}
        self.terminal_id = terminal_id
        self.path = path
        self.reset()

    @classmethod
    def create_test(cls, seed: str = "test", terminal_id: str = "330200000001") -> EmulatedPsam:
        keys = [
            PsamKey(PSAM_KEY_TYPE[role], psam_key_index(role, algo), algo, 0,
                    crypto.ministry_root(role, algo, seed))
            for role in crypto.ROLES
            for algo in ("sm4", "3des")
        ]
        return cls(keys, terminal_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "terminal_id": self.terminal_id,
            "keys": [
                {"type": k.key_type, "index": k.index, "algo": k.algo, "level": k.level,
                 "value": k.value.hex()}
                for k in self.keys.values()
            ],
        }

    def save(self) -> None:
        if self.path is not None:
            write_json_atomic(self.path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> EmulatedPsam:
        raw = read_json(path)
        keys = [
            PsamKey(k["type"], k["index"], k["algo"], k["level"], bytes.fromhex(k["value"]))
            for k in raw["keys"]
        ]
        return cls(keys, raw["terminal_id"], path)

    @property
    def atr(self) -> bytes:
        return PSAM_ATR

    def reset(self) -> None:
        self.selected = False
        self.session: tuple[crypto.Algorithm, bytes] | None = None
        self.pending = b""

    def process(self, raw: bytes) -> bytes:
        try:
            cmd = CommandApdu.from_bytes(raw)
        except ValueError:
            return sw(0x6700)
        if cmd.cla == 0x00 and cmd.ins == 0xA4:
            if cmd.p1 == 0x04 and cmd.data in (PSAM_DF01_AID, SSSE_AID):
                self.selected = cmd.data == PSAM_DF01_AID
                self.session = None
                return sw(0x9000)
            return sw(0x6A82)
        if cmd.cla == 0x00 and cmd.ins == 0xC0:
            if not self.pending:
                return sw(0x6985)
            le = cmd.le or 256
            if le != len(self.pending):
                return sw(0x6C00 | len(self.pending))
            out, self.pending = self.pending, b""
            return sw(0x9000, out)
        if cmd.cla == 0x80 and cmd.ins == 0x1A:
            return self._init(cmd)
        if cmd.cla == 0x80 and cmd.ins == 0xFA:
            return self._compute(cmd)
        if cmd.cla == 0x00 and cmd.ins == 0xB0 and cmd.p1 == 0x96:  # terminal number, SFI 16h
            self.pending = b""
            return sw(0x9000, bytes.fromhex(self.terminal_id))
        return sw(0x6D00)

    def _init(self, cmd: CommandApdu) -> bytes:
        if not self.selected:
            return sw(0x6985)
        levels, key_type = cmd.p1 >> 5, cmd.p1 & 0x1F
        key = self.keys.get((key_type, cmd.p2))
        if key is None:
            return sw(0x6A88)
        if levels != 3 - key.level or len(cmd.data) != 8 * levels:
            return sw(0x6A80)
        factors = [cmd.data[i : i + 8] for i in range(0, len(cmd.data), 8)]
        # command order is inner (card) first; derivation goes outer (province) first
        derived = crypto.diversify_chain(key.algo, key.value, list(reversed(factors)))
        self.session = (key.algo, derived)
        return sw(0x9000)

    def _compute(self, cmd: CommandApdu) -> bytes:
        if self.session is None:
            return sw(0x6985)
        algo, key = self.session
        bs = crypto.block_size(algo)
        if cmd.p1 == 0x00:
            if not cmd.data or len(cmd.data) % bs:
                return sw(0x6700)
            self.pending = crypto.encrypt(algo, key, cmd.data)
        elif cmd.p1 == 0x05:
            if len(cmd.data) <= bs:
                return sw(0x6700)
            self.pending = crypto.cbc_mac(algo, key, cmd.data[:bs], cmd.data[bs:])[:4]
        else:
            return sw(0x6A86)
        return sw(0x6100 | len(self.pending))
