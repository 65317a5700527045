"""`counter-app setup --from FILE` against the reference central and the vpcd virtual readers,
and the command line without a profile (doctor --json, the application itself)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from counter_app.central.launcher import CentralSimHandle
from counter_app.cli import main
from counter_app.profile import load_profile

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = (ROOT / "resources/profiles/demo-instant.toml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "state"))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)


def _profile(tmp_path: Path, url: str, *, name: str = "it.toml", **replace: str) -> Path:
    text = TEMPLATE.replace('base_url = "http://127.0.0.1:8765"', f'base_url = "{url}"')
    text = text.replace("demo = true", "demo = false")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_doctor_json_without_a_profile_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere" / "profile.toml"
    code, out, _err = _run(capsys, "--profile", str(missing), "doctor", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["profile"] == str(missing) and report["profile_missing"] is True and report["ok"] is False
    (check,) = report["checks"]
    assert (check["key"], check["status"]) == ("profile", "fail")
    assert check["value"] == {"path": str(missing), "exists": False, "setup": "counter-app setup"}
    assert "counter-app setup" in check["detail_zh"]


def test_doctor_json_with_a_broken_profile_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _profile(tmp_path, "http://127.0.0.1:8765", **{'counter_id = "03"': 'counter_id = "03-!"'})
    code, out, _err = _run(capsys, "--profile", str(bad), "doctor", "--json")
    report = json.loads(out)
    assert code == 1 and report["profile_missing"] is False
    assert "branch.counter_id" in report["checks"][0]["detail_zh"]


def test_the_application_without_a_profile_explains_the_setup(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "profile.toml"
    code, out, err = _run(capsys, "--profile", str(missing))
    assert code == 2 and out == ""
    assert f"未找到网点配置文件 {missing}" in err
    assert "counter-app setup --from" in err and "docs/setup.md" in err
    assert not missing.exists()


@pytest.mark.usefixtures("pcscd")
def test_setup_from_a_good_file_over_mutual_tls(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                make_central: Callable[..., CentralSimHandle],
                                                central_tls_dir: Path) -> None:
    central = make_central(tls_dir=central_tls_dir)
    source = _profile(tmp_path, central.url, **{
        'ca_file = ""': f'ca_file = "{central_tls_dir / "ca.pem"}"',
        'client_cert = ""': f'client_cert = "{central_tls_dir / "client.pem"}"',
        'client_key = ""': f'client_key = "{central_tls_dir / "client.key"}"',
        'counter_id = "03"': 'counter_id = "C01"'})
    target = tmp_path / "etc" / "counter-app" / "profile.toml"
    code, out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(source))
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert f"已写入网点配置文件 {target}" in out
    assert "✔ 中心系统" in out and "证书被接受" in out and "✔ 网点：ICBC-NB-0101" in out
    assert "✔ 卡槽读卡器：“Virtual PCD 00 00”已连接" in out and "✔ PSAM 读卡器" in out
    assert load_profile(target).central.client_cert == central_tls_dir / "client.pem"
    # a second run does not replace it unless told to
    code, _out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(source))
    assert code == 1 and f"已有网点配置文件 {target}；确认要替换时加 --force" in err
    assert _run(capsys, "--profile", str(target), "setup", "--from", str(source), "--force")[0] == 0


@pytest.mark.usefixtures("pcscd")
@pytest.mark.parametrize(("replace", "reason"), [
    ({'code = "ICBC-NB-0101"': 'code = "ICBC-NB-9999"'}, "网点名录中没有 ICBC-NB-9999"),
    ({"instant_issue = true": "instant_issue = false"}, "为即办网点，与配置的 instant_issue 不符"),
    ({'psam = "Virtual PCD 00 01"': 'psam = "Vendor Reader 9"'}, "未找到读卡器“Vendor Reader 9”"),
    ({'bank = "ICBC"': 'bank = "HSBC"'}, "配置项 branch.bank 取值无效"),
])
def test_setup_from_a_bad_file_refuses_in_chinese_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], central_url: str,
        replace: dict[str, str], reason: str) -> None:
    source = _profile(tmp_path, central_url, **replace)
    target = tmp_path / "out" / "profile.toml"
    code, _out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(source))
    assert code == 1
    assert "首次配置未完成，未写入配置文件" in err and reason in err
    assert not target.exists()


def test_setup_from_an_unreachable_central_fails_unless_no_test(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               unused_port: int) -> None:
    source = _profile(tmp_path, f"http://127.0.0.1:{unused_port}")
    target = tmp_path / "profile.toml"
    code, _out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(source))
    assert code == 1 and "中心系统检测未通过" in err and "--no-test" in err and not target.exists()
    code, out, _err = _run(capsys, "--profile", str(target), "setup", "--from", str(source), "--no-test")
    assert code == 0 and "未做连通检测" in out
    assert tomllib.loads(target.read_text(encoding="utf-8"))["branch"]["code"] == "ICBC-NB-0101"


def test_setup_from_refuses_expired_certificates_and_the_demo_profile(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], central_tls_dir: Path) -> None:
    expired = central_tls_dir / "expired-client"
    source = _profile(tmp_path, "https://127.0.0.1:1", **{
        'ca_file = ""': f'ca_file = "{central_tls_dir / "ca.pem"}"',
        'client_cert = ""': f'client_cert = "{expired / "client.pem"}"',
        'client_key = ""': f'client_key = "{expired / "client.key"}"'})
    target = tmp_path / "profile.toml"
    code, _out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(source), "--no-test")
    assert code == 1 and "客户端证书已过期" in err and not target.exists()
    demo = ROOT / "resources/profiles/demo-instant.toml"
    code, _out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(demo), "--no-test")
    assert code == 1 and "演示配置" in err
    code, _out, err = _run(capsys, "--profile", str(target), "setup", "--from", str(tmp_path / "none.toml"))
    assert code == 1 and "无法读取配置文件" in err


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
