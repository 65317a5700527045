"""First-run setup (首次配置), Qt-free: what an administrator answers on a PC with no branch
profile, the checks and live tests, and the profile it writes.

The graphical wizard (``counter_app/ui/setup``) renders :class:`SetupWizard` step by step;
``counter-app setup --from FILE`` (``counter_app/setup_cli.py``) runs the same checks
(:func:`preflight`) over a profile IT prepared. Both write with :func:`write_profile`.

The central, the readers and the time come through :class:`SetupProbe`, built by the caller
(this layer reaches neither HTTP nor PC/SC itself).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from counter_app.domain.banks import PARTNER_BANKS
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.private_files import replace_private
from counter_app.profile import BranchProfile, ProfileError, is_loopback_url, parse_profile, state_root
from counter_app.workflows.setup.certs import CertProblem, check_ca, check_client_pair

STEPS = ("central", "branch", "devices", "review")
STEP_TITLES_ZH = {"central": QT_TR_NOOP("中心系统与证书"), "branch": QT_TR_NOOP("银行与网点"),
                  "devices": QT_TR_NOOP("读卡器与打印机"), "review": QT_TR_NOOP("检测并保存")}

BRANCH_CODE = re.compile(r"[A-Z0-9-]{4,32}")  # the profile's branch.code rule
COUNTER_ID = re.compile(r"[0-9A-Za-z]{1,8}")  # the profile's branch.counter_id rule
# who the setup says it is to the loopback reference central before the branch is known
SETUP_CLIENT_ID = "SETUP/00"


@dataclass(frozen=True)
class BranchChoice:
    code: str
    name_zh: str
    bank_code: str
    instant_issue: bool


@dataclass(frozen=True)
class CentralAnswers:
    url: str
    ca_file: Path | None = None
    client_cert: Path | None = None
    client_key: Path | None = None


class SetupProbe(Protocol):
    """What the setup asks of the world. Each raises a CounterError with a Chinese reason."""

    def central_branches(self, central: CentralAnswers, client_id: str,
                         bank_code: str | None) -> list[BranchChoice]: ...

    def central_health(self, central: CentralAnswers, client_id: str) -> float: ...  # latency, ms

    def readers(self) -> list[str]: ...


@dataclass(frozen=True)
class Problem:
    field: str
    message_zh: str


@dataclass(frozen=True)
class TestResult:
    key: str
    title_zh: str
    ok: bool
    detail_zh: str


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _toml_string(value: str) -> str:
    # JSON's escapes (\" \\ \n \uXXXX) are TOML basic-string escapes too
    return json.dumps(value, ensure_ascii=False)


@dataclass
class SetupAnswers:
    central_url: str = ""
    ca_file: str = ""
    client_cert: str = ""
    client_key: str = ""
    bank: str = ""
    branch_code: str = ""
    branch_name: str = ""
    instant_issue: bool = False
    counter_id: str = "01"
    card_reader: str = ""
    psam_reader: str = ""
    document_printer: str = ""
    card_face_printer: str = ""

    def profile_text(self, written_at: dt.datetime) -> str:
        s = _toml_string
        return "\n".join([
            f"# 网点配置文件：由 counter-app setup 于 {written_at:%Y-%m-%d %H:%M} UTC 写入。",  # i18n: data
            "# 每一项的含义与默认值见 docs/profile.md；未写出的项取默认值。",  # i18n: data (the file's comments)
            "",
            "[branch]",
            f"code = {s(self.branch_code)}",
            f"name = {s(self.branch_name)}",
            f"bank = {s(self.bank)}",
            f"instant_issue = {'true' if self.instant_issue else 'false'}",
            f"counter_id = {s(self.counter_id)}",
            "",
            "[central]",
            f"base_url = {s(self.central_url)}",
            f"ca_file = {s(self.ca_file)}",
            f"client_cert = {s(self.client_cert)}",
            f"client_key = {s(self.client_key)}",
            "",
            "[readers]",
            f"card = {s(self.card_reader)}",
            f"psam = {s(self.psam_reader)}",
            "",
            "[printers]",
            f"document = {s(self.document_printer)}",
            f"card_face = {s(self.card_face_printer)}",
            "",
        ])


def parse_profile_text(text: str, source: Path | None = None) -> BranchProfile:
    """The profile the text describes, validated exactly as at start (ProfileError)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(QT_TR_NOOP("(语法)"), zh("不是有效的 TOML：{error}", error=exc),
                           str(source or "")) from exc
    return parse_profile(raw, source=source)


