#!/usr/bin/env bash
# The threaded paths on a generated shop large enough to take them: a first
# import of orders (reading and typing on one thread, writing on another,
# customers resolved in memory), a re-import and an import into a table that
# already has rows; then `run --all` over more than 20,000 complaints (the
# histories read on their own thread, two deciders, a writer; disputes and
# reviews read in bulk) and a nightly run. Checked: the results do not depend
# on how the threads were scheduled (two dry runs and the recording run give
# byte-identical output), every complaint is decided exactly once, and
# the decisions table holds what was printed. scripts/test also runs this
# under ThreadSanitizer, where any data race fails it.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3
gen="$(dirname "$bin")/bench/triage_bench_gen"
[ -x "$gen" ] || fail "the generator is not built at $gen (build the triage_bench_gen target)"
t() { "$TRIAGE_BIN" --db shop.db -q "$@"; }
q() { sqlite3 shop.db "$1"; }
now=2026-11-21T08:00:00Z

"$gen" --seed 11 --orders 60000 --customers 15000 --complaints 20500 --delta 150 --out data 2>/dev/null

for kind in orders disputes reviews complaints; do t import "$kind" "data/$kind.csv" || fail "import $kind exited $?"; done
orders=$(q 'SELECT count(*) FROM orders')
[ "$orders" -gt 0 ] || fail "no orders imported"
[ "$(q 'PRAGMA journal_mode')" = wal ] || fail "journal mode $(q 'PRAGMA journal_mode') after the first import"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the first import"
# Every order has a customer, and every customer's identifiers point at it.
[ "$(q 'SELECT count(*) FROM orders WHERE customer IS NULL OR customer NOT IN (SELECT id FROM customers)')" = 0 ] ||
  fail "orders without a customer"
[ "$(q 'SELECT count(*) FROM identities WHERE customer NOT IN (SELECT id FROM customers)')" = 0 ] ||
  fail "identifiers of a customer that does not exist"

# The same file again changes nothing; a second file adds to a table with rows.
before=$(q 'SELECT count(*), total(row_hash) FROM orders')
t import orders data/orders.csv || fail "re-import exited $?"
[ "$(q 'SELECT count(*), total(row_hash) FROM orders')" = "$before" ] || fail "the re-import changed the orders"
awk -F, 'NR == 1 { print; next } NR <= 5001 { print "X" $0 }' data/orders.csv > more.csv  # new order ids
t import orders more.csv || fail "import into a table with rows exited $?"
[ "$(q 'SELECT count(*) FROM orders')" = $((orders + 5000)) ] || fail "$(q 'SELECT count(*) FROM orders') orders, expected $((orders + 5000))"

total=$(q 'SELECT count(*) FROM complaints')  # --all: every complaint, closed ones too
t run --all --dry-run --format ndjson --now "$now" > dry1.ndjson || fail "dry run exited $?"
t run --all --dry-run --format ndjson --now "$now" > dry2.ndjson || fail "second dry run exited $?"
cmp -s dry1.ndjson dry2.ndjson || fail "two dry runs differ"
t run --all --format ndjson --now "$now" > run.ndjson || fail "run exited $?"
cmp -s dry1.ndjson run.ndjson || fail "the recording run printed something else than the dry run"
[ "$(wc -l < run.ndjson)" = "$total" ] || fail "$(wc -l < run.ndjson) decisions printed for $total complaints"
[ "$(q 'SELECT count(*), count(DISTINCT complaint_id) FROM decisions')" = "$total|$total" ] ||
  fail "decisions table: $(q 'SELECT count(*), count(DISTINCT complaint_id) FROM decisions'), expected $total once each"
grep -o '"complaint":"[^"]*"' run.ndjson | cut -d'"' -f4 | sort > printed
q 'SELECT complaint_id FROM decisions' | sort > recorded
cmp -s printed recorded || fail "the decisions recorded are not the ones printed"

# The nightly run decides the new complaints only.
t import complaints data/complaints-delta.csv || fail "import of the delta exited $?"
t run --format ndjson --now "$now" > delta.ndjson || fail "delta run exited $?"
new=$(wc -l < data/complaints-delta.csv)
[ "$(wc -l < delta.ndjson)" -le $((new - 1)) ] && [ "$(wc -l < delta.ndjson)" -gt 0 ] ||
  fail "the nightly run decided $(wc -l < delta.ndjson) complaints for $((new - 1)) new ones"
t run --format ndjson --now "$now" > again.ndjson || fail "second nightly run exited $?"
[ ! -s again.ndjson ] || fail "a second nightly run decided again: $(wc -l < again.ndjson)"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity_check at the end"
echo "ok: $orders orders, $total complaints decided the same way three times, $(wc -l < delta.ndjson) in the nightly run"
