"""The one composition root: builds every service from the branch profile.

Nothing else constructs adapters; the UI, the commands and the tests receive what they
need from here (tests may pass their own pieces).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import assets
from counter_app.assets import asset_path
from counter_app.domain.clock import china_now
from counter_app.domain.opening_hours import authorising_roles
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.profile import BranchProfile, load_profile
from counter_app.store.crypto import DataCipher, DataKeyLostError, load_data_key
from counter_app.store.database import Store, StoreUpgradeRolledBack, inspect_store, open_store
from counter_app.workflows.login import LoginPolicy, TellerAuth
from counter_app.workflows.services import PresencePort
from counter_app.workflows.status import LineReading
from counter_app.workflows.supervisor import SupervisorApproval

if TYPE_CHECKING:  # built lazily: the login window shows before these load
    from counter_app.central.api import CentralApi, RemoteApprovalApi
    from counter_app.central.client import HttpCentralClient
    from counter_app.central.sync import SyncStatus, SyncWorker
    from counter_app.devices.blank_card import BlankCardReader, BlankChip
    from counter_app.devices.card_printer import CardPrinter
    from counter_app.devices.idcard import IdCardReader
    from counter_app.devices.photo import FileCameraSource
    from counter_app.devices.pinpad import PinEntry, PinPad
    from counter_app.devices.sscard import SocialCardReader
    from counter_app.devices.sschip import ChipFunctions, HolderFields, SocialCardChip
    from counter_app.domain.card import CardData
    from counter_app.printing import BranchInfo
    from counter_app.updates import CheckResult, FolderSwap, UpdatePaths
    from counter_app.workflows import version_gate
    from counter_app.workflows.application import ApplicationContext, ApplicationDesk
    from counter_app.workflows.audit_watch import AuditWatch
    from counter_app.workflows.card_loss import CardLossContext, CardLossDesk
    from counter_app.workflows.card_services import CardServicesDesk
    from counter_app.workflows.certificate import CertificateDesk
    from counter_app.workflows.data_change import DataChangeDesk
    from counter_app.workflows.day_end import DayEndContext, DayEndDesk
    from counter_app.workflows.fees import FeeDesk
    from counter_app.workflows.issuance import CardSlot, IssuanceDesk
    from counter_app.workflows.person_ops import PersonOpsContext
    from counter_app.workflows.production import ProductionDesk
    from counter_app.workflows.queries import QueryDesk
    from counter_app.workflows.registration import RegistrationDesk
    from counter_app.workflows.replacement import ReplacementDesk
    from counter_app.workflows.sessions import SessionDesk
    from counter_app.workflows.statistics import StatisticsDesk
    from counter_app.workflows.stock import StockDesk
    from counter_app.workflows.supervision import AuditLogViewer, DeadLetterDesk
    from counter_app.workflows.teller_admin import TellerAdmin

log = logging.getLogger(__name__)

LINE_DETAIL_ZH = {
    "offline": QT_TR_NOOP("无法连接中心系统：可延后上传的业务照常办理并排队上传，需实时联网的业务暂停。"),
    "degraded": QT_TR_NOOP("中心系统响应缓慢或出错，业务可能需要等待，请耐心操作。"),
    "paused": QT_TR_NOOP("本机证书配置有误，待上传业务已暂停发送（不会丢失），"
                         "请联系网点技术支持检查证书文件。"),
}


DEMO_CAMERA = asset_path(assets.DEMO_CAMERA)


@dataclass(frozen=True)
class Fakes:
    """Parts a test, the demo or a benchmark provides instead of the real adapters."""

    central: CentralApi | None = None
    presence: PresencePort | None = None
    no_presence: bool = False  # no reader monitor at all (the tour, the benchmarks)
    id_reader: IdCardReader | None = None
    camera_folder: Path | None = None
    card_reader: SocialCardReader | None = None  # the social security card slot
    blank_reader: BlankCardReader | None = None  # the same slot reading blanks (stock)
    chip: SocialCardChip | None = None  # the same slot for PIN and card services
    pin_pad: PinPad | None = None


class Services:
    """The running counter's services (implements workflows.services.CounterServices).

    Adapters that the login window does not need (the central client, the sync worker, the
    ID-card reader) are built on first use.
    """

    #: what the teller is told once about the last update (installed, rolled back)
    update_notice: str | None = None

    def __init__(self, profile: BranchProfile, store: Store, auth: TellerAuth,
                 fakes: Fakes | None = None) -> None:
        self._profile = profile
        self.store = store
        self._auth = auth
        self.fakes = fakes or Fakes()
        self._central: CentralApi | None = self.fakes.central
        self._sync: SyncWorker | None = None
        self._id_reader: IdCardReader | None = self.fakes.id_reader
        self._id_reader_made = self.fakes.id_reader is not None
        self._audit_watch: AuditWatch | None = None
        self._blank_reader: BlankCardReader | None = self.fakes.blank_reader
        self._card_slot: CardSlot | None = None
        self._pin_pad: PinPad | None = None  # devices.pin_pad = "demo": one pad per run
        from counter_app.workflows.remote_approval import RemoteApprovals

        #: 远程授权: asking another counter's supervisor, and deciding as one; the one
        #: authorisation path consumes such an approval through it (TellerAuth.remote)
        self.remote_approvals = RemoteApprovals(self._remote_api, self.authorise,
                                                audit=auth.tellers.audit)
        auth.remote = self.remote_approvals

    @property
    def profile(self) -> BranchProfile:
        return self._profile

    @property
    def auth(self) -> TellerAuth:
        return self._auth

    def authorise(self, approval: SupervisorApproval, purpose: str) -> str:
        """The one supervisor-authorisation path every sensitive act is given (password and,
        when the profile requires it, the one-time code; counted, audited)."""
        return self._auth.authorise(approval, purpose=purpose)

    def _remote_api(self) -> RemoteApprovalApi | None:
        from counter_app.central.api import RemoteApprovalApi

        central = self.central
        return central if isinstance(central, RemoteApprovalApi) else None

    @property
    def central(self) -> CentralApi:
        """The central client, built on first use (the login window does not need it)."""
        if self._central is None:
            self._central = central_client(self.profile)
        return self._central

    @property
    def sync(self) -> SyncWorker:
        """The outbox sync worker (built on first use; started by :meth:`start_sync`)."""
        if self._sync is None:
            self._sync = make_sync_worker(self.profile, self.store, self.central)
        return self._sync

    def probe_line(self) -> LineReading:
        """Probe the central through the sync worker, which judges the line for everyone."""
        state = str(self.sync.probe())
        return LineReading(state, self.sync.latency_ms, LINE_DETAIL_ZH.get(state, ""))

    def outbox_depth(self) -> int:
        return int(self.sync.repo.stats().pending)

    def dead_letters(self) -> int:
        return int(self.sync.repo.stats().dead)

    def start_sync(self) -> None:
        self.sync.start()
        self.audit_watch.start()

    @property
    def audit_watch(self) -> AuditWatch:
        """The tamper watch over the audit chain (verifies, reports the head, holds the alarm)."""
        if self._audit_watch is None:
            from counter_app.store.audit_ledger import StoreAuditLedger
            from counter_app.workflows.audit_watch import AuditWatch

            self._audit_watch = AuditWatch(
                StoreAuditLedger(self.store), lambda: self.central,
                branch_code=self.profile.branch_code, counter_id=self.profile.counter_id,
                interval_s=self.profile.central.audit_head_minutes * 60.0)
        return self._audit_watch

    def session_desk(self, teller: str) -> SessionDesk:
        """The teller's work session (柜员会话) at this counter; a supervisor's force-close."""
        from counter_app.store.sessions import SqlWorkSessions
        from counter_app.workflows.sessions import SessionContext, SessionDesk

        ctx = SessionContext(repo=SqlWorkSessions(self.store),
                             counter_id=self.profile.counter_id, authorise=self.authorise)
        if self.profile.instant_issue:  # card custody only where there is blank stock
            from counter_app.store.stock import SqlBlankStock

            stock = SqlBlankStock(self.store)

            def custody(who: str) -> int | None:
                return stock.custody_count(who, ctx.today())

            ctx = dataclasses.replace(ctx, custody=custody)
        day_end = self.day_end_context()

        def publish(day: str) -> None:  # this counter's day summary to the central, at every close
            from counter_app.workflows.day_end import DayEndDesk

            DayEndDesk(day_end, teller).publish(day)

        from counter_app.workflows.day_end.branch import PublishingSessions

        ctx = dataclasses.replace(ctx, repo=PublishingSessions(ctx.repo, publish))

        def close_check(session: Any, note: str) -> list[str]:
            from counter_app.workflows.day_end import DayEndDesk

            return [d.text_zh for d in DayEndDesk(day_end, session.teller).unexplained(session, note)]

        return SessionDesk(dataclasses.replace(ctx, close_check=close_check), teller)

    def _branch_info(self) -> BranchInfo:
        from counter_app.printing import BranchInfo

        p = self.profile
        return BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                          instant_issue=p.instant_issue)

    def fee_desk(self, teller: str) -> FeeDesk:
        """Fees (工本费) at this counter: the profile's schedule, inside the teller's session;
        a refund with a supervisor's authorisation."""
        from counter_app.store.fees import SqlFees
        from counter_app.workflows.fees import FeeContext, FeeDesk

        sessions = self.session_desk(teller)

        def session_of(_who: str) -> Any:
            state = sessions.state()
            return state.session if sessions.ready() else None

        return FeeDesk(FeeContext(repo=SqlFees(self.store), schedule=self.profile.fees,
                                  branch=self._branch_info(), counter_id=self.profile.counter_id,
                                  session_of=session_of, authorise=self.authorise), teller)

    def day_end_context(self) -> DayEndContext:
        return day_end_context_for(self.profile, self.store, central=lambda: self.central)

    def day_end_desk(self, teller: str) -> DayEndDesk:
        """Day-end (日终轧账): the teller's session and the branch's day; closes the session."""
        from counter_app.workflows.day_end import DayEndDesk

        return DayEndDesk(self.day_end_context(), teller, self.session_desk(teller))


    def check_for_update(self) -> CheckResult | None:
        """At sign-out, on a worker: find, verify and stage a newer signed version (None:
        updates not configured). Raises UpdateError / UpdateRefused (CounterError)."""
        u = self.profile.updates
        if not u.repository_url or not u.check_at_sign_out or u.trusted_root is None:
            return None
        from counter_app.updates import check_and_stage, current_version

        result = check_and_stage(update_paths(self.profile), repository_url=u.repository_url,
                                 trusted_root=u.trusted_root, current_version=current_version())
        if result.state == "staged" and program_folder(self.profile) is None:
            from counter_app.update_handoff import offer_to_system_installer

            if offer_to_system_installer(update_paths(self.profile)):  # a .deb's root service
                return dataclasses.replace(result, message_zh=zh(
                    "新版本 {version} 已下载并校验，已交给本机的系统安装服务；"
                    "柜面程序关闭后（最迟下次开机）自动安装。", version=result.version))
            return dataclasses.replace(result, message_zh=zh(
                "新版本 {version} 已下载并校验；本机程序目录需管理员权限，"
                "请联系网点技术支持用安装包升级。", version=result.version))
        return result

    def version_gate(self) -> version_gate.VersionVerdict:
        """Where this counter stands against the central's minimum version (branch config)."""
        import json

        from counter_app.central.sync import STATE_BRANCH_CONFIG
        from counter_app.updates import current_version
        from counter_app.workflows.version_gate import MIN_VERSION_SEEN_STATE, is_older, judge

        repo, now = self.sync.repo, dt.datetime.now(dt.UTC)
        raw = repo.get_state(STATE_BRANCH_CONFIG)
        required = json.loads(raw).get("min_version") if raw else None
        running, seen = current_version(), None
        if required and is_older(running, required):
            stored = json.loads(repo.get_state(MIN_VERSION_SEEN_STATE) or "{}")
            if stored.get("version") != required:  # a new minimum: its grace starts now
                stored = {"version": required, "at": now.isoformat()}
                repo.set_state(MIN_VERSION_SEEN_STATE, json.dumps(stored))
            seen = dt.datetime.fromisoformat(stored["at"])
        return judge(running, required, seen, now, self.profile.updates.grace_days)

    def teller_admin(self, actor: str) -> TellerAdmin:
        """Tellers and roles (柜员与角色) for the signed-in supervisor or admin ``actor``."""
        from counter_app.store.tellers import SqlTellerRepository
        from counter_app.workflows.teller_admin import TellerAdmin

        return TellerAdmin(SqlTellerRepository(self.store), self._auth, actor)

    def dead_letter_desk(self) -> DeadLetterDesk:
        """The dead-letter queue (异常件) and a supervisor's retry / discard."""
        from counter_app.store.outbox_repo import StoreOutboxRepository
        from counter_app.workflows.supervision import DeadLetterDesk

        return DeadLetterDesk(StoreOutboxRepository(self.store), self.authorise)

    def audit_log_viewer(self) -> AuditLogViewer:
        """The audit log search and the chain's verification (supervision page)."""
        from counter_app.store.audit_ledger import StoreAuditLedger
        from counter_app.store.audit_search import StoreAuditSearch
        from counter_app.workflows.supervision import AuditLogViewer

        watch = self.audit_watch
        return AuditLogViewer(StoreAuditSearch(self.store), StoreAuditLedger(self.store).verify_full,
                              alarm=lambda: watch.alarm, wake=watch.wake)

    def status_for(self, teller: str) -> Callable[[], SyncStatus]:
        """The line and outbox status a business of ``teller`` is admitted on, with whether
        the teller's work session is open today (a business needing one is refused)."""
        sync, desk = self.sync, self.session_desk(teller)

        def status() -> SyncStatus:
            return dataclasses.replace(sync.status(), session_open=desk.ready())

        return status

    @property
    def id_reader(self) -> IdCardReader | None:
        """The ID-card reader: a simulated one in the demo; none configured otherwise
        (the teller types the number) until a vendor driver is added."""
        if not self._id_reader_made:
            self._id_reader_made = True
            if self.profile.demo:
                from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader

                self._id_reader = SimulatedIdCardReader(DEMO_ID_CARDS["330205199003011232"])
        return self._id_reader

    def camera_folder(self) -> Path:
        return self.fakes.camera_folder or DEMO_CAMERA

    def file_camera(self) -> FileCameraSource:
        """Frames from image files: the demo's stand-in for a camera, and the fallback."""
        from counter_app.devices.photo import FileCameraSource

        return FileCameraSource.from_directory(self.camera_folder(),
                                               name=QT_TR_NOOP("文件摄像头（演示照片）"))

    def application_context(self, teller: str) -> ApplicationContext:
        import shutil

        from counter_app.printing import BranchInfo
        from counter_app.store.applications import ApplicationStore
        from counter_app.workflows.application import ApplicationContext

        p = self.profile
        folder = p.database.parent
        sync = self.sync
        return ApplicationContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            branch_code=p.branch_code, bank_code=p.bank.code, counter_id=p.counter_id,
            teller=teller, central=self.central, store=ApplicationStore(self.store),
            id_reader=self.id_reader, photo_spec=p.photo.spec, limits=p.offline,
            sync_status=self.status_for(teller), free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6,
            wake_sync=sync.wake, authorise=self.authorise, fees=self.fee_desk(teller))

    def application_desk(self, teller: str) -> ApplicationDesk:
        from counter_app.workflows.application import ApplicationDesk

        return ApplicationDesk(self.application_context(teller))

    @property
    def card_reader(self) -> SocialCardReader:
        """The person's card in this counter's card slot, read through the card layer."""
        if self.fakes.card_reader is not None:
            return self.fakes.card_reader
        p = self.profile
        return CardLayerReader(p.readers.card, p.readers.psam, p.city_code)

    def card_loss_context(self, teller: str) -> CardLossContext:
        import shutil

        from counter_app.store.card_operations import CardOperationStore
        from counter_app.workflows.card_loss import CardLossContext

        app = self.application_context(teller)
        folder = self.profile.database.parent
        return CardLossContext(
            branch=app.branch, branch_code=app.branch_code, bank_code=app.bank_code,
            counter_id=app.counter_id, teller=teller, central=self.central,
            store=CardOperationStore(self.store), id_reader=self.id_reader,
            card_reader=self.card_reader, limits=self.profile.offline,
            sync_status=self.status_for(teller),
            free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6, wake_sync=self.sync.wake)

    def card_loss_desk(self, teller: str) -> CardLossDesk:
        from counter_app.workflows.card_loss import CardLossDesk

        return CardLossDesk(self.card_loss_context(teller))

    def replacement_desk(self, teller: str) -> ReplacementDesk:
        from counter_app.workflows.replacement import ReplacementDesk

        instant = None
        if self.profile.instant_issue:  # blank stock and a card printer: made on the spot
            from counter_app.store.replacement_issuance import ReplacementIssuanceStore
            from counter_app.workflows.replacement.making import InstantMaking

            p = self.profile
            instant = InstantMaking(ReplacementIssuanceStore(self.store, p.branch_code),
                                    self.stock_desk(teller).custody_count, p.photo.spec)
        return ReplacementDesk(self.card_loss_context(teller), fees=self.fee_desk(teller),
                               instant=instant)

    @property
    def chip(self) -> SocialCardChip:
        """The card slot's chip for PIN and card services (the PSAM in the second slot)."""
        if self.fakes.chip is not None:
            return self.fakes.chip
        p = self.profile
        return CardLayerChip(p.readers.card, p.readers.psam, p.city_code)

    def card_services_desk(self, teller: str) -> CardServicesDesk:
        from counter_app.workflows.card_services import CardServicesContext, CardServicesDesk

        loss = self.card_loss_context(teller)
        return CardServicesDesk(CardServicesContext(
            branch=loss.branch, branch_code=loss.branch_code, bank_code=loss.bank_code,
            counter_id=loss.counter_id, teller=teller, central=loss.central, store=loss.store,
            chip=self.chip, pin_pad=self.pin_pad, id_reader=self.id_reader,
            limits=loss.limits, sync_status=loss.sync_status, wake_sync=loss.wake_sync))

    def certificate_desk(self, teller: str) -> CertificateDesk:
        import shutil

        from counter_app.printing import BranchInfo
        from counter_app.store.applications import ApplicationStore
        from counter_app.workflows.certificate import CertificateContext, CertificateDesk

        p = self.profile
        folder = p.database.parent
        return CertificateDesk(CertificateContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            branch_code=p.branch_code, counter_id=p.counter_id, teller=teller,
            central=self.central, audit=ApplicationStore(self.store).audit,
            id_reader=self.id_reader, card_reader=self.card_reader, limits=p.offline,
            sync_status=self.status_for(teller),
            free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6))

    def query_desk(self, teller: str) -> QueryDesk:
        import shutil

        from counter_app.printing import BranchInfo
        from counter_app.store.applications import ApplicationStore
        from counter_app.workflows.queries import QueryContext, QueryDesk

        p = self.profile
        folder = p.database.parent
        return QueryDesk(QueryContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            branch_code=p.branch_code, bank_code=p.bank.code, counter_id=p.counter_id,
            teller=teller, central=self.central, audit=ApplicationStore(self.store).audit,
            id_reader=self.id_reader, card_reader=self.card_reader, limits=p.offline,
            sync_status=self.status_for(teller),
            free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6))

    def person_ops_context(self, teller: str) -> PersonOpsContext:
        """Registration and data change: the central, the outbox, the line (person_ops)."""
        import shutil

        from counter_app.central.people_api import PeopleCentral
        from counter_app.domain.errors import ConfigurationError
        from counter_app.store.card_operations import CardOperationStore
        from counter_app.workflows.person_ops import PersonOpsContext

        central = self.central
        if not isinstance(central, PeopleCentral):  # a fake without registration's calls
            raise ConfigurationError(QT_TR_NOOP("中心系统接口不支持参保登记与信息变更。"),
                                     code="CENTRAL_NO_PEOPLE_API")
        app = self.application_context(teller)
        folder = self.profile.database.parent
        return PersonOpsContext(
            branch=app.branch, branch_code=app.branch_code, bank_code=app.bank_code,
            counter_id=app.counter_id, teller=teller, central=central,
            store=CardOperationStore(self.store), id_reader=self.id_reader,
            limits=self.profile.offline, sync_status=self.status_for(teller),
            free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6, wake_sync=self.sync.wake)

    def registration_desk(self, teller: str) -> RegistrationDesk:
        from counter_app.workflows.registration import RegistrationDesk

        return RegistrationDesk(self.person_ops_context(teller))

    def data_change_desk(self, teller: str) -> DataChangeDesk:
        from counter_app.workflows.data_change import DataChangeDesk

        return DataChangeDesk(self.person_ops_context(teller))

    @property
    def blank_reader(self) -> BlankCardReader:
        """Blank cards in this counter's card slot (stock receiving); simulated when the
        card slot is (the tour feeds it)."""
        if self._blank_reader is None:
            if self.fakes.card_reader is not None:
                from counter_app.devices.blank_card import SimulatedBlankCardReader

                self._blank_reader = SimulatedBlankCardReader()
            else:
                p = self.profile
                self._blank_reader = CardLayerBlankReader(p.readers.card, p.readers.psam,
                                                          p.city_code)
        return self._blank_reader

    def production_desk(self, teller: str) -> ProductionDesk:
        """Central production at a non-instant branch: tracking, batch receipt, hand-out."""
        import shutil

        from counter_app.printing import BranchInfo
        from counter_app.store.card_operations import CardOperationStore
        from counter_app.store.production import ProductionStore
        from counter_app.workflows.production import ProductionContext, ProductionDesk

        p = self.profile
        folder = p.database.parent
        return ProductionDesk(ProductionContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            branch_code=p.branch_code, bank_code=p.bank.code, counter_id=p.counter_id,
            teller=teller, central=self.central, repo=ProductionStore(self.store),
            outbox=CardOperationStore(self.store), card_reader=self.card_reader, chip=self.chip,
            pin_pad=self.pin_pad, id_reader=self.id_reader, limits=p.offline,
            sync_status=self.status_for(teller),
            free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6, wake_sync=self.sync.wake))

    def put_demo_card(self, card_no: str, id_number: str, name: str) -> CardData:
        """The guided tour and the UI tests take a centrally made card out of its envelope:
        the simulated slot reads it and the in-process emulator's chip becomes that card
        (personalised as the factory would, its PIN for the holder to set)."""
        from counter_app.card.emulator.card import EmulatedCard
        from counter_app.card.emulator.factory import card_data_for, new_personalised
        from counter_app.devices.sscard import SimulatedSocialCardReader

        data = card_data_for(id_number, name, card_number=card_no)
        reader, chip = self.fakes.card_reader, self.fakes.chip
        if isinstance(reader, SimulatedSocialCardReader):
            reader.insert(data)
        card_file = getattr(getattr(chip, "service", None), "card_file", None)
        if isinstance(card_file, Path):
            card_file.parent.mkdir(parents=True, exist_ok=True)
            # from the factory: functions activated only at hand-out
            EmulatedCard(new_personalised(data, activated=False), card_file).save()
        return data

    def stock_desk(self, teller: str) -> StockDesk:
        """The branch's blank-card stock (instant-issue branches; elsewhere it says so)."""
        from counter_app.printing import BranchInfo
        from counter_app.store.stock import SqlBlankStock
        from counter_app.workflows.stock import StockContext, StockDesk

        p = self.profile
        return StockDesk(StockContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            teller=teller, store=SqlBlankStock(self.store), reader=self.blank_reader,
            authorise=self.authorise,
            # built when a change is admitted: the custody count needs no sync worker
            sync_status=lambda: self.status_for(teller)()))

    def statistics_desk(self, teller: str) -> StatisticsDesk:
        """Branch statistics (网点统计): this counter's finished businesses and uncollected
        cards, with the central's totals for the branch while the line is up."""
        from counter_app.central.sync import LineState
        from counter_app.printing import BranchInfo
        from counter_app.store.statistics import SqlStatistics
        from counter_app.workflows.statistics import StatisticsContext, StatisticsDesk, TotalsSource

        p = self.profile
        central = self.central
        totals: TotalsSource | None = getattr(central, "branch_statistics", None)

        def line_up() -> bool:
            return self.sync.status().line_state not in (LineState.OFFLINE, LineState.PAUSED)

        return StatisticsDesk(StatisticsContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            teller=teller, repo=SqlStatistics(self.store), central_totals=totals, line_up=line_up))

    @property
    def card_slot(self) -> CardSlot:
        """The card slot and PSAM instant issuance personalises blanks in; the in-process
        emulator (a blank inserted by the tour) when the card slot is simulated."""
        if self._card_slot is None:
            if self.fakes.card_reader is not None:
                from counter_app.workflows.issuance.emulated_slot import EmulatedSlot

                self._card_slot = EmulatedSlot(self.profile.city_code)
            else:
                from counter_app.card.service import CardConfig, CardService

                p = self.profile
                self._card_slot = CardService(CardConfig(
                    card_reader=p.readers.card, psam_reader=p.readers.psam,
                    city_code=p.city_code))
        return self._card_slot

    def issuance_desk(self, teller: str, printer: CardPrinter | None = None) -> IssuanceDesk:
        """Instant issuance (即时制卡) of accepted applications at an instant-issue branch.
        ``printer``: the card printer the screen made for a named system printer (Qt paints
        it); otherwise the profile's ``printers.card_face`` names a PDF folder."""
        import shutil

        from counter_app.card.perso import FileJournalStore
        from counter_app.devices.card_printer import PdfCardPrinter, UnreachableCardPrinter, pdf_folder
        from counter_app.printing import BranchInfo
        from counter_app.store.issuance import IssuanceStore
        from counter_app.workflows.issuance import IssuanceContext, IssuanceDesk
        from counter_app.workflows.issuance.custody import StockCustody

        p = self.profile
        folder = p.database.parent
        faces = pdf_folder(p.printers.card_face, folder)
        card_printer = PdfCardPrinter(faces) if faces is not None \
            else UnreachableCardPrinter(p.printers.card_face)
        return IssuanceDesk(IssuanceContext(
            branch=BranchInfo(code=p.branch_code, name=p.branch_name, bank_name=p.bank.name_zh,
                              instant_issue=p.instant_issue),
            branch_code=p.branch_code, counter_id=p.counter_id, teller=teller,
            central=self.central, store=IssuanceStore(self.store, p.branch_code),
            slot=self.card_slot, journals=FileJournalStore(folder / "perso-journal"),
            printer=printer or card_printer,
            custody=StockCustody(self.stock_desk(teller).stock),
            pin_pad=self.pin_pad, city_code=p.city_code, limits=p.offline,
            sync_status=self.status_for(teller),
            free_disk_mb=lambda: shutil.disk_usage(folder).free / 1e6))

    @property
    def pin_pad(self) -> PinPad | None:
        """The profile's ``devices.pin_pad`` (None: the screen asks in a masked dialog); a
        test's or the demo's pad wins."""
        if self.fakes.pin_pad is not None:
            return self.fakes.pin_pad
        if self.profile.devices.pin_pad == "demo":
            if self._pin_pad is None:
                from counter_app.devices.pinpad import DemoPinPad

                self._pin_pad = DemoPinPad()
            return self._pin_pad
        return None

    def presence_source(self) -> PresencePort | None:
        """The card layer's reader monitor for the two slots of this counter."""
        if self.fakes.no_presence:
            return None
        if self.fakes.presence is not None:
            return self.fakes.presence
        return PresenceSource([self.profile.readers.card, self.profile.readers.psam])

    def close(self) -> None:
        if self._audit_watch is not None:
            self._audit_watch.stop()
        if self._sync is not None:
            self._sync.stop()
        close = getattr(self._central, "close", None)
        if close is not None:
            close()
        self.store.close()


