#!/bin/sh
# Build the Debian package from the frozen build (./packaging/build.sh first):
#   ./packaging/build-deb.sh            -> packaging/dist/counter-app_VERSION_ARCH.deb
# Layout: /opt/counter-app (the frozen build), /usr/bin/counter-app (launcher),
# /usr/share/applications/counter-app.desktop, the icon in hicolor, /etc/counter-app (postinst).
# DEB_COMPRESS=gzip|xz|none (default gzip: every dpkg reads it, UOS/Kylin included, and it takes
# a minute where xz takes half an hour on a busy 2-core machine for 10% less size).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
APP="$HERE/dist/counter-app"
[ -x "$APP/counter-app" ] || { echo "no frozen build: run ./packaging/build.sh first" >&2; exit 1; }

VERSION=$("$APP/counter-app" --version | awk '{print $2}')
ARCH=$(dpkg --print-architecture)
STAGE="$HERE/build/deb/counter-app"
OUT="$HERE/dist/counter-app_${VERSION}_${ARCH}.deb"

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/doc/counter-app"
cp -a "$APP" "$STAGE/opt/counter-app"
install -m 0755 "$HERE/deb/counter-app.sh" "$STAGE/usr/bin/counter-app"
install -m 0644 "$HERE/counter-app.desktop" "$STAGE/usr/share/applications/counter-app.desktop"
install -m 0644 "$ROOT/resources/icons/counter-app.png" \
        "$STAGE/usr/share/icons/hicolor/256x256/apps/counter-app.png"
install -m 0644 "$ROOT/docs/packaging.md" "$STAGE/usr/share/doc/counter-app/packaging.md"
install -m 0755 "$HERE/deb/postinst" "$HERE/deb/postrm" "$STAGE/DEBIAN/"
# files only the owner may write; nothing in /opt is world-writable
chmod -R u+rwX,go+rX,go-w "$STAGE/opt/counter-app"

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" \
    "$HERE/deb/control.in" > "$STAGE/DEBIAN/control"

start=$(date +%s)
nice -n 10 dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-gzip}" --build "$STAGE" "$OUT"
echo "built $OUT in $(( $(date +%s) - start )) s, $(du -h "$OUT" | cut -f1)"
