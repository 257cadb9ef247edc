#!/usr/bin/env bash
# Regenerate the English translation catalogue from the UI sources and compile every
# catalogue to .qm. Run after changing user-visible strings in plutoeditor/ui.
#   packaging/update_translations.sh            (uses pyside6-lupdate from PATH or /work/venv)
set -euo pipefail
cd "$(dirname "$0")/.."
bindir=$(dirname "$(command -v python)")
LUPDATE=${LUPDATE:-$(command -v pyside6-lupdate || echo "$bindir/pyside6-lupdate")}
LRELEASE=${LRELEASE:-$(command -v pyside6-lrelease || echo "$bindir/pyside6-lrelease")}
out=resources/translations
mkdir -p "$out"
# Every .py under plutoeditor/ui (sorted, so the catalogue is stable between runs).
mapfile -t sources < <(find plutoeditor/ui -name '*.py' | LC_ALL=C sort)
"$LUPDATE" -no-obsolete -locations relative -source-language en -target-language en \
  "${sources[@]}" -ts "$out/plutoeditor_en.ts"
for ts in "$out"/plutoeditor_*.ts; do
  "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
done
