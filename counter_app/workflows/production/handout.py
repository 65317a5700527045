"""Hand-out and activation (领卡启用) of a centrally made card, as a wizard over its record.

Steps::

    identify (who collects: the holder, a minor's guardian with proof, an employer with its
    letter) → card (the card in custody found and read: the chip must be the holder's) →
    activate (hand-out and activation at the central, now) → pin (the holder keys a new PIN
    on the pad; it goes to the chip only) → done (receipt with the e-card QR)

Activation needs the central now: with the line down the teller is told why and the card
stays in custody. A card reported lost before collection is never handed out.
"""

from __future__ import annotations

import dataclasses
import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from counter_app.central import api as A
from counter_app.central.errors import LINE_ERRORS, CentralError, CentralRefusal
from counter_app.central.sync import NewWorkRefused, check_new_work
from counter_app.devices.idcard import IdCardData
from counter_app.devices.pinpad import PinEntry, PinPad, PinPadError
from counter_app.devices.sschip import SocialCardChip
from counter_app.domain.credit_code import normalise_credit_code, validate_credit_code
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.identity import validate_id_number
from counter_app.domain.production import Tracked
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.identity_step import Identity, read_identity, typed_identity
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, Wizard
from counter_app.workflows.production.context import ProductionContext

LINE_DOWN_ZH = QT_TR_NOOP("专线中断：领卡启用须由中心实时确认发放并启用卡片，当前无法连接中心系统。"
                          "卡片请继续在柜保管，请持卡人线路恢复后再来，或稍后重试。")


class Collector(enum.StrEnum):
    SELF = "SELF"  # 本人领取
    GUARDIAN = "GUARDIAN"  # 监护人代领（未成年人）
    EMPLOYER = "EMPLOYER"  # 单位代领


COLLECTOR_ZH = {Collector.SELF: QT_TR_NOOP("本人领取"), Collector.GUARDIAN: QT_TR_NOOP("监护人代领"),
                Collector.EMPLOYER: QT_TR_NOOP("单位代领")}


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    CARD = "card"
    ACTIVATE = "activate"
    PIN = "pin"
    DONE = "done"


@dataclass(frozen=True)
class EmployerLetter:
    credit_code: str = ""  # 统一社会信用代码
    name: str = ""
    letter_no: str = ""  # the letter's number / date as written on it


@dataclass(frozen=True)
class HandoutRecord:
    record_id: str
    teller: str
    started_at: str
    collector: Collector = Collector.SELF
    identity: Identity = dataclasses.field(default_factory=Identity)  # who stands at the counter
    holder_id_number: str = ""  # whose card (the collector's own for SELF)
    guardian_proof: bool = False  # 户口本 or another proof of guardianship seen
    employer: EmployerLetter = dataclasses.field(default_factory=EmployerLetter)
    application_id: str = ""
    card_no: str = ""
    location: str = ""
    holder_name: str = ""
    card_read: bool = False
    handout_op: str = ""
    activation_op: str = ""
    activated: bool = False
    chip_activated: bool = False  # the chip's function byte written (docs/card.md)
    ecard_op: str = ""  # the e-card claim's idempotency key, kept before the call
    ecard_url: str = ""  # the receipt's QR: the central's claim address ("" = none obtained)
    pin_set: bool = False
    finished_at: str = ""


class HandoutError(CounterError):
    code = "HANDOUT"
    message_zh = QT_TR_NOOP("领卡未完成。")


def _identify_errors(r: HandoutRecord) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not r.identity.id_number:
        errors["id_number"] = QT_TR_NOOP("请读取或录入领卡人的身份证。")
    if r.collector is not Collector.SELF and not r.holder_id_number:
        errors["holder_id_number"] = QT_TR_NOOP("请录入持卡人（被代领人）的身份证号码。")
    if r.collector is Collector.GUARDIAN and not r.guardian_proof:
        errors["guardian_proof"] = QT_TR_NOOP("监护人代领须查验户口本等监护关系证明，请查验后勾选。")
    if r.collector is Collector.EMPLOYER:
        e = r.employer
        try:  # the whole code with its check character (GB 32100), not only its length
            validate_credit_code(e.credit_code)
        except ValidationError as exc:
            errors["credit_code"] = exc.message_zh
        if not e.letter_no.strip():
            errors["letter_no"] = QT_TR_NOOP("单位代领须留存单位委托书，请录入委托书编号或日期。")
    return errors


