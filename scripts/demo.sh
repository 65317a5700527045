#!/usr/bin/env bash
# One command for the demo: install what is missing, then `counter-app demo` (arguments pass through).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"
exec counter-app demo "$@"