class CardLayerReader:
    """Adapts the card layer (pyscard, the SSSE application) to the workflows' card-reader port."""

    def __init__(self, card_reader: str, psam_reader: str, city_code: str) -> None:
        self.readers = (card_reader, psam_reader, city_code)

    @property
    def name(self) -> str:
        return self.readers[0]

    def read(self) -> CardData:
        from counter_app.card.service import CardConfig, CardService

        card, psam, city = self.readers
        return CardService(CardConfig(card_reader=card, psam_reader=psam, city_code=city)).read_card()


class CardLayerChip:
    """Adapts the card layer to the workflows' chip port (PINs, the holder data write).

    ``service`` runs an operation in one card session (``CardService`` on pcscd, or the
    in-process emulator for the tour); the PIN's digits are taken from the ``PinEntry``
    only here, on their way to the chip."""

    def __init__(self, card_reader: str = "", psam_reader: str = "", city_code: str = "330200",
                 *, service: Any = None, name: str = "") -> None:
        if service is None:
            from counter_app.card.service import CardConfig, CardService

            service = CardService(CardConfig(card_reader=card_reader, psam_reader=psam_reader,
                                             city_code=city_code))
        self.service = service
        self._name = name or card_reader

    @property
    def name(self) -> str:
        return self._name

    def read(self) -> CardData:
        data: CardData = self.service.call(lambda card: card.read_card_data())
        return data

    def _pin_op(self, op: Callable[[Any], None]) -> None:
        def body(card: Any) -> None:
            card.select()
            op(card)

        self.service.call(body)

    def verify_pin(self, pin: PinEntry) -> None:
        self._pin_op(lambda card: card.verify_pin(pin.digits()))

    def change_pin(self, old: PinEntry, new: PinEntry) -> None:
        self._pin_op(lambda card: card.change_pin(old.digits(), new.digits()))

    def unblock_pin(self, new: PinEntry) -> None:
        self._pin_op(lambda card: card.unblock_pin(new.digits()))

    def activate(self, card_no: str) -> ChipFunctions:
        from counter_app.card.layout import FUNCTIONS_ALL
        from counter_app.domain.errors import CounterError as WrongCard

        def body(card: Any) -> int:
            if card.read_card_data().card_number != card_no:  # selects SSSE too
                raise WrongCard(QT_TR_NOOP("读卡器中的卡片不是要启用的卡片，请插入该持卡人的卡片。"),
                                code="CARD_WRONG_CARD")
            card.activate(FUNCTIONS_ALL)
            return int(card.functions())

        return _chip_functions(self.service.call(body))

    def functions(self) -> ChipFunctions:
        def body(card: Any) -> int:
            card.select()
            return int(card.functions())

        return _chip_functions(self.service.call(body))

    def write_holder(self, fields: HolderFields) -> CardData:
        from counter_app.card.holder import write_holder_records

        self.service.call(lambda card: write_holder_records(card, name=fields.name,
                                                            nation=fields.nation))
        return self.read()


