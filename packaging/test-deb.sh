#!/bin/sh
# Install the .deb into a fresh root with dpkg --root (no chroot needed: the maintainer scripts
# run chrootless and honour DPKG_ROOT), run it from there, remove and purge it, and check that
# the counter's data (branch profile, a teller's state directory) is left untouched.
#   ./packaging/test-deb.sh [DEB]        (on demand; not part of CI)
# Runs as any user: dpkg --root needs no privileges for a directory you own (--force-not-root).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DEB=${1:-$(ls -t "$HERE"/dist/counter-app_*.deb 2>/dev/null | head -1)}
[ -f "${DEB:-}" ] || { echo "no .deb: run ./packaging/build-deb.sh first" >&2; exit 1; }

R=$(mktemp -d /tmp/counter-app-deb-root.XXXXXX)
trap 'rm -rf "$R"' EXIT
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates" "$R/var/log"
touch "$R/var/lib/dpkg/status" "$R/var/lib/dpkg/available"
# the fresh root has no pcscd, libgl1 … installed: their absence is what --force-depends accepts
DPKG="dpkg --root=$R --force-script-chrootless --force-depends --force-not-root --log=$R/var/log/dpkg.log"
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== package: $DEB"
dpkg-deb --field "$DEB" Package Version Depends
echo "== install"
$DPKG -i "$DEB"
[ -x "$R/opt/counter-app/counter-app" ] || fail "no /opt/counter-app/counter-app"
[ -f "$R/usr/share/applications/counter-app.desktop" ] || fail "no desktop entry"
[ -f "$R/usr/share/icons/hicolor/256x256/apps/counter-app.png" ] || fail "no icon"
[ -d "$R/etc/counter-app" ] || fail "postinst did not create /etc/counter-app"
command -v desktop-file-validate >/dev/null && desktop-file-validate "$R/usr/share/applications/counter-app.desktop"
echo "== the update hand-off: units, installer, spool (docs/updates.md)"
for f in counter-app-update.path counter-app-update.timer counter-app-update.service; do
    [ -f "$R/lib/systemd/system/$f" ] || fail "no /lib/systemd/system/$f"
done
[ -x "$R/usr/lib/counter-app/update-install" ] || fail "no /usr/lib/counter-app/update-install"
[ "$(stat -c %a "$R/var/lib/counter-app/update-spool")" = 2770 ] || fail "spool is not 2770"
[ "$(stat -c %a "$R/var/lib/counter-app/update-trust")" = 700 ] || fail "trust folder is not 0700"
if command -v systemctl >/dev/null; then
    [ -L "$R/etc/systemd/system/paths.target.wants/counter-app-update.path" ] || fail "path unit not enabled"
    [ -L "$R/etc/systemd/system/timers.target.wants/counter-app-update.timer" ] || fail "timer not enabled"
fi

echo "== run (launcher in /usr/bin, empty environment, outside the source tree)"
cd "$R"
out=$(env -i PATH=/usr/bin:/bin HOME="$R/home/teller" "$R/usr/bin/counter-app" --version)
echo "$out"
[ "$out" = "counter-app $(dpkg-deb --field "$DEB" Version)" ] || fail "unexpected version: $out"

echo "== the counter's data: a branch profile and a teller's state directory"
printf '# written on the PC by IT\n' > "$R/etc/counter-app/profile.toml"
mkdir -p "$R/home/teller/.local/share/counter-app"
printf 'db' > "$R/home/teller/.local/share/counter-app/counter.db"
# the launcher passes the machine-wide profile: a broken one is reported by name
env -i PATH=/usr/bin:/bin HOME="$R/home/teller" "$R/usr/bin/counter-app" doctor --json \
    > "$R/doctor.json" 2>&1 || true
grep -q "etc/counter-app/profile.toml" "$R/doctor.json" || {
    cat "$R/doctor.json"; fail "the launcher did not use /etc/counter-app/profile.toml"; }

echo "== remove, then purge"
# what the update service leaves: a replaced folder dpkg does not list, the previous one
printf '0.2.0' > "$R/opt/counter-app/.installed-by-update-service"
mkdir -p "$R/opt/counter-app.previous" && printf old > "$R/opt/counter-app.previous/counter-app"
$DPKG -r counter-app
[ ! -e "$R/opt/counter-app.previous" ] || fail "/opt/counter-app.previous left after removal"
[ ! -e "$R/lib/systemd/system/counter-app-update.path" ] || fail "path unit left after removal"
[ ! -e "$R/etc/systemd/system/paths.target.wants/counter-app-update.path" ] || fail "path unit still enabled"
[ ! -e "$R/opt/counter-app" ] || fail "/opt/counter-app left after removal"
[ ! -e "$R/usr/bin/counter-app" ] || fail "/usr/bin/counter-app left after removal"
$DPKG -P counter-app
[ -f "$R/etc/counter-app/profile.toml" ] || fail "purge deleted the branch profile"
[ "$(cat "$R/home/teller/.local/share/counter-app/counter.db")" = db ] || fail "state touched"
[ ! -e "$R/var/lib/counter-app" ] || fail "/var/lib/counter-app (update spool) left after purge"
if $DPKG -s counter-app >/dev/null 2>&1; then fail "still installed"; fi
echo "OK: installed, ran, removed and purged; update units enabled and removed; profile and state directory kept"
