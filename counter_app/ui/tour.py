"""The guided tour: scripted scenarios driving the real UI, a PNG of every step, every PDF.

``counter-app demo --tour DIR [--only NAME]`` (see ``counter_app/demo.py``) starts the
reference central and builds the services of each scenario's branch; this module signs
the demo teller in, opens the business and plays the scenario as a teller would (the
typing is instant), saving ``DIR/<scenario>/NN-<step>.png`` after every step and the
printed documents as PDF. It also records how long the software made the teller wait
(every background operation, from the key press to the result on screen) into
``DIR/timings.json``.

Each later business adds its scenarios to :data:`SCENARIOS` under its own name.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from counter_app.ui import tour_texts
from counter_app.ui.app import CounterApp, RunOptions
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.application.page import ApplicationPage, close_dialogs
from counter_app.ui.application.photo import PhotoView
from counter_app.ui.application.steps import (
    ApplicantView,
    DeliveryView,
    GuardianView,
    IdentifyView,
    MaterialsView,
)
from counter_app.ui.i18n import tr
from counter_app.workflows import tour_data
from counter_app.workflows.application import Step
from counter_app.workflows.login import DEMO_ACCOUNTS

log = logging.getLogger(__name__)


class TourError(RuntimeError):
    pass


@dataclass
class Scenario:
    key: str  # directory name
    business: str  # --only NAME
    title_zh: str
    branch: str  # "instant" | "central" (demo profile)
    play: Callable[[TourRun], None]
    line_down: bool = False
    dead_letter: bool = False  # the demo has the central refuse a message first (demo.seed_dead_letter)
    #: a second counter PC of the same branch (its own store and accounts, the same central):
    #: ``TourRun.colleague`` (remote approval, 远程授权)
    second_counter: bool = False


@dataclass
class TourRun:
    """One scenario being played: the window, the page, where pictures go."""

    app: CounterApp
    out: Path
    central: Any  # CentralSimHandle: line_down() / line_up()
    services: Any
    shots: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    page: ApplicationPage | None = None
    timeout_s: float = 60.0
    waits: list[tuple[str, float]] = field(default_factory=list)  # teller's waits per action
    take_shots: bool = True
    on_action: Callable[[str], None] | None = None  # told each action's label (benchmarks)
    colleague: Any = None  # the second counter's services (Scenario.second_counter)

    # -- driving ----------------------------------------------------------------------------
    def settle(self, condition: Callable[[], bool] | None = None) -> None:
        """Process events until the page is idle (and ``condition`` holds)."""
        deadline = time.monotonic() + self.timeout_s
        while True:
            QApplication.processEvents()
            idle = self.page is None or (not self.page.busy and self.page.ops.pending == 0)
            if idle and (condition is None or condition()):
                break
            if time.monotonic() > deadline:
                raise TourError("tour step did not finish in time")
            time.sleep(0.01)
        for _ in range(3):
            QApplication.processEvents()

    def act(self, label: str, action: Callable[[], Any]) -> None:
        """A teller's action: from the key press until the screen shows the result (idle)."""
        if self.on_action is not None:
            self.on_action(label)
        started = time.perf_counter()
        action()
        self.settle()
        self.waits.append((label, time.perf_counter() - started))

    def shot(self, name: str, widget: QWidget | None = None) -> Path | None:
        self.settle()
        if not self.take_shots:
            return None
        target = widget or self.app.main
        assert target is not None
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        if not target.grab().save(str(path), "PNG"):
            raise TourError(f"could not save {path}")
        tour_texts.record(target, f"{self.out.name}/{path.name}")  # COUNTER_TOUR_TEXTS=FILE
        self.shots.append(path)
        return path

    def view(self, step: Step) -> Any:
        assert self.page is not None
        self.settle(lambda: self.page is not None and self.page.wf is not None
                    and self.page.wf.step is step)
        return self.page.views[step]

    def next(self) -> None:
        page = self.page
        assert page is not None
        step = page.wf.step.value if page.wf is not None else ""
        self.act(tr("下一步（{0}）").format(step), page.go_next)

    def sign_in_and_open(self, business: str, shots: bool = True) -> ApplicationPage:
        self.sign_in(shots)
        return self.open_business(business)

    def sign_in(self, shots: bool = True) -> None:
        """The first demo teller signs in; returns once the main window is up and idle."""
        teller = DEMO_ACCOUNTS[0]
        self.app.login.username.setText(teller[0])
        self.app.login.password.setText(teller[3])
        if shots:
            self.shot("login", self.app.login)
        self.app.login.submit()
        self.settle(lambda: self.app.main is not None and self.app.main.isVisible()
                    and self.app.main.ops.pending == 0)
        main = self.app.main
        assert main is not None
        desk = self.services.session_desk(teller[0])
        if not desk.ready():  # the teller's day: opened once, then found again at each sign-in
            desk.open("2000")
            main.refresh_session()
        main.resize(1366, 860)
        self.settle(lambda: main.ops.pending == 0)
        if shots:
            self.shot("main-window")

    def open_business(self, business: str) -> ApplicationPage:
        main = self.app.main
        assert main is not None
        main.route_to(business)
        page = main.pages[business]
        assert isinstance(page, ApplicationPage)
        self.page = page
        self.settle(lambda: page.wf is not None or page.drafts.list.count() > 0)
        return page

    def save_documents(self, prefix: str) -> None:
        page = self.page
        assert page is not None and page.docs is not None
        docs = page.docs
        for kind, title in (("form", tr("申领登记表")), ("receipt", tr("业务回执"))):
            path = self.out / f"{prefix}-{kind}.pdf"
            self.act(tr("另存为PDF（{0}）").format(title), partial(page.save_document, docs, kind, path))
            self.pdfs.append(path)

    def preview_shots(self) -> None:
        page = self.page
        assert page is not None
        for kind, title in (("form", tr("登记表")), ("receipt", tr("回执"))):
            self.act(tr("打印预览（{0}）").format(title), partial(page.document_action, kind, "preview"))
            self.settle(lambda: _shown_preview(page) is not None)
            dialog = _shown_preview(page)
            assert dialog is not None, "the preview dialog did not open"
            dialog.resize(760, 1000)
            self.shot(f"preview-{kind}", dialog)
            dialog.close()