def _chip_functions(byte: int) -> ChipFunctions:
    from counter_app.card.layout import FUNCTION_FINANCIAL, FUNCTION_SOCIAL
    from counter_app.devices.sschip import ChipFunctions

    return ChipFunctions(social=bool(byte & FUNCTION_SOCIAL),
                         financial=bool(byte & FUNCTION_FINANCIAL))


def emulated_chip(card_file: Path, *, city_code: str = "330200") -> CardLayerChip:
    """The demo's chip: the card emulator in process (no pcscd), with a test PSAM, for the
    guided tour's PIN and card services. The card state file lives in the demo state dir."""
    from counter_app.card.emulator.inprocess import InProcessCardService

    return CardLayerChip(service=InProcessCardService(card_file, city_code=city_code),
                         name=QT_TR_NOOP("演示社保卡读卡器（内置卡片模拟器）"))


class CardLayerBlankReader:
    """Adapts the card layer to the stock's blank-card port: the ATR gives the chip serial,
    the lifecycle byte says whether the card is still blank (personalising)."""

    def __init__(self, card_reader: str, psam_reader: str, city_code: str) -> None:
        self.readers = (card_reader, psam_reader, city_code)

    @property
    def name(self) -> str:
        return self.readers[0]

    def read_blank(self) -> BlankChip:
        from counter_app.card.layout import LIFECYCLE_PERSONALISING
        from counter_app.card.service import CardConfig, CardService
        from counter_app.card.ssse import SsseCard
        from counter_app.devices.blank_card import BlankChip, NotBlankError, chip_serial_of

        def read(card: SsseCard) -> tuple[bytes, int]:
            card.select()
            return bytes(card.atr), card.lifecycle()

        card, psam, city = self.readers
        atr, lifecycle = CardService(CardConfig(card_reader=card, psam_reader=psam,
                                                city_code=city)).call(read)
        if lifecycle != LIFECYCLE_PERSONALISING:
            raise NotBlankError()
        return BlankChip(atr.hex().upper(), chip_serial_of(atr))


