"""State machines the central enforces on every path (issuance included).

A card has two functions (social security, financial) with their own state, plus a joint
card state. Production has its own states for applications. Every change goes through
``check_*`` so the tables below are the single source of truth.
"""

from __future__ import annotations

from central_sim.errors import Refusal

# -- joint card state --------------------------------------------------------------------------
PENDING = "PENDING_ACTIVATION"  # made, not yet activated (领卡未激活 / in production)
ACTIVE = "ACTIVE"
SEALED = "SEALED"  # 封存: uncollected too long
VOID = "VOID"  # 作废: spoiled at issuance or failed production
CANCELLED = "CANCELLED"  # 注销: replaced or closed

CARD_TRANSITIONS: dict[str, frozenset[str]] = {
    PENDING: frozenset({ACTIVE, SEALED, VOID, CANCELLED}),
    ACTIVE: frozenset({CANCELLED}),
    SEALED: frozenset({PENDING, CANCELLED}),
    VOID: frozenset(),
    CANCELLED: frozenset(),
}

# -- per-function state (社保功能 / 金融功能) ------------------------------------------------------
NORMAL = "NORMAL"
TEMP_LOST = "TEMP_LOST"  # 临时挂失 (pre-loss by phone/app); expires unless confirmed
LOST = "LOST"  # 正式挂失
LOCKED = "LOCKED"  # 应用锁定: too many wrong PINs

FUNCTION_TRANSITIONS: dict[str, frozenset[str]] = {
    NORMAL: frozenset({TEMP_LOST, LOST, LOCKED}),
    TEMP_LOST: frozenset({NORMAL, LOST}),
    LOST: frozenset({NORMAL}),  # de-loss only until a replacement is applied for
    LOCKED: frozenset({NORMAL, TEMP_LOST, LOST}),
}

FUNCTIONS = ("social", "financial")
FUNCTION_NAMES_ZH = {"social": "社保功能", "financial": "金融功能"}

CARD_STATE_NAMES_ZH = {PENDING: "领卡未激活", ACTIVE: "正常使用", SEALED: "封存", VOID: "作废",
                       CANCELLED: "注销"}
FUNCTION_STATE_NAMES_ZH = {NORMAL: "正常", TEMP_LOST: "临时挂失", LOST: "正式挂失", LOCKED: "应用锁定"}

#: card states in which a function's state may change (loss, de-loss)
IN_USE = frozenset({ACTIVE, PENDING})
#: PIN services: the PIN is first set at activation, so only an activated card has one
PIN_STATES = frozenset({ACTIVE})

# -- application / production states ----------------------------------------------------------
DATA_ENTRY = "DATA_ENTRY"  # 数据录入
IN_PRODUCTION = "IN_PRODUCTION"  # 制卡中
SHIPPED = "SHIPPED"  # in a batch to the branch, or in an EMS parcel
BRANCH_RECEIVED = "BRANCH_RECEIVED"  # 银行/网点签收
ISSUED_NOT_ACTIVATED = "ISSUED_NOT_ACTIVATED"  # 领卡未激活
ACTIVATED = "ACTIVATED"  # 已启用
FAILED = "FAILED"  # 制卡失败
APP_CANCELLED = "CANCELLED"
# instant issuance path
MARKED = "BLANK_MARKED"  # a blank card is reserved for the application
PERSONALISED = "PERSONALISED"  # chip written and face printed, reported back

APP_TRANSITIONS: dict[str, frozenset[str]] = {
    DATA_ENTRY: frozenset({IN_PRODUCTION, MARKED, APP_CANCELLED}),
    IN_PRODUCTION: frozenset({SHIPPED, FAILED}),
    SHIPPED: frozenset({BRANCH_RECEIVED, ISSUED_NOT_ACTIVATED}),  # EMS goes straight to holder
    BRANCH_RECEIVED: frozenset({ISSUED_NOT_ACTIVATED}),
    ISSUED_NOT_ACTIVATED: frozenset({ACTIVATED}),
    MARKED: frozenset({PERSONALISED, DATA_ENTRY, FAILED, APP_CANCELLED}),
    PERSONALISED: frozenset({ISSUED_NOT_ACTIVATED, ACTIVATED}),
    ACTIVATED: frozenset(),
    # a failed production is made again on the same application (re-submitted) or cancelled
    FAILED: frozenset({DATA_ENTRY, APP_CANCELLED}),
    APP_CANCELLED: frozenset(),
}

STATE_NAMES_ZH = {
    DATA_ENTRY: "数据录入",
    IN_PRODUCTION: "制卡中",
    SHIPPED: "已寄出",
    BRANCH_RECEIVED: "银行/网点签收",
    ISSUED_NOT_ACTIVATED: "领卡未激活",
    ACTIVATED: "已启用",
    FAILED: "制卡失败",
    APP_CANCELLED: "已撤销",
    MARKED: "已分配空白卡",
    PERSONALISED: "已制卡",
}


def check_card(current: str, target: str) -> None:
    if target not in CARD_TRANSITIONS.get(current, frozenset()):
        raise Refusal(
            409,
            "CARD_STATE_CONFLICT",
            f"该卡当前状态为“{CARD_STATE_NAMES_ZH.get(current, current)}”，"
            f"不能变更为“{CARD_STATE_NAMES_ZH.get(target, target)}”。",
            {"card_state": current, "target": target},
        )


def check_function(function: str, current: str, target: str) -> None:
    if target not in FUNCTION_TRANSITIONS.get(current, frozenset()):
        raise Refusal(
            409,
            "FUNCTION_STATE_CONFLICT",
            f"{FUNCTION_NAMES_ZH.get(function, function)}当前状态为"
            f"“{FUNCTION_STATE_NAMES_ZH.get(current, current)}”，"
            f"不能变更为“{FUNCTION_STATE_NAMES_ZH.get(target, target)}”。",
            {"function": function, "state": current, "target": target},
        )


def check_in_use(card_state: str, what_zh: str) -> None:
    """Loss and de-loss only on a card in use (not sealed, voided or cancelled)."""
    if card_state not in IN_USE:
        raise Refusal(409, "CARD_NOT_IN_USE",
                      f"该卡当前状态为“{CARD_STATE_NAMES_ZH.get(card_state, card_state)}”，不能{what_zh}。",
                      {"card_state": card_state})


def check_pin_card(card_state: str) -> None:
    """PIN services only on an activated card; one awaiting activation gets its PIN then."""
    if card_state == PENDING:
        raise Refusal(409, "CARD_NOT_ACTIVE", "该卡尚未启用（领卡未激活），密码在领卡启用时设置，不能重置密码。",
                      {"card_state": card_state})
    check_in_use(card_state, "重置密码")


def check_application(current: str, target: str) -> None:
    if target not in APP_TRANSITIONS.get(current, frozenset()):
        raise Refusal(
            409,
            "APPLICATION_STATE_CONFLICT",
            f"申领当前状态为“{STATE_NAMES_ZH.get(current, current)}”，"
            f"不能变更为“{STATE_NAMES_ZH.get(target, target)}”。",
        )