def _shown_preview(page: ApplicationPage) -> DocumentPreview | None:
    return next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)


# -- scenarios of the application business -------------------------------------------------

def submit_and_documents(run: TourRun) -> None:
    """Submit; the documents are generated right after (the teller waits for both)."""
    page = run.page
    assert page is not None
    run.act(tr("提交申领并生成单据"), page.submit)
    run.view(Step.DONE)
    run.settle(lambda: page.docs is not None)
    if run.app.monitor is not None:
        run.app.monitor.poll()  # the status bar's outbox count, as its timer would
        until = time.monotonic() + 0.5
        while time.monotonic() < until:
            QApplication.processEvents()
            time.sleep(0.01)


def _common_start(run: TourRun, read_card: bool) -> None:
    page = run.sign_in_and_open("application")
    identify = run.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyView)
    run.shot("identify")
    if read_card:
        run.act(tr("读取身份证"), identify.read_card)
        run.shot("id-card-read")
    del page


def play_adult_instant(run: TourRun) -> None:
    """张伟, an adult with Ningbo household registration, at the instant-issue ICBC branch."""
    _common_start(run, read_card=True)
    run.next()
    run.view(Step.ELIGIBILITY)
    run.shot("eligibility")
    run.next()
    materials = run.view(Step.MATERIALS)
    assert isinstance(materials, MaterialsView)
    run.shot("materials-to-check")
    run.act(tr("勾选材料"), materials.check_all)
    run.shot("materials-checked")
    run.next()
    applicant = run.view(Step.APPLICANT)
    assert isinstance(applicant, ApplicantView)
    applicant.phone.setText("138")
    run.next()  # an invalid phone: the error appears beside the field
    run.shot("applicant-error-beside-field")
    applicant.phone.setText("13805746001")
    run.shot("applicant")
    run.next()
    photo = run.view(Step.PHOTO)
    assert isinstance(photo, PhotoView)
    run.shot("photo-camera")
    take_photo_review_submit_print(run, photo, "adult-instant")