class PresenceSource:
    """Adapts the card layer's monitor to the status bar's start(callback)/stop() protocol."""

    def __init__(self, reader_names: list[str]) -> None:
        self.reader_names = reader_names
        self.monitor: Any = None

    def start(self, callback: Callable[[dict[str, Any]], None]) -> None:
        from counter_app.card.presence import PresenceMonitor

        self.monitor = PresenceMonitor(self.reader_names, callback)
        self.monitor.start()

    def stop(self) -> None:
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor = None


def make_sync_worker(profile: BranchProfile, store: Store, central: CentralApi) -> SyncWorker:
    """The outbox sync worker, with pulled updates stored locally (nothing pulled is dropped)."""
    from counter_app.central.sync import SyncWorker
    from counter_app.store.central_updates import StoreUpdateSink
    from counter_app.store.outbox_repo import StoreOutboxRepository

    return SyncWorker(StoreOutboxRepository(store), central, branch_code=profile.branch_code,
                      sink=StoreUpdateSink(store))


def key_account(profile: BranchProfile) -> str:
    """The name of this database's data key in the OS key store."""
    return f"{profile.branch_code}/{profile.counter_id}:{profile.database}"


def day_end_context_for(profile: BranchProfile, store: Store,
                        central: Callable[[], object] | None = None) -> DayEndContext:
    """What the day-end reads (the counter's page and ``counter-app report day-end``), where
    the counter's day summary is queued (the outbox) and, with ``central``, whom to ask for
    the branch-wide sum."""
    from counter_app.printing import BranchInfo
    from counter_app.store.day_end import SqlDayEnd
    from counter_app.store.fees import SqlFees
    from counter_app.workflows.day_end import DayEndContext

    stock = None
    if profile.instant_issue:
        from counter_app.store.stock import SqlBlankStock

        stock = SqlBlankStock(store)
    branch = BranchInfo(code=profile.branch_code, name=profile.branch_name,
                        bank_name=profile.bank.name_zh, instant_issue=profile.instant_issue)
    from counter_app.store.outbox_repo import StoreOutboxRepository

    return DayEndContext(repo=SqlDayEnd(store), fees=SqlFees(store), branch=branch,
                         counter_id=profile.counter_id, stock=stock,
                         outbox=StoreOutboxRepository(store), central=central)