def central_of(profile: BranchProfile) -> CentralAnswers:
    c = profile.central
    return CentralAnswers(c.base_url, c.ca_file, c.client_cert, c.client_key)


def check_central_files(central: CentralAnswers, now: dt.datetime) -> tuple[list[Problem], str | None, str | None]:
    """The TLS files checked; also the branch code and counter id the client certificate names."""
    problems: list[Problem] = []
    cn = ou = None
    https = central.url.startswith("https://")
    if not https and not is_loopback_url(central.url):
        problems.append(Problem("central_url", QT_TR_NOOP("中心系统地址必须使用 https（专线上的中心）；"
                                                          "只有本机回环地址上的参考中心可以用 http")))
    if https and central.ca_file is None:
        problems.append(Problem("ca_file", QT_TR_NOOP("请选择中心的 CA 证书文件")))
    if https and (central.client_cert is None or central.client_key is None):
        problems.append(Problem("client_cert", QT_TR_NOOP("请选择本网点的客户端证书和私钥文件（双向 TLS）")))
    if not https and (central.ca_file or central.client_cert or central.client_key):
        problems.append(Problem("central_url", QT_TR_NOOP("配置了证书时中心系统地址必须使用 https")))
    try:
        if central.ca_file is not None:
            check_ca(central.ca_file, now)
        if central.client_cert is not None and central.client_key is not None:
            info = check_client_pair(central.client_cert, central.client_key, now)
            cn, ou = info.subject_cn, info.subject_ou
    except CertProblem as problem:
        problems.append(Problem(problem.field, problem.message_zh))
    return problems, cn, ou


def preflight(profile: BranchProfile, probe: SetupProbe, *, test: bool,
              now: dt.datetime | None = None) -> tuple[list[Problem], list[TestResult]]:
    """The checks before a profile is written: its TLS files, the client certificate naming this
    branch, and (``test``) the central reached with those files and knowing the branch, and the
    readers attached."""
    central = central_of(profile)
    problems, cn, _ou = check_central_files(central, now or utc_now())
    if cn is not None and cn != profile.branch_code:
        problems.append(Problem("branch_code", zh("客户端证书属于网点 {cert_branch}，与配置的网点 {branch_code} 不符"
                                                  "（中心按证书识别网点，会拒绝请求）", cert_branch=cn,
                                                  branch_code=profile.branch_code)))
    if problems or not test:
        return problems, []
    return problems, live_tests(profile, probe)


def live_tests(profile: BranchProfile, probe: SetupProbe) -> list[TestResult]:
    central = central_of(profile)
    client_id = f"{profile.branch_code}/{profile.counter_id}"
    results: list[TestResult] = []
    try:
        latency = probe.central_health(central, client_id)
        branches = probe.central_branches(central, client_id, profile.bank.code)
    except CounterError as error:
        results.append(TestResult("central", QT_TR_NOOP("中心系统"), False,
                                  zh("{url}：{reason}", url=central.url, reason=error.message_zh)))
    else:
        results.append(TestResult("central", QT_TR_NOOP("中心系统"), True,
                                  zh("{url} 可以连接（{latency:.0f} ms），证书被接受",
                                     url=central.url, latency=latency)))
        known = {b.code: b for b in branches}
        found = known.get(profile.branch_code)
        if found is None:
            results.append(TestResult("branch", QT_TR_NOOP("网点"), False,
                                      zh("中心的{bank}网点名录中没有 {branch_code}",
                                         bank=profile.bank.name_zh, branch_code=profile.branch_code)))
        elif found.instant_issue != profile.instant_issue:
            kind = QT_TR_NOOP("即办") if found.instant_issue else QT_TR_NOOP("非即办")
            results.append(TestResult("branch", QT_TR_NOOP("网点"), False,
                                      zh("中心登记 {code} 为{kind}网点，与配置的 instant_issue 不符",
                                         code=found.code, kind=kind)))
        else:
            results.append(TestResult("branch", QT_TR_NOOP("网点"), True,
                                      zh("{code} {name}（{kind}）", code=found.code, name=found.name_zh,
                                         kind=profile.kind_zh)))
    try:
        attached = probe.readers()
    except CounterError as error:
        attached = None
        reason = error.message_zh
    for key, title, name in (("card_reader", QT_TR_NOOP("卡槽读卡器"), profile.readers.card),
                             ("psam_reader", QT_TR_NOOP("PSAM 读卡器"), profile.readers.psam)):
        if attached is None:
            results.append(TestResult(key, title, False, zh("无法列出读卡器：{reason}", reason=reason)))
        elif name in attached:
            results.append(TestResult(key, title, True, zh("“{name}”已连接", name=name)))
        else:
            listed = "、".join(attached) or QT_TR_NOOP("无")
            results.append(TestResult(key, title, False, zh("未找到读卡器“{name}”（已连接：{listed}）",
                                                            name=name, listed=listed)))
    return results


