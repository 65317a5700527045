"""`counter-app demo`: the whole product on one machine.

Starts pcscd if it is not running, the reference central on loopback with its own
database, the card emulator (a PSAM in slot 1, a demo card in slot 0), then opens the
application with the demo branch profile. Everything it starts, it stops on exit.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.display import NO_DISPLAY_HELP, has_display
from counter_app.profile import BranchProfile, demo_profile_path, load_profile, state_root

if TYPE_CHECKING:
    from counter_app.bootstrap import Services
    from counter_app.central.launcher import CentralSimHandle
    from counter_app.ui.tour import Scenario, TourRun

DEMO_PROFILES = {"instant": "demo-instant.toml", "central": "demo-central.toml"}


def demo_state_dir(branch: str) -> Path:
    return state_root() / "demo" / branch


def demo_profile(branch: str, state_dir: Path) -> BranchProfile:
    return load_profile(demo_profile_path().with_name(DEMO_PROFILES[branch]), state_dir=state_dir)


@contextlib.contextmanager
def demo_devices(profile: BranchProfile, state_dir: Path) -> Iterator[None]:
    """pcscd, the reference central and the card emulator, for as long as the block runs.

    A central or an emulator that is already running (for example started by hand with
    `counter-app central-sim serve` or `counter-app emulator serve`) is used, not replaced,
    and left running afterwards.
    """
    from counter_app.card.emulator.control import EmulatorControl
    from counter_app.card.emulator.launcher import start_emulator
    from counter_app.card.pcscd import ensure_pcscd_running
    from counter_app.central.launcher import start_central_sim

    ensure_pcscd_running()
    with contextlib.ExitStack() as started:
        if not _central_answers(profile):
            port = int(profile.central.base_url.rsplit(":", 1)[1].split("/")[0])
            central = start_central_sim(db_url=f"sqlite:///{state_dir / 'central.db'}", port=port,
                                        log_path=state_dir / "central.log")
            started.callback(central.stop)
        if not EmulatorControl().alive():
            emulator = start_emulator(state_dir / "cards")
            started.callback(emulator.stop)
        yield


def _central_answers(profile: BranchProfile) -> bool:
    from counter_app.bootstrap import central_client

    client = central_client(profile)
    try:
        return bool(client.probe().online)
    finally:
        client.close()


# Demo only (the tour's supervision scenario): a name change sent without the police paper the
# central requires, so the reference central refuses it and it waits as a dead letter.
DEAD_LETTER_PERSON = "330203198506122017"


#: the second counter PC of the tour's remote approval (the demo profiles' counter is 03)
COLLEAGUE_COUNTER = "04"


def seed_dead_letter(services: Services) -> int:
    """Queue a change the reference central refuses and send it: one real dead letter (the
    central's own refusal) for the supervisor to decide. Returns how many dead letters wait."""
    from counter_app.store.outbox_repo import StoreOutboxRepository

    repo = StoreOutboxRepository(services.store)
    key = services.store.cipher.blind_index(DEAD_LETTER_PERSON, "person")
    repo.enqueue("persons.data_change", key, {
        "id_number": DEAD_LETTER_PERSON, "branch_code": services.profile.branch_code,
        "client_seq": 1, "changes": {"name": "改名未带证明"}})
    services.sync.drain()
    return services.dead_letters()


def run_tour(args: argparse.Namespace) -> int:
    """`counter-app demo --tour DIR [--only NAME]`: the guided tour, offscreen.

    Starts its own reference central (fresh database, free port) for each business, so
    every run shows the same people in the same state, whether a business is toured alone
    (``--only``) or after the others (a loss tour leaves a card lost, a replacement voids
    it); the scenarios of one business share theirs, in order. The card emulator is not
    needed by the businesses the tour shows so far and is not started (it would take the
    machine's only vpcd ports).
    """
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counter_app.ui.i18n import set_language

    set_language(getattr(args, "language", None) or "zh_CN")  # before the UI modules
    from PySide6.QtWidgets import QApplication

    from counter_app.central.launcher import start_central_sim
    from counter_app.ui.app import _qt_messages
    from counter_app.ui.fonts import install_fallback_fonts
    from counter_app.ui.i18n import install_translations
    from counter_app.ui.theme import apply_theme
    from counter_app.ui.tour import TourError, scenarios, write_timings

    try:
        chosen = scenarios(args.only)
    except TourError as error:
        print(f"错误：没有这个导览场景。{error}", file=sys.stderr)
        return 2
    out: Path = args.tour
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    install_fallback_fonts()
    install_translations(app)
    results: dict[str, TourRun] = {}
    businesses = list(dict.fromkeys(s.business for s in chosen))  # in the tour's order
    with tempfile.TemporaryDirectory(prefix="counter-tour-") as tmp:
        for business in businesses:
            world = Path(tmp) / business
            world.mkdir()
            central = start_central_sim(f"sqlite:///{world}/central.db",
                                        log_path=world / "central.log")
            try:
                _tour_business([s for s in chosen if s.business == business], central, world,
                               out, results)
            finally:
                central.stop()
    summary = write_timings(out, results)
    for key, figures in summary.items():
        print(f"{key}: 软件等待合计 {figures['total_wait_s']:.2f} s（{figures['operations']} 次后台操作，"
              f"最长 {figures['longest_s']:.2f} s：{figures['longest']}）", flush=True)
    return 0


def _tour_business(chosen: list[Scenario], central: CentralSimHandle, world: Path, out: Path,
                   results: dict[str, TourRun]) -> None:
    """Play one business's scenarios in order against its own central."""
    import time

    from counter_app.bootstrap import Fakes, build_services, emulated_chip
    from counter_app.devices.pinpad import DemoPinPad
    from counter_app.devices.sscard import SimulatedSocialCardReader
    from counter_app.ui.tour import play

    for scenario in chosen:
        state = world / scenario.key
        profile = demo_profile(scenario.branch, state)
        profile = dataclasses.replace(
            profile, central=dataclasses.replace(profile.central, base_url=central.url))
        services = build_services(profile, fakes=Fakes(
            no_presence=True, card_reader=SimulatedSocialCardReader(),
            chip=emulated_chip(state / "demo-card.json"), pin_pad=DemoPinPad()))
        colleague = None
        if scenario.second_counter:  # another counter PC of the branch: its own store, same central
            other = demo_profile(scenario.branch, state / "colleague")
            colleague = build_services(dataclasses.replace(
                other, counter_id=COLLEAGUE_COUNTER,
                central=dataclasses.replace(other.central, base_url=central.url)),
                fakes=Fakes(no_presence=True))
        started = time.perf_counter()
        try:
            if scenario.dead_letter:
                seed_dead_letter(services)
            results[scenario.key] = play(scenario, services, central, out / scenario.key,
                                         colleague=colleague)
        finally:
            services.close()
            if colleague is not None:
                colleague.close()
        run = results[scenario.key]
        print(f"{scenario.title_zh}: {len(run.shots)} 张截图, {len(run.pdfs)} 份PDF "
              f"({time.perf_counter() - started:.1f} s) → {out / scenario.key}", flush=True)


def run_demo(args: argparse.Namespace) -> int:
    if getattr(args, "tour", None) is not None:
        return run_tour(args)
    screenshot = args.screenshot or args.screenshot_login
    if not has_display():
        if screenshot or args.exit_when_ready:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # pictures need no screen
        else:
            print(NO_DISPLAY_HELP.format(cmd="counter-app demo"), file=sys.stderr)
            return 2
    state_dir = args.state or demo_state_dir(args.branch)
    state_dir.mkdir(parents=True, exist_ok=True)
    profile = demo_profile(args.branch, state_dir)
    if getattr(args, "language", None):
        profile = dataclasses.replace(profile, language=args.language)

    from counter_app.ui.i18n import set_language

    set_language(profile.language)  # before the UI modules: some build their labels at import
    from counter_app.ui.app import RunOptions, run_gui
    from counter_app.workflows.login import DEMO_ACCOUNTS

    teller = DEMO_ACCOUNTS[0]
    options = RunOptions(
        auto_login=(teller[0], teller[3]) if args.screenshot else None,
        screenshot_login=args.screenshot_login,
        screenshot_main=args.screenshot,
        exit_when_ready=args.exit_when_ready,
    )
    with demo_devices(profile, state_dir):
        if not screenshot:
            print(f"演示环境已启动：{profile.branch_name}（{profile.kind_zh}）。"
                  f"演示柜员 {teller[0]} / {teller[3]}", flush=True)
        return run_gui(profile, lambda: _open_services(profile), options)


def _open_services(profile: BranchProfile) -> Services:
    """Runs on a worker once the login window shows: the store, SQLAlchemy and the rest."""
    from counter_app.bootstrap import build_services

    return build_services(profile)
