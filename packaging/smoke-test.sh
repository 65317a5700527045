#!/bin/sh
# Smoke test of the frozen build away from the source tree and the virtual environment:
# copies packaging/dist/counter-app to a temporary directory and runs it there with an empty
# environment (PATH=/usr/bin:/bin, HOME in the temporary directory), from that directory.
#   ./packaging/smoke-test.sh [BUILD_DIR]
# Needs pcscd + vsmartcard-vpcd (demo) and xvfb-run (the screenshot), as the demo does.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${1:-$HERE/dist/counter-app}
[ -x "$BUILD/counter-app" ] || { echo "no frozen build at $BUILD: run ./packaging/build.sh" >&2; exit 1; }

T=$(mktemp -d /tmp/counter-app-smoke.XXXXXX)
trap 'rm -rf "$T"' EXIT
cp -a "$BUILD" "$T/app"
cd "$T"
run() { env -i PATH=/usr/bin:/bin HOME="$T" LANG=C.UTF-8 "$@"; }

echo "== --version"
run "$T/app/counter-app" --version

echo "== doctor --demo instant --json (exit 1 is a verdict: the demo central is not running)"
set +e
run "$T/app/counter-app" doctor --demo instant --json > "$T/doctor.json"
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "doctor failed with exit code $rc" >&2; exit 1; }
run "$T/app/counter-app" --run-module counter_app.card.emulator --help > /dev/null
# the JSON must parse (no Python outside the build: the frozen program itself has none to offer)
grep -q '"checks"' "$T/doctor.json" || { echo "doctor --json printed no checks" >&2; cat "$T/doctor.json"; exit 1; }

echo "== support-bundle --demo instant"
run "$T/app/counter-app" support-bundle --demo instant "$T/support.zip" > /dev/null
[ -s "$T/support.zip" ] || { echo "no support bundle" >&2; exit 1; }
[ -f "$T/.local/share/counter-app/logs/counter-app.log" ] \
    || { echo "no log file in the state directory" >&2; exit 1; }

echo "== demo --screenshot (xvfb-run -a)"
run timeout 300 xvfb-run -a "$T/app/counter-app" demo --screenshot "$T/main.png" 2> "$T/demo.err" || {
    cat "$T/demo.err" >&2; exit 1; }
if grep -q "Traceback\|ModuleNotFoundError" "$T/demo.err"; then
    echo "the demo logged an error:" >&2; cat "$T/demo.err" >&2; exit 1
fi
[ -s "$T/main.png" ] || { echo "no screenshot" >&2; exit 1; }
mkdir -p "$HERE/dist"
cp "$T/main.png" "$HERE/dist/smoke-main.png"
echo "screenshot: $HERE/dist/smoke-main.png ($(wc -c < "$T/main.png") bytes)"
echo "frozen build OK: $(du -sh "$BUILD" | cut -f1)"
