"""The Qt-free first-run setup: the TLS file checks, each step's refusals, the tests it runs and
the profile it writes (against an in-memory probe; the real central and readers are in
tests/integration/setup and tests/ui/setup)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from counter_app.domain.errors import CounterError
from counter_app.profile import load_profile
from counter_app.workflows.setup.certs import CertProblem, check_ca, check_client_pair
from counter_app.workflows.setup.paths import machine_profile_path
from counter_app.workflows.setup.wizard import (
    BranchChoice,
    CentralAnswers,
    SetupWizard,
    parse_profile_text,
    preflight,
    write_profile,
)

NOW = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)
BRANCHES = [BranchChoice("ICBC-NB-0101", "工商银行宁波鼓楼支行", "ICBC", True),
            BranchChoice("ICBC-NB-0102", "工商银行宁波江东支行", "ICBC", False),
            BranchChoice("CCB-NB-0201", "建设银行宁波海曙支行", "CCB", False)]


@dataclass
class FakeProbe:
    branches: list[BranchChoice] | None = field(default_factory=lambda: list(BRANCHES))
    attached: list[str] | None = field(default_factory=lambda: ["Reader A", "Reader B"])
    asked: list[tuple[str, str | None]] = field(default_factory=list)

    def central_branches(self, central: CentralAnswers, client_id: str, bank_code: str | None) -> list[BranchChoice]:
        self.asked.append((client_id, bank_code))
        if self.branches is None:
            raise CounterError("无法连接中心系统（专线中断）", code="CENTRAL_LINE_DOWN")
        return [b for b in self.branches if bank_code in (None, b.bank_code)]

    def central_health(self, central: CentralAnswers, client_id: str) -> float:
        if self.branches is None:
            raise CounterError("无法连接中心系统（专线中断）", code="CENTRAL_LINE_DOWN")
        return 4.2

    def readers(self) -> list[str]:
        if self.attached is None:
            raise CounterError("智能卡服务未运行", code="PCSC_SERVICE")
        return list(self.attached)


# -- certificates made here, so each defect is exactly one -------------------------------------

def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _cert(key: ec.EllipticCurvePrivateKey, cn: str, *, ou: str | None = None, days: tuple[int, int] = (-1, 365),
          issuer_key: ec.EllipticCurvePrivateKey | None = None) -> x509.Certificate:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if ou:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ou))
    name = x509.Name(attrs)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW + dt.timedelta(days=days[0])).not_valid_after(NOW + dt.timedelta(days=days[1]))
            .sign(issuer_key or key, hashes.SHA256()))


def _pem(path: Path, obj: x509.Certificate | ec.EllipticCurvePrivateKey, password: bytes | None = None) -> Path:
    if isinstance(obj, x509.Certificate):
        path.write_bytes(obj.public_bytes(serialization.Encoding.PEM))
    else:
        enc = (serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption())
        path.write_bytes(obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc))
    return path


@pytest.fixture
def tls(tmp_path: Path) -> dict[str, Path]:
    ca_key, key = _key(), _key()
    return {"ca": _pem(tmp_path / "ca.pem", _cert(ca_key, "Test CA")),
            "cert": _pem(tmp_path / "client.pem", _cert(key, "ICBC-NB-0101", ou="07", issuer_key=ca_key)),
            "key": _pem(tmp_path / "client.key", key)}


def test_good_tls_files_pass_and_name_the_branch(tls: dict[str, Path]) -> None:
    assert check_ca(tls["ca"], NOW) == 1
    info = check_client_pair(tls["cert"], tls["key"], NOW)
    assert (info.subject_cn, info.subject_ou) == ("ICBC-NB-0101", "07")


def test_each_defect_of_the_tls_files_is_named(tmp_path: Path, tls: dict[str, Path]) -> None:
    def problem(fn: object, *args: object) -> tuple[str, str]:
        with pytest.raises(CertProblem) as info:
            fn(*args)  # type: ignore[operator]
        return info.value.field, info.value.message_zh

    assert problem(check_ca, tmp_path / "none.pem", NOW) == ("ca_file", f"CA 证书文件不存在：{tmp_path / 'none.pem'}")
    assert problem(check_ca, tmp_path, NOW)[1].startswith("CA 证书路径是目录")
    (tmp_path / "der.pem").write_bytes(b"\x30\x82\x01\x0a garbage")
    assert "不是 PEM 格式" in problem(check_ca, tmp_path / "der.pem", NOW)[1]
    (tmp_path / "bad.pem").write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    assert "不是有效的 PEM 证书" in problem(check_ca, tmp_path / "bad.pem", NOW)[1]
    # one second past the end of validity, and one second before the start
    key = _key()
    expired = _pem(tmp_path / "expired.pem", _cert(key, "ICBC-NB-0101", days=(-30, -1)))
    assert "已过期" in problem(check_client_pair, expired, tls["key"], NOW)[1]
    future = _pem(tmp_path / "future.pem", _cert(key, "ICBC-NB-0101", days=(1, 30)))
    assert "尚未生效" in problem(check_client_pair, future, tls["key"], NOW)[1]
    other = _pem(tmp_path / "other.key", _key())
    assert problem(check_client_pair, tls["cert"], other, NOW) == ("client_key", "私钥与客户端证书不匹配（不是同一对密钥）")
    locked = _pem(tmp_path / "locked.key", key, password=b"secret")
    assert "口令保护" in problem(check_client_pair, tls["cert"], locked, NOW)[1]
    if os.name == "posix" and os.geteuid() != 0:
        tls["key"].chmod(0)
        assert "无法读取" in problem(check_client_pair, tls["cert"], tls["key"], NOW)[1]


def test_validity_boundaries(tmp_path: Path) -> None:
    key = _key()
    cert = _cert(key, "X", days=(-1, 1))
    path = _pem(tmp_path / "c.pem", cert)
    keyf = _pem(tmp_path / "k.pem", key)
    end = cert.not_valid_after_utc
    assert check_client_pair(path, keyf, end).subject_cn == "X"  # valid up to and including its end
    with pytest.raises(CertProblem, match="已过期"):
        check_client_pair(path, keyf, end + dt.timedelta(seconds=1))


def _through_the_steps(wizard: SetupWizard, tls: dict[str, Path]) -> None:
    assert wizard.submit_central("https://central.example:8443/", str(tls["ca"]), str(tls["cert"]),
                                 str(tls["key"])) == []
    assert wizard.answers.branch_code == "ICBC-NB-0101" and wizard.answers.counter_id == "07"
    assert wizard.submit_branch("ICBC", "ICBC-NB-0101", "", True, "07") == []
    assert wizard.submit_devices("Reader A", "Reader B", "", "HP-Card") == []


def test_the_steps_fill_a_profile_the_application_loads(tmp_path: Path, tls: dict[str, Path]) -> None:
    probe = FakeProbe()
    wizard = SetupWizard(probe, now=lambda: NOW)
    _through_the_steps(wizard, tls)
    assert probe.asked == [("ICBC-NB-0101/07", None)]  # the certificate's branch and counter
    assert [b.code for b in wizard.branches_of("ICBC")] == ["ICBC-NB-0101", "ICBC-NB-0102"]
    problems, results = wizard.run_tests()
    assert problems == []
    assert [(r.key, r.ok) for r in results] == [("central", True), ("branch", True), ("card_reader", True),
                                                ("psam_reader", True)]
    assert wizard.tests_passed
    # the printers the system lists now: the chosen card-face printer gone fails, back passes
    problems, results = wizard.run_tests(printers=["Office"])
    assert [(r.key, r.ok, r.detail_zh) for r in results[-2:]] == [
        ("document_printer", True, "使用系统默认打印机"), ("card_face_printer", False, "“HP-Card”未找到（已被删除或改名？）")]
    assert not wizard.tests_passed
    assert wizard.run_tests(printers=["Office", "HP-Card"])[1][-1].ok and wizard.tests_passed
    assert "尚未添加打印机" in wizard.run_tests(printers=[])[1][-2].detail_zh
    wizard.submit_devices("Reader A", "Reader B", "", "")
    assert wizard.run_tests(printers=[])[1][-1].detail_zh == "未接卡面打印机：卡面存为 PDF 文件"
    wizard.submit_devices("Reader A", "Reader B", "", "HP-Card")
    written = wizard.write(tmp_path / "etc" / "profile.toml")
    profile = load_profile(written)
    assert (profile.branch_code, profile.branch_name, profile.bank.code) == ("ICBC-NB-0101", "工商银行宁波鼓楼支行", "ICBC")
    assert (profile.instant_issue, profile.counter_id, profile.demo) == (True, "07", False)
    assert profile.central.base_url == "https://central.example:8443"
    assert profile.central.client_key == tls["key"]
    assert (profile.readers.card, profile.readers.psam) == ("Reader A", "Reader B")
    assert (profile.printers.document, profile.printers.card_face) == ("", "HP-Card")
    assert "2026-11-30 08:00 UTC" in written.read_text(encoding="utf-8")


def test_step_refusals(tls: dict[str, Path]) -> None:
    wizard = SetupWizard(FakeProbe(), now=lambda: NOW)
    assert [p.field for p in wizard.submit_central("central.example", "", "", "")] == ["central_url"]
    assert [p.field for p in wizard.submit_central("http://10.1.2.3:8765", "", "", "")] == ["central_url"]
    https_no_files = wizard.submit_central("https://central.example", "", "", "")
    assert [p.field for p in https_no_files] == ["ca_file", "client_cert"]
    assert [p.field for p in wizard.submit_central("https://c.example", "ca.pem", "", "")] == ["ca_file"]
    _through_the_steps(wizard, tls)
    # a branch of another bank, one not in the list, a certificate of another branch
    assert [p.message_zh for p in wizard.submit_branch("CCB", "ICBC-NB-0101", "", False, "07")] == [
        "请从中心的中国建设银行网点名录中选择网点"]
    refused = wizard.submit_branch("ICBC", "ICBC-NB-0102", "", False, "07")
    assert [p.message_zh for p in refused] == ["客户端证书属于网点 ICBC-NB-0101，与所选网点 ICBC-NB-0102 不符"]
    assert [p.field for p in wizard.submit_branch("ICBC", "ICBC-NB-0101", "", True, "123456789")] == ["counter_id"]
    assert [p.field for p in wizard.submit_branch("", "ICBC-NB-0101", "", True, "07")] == ["bank"]
    assert [p.field for p in wizard.submit_devices("Reader A", "Reader A", "", "")] == ["psam_reader"]
    assert [p.field for p in wizard.submit_devices("", "", "", "")] == ["card_reader", "psam_reader"]


def test_offline_the_branch_code_is_typed_and_checked_by_format(tmp_path: Path) -> None:
    probe = FakeProbe(branches=None)
    wizard = SetupWizard(probe, now=lambda: NOW)
    assert wizard.submit_central("http://127.0.0.1:8765", "", "", "") == []
    assert wizard.branch_list is None and "专线中断" in wizard.offline_reason_zh
    assert probe.asked == [("SETUP/00", None)]
    assert [p.field for p in wizard.submit_branch("NBCB", "nb 01", "宁波银行某支行", False, "1")] == ["branch_code"]
    assert [p.field for p in wizard.submit_branch("NBCB", "NBCB-01", " ", False, "1")] == ["branch_name"]
    assert wizard.submit_branch("NBCB", "nbcb-0301", "宁波银行某支行", False, "1") == []
    assert wizard.answers.branch_code == "NBCB-0301"  # upper-cased as the profile wants
    assert wizard.submit_devices("Reader A", "Reader B", "", "") == []
    problems, results = wizard.run_tests()
    assert problems == [] and [(r.key, r.ok) for r in results] == [
        ("central", False), ("card_reader", True), ("psam_reader", True)]
    assert not wizard.tests_passed
    # written anyway when the administrator says so (the dialog's "save anyway")
    assert load_profile(wizard.write(tmp_path / "p.toml")).branch_code == "NBCB-0301"


def test_live_tests_name_an_unknown_branch_a_wrong_kind_and_a_missing_reader(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[3] / "resources/profiles/demo-instant.toml").read_text(encoding="utf-8")
    text = text.replace("demo = true", "demo = false")
    profile = parse_profile_text(text)
    probe = FakeProbe(branches=[BranchChoice("ICBC-NB-0101", "x", "ICBC", False)], attached=["Virtual PCD 00 00"])
    problems, results = preflight(profile, probe, test=True, now=NOW)
    assert problems == []
    by_key = {r.key: r for r in results}
    assert not by_key["branch"].ok and "非即办" in by_key["branch"].detail_zh
    assert by_key["card_reader"].ok and not by_key["psam_reader"].ok
    probe = FakeProbe(branches=[], attached=None)
    results = preflight(profile, probe, test=True, now=NOW)[1]
    assert [r.ok for r in results] == [True, False, False, False]
    assert "智能卡服务未运行" in results[-1].detail_zh
    assert preflight(profile, probe, test=False, now=NOW) == ([], [])


def test_write_is_atomic_and_its_mode_depends_on_whose_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "state"))
    own = write_profile(tmp_path / "state" / "profile.toml", "a = 1\n")
    shared = tmp_path / "etc" / "profile.toml"
    shared.parent.mkdir()
    shared.write_text("old\n")
    write_profile(shared, "new\n")
    assert shared.read_text() == "new\n" and own.read_text() == "a = 1\n"
    assert sorted(p.name for p in shared.parent.iterdir()) == ["profile.toml"]  # no temporary left
    if os.name == "posix":
        assert stat.S_IMODE(own.stat().st_mode) == 0o600
        assert stat.S_IMODE(shared.stat().st_mode) == 0o644  # every teller account reads it


def test_machine_profile_path_is_where_the_deb_launcher_looks() -> None:
    if os.name != "posix" or os.uname().sysname != "Linux":
        pytest.skip("the .deb is for Linux")
    launcher = (Path(__file__).resolve().parents[3] / "packaging/deb/counter-app.sh").read_text(encoding="utf-8")
    assert machine_profile_path() == Path("/etc/counter-app/profile.toml")
    assert 'etc/counter-app/profile.toml' in launcher
