"""Start the PC/SC daemon when nothing runs it (demo mode, CI, tests).

pcscd is started as a plain daemon, NOT with ``--auto-exit``: that option makes pcscd exit
a minute after its last client leaves, taking the virtual readers and any connected
emulator with it (DESIGN.md, environment recipes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from counter_app.card.errors import CardError, PcscServiceError
from counter_app.card.transport import CARD_READER, PSAM_READER, list_readers
from counter_app.domain.errors import ConfigurationError
from counter_app.domain.texts import QT_TR_NOOP, zh

VPCD_DRIVER_GLOBS = ("/usr/lib/pcsc/drivers/serial/libifdvpcd.so*", "/usr/lib/*/pcsc/drivers/serial/libifdvpcd.so*")


def pcscd_pids() -> list[int]:
    """PIDs of running pcscd processes (from /proc, no external tools)."""
    pids: list[int] = []
    proc = Path("/proc")
    if not proc.is_dir():  # not Linux: no pcscd to manage (Windows has its own service)
        return pids
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() == "pcscd":
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def find_pcscd() -> str | None:
    return shutil.which("pcscd") or next(
        (p for p in ("/usr/sbin/pcscd", "/usr/local/sbin/pcscd") if os.access(p, os.X_OK)), None
    )


def vpcd_installed() -> bool:
    import glob

    return any(glob.glob(pattern) for pattern in VPCD_DRIVER_GLOBS)


def _readers_or_none() -> list[str] | None:
    try:
        return list_readers()
    except PcscServiceError:
        return None
    except CardError:
        return None


def ensure_pcscd_running(
    readers: Sequence[str] = (CARD_READER, PSAM_READER), *, timeout: float = 15.0
) -> None:
    """Make sure pcscd runs and lists ``readers``; start it as a daemon if needed."""
    if sys.platform != "win32" and not pcscd_pids():
        binary = find_pcscd()
        if binary is None:
            raise ConfigurationError(
                QT_TR_NOOP("未安装读卡服务 pcscd，请先安装（Debian：apt-get install pcscd vsmartcard-vpcd）。"),
                code="PCSCD_MISSING",
            )
        if any(r.startswith("Virtual PCD") for r in readers) and not vpcd_installed():
            raise ConfigurationError(
                QT_TR_NOOP("未安装虚拟读卡器驱动 vsmartcard-vpcd，请先安装"
                           "（Debian：apt-get install vsmartcard-vpcd）。"),
                code="VPCD_MISSING",
            )
        # the daemon child may keep inherited pipes open: never capture its output
        proc = subprocess.run([binary], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=30, check=False)
        if proc.returncode != 0 and not pcscd_pids():
            raise ConfigurationError(
                zh("读卡服务 pcscd 启动失败（退出码 {exit_code}），请联系网点技术支持。", exit_code=proc.returncode),
                code="PCSCD_START_FAILED",
            )
    deadline = time.monotonic() + timeout
    while True:
        listed = _readers_or_none()
        if listed is not None and all(r in listed for r in readers):
            return
        if time.monotonic() > deadline:
            missing = [r for r in readers if listed is None or r not in listed]
            raise ConfigurationError(
                zh("读卡服务已运行，但未发现读卡器：{readers}。请检查读卡器配置。", readers=", ".join(missing)),
                code="PCSC_READERS_MISSING",
            )
        time.sleep(0.1)
