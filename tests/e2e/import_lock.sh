#!/usr/bin/env bash
# A second import while another process holds the write lock waits for the
# busy timeout (busy_timeout = "1s" in triage.toml), then exits 3 and changes nothing.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
src="${TRIAGE_SOURCE_DIR:?}"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 is not installed"; exit 0; }
work="$(mktemp -d)"
holder=""
cleanup() {
  [ -n "$holder" ] && kill "$holder" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }

printf 'busy_timeout = "1s"\n' >triage.toml
cp "$src/tests/data/import/orders-good.csv" .
"$bin" --db t.db -q import orders orders-good.csv
# Hold the write lock for a few seconds from another process.
(printf 'BEGIN IMMEDIATE;\nUPDATE orders SET tags = tags;\n'; sleep 6; printf 'ROLLBACK;\n') | sqlite3 t.db &
holder=$!
sleep 0.5
cp "$src/tests/data/import/orders-next.csv" .
t0=$(date +%s%N)
rc=0
"$bin" --db t.db import orders orders-next.csv 2>err || rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$rc" = 3 ] || fail "exit $rc, expected 3: $(cat err)"
grep -qF "locked by another run" err || fail "message: $(cat err)"
[ "$ms" -ge 900 ] || fail "gave up after ${ms} ms, before the 1 s busy timeout"
[ "$ms" -lt 5000 ] || fail "waited ${ms} ms, much longer than the 1 s busy timeout"
wait "$holder" || true
holder=""
[ "$(sqlite3 t.db "SELECT status FROM orders WHERE order_id = 'A-2'")" = shipped ] || fail "the locked import changed data"
# Once the lock is gone the same import goes through.
"$bin" --db t.db -q import orders orders-next.csv || fail "import after the lock was released"
[ "$(sqlite3 t.db "SELECT status FROM orders WHERE order_id = 'A-2'")" = delivered ] || fail "not imported"
echo ok
