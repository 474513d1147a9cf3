#!/usr/bin/env bash
# triage diff: raising vip_ltv in a copy of the pack moves a VIP's goodwill to
# customer-error, shows the rule and values behind it, and records nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
ex="$src/examples"
export TRIAGE_DB="$work/t.db"

"$bin" -q import orders "$ex/shopify-orders.csv" --preset shopify
"$bin" -q import orders "$ex/zamowienia.csv" --map "$ex/zamowienia.map.toml"
"$bin" -q import disputes "$ex/stripe-disputes.csv" --preset stripe
"$bin" -q import reviews "$ex/reviews.csv"
"$bin" -q import complaints "$ex/complaints.csv"
"$bin" -q init newpack
sed -i 's/^vip_ltv = .*/vip_ltv = 3000.00/' newpack/policies/params.toml
before="$(sqlite3 t.db .dump | md5sum)"
now=2026-11-23T09:00:00+01:00

"$bin" diff --policies newpack/policies --now "$now" >out.txt 2>err.txt || fail "diff exited $?"
grep -q "^C-104 " out.txt || fail "C-104 (VIP, wrong address) not listed as changed: $(cat out.txt)"
grep -A1 "^C-104 " out.txt | grep -q "goodwill (.*) -> customer-error" || fail "C-104 did not move from goodwill to customer-error"
grep -q "rule    vip no longer matches: customer.ltv >= params.vip_ltv: 2 430.00 PLN < 3 000.00 PLN" out.txt \
  || fail "the vip rule's failing comparison is not shown: $(cat out.txt)"
grep -qE "^goodwill +1 +0 +-1$" out.txt || fail "goodwill count before/after not 1 -> 0"
grep -q "decided differently (nothing recorded)" err.txt || fail "no summary on stderr"
grep -q "^C-101 " out.txt && fail "C-101 (lost parcel, not a VIP) should not change"

"$bin" diff --policies newpack/policies --now "$now" --format json >out.json 2>/dev/null
grep -q '"complaint": "C-104"' out.json || fail "json output lacks C-104"
grep -q '"matched_before": true' out.json || fail "json output lacks the rule flip"

# An unchanged pack changes nothing; a short window holds fewer complaints.
"$bin" -q diff --policies newpack/policies --now "$now" --since 1d >short.txt
grep -q "^Backtest over 5 complaints" short.txt || fail "--since 1d should hold 5 complaints: $(head -1 short.txt)"
"$bin" diff --policies newpack/policies --since soon 2>err.txt && fail "--since soon accepted"
grep -q "give a duration" err.txt || fail "bad --since message: $(cat err.txt)"

[ "$(sqlite3 t.db .dump | md5sum)" = "$before" ] || fail "diff changed the database"
echo "ok"
