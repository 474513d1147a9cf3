#!/usr/bin/env bash
# kill -9 at random moments during a large import, 20 times: the database
# always opens, passes PRAGMA integrity_check, holds exactly the state before
# the import or after it, and running the import again completes it.
# The file is sized so that one import takes about 0.6 s on this machine
# (and build: sanitizers are slower), which keeps the test well under a minute.
source "$(dirname "${BASH_SOURCE[0]}")/lib/kill_setup.sh"

gen() {  # gen N FILE: N orders over 5000 customers
  awk -v n="$1" 'BEGIN {
    print "order_id,customer_id,email,phone,created_at,total,currency,payment_method,status,items,ship_city"
    for (i = 1; i <= n; i++) {
      c = i % 5000
      printf "O-%d,K-%d,c%d@example.com,+48600%06d,2026-%02d-%02d %02d:%02d,%d.%02d,PLN,%s,%s,%d,Miasto %d\n",
        i, c, c, c, 1 + i % 12, 1 + i % 28, i % 24, i % 60, 10 + i % 900, i % 100,
        (i % 3 ? "card" : "cod"), (i % 5 ? "delivered" : "shipped"), 1 + i % 4, i % 97
    }
  }' >"$2"
}

# The state before: 50 other orders.
awk 'BEGIN { print "order_id,created_at,total"; for (i = 1; i <= 50; i++) printf "P-%d,2026-01-01,1.00\n", i }' >pre.csv
"$bin" --db base.db -q import orders pre.csv

# Size the file: time 20,000 rows, aim at about 0.6 s, 200,000 rows at most.
gen 20000 probe.csv
cp base.db probe.db
t0=$(date +%s%N)
"$bin" --db probe.db -q import orders probe.csv
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 + 1 ))
rows=$(( 20000 * 600 / ms ))
[ "$rows" -gt 200000 ] && rows=200000
[ "$rows" -lt 5000 ] && rows=5000
gen "$rows" big.csv
cp base.db full.db
t0=$(date +%s%N)
"$bin" --db full.db -q import orders big.csv
t1=$(date +%s%N)
full_ms=$(( (t1 - t0) / 1000000 + 1 ))
before=50
after=$((50 + rows))
got="$(sqlite3 full.db 'SELECT count(*) FROM orders')"
[ "$got" = "$after" ] || { echo "FAIL: a full import holds $got orders, expected $after"; exit 1; }
echo "import of $rows rows takes ${full_ms} ms; killing at random moments within it"

status=0
for round in $(seq 1 20); do
  cp base.db t.db
  rm -f t.db-wal t.db-shm
  # A random moment in the first 110% of the import's run time.
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (full_ms * 11 / 10 + 1) ))
  kill_import "$delay_ms" t.db big.csv

  check="$(sqlite3 t.db 'PRAGMA integrity_check' 2>&1)" || true
  if [ "$check" != ok ]; then
    echo "FAIL round $round (killed at ${delay_ms} ms): integrity_check: $check"
    status=1
    continue
  fi
  count="$(sqlite3 t.db 'SELECT count(*) FROM orders' 2>&1)" || true
  imports="$(sqlite3 t.db 'SELECT count(*) FROM imports' 2>&1)" || true
  if ! { [ "$count" = "$before" ] && [ "$imports" = 1 ]; } && ! { [ "$count" = "$after" ] && [ "$imports" = 2 ]; }; then
    echo "FAIL round $round (killed at ${delay_ms} ms): $count orders and $imports imports; expected $before/1 or $after/2"
    status=1
  fi
  # The binary itself opens it, and a re-run finishes the job.
  if ! "$bin" --db t.db -q import orders big.csv 2>err; then
    echo "FAIL round $round: the re-run failed: $(head -c 400 err)"
    status=1
    continue
  fi
  count="$(sqlite3 t.db 'SELECT count(*) FROM orders')"
  check="$(sqlite3 t.db 'PRAGMA integrity_check')"
  if [ "$count" != "$after" ] || [ "$check" != ok ]; then
    echo "FAIL round $round: after the re-run $count orders (expected $after), integrity_check: $check"
    status=1
  fi
done
# The test means nothing if no kill landed mid-import.
if [ "$killed_mid" -lt 5 ]; then
  echo "FAIL: only $killed_mid of 20 kills hit a running import"
  status=1
fi
[ "$status" = 0 ] && echo "ok: 20 kills ($killed_mid mid-import), the database always intact"
exit "$status"
