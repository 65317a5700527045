"""The reference central over real HTTP on loopback, through the counter's requests adapter."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest

from counter_app.central.api import ApplicationRequest, CentralApi, ReplacementRequest
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralBusy, CentralRefusal
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"
WANG_XIAOYU = "330206201503091028"
PHOTO = "ab" * 32


def key() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def as_branch(central: CentralSimHandle) -> Iterator[Callable[[str], HttpCentralClient]]:
    """A client calling as counter C01 of another branch (the central checks every
    branch_code against the caller's identity)."""
    made: list[HttpCentralClient] = []

    def make(code: str, counter: str = "C01") -> HttpCentralClient:
        c = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                              client_id=f"{code}/{counter}")
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def seeded(client: HttpCentralClient, name: str) -> str:
    """ID number of a seeded demo person (seed.py is the list)."""
    from central_sim.seed import DEMO_PEOPLE

    return next(p.id_number for p in DEMO_PEOPLE if p.name == name)


def test_client_implements_the_port(central_client: HttpCentralClient) -> None:
    assert isinstance(central_client, CentralApi)


def test_health_is_fast_and_reports_time_and_version(central_client: HttpCentralClient) -> None:
    h = min((central_client.health() for _ in range(3)), key=lambda x: x.latency_ms)
    assert h.online and h.version == "1.0.0"
    assert h.latency_ms < 500  # the best of three: one GC pause or busy moment is not the line
    assert h.server_time is not None and abs(h.clock_skew_seconds or 0) < 5


def test_conventions_demo_people(central_client: HttpCentralClient) -> None:
    li = central_client.get_person(LI_MING)
    assert (li.name, li.sex, str(li.birth_date)) == ("李明", "1", "1985-06-12")
    card = central_client.card_status("NB0000016")
    assert (card.id_number, card.bank_code, card.card_state) == (LI_MING, "ICBC", "ACTIVE")
    assert (card.social_state, card.financial_state) == ("NORMAL", "NORMAL")
    xiaoyu = central_client.get_person(WANG_XIAOYU)
    assert xiaoyu.name == "王小雨" and xiaoyu.minor and xiaoyu.guardian_id_number == LI_MING
    assert central_client.person_cards(WANG_XIAOYU) == []
    el = central_client.eligibility(WANG_XIAOYU, "ICBC")
    assert el.eligible and el.needs_guardian


def test_population_covers_every_card_state(central_client: HttpCentralClient,
                                            as_branch: Callable[[str], HttpCentralClient]
                                            ) -> None:
    states = set()
    for name in ("陈静", "刘洋", "赵敏", "孙强", "马超", "高洁", "冯涛", "何晨"):
        for c in central_client.person_cards(seeded(central_client, name)):
            states.add((c.card_state, c.social_state, c.financial_state, c.damaged))
    flat = {s for t in states for s in t[:3]}
    assert {"ACTIVE", "CANCELLED", "SEALED", "PENDING_ACTIVATION"} <= flat
    assert {"TEMP_LOST", "LOST", "LOCKED"} <= flat
    assert any(t[3] for t in states)  # damaged
    # a person's applications are listed to the branches of the bank that took them
    apps = as_branch("NBCB-NB-0101").person_applications(seeded(central_client, "周芳"))
    assert apps[0].state == "IN_PRODUCTION"
    assert central_client.person_applications(seeded(central_client, "周芳")) == []
    ems = as_branch("BOC-NB-0101").person_applications(seeded(central_client, "黄梅"))[0]
    assert ems.collection == "EMS" and ems.ems_tracking_no
    assert len(central_client.branches()) == 916
    assert sum(b.instant_issue for b in central_client.branches()) == 333
    assert {b.code for b in central_client.banks()} == {
        "ICBC", "CCB", "BOC", "ABC", "ZJRCU", "PSBC", "NBCB"}


def test_eligibility_rules(central_client: HttpCentralClient) -> None:
    not_entitled = central_client.eligibility(seeded(central_client, "郑丽"))
    assert not not_entitled.eligible and not_entitled.reasons[0].code == "NOT_ENTITLED"
    entitled = central_client.eligibility(seeded(central_client, "吴磊"))
    assert entitled.eligible
    has_card = central_client.eligibility(LI_MING)
    assert not has_card.eligible and has_card.active_card_no == "NB0000016"
    assert "一人一卡" in has_card.reasons[0].message_zh


def test_unknown_person_is_a_refusal_with_code_and_chinese_message(
        central_client: HttpCentralClient) -> None:
    with pytest.raises(CentralRefusal) as err:
        central_client.get_person("110101199001011237")
    assert err.value.code == "PERSON_NOT_FOUND" and err.value.status == 404
    assert "未找到" in err.value.message_zh


