#!/usr/bin/env bash
# Build the one-folder Linux application into dist/plutoeditor (PyInstaller).
#
#   packaging/build_linux.sh            uses $PYTHON, else the active venv, else ./.venv,
#                                       else creates ./.venv-build; installs PyInstaller there
#   packaging/build_linux.sh --tarball  also writes dist/plutoeditor-<version>-linux-<arch>.tar.gz
#
# The result runs without Python installed: dist/plutoeditor/plutoeditor [FILE | COMMAND ...].
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

if [ -n "${PYTHON:-}" ]; then PY="$PYTHON"
elif [ -n "${VIRTUAL_ENV:-}" ]; then PY="$VIRTUAL_ENV/bin/python"
elif [ -x .venv/bin/python ]; then PY=.venv/bin/python
else
  python3 -m venv .venv-build
  PY=.venv-build/bin/python
fi
echo "build: using $PY ($("$PY" --version))"

# The app with its dependencies at the versions pyproject.toml allows (it excludes known-bad
# PySide6 releases), plus PyInstaller from the 'packaging' extra. Quick when already there.
"$PY" -m pip install -q -e '.[packaging]'

# Compiled translations and icons are build inputs; refresh them when their tools exist.
bindir=$(dirname "$PY")
if [ -x "$bindir/pyside6-lrelease" ]; then
  for ts in resources/translations/plutoeditor_*.ts; do
    [ -e "$ts" ] && "$bindir/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/plutoeditor.spec

# Desktop integration travels with the app: ./install.sh inside the unpacked folder.
mkdir -p dist/plutoeditor/linux
cp packaging/linux/install.sh dist/plutoeditor/install.sh
cp packaging/linux/org.plutoeditor.PlutoEditor.desktop packaging/linux/org.plutoeditor.PlutoEditor.metainfo.xml \
   packaging/linux/org.plutoeditor.PlutoEditor.mime.xml dist/plutoeditor/linux/

if [ "${1:-}" = "--tarball" ]; then
  version=$("$PY" -c "import plutoeditor; print(plutoeditor.__version__)")
  tarball="dist/plutoeditor-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$tarball" plutoeditor
  echo "build: wrote $tarball"
fi
echo "build: dist/plutoeditor ($(du -sh dist/plutoeditor | cut -f1)) in $(( $(date +%s) - start )) s"
