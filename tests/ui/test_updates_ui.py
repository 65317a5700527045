"""Updates in the shell: the check after sign-out (a real loopback repository), the quiet
status-bar line, and the minimum-version banner and refusal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

from counter_app.bootstrap import Fakes, build_services
from counter_app.central.sync import STATE_BRANCH_CONFIG
from counter_app.profile import UpdateSettings
from counter_app.ui.version_banner import under_way
from counter_app.workflows.version_gate import MIN_VERSION_SEEN_STATE
from tests.fixtures.app import make_profile, open_demo_session
from tests.integration.updates.conftest import Served, make_bundle
from tests.ui.test_shell import PASSWORD, TELLER, close, sign_in, start, type_login


def sign_in_then_out(qtbot, app) -> None:
    """A teller's session ending in 签退 (its window is deleted, so not left to qtbot)."""
    type_login(qtbot, app, TELLER, PASSWORD)
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    app.main.sign_out("logout")
    qtbot.waitUntil(lambda: app.main is None and app.login.isVisible(), timeout=10000)


def _services(tmp_path: Path, served: Served, fake_central, fake_presence):
    install = tmp_path / "program" / "counter-app"
    install.mkdir(parents=True)
    profile = make_profile(tmp_path / "counter")
    profile = dataclasses.replace(profile, updates=UpdateSettings(
        repository_url=served.url, trusted_root=served.trusted_root,
        folder=tmp_path / "counter" / "updates", install_dir=install))
    services = build_services(profile, fakes=Fakes(central=fake_central, presence=fake_presence))
    open_demo_session(services)
    return services


def test_sign_out_stages_an_update_and_the_next_status_bar_says_so(
        qtbot, tmp_path: Path, fake_central, fake_presence) -> None:
    served = Served(tmp_path / "vendor")
    try:
        served.add(make_bundle(tmp_path / "bundle", "99.0.0"), "99.0.0")
        services = _services(tmp_path, served, fake_central, fake_presence)
        app = start(qtbot, services)
        sign_in_then_out(qtbot, app)
        # the teller can type at once; the check goes on behind
        assert app.login.username.isEnabled()
        qtbot.waitUntil(lambda: app.update_note is not None, timeout=30000)
        assert "99.0.0" in app.update_note and "下次启动" in app.update_note
        assert (services.profile.updates.folder / "pending.json").is_file()
        sign_in(qtbot, app)
        assert "99.0.0" in app.main.status.currentMessage()
        assert app.update_note is None  # said once
        close(app)
        services.store.close()
    finally:
        served.close()


def test_a_failed_check_is_a_quiet_line_not_an_error(qtbot, tmp_path: Path, fake_central,
                                                     fake_presence) -> None:
    served = Served(tmp_path / "vendor")
    served.close()  # the repository is down
    services = _services(tmp_path, served, fake_central, fake_presence)
    app = start(qtbot, services)
    sign_in_then_out(qtbot, app)
    qtbot.waitUntil(lambda: app.update_note is not None, timeout=30000)
    assert app.update_note.startswith("检查更新未完成") and "无法连接更新仓库" in app.update_note
    assert app.login.error.text() == ""  # nothing in the teller's way
    sign_in(qtbot, app)
    assert "检查更新未完成" in app.main.status.currentMessage()
    close(app)
    services.store.close()


def test_below_the_minimum_a_banner_then_no_new_business(qtbot, make_services) -> None:
    services = make_services()
    repo = services.sync.repo
    repo.set_state(STATE_BRANCH_CONFIG, json.dumps({"branch_code": "ICBC-NB-0101",
                                                    "min_version": "99.0"}))
    app = start(qtbot, services)
    sign_in(qtbot, app)
    banner = app.main.version_banner
    assert banner is not None and not banner.isHidden()
    assert "99.0" in banner.text() and "天内" in banner.text()
    told: list[str] = []
    banner.tell = lambda _parent, text: told.append(text)
    app.main.show_business("application")  # within the grace: opens
    page = app.main.pages["application"]
    assert app.main.work_area.currentWidget() is page and told == []

    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=8)
    repo.set_state(MIN_VERSION_SEEN_STATE, json.dumps({"version": "99.0",
                                                       "at": long_ago.isoformat()}))
    app.main.show_business("home")
    app.main.show_business("application")  # a new one after the grace: refused

    assert len(told) == 1 and "不能受理新业务" in told[0]
    assert app.main.work_area.currentWidget() is not page
    assert "宽限期已过" in banner.text()
    # a new case already on a page (办理下一笔, 新建) goes no further than its first step
    qtbot.waitUntil(lambda: page.wizard is not None, timeout=10000)  # drafts looked up first
    first = page.wizard.current
    assert page.wizard.history == ()
    page.go_next()
    assert page.wizard.current == first and not page.busy
    assert "不能受理新业务" in page.banner.label.text()  # (the page is behind the home page)
    close(app)


def test_a_business_under_way_is_one_past_its_first_step() -> None:
    assert not under_way(SimpleNamespace(wizard=None))
    assert not under_way(SimpleNamespace(wizard=SimpleNamespace(history=())))
    assert under_way(SimpleNamespace(wizard=SimpleNamespace(history=("applicant",))))
