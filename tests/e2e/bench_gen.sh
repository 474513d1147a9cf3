#!/usr/bin/env bash
# The benchmark's data generator is deterministic (same seed, same bytes;
# another seed, other bytes) and every file it writes imports without a flag
# and without a single reject, the Shopify variant included.
set -euo pipefail
: "${TRIAGE_BIN:?set TRIAGE_BIN to the triage binary}"
gen="$(dirname "$TRIAGE_BIN")/bench/triage_bench_gen"
if [ ! -x "$gen" ]; then
  echo "FAIL: the generator is not built at $gen (build the triage_bench_gen target)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

args=(--orders 3000 --customers 900 --complaints 600 --delta 20)
"$gen" --seed 7 "${args[@]}" --out "$work/a" 2>/dev/null
"$gen" --seed 7 "${args[@]}" --out "$work/b" 2>/dev/null
"$gen" --seed 8 "${args[@]}" --out "$work/c" 2>/dev/null
"$gen" --seed 7 --orders 3000 --customers 900 --complaints 600 --out "$work/d" 2>/dev/null
sums() { (cd "$1" && sha256sum orders.csv complaints.csv disputes.csv reviews.csv); }
[ "$(sums "$work/a")" = "$(sums "$work/b")" ] || fail "the same seed gave different files"
cmp -s "$work/a/complaints-delta.csv" "$work/b/complaints-delta.csv" || fail "the same seed gave different deltas"
[ "$(sums "$work/a")" != "$(sums "$work/c")" ] || fail "another seed gave the same files"
[ "$(sums "$work/a")" = "$(sums "$work/d")" ] || fail "asking for a delta changed the other files"

# Shapes: the canonical headers, and the counts asked for.
[ "$(head -1 "$work/a/orders.csv")" = "order_id,customer_id,email,phone,created_at,total,currency,payment_method,status,shipped_at,delivered_at,returned_at,return_reason,delivery_attempts,refunded,items,ship_name,ship_company,ship_street,ship_city,ship_postcode,ship_country,tags" ] ||
  fail "orders.csv header: $(head -1 "$work/a/orders.csv")"
[ "$(head -1 "$work/a/complaints.csv")" = "complaint_id,order_id,email,received_at,channel,subject,message,kind,first_reply_at,status,lang" ] ||
  fail "complaints.csv header: $(head -1 "$work/a/complaints.csv")"

# Every file imports with zero rejects, and every record arrives.
db="$work/t.db"
import() {  # KIND FILE EXPECTED_ROWS [ARGS...]
  local kind="$1" file="$2" want="$3"; shift 3
  local err
  err=$("$TRIAGE_BIN" --db "$db" import "$kind" "$file" "$@" 2>&1 >/dev/null) || fail "import $kind $file: $err"
  case "$err" in *" 0 rejected"*) ;; *) fail "import $kind $file had rejects: $err" ;; esac
  [ ! -e "$file.rejects.csv" ] || fail "import $kind $file wrote $file.rejects.csv"
  if command -v sqlite3 >/dev/null; then
    local got
    got=$(sqlite3 "$db" "select count(*) from $kind")
    [ "$got" = "$want" ] || fail "after importing $file: $got $kind in the database, expected $want"
  fi
}
rows() { echo $(($(wc -l < "$1") - 1)); }  # no generated field holds a newline but messages
import orders "$work/a/orders.csv" 3000
import disputes "$work/a/disputes.csv" "$(rows "$work/a/disputes.csv")"
import reviews "$work/a/reviews.csv" "$(rows "$work/a/reviews.csv")"
import complaints "$work/a/complaints.csv" 600
import complaints "$work/a/complaints-delta.csv" 620
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$db" 'select count(*) from orders')" = 3000 ] || fail "orders in the database: $(sqlite3 "$db" 'select count(*) from orders')"
  [ "$(sqlite3 "$db" 'select count(*) from complaints')" = 620 ] || fail "complaints in the database"
  [ "$(sqlite3 "$db" "select count(*) from complaints where received_at > (select max(received_at) from complaints where complaint_id <= 'C-0000600')")" = 20 ] ||
    fail "the delta's complaints are not all received after the others"
fi

# The Shopify variant: one row per line item, folded into one order each.
"$gen" --seed 7 --orders 3000 --customers 900 --shopify --orders-only --out "$work/s" 2>/dev/null
db="$work/s.db"
err=$("$TRIAGE_BIN" --db "$db" import orders "$work/s/shopify-orders.csv" --preset shopify 2>&1 >/dev/null) ||
  fail "import of the Shopify variant: $err"
case "$err" in *" 0 rejected"*) ;; *) fail "the Shopify variant had rejects: $err" ;; esac
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$db" 'select count(*) from orders')" = 3000 ] || fail "Shopify orders in the database: $(sqlite3 "$db" 'select count(*) from orders')"
fi
echo "bench_gen: ok"