def take_photo_review_submit_print(run: TourRun, photo: PhotoView, name: str) -> None:
    """The common end of an application: photo, review, submit, documents shown and saved."""
    run.act(tr("拍照并检查"), photo.capture)
    run.shot("photo-checked")
    run.next()
    run.view(Step.REVIEW)
    run.shot("review")
    submit_and_documents(run)
    run.shot("submitted")
    run.preview_shots()
    run.save_documents(name)


def type_to_applicant(run: TourRun, id_number: str, *, address: str, phone: str) -> None:
    """Type the number, pass eligibility, tick every material, fill address and phone
    (the applicant step stays open: the caller goes on or stops there)."""
    identify = run.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyView)
    identify.id_number.setText(id_number)
    run.next()
    run.view(Step.ELIGIBILITY)
    run.next()
    materials = run.view(Step.MATERIALS)
    run.act(tr("勾选材料"), materials.check_all)
    run.next()
    applicant = run.view(Step.APPLICANT)
    assert isinstance(applicant, ApplicantView)
    applicant.address.setText(address)
    applicant.phone.setText(phone)


def apply_for(run: TourRun, id_number: str, *, address: str, phone: str, name: str) -> None:
    """One adult known to the central, at an instant-issue branch: from the identify step
    (the number typed) to the documents made and saved as ``name-*.pdf`` (no preview
    dialogs). Used by the one-process day at the counter (``bench/counter_day.py``)."""
    type_to_applicant(run, id_number, address=address, phone=phone)
    run.next()
    photo = run.view(Step.PHOTO)
    assert isinstance(photo, PhotoView)
    run.act(tr("拍照并检查"), photo.capture)
    run.next()
    run.view(Step.REVIEW)
    submit_and_documents(run)
    run.save_documents(name)


def play_minor_noninstant(run: TourRun) -> None:
    """王小雨 (11), with her guardian 李明, at the non-instant CCB branch; EMS delivery."""
    _common_start(run, read_card=False)
    identify = run.view(Step.IDENTIFY)
    identify.id_number.setText("330206201503091028")
    run.shot("id-number-typed")
    run.next()
    run.view(Step.ELIGIBILITY)
    run.shot("eligibility-minor")
    run.next()
    materials = run.view(Step.MATERIALS)
    run.shot("materials-minor")
    run.act(tr("勾选材料"), materials.check_all)
    run.next()
    applicant = run.view(Step.APPLICANT)
    assert isinstance(applicant, ApplicantView)
    applicant.address.setText(tour_data.MINOR_ADDRESS)
    applicant.phone.setText("13905746002")
    run.shot("applicant-minor")
    run.next()
    guardian = run.view(Step.GUARDIAN)
    assert isinstance(guardian, GuardianView)
    run.shot("guardian-empty")
    guardian.name.setText(tour_data.GUARDIAN_NAME)
    guardian.id_number.setText("330203198506122017")
    guardian.relationship.setCurrentText(tour_data.GUARDIAN_RELATIONSHIP)
    guardian.proof.setCurrentText(tour_data.GUARDIAN_PROOF)
    guardian.phone.setText("13805746003")
    run.shot("guardian")
    run.next()
    delivery = run.view(Step.DELIVERY)
    assert isinstance(delivery, DeliveryView)
    delivery.ems.setChecked(True)
    delivery.address.setText(tour_data.MINOR_EMS_ADDRESS)
    run.shot("delivery-ems")
    run.next()
    photo = run.view(Step.PHOTO)
    assert isinstance(photo, PhotoView)
    scan = run.out / "studio-scan-too-dark.jpg"
    _dark_copy(run.services.file_camera().paths[0], scan)
    run.act(tr("导入照片并检查"), lambda: photo.import_path(scan))
    run.shot("photo-import-failed-checks")
    take_photo_review_submit_print(run, photo, "minor-noninstant")


