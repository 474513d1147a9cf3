#!/usr/bin/env bash
# A database the user cannot write: a read-only directory, a read-only file, a
# path under a file or a missing directory. Each gives a clear error naming the
# path, exit 1, and leaves no partial state (no new files, database unchanged).
# Permissions do not bind root, so those cases run as `nobody` via setpriv.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
cd "$work"
printf '%s\n' 'order_id,created_at,total' 'R-1,2026-01-01,1.00' 'R-2,2026-01-02,not money' >orders.csv
status=0

expect_refused() {  # expect_refused LABEL DBPATH RC ERRFILE
  local label="$1" db="$2" rc="$3" err="$4"
  [ "$rc" = 1 ] || { echo "FAIL [$label]: exit $rc, expected 1; stderr: $(head -c 400 "$err")"; status=1; }
  grep -qF -- "$db" "$err" || { echo "FAIL [$label]: the error does not name $db: $(head -c 400 "$err")"; status=1; }
  grep -qiE 'sanitizer|terminate called' "$err" && { echo "FAIL [$label]: crash"; status=1; }
  return 0
}

# As a user without rights (root ignores permissions).
as_user=()
if [ "$(id -u)" = 0 ]; then
  # nobody must be able to run the binary (a checkout under /root may not allow it).
  if command -v setpriv >/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --version >/dev/null 2>&1; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
fi

# 1. A path under a regular file, and a directory that does not exist.
for db in orders.csv/t.db missing-dir/t.db; do
  rc=0
  "$bin" --db "$db" import orders orders.csv >out 2>err || rc=$?
  expect_refused "$db" "$db" "$rc" err
  [ -e orders.csv.rejects.csv ] && { echo "FAIL [$db]: a rejects file was written though nothing was imported"; status=1; rm -f orders.csv.rejects.csv; }
  [ -e missing-dir ] && { echo "FAIL [$db]: the missing directory was created"; status=1; }
done

if [ "$(id -u)" = 0 ] && [ "${#as_user[@]}" = 0 ]; then
  echo "note: running as root and cannot run triage as nobody: the permission cases are skipped"
else
  # 2. A read-only directory, no database yet.
  mkdir -p ro input
  cp orders.csv input/
  chmod 777 input
  chmod 555 ro
  rc=0
  "${as_user[@]}" "$bin" --db ro/t.db import orders input/orders.csv >out 2>err || rc=$?
  expect_refused "read-only directory" "ro/t.db" "$rc" err
  [ -z "$(ls -A ro)" ] || { echo "FAIL [read-only directory]: files appeared: $(ls -A ro)"; status=1; }
  [ -e input/orders.csv.rejects.csv ] && { echo "FAIL [read-only directory]: a rejects file was written"; status=1; }

  # 3. An existing database in a read-only directory, the file read-only too.
  chmod 755 ro
  "$bin" --db ro/t.db -q import orders orders.csv 2>/dev/null || true
  rm -f orders.csv.rejects.csv
  cp ro/t.db before.db
  chmod 444 ro/t.db
  chmod 555 ro
  listing="$(ls -A ro)"
  rc=0
  "${as_user[@]}" "$bin" --db ro/t.db import orders input/orders.csv >out 2>err || rc=$?
  expect_refused "read-only database" "ro/t.db" "$rc" err
  cmp -s ro/t.db before.db || { echo "FAIL [read-only database]: the database changed"; status=1; }
  [ "$(ls -A ro)" = "$listing" ] || { echo "FAIL [read-only database]: files appeared: $(ls -A ro)"; status=1; }
  [ -e input/orders.csv.rejects.csv ] && { echo "FAIL [read-only database]: a rejects file was written"; status=1; }

  # 4. A writable database whose rejects file cannot be written: the import
  #    fails as a whole (exit 1) rather than losing the rejected row silently.
  chmod 755 ro
  chmod 644 ro/t.db
  mkdir -p rodata
  cp orders.csv rodata/
  chmod 555 rodata
  chmod 777 ro
  chown -R 65534 ro
  cp ro/t.db before.db
  rc=0
  "${as_user[@]}" "$bin" --db ro/t.db import orders rodata/orders.csv >out 2>err || rc=$?
  [ "${#as_user[@]}" = 0 ] || {
    [ "$rc" = 1 ] || { echo "FAIL [unwritable rejects file]: exit $rc, expected 1: $(head -c 400 err)"; status=1; }
    grep -qF 'rejects' err || { echo "FAIL [unwritable rejects file]: the error does not name the rejects file: $(head -c 300 err)"; status=1; }
    n="$(sqlite3 ro/t.db 'SELECT count(*) FROM imports' 2>/dev/null || echo '?')"
    [ "$n" = 1 ] || { echo "FAIL [unwritable rejects file]: the import was recorded ($n imports)"; status=1; }
  }
fi

[ "$status" = 0 ] && echo "ok: unwritable databases are refused cleanly"
exit "$status"
