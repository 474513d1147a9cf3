#!/usr/bin/env bash
# A real Shopify orders export (79 columns, one row per line item) folds into
# one order per Name with items summed, statuses derived from fulfilment and
# cancellation, and customers linked by e-mail and phone.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3
q() { sqlite3 t.db "$1"; }

cp "$src/tests/data/import/shopify-orders.csv" .
"$bin" --db t.db import orders shopify-orders.csv --preset shopify 2>err || fail "exit $?: $(cat err)"
grep -qF "shopify-orders.csv: 7 read, 4 new, 0 updated, 3 line-item rows folded, 0 rejected" err ||
  fail "summary: $(cat err)"
[ "$(q 'SELECT count(*) FROM orders')" = 4 ] || fail "expected 4 orders"
[ "$(q "SELECT items || ' ' || status || ' ' || total || ' ' || payment_method FROM orders WHERE order_id = '2001'")" = "3 shipped 33299 card" ] ||
  fail "#2001: $(q "SELECT * FROM orders WHERE order_id = '2001'")"
[ "$(q "SELECT shipped_at FROM orders WHERE order_id = '2001'")" = "$(date -d '2026-10-04 08:40:12 +0200' +%s)" ] ||
  fail "#2001 shipped_at is Fulfilled at"
[ "$(q "SELECT items || ' ' || status || ' ' || payment_method || ' ' || ship_company FROM orders WHERE order_id = '2002'")" = "3 pending cod Stolarnia Nowak sp. z o.o." ] ||
  fail "#2002: $(q "SELECT * FROM orders WHERE order_id = '2002'")"
[ "$(q "SELECT items || ' ' || status || ' ' || refunded || ' ' || tags FROM orders WHERE order_id = '2003'")" = "4 cancelled 16699 export" ] ||
  fail "#2003: $(q "SELECT * FROM orders WHERE order_id = '2003'")"
[ "$(q "SELECT status || ' ' || payment_method FROM orders WHERE order_id = '2004'")" = "shipped blik" ] ||
  fail "#2004 partial fulfilment is shipped"
# #2001 and #2004: the same customer (e-mail in any case, phone with or without +48).
[ "$(q "SELECT count(DISTINCT customer) FROM orders WHERE order_id IN ('2001', '2004')")" = 1 ] || fail "#2001 and #2004 are one customer"
[ "$(q "SELECT email FROM orders WHERE order_id = '2001'")" = "marta.zielinska@example.pl" ] || fail "e-mail lower-cased"
[ "$(q "SELECT phone FROM orders WHERE order_id = '2004'")" = "+48605111222" ] || fail "phone normalized"
# A complaint quoting "#2001" by phone only finds that customer.
printf 'complaint_id,order_id,phone,received_at,message\nC-1,#2001,605-111-222,2026-11-21 09:00,Gdzie paczka?\n' >c.csv
"$bin" --db t.db -q import complaints c.csv || fail "complaint import"
[ "$(q "SELECT c.order_id, c.customer = o.customer FROM complaints c JOIN orders o ON o.order_id = c.order_id")" = "2001|1" ] ||
  fail "complaint by phone: $(q 'SELECT * FROM complaints')"
# Without the preset the file is refused, with the fix in the message.
rc=0
"$bin" --db t2.db import orders shopify-orders.csv 2>err || rc=$?
[ "$rc" = 2 ] || fail "without --preset: exit $rc"
grep -qF -- "--preset shopify" err || fail "no hint to use --preset shopify: $(cat err)"
echo ok
