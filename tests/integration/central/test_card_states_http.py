"""The reference central's card endpoints over HTTP, from every state, answer what the
counter's one table says: loss, de-loss, PIN reset and PIN lock per function
(``domain.card_states.check_operation``), and the card-level operations — replacement (→ 注销),
activation (→ 正常使用), sealing (→ 封存), voiding at instant issuance (spoiled result or
cancel, → 作废) — from every card state (``domain.card_states.check_card``).

``tests/unit/foundation/test_card_states_agree.py`` compares the two tables; this drives the
endpoints themselves: each card state × each function × each function state is written into
the central's own database, the operation is sent, and the central's answer (done and the
state it leaves, or refused and its code) must equal the domain's verdict. The counter then
retells every refusal with the state's Chinese name and what the person can do.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from central_sim.db import Application, Card
from counter_app.central.api import ReplacementRequest
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.card_states import (
    CARD_STATE_NAMES_ZH,
    FUNCTION_STATE_NAMES_ZH,
    CardFunction,
    CardOperation,
    CardState,
    FunctionState,
    TransitionRefused,
)
from counter_app.workflows.card_refusals import retell
from tests.fixtures.card_states import card_refusal, operation_allowed, operation_verdict
from tests.fixtures.central import _start, _unavailable

CARD = "NB0000016"  # 李明's ICBC card (central_sim seed)
BRANCH = "ICBC-NB-0101"
CASES = list(itertools.product(CardOperation, CardState, CardFunction, FunctionState))


@pytest.fixture(scope="module")
def states_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralSimHandle]:
    handle = _start(tmp_path_factory.mktemp("states-central"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(states_central: CentralSimHandle) -> CentralSimHandle:
    if not states_central.alive():
        _unavailable("the state-table central died:\n" + states_central.log_tail())
    return states_central


@pytest.fixture(scope="module")
def client(states_central: CentralSimHandle) -> Iterator[HttpCentralClient]:
    with HttpCentralClient(states_central.url, timeouts=Timeouts(connect=2, read=10, health=2),
                           client_id=f"{BRANCH}/05") as made:
        yield made


def _put_card(db_url: str, card: CardState, function: CardFunction, state: FunctionState) -> None:
    """The card in ``card`` state, ``function`` in ``state``, the other function normal."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as s, s.begin():
            c = s.get(Card, CARD)
            assert c is not None
            c.card_state = card.value
            c.social_state = state.value if function is CardFunction.SOCIAL else "NORMAL"
            c.financial_state = state.value if function is CardFunction.FINANCIAL else "NORMAL"
            c.temp_loss_until = (dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=5)
                                 if state is FunctionState.TEMP_LOST else None)
            c.replaced_by_application = None
    finally:
        engine.dispose()


def _send(client: HttpCentralClient, op: CardOperation, function: CardFunction) -> str:
    """The operation at the card's own bank; the function's state after it."""
    key = f"states-{uuid.uuid4()}"
    if op is CardOperation.LOSS:
        after = client.formal_loss(CARD, branch_code=BRANCH, functions=[function.value],
                                   idempotency_key=key)
    elif op is CardOperation.DELOSS:
        after = client.deloss(CARD, branch_code=BRANCH, functions=[function.value],
                              idempotency_key=key)
    elif op is CardOperation.PIN_LOCK:
        after = client.report_pin_lock(CARD, branch_code=BRANCH, function=function.value,
                                       idempotency_key=key)
    else:
        client.authorise_pin_reset(CARD, branch_code=BRANCH, function=function.value,
                                   idempotency_key=key)
        after = client.card_status(CARD)
    return after.social_state if function is CardFunction.SOCIAL else after.financial_state


@pytest.mark.parametrize(("op", "card", "function", "state"), CASES,
                         ids=[f"{o.value}-{c.value}-{f.value}-{s.value}" for o, c, f, s in CASES])
def test_central_answers_the_domain_verdict(central: CentralSimHandle, client: HttpCentralClient,
                                           op: CardOperation, card: CardState,
                                           function: CardFunction, state: FunctionState) -> None:
    _put_card(central.db_url, card, function, state)
    verdict = operation_verdict(op, card, function, state)
    try:
        after = _send(client, op, function)
    except CentralRefusal as exc:
        assert isinstance(verdict, TransitionRefused), (
            f"the central refused {exc.central_code}, the table allows → {verdict}")
        assert exc.central_code == verdict.code
        told = retell(exc, op, "ICBC").message_zh
        assert told.startswith("中心系统未受理：") and told.count("。") >= 2  # what to do, too
        named = (CARD_STATE_NAMES_ZH[card] if verdict.code in ("CARD_NOT_IN_USE", "CARD_NOT_ACTIVE")
                 else FUNCTION_STATE_NAMES_ZH[state])
        assert f"“{named}”" in told
        assert card.value not in told and state.value not in told  # no English codes
        return
    assert not isinstance(verdict, TransitionRefused), (
        f"the central allowed it, the table refuses {verdict.code}")
    assert after == verdict.value