def test_minor_needs_the_registered_guardian(
        as_branch: Callable[[str], HttpCentralClient]) -> None:
    central_client = as_branch("ICBC-NB-0102")
    req = ApplicationRequest(id_number=WANG_XIAOYU, bank_code="ICBC", branch_code="ICBC-NB-0102",
                             making_mode="FACTORY", photo_sha256=PHOTO)
    with pytest.raises(CentralRefusal) as err:
        central_client.submit_application(req, idempotency_key=key())
    assert err.value.code == "GUARDIAN_REQUIRED"
    wrong = ApplicationRequest(**{**req.__dict__, "guardian_id_number": seeded(
        central_client, "张伟")})
    with pytest.raises(CentralRefusal) as err:
        central_client.submit_application(wrong, idempotency_key=key())
    assert err.value.code == "GUARDIAN_MISMATCH"


def test_factory_production_batch_handout_activation(
        central: CentralSimHandle, as_branch: Callable[[str], HttpCentralClient]) -> None:
    from central_sim.seed import generated_id

    central_client = as_branch("ICBC-NB-0102")

    # The reference central fails production of every application whose id ends in 7 (1 in
    # 16, its 制卡失败 example): such an application is cancelled and the person applies again.
    idn = generated_id(11)
    for _ in range(50):
        app = central_client.submit_application(ApplicationRequest(
            id_number=idn, bank_code="ICBC", branch_code="ICBC-NB-0102", making_mode="FACTORY",
            photo_sha256=PHOTO), idempotency_key=key())
        if not app.application_id.endswith("7"):
            break
        central_client.cancel_application(app.application_id, branch_code="ICBC-NB-0102",
                                          reason="test", idempotency_key=key())
    assert app.state == "DATA_ENTRY" and app.state_zh == "数据录入"
    again = central_client.eligibility(idn)
    assert not again.eligible and again.open_application_id == app.application_id
    central.advance_production()
    assert central_client.application(app.application_id).state == "IN_PRODUCTION"
    with pytest.raises(CentralRefusal) as err:
        central_client.cancel_application(app.application_id, branch_code="ICBC-NB-0102",
                                          reason="", idempotency_key=key())
    assert err.value.code == "ALREADY_IN_PRODUCTION"
    central.advance_production()
    shipped = central_client.application(app.application_id)
    assert shipped.state == "SHIPPED" and shipped.batch_id and shipped.card_no
    batches = central_client.batches("ICBC-NB-0102", state="SHIPPED")
    batch = next(b for b in batches if b.batch_id == shipped.batch_id)
    assert any(i.application_id == app.application_id for i in batch.items)
    updates = central_client.updates("ICBC-NB-0102")
    kinds = {(u.kind, u.ref) for u in updates.items}
    assert ("BATCH_SHIPPED", batch.batch_id) in kinds
    assert central_client.updates("ICBC-NB-0102", since=updates.next_since).items == ()
    central.lock_batch(batch.batch_id, seconds=30)
    with pytest.raises(CentralBusy) as busy:
        central_client.receive_batch("ICBC-NB-0102", batch.batch_id, idempotency_key=key())
    assert busy.value.code == "BATCH_LOCKED" and busy.value.retryable
    central.lock_batch(batch.batch_id, seconds=0)
    received = central_client.receive_batch("ICBC-NB-0102", batch.batch_id, idempotency_key=key())
    assert received.state == "RECEIVED"
    handed = central_client.hand_out(app.application_id, branch_code="ICBC-NB-0102",
                                     idempotency_key=key())
    assert handed.state == "ISSUED_NOT_ACTIVATED"
    card = central_client.activate(shipped.card_no, branch_code="ICBC-NB-0102",
                                   idempotency_key=key())
    assert card.card_state == "ACTIVE"
    assert central_client.application(app.application_id).state == "ACTIVATED"


def test_instant_issuance_with_a_spoiled_blank(central_client: HttpCentralClient) -> None:
    from central_sim.seed import generated_id

    idn = generated_id(12)
    app = central_client.submit_application(ApplicationRequest(
        id_number=idn, bank_code="ICBC", branch_code="ICBC-NB-0101", making_mode="INSTANT",
        photo_sha256=PHOTO), idempotency_key=key())
    with pytest.raises(CentralRefusal) as err:
        central_client.personalisation_data(app.application_id)
    assert err.value.code == "NOT_MARKED"
    m1 = central_client.mark_blank(app.application_id, branch_code="ICBC-NB-0101",
                                   blank_serial="B-0001", idempotency_key=key())
    spoiled = central_client.report_issuance(app.application_id, branch_code="ICBC-NB-0101",
                                             blank_serial="B-0001", outcome="SPOILED",
                                             reason="打印失败", idempotency_key=key())
    assert spoiled.state == "DATA_ENTRY" and spoiled.card_no is None
    assert central_client.card_status(m1.card_no).card_state == "VOID"
    m2 = central_client.mark_blank(app.application_id, branch_code="ICBC-NB-0101",
                                   blank_serial="B-0002", idempotency_key=key())
    assert m2.card_no != m1.card_no
    perso = central_client.personalisation_data(app.application_id)
    assert perso.id_number == idn and perso.card_no == m2.card_no and perso.city_code == "330200"
    done = central_client.report_issuance(app.application_id, branch_code="ICBC-NB-0101",
                                          blank_serial="B-0002", outcome="SUCCESS", reason="",
                                          idempotency_key=key())
    assert done.state == "PERSONALISED"
    assert central_client.activate(m2.card_no, branch_code="ICBC-NB-0101",
                                   idempotency_key=key()).card_state == "ACTIVE"


