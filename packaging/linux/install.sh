#!/usr/bin/env bash
# Install a PlutoEditor release build (the one-folder app from packaging/build_linux.sh)
# for the current user, with menu entry, icon and the .policy.yaml file association.
#
#   ./install.sh                     from an unpacked release (the folder holding `plutoeditor`)
#   packaging/linux/install.sh [APP_FOLDER]   from a checkout; default APP_FOLDER dist/plutoeditor
#   PREFIX=/usr/local sudo -E ./install.sh    (system-wide)
#   ./install.sh --uninstall
#
# Files go to $PREFIX/lib/plutoeditor (the app), $PREFIX/bin/plutoeditor (a link),
# $PREFIX/share/{applications,metainfo,mime/packages,icons/hicolor}. PREFIX defaults to
# ~/.local. DESTDIR is prepended to every path (for building distribution packages).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
APP_ID=org.plutoeditor.PlutoEditor
PREFIX=${PREFIX:-$HOME/.local}
DESTDIR=${DESTDIR:-}
root="$DESTDIR$PREFIX"
share="$root/share"

refresh() {
  if [ -z "$DESTDIR" ]; then
    command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$root/lib/plutoeditor"
  rm -f "$root/bin/plutoeditor" "$share/applications/$APP_ID.desktop" \
        "$share/metainfo/$APP_ID.metainfo.xml" "$share/mime/packages/$APP_ID.xml"
  rm -f "$share"/icons/hicolor/*/apps/$APP_ID.png "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
  refresh
  echo "PlutoEditor removed from $PREFIX (settings, recovery files and logs are kept)"
  exit 0
fi

if [ -x "$here/plutoeditor" ]; then   # an unpacked release build
  app="$here"; meta="$here/linux"; icons="$here/_internal/resources/icons"
else                                  # the source tree
  repo="$(cd "$here/../.." && pwd)"
  app="${1:-$repo/dist/plutoeditor}"; meta="$here"; icons="$repo/resources/icons"
fi
if [ ! -x "$app/plutoeditor" ]; then
  echo "install.sh: no built app at $app (run packaging/build_linux.sh first)" >&2
  exit 2
fi

mkdir -p "$root/lib" "$root/bin" "$share/applications" "$share/metainfo" "$share/mime/packages"
if [ "$(cd "$app" && pwd -P)" != "$(cd "$root/lib/plutoeditor" 2>/dev/null && pwd -P)" ]; then
  rm -rf "$root/lib/plutoeditor.new"
  cp -a "$app" "$root/lib/plutoeditor.new"   # copy first, then swap: never half-installed
  rm -rf "$root/lib/plutoeditor"
  mv "$root/lib/plutoeditor.new" "$root/lib/plutoeditor"
fi
ln -sfn "$PREFIX/lib/plutoeditor/plutoeditor" "$root/bin/plutoeditor"

# The desktop entry runs the installed binary by absolute path (~/.local/bin is not always on PATH).
sed -e "s|^Exec=plutoeditor |Exec=$PREFIX/bin/plutoeditor |" \
    -e "s|^TryExec=plutoeditor|TryExec=$PREFIX/bin/plutoeditor|" \
    "$meta/$APP_ID.desktop" > "$share/applications/$APP_ID.desktop"
cp "$meta/$APP_ID.metainfo.xml" "$share/metainfo/"
cp "$meta/$APP_ID.mime.xml" "$share/mime/packages/$APP_ID.xml"
for size in 16 24 32 48 64 128 256; do
  dir="$share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  cp "$icons/plutoeditor-$size.png" "$dir/$APP_ID.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$icons/plutoeditor.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
refresh
echo "PlutoEditor installed in $PREFIX; run 'plutoeditor' or pick it from the applications menu"
