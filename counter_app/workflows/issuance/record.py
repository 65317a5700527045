"""The instant issuance's typed record: one per accepted application, step by step.

Stored (encrypted) after every change, so a failed or interrupted issuance resumes at the
first step not done (DOMAIN.md lesson 3). It holds ids, codes and states only: the card
data the chip receives comes from the central each time it is needed, and no PIN is ever
part of it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.texts import QT_TR_NOOP

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    POWER_ON = "power_on"
    MARK = "mark"
    PERSONALISE = "personalise"
    PRINT_FACE = "print_face"
    VERIFY = "verify"
    REPORT = "report"
    ACTIVATE = "activate"
    PIN = "pin"
    RECEIPT = "receipt"


STEPS: tuple[Step, ...] = tuple(Step)

STEP_TITLES_ZH: dict[Step, str] = {
    Step.POWER_ON: QT_TR_NOOP("检测空白卡"),
    Step.MARK: QT_TR_NOOP("中心分配卡号"),
    Step.PERSONALISE: QT_TR_NOOP("写入芯片"),
    Step.PRINT_FACE: QT_TR_NOOP("打印卡面"),
    Step.VERIFY: QT_TR_NOOP("读卡核验"),
    Step.REPORT: QT_TR_NOOP("上报制卡结果"),
    Step.ACTIVATE: QT_TR_NOOP("启用社保与金融功能"),
    Step.PIN: QT_TR_NOOP("持卡人设置密码"),
    Step.RECEIPT: QT_TR_NOOP("出具回执"),
}

# what the teller or the holder does with the hardware for each step
STEP_INSTRUCTIONS_ZH: dict[Step, str] = {
    Step.POWER_ON: QT_TR_NOOP("请插入空白卡（芯片朝上插入制卡读卡器）"),
    Step.MARK: QT_TR_NOOP("无需操作，系统向中心申请卡号与制卡数据"),
    Step.PERSONALISE: QT_TR_NOOP("请勿移动卡片，芯片写入中"),
    Step.PRINT_FACE: QT_TR_NOOP("请将卡片放入卡面打印机"),
    Step.VERIFY: QT_TR_NOOP("请将打印好的卡片插回读卡器"),
    Step.REPORT: QT_TR_NOOP("无需操作，系统向中心上报制卡结果"),
    Step.ACTIVATE: QT_TR_NOOP("无需操作，系统启用社保功能与金融功能"),
    Step.PIN: QT_TR_NOOP("请持卡人在密码键盘上输入6位数字密码（两次）"),
    Step.RECEIPT: QT_TR_NOOP("请取出卡片，连同回执交持卡人"),
}


class StepStatus(enum.StrEnum):
    TODO = "todo"
    RUNNING = "running"  # on disk after a crash: the step's outcome is unknown, redo it
    DONE = "done"
    FAILED = "failed"  # stopped; the message says what to do
    WAITING = "waiting"  # done locally, waiting for the line (report queued)
    MANUAL = "manual"  # the face goes to the manual face-print path


class Outcome(enum.StrEnum):
    OPEN = "open"
    ISSUED = "issued"  # written, verified, acknowledged, activated, PIN set
    CANCELLED = "cancelled"  # compensating cancel at the central: no card for now


@dataclass(frozen=True)
class StepState:
    step: Step
    status: StepStatus = StepStatus.TODO
    code: str = ""
    message: str = ""
    at: str = ""


@dataclass(frozen=True)
class SpoiledBlank:
    """A blank given up during this issuance: recorded, reported, never issued."""

    serial: str
    reason: str
    supervisor: str
    at: str
    reported: bool = False  # the central voided its card number
    report_op: str = ""


@dataclass(frozen=True)
class IssuanceRecord:
    application_no: str  # the counter's printed number
    central_application_id: str
    teller: str
    started_at: str
    steps: tuple[StepState, ...] = field(
        default_factory=lambda: tuple(StepState(s) for s in STEPS))
    blank_serial: str = ""  # the chip serial (ATR, hex) of the blank in use
    card_no: str = ""
    script_id: str = ""
    mark_op: str = ""  # idempotency keys, saved before each call
    result_op: str = ""
    activation_op: str = ""
    cancel_op: str = ""
    face_pdf_sha: str = ""
    face_manual: bool = False
    spoiled: tuple[SpoiledBlank, ...] = ()
    outcome: Outcome = Outcome.OPEN
    finished_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # opaque codes for support

    def state_of(self, step: Step) -> StepState:
        return next(s for s in self.steps if s.step is step)

    def done(self, step: Step) -> bool:
        return self.state_of(step).status in (StepStatus.DONE, StepStatus.MANUAL)

    def first_not_done(self) -> Step | None:
        return next((s.step for s in self.steps
                     if s.status not in (StepStatus.DONE, StepStatus.MANUAL)), None)

    @property
    def chip_written(self) -> bool:
        return self.done(Step.PERSONALISE)
