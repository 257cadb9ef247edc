#!/usr/bin/env bash
# Build the release app and check it: the frozen `plutoeditor --version`, `import` and
# `check` (on the 2022 seed when ../shared is present: it has numbering errors, so exit 1),
# bad input (exit 2), and the frozen window opened offscreen on the imported policy.
#   packaging/check_frozen.sh          (CI runs it after the tests; PYTHON picks the venv)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || command -v python3 )} \
  packaging/build_linux.sh
frozen=dist/plutoeditor/plutoeditor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expect() {  # expect CODE COMMAND...: run, show the last lines, fail unless it exits with CODE
  local want=$1; shift
  set +e; "$@" >"$work/out.txt" 2>&1; local got=$?; set -e
  tail -3 "$work/out.txt" | sed 's/^/  /'
  if [ "$got" -ne "$want" ]; then
    echo "frozen app: '$*' exited $got, expected $want"; cat "$work/out.txt"; exit 1
  fi
}

echo "+ $frozen --version"; expect 0 "$frozen" --version
seed=../shared/seeds/pluto-privacy-2022-za.txt
if [ -f "$seed" ]; then
  echo "+ $frozen check $seed   (expect 1: the seed has numbering errors)"
  expect 1 "$frozen" check "$seed"
  expect 0 "$frozen" import "$seed" -o "$work/seed.policy.yaml"
else
  echo "($seed is absent: checking a small policy written here instead)"
  printf '1. Scope\n1.1 This policy applies to you.\n1.3 A gap in the numbering.\n' > "$work/seed.txt"
  expect 0 "$frozen" import "$work/seed.txt" -o "$work/seed.policy.yaml"
fi
echo "+ $frozen check (the imported .policy.yaml, validated against the bundled schema)"
expect 1 "$frozen" check "$work/seed.policy.yaml"
echo "+ $frozen export to Word and HTML, diff, import from Word"
expect 0 "$frozen" export "$work/seed.policy.yaml" -o "$work/seed.docx"
expect 0 "$frozen" export "$work/seed.policy.yaml" -o "$work/seed.html"
expect 0 "$frozen" diff "$work/seed.policy.yaml" "$work/seed.policy.yaml"
expect 0 "$frozen" import "$work/seed.docx" -o "$work/from-word.policy.yaml"
echo "+ $frozen check missing-file   (expect 2: bad input)"
expect 2 "$frozen" check "$work/missing.policy.yaml"
echo "+ $frozen --smoke-test (window offscreen)"
QT_QPA_PLATFORM=offscreen expect 0 "$frozen" --smoke-test "$work/seed.policy.yaml"
echo "frozen app checked in $(( $(date +%s) - start )) s"
