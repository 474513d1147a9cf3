#!/usr/bin/env bash
# triage check on each bad pack under tests/data/policies/bad: exit 2, and
# stderr holds exactly the expected FILE:LINE:COL lines (file `expected`).
set -euo pipefail
: "${TRIAGE_BIN:?}" "${TRIAGE_SOURCE_DIR:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$TRIAGE_SOURCE_DIR/tests/data/policies/bad"
failed=0
for pack in */; do
  pack=${pack%/}
  rc=0
  TRIAGE_POLICIES= "$TRIAGE_BIN" check --policies "$pack" >"$work/out" 2>"$work/err" || rc=$?
  if [[ $rc -ne 2 ]]; then
    echo "FAIL $pack: exit $rc, expected 2"; cat "$work/err"; failed=1; continue
  fi
  if [[ -s "$work/out" ]]; then
    echo "FAIL $pack: stdout is not empty"; cat "$work/out"; failed=1
  fi
  # main prefixes the message with "triage: "
  sed 's/^triage: //' "$work/err" >"$work/got"
  if ! diff -u "$pack/expected" "$work/got"; then
    echo "FAIL $pack: stderr differs from $pack/expected"; failed=1
  fi
done
[[ $failed -eq 0 ]] && echo "ok"
exit $failed
