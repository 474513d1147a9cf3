#!/usr/bin/env bash
# Files triage creates hold personal data: the database (and its -wal/-shm)
# and rejects files are created 0600 even under umask 000, and a session of
# every command writes nothing but the paths the user named (checked in an
# empty directory, with HOME and TMPDIR pointed at empty directories too).
set -euo pipefail
bin="${TRIAGE_BIN:?}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cwd" "$work/home" "$work/tmp" "$work/in" "$work/out"
cd "$work/cwd"
export HOME="$work/home" TMPDIR="$work/tmp"
unset TRIAGE_DB TRIAGE_POLICIES
umask 000
status=0
now=2026-11-30T12:00:00
printf '%s\n' 'order_id,email,created_at,total,status,shipped_at' \
  'S-1,s@example.com,2026-11-01 10:00,10.00,shipped,2026-11-02 10:00' \
  'S-2,s@example.com,not a date,10.00,shipped,' >"$work/in/orders.csv"
printf '%s\n' 'complaint_id,order_id,email,received_at,channel,subject,message,status' \
  'SC-1,S-1,s@example.com,2026-11-20 10:00,email,Gdzie paczka,Paczka nie dotarła,open' \
  'SC-2,S-1,s@example.com,someday,email,x,y,open' >"$work/in/complaints.csv"

perm() {  # perm FILE LABEL
  local p
  p="$(stat -c %a "$1")"
  [ "$p" = 600 ] || { echo "FAIL: $2 ($1) has mode $p, expected 600"; status=1; }
}

# The database named explicitly, rejects beside the input (the default).
"$bin" --db "$work/out/shop.db" -q import orders "$work/in/orders.csv" || true
perm "$work/out/shop.db" "the database"
perm "$work/in/orders.csv.rejects.csv" "the default rejects file"
# --rejects PATH, and a database held open while its -wal/-shm exist.
"$bin" --db "$work/out/shop.db" -q import complaints "$work/in/complaints.csv" --rejects "$work/out/c.rejects" || true
perm "$work/out/c.rejects" "a --rejects file"
if command -v sqlite3 >/dev/null; then
  # Keep a reader open so the WAL files stay while we look at them.
  { echo "BEGIN; SELECT count(*) FROM orders;"; sleep 2; } | sqlite3 "$work/out/shop.db" >/dev/null &
  holder=$!
  sleep 0.5
  "$bin" --db "$work/out/shop.db" -q import orders "$work/in/orders.csv" --rejects "$work/out/o2.rejects" || true
  for f in "$work/out/shop.db-wal" "$work/out/shop.db-shm"; do
    if [ -e "$f" ]; then perm "$f" "the database's $(basename "$f")"; else echo "FAIL: $f is missing while a reader holds the database"; status=1; fi
  done
  wait "$holder" || true
fi

# Every other command, from the empty working directory.
rc=0
"$bin" --db "$work/out/shop.db" -q run --now "$now" --format json >/dev/null 2>"$work/err" || rc=$?
[ "$rc" = 0 ] || { echo "FAIL: run exited $rc: $(head -c 300 "$work/err")"; status=1; }
"$bin" --db "$work/out/shop.db" -q explain SC-1 --now "$now" >/dev/null 2>&1 || true
"$bin" --db "$work/out/shop.db" -q customer s@example.com >/dev/null
"$bin" -q check >/dev/null
"$bin" -q test >/dev/null 2>&1 || true
"$bin" --db "$work/out/shop.db" -q diff --policies "$work/in/missing-pack" >/dev/null 2>&1 || true
"$bin" -q import orders "$work/in/orders.csv" --dry-run --db "$work/out/dry.db" >/dev/null 2>&1 || true
[ -e "$work/out/dry.db" ] && { echo "FAIL: import --dry-run created a database"; status=1; }

# Standard input: rejects go to stderr, nothing is written beside anything.
"$bin" --db "$work/out/shop.db" -q import orders - <"$work/in/orders.csv" >/dev/null 2>&1 || true

left_cwd="$(ls -A "$work/cwd")"
left_home="$(ls -A "$work/home")"
left_tmp="$(ls -A "$work/tmp")"
[ -z "$left_cwd" ] || { echo "FAIL: files appeared in the working directory: $left_cwd"; status=1; }
[ -z "$left_home" ] || { echo "FAIL: files appeared in HOME: $left_home"; status=1; }
[ -z "$left_tmp" ] || { echo "FAIL: files were left in TMPDIR: $left_tmp"; status=1; }
want_in="$(printf '%s\n' complaints.csv orders.csv orders.csv.rejects.csv)"
got_in="$(ls -A "$work/in")"
[ "$got_in" = "$want_in" ] || { echo "FAIL: the input directory holds: $(echo $got_in)"; status=1; }
got_out="$(ls -A "$work/out" | grep -vE '^shop\.db-(wal|shm)$' || true)"
want_out="$(printf '%s\n' c.rejects o2.rejects shop.db)"
[ "$got_out" = "$want_out" ] || { echo "FAIL: the output directory holds: $(echo $got_out)"; status=1; }

[ "$status" = 0 ] && echo "ok: private files, nothing written outside the named paths"
exit "$status"