def test_instant_refused_at_a_non_instant_branch(
        as_branch: Callable[[str], HttpCentralClient]) -> None:
    from central_sim.seed import generated_id

    central_client = as_branch("ICBC-NB-0102")

    with pytest.raises(CentralRefusal) as err:
        central_client.submit_application(ApplicationRequest(
            id_number=generated_id(13), bank_code="ICBC", branch_code="ICBC-NB-0102",
            making_mode="INSTANT", photo_sha256=PHOTO), idempotency_key=key())
    assert err.value.code == "BRANCH_NOT_INSTANT"


def test_loss_deloss_replacement_rules(central_client: HttpCentralClient,
                                      as_branch: Callable[[str], HttpCentralClient]) -> None:
    boc, ccb = as_branch("BOC-NB-0101"), as_branch("CCB-NB-0101")
    lost_card = central_client.person_cards(seeded(central_client, "刘洋"))[0]  # BOC, both LOST
    with pytest.raises(CentralRefusal) as err:
        central_client.deloss(lost_card.card_no, branch_code="ICBC-NB-0101",
                              functions=["social"], idempotency_key=key())
    assert err.value.code == "WRONG_BANK" and "发卡银行" in err.value.message_zh
    repl = ReplacementRequest(branch_code="BOC-NB-0101", reason="LOST", making_mode="FACTORY",
                              photo_sha256=PHOTO)
    with pytest.raises(CentralRefusal) as err:
        ccb.replacement(lost_card.card_no, ReplacementRequest(
            **{**repl.__dict__, "branch_code": "CCB-NB-0101"}), idempotency_key=key())
    assert err.value.code == "WRONG_BANK"
    app = boc.replacement(lost_card.card_no, repl, idempotency_key=key())
    assert app.kind == "REPLACEMENT_LOST" and app.old_card_no == lost_card.card_no
    assert app.fee_fen == 2000
    old = central_client.card_status(lost_card.card_no)
    assert old.card_state == "CANCELLED" and old.replacement_applied
    with pytest.raises(CentralRefusal) as err:
        boc.deloss(lost_card.card_no, branch_code="BOC-NB-0101", functions=["social"],
                   idempotency_key=key())
    assert err.value.code == "REPLACEMENT_APPLIED"


def test_pre_loss_then_formal_loss_then_deloss(
        central: CentralSimHandle, as_branch: Callable[[str], HttpCentralClient]) -> None:
    central_client = as_branch("ABC-NB-0101")
    card = central_client.person_cards(seeded(central_client, "赵敏"))[0]  # ABC, damaged, active
    central.pre_loss(card.card_no, "social")
    pre = central_client.card_status(card.card_no)
    assert pre.social_state == "TEMP_LOST" and pre.temp_loss_until is not None
    notices = central_client.updates("ABC-NB-0101").items
    assert any(n.kind == "PRE_LOSS" and n.ref == card.card_no for n in notices)
    lost = central_client.formal_loss(card.card_no, branch_code="ABC-NB-0101", functions=["social"],
                                      idempotency_key=key())
    assert lost.social_state == "LOST" and lost.financial_state == "NORMAL"
    with pytest.raises(CentralRefusal) as err:  # the state machine refuses LOST -> LOST
        central_client.formal_loss(card.card_no, branch_code="ABC-NB-0101", functions=["social"],
                                   idempotency_key=key())
    assert err.value.code == "FUNCTION_STATE_CONFLICT"
    back = central_client.deloss(card.card_no, branch_code="ABC-NB-0101", functions=["social"],
                                 idempotency_key=key())
    assert back.social_state == "NORMAL"


