"""Central production: how long the software makes the teller wait (printed, never asserted).

1. Receiving a batch of N cards (default 200) at the non-instant CCB branch against a fresh
   reference central: pulling the batch list, each card's match against the list (the chip
   read itself is the teller's handling and the reader's, not counted: the card number is
   handed over as read; each read is saved at once in the receipt's draft, so a restart
   loses nothing), the receipt written and sent. Baseline: the central's receive call
   alone over HTTP (what the line costs for the same receipt).
2. One hand-out: find the card in custody and ask the central (person, card state), match
   the card read, hand-out and activation at the central, the PIN to the in-process
   emulator's chip. Baseline: one /health round trip.
3. Finding an application among 100,000 local records (real SQLite, encrypted, blind
   indexes) by ID number and by name. Baseline: the same indexed SELECT without the
   blind-index computation and decryption.

    .venv/bin/python bench/central_production.py [--cards 200] [--records 100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()

    from central_sim.seed import generated_id
    from counter_app.bootstrap import central_client, emulated_chip, open_profile_store
    from counter_app.card.emulator.card import EmulatedCard
    from counter_app.card.emulator.factory import card_data_for, new_personalised
    from counter_app.central.api import ApplicationRequest
    from counter_app.central.launcher import start_central_sim
    from counter_app.demo import demo_profile
    from counter_app.devices.pinpad import DemoPinPad
    from counter_app.devices.sscard import SimulatedSocialCardReader
    from counter_app.domain.applications import Acceptance
    from counter_app.domain.production import Tracked
    from counter_app.printing import BranchInfo
    from counter_app.store.applications import ApplicationStore
    from counter_app.store.card_operations import CardOperationStore
    from counter_app.store.production import ProductionStore
    from counter_app.workflows.production import ProductionContext, ProductionDesk
    from counter_app.workflows.production.handout import Step as HStep
    from counter_app.workflows.production.record import Step

    with tempfile.TemporaryDirectory(prefix="bench-production-") as tmp_name:
        tmp = Path(tmp_name)
        central = start_central_sim(f"sqlite:///{tmp}/central.db", production_step=0,
                                    log_path=tmp / "central.log")
        try:
            profile = demo_profile("central", tmp / "counter")
            profile = dataclasses.replace(profile, central=dataclasses.replace(
                profile.central, base_url=central.url))
            store = open_profile_store(profile, exclusive=True)
            client = central_client(profile)
            p = profile
            reader = SimulatedSocialCardReader()
            ctx = ProductionContext(
                branch=BranchInfo(code=p.branch_code, name=p.branch_name,
                                  bank_name=p.bank.name_zh, instant_issue=False),
                branch_code=p.branch_code, bank_code=p.bank.code, counter_id=p.counter_id,
                teller="T0301", central=client, repo=ProductionStore(store),
                outbox=CardOperationStore(store), card_reader=reader,
                chip=emulated_chip(tmp / "card.json"), pin_pad=DemoPinPad(), hold_s=0)
            desk = ProductionDesk(ctx)

            # -- a batch of N cards ------------------------------------------------------------
            taken: list[tuple[str, str]] = []
            i = 0
            while len(taken) < args.cards:
                idn = generated_id(i)
                i += 1
                app = client.submit_application(ApplicationRequest(
                    id_number=idn, bank_code="CCB", branch_code=p.branch_code,
                    making_mode="FACTORY", photo_sha256="ab" * 32),
                    idempotency_key=str(uuid.uuid4()))
                if app.application_id.endswith("7"):  # the central's 制卡失败 example
                    client.cancel_application(app.application_id, branch_code=p.branch_code,
                                              reason="bench", idempotency_key=str(uuid.uuid4()))
                    continue
                taken.append((app.application_id, idn))
                # accepted at this counter, as the application business records it
                ApplicationStore(store).accept(Acceptance(
                    draft_id=str(uuid.uuid4()), teller="T0301", id_number=idn,
                    branch_code=p.branch_code, counter_id=p.counter_id, making_mode="FACTORY",
                    collection="BRANCH", op_id=str(uuid.uuid4()), operation="applications.submit",
                    payload={"id_number": idn},
                    record={"applicant": {"name": f"持卡人{i:04d}"}, "id_number": idn},
                    photo=None, audit={}, central_response={"application_id": app.application_id,
                                                            "state": app.state},
                    accepted_at=dt.datetime.now(dt.UTC)))
            central.advance_production()
            central.advance_production()
            cards = {a.application_id: a.card_no for a in
                     (client.application(a) for a, _ in taken)}
            batch_id = client.application(taken[0][0]).batch_id
            assert batch_id

            t0 = time.perf_counter()
            desk.new_receipt().batches()
            t_list = time.perf_counter() - t0
            t0 = time.perf_counter()
            wf = desk.open_receipt(batch_id)  # the receipt begun (its draft written)
            t_open = time.perf_counter() - t0
            reads = []
            for application_id, _ in taken:
                t0 = time.perf_counter()
                wf.add_read(cards[application_id] or "", application_id)
                reads.append(time.perf_counter() - t0)
            wf.next()
            wf.apply(Step.PLACE, {"box": "A01"})
            t0 = time.perf_counter()
            wf.confirm()
            t_confirm = time.perf_counter() - t0
            receipt_total = t_list + t_open + sum(reads) + t_confirm

            # baseline: a receipt sent alone over HTTP (a fresh batch of one card)
            app = client.submit_application(ApplicationRequest(
                id_number=generated_id(i + 1), bank_code="CCB", branch_code=p.branch_code,
                making_mode="FACTORY", photo_sha256="ab" * 32), idempotency_key=str(uuid.uuid4()))
            central.advance_production()
            central.advance_production()
            other = client.application(app.application_id)
            t0 = time.perf_counter()
            if other.batch_id:
                client.receive_batch(p.branch_code, other.batch_id, idempotency_key=str(uuid.uuid4()),
                                     received=[other.application_id])
            t_bare_receive = time.perf_counter() - t0

            # -- one hand-out ------------------------------------------------------------------
            application_id, idn = taken[0]
            name = client.get_person(idn).name
            data = card_data_for(idn, name, card_number=cards[application_id])
            reader.insert(data)
            EmulatedCard(new_personalised(data), tmp / "card.json").save()
            hw = desk.new_handout()
            steps = {}
            t0 = time.perf_counter()
            hw.apply(HStep.IDENTIFY, {"collector": "SELF", "id_number": idn})
            hw.find_card()
            steps["查找卡片并向中心核对"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            hw.read_card()
            steps["读卡核对"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            hw.activate()
            steps["中心发放并启用"] = time.perf_counter() - t0
            assert ctx.pin_pad is not None
            pad = ctx.pin_pad
            assert isinstance(pad, DemoPinPad)
            pad.key_in("802413", "802413")
            t0 = time.perf_counter()
            hw.set_pin(ctx.pin_pad)
            steps["密码写入芯片"] = time.perf_counter() - t0
            health = []
            for _ in range(5):
                t0 = time.perf_counter()
                client.health()
                health.append(time.perf_counter() - t0)

            # -- search among N local records ----------------------------------------------
            repo = ProductionStore(store)
            t0 = time.perf_counter()
            chunk: list[Tracked] = []
            for n in range(args.records):
                chunk.append(Tracked(application_id=f"APP-BENCH-{n:07d}",
                                     id_number=generated_id(10_000 + n), name=f"测试{n:06d}",
                                     state="BRANCH_RECEIVED", branch_code=p.branch_code))
                if len(chunk) == 5000:
                    repo.add(chunk)
                    chunk = []
            if chunk:
                repo.add(chunk)
            t_fill = time.perf_counter() - t0
            probes = [args.records // 7 * k for k in range(1, 7)]
            by_id, by_name, bare = [], [], []
            from sqlalchemy import select

            from counter_app.store.models import ProductionItem

            for k in probes:
                t0 = time.perf_counter()
                hit = repo.search(generated_id(10_000 + k))
                by_id.append(time.perf_counter() - t0)
                assert f"APP-BENCH-{k:07d}" in {h.application_id for h in hit}
                t0 = time.perf_counter()
                hit = repo.search(f"测试{k:06d}")
                by_name.append(time.perf_counter() - t0)
                assert [h.application_id for h in hit] == [f"APP-BENCH-{k:07d}"]
                index = store.cipher.blind_index(generated_id(10_000 + k), "person")
                t0 = time.perf_counter()
                with store.read() as s:
                    s.execute(select(ProductionItem.id).where(
                        ProductionItem.person_index == index)).all()
                bare.append(time.perf_counter() - t0)
            client.close()
            store.close()
        finally:
            central.stop()

    ms = 1000.0
    print(f"batch of {args.cards} cards received (software wait, card handling excluded):")
    print(f"  list pulled and names learned: {t_list * ms:8.1f} ms")
    print(f"  batch opened (draft begun):    {t_open * ms:8.1f} ms")
    print(f"  per card read matched, saved:  {statistics.mean(reads) * ms:8.2f} ms mean, "
          f"{max(reads) * ms:.2f} ms max, {sum(reads) * ms:.0f} ms in all")
    print(f"  receipt written and sent:      {t_confirm * ms:8.1f} ms "
          f"(bare receive call over HTTP: {t_bare_receive * ms:.1f} ms)")
    print(f"  total:                         {receipt_total:8.2f} s")
    print("one hand-out (software wait):")
    for label, took in steps.items():
        print(f"  {label}: {took * ms:8.1f} ms")
    h = statistics.median(health)
    print(f"  total: {sum(steps.values()) * ms:.1f} ms = {sum(steps.values()) / h:.0f}× "
          f"one /health round trip ({h * ms:.1f} ms)")
    print(f"finding an application among {args.records:,} local records "
          f"(filled in {t_fill:.0f} s; {dt.date.today()}):")
    b = statistics.median(bare)
    print(f"  by ID number: {statistics.median(by_id) * ms:6.2f} ms median "
          f"({statistics.median(by_id) / b:.1f}× the bare indexed SELECT, {b * ms:.2f} ms)")
    print(f"  by name:      {statistics.median(by_name) * ms:6.2f} ms median "
          f"({statistics.median(by_name) / b:.1f}× the bare indexed SELECT)")


if __name__ == "__main__":
    main()
