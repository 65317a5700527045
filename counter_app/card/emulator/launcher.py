"""Start and stop the emulator process from code (tests, demo mode, CI)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from counter_app.card.emulator.control import CONTROL_PORT, EmulatorControl
from counter_app.card.errors import CardError
from counter_app.card.pcscd import ensure_pcscd_running
from counter_app.card.presence import wait_for_presence
from counter_app.card.transport import CARD_READER, PSAM_READER
from counter_app.frozen import module_command
from counter_app.private_files import open_private, private_dir


class EmulatorStartError(CardError):
    code = "EMULATOR_START"
    message_zh = "社保卡模拟器启动失败，请查看日志或联系技术支持。"


@dataclass
class EmulatorHandle:
    process: subprocess.Popen[bytes]
    state_dir: Path
    control: EmulatorControl
    log_path: Path
    card_reader: str = CARD_READER
    psam_reader: str = PSAM_READER
    _log: IO[bytes] | None = field(default=None, repr=False)

    def stop(self, timeout: float = 10.0) -> int:
        """Ask the emulator to shut down; terminate, then kill, if it does not."""
        if self.process.poll() is None:
            with contextlib.suppress(CardError):
                self.control.shutdown()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        return int(self.process.returncode)

    def __enter__(self) -> EmulatorHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def insert(self, card_file: Path, *, timeout: float = 10.0) -> str:
        """Insert a card file and wait until pcscd sees it; returns the ATR (hex).

        Whatever card was in the slot is removed first and pcscd is given time to see the
        slot empty, so the next connection cannot meet the previous card's state."""
        from counter_app.card.emulator.card import EmulatedCard

        atr = EmulatedCard.load(card_file).atr.hex().upper()
        self.remove(timeout=timeout)
        self.control.insert(card_file)
        if not wait_for_presence(self.card_reader, card_present=True, atr_hex=atr, timeout=timeout):
            raise EmulatorStartError("插入的模拟卡未被读卡服务识别。")
        return atr

    def remove(self, *, timeout: float = 10.0) -> None:
        self.control.remove()
        if not wait_for_presence(self.card_reader, card_present=False, timeout=timeout):
            raise EmulatorStartError("模拟卡拔出后读卡服务仍显示有卡。")

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


def start_emulator(
    state_dir: Path, *, control_port: int = CONTROL_PORT, card_reader: str = CARD_READER,
    psam_reader: str = PSAM_READER, timeout: float = 20.0, python: str | None = None,
    log_path: Path | None = None,
) -> EmulatorHandle:
    """Run ``python -m counter_app.card.emulator serve`` and wait until pcscd sees the PSAM
    in slot 1 and (if the state has one inserted) the card in slot 0."""
    ensure_pcscd_running((card_reader, psam_reader))
    control = EmulatorControl(port=control_port)
    if control.alive():
        raise EmulatorStartError(
            f"控制端口 {control_port} 上已有模拟器在运行，请先停止它（counter-app emulator 只能运行一个）。"
        )
    private_dir(state_dir)  # the emulated cards' keys and PIN state
    log_path = log_path or state_dir / "emulator.log"
    log = open_private(log_path, append=True)
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.Popen(
        [*module_command("counter_app.card.emulator", python), "serve", "--state", str(state_dir),
         "--control-port", str(control_port), "--no-pcscd"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        start_new_session=True,
    )
    handle = EmulatorHandle(proc, state_dir, control, log_path, card_reader, psam_reader, log)
    deadline = time.monotonic() + timeout
    try:
        while not control.alive():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise EmulatorStartError(f"模拟器未能启动：\n{handle.log_tail()}")
            time.sleep(0.05)
        status = control.status()
        left = max(0.1, deadline - time.monotonic())
        if not wait_for_presence(psam_reader, card_present=True, timeout=left):
            raise EmulatorStartError("读卡服务未识别到PSAM卡座中的模拟PSAM卡。")
        if status.get("card") and not wait_for_presence(
            card_reader, card_present=True, timeout=max(0.1, deadline - time.monotonic())
        ):
            raise EmulatorStartError("读卡服务未识别到卡座中的模拟社保卡。")
    except BaseException:
        handle.stop(timeout=3)
        raise
    return handle
