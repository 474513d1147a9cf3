#!/usr/bin/env bash
# The first import of orders into an empty table takes the fast path (rollback
# journal instead of WAL, the id index dropped once ids go out of order and
# rebuilt at the end, customers resolved in memory). kill -9 at random moments
# during it, 10 times: the database always opens, passes integrity_check and
# holds the state before or after; a re-run completes it, and the file is back
# in WAL mode with every index in place. Also: that fast path gives the same
# rows, customers and summary as the ordinary path.
source "$(dirname "${BASH_SOURCE[0]}")/lib/kill_setup.sh"
fail() { echo "FAIL: $*"; status=1; }
status=0

# N orders over 4000 customers, ids ascending, then some out of order, a
# duplicate (the later row wins) and rows that merge two customers.
gen() {  # gen N FILE
  awk -v n="$1" 'BEGIN {
    print "order_id,customer_id,email,phone,created_at,total,currency,status,items"
    for (i = 1; i <= n; i++) {
      c = i % 4000
      printf "O-%07d,K-%d,c%d@example.com,,2026-%02d-%02d 10:00,%d.%02d,PLN,delivered,%d\n",
        i, c, c, 1 + i % 12, 1 + i % 28, 10 + i % 900, i % 100, 1 + i % 4
    }
    print "A-2,,solo@example.com,,2026-02-01 10:00,5.00,PLN,shipped,1"
    print "A-1,,,+48 700 000 001,2026-02-01 10:00,6.00,PLN,shipped,1"
    print "A-3,,solo@example.com,700 000 001,2026-02-02 10:00,7.00,PLN,shipped,1"
    print "O-0000010,K-10,c10@example.com,,2026-03-01 10:00,999.00,PLN,returned,2"
  }' >"$2"
}
printf '%s\n' 'complaint_id,email,received_at,message' 'C-1,someone@example.com,2026-01-05 10:00,hello' >c.csv
"$bin" --db base.db -q import complaints c.csv

gen 20000 probe.csv
cp base.db probe.db
t0=$(date +%s%N)
"$bin" --db probe.db import orders probe.csv 2>err || { echo "FAIL: probe import: $(cat err)"; exit 1; }
t1=$(date +%s%N)
grep -qF "20004 read, 20003 new, 0 updated, 1 duplicate, 0 rejected" err || fail "summary: $(cat err)"
ms=$(( (t1 - t0) / 1000000 + 1 ))
rows=$(( 20000 * 500 / ms ))
[ "$rows" -gt 150000 ] && rows=150000
[ "$rows" -lt 5000 ] && rows=5000
gen "$rows" big.csv
after=$((rows + 3))

# The same rows through the ordinary path (a table that is not empty) give the
# same orders and customers.
q() { sqlite3 "$1" "$2"; }
snap() {
  sqlite3 "$1" "SELECT o.order_id, o.total, o.status, o.items, c.key FROM orders o JOIN customers c ON c.id = o.customer
    WHERE o.order_id != 'Z-0' ORDER BY o.order_id;
    SELECT count(*) FROM customers; SELECT i.ident, c.key FROM identities i JOIN customers c ON c.id = i.customer ORDER BY 1"
}
cp base.db slow.db
printf '%s\n' 'order_id,created_at,total' 'Z-0,2026-01-01,1.00' >z.csv
"$bin" --db slow.db -q import orders z.csv
"$bin" --db slow.db -q import orders probe.csv
[ "$(snap probe.db)" = "$(snap slow.db)" ] || fail "the fast path and the ordinary one differ: $(diff <(snap probe.db) <(snap slow.db) | head -5)"
[ "$(q probe.db "SELECT status FROM orders WHERE order_id = 'O-0000010'")" = returned ] || fail "the later duplicate did not win"
[ "$(q probe.db "SELECT count(DISTINCT customer) FROM orders WHERE order_id IN ('A-1', 'A-2', 'A-3')")" = 1 ] ||
  fail "A-1..A-3 not merged into one customer"

for round in $(seq 1 10); do
  cp base.db t.db
  rm -f t.db-wal t.db-shm t.db-journal
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (ms * rows / 20000 * 11 / 10 + 1) ))
  kill_import "$delay_ms" t.db big.csv

  check="$(q t.db 'PRAGMA integrity_check' 2>&1)" || true
  [ "$check" = ok ] || { fail "round $round (killed at ${delay_ms} ms): integrity_check: $check"; continue; }
  count="$(q t.db 'SELECT count(*) FROM orders' 2>&1)" || true
  imports="$(q t.db 'SELECT count(*) FROM imports' 2>&1)" || true
  if ! { [ "$count" = 0 ] && [ "$imports" = 1 ]; } && ! { [ "$count" = "$after" ] && [ "$imports" = 2 ]; }; then
    fail "round $round (killed at ${delay_ms} ms): $count orders and $imports imports; expected 0/1 or $after/2"
  fi
  "$bin" --db t.db -q import orders big.csv 2>err || { fail "round $round: the re-run failed: $(head -c 400 err)"; continue; }
  [ "$(q t.db 'SELECT count(*) FROM orders')" = "$after" ] || fail "round $round: $(q t.db 'SELECT count(*) FROM orders') orders after the re-run"
  [ "$(q t.db 'PRAGMA integrity_check')" = ok ] || fail "round $round: integrity_check after the re-run"
  [ "$(q t.db 'PRAGMA journal_mode')" = wal ] || fail "round $round: journal mode $(q t.db 'PRAGMA journal_mode') after the re-run"
  [ "$(q t.db "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
      ('orders_order_id', 'orders_customer', 'identities_customer')")" = 3 ] || fail "round $round: an index is missing"
  [ -e t.db-journal ] && fail "round $round: a rollback journal was left behind"
done
[ "$killed_mid" -ge 3 ] || fail "only $killed_mid of 10 kills hit a running import"
[ "$status" = 0 ] && echo "ok: 10 kills ($killed_mid mid-import) during a first import, the database always intact"
exit "$status"