def play_adult_line_down(run: TourRun) -> None:
    """吴磊 (non-local, entitled) at the instant-issue branch while the line is down:
    accepted as central production and queued; then the line returns and it is sent."""
    run.services.sync.cycle()  # the last successful sync is recent: deferring is allowed
    run.central.line_down()
    try:
        _common_start(run, read_card=False)
        identify = run.view(Step.IDENTIFY)
        identify.id_number.setText("420106199304057894")
        run.next()
        run.view(Step.ELIGIBILITY)
        run.shot("eligibility-line-down")
        run.next()
        materials = run.view(Step.MATERIALS)
        run.act(tr("勾选材料"), materials.check_all)
        run.next()
        applicant = run.view(Step.APPLICANT)
        applicant.name.setText(tour_data.NONLOCAL_NAME)
        applicant.nation.setCurrentText(tour_data.NONLOCAL_NATION)
        applicant.address.setText(tour_data.NONLOCAL_ADDRESS)
        applicant.phone.setText("13705746004")
        run.next()
        delivery = run.view(Step.DELIVERY)
        run.shot("delivery-line-down")
        run.next()
        photo = run.view(Step.PHOTO)
        run.act(tr("拍照并检查"), photo.capture)
        run.next()
        run.view(Step.REVIEW)
        run.shot("review-line-down")
        submit_and_documents(run)
        run.shot("accepted-pending-upload")
        run.save_documents("line-down")
        del delivery
    finally:
        run.central.line_up()
    run.services.sync.drain()
    run.services.application_desk("T0301").refresh()


def play_card_holder_routed(run: TourRun) -> None:
    """李明 already has an active card: one card per person, he is sent to card services."""
    _common_start(run, read_card=False)
    run.services.id_reader.place(_demo_card("330203198506122017"))
    identify = run.view(Step.IDENTIFY)
    run.act(tr("读取身份证"), identify.read_card)
    run.next()
    run.view(Step.ELIGIBILITY)
    run.shot("eligibility-has-a-card")
    eligibility = run.page.views[Step.ELIGIBILITY] if run.page else None
    assert eligibility is not None
    run.act(tr("转到对应业务"), eligibility.route_button.click)
    run.shot("routed-to-card-services")


def play_draft_resumed(run: TourRun) -> None:
    """林小宝's guardian starts an application; the teller signs out half-way (or the PC
    restarts); after signing in again the unfinished application is offered and resumed."""
    _common_start(run, read_card=False)
    # the phone half typed when the teller is called away
    type_to_applicant(run, "330211201806222348", address=tour_data.DRAFT_ADDRESS,
                      phone="139057")
    run.shot("applicant-half-typed")
    assert run.app.main is not None and run.page is not None
    run.page.autosave()
    run.settle()
    run.app.main.sign_out("logout")
    deadline = time.monotonic() + run.timeout_s
    while not run.app.login.isVisible():
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise TourError("sign-out did not finish")
        time.sleep(0.01)
    run.page = None
    page = run.sign_in_and_open("application", shots=False)
    run.settle(lambda: page.drafts.list.count() > 0)
    run.shot("drafts-offered-again")
    run.act(tr("继续办理"), page.drafts.resume_button.click)
    run.view(Step.APPLICANT)
    run.shot("draft-resumed")


def _demo_card(id_number: str) -> Any:
    from counter_app.devices.idcard import DEMO_ID_CARDS

    return DEMO_ID_CARDS[id_number]


def _dark_copy(source: Path, target: Path) -> None:
    """A scan that came out too dark: what the checks and their messages look like."""
    import numpy as np
    from PIL import Image

    with Image.open(source) as image:
        pixels = np.asarray(image.convert("RGB"), dtype=np.float32) * 0.3
    Image.fromarray(pixels.astype(np.uint8)).save(target, format="JPEG", quality=90)


def _loss_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.card_loss import tour

    getattr(tour, name)(run)


def _replacement_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.replacement import tour

    getattr(tour, name)(run)


def _queries_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.queries import tour

    getattr(tour, name)(run)


def _statistics_tour(run: TourRun) -> None:
    from counter_app.ui.statistics import tour

    tour.play_statistics(run)


