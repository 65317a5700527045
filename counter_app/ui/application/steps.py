"""One screen per step of the application workflow (screens of the page base).

A view fills itself from the workflow's immutable record (``load``), hands back what was
typed as plain strings (``values``; the page gives them to the workflow off the UI thread),
shows field errors beside the fields (``show_errors``), and never calls I/O itself: anything
that reads a device, the central or the store goes through ``host.run`` (off the UI thread).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.fees import fen_zh
from counter_app.printing import DeliveryMode, mask_id_number, unprintable_chars
from counter_app.ui.fee_box import FeeBox
from counter_app.ui.fee_receipt_box import FeeReceiptBox
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import (
    ADDRESS_LIMIT,
    ID_LIMIT,
    NAME_LIMIT,
    Banner,
    FormGrid,
    jpeg_pixmap,
    name_print_note,
)
from counter_app.ui.wizard_page import StepScreen
from counter_app.workflows.application import STEP_TITLES_ZH, ApplicationWorkflow, Step
from counter_app.workflows.application_rules import NATIONS, PROOF_DOCUMENTS, RELATIONSHIPS

if TYPE_CHECKING:
    from counter_app.ui.application.page import ApplicationPage

SEX_ZH = {"1": tr("男"), "2": tr("女")}


def _date_zh(iso: str) -> str:
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso)
    return tr("{0}年{1:02d}月{2:02d}日").format(d.year, d.month, d.day)


def value_label(text: str = "") -> QLabel:
    label = named(QLabel(text), "ReadOnlyValue")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StepView(StepScreen[ApplicationWorkflow]):
    """A screen of the application page; ``host`` is the page (runs work, navigates)."""

    step: Step

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.key = cls.step.value
        cls.title_zh = STEP_TITLES_ZH[cls.step]

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        self.host = host


# -- 1. identify --------------------------------------------------------------------------------

class IdentifyView(StepView):
    step = Step.IDENTIFY
    lead = tr("请将申请人的居民身份证放在阅读器上，按 F2 读取；无法读卡时（如未成年人无身份证）可手工录入号码。")

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        row = QHBoxLayout()
        self.read_button = named(QPushButton(tr("读取身份证 (F2)")), "Primary")
        self.read_button.clicked.connect(self.read_card)
        row.addWidget(self.read_button)
        self.reader_name = named(QLabel(""), "Hint")
        row.addWidget(self.reader_name)
        row.addStretch(1)
        self.root.addLayout(row)
        self.grid = FormGrid()
        self.id_number = named(QLineEdit(), "IdNumber")
        self.id_number.setPlaceholderText(tr("18位身份证号码，末位X可小写"))
        self.id_number.returnPressed.connect(host.go_next)
        self.grid.add("id_number", tr("身份证号码"), self.id_number, limit=ID_LIMIT)
        self.root.addLayout(self.grid)
        self.card = named(QLabel("", wordWrap=True), "CardInfo")
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.card)
        self.root.addStretch(1)

    def load(self) -> None:
        self.id_number.setText(self.wf.record.identity.id_number)
        reader = self.host.desk.id_reader_name
        self.reader_name.setText(tr("阅读器：{0}").format(tr(reader)) if reader else tr("本柜台未配置身份证阅读器"))
        self.read_button.setEnabled(reader is not None)
        self.show_card()

    def show_card(self) -> None:
        ident = self.wf.record.identity
        if ident.source == "reader":
            rows = [(tr("姓名"), ident.name), (tr("性别"), SEX_ZH.get(ident.sex, "")),
                    (tr("民族"), ident.nation), (tr("出生"), _date_zh(ident.birth_date)),
                    (tr("住址"), ident.address), (tr("号码"), mask_id_number(ident.id_number))]
            cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:14px'>{k}</td>"
                            f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
            self.card.setText(tr("<p style='color:{0}; font-weight:bold'>✓ 已读取身份证</p>"
                              "<table style='font-size:15px'>{1}</table>").format(OK, cells))
        elif ident.id_number:
            self.card.setText(tr("<p style='color:{0}'>手工录入的号码，请核对申请人证件原件。</p>").format(MUTED))
        else:
            self.card.setText("")

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": self.read_card}

    def read_card(self) -> None:
        def done(_card: Any) -> None:
            self.load()
            self.show_errors({})
            self.host.after_change()

        def failed(error: BaseException) -> None:
            self.show_errors({"id_number": self.host.message_of(error)})

        self.host.run(self.wf.read_id_card, done, failed, busy=tr("正在读取身份证…"))

    def values(self) -> dict[str, str]:
        return {"id_number": self.id_number.text()}

    def first_focus(self) -> QWidget | None:
        return self.id_number


# -- 2. eligibility -------------------------------------------------------------------------------

class EligibilityView(StepView):
    step = Step.ELIGIBILITY
    lead = tr("向中心系统核验申领资格（户籍或在甬参保）和已有卡片；已有可用卡片的，转到对应业务办理。")
    sig_route = Signal(str)

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        self.result = Banner(self, "Eligibility")
        self.root.addWidget(self.result)
        self.details = named(QLabel("", wordWrap=True), "EligibilityDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.details)
        row = QHBoxLayout()
        self.retry = QPushButton(tr("重新核验 (F5)"))
        self.retry.clicked.connect(self.check)
        self.route_button = named(QPushButton(""), "Primary")
        self.route_button.hide()
        self.route_button.clicked.connect(self._route)
        row.addWidget(self.retry)
        row.addWidget(self.route_button)
        row.addStretch(1)
        self.root.addLayout(row)
        self.root.addStretch(1)
        self._route_key = ""

    def entered(self) -> None:
        if self.wf.record.eligibility is None:
            self.check()

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.check}

    def check(self) -> None:
        self.result.show_message(tr("正在向中心系统核验申领资格…"), "info")

        def done(_r: Any) -> None:
            self.load()
            self.host.after_change()

        def failed(error: BaseException) -> None:
            self.load()
            if not self.wf.blocked:
                self.result.show_message(html.escape(self.host.message_of(error)), "bad")
            self.host.after_change()

        self.host.run(self.wf.check_eligibility, done, failed, busy=tr("正在向中心核验…"))

    def load(self) -> None:
        el = self.wf.record.eligibility
        self.route_button.hide()
        if el is None:
            self.result.clear()
            self.details.setText("")
            return
        if el.blocked is not None:
            self.result.show_message(html.escape(tr(el.blocked.message)), "bad")
            route = el.blocked.route
            if route is not None:
                self._route_key = route.business
                self.route_button.setText(tr("转到“{0}”办理").format(tr(route.title_zh)))
                self.route_button.show()
        elif not el.online:
            self.result.show_message(html.escape(tr(el.notice)), "warn")
        else:
            self.result.show_message(tr("符合申领条件，可以继续办理。"), "ok")
        rows = [(tr("申请人"), mask_id_number(self.wf.id_number)),
                (tr("户籍类别"), tr(el.household)),
                (tr("申请人类别"), tr("未成年人（须监护人办理）") if self.wf.minor else tr("成年人")),
                (tr("制卡方式"), tr("即时制卡（本网点当场制卡）") if self.wf.making_mode == "INSTANT"
                 else tr("集中制卡（中心统一制作）"))]
        cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:14px'>{k}</td>"
                        f"<td>{html.escape(str(v))}</td></tr>" for k, v in rows if v)
        self.details.setText(f"<table style='font-size:15px'>{cells}</table>")

    def _route(self) -> None:
        if self._route_key:
            self.sig_route.emit(self._route_key)

    def first_focus(self) -> QWidget | None:
        return self.route_button if self.route_button.isVisible() else None


# -- 3. materials --------------------------------------------------------------------------------

class MaterialsView(StepView):
    step = Step.MATERIALS
    lead = tr("“最多跑一次”：请逐项核对申请人带来的材料；缺少的材料会一次性列出，请告知申请人。")

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        self.box = QVBoxLayout()
        self.box.setSpacing(6)
        self.root.addLayout(self.box)
        row = QHBoxLayout()
        self.all_button = QPushButton(tr("全部已核对 (Ctrl+A)"))
        self.all_button.clicked.connect(self.check_all)
        row.addWidget(self.all_button)
        row.addStretch(1)
        self.root.addLayout(row)
        self.missing = named(QLabel("", wordWrap=True), "FieldError")
        self.root.addWidget(self.missing)
        self.root.addStretch(1)
        self.checks: dict[str, QCheckBox] = {}

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"Ctrl+A": self.check_all}

    def load(self) -> None:
        for box in self.checks.values():
            box.setParent(None)
        self.checks.clear()
        checked = set(self.wf.record.checked_materials)
        for m in self.wf.materials():
            box = QCheckBox(tr("{0}　—　{1}").format(tr(m.title_zh), tr(m.note_zh)) if m.note_zh else tr(m.title_zh))
            box.setObjectName(f"material_{m.code}")
            box.setChecked(m.code in checked)
            self.box.addWidget(box)
            self.checks[m.code] = box

    def check_all(self) -> None:
        for box in self.checks.values():
            box.setChecked(True)

    def values(self) -> dict[str, str]:
        return {code: "1" for code, box in self.checks.items() if box.isChecked()}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.missing.setText(("✗ " + errors["materials"]) if "materials" in errors else "")

    def first_focus(self) -> QWidget | None:
        return next(iter(self.checks.values()), None)


# -- 4. applicant -----------------------------------------------------------------------------------

def _combo(options: tuple[str, ...], name: str, editable: bool = False) -> QComboBox:
    combo = named(QComboBox(), name)
    combo.addItem("")
    combo.addItems(list(options))
    if editable:
        combo.setEditable(True)
        completer = QCompleter(list(options), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
    return combo


class ApplicantView(StepView):
    step = Step.APPLICANT
    lead = tr("姓名、民族、住址按证件核对；性别和出生日期取自身份证号码。生僻字可用输入法的 GB18030 字库录入。")

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        g = self.grid = FormGrid()
        self.name = named(QLineEdit(), "ApplicantName")
        g.add("name", tr("姓　　名"), self.name, limit=NAME_LIMIT)
        self.sex = value_label()
        g.add("sex", tr("性　　别"), self.sex)
        self.nation = _combo(NATIONS, "ApplicantNation", editable=True)
        self.nation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing filters, never adds
        g.add("nation", tr("民　　族"), self.nation)
        self.birth = value_label()
        g.add("birth_date", tr("出生日期"), self.birth)
        self.household = value_label()
        g.add("household", tr("户籍类别"), self.household)
        self.address = named(QLineEdit(), "ApplicantAddress")
        self.address.setMinimumWidth(460)
        g.add("address", tr("住　　址"), self.address, limit=ADDRESS_LIMIT)
        self.phone = named(QLineEdit(), "ApplicantPhone")
        self.phone.setMaxLength(20)
        g.add("phone", tr("联系电话"), self.phone, tr("手机或固定电话，用于领卡通知"))
        self.root.addLayout(g)
        self.print_note = named(QLabel("", wordWrap=True), "PrintNote")
        self.print_note.setStyleSheet(f"color: {BAD};")
        self.root.addWidget(self.print_note)
        self.root.addStretch(1)
        self.name.textChanged.connect(self._check_printable)
        _chain(host, [self.name, self.nation.lineEdit(), self.address, self.phone])

    def load(self) -> None:
        a = self.wf.record.applicant
        self.name.setText(a.name)
        self.sex.setText(SEX_ZH.get(a.sex, ""))
        self.nation.setCurrentText(a.nation)
        self.birth.setText(_date_zh(a.birth_date))
        self.household.setText(tr(a.household))
        self.address.setText(a.address)
        self.phone.setText(a.phone)

    def _check_printable(self, text: str) -> None:
        # only valid name characters lacking a glyph, with code points to hand-write
        self.print_note.setText(name_print_note(text, unprintable_chars))

    def values(self) -> dict[str, str]:
        return {"name": self.name.text(), "nation": self.nation.currentText(),
                "address": self.address.text(), "phone": self.phone.text()}

    def first_focus(self) -> QWidget | None:
        return self.name if not self.name.text() else self.phone


def _chain(host: ApplicationPage, editors: list[Any]) -> None:
    """Enter moves to the next field; Enter in the last field goes to the next step."""
    for index, editor in enumerate(editors):
        if editor is None:
            continue
        following = editors[index + 1] if index + 1 < len(editors) else None
        if following is None:
            editor.returnPressed.connect(host.go_next)
        else:
            editor.returnPressed.connect(following.setFocus)


# -- 5. guardian ------------------------------------------------------------------------------------

class GuardianView(StepView):
    step = Step.GUARDIAN
    lead = tr("申请人未满18周岁，须由监护人持本人身份证和监护关系证明（如户口簿）办理，并在登记表上签名。")

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        g = self.grid = FormGrid()
        self.name = named(QLineEdit(), "GuardianName")
        g.add("name", tr("监护人姓名"), self.name, limit=NAME_LIMIT)
        self.id_number = named(QLineEdit(), "GuardianId")
        g.add("id_number", tr("监护人身份证号"), self.id_number, limit=ID_LIMIT)
        self.relationship = _combo(RELATIONSHIPS, "GuardianRelationship")
        g.add("relationship", tr("与申请人关系"), self.relationship)
        self.proof = _combo(PROOF_DOCUMENTS, "GuardianProof")
        g.add("proof_document", tr("监护关系证明"), self.proof)
        self.phone = named(QLineEdit(), "GuardianPhone")
        g.add("phone", tr("监护人电话"), self.phone)
        self.root.addLayout(g)
        self.root.addStretch(1)
        _chain(host, [self.name, self.id_number, self.phone])

    def load(self) -> None:
        g = self.wf.record.guardian
        self.name.setText(g.name)
        self.id_number.setText(g.id_number)
        self.relationship.setCurrentText(g.relationship)
        self.proof.setCurrentText(g.proof_document or tr("户口簿"))
        self.phone.setText(g.phone)

    def values(self) -> dict[str, str]:
        return {"name": self.name.text(), "id_number": self.id_number.text(),
                "relationship": self.relationship.currentText(),
                "proof_document": self.proof.currentText(), "phone": self.phone.text()}

    def first_focus(self) -> QWidget | None:
        return self.name


# -- 6. delivery -------------------------------------------------------------------------------------

class DeliveryView(StepView):
    step = Step.DELIVERY
    lead = tr("本笔由中心集中制卡：申请人可到本网点领取，或由EMS邮寄到家（到付以当地规定为准）。")

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        self.notice = Banner(self, "Delivery")
        self.root.addWidget(self.notice)
        self.pickup = named(QRadioButton(tr("网点领取（制成后到本网点领卡）(Alt+1)")), "DeliveryPickup")
        self.ems = named(QRadioButton(tr("EMS邮寄到家 (Alt+2)")), "DeliveryEms")
        group = QButtonGroup(self)
        group.addButton(self.pickup)
        group.addButton(self.ems)
        self.root.addWidget(self.pickup)
        self.root.addWidget(self.ems)
        g = self.grid = FormGrid()
        self.address = named(QLineEdit(), "EmsAddress")
        self.address.setMinimumWidth(460)
        g.add("address", tr("邮寄地址"), self.address, limit=ADDRESS_LIMIT)
        self.recipient = named(QLineEdit(), "EmsRecipient")
        g.add("recipient", tr("收　件　人"), self.recipient, limit=NAME_LIMIT)
        self.phone = named(QLineEdit(), "EmsPhone")
        g.add("phone", tr("收件人电话"), self.phone)
        g.errors["mode"] = QLabel()  # errors about the choice itself go to the banner
        self.root.addLayout(g)
        self.root.addStretch(1)
        self.ems.toggled.connect(self._enable)
        _chain(host, [self.address, self.recipient, self.phone])

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"Alt+1": self.pickup.click, "Alt+2": self.ems.click}

    def _enable(self, on: bool) -> None:
        for w in (self.address, self.recipient, self.phone):
            w.setEnabled(on)

    def load(self) -> None:
        r = self.wf.record
        d, a, guardian = r.delivery, r.applicant, r.guardian
        ems = d.mode == DeliveryMode.EMS.value
        self.ems.setChecked(ems)
        self.pickup.setChecked(not ems)
        self.address.setText(d.address or a.address)
        self.recipient.setText(d.recipient or guardian.name or a.name)
        self.phone.setText(d.phone or guardian.phone or a.phone)
        self._enable(ems)
        notice = r.eligibility.notice if r.eligibility is not None else ""
        if notice:
            self.notice.show_message(html.escape(notice), "warn")
        else:
            self.notice.clear()

    def values(self) -> dict[str, str]:
        mode = DeliveryMode.EMS.value if self.ems.isChecked() else DeliveryMode.BRANCH_PICKUP.value
        out = {"mode": mode}
        if mode == DeliveryMode.EMS.value:
            out.update(address=self.address.text(), recipient=self.recipient.text(),
                       phone=self.phone.text())
        return out

    def show_errors(self, errors: Mapping[str, str]) -> None:
        super().show_errors(errors)
        if "mode" in errors:
            self.notice.show_message(html.escape(errors["mode"]), "warn")

    def first_focus(self) -> QWidget | None:
        return self.ems if self.ems.isChecked() else self.pickup


# -- 8. review -----------------------------------------------------------------------------------------

class ReviewView(StepView):
    step = Step.REVIEW
    lead = tr("请与申请人（监护人）逐项核对。核对无误后提交；提交失败时已录入的内容全部保留。")

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        body = QHBoxLayout()
        self.summary = named(QLabel("", wordWrap=True), "ReviewSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.summary, 1)
        self.photo = named(QLabel(), "PhotoBox")
        self.photo.setFixedSize(181, 223)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        self.root.addLayout(body)
        self.notice = Banner(self, "Review")
        self.root.addWidget(self.notice)
        self._build_fee_box()
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit_button = named(QPushButton(tr("提交申领 (Ctrl+Enter)")), "Primary")
        self.submit_button.setMinimumWidth(220)
        self.submit_button.clicked.connect(host.submit)
        row.addWidget(self.submit_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        wf = self.wf
        a, g, d = wf.record.applicant, wf.record.guardian, wf.record.delivery
        rows: list[tuple[str, str]] = [
            (tr("姓名"), a.name), (tr("性别"), SEX_ZH.get(a.sex, "")),
            (tr("民族"), a.nation), (tr("出生日期"), _date_zh(a.birth_date)),
            (tr("身份证号码"), wf.id_number), (tr("户籍类别"), tr(a.household)),
            (tr("住址"), a.address), (tr("联系电话"), a.phone),
        ]
        if wf.minor:
            rows += [(tr("监护人"), tr("{0}（{1}）").format(g.name, g.relationship)),
                     (tr("监护人身份证"), g.id_number),
                     (tr("监护关系证明"), g.proof_document),
                     (tr("监护人电话"), g.phone)]
        rows += [(tr("发卡银行"), tr(self.host.desk.bank_name)),
                 (tr("制卡方式"), tr("即时制卡") if wf.making_mode == "INSTANT" else tr("集中制卡")),
                 (tr("领卡方式"), {"instant": tr("网点即时领卡"), "branch_pickup": tr("网点领取"),
                               "ems": tr("EMS邮寄")}[wf.delivery_mode().value])]
        if wf.delivery_mode() is DeliveryMode.EMS:
            rows += [(tr("邮寄地址"), d.address), (tr("收件人"), f"{d.recipient} {d.phone}")]
        report = wf.photo_report
        if report is not None:
            overridden = tr("、").join(o.code.value for o in report.overrides)
            rows.append((tr("照片检查"), tr("全部通过") if report.passed_without_overrides
                         else tr("人工放行：{0}").format(overridden)))
        cells = "".join(
            f"<tr><td style='color:{MUTED}; padding:3px 16px 3px 0'>{k}</td>"
            f"<td style='padding:3px 0'>{html.escape(v)}</td></tr>" for k, v in rows)
        self.summary.setText(f"<table style='font-size:15px'>{cells}</table>")
        if wf.photo_jpeg:
            self.photo.setPixmap(jpeg_pixmap(wf.photo_jpeg, 179))
        if wf.deferred_expected:
            self.notice.show_message(tr("专线中断：提交后本笔申领在本柜台受理并暂存，线路恢复后自动上传中心。"),
                                     "warn")
        else:
            self.notice.show_message(tr("专线正常：提交后立即上传中心系统。"), "info")
        self._load_fee()

    # the fee (工本费): what is due and on what basis; cash or a transfer with its reference
    def _build_fee_box(self) -> None:
        self.fee_box = FeeBox(wrap_title=True, with_error=True)
        self.fee_title, self.fee_reference = self.fee_box.title, self.fee_box.reference
        self.fee_cash, self.fee_transfer = self.fee_box.cash, self.fee_box.transfer
        assert self.fee_box.error is not None
        self.fee_error = self.fee_box.error
        self.root.addWidget(self.fee_box)

    def _collects(self) -> bool:
        return self.wf.fee_due_fen > 0

    def _load_fee(self) -> None:
        f = self.wf.record.fee
        self.fee_box.setVisible(self.wf.ctx.fees is not None and bool(f.basis_zh))
        collects = self._collects()
        self.fee_box.show_due(tr("工本费：{0}（{1}）").format(tr(fen_zh(f.fen)), tr(f.basis_zh))
                              + (tr("　提交受理后记入本人柜员会话并出具收据") if collects else ""),
                              collects=collects, method=f.method, reference=f.reference)

    def values(self) -> dict[str, str]:
        if not self._collects():
            return {}
        return self.fee_box.values()

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.fee_error.setText(next((v for k, v in errors.items() if k in ("method", "reference")), ""))

    def first_focus(self) -> QWidget | None:
        return self.submit_button


# -- 9. done -----------------------------------------------------------------------------------------

class DoneView(StepView):
    step = Step.DONE
    lead = tr("请打印申领登记表交申请人（监护人）核对签名，并将业务回执交申请人留存。")
    sig_new = Signal()

    def __init__(self, host: ApplicationPage) -> None:
        super().__init__(host)
        self.result = Banner(self, "Result")
        self.root.addWidget(self.result)
        self.number = named(QLabel(""), "AppNo")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.root.addWidget(self.number)
        self.buttons: dict[str, QPushButton] = {}
        self.keys: dict[str, Callable[[], Any]] = {}
        for kind, title in (("form", tr("申领登记表")), ("receipt", tr("业务回执"))):
            frame = named(QFrame(), "Card")
            lay = QHBoxLayout(frame)
            lay.setContentsMargins(16, 10, 16, 10)
            heading = QLabel(title)
            heading.setStyleSheet("font-size:16px; font-weight:bold;")
            lay.addWidget(heading, 1)
            keys = {"form": ("F6", "F7", "F8"), "receipt": ("F9", "F10", "F11")}[kind]
            for action, text, key in (("preview", tr("预览"), keys[0]), ("print", tr("打印"), keys[1]),
                                      ("save", tr("另存为PDF"), keys[2])):
                button = named(QPushButton(f"{text} ({key})"), f"{kind}_{action}")
                button.clicked.connect(self._handler(kind, action))
                self.keys[key] = button.click
                lay.addWidget(button)
                self.buttons[f"{kind}_{action}"] = button
            self.root.addWidget(frame)
        self.fee_frame = FeeReceiptBox((("preview", tr("预览收据")), ("save", tr("收据另存为PDF")),
                                        ("retry", tr("重新登记收费"))), self._fee_handler)
        self.fee_receipt, self.fee_buttons = self.fee_frame.text, self.fee_frame.buttons
        self.root.addWidget(self.fee_frame)
        self.print_status = named(QLabel("", wordWrap=True), "PrintStatus")
        self.root.addWidget(self.print_status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.new_button = named(QPushButton(tr("办理下一笔 (Ctrl+N)")), "Primary")
        self.new_button.clicked.connect(self.sig_new.emit)
        row.addWidget(self.new_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {**self.keys, "Ctrl+N": self.new_button.click}

    def _handler(self, kind: str, action: str) -> Callable[[], None]:
        return lambda: self.host.document_action(kind, action)

    def _fee_handler(self, action: str) -> Callable[[], None]:
        return lambda: self.host.fee_receipt_action(action)

    def _load_fee(self) -> None:
        f = self.wf.record.fee
        due = self.wf.fee_due_fen
        self.fee_frame.setVisible(due > 0)
        if not due:
            return
        self.fee_frame.show_fee(tr(fen_zh(due)), method=f.method, reference=f.reference,
                                receipt_no=f.receipt_no, problem_zh=f.problem_zh)

    def load(self) -> None:
        sub = self.wf.record.submission
        self._load_fee()
        self.number.setText(tr("申请编号　{0}").format(sub.application_no))
        if sub.deferred or sub.status == "pending_sync":
            self.result.show_message(
                html.escape(tr(sub.message) if sub.message else tr("已受理，暂存待上传。"))
                + tr("<br>单据上印有“待上传”标记。"), "warn")
        else:
            self.result.show_message(
                html.escape(tr(sub.message) if sub.message
                            else tr("已提交中心系统 {0}").format(sub.central_application_id)), "ok")

    def first_focus(self) -> QWidget | None:
        return self.buttons["form_print"]


class ImportDialogs:
    """File choosers, kept apart so the tour and the tests can replace them."""

    @staticmethod
    def photo_file(parent: QWidget) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, tr("导入照片（JPEG 或 PNG）"), "",
                                              tr("照片 (*.jpg *.jpeg *.png)"))
        return path

    @staticmethod
    def save_pdf(parent: QWidget, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, tr("另存为PDF"), suggested, tr("PDF 文件 (*.pdf)"))
        return path
