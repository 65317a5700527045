#!/usr/bin/env bash
# Installs what counter-app needs on Debian 12 (system packages, a virtual environment with the
# project) and does nothing that is already done. Sourced by scripts/demo.sh and scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COUNTER_APP_VENV:-$ROOT/.venv}"

DEBIAN_PACKAGES=(
  pcscd vsmartcard-vpcd libpcsclite-dev swig pkg-config      # PC/SC stack, virtual readers, pyscard build
  libpulse0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0   # Qt runtime
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0     # Qt xcb platform
  fonts-wqy-microhei                                         # TrueType CJK font (UI and PDFs)
  fonts-hanazono                                             # fallback: CJK Ext A/B (rare name characters)
  xvfb xauth poppler-utils                                   # virtual display, PDF rendering
  python3-venv python3-dev gcc
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "==> installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "需要 root 权限安装系统软件包 / run as root to install: ${missing[*]}" >&2; exit 1; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtual environment $VENV"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.counter-app-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
  echo "==> installing counter-app and its dependencies into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
  touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
