#!/usr/bin/env bash
# triage customer: one customer found by e-mail, by phone in another spelling,
# by order and by complaint id, with orders, LTV, returns, reviews, decisions.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
ex="$src/examples"
export TRIAGE_DB="$work/t.db"

"$bin" -q import orders "$ex/zamowienia.csv" --map "$ex/zamowienia.map.toml"
"$bin" -q import reviews "$ex/reviews.csv"
"$bin" -q import complaints "$ex/complaints.csv"

"$bin" customer jana.novakova@example.cz >jana.txt
grep -q "^Customer K-0330" jana.txt || fail "customer key: $(head -1 jana.txt)"
grep -qE "orders +5 " jana.txt || fail "5 orders not counted"
grep -qE "LTV +2 430.00 PLN" jana.txt || fail "LTV should be 2 430.00 PLN (returned order left out)"
grep -qE "returns +1 " jana.txt || fail "1 return"
grep -q "R-204" jana.txt || fail "review missing"
grep -q "C-104.*not decided" jana.txt || fail "complaint without decision"

# The same customer by phone (another spelling), by order id and by complaint id.
for key in "00420 777 888 999" "PL-5007" "C-104" "K-0330" "JANA.NOVAKOVA@EXAMPLE.CZ"; do
  "$bin" customer "$key" | head -1 | grep -q "^Customer K-0330" || fail "key '$key' did not find K-0330"
done

"$bin" -q run --now 2026-11-23T09:00:00+01:00 >/dev/null
"$bin" customer C-104 >after.txt
grep -q "C-104.*-> goodwill" after.txt || fail "latest decision not shown: $(grep C-104 after.txt)"
grep -qE "tags +vip" after.txt || fail "vip tag not shown"

"$bin" customer nobody@example.com 2>err.txt && fail "unknown customer accepted"
grep -q "no customer matches 'nobody@example.com'" err.txt || fail "message: $(cat err.txt)"
# No database yet: a usage error (exit 2) that says how to make one, and no file created.
set +e
"$bin" --db "$work/none.db" customer K-0330 2>err.txt
code=$?
set -e
[ "$code" = 2 ] || fail "missing database: exit $code, want 2"
grep -q "no database here; import an export first" err.txt || fail "message: $(cat err.txt)"
[ ! -e "$work/none.db" ] || fail "a read-only command created the database"
echo "ok"