def _certificate_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.certificate import tour

    getattr(tour, name)(run)


def _card_services_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.card_services import tour

    getattr(tour, name)(run)


def _stock_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.stock import tour

    getattr(tour, name)(run)


def _issuance_tour(run: TourRun) -> None:
    from counter_app.ui.issuance import tour

    tour.play_instant_issuance(run)


def _people_tour(name: str, run: TourRun) -> None:
    from counter_app.ui.registration import tour

    getattr(tour, name)(run)


def _production_tour(run: TourRun) -> None:
    from counter_app.ui.production import tour

    tour.play_central_production(run)


def _day_end_tour(run: TourRun) -> None:
    from counter_app.ui.day_end import tour

    tour.play_day_end(run)


def _supervision_tour(run: TourRun) -> None:
    from counter_app.ui.supervision import tour

    tour.play_supervision(run)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("application-adult-instant", "application", tr("成年人在即办网点申领（专线正常）"),
             "instant", play_adult_instant),
    Scenario("application-minor-noninstant", "application", tr("未成年人由监护人在非即办网点申领、EMS邮寄"),
             "central", play_minor_noninstant),
    Scenario("application-line-down", "application", tr("专线中断时在即办网点申领（暂存待上传）"),
             "instant", play_adult_line_down, line_down=True),
    Scenario("application-card-holder", "application", tr("已有社保卡的人员不能重复申领（转到对应业务）"),
             "instant", play_card_holder_routed),
    Scenario("application-draft-resumed", "application", tr("办理中途签退，重新登录后继续未完成的申领"),
             "central", play_draft_resumed),
    Scenario("loss-deloss", "loss-deloss", tr("工行卡在工行即办网点正式挂失，找回后持卡解挂"),
             "instant", partial(_loss_tour, "play_loss_deloss")),
    Scenario("loss-deloss-other-bank", "loss-deloss", tr("工行卡在建行网点解挂被拒（告知应去的银行）"),
             "central", partial(_loss_tour, "play_deloss_other_bank")),
    Scenario("loss-deloss-line-down", "loss-deloss", tr("专线中断时正式挂失暂存待上传，解挂被拒；恢复后送达，再解挂"),
             "instant", partial(_loss_tour, "play_loss_line_down"), line_down=True),
    Scenario("replacement", "replacement",
             tr("工行卡遗失：先正式挂失，再在工行即办网点同号换卡（收工本费），拍照后当场制卡（卡面PDF、即时制卡回执）"),
             "instant", partial(_replacement_tour, "play_replacement")),
    Scenario("replacement-other-bank", "replacement", tr("同一张工行卡在建行网点补卡被拒（告知应去的银行）"),
             "central", partial(_replacement_tour, "play_replacement_other_bank")),
    Scenario("pin-services", "pin-services",
             tr("社保卡密码连续输错被锁定后核验身份重置解锁；修改密码；读卡查询；信息变更写卡"),
             "instant", partial(_card_services_tour, "play_pin_services")),
    Scenario("queries", "queries", tr("读身份证查询参保状态、缴费记录（分页、断缴）、社保卡与制卡进度，打印查询结果"),
             "instant", partial(_queries_tour, "play_queries")),
    Scenario("queries-line-down", "queries", tr("专线中断时查询被拒（说明须实时联网），恢复后查询"),
             "instant", partial(_queries_tour, "play_queries_line_down"), line_down=True),
    Scenario("certificate", "certificate",
             tr("出具参保证明（全部险种近48个月），打印、补打、F9核验；录入号码出具养老保险证明（注明断缴）"),
             "instant", partial(_certificate_tour, "play_certificate")),
    Scenario("registration", "registration",
             tr("职工参保登记：按统一社会信用代码查询单位、基数超中心上限被拒后受理；新参保人员以灵活就业身份参保（仅养老）"),
             "instant", partial(_people_tour, "play_registration")),
    Scenario("data-change", "data-change",
             tr("参保信息变更：电话地址婚姻（无需证明，写卡提示）；姓名变更须读身份证与公安证明编号，须换卡"),
             "instant", partial(_people_tour, "play_data_change")),
    Scenario("data-change-line-down", "data-change",
             tr("专线中断时联系电话变更暂存待上传（出生日期等须联网的变更不可录入），恢复后自动送达"),
             "instant", partial(_people_tour, "play_data_change_line_down"), line_down=True),
    Scenario("instant-issuance", "instant-issuance",
             tr("即办网点申领后当场制卡：空白卡检测、中心分配卡号、PSAM写芯片、卡面PDF、核验、上报、启用、密码键盘设密、回执；写卡中拔卡后插回续写"),
             "instant", _issuance_tour),
    Scenario("stock", "stock",
             tr("空白卡按供应商清单逐张入库（不在清单、重复、缺卡），领用给柜员，主管授权登记废卡，盘点对账并打印盘点表"),
             "instant", partial(_stock_tour, "play_stock")),
    Scenario("central-production", "central-production",
             tr("非即办网点：三份申领随中心制卡推进查询进度，批次逐张读卡签收（缺一张卡，签收清单列明差异），"
             "未领卡清单，持卡人本人领卡、中心启用、密码键盘设密、领卡回执"),
             "central", _production_tour),
    Scenario("day-end", "day-end",
             tr("开始营业（备用金）、正式挂失、补换卡收取工本费并出具收据，日终轧账清点现金、结束营业并打印轧账单"),
             "instant", _day_end_tour),
    Scenario("supervision", "supervision",
             tr("柜员连续输错密码被锁定，主管登录后在“柜员与角色”输入密码和动态验证码为其解锁；"
             "在“异常件”作废一笔中心拒绝的业务（须主管动态验证码）"),
             "instant", _supervision_tour, dead_letter=True, second_counter=True),
    Scenario("statistics", "statistics",
             tr("办理一笔社保信息查询后打开网点统计：按业务类型的每日业务量、周末占比、平均耗时、未领卡与中心汇总，导出PDF"),
             "instant", _statistics_tour),
)


