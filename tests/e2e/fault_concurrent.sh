#!/usr/bin/env bash
# Two imports and a run started at once on one database, as two cron jobs
# might: each finishes, or exits 3 having changed nothing; afterwards nothing
# is lost or duplicated and the database passes PRAGMA integrity_check.
# Round 1 waits (busy_timeout 30s): all three must succeed. Round 2 gives up
# almost at once (busy_timeout 1ms): some may exit 3, with a clear message;
# running them again then completes the work.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3

gen() {  # gen PREFIX FROM TO FILE
  awk -v p="$1" -v a="$2" -v b="$3" 'BEGIN {
    print "order_id,customer_id,email,created_at,total,currency,payment_method,status,shipped_at"
    for (i = a; i <= b; i++)
      printf "%s-%d,K-%d,c%d@example.com,2026-10-%02d 10:00,%d.50,PLN,card,shipped,2026-10-%02d 12:00\n",
        p, i, i % 700, i % 700, 1 + i % 20, 10 + i % 300, 1 + i % 20
  }' >"$4"
}
# Two exports that overlap by 5,000 identical rows: the union is 35,000 orders.
gen O 1 20000 a.csv
gen O 15001 35000 b.csv
awk 'BEGIN {
  print "complaint_id,order_id,received_at,channel,subject,message,status"
  for (i = 1; i <= 300; i++)
    printf "C-%d,O-%d,2026-11-%02d 09:00,email,Paczka,Nie dotarła paczka numer %d,open\n", i, i * 7, 1 + i % 25, i
}' >complaints.csv

status=0
for round in 1 2; do
  rm -f t.db t.db-wal t.db-shm
  if [ "$round" = 1 ]; then echo 'busy_timeout = "30s"' >triage.toml; else echo 'busy_timeout = "1ms"' >triage.toml; fi
  # The run needs complaints (and their orders) to decide.
  "$bin" --db t.db -q import orders a.csv
  "$bin" --db t.db -q import complaints complaints.csv
  rm -f t.db.rejects.csv

  "$bin" --db t.db import orders a.csv >out.a 2>err.a & pa=$!
  "$bin" --db t.db import orders b.csv >out.b 2>err.b & pb=$!
  "$bin" --db t.db run --all --now 2026-11-30T12:00:00 --format ndjson >out.r 2>err.r & pr=$!
  ra=0; rb=0; rr=0
  wait "$pa" || ra=$?
  wait "$pb" || rb=$?
  wait "$pr" || rr=$?

  for who in a b r; do
    eval "rc=\$r$who"
    if [ "$round" = 1 ] && [ "$rc" != 0 ]; then
      echo "FAIL round 1: $who exited $rc despite a 30 s busy timeout: $(head -c 300 "err.$who")"
      status=1
    fi
    case "$rc" in
      0) ;;
      3)
        grep -q 'locked' "err.$who" || { echo "FAIL: $who exited 3 without saying the database is locked: $(head -c 300 "err.$who")"; status=1; }
        [ -s "out.$who" ] && { echo "FAIL: $who exited 3 but printed output"; status=1; }
        ;;
      *) echo "FAIL round $round: $who exited $rc (only 0 or 3 are clean): $(head -c 300 "err.$who")"; status=1 ;;
    esac
  done
  check="$(sqlite3 t.db 'PRAGMA integrity_check')"
  [ "$check" = ok ] || { echo "FAIL round $round: integrity_check: $check"; status=1; }

  # Whatever gave up is run again, alone; then everything must be there once.
  [ "$ra" = 3 ] && "$bin" --db t.db -q import orders a.csv
  [ "$rb" = 3 ] && "$bin" --db t.db -q import orders b.csv
  [ "$rr" = 3 ] && "$bin" --db t.db -q run --all --now 2026-11-30T12:00:00 --format ndjson >out.r
  orders="$(sqlite3 t.db 'SELECT count(*) FROM orders')"
  distinct="$(sqlite3 t.db 'SELECT count(DISTINCT order_id) FROM orders')"
  [ "$orders" = 35000 ] && [ "$distinct" = 35000 ] ||
    { echo "FAIL round $round: $orders orders ($distinct distinct), expected 35000"; status=1; }
  # Rows the two files share are identical, so their values are exact.
  sum="$(sqlite3 t.db "SELECT sum(total) FROM orders WHERE order_id LIKE 'O-%'")"
  want="$(awk -F, 'NR > 1 && !seen[$1]++ { split($5, m, "."); s += m[1] * 100 + m[2] } END { print s }' a.csv b.csv)"
  [ "$sum" = "$want" ] || { echo "FAIL round $round: order totals sum to $sum, expected $want"; status=1; }
  complaints="$(sqlite3 t.db 'SELECT count(*) FROM complaints')"
  [ "$complaints" = 300 ] || { echo "FAIL round $round: $complaints complaints, expected 300"; status=1; }
  {
    lines="$(grep -c '' out.r || true)"
    [ "$lines" = 300 ] || { echo "FAIL round $round: run printed $lines decisions, expected 300"; status=1; }
    if command -v jq >/dev/null; then
      jq -e . out.r >/dev/null 2>&1 || { echo "FAIL round $round: run printed invalid NDJSON"; status=1; }
    fi
  }
  check="$(sqlite3 t.db 'PRAGMA integrity_check')"
  [ "$check" = ok ] || { echo "FAIL round $round (after re-runs): integrity_check: $check"; status=1; }
  echo "round $round: exits import a=$ra import b=$rb run=$rr"
done
[ "$status" = 0 ] && echo "ok: concurrent imports and run"
exit "$status"