def open_profile_store(profile: BranchProfile, *, exclusive: bool) -> Store:
    # a database that already holds data keeps its key: a missing key is lost, never replaced
    has_data = profile.database.exists() and profile.database.stat().st_size > 0
    try:
        key, _where = load_data_key(profile.security.key_store, profile.security.key_file,
                                    key_account(profile), create=not has_data)
    except DataKeyLostError:
        inspect_store(profile.database, None)  # a corrupt file is named as such, not as a lost key
        raise
    cipher = DataCipher(key)
    from counter_app.updates import current_version, rolled_back_at_open, unusable_version

    if (unusable := unusable_version(update_paths(profile))) is not None:
        raise unusable  # this version already failed to migrate this database: not again
    try:
        return open_store(profile.database, cipher, exclusive=exclusive)
    except StoreUpgradeRolledBack as error:  # restored; the previous program must come back
        raise rolled_back_at_open(
            update_paths(profile), version=current_version(), backup=error.backup.name,
            schema_before=error.schema_before, schema_after=error.schema_before,
            reason=error.reason) from error


def central_client(profile: BranchProfile) -> HttpCentralClient:
    from counter_app.central.client import HttpCentralClient
    from counter_app.central.timeouts import Timeouts

    c = profile.central

    def text(path: Path | None) -> str | None:
        return str(path) if path else None

    return HttpCentralClient(
        c.base_url,
        timeouts=Timeouts(connect=c.connect_timeout_s, read=c.read_timeout_s,
                          health=min(c.read_timeout_s, max(1.0, c.health_interval_s))),
        ca_file=text(c.ca_file),
        client_cert=text(c.client_cert),
        client_key=text(c.client_key),
        client_id=f"{profile.branch_code}/{profile.counter_id}",
    )


