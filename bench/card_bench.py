"""Card layer benchmark (issue 3): printed, never asserted.

    .venv/bin/python bench/card_bench.py [--apdus 2000] [--rounds 7]

Starts pcscd (if needed) and the emulator process, then in one run measures:
1. time per APDU of raw pyscard ``SCardTransmit`` (the floor on this stack) and of the
   high-level pyscard ``CardConnection.transmit``, against our layer
   (``ApduChannel.send`` over ``PcscCard``), inline and with the timeout I/O thread;
   interleaved rounds, medians, ratio to the raw floor (target ≤ 1.10);
2. a full read of EF05 + EF06 (``CardService.read_card``): APDUs and time;
3. a personalisation script on a blank card (journal fsynced per step): APDUs and time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from smartcard import scard
from smartcard.System import readers as pyscard_readers

from counter_app.card.apdu import ApduChannel, CommandApdu
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.control import EmulatorControl
from counter_app.card.emulator.factory import card_data_for, new_blank
from counter_app.card.emulator.launcher import start_emulator
from counter_app.card.perso import FileJournalStore, PersonalisationEngine, build_script
from counter_app.card.service import CardConfig, CardService
from counter_app.card.transport import CARD_READER, PcscCard, TransmitWatch

APDU = bytes.fromhex("00B2072C0B")  # READ RECORD 7 of EF05 by SFI: card number


def per_apdu_us(fn, n: int) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--apdus", type=int, default=50, help="APDUs per method per round")
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--perso-runs", type=int, default=5)
    args = ap.parse_args()

    while EmulatorControl().alive():
        print("waiting for another emulator to stop ...", file=sys.stderr)
        time.sleep(1)
    tmp = Path(tempfile.mkdtemp(prefix="card-bench-"))
    emu = start_emulator(tmp / "emulator")
    try:
        select = CommandApdu(0x00, 0xA4, 0x04, 0x00,
                             bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF"))
        cmd = CommandApdu.from_bytes(APDU)

        inline = PcscCard(CARD_READER, watch=TransmitWatch())
        threaded = PcscCard(CARD_READER, timeout=10.0)
        ch_inline, ch_thread = ApduChannel(inline), ApduChannel(threaded)
        ch_inline.send(select)
        ch_thread.send(select)
        raw_conn = PcscCard(CARD_READER, timeout=None)
        ApduChannel(raw_conn).send(select)
        raw_h, raw_p, raw_l = raw_conn._hcard, raw_conn.protocol, list(APDU)
        hl = next(r for r in pyscard_readers() if str(r) == CARD_READER).createConnection()
        hl.connect()
        hl.transmit(list(select.to_bytes()))

        def raw() -> None:
            hresult, resp = scard.SCardTransmit(raw_h, raw_p, raw_l)
            assert hresult == 0 and resp[-2:] == [0x90, 0x00]

        def high_level() -> None:
            _data, sw1, _sw2 = hl.transmit(raw_l)
            assert sw1 == 0x90

        methods = {
            "raw pyscard SCardTransmit (floor)": raw,
            "pyscard CardConnection.transmit": high_level,
            "ours: send + TransmitWatch (CardService.call)": lambda: ch_inline.send(cmd),
            "ours: send + I/O-thread timeout (PcscCard(timeout))": lambda: ch_thread.send(cmd),
        }
        for fn in methods.values():  # warm up
            per_apdu_us(fn, 200)
        # short batches, method order rotated every round: each method sees the same load
        samples: dict[str, list[float]] = {k: [] for k in methods}
        names = list(methods)
        for r in range(args.rounds):
            for name in names[r % len(names):] + names[: r % len(names)]:
                samples[name].append(per_apdu_us(methods[name], args.apdus))
        floor_med = statistics.median(samples[names[0]])
        floor_min = min(samples[names[0]])
        print(f"\n1. Time per APDU (READ RECORD by SFI; {args.rounds} rounds x {args.apdus} APDUs "
              "per method, order rotated), pyscard -> pcscd -> vpcd -> emulator process")
        print(f"   {'':<52} {'median':>9} {'ratio':>6}   {'best':>8} {'ratio':>6}")
        for name, vals in samples.items():
            med, best = statistics.median(vals), min(vals)
            print(f"   {name:<52} {med:7.1f}us {med / floor_med:6.3f}   {best:6.1f}us "
                  f"{best / floor_min:6.3f}")
        hl.disconnect()
        inline.close()
        threaded.close()
        raw_conn.close()

        service = CardService(CardConfig())
        control = emu.control
        times = []
        for _ in range(30):
            control.reset_stats()
            t = time.perf_counter()
            service.read_card()
            times.append(time.perf_counter() - t)
        apdus = control.stats()["apdus"]
        def reads(card) -> list[float]:  # type: ignore[no-untyped-def]
            out = []
            for _ in range(30):
                t = time.perf_counter()
                card.read_card_data()
                out.append(time.perf_counter() - t)
            return out

        t2 = service.call(reads)
        print(f"\n2. Full read EF05 + EF06: {apdus} APDUs; "
              f"{statistics.median(times) * 1000:.2f} ms median for CardService.read_card() "
              "(connect, transaction, card thread), "
              f"{statistics.median(t2) * 1000:.2f} ms on an open connection")

        data = card_data_for("330206201503091028", "王小雨")
        script = build_script(data, script_id="bench")
        ptimes, card_apdus, psam_apdus = [], 0, 0
        for i in range(args.perso_runs):
            path = tmp / f"blank-{i}.json"
            EmulatedCard(new_blank(), path).save()
            emu.insert(path)
            control.reset_stats()
            engine = PersonalisationEngine(FileJournalStore(tmp / "journals"))
            t = time.perf_counter()
            result = service.call(lambda card, e=engine: e.run(card, script))
            ptimes.append(time.perf_counter() - t)
            assert result.issued, result
            stats = control.stats()
            card_apdus, psam_apdus = stats["apdus"], stats["psam_apdus"]
        print(f"\n3. Personalisation script ({len(script.steps)} steps, journal fsynced before "
              f"and after each step, read-back verify): {card_apdus} card APDUs + {psam_apdus} "
              f"PSAM APDUs; {statistics.median(ptimes) * 1000:.1f} ms median of "
              f"{args.perso_runs}")
    finally:
        emu.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
