#!/bin/sh
# Build the frozen one-folder application: packaging/dist/counter-app/counter-app
#   ./packaging/build.sh          frozen build only
#   ./packaging/build.sh --deb    and the Debian package (packaging/build-deb.sh)
# Needs the project's virtual environment with the packaging extra
# (.venv/bin/pip install -e '.[packaging]'); PyInstaller needs objdump (Debian binutils).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: $PYTHON -m pip install -e '$ROOT[packaging]'" >&2
    exit 1
fi
command -v objdump >/dev/null || { echo "objdump is missing: apt-get install binutils" >&2; exit 1; }

start=$(date +%s)
# nice: build machines here are shared; the build is CPU-bound for a few minutes
nice -n 10 "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$HERE/build" --distpath "$HERE/dist" "$HERE/counter_app.spec"
end=$(date +%s)

APP="$HERE/dist/counter-app"
"$APP/counter-app" --version
echo "built $APP in $((end - start)) s, $(du -sh "$APP" | cut -f1)"

if [ "${1:-}" = "--deb" ]; then
    "$HERE/build-deb.sh"
fi