def test_pin_reset_authorisation_unlocks(central_client: HttpCentralClient,
                                         as_branch: Callable[[str], HttpCentralClient]) -> None:
    card = central_client.person_cards(seeded(central_client, "何晨"))[0]
    assert card.financial_state == "LOCKED"
    with pytest.raises(CentralRefusal) as err:
        as_branch("CCB-NB-0101").authorise_pin_reset(card.card_no, branch_code="CCB-NB-0101",
                                           function="financial", idempotency_key=key())
    assert err.value.code == "WRONG_BANK"
    auth = central_client.authorise_pin_reset(card.card_no, branch_code="ICBC-NB-0101",
                                              function="financial", idempotency_key=key())
    assert auth.authorisation_id.startswith("PRA-")
    assert central_client.card_status(card.card_no).financial_state == "NORMAL"


def test_certificate_issued_and_verified(central_client: HttpCentralClient) -> None:
    contrib = central_client.contributions(LI_MING, months=12)
    assert {s.insurance for s in contrib.summary} == {"PENSION", "UNEMPLOYMENT", "WORK_INJURY"}
    assert 0 < len({m.year_month for m in contrib.months}) <= 12
    cert = central_client.issue_certificate(LI_MING, branch_code="ICBC-NB-0101", months=48,
                                            idempotency_key=key())
    assert cert.content["title"].startswith("浙江省社会保险参保证明")
    assert cert.auth_code in cert.qr_payload
    check = central_client.verify_certificate(cert.auth_code)
    assert check.valid and check.content_sha256 == cert.content_sha256
    assert (check.valid_until - check.issued_at).days >= 89
    with pytest.raises(CentralRefusal) as err:
        central_client.verify_certificate("0000000000000000")
    assert err.value.code == "CERTIFICATE_UNKNOWN"


def test_audit_head_truncation_is_refused(central: CentralSimHandle) -> None:
    counter = f"T{uuid.uuid4().hex[:6]}"
    central_client = HttpCentralClient(central.url, client_id=f"ICBC-NB-0101/{counter}")
    central_client.report_audit_head("ICBC-NB-0101", counter, seq=10, head_sha256="a" * 64,
                                     idempotency_key=key())
    assert central_client.audit_head("ICBC-NB-0101", counter).seq == 10
    with pytest.raises(CentralRefusal) as err:
        central_client.report_audit_head("ICBC-NB-0101", counter, seq=5, head_sha256="b" * 64,
                                         idempotency_key=key())
    assert err.value.code == "AUDIT_HEAD_REGRESSION" and err.value.details["central_seq"] == 10
    with pytest.raises(CentralRefusal) as err:
        central_client.report_audit_head("ICBC-NB-0101", counter, seq=10, head_sha256="c" * 64,
                                         idempotency_key=key())
    assert err.value.code == "AUDIT_HEAD_FORK"


def test_branch_config_is_data(central_client: HttpCentralClient) -> None:
    cfg = central_client.branch_config("ICBC-NB-0101")
    assert cfg.temp_loss_valid_days in range(5, 11) and cfg.replacement_fee_fen == 2000
    assert central_client.branch("ICBC-NB-0101").instant_issue
    assert not central_client.branch("ICBC-NB-0102").instant_issue


def test_generic_execute_matches_the_typed_call(central: CentralSimHandle,
                                                central_client: HttpCentralClient) -> None:
    from central_sim.seed import generated_id

    k = key()
    out = central_client.execute("persons.data_change", {
        "id_number": generated_id(14), "branch_code": "ICBC-NB-0101", "client_seq": 1,
        "changes": {"phone": "13900000000"}}, idempotency_key=k)
    assert out["operation_id"].startswith("OP-")
    assert central.effects(k)["total"] == 1
    with pytest.raises(CentralRefusal) as err:
        central_client.execute("persons.data_change", {
            "id_number": generated_id(14), "branch_code": "ICBC-NB-0101", "client_seq": 2,
            "changes": {"name": "改名"}}, idempotency_key=key())
    assert err.value.code == "CHANGE_NEEDS_PROOF"


def test_production_moves_on_by_itself_over_time(make_central) -> None:  # type: ignore[no-untyped-def]
    import time

    from central_sim.seed import generated_id

    c = make_central(production_step=2)  # each state held ~2 s: a polling stall cannot skip one
    client = HttpCentralClient(c.url, client_id="ICBC-NB-0102/C01")
    app = client.submit_application(ApplicationRequest(
        id_number=generated_id(15), bank_code="ICBC", branch_code="ICBC-NB-0102",
        making_mode="FACTORY", collection="EMS", ems_address="宁波市海曙区测试路1号",
        photo_sha256=PHOTO), idempotency_key=key())
    seen = {app.state}
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not {"SHIPPED", "FAILED"} & seen:
        time.sleep(0.2)
        seen.add(client.application(app.application_id).state)
    assert "IN_PRODUCTION" in seen and {"SHIPPED", "FAILED"} & seen
    final = client.application(app.application_id)
    if final.state == "SHIPPED":
        assert final.ems_tracking_no and final.ems_tracking_no.endswith("CN")
    client.close()
