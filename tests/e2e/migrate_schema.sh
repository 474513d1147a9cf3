#!/usr/bin/env bash
# Schema versions: a database from an older triage (here user_version 0, no
# tables, as an empty SQLite file and as one sqlite3 created) is migrated
# forward by an import; one from a newer triage (user_version 999), or a file
# that is not SQLite at all, is refused with a clear message, exit 1, and left
# byte-identical.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3
printf '%s\n' 'order_id,email,created_at,total' 'M-1,m@example.com,2026-01-01,1.00' 'M-2,m@example.com,2026-01-02,2.00' >orders.csv
status=0
fail() { echo "FAIL: $*"; status=1; }

# The current version, as a fresh database gets it.
"$bin" --db fresh.db -q import orders orders.csv
current="$(sqlite3 fresh.db 'PRAGMA user_version')"
[ "$current" -ge 1 ] || fail "a fresh database has user_version $current"
fresh_schema="$(sqlite3 fresh.db "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2")"

# Older: version 0, no tables.
: >empty.db
sqlite3 v0.db 'PRAGMA user_version = 0; PRAGMA page_size = 4096; VACUUM;'
chmod 600 v0.db
for db in empty.db v0.db; do
  # A read-only command explains what to do rather than migrating.
  rc=0
  "$bin" --db "$db" customer m@example.com >out 2>err || rc=$?
  [ "$rc" = 1 ] || fail "$db: customer exited $rc on an old schema, expected 1: $(head -c 300 err)"
  grep -qF "$db" err || fail "$db: the error does not name the database: $(head -c 300 err)"
  rc=0
  "$bin" --db "$db" import orders orders.csv >out 2>err || rc=$?
  [ "$rc" = 0 ] || fail "$db: the import of an old schema exited $rc: $(head -c 300 err)"
  v="$(sqlite3 "$db" 'PRAGMA user_version')"
  [ "$v" = "$current" ] || fail "$db: user_version $v after the migration, expected $current"
  schema="$(sqlite3 "$db" "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2")"
  [ "$schema" = "$fresh_schema" ] || fail "$db: the migrated schema differs from a fresh one"
  [ "$(sqlite3 "$db" 'SELECT count(*) FROM orders')" = 2 ] || fail "$db: the import after migrating did not land"
  [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "$db: integrity_check failed after migrating"
  rc=0
  "$bin" --db "$db" customer m@example.com >out 2>err || rc=$?
  [ "$rc" = 0 ] || fail "$db: customer exited $rc after the migration: $(head -c 300 err)"
done

# Newer than this binary: refused by every command, and untouched.
cp fresh.db v999.db
sqlite3 v999.db 'PRAGMA user_version = 999'
cp v999.db v999.before
for cmd in "import orders orders.csv" "customer m@example.com"; do
  rc=0
  # shellcheck disable=SC2086
  "$bin" --db v999.db $cmd >out 2>err || rc=$?
  [ "$rc" = 1 ] || fail "v999 ($cmd): exit $rc, expected 1: $(head -c 300 err)"
  grep -qF 'v999.db' err || fail "v999 ($cmd): the error does not name the database: $(head -c 300 err)"
  grep -qF '999' err || fail "v999 ($cmd): the error does not give the version found: $(head -c 300 err)"
  grep -qi 'upgrade triage' err || fail "v999 ($cmd): the error does not say to upgrade triage: $(head -c 300 err)"
  cmp -s v999.db v999.before || fail "v999 ($cmd): the database changed"
  [ -s v999.db-wal ] && fail "v999 ($cmd): a WAL with content was left"
done
[ -e orders.csv.rejects.csv ] && fail "a refused import wrote a rejects file"

# Not a database at all.
head -c 8192 /dev/urandom >junk.db
{ printf 'SQLite format 3\0'; head -c 4080 /dev/urandom; } >badheader.db
for db in junk.db badheader.db; do
  cp "$db" before
  rc=0
  "$bin" --db "$db" import orders orders.csv >out 2>err || rc=$?
  [ "$rc" = 1 ] || fail "$db: exit $rc, expected 1: $(head -c 300 err)"
  grep -qF "$db" err || fail "$db: the error does not name the file: $(head -c 300 err)"
  grep -qiE 'sanitizer|terminate called' err && fail "$db: crash"
  cmp -s "$db" before || fail "$db: the file was changed"
done

[ "$status" = 0 ] && echo "ok: old schemas migrate, newer and foreign files are refused"
exit "$status"
