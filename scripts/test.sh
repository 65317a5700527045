#!/usr/bin/env bash
# One command for the whole test suite: install what is missing, start pcscd, run pytest.
# The tests start the reference central and the card emulator themselves.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
cd "$ROOT"
python -c "from counter_app.card.pcscd import ensure_pcscd_running as e; e()"
export QT_QPA_PLATFORM=offscreen
mkdir -p artifacts
status=0
python -m pytest -q -p no:cacheprovider "$@" || status=$?
if [ "$status" -eq 5 ]; then echo "no tests were collected" >&2; fi
exit "$status"
