#!/usr/bin/env bash
# Disk full in the middle of an import: a clear error, exit 1, and the database
# exactly as it was (byte-identical, integrity ok); with space again, the same
# import completes. Two stand-ins for a full disk: a file size limit
# (ulimit -f, with SIGXFSZ ignored so that write() fails with EFBIG) always,
# and a 1 MiB tmpfs when this user may mount one.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 is not installed (scripts/deps installs it)"; exit 0; }
work="$(mktemp -d)"
mnt=""
cleanup() {
  [ -n "$mnt" ] && umount "$mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

awk 'BEGIN {
  print "order_id,customer_id,email,created_at,total,currency,status,ship_street,ship_city"
  for (i = 1; i <= 30000; i++)
    printf "F-%d,K-%d,c%d@example.com,2026-10-%02d 10:00,%d.00,PLN,delivered,Ulica Długa %d,Gdańsk\n", i, i, i, 1 + i % 28, i % 500, i
}' >big.csv
printf '%s\n' 'order_id,created_at,total' 'P-1,2026-01-01,1.00' 'P-2,2026-01-02,2.00' >small.csv

status=0
check_full() {  # check_full LABEL DIR RC: the import failed cleanly and changed nothing
  local label="$1" dir="$2" rc="$3"
  if [ "$rc" != 1 ]; then
    echo "FAIL [$label]: exit $rc, expected 1; stderr: $(head -c 400 "$dir/err")"
    status=1
  fi
  grep -qiE 'full|space|too large|EFBIG|quota' "$dir/err" || { echo "FAIL [$label]: the error does not say the disk is full: $(head -c 400 "$dir/err")"; status=1; }
  grep -qF "t.db" "$dir/err" || { echo "FAIL [$label]: the error does not name the database: $(head -c 400 "$dir/err")"; status=1; }
  grep -qiE 'sanitizer|terminate called' "$dir/err" && { echo "FAIL [$label]: crash: $(head -c 400 "$dir/err")"; status=1; }
  cmp -s "$dir/t.db" "$work/before.db" || { echo "FAIL [$label]: the database file changed"; status=1; }
  local check count
  check="$(sqlite3 "$dir/t.db" 'PRAGMA integrity_check' 2>&1)" || true
  count="$(sqlite3 "$dir/t.db" 'SELECT count(*) FROM orders' 2>&1)" || true
  [ "$check" = ok ] || { echo "FAIL [$label]: integrity_check: $check"; status=1; }
  [ "$count" = 2 ] || { echo "FAIL [$label]: $count orders after the failed import, expected 2"; status=1; }
}

"$bin" --db before.db -q import orders small.csv
[ ! -s before.db-wal ] || { echo "FAIL: the first import left a WAL behind"; exit 1; }

# 1. A file size limit a little above the database's size.
mkdir lim
cp before.db lim/t.db
kb=$(( $(stat -c %s before.db) / 1024 + 64 ))
rc=0
(
  trap '' XFSZ
  ulimit -f "$kb"
  exec "$bin" --db lim/t.db import orders big.csv --rejects lim/rejects.csv
) >lim/out 2>lim/err || rc=$?
check_full "ulimit -f ${kb}k" lim "$rc"
if "$bin" --db lim/t.db -q import orders big.csv --rejects lim/rejects.csv 2>lim/err2; then
  count="$(sqlite3 lim/t.db 'SELECT count(*) FROM orders')"
  [ "$count" = 30002 ] || { echo "FAIL [ulimit]: after the retry $count orders, expected 30002"; status=1; }
else
  echo "FAIL [ulimit]: the retry with space failed: $(head -c 300 lim/err2)"
  status=1
fi

# 2. A real full file system, when we may mount one.
mkdir tmpfs
if mount -t tmpfs -o size=1m,mode=0700 tmpfs tmpfs 2>/dev/null; then
  mnt="$work/tmpfs"
  cp before.db tmpfs/t.db
  # Fill what is left but about 100 KiB, so the import runs out mid-way.
  avail=$(( $(df -k --output=avail tmpfs | tail -1) - 100 ))
  [ "$avail" -gt 0 ] && head -c "$((avail * 1024))" /dev/zero >tmpfs/filler 2>/dev/null || true
  rc=0
  "$bin" --db tmpfs/t.db import orders big.csv --rejects rejects.csv >tmpfs-out 2>tmpfs-err || rc=$?
  mkdir -p tmpfs-case
  mv tmpfs-err tmpfs-case/err
  cp tmpfs/t.db tmpfs-case/t.db
  check_full "tmpfs 1 MiB" tmpfs-case "$rc"
  [ -s tmpfs/t.db-wal ] && { echo "FAIL [tmpfs]: a WAL with content was left behind"; status=1; }
  umount "$mnt"
  mnt=""
else
  echo "note: cannot mount a tmpfs here; only the ulimit -f case ran"
fi

[ "$status" = 0 ] && echo "ok: a full disk fails the import cleanly"
exit "$status"