def update_paths(profile: BranchProfile) -> UpdatePaths:
    from counter_app.updates import UpdatePaths

    return UpdatePaths(profile.updates.folder)


def program_folder(profile: BranchProfile) -> FolderSwap | None:
    """The program folder an update may replace: the profile's, else the frozen build's own;
    None when this account may not write it (a .deb under /opt, an MSI under Program Files:
    the platform installer's part, docs/updates.md) or when running from source."""
    from counter_app.updates import FolderSwap

    where = profile.updates.install_dir or (
        Path(sys.executable).parent if getattr(sys, "frozen", False) else None)
    if where is None or not where.is_dir():
        return None
    if not (os.access(where, os.W_OK) and os.access(where.parent, os.W_OK)):
        return None
    return FolderSwap(where)


def install_pending_update(profile: BranchProfile) -> str | None:
    """Install a staged update (database backed up, migrated, rolled back on failure).
    Returns what the teller is told when the previous version carries on."""
    paths = update_paths(profile)
    if not paths.pending.exists():
        return None  # the usual start: nothing imported, nothing read
    program = program_folder(profile)
    if program is None:
        log.warning("update staged, but the program folder is not writable here: "
                    "left to the platform installer")
        return None
    from counter_app.updates import apply_pending, current_version

    outcome = apply_pending(paths, database=profile.database, current_version=current_version(),
                            program=program)
    if outcome is None or not outcome.restart_needed:
        return outcome.message_zh if outcome is not None and outcome.state != "discarded" else None
    exe = program.install_dir / Path(sys.executable).name
    if getattr(sys, "frozen", False) and exe.is_file():
        log.info("update %s installed: restarting into it", outcome.version)
        os.execv(exe, [str(exe), *sys.argv[1:]])  # the new version records the outcome
    from counter_app.updates import UpdateInstalled

    raise UpdateInstalled(zh("{outcome}请重新启动柜面程序以使用新版本。", outcome=outcome.message_zh))