def test_the_cases_cover_both_answers() -> None:
    """Some of the 160 are allowed and some refused, each for every operation."""
    for op in CardOperation:
        verdicts = [operation_allowed(op, card, function, state)
                    for _op, card, function, state in CASES if _op is op]
        assert any(verdicts) and not all(verdicts), op


# -- card-level operations: the card as a whole -------------------------------------------------
APP = "APP-STATES-0001"  # the application the sealed and voided card was made for (seeded)
BLANK = "BLANK-STATES-1"
CARD_OPS: dict[str, CardState] = {
    "replacement_damaged": CardState.CANCELLED,  # 换卡: the old card number is cancelled
    "replacement_lost": CardState.CANCELLED,  # 挂失补卡 (a function formally lost first)
    "activation": CardState.ACTIVE,  # 领卡启用
    "seal": CardState.SEALED,  # an uncollected card returned to the central
    "void_spoiled": CardState.VOID,  # instant issuance: the blank spoiled
    "void_cancel": CardState.VOID,  # instant issuance cancelled after the blank was marked
}
CARD_CASES = list(itertools.product(CARD_OPS, CardState))


def _put_card_for(db_url: str, op: str, card: CardState) -> None:
    """The card in ``card`` state (a function formally lost for a lost-card replacement), and
    the application it was made for in the state the operation needs."""
    _put_card(db_url, card, CardFunction.SOCIAL,
              FunctionState.LOST if op == "replacement_lost" else FunctionState.NORMAL)
    app_state = {"seal": "BRANCH_RECEIVED", "void_spoiled": "BLANK_MARKED",
                 "void_cancel": "BLANK_MARKED"}.get(op, "ACTIVATED")
    engine = create_engine(db_url)
    try:
        with Session(engine) as s, s.begin():
            c = s.get(Card, CARD)
            assert c is not None
            app = s.get(Application, APP)
            if app is None:
                app = Application(application_id=APP, id_number=c.id_number, bank_code="ICBC",
                                  branch_code=BRANCH, kind="NEW", making_mode="INSTANT",
                                  collection="BRANCH", photo_sha256="0" * 64, state=app_state)
                s.add(app)
            app.state, app.card_no, app.blank_serial = app_state, CARD, BLANK
    finally:
        engine.dispose()


def _send_card_op(client: HttpCentralClient, op: str) -> str:
    """The operation at the card's own branch; the card's state after it."""
    key = f"card-states-{uuid.uuid4()}"
    if op.startswith("replacement"):
        client.replacement(CARD, ReplacementRequest(
            branch_code=BRANCH, reason="LOST" if op == "replacement_lost" else "DAMAGED",
            making_mode="FACTORY"), idempotency_key=key)
    elif op == "activation":
        client.activate(CARD, branch_code=BRANCH, idempotency_key=key)
    elif op == "seal":
        client.seal_card(APP, branch_code=BRANCH, card_no=CARD, sealing_list_id="SEAL-STATES-1",
                         reason="", idempotency_key=key)
    elif op == "void_spoiled":
        client.report_issuance(APP, branch_code=BRANCH, blank_serial=BLANK, outcome="SPOILED",
                               reason="", idempotency_key=key)
    else:
        client.cancel_issuance(APP, branch_code=BRANCH, reason="", idempotency_key=key)
    return client.card_status(CARD).card_state


@pytest.mark.parametrize(("op", "card"), CARD_CASES, ids=[f"{o}-{c.value}" for o, c in CARD_CASES])
def test_card_operations_answer_the_table(central: CentralSimHandle, client: HttpCentralClient,
                                          op: str, card: CardState) -> None:
    _put_card_for(central.db_url, op, card)
    target = CARD_OPS[op]
    verdict = card_refusal(card, target)
    try:
        after = _send_card_op(client, op)
    except CentralRefusal as exc:
        assert verdict is not None, f"the central refused {exc.central_code}, the table allows it"
        assert exc.central_code == verdict.code == "CARD_STATE_CONFLICT"
        told = retell(exc).message_zh  # what the counter shows (replacement, activation, ...)
        assert told == f"中心系统未受理：{verdict.message_zh}"
        assert f"“{CARD_STATE_NAMES_ZH[card]}”" in told and f"“{CARD_STATE_NAMES_ZH[target]}”" in told
        assert told.count("。") >= 2 and card.value not in told  # what to do, no English code
        return
    assert verdict is None, f"the central allowed it, the table refuses {verdict.code}"
    assert after == target.value


def test_the_card_cases_cover_both_answers() -> None:
    for op, target in CARD_OPS.items():
        answers = {card_refusal(card, target) is None for card in CardState}
        assert answers == {True, False}, op
