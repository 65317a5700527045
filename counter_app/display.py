"""Is there a screen to open a window on? And what to tell the user when there is not."""

from __future__ import annotations

import os


def has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


NO_DISPLAY_HELP = """\
没有可用的图形显示（未设置 DISPLAY），无法打开柜面程序窗口。
No graphical display (DISPLAY is not set), so the window cannot open.

  在虚拟显示中运行 / run it on a virtual display:
      xvfb-run -a {cmd}
  只保存主窗口截图 / only save a screenshot of the main window:
      xvfb-run -a counter-app demo --screenshot main.png
"""
