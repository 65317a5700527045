"""One instant issuance in a process of its own, for the test that kills it with SIGKILL
(``test_issuance_process_kill.py``): the counter's database (its key from the environment, a
test key), the reference central over HTTP, the per-card journal folder, and the card
emulator with the test PSAM in this process on the card's file (saved at every card write,
as the emulator process behind pcscd does). Run as
``python -m tests.integration.issuance.issue_child`` with

    ISSUE_DB, ISSUE_KEY (hex), ISSUE_CENTRAL (URL), ISSUE_JOURNALS, ISSUE_FACES,
    ISSUE_SERIAL (the blank's chip serial, in this teller's custody), ISSUE_APPLICATION,
    ISSUE_CARD (the card file), ISSUE_STALL_AFTER (APDUs answered), ISSUE_MARKER

After ``ISSUE_STALL_AFTER`` APDUs the next one never reaches the card: ``ISSUE_MARKER`` is
written and the process waits for the answer (as a blocked SCardTransmit would; no card
timeout) until the test kills it. Exit 0 means the issuance finished, which the test treats
as a failure to stop it."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.perso import FileJournalStore
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.printing import BranchInfo
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.issuance import IssuanceStore
from counter_app.workflows.issuance import IssuanceContext, IssuanceWorkflow
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from tests.integration.issuance.conftest import BRANCH, HeldBlanks


class StallingPort(LoopbackPort):
    """The card answers ``answered`` APDUs; the next one never reaches it."""

    def __init__(self, card: EmulatedCard, answered: int, marker: Path) -> None:
        super().__init__(card)
        self.answered, self.marker = answered, marker

    def transmit(self, apdu: bytes) -> bytes:
        if len(self.log) >= self.answered:
            self.marker.write_text(f"{len(self.log)}\n")
            while True:  # waiting for the card, as a blocked SCardTransmit would
                time.sleep(60)
        return super().transmit(apdu)


def _slot(env: Mapping[str, str]) -> EmulatedSlot:
    slot = EmulatedSlot()
    slot.card = EmulatedCard.load(Path(env["ISSUE_CARD"]))
    slot.port = StallingPort(slot.card, int(env["ISSUE_STALL_AFTER"]), Path(env["ISSUE_MARKER"]))
    return slot


def main() -> int:
    env = os.environ
    store = open_store(Path(env["ISSUE_DB"]), DataCipher(bytes.fromhex(env["ISSUE_KEY"])))
    client = HttpCentralClient(env["ISSUE_CENTRAL"], timeouts=Timeouts(connect=1, read=5, health=1),
                               client_id=f"{BRANCH}/03")
    custody = HeldBlanks()
    custody.held.add(env["ISSUE_SERIAL"])
    ctx = IssuanceContext(
        branch=BranchInfo(BRANCH, "工商银行宁波鼓楼支行", "中国工商银行", True),
        branch_code=BRANCH, counter_id="03", teller="T0301", central=client,
        store=IssuanceStore(store, BRANCH), slot=_slot(env),
        journals=FileJournalStore(Path(env["ISSUE_JOURNALS"])),
        printer=PdfCardPrinter(Path(env["ISSUE_FACES"])), custody=custody, pin_pad=None,
        power_on_pause_s=0.0, sleep=lambda _s: None)
    wf = IssuanceWorkflow.open(ctx, env["ISSUE_APPLICATION"])
    print("started", flush=True)
    try:
        wf.advance()
    except Exception as exc:  # a stop is an answer too; the test reads it from stderr
        print(f"stopped: {type(exc).__name__} {getattr(exc, 'code', '')}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