def handout_steps() -> tuple[StepDef[HandoutRecord], ...]:
    return (
        StepDef(Step.IDENTIFY, QT_TR_NOOP("核验领卡人"), validate=lambda r: _identify_errors(r) or (
            {} if r.application_id else {"id_number": QT_TR_NOOP("请点击“查找待领卡片”，核对持卡人和卡片。")})),
        StepDef(Step.CARD, QT_TR_NOOP("读卡核对"), validate=lambda r: {} if r.card_read
                else {"card": QT_TR_NOOP("请将卡片插入读卡器读卡核对。")}),
        StepDef(Step.ACTIVATE, QT_TR_NOOP("中心发放并启用"), forward=False,
                forward_message_zh=QT_TR_NOOP("请点击“启用”由中心确认发放并启用。")),
        StepDef(Step.PIN, QT_TR_NOOP("持卡人设置密码"), forward=False,
                forward_message_zh=QT_TR_NOOP("请持卡人在密码键盘上设置6位密码。")),
        StepDef(Step.DONE, QT_TR_NOOP("领卡完成"), forward=False,
                forward_message_zh=QT_TR_NOOP("领卡启用已完成。")),
    )


class HandoutWorkflow(Wizard[HandoutRecord]):
    def __init__(self, ctx: ProductionContext, chip: SocialCardChip | None = None,
                 record: HandoutRecord | None = None, *, step: str | None = None,
                 journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        self.chip = chip
        record = record or HandoutRecord(str(uuid.uuid4()), ctx.teller, ctx.clock().isoformat())
        super().__init__(handout_steps(), record, step=step, journal=tuple(journal),
                         clock=ctx.clock)
        self.note("started")

    def save(self) -> None:
        """Nothing is kept as a draft: the card stays in custody until the central confirms;
        the keys of the two central calls live in the record for retries on this screen."""

    @property
    def step(self) -> Step:
        return Step(self.current)

    def _update(self, **changes: Any) -> None:
        self._set(dataclasses.replace(self.record, **changes))

    # -- identify -----------------------------------------------------------------------------
    def read_id_card(self) -> IdCardData:
        card, identity = read_identity(self.ctx.id_reader, self.ctx.today())
        self._update(identity=identity)
        self.note("identity.read")
        return card

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        if key != Step.IDENTIFY:
            return {}
        errors: dict[str, str] = {}
        r = self.record
        if "collector" in values:
            try:
                self._update(collector=Collector(values["collector"]))
            except ValueError:
                errors["collector"] = QT_TR_NOOP("请选择领卡方式。")
        if values.get("id_number", "").strip():
            try:
                self._update(identity=typed_identity(values["id_number"], r.identity,
                                                     self.ctx.today()))
            except ValidationError as exc:
                errors["id_number"] = exc.message_zh
        if "holder_id_number" in values:
            raw = values["holder_id_number"].strip()
            try:
                self._update(holder_id_number=validate_id_number(raw) if raw else "")
            except ValidationError as exc:
                errors["holder_id_number"] = exc.message_zh
        if "guardian_proof" in values:
            self._update(guardian_proof=values["guardian_proof"] == "1")
        if any(k in values for k in ("credit_code", "employer_name", "letter_no")):
            self._update(employer=EmployerLetter(
                normalise_credit_code(values.get("credit_code", "")),
                values.get("employer_name", "").strip(), values.get("letter_no", "").strip()))
        return errors

    @property
    def holder_id(self) -> str:
        r = self.record
        return r.identity.id_number if r.collector is Collector.SELF else r.holder_id_number

    # -- find and read the card -----------------------------------------------------------------
    def find_card(self) -> Tracked:
        """The holder's card in custody; checks who may collect it and that it was not
        reported lost. Needs the central now (the person, the card's state)."""
        errors = _identify_errors(self.record)
        if errors:
            raise StepInvalid(errors)
        ctx = self.ctx
        if ctx.sync_status is not None:
            try:
                check_new_work("card_handout", ctx.sync_status(), ctx.limits,
                               free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())
            except NewWorkRefused as exc:
                raise HandoutError(exc.message_zh, code=exc.code) from exc
        ctx.repo.track_local()
        waiting = [t for t in ctx.repo.search(self.holder_id)
                   if t.location and t.handed_out_at is None]
        if not waiting:
            raise HandoutError(self._not_here(), code="CARD_NOT_IN_CUSTODY")
        t = waiting[0]
        person = self._ask(lambda: ctx.central.get_person(self.holder_id))
        self._check_collector(person)
        card = self._ask(lambda: ctx.central.card_status(t.card_no))
        social, financial = (getattr(card, f) in ("LOST", "TEMP_LOST")
                             for f in ("social_state", "financial_state"))
        if social or financial:
            self.note("refused.lost")
            how = (QT_TR_NOOP("社保功能、金融功能") if social and financial
                   else QT_TR_NOOP("社保功能") if social else QT_TR_NOOP("金融功能"))
            raise HandoutError(zh("该卡在领取前已挂失（{how}），不能发放。请向持卡人说明：卡片将退回中心作废；"
                                  "如需用卡，请持身份证办理补领（挂失补卡）；如系误报，请先到发卡银行办理解挂后再领取。",
                                  how=how), code="CARD_LOST_BEFORE_COLLECTION")
        self._update(application_id=t.application_id, card_no=t.card_no, location=t.location,
                     holder_name=person.name)
        self.note("card.found")
        return t

    def _not_here(self) -> str:
        found = self.ctx.repo.search(self.holder_id)
        if not found:
            return QT_TR_NOOP("本网点没有该持卡人的待领卡片。可在“集中制卡”中按身份证号码查询制卡进度。")
        t = found[0]
        if t.sealed_at is not None:
            return zh("该持卡人的卡片超期未领，已随封存清单 {sealing_list_id} 退回中心封存，"
                      "不能在网点发放：请联系中心启封，卡片退回网点后再办理领卡。",
                      sealing_list_id=t.sealing_list_id)
        if t.handed_out_at is not None or t.state in ("ISSUED_NOT_ACTIVATED", "ACTIVATED"):
            return QT_TR_NOOP("该持卡人的卡片已领取，无需再次领卡。")
        return zh("该持卡人的卡片尚未到网点（当前状态：{state_zh}），暂不能领卡。", state_zh=t.state_zh)

    def _check_collector(self, person: A.Person) -> None:
        r = self.record
        if r.collector is Collector.SELF and person.minor:
            self.note("refused.minor_self")
            raise HandoutError(QT_TR_NOOP("持卡人未满18周岁，须由监护人持户口本等监护关系证明代领。"),
                               code="GUARDIAN_REQUIRED")
        if r.collector is Collector.GUARDIAN:
            if not person.minor:
                raise HandoutError(QT_TR_NOOP("持卡人已成年，不能由监护人代领；请本人领取或按单位代领办理。"),
                                   code="NOT_A_MINOR")
            if person.guardian_id_number != r.identity.id_number:
                self.note("refused.guardian_mismatch")
                raise HandoutError(QT_TR_NOOP("领卡人与中心登记的监护人不符，不能代领；请核对户口本。"),
                                   code="GUARDIAN_MISMATCH")

    def _ask(self, fn: Any) -> Any:
        try:
            return fn()
        except LINE_ERRORS as exc:
            self.note("refused.offline", code=exc.code)
            raise HandoutError(LINE_DOWN_ZH, code="CENTRAL_REQUIRED_OFFLINE") from exc
        except CentralRefusal as exc:
            raise HandoutError(zh("中心答复：{reason}", reason=exc.message_zh), code=exc.code) from exc

    def read_card(self) -> None:
        """The card in the slot must be this application's card, of this holder."""
        reader = self.ctx.card_reader
        if reader is None:
            raise HandoutError(QT_TR_NOOP("本机未配置社保卡读卡器，请联系网点技术支持在网点配置中设置读卡器。"),
                               code="NO_CARD_READER")
        data = reader.read()
        r = self.record
        if data.card_number != r.card_no or data.id_number != self.holder_id:
            self.note("refused.wrong_card")
            raise HandoutError(zh("读到的卡片不是该持卡人的卡（卡号或身份证号码不符），不能发放。"
                                  "请从保管位置 {location} 取出正确的卡片后重新读卡。",
                                  location=r.location),
                               code="WRONG_CARD")
        self._update(card_read=True)
        self.note("card.read")

    # -- activate -------------------------------------------------------------------------------
    def activate(self) -> A.CardStatus:
        ctx, r = self.ctx, self.record
        if not r.card_read:
            raise StepInvalid({"card": QT_TR_NOOP("请先读卡核对。")})
        if r.activated:  # the central's part is done; only the chip's was left to do
            self._activate_chip()
            self._move(Step.PIN)
            current: A.CardStatus = self._ask(lambda: ctx.central.card_status(r.card_no))
            return current
        hand = r.handout_op or f"handout-{uuid.uuid4()}"
        act = r.activation_op or f"activate-{uuid.uuid4()}"
        self._update(handout_op=hand, activation_op=act)  # keys kept before anything is sent
        try:
            app = ctx.central.application(r.application_id)
            if app.state in ("SHIPPED", "BRANCH_RECEIVED"):
                ctx.central.hand_out(r.application_id, branch_code=ctx.branch_code,
                                     idempotency_key=hand)
            status = ctx.central.activate(r.card_no, branch_code=ctx.branch_code,
                                          idempotency_key=act)
        except LINE_ERRORS as exc:
            self.note("refused.offline", code=exc.code)
            raise HandoutError(LINE_DOWN_ZH, code="CENTRAL_REQUIRED_OFFLINE") from exc
        except CentralRefusal as exc:
            self.note("refused.central", code=exc.code)
            raise HandoutError(zh("中心拒绝发放：{reason}", reason=exc.message_zh), code=exc.code) from exc
        except CentralError as exc:
            raise HandoutError(exc.message_zh, code=exc.code) from exc
        ctx.repo.handed_out(r.application_id, teller=ctx.teller, collector=self.collector_detail(),
                            now=ctx.clock())
        ctx.repo.update_state(r.application_id, "ACTIVATED")
        self._update(activated=True)
        self.note("activated", card=status.card_state)
        self._claim_ecard()
        if self.chip is not None:
            self._activate_chip()
        self._move(Step.PIN)
        return status

    def _claim_ecard(self) -> None:
        """The activated card's e-card claim for the receipt's QR (never holds it up)."""
        from counter_app.workflows.ecard import request_claim

        op = self.record.ecard_op or f"ecard-{uuid.uuid4()}"
        self._update(ecard_op=op)
        url = request_claim(self.ctx.central, self.record.card_no,
                            branch_code=self.ctx.branch_code, key=op)
        self._update(ecard_url=url)
        self.note("ecard.claim", obtained=bool(url))

    def _activate_chip(self) -> None:
        """After the central: the chip's function byte, through the card layer."""
        if self.chip is None:
            raise HandoutError(QT_TR_NOOP("本机未配置卡片芯片服务，不能启用芯片；请联系网点技术支持。"),
                               code="NO_CHIP")
        try:
            functions = self.chip.activate(self.record.card_no)
        except CounterError as exc:
            raise HandoutError(zh("中心已启用，芯片启用未完成：{reason}（请将该卡插入读卡器后再点击“启用”）",
                                  reason=exc.message_zh),
                               code=exc.code) from exc
        if not functions.all:
            raise HandoutError(QT_TR_NOOP("芯片启用后读回的功能状态不符，请重试或联系技术支持。"),
                               code="CHIP_NOT_ACTIVATED")
        self._update(chip_activated=True)
        self.note("chip.activated")

    def collector_detail(self) -> dict[str, Any]:
        """Kept encrypted with the holder's data (the letter for 单位代领)."""
        r = self.record
        detail: dict[str, Any] = {"kind": r.collector.value, "id_number": r.identity.id_number,
                                  "name": r.identity.name}
        if r.collector is Collector.EMPLOYER:
            detail["employer"] = dataclasses.asdict(r.employer)
        if r.collector is Collector.GUARDIAN:
            detail["guardian_proof"] = r.guardian_proof
        return detail

    # -- PIN --------------------------------------------------------------------------------------
    def set_pin(self, pad: PinPad) -> None:
        """The holder keys the new PIN twice; it goes to the chip only."""
        if not self.record.activated:
            raise StepInvalid({"pin": QT_TR_NOOP("请先完成启用。")})
        if self.chip is None:
            raise HandoutError(QT_TR_NOOP("本机未配置卡片芯片服务，不能设置密码；请联系网点技术支持。"),
                               code="NO_CHIP")
        if not self.record.chip_activated:  # activated at the central before a chip was there
            self._activate_chip()
        try:
            first = pad.enter(QT_TR_NOOP("请输入6位新密码"))
            if first.weak():
                raise HandoutError(QT_TR_NOOP("密码过于简单（如全部相同或连续数字），请持卡人重新设置。"),
                                   code="PIN_WEAK")
            second: PinEntry = pad.enter(QT_TR_NOOP("请再次输入新密码"))
        except PinPadError as exc:
            raise HandoutError(exc.message_zh, code=exc.code) from exc
        if first != second:
            raise HandoutError(QT_TR_NOOP("两次输入的密码不一致，请持卡人重新设置。"), code="PIN_MISMATCH")
        data = self.chip.read()
        if data.card_number != self.record.card_no:
            raise HandoutError(QT_TR_NOOP("读卡器中的卡片已更换，请插入刚启用的卡片。"), code="WRONG_CARD")
        try:
            self.chip.unblock_pin(second)
        except CounterError as exc:
            raise HandoutError(zh("设置密码未成功：{reason}（可重新设置）", reason=exc.message_zh),
                               code=exc.code) from exc
        self._update(pin_set=True, finished_at=self.ctx.clock().isoformat())
        self.ctx.repo.audit(self.ctx.teller, "production.pin_set",
                            application_id=self.record.application_id)
        self.note("pin.set")
        self._move(Step.DONE)