def record_update_outcome(profile: BranchProfile, store: Store) -> str | None:
    """The audit entry of the last install (applied, rolled back), once the store is open."""
    from counter_app.store.audit import append_audit
    from counter_app.updates import read_outcomes

    message: str | None = None
    for path, outcome in read_outcomes(update_paths(profile)):  # oldest first
        detail = {k: outcome.get(k) for k in ("version", "from_version", "backup",
                                               "schema_before", "schema_after", "reason")}
        with store.write(durable=True) as s:
            append_audit(s, store.cipher, "system", f"update.{outcome.get('state')}", **detail)
        path.unlink(missing_ok=True)
        if outcome.get("message_zh") and outcome.get("state") != "discarded":
            message = "\n".join(filter(None, (message, str(outcome["message_zh"]))))
    return message


def build_services(profile: BranchProfile, *, exclusive: bool = True, start_sync: bool = False,
                   fakes: Fakes | None = None) -> Services:
    if exclusive:  # a root service's install (.deb), to the audit log below
        from counter_app.update_handoff import collect_outcome

        collect_outcome(update_paths(profile))
    notice = install_pending_update(profile) if exclusive else None  # before the store opens
    store = open_profile_store(profile, exclusive=exclusive)
    if exclusive:
        notice = record_update_outcome(profile, store) or notice
    from counter_app.store.tellers import SqlTellerRepository

    auth = TellerAuth(
        SqlTellerRepository(store),
        LoginPolicy(profile.security.max_login_failures, profile.security.lockout_minutes),
        profile.counter_id,
        second_factor=profile.security.supervisor_second_factor,
        branch_code=profile.branch_code,
        authorisers=lambda: authorising_roles(profile.opening_hours, china_now()),
    )
    auth.ensure_first_admin()
    if profile.demo:
        auth.seed_demo_accounts()
    services = Services(profile, store, auth, fakes)
    services.update_notice = notice
    services.audit_watch.check_at_start()  # incremental from the checkpoint: stays fast
    if start_sync:
        services.start_sync()
    return services


def build_from_file(path: Path, *, state_dir: Path | None = None) -> Services:
    return build_services(load_profile(path, state_dir=state_dir))
