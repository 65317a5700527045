#!/bin/sh
# Build the MSI definition with wixl (Debian packages wixl + msitools) against a stand-in
# payload, so the .wxs's syntax and the installed file list are checked on Linux. The real MSI
# is built on Windows by .github/workflows/windows.yml (the frozen build cannot be made here).
#   ./packaging/windows/check-msi.sh        (on demand; not part of CI)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
for tool in wixl wixl-heat msiinfo; do
    command -v $tool >/dev/null || { echo "$tool missing: apt-get install wixl msitools" >&2; exit 1; }
done
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -1)
W=$(mktemp -d /tmp/counter-app-msi.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The stand-in payload: the layout PyInstaller makes on Windows (counter_app.spec), with the
# real package data (resources, migrations) and placeholder binaries.
P="$W/counter-app"
mkdir -p "$P/_internal/counter_app/store" "$P/_internal/cv2/data" "$P/_internal/PySide6/plugins/platforms"
for f in counter-app.exe counter-app-cli.exe _internal/python311.dll _internal/base_library.zip \
         _internal/PySide6/Qt6Core.dll _internal/PySide6/Qt6Gui.dll _internal/PySide6/Qt6Widgets.dll \
         _internal/PySide6/plugins/platforms/qwindows.dll _internal/cv2/cv2.pyd \
         _internal/cv2/data/haarcascade_frontalface_alt2.xml _internal/cv2/data/haarcascade_eye.xml \
         _internal/cv2/data/haarcascade_eye_tree_eyeglasses.xml; do
    printf 'stand-in for %s\n' "$f" > "$P/$f"
done
cp -r "$ROOT/resources" "$P/_internal/counter_app/resources"
cp -r "$ROOT/counter_app/store/migrations" "$P/_internal/counter_app/store/migrations"
find "$P" -name __pycache__ -prune -exec rm -rf {} +

# the file fragment (the Windows workflow makes the same with WiX's heat)
(cd "$W" && find counter-app -type f | sort | wixl-heat --prefix counter-app/ \
    --directory-ref INSTALLDIR --component-group AppFiles --var var.SourceDir --win64 \
    > "$W/files.wxs")
# wixl resolves sources relative to the working directory (absolute paths fail)
cp "$ROOT/resources/icons/counter-app.ico" "$HERE/counter-app.wxs" "$W/"
# wixl writes no MSI (or empty names) for Chinese strings: ASCII stand-ins of names.wxi, same keys
sed -e 's/\(define ProductName = \)"[^"]*"/\1"Social Security Card Counter"/' \
    -e 's/\(define MenuName = \)"[^"]*"/\1"Counter App"/' \
    -e 's/\(define ShortcutName = \)"[^"]*"/\1"Social Security Card Counter"/' \
    -e 's/\(define ShortcutDescription = \)"[^"]*"/\1"Social security card business"/' \
    "$HERE/names.wxi" > "$W/names.wxi"
if LC_ALL=C grep -q '[^ -~]' "$W/names.wxi"; then fail "names.wxi has a name the stand-in misses"; fi
(cd "$W" && wixl --arch x64 -D Version="$VERSION" -D SourceDir=counter-app -D Win64=yes \
     -D IconFile=counter-app.ico -o counter-app.msi counter-app.wxs files.wxs)
echo "built $(du -h "$W/counter-app.msi" | cut -f1) MSI from $(find "$P" -type f | wc -l) stand-in files"

# what it installs
msiinfo export "$W/counter-app.msi" File > "$W/File.idt"
msiinfo export "$W/counter-app.msi" Shortcut > "$W/Shortcut.idt"
msiinfo export "$W/counter-app.msi" Component > "$W/Component.idt"
msiinfo export "$W/counter-app.msi" Directory > "$W/Directory.idt"
msiinfo export "$W/counter-app.msi" Property > "$W/Property.idt"
expected=$(cd "$P" && find . -type f | wc -l)
listed=$(tail -n +4 "$W/File.idt" | wc -l)
[ "$listed" -eq "$expected" ] || fail "File table has $listed files, payload $expected"
for name in counter-app.exe counter-app-cli.exe demo-instant.toml counter-app.png env.py \
            haarcascade_frontalface_alt2.xml; do
    grep -q "$name" "$W/File.idt" || fail "$name not in the File table"
done
awk -F'\t' '$1 == "CounterAppShortcut" && $2 == "AppMenuFolder" && $3 != "" &&
     $5 == "[INSTALLDIR]counter-app.exe" {ok=1} END {exit !ok}' "$W/Shortcut.idt" \
    || fail "no named Start-menu shortcut to counter-app.exe"
awk -F'\t' '$1 == "AppMenuFolder" && $2 == "ProgramMenuFolder" && $3 != "" {ok=1} END {exit !ok}' \
    "$W/Directory.idt" || fail "no named Start-menu folder"
grep -q "ProgramFiles64Folder" "$W/Directory.idt" || fail "not installed under Program Files"
grep -q "CommonAppDataFolder" "$W/Directory.idt" || fail "no ProgramData directory"
# uninstall keeps the data: no installed file and no RemoveFile entry in ProgramData\counter-app
awk -F'\t' '$1 == "MachineProfileDir" {found=1} END {exit !found}' "$W/Component.idt" \
    || fail "no ProgramData component"
if awk -F'\t' 'NR > 3 && $2 == "MachineProfileDir"' "$W/File.idt" | grep -q .; then
    fail "the MSI installs a file into ProgramData\\counter-app"
fi
if msiinfo tables "$W/counter-app.msi" | grep -qx RemoveFile; then
    msiinfo export "$W/counter-app.msi" RemoveFile | grep -v RemoveAppMenuFolder | tail -n +4 | grep -q . \
        && fail "the MSI removes files besides its Start-menu folder"
fi
grep -q "ALLUSERS" "$W/Property.idt" || msiinfo suminfo "$W/counter-app.msi" | grep -qi "word count: [02]" \
    || fail "not a per-machine package"
echo "OK: $listed files, Start-menu shortcut, ProgramData kept on uninstall, per-machine"
