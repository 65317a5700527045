"""Insurance registration (职工参保登记) in the work area: the page base rendering a
:class:`RegistrationWorkflow` — the kind with its materials ticked, identify, the employer
by its credit code, the types and the base within the central's bounds, confirm, receipt.

Every workflow call runs on the page's worker; screens read the immutable record only.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import ValidationError
from counter_app.printing import mask_id_number, mask_phone
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.qt import named
from counter_app.ui.registration.common import (
    PersonIdentifyScreen,
    PersonOpsPage,
    ReceiptScreen,
)
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import FormGrid
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.registration import KIND_ZH, MATERIALS, Kind, RegistrationWorkflow, Step
from counter_app.workflows.registration import rules as R

Screen = StepScreen[RegistrationWorkflow]


def _page(screen: Screen) -> RegistrationPage:
    page = screen.page
    assert isinstance(page, RegistrationPage)
    return page


def _rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:16px'>{k}</td>"
                    f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table style='font-size:15px'>{cells}</table>"


class KindScreen(Screen):
    key = Step.KIND
    title_zh = tr("参保类型与材料")
    lead = tr("请先确认参保类型，并逐项核验本人带来的材料（缺少材料的请告知补齐后再来办理）。")

    def __init__(self, page: WizardPage[RegistrationWorkflow]) -> None:
        super().__init__(page)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.kinds: dict[Kind, QRadioButton] = {}
        for kind, text in ((Kind.EMPLOYEE, tr("单位职工参保（用人单位已在中心登记）")),
                           (Kind.FLEXIBLE, tr("灵活就业人员参保（个人缴费）"))):
            button = named(QRadioButton(text), f"kind_{kind.value}")
            button.setStyleSheet("font-size: 15px;")
            button.toggled.connect(self._show_materials)
            self.group.addButton(button)
            row.addWidget(button)
            self.kinds[kind] = button
        row.addStretch(1)
        self.root.addLayout(row)
        self.frames: dict[Kind, QFrame] = {}
        self.boxes: dict[tuple[Kind, str], QCheckBox] = {}
        for kind, materials in MATERIALS.items():
            frame = named(QFrame(), "Card")
            lay = QVBoxLayout(frame)
            lay.setContentsMargins(16, 10, 16, 10)
            heading = QLabel(tr("{0}须核验的材料").format(tr(KIND_ZH[kind])))
            heading.setStyleSheet("font-size:15px; font-weight:bold;")
            lay.addWidget(heading)
            for key, text in materials:
                box = named(QCheckBox(tr(text)), f"m_{kind.value}_{key}")
                box.setStyleSheet("font-size: 15px;")
                lay.addWidget(box)
                self.boxes[(kind, key)] = box
            self.frames[kind] = frame
            self.root.addWidget(frame)
        self.error = named(QLabel("", wordWrap=True), "FieldError")
        self.error.setStyleSheet(f"color: {BAD};")
        self.root.addWidget(self.error)
        self.root.addStretch(1)

    def chosen(self) -> Kind | None:
        return next((k for k, b in self.kinds.items() if b.isChecked()), None)

    def _show_materials(self) -> None:
        kind = self.chosen()
        for k, frame in self.frames.items():
            frame.setVisible(k is kind)

    def load(self) -> None:
        r = self.wf.record
        self.group.setExclusive(False)
        for k, b in self.kinds.items():
            b.setChecked(r.kind == k.value)
        self.group.setExclusive(True)
        for (kind, key), box in self.boxes.items():
            box.setChecked(r.kind == kind.value and key in r.materials)
        self._show_materials()
        self.error.setText("")

    def values(self) -> dict[str, str]:
        kind = self.chosen()
        if kind is None:
            return {}
        return {"kind": kind.value, **{f"m_{key}": "1" for (k, key), box in self.boxes.items()
                                       if k is kind and box.isChecked()}}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.error.setText("✗ " + tr("；").join(errors.values()) if errors else "")

    def first_focus(self) -> QWidget | None:
        return self.kinds[Kind.EMPLOYEE]


class IdentifyScreen(PersonIdentifyScreen):
    key = Step.IDENTIFY
    title_zh = tr("核验身份")
    lead = tr("将本人的居民身份证放在阅读器上按 F2 读取；无法读卡时录入号码和姓名（核对身份证原件）。")
    enter_goes_next = False  # the name and phone follow

    def add_fields(self, grid: FormGrid) -> None:
        self.name = named(QLineEdit(), "Name")
        self.name.setPlaceholderText(tr("读取身份证时自动填写"))
        grid.add("name", tr("姓名"), self.name)
        self.phone = named(QLineEdit(), "Phone")
        self.phone.setPlaceholderText(tr("选填：手机号码或带区号的固定电话"))
        grid.add("phone", tr("联系电话"), self.phone)

    def load(self) -> None:
        r = self.wf.record
        read = r.identity.source == "reader"
        self.name.setText(r.identity.name if read else r.name)
        self.name.setReadOnly(read)
        self.phone.setText(r.phone)
        super().load()

    def values(self) -> dict[str, str]:
        return {**super().values(), "name": self.name.text(), "phone": self.phone.text()}


class EmployerScreen(Screen):
    key = Step.EMPLOYER
    title_zh = tr("参保单位")
    lead = tr("录入用人单位营业执照上的统一社会信用代码（18位），按 F5 向中心查询单位。")

    def __init__(self, page: WizardPage[RegistrationWorkflow]) -> None:
        super().__init__(page)
        self.grid = FormGrid()
        self.code = named(QLineEdit(), "CreditCode")
        self.code.setPlaceholderText(tr("如 91330206MA2H001019"))
        self.code.returnPressed.connect(self.find_employer)
        self.grid.add("credit_code", tr("统一社会信用代码"), self.code)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        self.find_button = named(QPushButton(tr("查询单位 (F5)")), "FindEmployer")
        self.find_button.clicked.connect(self.find_employer)
        row.addWidget(self.find_button)
        row.addStretch(1)
        self.root.addLayout(row)
        self.info = named(QLabel("", wordWrap=True), "EmployerInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.info)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        self.code.setText(r.credit_code)
        e = r.employer
        if e is None:
            self.info.setText("")
            return
        state = (tr("<span style='color:{0}; font-weight:bold'>已注销社会保险登记</span>").format(BAD)
                 if e.status == "CANCELLED" else tr("<span style='color:{0}'>正常参保</span>").format(OK))
        self.info.setText(_rows([(tr("单位名称"), e.name), (tr("统一社会信用代码"), e.credit_code),
                                 (tr("单位编号"), e.employer_no),
                                 (tr("参保险种"), tr("、").join(tr(R.INSURANCE_ZH[i]) for i in e.insurances))])
                          + tr("<p style='font-size:15px'>登记状态：{0}</p>").format(state))

    def values(self) -> dict[str, str]:
        return {"credit_code": self.code.text()}

    def find_employer(self) -> None:
        page = _page(self)
        typed = self.code.text()

        def job() -> Any:
            self.wf.apply(Step.EMPLOYER, {"credit_code": typed})
            return self.wf.find_employer()

        def done(_r: Any) -> None:
            self.load()
            self.show_errors(tr_values(self.wf.validate(Step.EMPLOYER)))
            page.after_change()

        def failed(error: BaseException) -> None:
            self.load()
            self.show_errors({"credit_code": message_of(error)})
            page.after_change()

        page.run(job, done, failed, busy=tr("正在向中心查询单位…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.find_employer}

    def first_focus(self) -> QWidget | None:
        return self.code


class ContributionScreen(Screen):
    key = Step.CONTRIBUTION
    title_zh = tr("险种与缴费基数")
    lead = tr("可参加的险种和本年度缴费基数范围由中心核定；月缴费基数须在范围之内（含上下限）。")

    def __init__(self, page: WizardPage[RegistrationWorkflow]) -> None:
        super().__init__(page)
        self.bounds = named(QLabel("", wordWrap=True), "Bounds")
        self.bounds.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.bounds)
        frame = named(QFrame(), "Card")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(16, 10, 16, 10)
        self.boxes: dict[str, QCheckBox] = {}
        for ins in R.INSURANCES:
            box = named(QCheckBox(tr(R.INSURANCE_ZH[ins])), f"ins_{ins}")
            box.setStyleSheet("font-size: 15px;")
            lay.addWidget(box)
            self.boxes[ins] = box
        self.insurance_error = named(QLabel(""), "FieldError")
        self.insurance_error.setStyleSheet(f"color: {BAD};")
        lay.addWidget(self.insurance_error)
        self.root.addWidget(frame)
        self.grid = FormGrid()
        self.base = named(QLineEdit(), "Base")
        self.base.setPlaceholderText(tr("元/月，如 6000 或 6000.50"))
        self.grid.add("base", tr("月缴费基数（元）"), self.base)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        self.refresh = named(QPushButton(tr("重新查询范围 (F5)")), "FetchBounds")
        self.refresh.clicked.connect(self.fetch)
        row.addWidget(self.refresh)
        row.addStretch(1)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def entered(self) -> None:
        b = self.wf.record.bounds
        if b is None or b.kind != self.wf.record.kind:
            self.fetch()

    def load(self) -> None:
        r = self.wf.record
        b = r.bounds
        if b is None:
            self.bounds.setText(tr("<span style='color:{0}'>正在向中心查询本年度缴费基数范围…</span>").format(MUTED))
        else:
            self.bounds.setText(tr("{0}年度月缴费基数范围（中心核定）：<b>{1}</b> 至 "
                                "<b>{2}</b> 元（含）").format(b.year, R.yuan(b.min_base_fen), R.yuan(b.max_base_fen)))
        allowed = R.allowed_insurances(r)
        for ins, box in self.boxes.items():
            box.setEnabled(ins in allowed)
            box.setChecked(ins in r.insurances)
            box.setToolTip("" if ins in allowed else tr("中心不允许本类型参加该险种"))
        self.base.setText(r.base_text)
        self.insurance_error.setText("")

    def values(self) -> dict[str, str]:
        return {"base": self.base.text(),
                **{f"ins_{i}": "1" for i, b in self.boxes.items() if b.isChecked() and b.isEnabled()}}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        super().show_errors(errors)
        self.insurance_error.setText(f"✗ {errors['insurances']}" if errors.get("insurances") else "")

    def fetch(self) -> None:
        page = _page(self)
        values = self.values()

        def job() -> Any:
            self.wf.apply(Step.CONTRIBUTION, values)
            return self.wf.fetch_bounds()

        def done(_r: Any) -> None:
            self.load()
            page.after_change()

        def failed(error: BaseException) -> None:
            self.load()
            self.bounds.setText(f"<span style='color:{BAD}'>{html.escape(message_of(error))}</span>")
            page.after_change()

        page.run(job, done, failed, busy=tr("正在向中心查询缴费基数范围…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.fetch}

    def first_focus(self) -> QWidget | None:
        return self.base


class ConfirmScreen(Screen):
    key = Step.CONFIRM
    title_zh = tr("确认提交")
    lead = tr("请与本人逐项核对，确认后提交中心系统登记。")

    def __init__(self, page: WizardPage[RegistrationWorkflow]) -> None:
        super().__init__(page)
        self.summary = named(QLabel("", wordWrap=True), "Summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.summary)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit_button = named(QPushButton(tr("确认参保 (F9)")), "Primary")
        self.submit_button.setMinimumWidth(180)
        self.submit_button.clicked.connect(lambda: _page(self).submit())
        row.addWidget(self.submit_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        wf = self.wf
        r = wf.record
        kind = wf.kind
        rows = [(tr("参保类型"), tr(KIND_ZH[kind]) if kind else ""), (tr("姓名"), wf.person_name),
                (tr("身份证号码"), mask_id_number(r.identity.id_number))]
        if r.phone:
            rows.append((tr("联系电话"), mask_phone(r.phone)))
        if r.employer is not None:
            rows.append((tr("参保单位"), tr("{0}（{1}）").format(r.employer.name, r.employer.credit_code)))
        rows.append((tr("参保险种"), tr("、").join(tr(R.INSURANCE_ZH[i]) for i in r.insurances)))
        try:
            rows.append((tr("月缴费基数"), tr("{0} 元").format(R.yuan(R.base_fen(r)))))
        except ValidationError:  # shown as typed; leaving the step names the problem
            rows.append((tr("月缴费基数"), r.base_text))
        if kind is not None:
            rows.append((tr("已核验材料"), tr("；").join(tr(t) for k, t in MATERIALS[kind] if k in r.materials)))
        self.summary.setText(_rows(rows))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F9": self.submit_button.click}

    def first_focus(self) -> QWidget | None:
        return self.submit_button


class DoneScreen(ReceiptScreen):
    key = Step.DONE


class RegistrationPage(PersonOpsPage):
    title_zh = tr("职工参保登记")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.KIND: KindScreen, Step.IDENTIFY: IdentifyScreen, Step.EMPLOYER: EmployerScreen,
        Step.CONTRIBUTION: ContributionScreen, Step.CONFIRM: ConfirmScreen, Step.DONE: DoneScreen,
    }
    global_keys = ("F2", "F5", "F9", "F10", "F11", "Ctrl+N")
    no_back = frozenset({Step.KIND, Step.DONE})
    no_next = frozenset({Step.CONFIRM, Step.DONE})
    confirm_step = Step.CONFIRM
    done_step = Step.DONE
    submit_busy = tr("正在提交参保登记…")

    def __init__(self, desk: Any, **kw: Any) -> None:
        super().__init__(desk, **kw)
        self.setObjectName("RegistrationPage")

    def who_text(self) -> str:
        wf = self.wizard
        if wf is None:
            return ""
        kind = tr("{0}　").format(tr(KIND_ZH[wf.kind])) if wf.kind else ""
        return tr("{0}参保人：{1}").format(kind, wf.person_name or tr('尚未识别'))
