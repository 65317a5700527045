#!/bin/sh
# Build the Debian package from the frozen build (./packaging/build.sh first):
#   ./packaging/build-deb.sh            -> packaging/dist/counter-app_VERSION_ARCH.deb
# Layout: /opt/counter-app (the frozen build), /usr/bin/counter-app (launcher),
# /usr/share/applications/counter-app.desktop, the icon in hicolor, /etc/counter-app (postinst).
# /lib/systemd/system/counter-app-update.{path,timer,service} and /usr/lib/counter-app/update-install
# (the update hand-off, docs/updates.md); postinst makes /var/lib/counter-app and enables them.
# COUNTER_APP_DIST, DEB_BUILD_DIR, DEB_OUT_DIR: another program folder (a stand-in payload, as in
# tests/integration/updates/test_update_deb.py), stage and output folder.
# DEB_COMPRESS=gzip|xz|none (default gzip: every dpkg reads it, UOS/Kylin included, and it takes
# a minute where xz takes half an hour on a busy 2-core machine for 10% less size).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
APP=${COUNTER_APP_DIST:-$HERE/dist/counter-app}
[ -x "$APP/counter-app" ] || { echo "no frozen build: run ./packaging/build.sh first" >&2; exit 1; }

VERSION=$("$APP/counter-app" --version | awk '{print $2}')
ARCH=$(dpkg --print-architecture)
STAGE="${DEB_BUILD_DIR:-$HERE/build/deb}/counter-app"
OUT="${DEB_OUT_DIR:-$HERE/dist}/counter-app_${VERSION}_${ARCH}.deb"

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/doc/counter-app" \
         "$STAGE/lib/systemd/system" "$STAGE/usr/lib/counter-app"
cp -a "$APP" "$STAGE/opt/counter-app"
install -m 0755 "$HERE/deb/counter-app.sh" "$STAGE/usr/bin/counter-app"
install -m 0644 "$HERE/counter-app.desktop" "$STAGE/usr/share/applications/counter-app.desktop"
install -m 0644 "$ROOT/resources/icons/counter-app.png" \
        "$STAGE/usr/share/icons/hicolor/256x256/apps/counter-app.png"
install -m 0644 "$ROOT/docs/packaging.md" "$STAGE/usr/share/doc/counter-app/packaging.md"
install -m 0644 "$HERE/deb/counter-app-update.path" "$HERE/deb/counter-app-update.timer" \
        "$HERE/deb/counter-app-update.service" "$STAGE/lib/systemd/system/"
install -m 0755 "$HERE/update_install.sh" "$STAGE/usr/lib/counter-app/update-install"
install -m 0755 "$HERE/deb/preinst" "$HERE/deb/postinst" "$HERE/deb/prerm" "$HERE/deb/postrm" \
        "$STAGE/DEBIAN/"
# files only the owner may write; nothing in /opt is world-writable
chmod -R u+rwX,go+rX,go-w "$STAGE/opt/counter-app"

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" \
    "$HERE/deb/control.in" > "$STAGE/DEBIAN/control"

start=$(date +%s)
nice -n 10 dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-gzip}" --build "$STAGE" "$OUT"
echo "built $OUT in $(( $(date +%s) - start )) s, $(du -h "$OUT" | cut -f1)"
