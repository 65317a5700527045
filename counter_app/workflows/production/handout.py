"""Hand-out and activation (领卡启用) of a centrally made card, as a wizard over its record.

Steps::

    identify (who collects: the holder, a minor's guardian with proof, an employer with its
    letter) → card (the card found and read: the chip must be the holder's) → activate
    (hand-out and activation at the central, now) → pin (the holder keys a new PIN on the
    pad; it goes to the chip only) → done (receipt with the e-card QR)

The card is either in the branch's custody (received in a batch) or brought by the holder
(delivered by EMS, or handed out earlier without activation, e.g. to the employer): a brought
card is matched to the person's application at the central. An employer's collection
(单位代领) hands the card out WITHOUT activation: the holder comes to activate it and set the
PIN. Activation needs the central now: with the line down the teller is told why and the card
stays where it is. A card reported lost before collection is never handed out.

Every step is recorded per application (``save``, encrypted in the store) before each central
call: a hand-out stopped by a restart, sign-out or idle lock is reopened by ``find_card`` for
the same application with the same idempotency keys and resumed at its first step not done.
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
from counter_app.domain.card_states import CardState, TransitionRefused, check_card
from counter_app.domain.credit_code import normalise_credit_code
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.identity import validate_id_number
from counter_app.domain.production import Tracked
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.card_refusals import retell
from counter_app.workflows.identity_step import Identity, read_identity, typed_identity
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, Wizard
from counter_app.workflows.production.collectors import (
    COLLECTOR_ZH,
    REFUSALS_ZH,
    Collector,
    EmployerLetter,
    HandoutError,
    check_collector,
    employer_codes,
    identify_errors,
)
from counter_app.workflows.production.context import ProductionContext
from counter_app.workflows.records import from_json, to_json

__all__ = ["COLLECTOR_ZH", "Collector", "EmployerLetter", "HandoutError", "HandoutRecord",
           "HandoutWorkflow", "Step"]

SCHEMA_VERSION = 1

LINE_DOWN_ZH = QT_TR_NOOP("专线中断：领卡启用须由中心实时确认发放并启用卡片，当前无法连接中心系统。"
                          "卡片请继续在柜保管，请持卡人线路恢复后再来，或稍后重试。")


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    CARD = "card"
    ACTIVATE = "activate"
    PIN = "pin"
    DONE = "done"


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
    brought: bool = False  # the holder brought the card (EMS, or handed out earlier unactivated)
    handed_out: bool = False  # the central's hand-out done (or not needed: already handed out)


def _tracked_of(a: A.Application) -> Tracked:
    return Tracked(application_id=a.application_id, id_number=a.id_number, name="",
                   state=a.state, kind=a.kind, making_mode=a.making_mode,
                   collection=a.collection, branch_code=a.branch_code,
                   card_no=a.card_no or "", ems_tracking_no=a.ems_tracking_no or "")


def handout_steps() -> tuple[StepDef[HandoutRecord], ...]:
    return (
        StepDef(Step.IDENTIFY, QT_TR_NOOP("核验领卡人"), validate=lambda r: identify_errors(r) or (
            {} if r.application_id else {"id_number": QT_TR_NOOP("请点击“查找待领卡片”，核对持卡人和卡片。")})),
        StepDef(Step.CARD, QT_TR_NOOP("读卡核对"), validate=lambda r: {} if r.card_read
                else {"card": QT_TR_NOOP("请将卡片插入读卡器读卡核对。")}),
        StepDef(Step.ACTIVATE, QT_TR_NOOP("中心发放并启用"), forward=False,
                forward_message_zh=QT_TR_NOOP("请点击“启用”由中心确认发放并启用。")),
        StepDef(Step.PIN, QT_TR_NOOP("持卡人设置密码"), forward=False,
                applies=lambda r: r.collector is not Collector.EMPLOYER,
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

    def save(self, *, durable: bool = False) -> None:
        """The record, step and journal kept per application, encrypted in the store, once
        the card is known (after every step; durably before each central call, ``_keep``):
        the keys of the central calls survive a restart, a sign-out and an idle lock."""
        r = self.record
        if not r.application_id:
            return
        self.ctx.repo.save_handout(r.application_id, {
            "schema": SCHEMA_VERSION, "step": self.current, "history": list(self.history),
            "journal": [to_json(j) for j in self.journal], "label": r.card_no,
            "record": to_json(r)}, durable=durable)

    def _keep(self) -> None:
        self.save(durable=True)

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
        """The holder's card: in the branch's custody, else one the holder brings (made and
        sent by EMS, or handed out earlier and not activated) as the central knows it. Checks
        who may collect it and that it was not reported lost; a hand-out of the same
        application begun before is reopened with its keys at its first step not done.
        Needs the central now (the person, the card's state)."""
        errors = identify_errors(self.record)
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
        person = self._ask(lambda: ctx.central.get_person(self.holder_id))
        self._check_collector(person)
        if waiting:
            t = waiting[0]
        else:
            apps: list[A.Application] = self._ask(
                lambda: ctx.central.person_applications(self.holder_id))
            brought = self._brought(apps) or self._begun(apps)
            if brought is None:
                raise HandoutError(self._not_here(), code="CARD_NOT_IN_CUSTODY")
            if self.record.collector is Collector.EMPLOYER:
                raise HandoutError(QT_TR_NOOP("单位代领只适用于在本网点保管、尚未领取的卡片；该卡已寄出或已领取，"
                                              "须由持卡人本人持身份证和卡片办理领卡启用。"),
                                   code="EMPLOYER_NOT_IN_CUSTODY")
            t = brought
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
                     holder_name=person.name, brought=not t.location)
        self.note("card.found", brought=not t.location)
        self._resume()
        self.save()
        return t

    def _brought(self, apps: list[A.Application]) -> Tracked | None:
        """The holder's card made and not in a branch's custody: sent by EMS (已寄出) or
        handed out without activation (领卡未激活), as the central has the application."""
        for a in sorted(apps, key=lambda a: a.created_at, reverse=True):
            if a.making_mode != "FACTORY" or not a.card_no:
                continue
            if a.state == "ISSUED_NOT_ACTIVATED" or (a.state == "SHIPPED" and a.collection == "EMS"):
                return _tracked_of(a)
        return None

    def _begun(self, apps: list[A.Application]) -> Tracked | None:
        """A card this counter had activated at the central in a hand-out that stopped before
        the chip and the PIN (restart, sign-out, idle lock): found by its saved record."""
        here = {t.application_id: t for t in self.ctx.repo.search(self.holder_id)}
        there = {a.application_id: _tracked_of(a) for a in apps
                 if a.state == "ACTIVATED" and a.making_mode == "FACTORY" and a.card_no}
        for application_id, t in {**there, **here}.items():
            data = self.ctx.repo.load_handout(application_id)
            record = data.get("record") if data else None
            if isinstance(record, dict) and record.get("activated") and not record.get("finished_at"):
                return dataclasses.replace(t, location="")
        return None

    def _resume(self) -> None:
        """A hand-out of this application begun before and not finished: its keys and what it
        had done are taken over (the collector and the card are as checked now), and the
        wizard goes on at the first step not done."""
        r = self.record
        data = self.ctx.repo.load_handout(r.application_id)
        if data is None:
            return
        try:
            if int(data.get("schema", 0)) != SCHEMA_VERSION:
                raise ValueError(f"hand-out schema {data.get('schema')}")
            saved = from_json(HandoutRecord, data["record"])
        except (ValueError, KeyError, TypeError):
            self.note("resume.unreadable")
            return
        if saved.finished_at or saved.card_no != r.card_no or not (
                saved.handout_op or saved.activation_op):
            return  # done, another card, or stopped before the central was asked: new keys
        self._set(dataclasses.replace(
            r, record_id=saved.record_id, handout_op=saved.handout_op,
            activation_op=saved.activation_op, handed_out=saved.handed_out,
            activated=saved.activated, chip_activated=saved.chip_activated,
            ecard_op=saved.ecard_op, ecard_url=saved.ecard_url, brought=saved.brought,
            card_read=saved.card_read and saved.activated))
        self.note("resumed", activated=saved.activated, chip=saved.chip_activated)
        if saved.activated and r.collector is not Collector.EMPLOYER:
            # the central activated it: the local side (if stopped before it), the e-card claim
            # (same key), then the chip (if not yet) and the PIN are what is left; set_pin
            # reads the chip and checks it is this card before writing
            self._write_local("ACTIVATED")
            if not saved.ecard_url:
                self._claim_ecard()
            self._history = [Step.IDENTIFY, Step.CARD, Step.ACTIVATE]
            self._move(Step.PIN)

    def _not_here(self) -> str:
        found = self.ctx.repo.search(self.holder_id)
        if not found:
            return QT_TR_NOOP("本网点没有该持卡人的待领卡片。可在“集中制卡”中按身份证号码查询制卡进度。")
        t = found[0]
        if t.sealed_at is not None:
            return zh("该持卡人的卡片超期未领，已随封存清单 {sealing_list_id} 退回中心封存，网点不能发放或启用："
                      "启封由中心办理，请持卡人联系中心启封，卡片退回网点后再办理领卡启用。",
                      sealing_list_id=t.sealing_list_id)
        if t.state == "ACTIVATED":
            return QT_TR_NOOP("该持卡人的卡片已领取并启用，无需再次领卡。")
        return zh("该持卡人的卡片尚未到网点（当前状态：{state_zh}），暂不能领卡。", state_zh=t.state_zh)

    def _check_collector(self, person: A.Person) -> None:
        r = self.record
        employers: set[str] = set()
        if r.collector is Collector.EMPLOYER and not person.minor:
            found: A.Contributions = self._ask(
                lambda: self.ctx.central.contributions(person.id_number, months=1))
            employers = employer_codes(found.summary)
        code = check_collector(r, person, employers)
        if code:
            self.note(f"refused.{code.lower()}")
            raise HandoutError(REFUSALS_ZH[code], code=code)

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
            if r.brought:
                raise HandoutError(zh("读到的卡片不是该持卡人申领 {application_id} 制作的卡（卡号或身份证号码不符），"
                                      "不能启用。请核对持卡人带来的卡片是否为本人新卡。",
                                      application_id=r.application_id), code="WRONG_CARD")
            raise HandoutError(zh("读到的卡片不是该持卡人的卡（卡号或身份证号码不符），不能发放。"
                                  "请从保管位置 {location} 取出正确的卡片后重新读卡。",
                                  location=r.location),
                               code="WRONG_CARD")
        self._update(card_read=True)
        self.note("card.read")

    # -- activate -------------------------------------------------------------------------------
    def activate(self) -> A.CardStatus:
        """Hand-out and activation at the central (an employer's collection: the hand-out
        only), then the chip. Each key is saved before its call; a step the central already
        did for this application (an answer lost, a restart) is not asked again."""
        ctx, r = self.ctx, self.record
        if not r.card_read:
            raise StepInvalid({"card": QT_TR_NOOP("请先读卡核对。")})
        if r.activated:  # the central's part is done; only the chip's was left to do
            self._write_local("ACTIVATED")
            self._activate_chip()
            self._move(Step.PIN)
            self.save()
            current: A.CardStatus = self._ask(lambda: ctx.central.card_status(r.card_no))
            return current
        employer = r.collector is Collector.EMPLOYER
        hand = r.handout_op or f"handout-{uuid.uuid4()}"
        act = r.activation_op or ("" if employer else f"activate-{uuid.uuid4()}")
        self._update(handout_op=hand, activation_op=act)
        self._keep()  # keys kept (durably) before anything is sent
        card_bank = ""
        try:
            before: A.CardStatus = ctx.central.card_status(r.card_no)
            card_bank = before.bank_code
            ours = before.application_id == r.application_id
            # the one table first; a retry after an answer lost finds it active: replayed below
            if not employer and not (ours and before.card_state == CardState.ACTIVE):
                check_card(before.card_state, CardState.ACTIVE)
            if not self.record.handed_out:
                app = ctx.central.application(r.application_id)
                if app.state in ("SHIPPED", "BRANCH_RECEIVED"):
                    ctx.central.hand_out(r.application_id, branch_code=ctx.branch_code,
                                         idempotency_key=hand)
                self._update(handed_out=True)
            if employer:
                status = ctx.central.card_status(r.card_no)
            elif ours and before.card_state == CardState.ACTIVE:
                status = before  # active for this application already (activated before)
                self.note("activated.before")
            else:
                status = ctx.central.activate(r.card_no, branch_code=ctx.branch_code,
                                              idempotency_key=act)
        except LINE_ERRORS as exc:
            self.note("refused.offline", code=exc.code)
            raise HandoutError(LINE_DOWN_ZH, code="CENTRAL_REQUIRED_OFFLINE") from exc
        except TransitionRefused as exc:
            self.note("refused.table", code=exc.code)
            raise HandoutError(exc.message_zh, code=exc.code) from exc
        except CentralRefusal as exc:
            self.note("refused.central", code=exc.code)
            told = retell(exc, None, card_bank)  # states in the table's words
            raise HandoutError(told.message_zh if told is not exc else
                               zh("中心拒绝发放：{reason}", reason=exc.message_zh), code=exc.code) from exc
        except CentralError as exc:
            raise HandoutError(exc.message_zh, code=exc.code) from exc
        if employer:  # handed out, not activated: the holder comes to activate and set the PIN
            self._write_local("ISSUED_NOT_ACTIVATED")
            self._update(finished_at=ctx.clock().isoformat())
            self.note("handed_out.employer")
            self._move(Step.DONE)
            self._keep()
            return status
        self._update(activated=True)
        self.note("activated", card=status.card_state)
        self._keep()  # what _begun finds after a stop
        self._write_local("ACTIVATED")
        self._claim_ecard()
        if self.chip is not None:
            self._activate_chip()
        self._move(Step.PIN)
        self.save()
        return status

    def _write_local(self, state: str) -> None:
        """The local side of what the central did: out of custody with who collected it (a
        card still in this branch's custody), the tracked state (an application tracked
        here), an audit entry for a card the holder brought."""
        ctx, r = self.ctx, self.record
        t = ctx.repo.get(r.application_id)
        if t is not None and t.location and t.handed_out_at is None:
            ctx.repo.handed_out(r.application_id, teller=ctx.teller,
                                collector=self.collector_detail(), now=ctx.clock())
        elif r.brought and state == "ACTIVATED":
            ctx.repo.audit(ctx.teller, "production.brought_card_activated",
                           application_id=r.application_id)
        if t is not None and t.state != state:
            ctx.repo.update_state(r.application_id, state)

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
        self.save()

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
        self.save()