def scenarios(only: str | None) -> list[Scenario]:
    chosen = [s for s in SCENARIOS if only in (None, s.business, s.key)]
    if not chosen:
        names = sorted({s.business for s in SCENARIOS} | {s.key for s in SCENARIOS})
        raise TourError(f"no tour scenario named {only!r}; known: {', '.join(names)}")
    return chosen


@contextlib.contextmanager
def session(services: Any, central: Any, out: Path, *, take_shots: bool = True,
            colleague: Any = None) -> Iterator[TourRun]:
    """A fresh application window on ``services`` for as long as the block runs; closed
    (dialogs, windows, background work) afterwards."""
    out.mkdir(parents=True, exist_ok=True)
    app = CounterApp(services, RunOptions())
    app.start()
    run = TourRun(app=app, out=out, central=central, services=services, take_shots=take_shots,
                  colleague=colleague)
    try:
        yield run
    finally:
        if run.page is not None:
            close_dialogs(run.page)
        if app.main is not None:
            app.main.idle.stop()
            app.main.close()
            app.main.deleteLater()
        app.login.close()
        app.login.deleteLater()
        app.shutdown()


def play(scenario: Scenario, services: Any, central: Any, out: Path, *,
         take_shots: bool = True, colleague: Any = None) -> TourRun:
    """Play one scenario on a fresh application window; returns what it produced."""
    with session(services, central, out, take_shots=take_shots, colleague=colleague) as run:
        scenario.play(run)
    return run


def write_timings(out: Path, results: dict[str, TourRun]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for key, run in results.items():
        waits = run.waits
        summary[key] = {
            "total_wait_s": round(sum(w for _what, w in waits), 3),
            "operations": len(waits),
            "longest": max(((w, what) for what, w in waits), default=(0.0, ""))[1],
            "longest_s": round(max((w for _what, w in waits), default=0.0), 3),
            "waits": [[what, round(w, 3)] for what, w in waits],
            "screens": len(run.shots),
            "pdfs": [p.name for p in run.pdfs],
        }
    (out / "timings.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                      encoding="utf-8")
    return summary