def printer_tests(profile: BranchProfile, printers: list[str]) -> list[TestResult]:
    results = []
    for key, title, name in (("document_printer", QT_TR_NOOP("申请表、回执打印机"), profile.printers.document),
                             ("card_face_printer", QT_TR_NOOP("卡面打印机"), profile.printers.card_face)):
        if key == "card_face_printer" and (not name or name.startswith("pdf:")):
            # no card printer: the faces are written as PDF files (profile printers.card_face)
            results.append(TestResult(key, title, True, QT_TR_NOOP("未接卡面打印机：卡面存为 PDF 文件")))
        elif name:
            ok = name in printers
            results.append(TestResult(key, title, ok, zh("“{name}”可用", name=name) if ok
                                      else zh("“{name}”未找到（已被删除或改名？）", name=name)))
        elif printers:
            results.append(TestResult(key, title, True, QT_TR_NOOP("使用系统默认打印机")))
        else:  # nothing to print on yet; documents can still be saved as PDF, so not a failure
            results.append(TestResult(key, title, True,
                                      QT_TR_NOOP("使用系统默认打印机（本机尚未添加打印机，可先另存为 PDF）")))
    return results


def write_profile(path: Path, text: str) -> Path:
    """Atomically (a reader sees the old profile or the new, never half of one), through a file
    only this account can open while it is written. A per-account profile (under the state
    directory) stays owner-only; the machine-wide one is then made readable by every account
    (tellers sign in under their own accounts; it holds no secret, the client key is a file of
    its own), writable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_private(path, text.encode("utf-8"))
    if os.name == "posix" and not path.resolve().is_relative_to(state_root().resolve()):
        os.chmod(path, 0o644)
    return path


# why the branch list could not be had, as the administrator setting up reads it: the teller's
# messages for these errors speak of saving business for later upload, or of a business that
# may have gone through, neither of which means anything here
OFFLINE_REASON_ZH = {
    "CENTRAL_LINE_DOWN": QT_TR_NOOP("无法连接中心系统：专线中断、地址有误或中心停机"),
    "CENTRAL_TIMEOUT": QT_TR_NOOP("中心系统响应超时"),
}


@dataclass
class SetupWizard:
    """The steps of the graphical setup over one :class:`SetupAnswers`."""

    probe: SetupProbe
    now: Callable[[], dt.datetime] = utc_now
    answers: SetupAnswers = field(default_factory=SetupAnswers)
    branch_list: list[BranchChoice] | None = None  # None: the central could not be asked
    offline_reason_zh: str = ""
    cert_branch: str | None = None  # CN / OU of the client certificate, once checked
    cert_counter: str | None = None
    results: list[TestResult] = field(default_factory=list)

    # -- step 1: the central -----------------------------------------------------------------
    def submit_central(self, url: str, ca_file: str, client_cert: str, client_key: str) -> list[Problem]:
        url = url.strip().rstrip("/")
        paths = [p.strip() for p in (ca_file, client_cert, client_key)]
        if not re.match(r"^https?://[^\s/]+", url):
            return [Problem("central_url", QT_TR_NOOP("请输入 http:// 或 https:// 开头的中心系统地址"))]
        for name, given in zip(("ca_file", "client_cert", "client_key"), paths, strict=True):
            if given and not Path(given).is_absolute():
                return [Problem(name, zh("请填写完整路径（从盘符或 / 开始）：{given}", given=given))]
        central = CentralAnswers(url, *(Path(p) if p else None for p in paths))
        problems, self.cert_branch, self.cert_counter = check_central_files(central, self.now())
        if problems:
            return problems
        self.answers.central_url = url
        self.answers.ca_file, self.answers.client_cert, self.answers.client_key = paths
        if self.cert_branch and not self.answers.branch_code:
            self.answers.branch_code = self.cert_branch
        if self.cert_counter and COUNTER_ID.fullmatch(self.cert_counter):
            self.answers.counter_id = self.cert_counter
        try:
            self.branch_list = self.probe.central_branches(central, self._client_id(), None)
            self.offline_reason_zh = ""
        except CounterError as error:  # offline: the branch code is typed and checked by format
            self.branch_list = None
            self.offline_reason_zh = OFFLINE_REASON_ZH.get(error.code, error.message_zh.rstrip("。"))
        return []

    def _client_id(self) -> str:
        # over TLS the certificate names the caller; on loopback the header must name someone
        if self.cert_branch:
            return f"{self.cert_branch}/{self.cert_counter or self.answers.counter_id}"
        return SETUP_CLIENT_ID

    # -- step 2: bank, branch, counter -------------------------------------------------------
    def branches_of(self, bank_code: str) -> list[BranchChoice]:
        return [b for b in self.branch_list or [] if b.bank_code == bank_code]

    def choice(self, code: str) -> BranchChoice | None:
        return next((b for b in self.branch_list or [] if b.code == code), None)

    def submit_branch(self, bank: str, code: str, name: str, instant_issue: bool,
                      counter_id: str) -> list[Problem]:
        code, name, counter_id = code.strip().upper(), name.strip(), counter_id.strip()
        problems: list[Problem] = []
        if bank not in PARTNER_BANKS:
            problems.append(Problem("bank", QT_TR_NOOP("请选择合作银行")))
        if self.branch_list is not None and bank in PARTNER_BANKS:
            found = self.choice(code)
            if found is None or found.bank_code != bank:
                problems.append(Problem("branch_code", zh("请从中心的{bank}网点名录中选择网点",
                                                          bank=PARTNER_BANKS[bank].name_zh)))
            else:
                name = name or found.name_zh
        elif not BRANCH_CODE.fullmatch(code):
            problems.append(Problem("branch_code", QT_TR_NOOP("网点代码应为 4–32 位大写字母、数字或连字符")))
        if not name and not problems:  # a branch refused above is the problem to fix first
            problems.append(Problem("branch_name", QT_TR_NOOP("请输入网点名称（打印在申请表和回执上）")))
        if not COUNTER_ID.fullmatch(counter_id):
            problems.append(Problem("counter_id", QT_TR_NOOP("柜台号应为 1–8 位字母或数字")))
        if self.cert_branch and code and code != self.cert_branch:
            problems.append(Problem("branch_code", zh("客户端证书属于网点 {cert_branch}，与所选网点 {code} 不符",
                                                      cert_branch=self.cert_branch, code=code)))
        if problems:
            return problems
        a = self.answers
        a.bank, a.branch_code, a.branch_name = bank, code, name
        a.instant_issue, a.counter_id = instant_issue, counter_id
        return []

    # -- step 3: devices ---------------------------------------------------------------------
    def readers(self) -> tuple[list[str], str]:
        """The attached readers, and why there are none when PC/SC cannot be asked."""
        try:
            return self.probe.readers(), ""
        except CounterError as error:
            return [], error.message_zh

    def submit_devices(self, card_reader: str, psam_reader: str, document_printer: str,
                       card_face_printer: str) -> list[Problem]:
        problems: list[Problem] = []
        if not card_reader:
            problems.append(Problem("card_reader", QT_TR_NOOP("请选择放客户社保卡的读卡器")))
        if not psam_reader:
            problems.append(Problem("psam_reader", QT_TR_NOOP("请选择放网点 PSAM 卡的读卡器")))
        if card_reader and card_reader == psam_reader:
            problems.append(Problem("psam_reader", QT_TR_NOOP("PSAM 读卡器不能与卡槽读卡器相同")))
        if problems:
            return problems
        a = self.answers
        a.card_reader, a.psam_reader = card_reader, psam_reader
        a.document_printer, a.card_face_printer = document_printer, card_face_printer
        return []

    # -- step 4: test, then write ------------------------------------------------------------
    def profile_text(self) -> str:
        return self.answers.profile_text(self.now())

    def run_tests(self, printers: list[str] | None = None) -> tuple[list[Problem], list[TestResult]]:
        """``printers``: the printers the system lists now (the window asks Qt), each chosen one
        checked against them; None where nobody can ask (no printer results then)."""
        try:
            profile = parse_profile_text(self.profile_text())
        except ProfileError as error:
            return [Problem(error.key, error.message_zh)], []
        problems, results = preflight(profile, self.probe, test=True, now=self.now())
        if not problems and printers is not None:
            results += printer_tests(profile, printers)
        self.results = results
        return problems, self.results

    @property
    def tests_passed(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results)

    def write(self, path: Path) -> Path:
        text = self.profile_text()
        parse_profile_text(text, source=path)  # never write what the application would refuse
        return write_profile(path, text)
