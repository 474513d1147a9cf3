#!/usr/bin/env bash
# Every kind and preset: a WooCommerce export, Stripe disputes, Polish
# complaints with a multi-line message, Czech tab-separated reviews.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3
q() { sqlite3 t.db "$1"; }
cp "$src/tests/data/import/"{woocommerce-orders.csv,stripe-disputes.csv,complaints-pl.csv,hodnoceni.csv} .

"$bin" --db t.db import orders woocommerce-orders.csv --preset woocommerce 2>err || fail "woocommerce: $(cat err)"
grep -qF "woocommerce-orders.csv: 5 read, 4 new, 0 updated, 1 line-item rows folded, 0 rejected" err || fail "$(cat err)"
got="$(q "SELECT order_id, status, payment_method, total, currency, items, coalesce(customer_id, '-'), ship_name FROM orders ORDER BY order_id")"
want="4811|shipped|cod|121900|PLN|3|12|Katarzyna Mazur
4812|pending|transfer|34900|PLN|1|-|Tomasz Lis
4813|returned|card|8900|PLN|3|12|Katarzyna Mazur
4814|cancelled|paypal|215000|UAH|1|-|Olga Bondar"
[ "$got" = "$want" ] || fail "woocommerce rows:
$got"
[ "$(q "SELECT refunded FROM orders WHERE order_id = '4813'")" = 8900 ] || fail "refund"
[ "$(q "SELECT phone FROM orders WHERE order_id = '4814'")" = "+380671234567" ] || fail "Ukrainian phone"

"$bin" --db t.db import disputes stripe-disputes.csv --preset stripe 2>err || fail "stripe: $(cat err)"
got="$(q "SELECT dispute_id, order_id, amount, currency, reason, status, opened_at, due_by FROM disputes ORDER BY dispute_id")"
want="du_1QzY9xW8vU7tS6rQ|4813|8900|PLN|subscription_canceled|lost|$(date -ud '2026-08-02 10:00:00' +%s)|$(date -ud '2026-08-12 23:59:59' +%s)
du_1RaB3cD4eF5gH6iJ|4811|121900|PLN|product_not_received|needs_response|$(date -ud '2026-11-19 07:30:00' +%s)|$(date -ud '2026-11-29 23:59:59' +%s)"
[ "$got" = "$want" ] || fail "disputes:
$got"

"$bin" --db t.db import complaints complaints-pl.csv 2>err || fail "complaints: $(cat err)"
grep -qF "3 read, 3 new" err || fail "$(cat err)"
[ "$(q "SELECT order_id || '|' || channel || '|' || status || '|' || lang FROM complaints WHERE complaint_id = 'R/11/01'")" = "4811|facebook|open|pl" ] ||
  fail "R/11/01: $(q "SELECT * FROM complaints WHERE complaint_id = 'R/11/01'")"
# The file's CRLF inside the quotes is kept as it is.
[ "$(q "SELECT replace(message, char(13), '<CR>') FROM complaints WHERE complaint_id = 'R/11/01'")" = "Dzień dobry, paczka miała być wczoraj; nadal nic.<CR>
Proszę o informację." ] || fail "multi-line message"
# Found by phone: the same customer as the WooCommerce orders 4811 and 4813.
[ "$(q "SELECT c.customer = o.customer FROM complaints c, orders o WHERE c.complaint_id = 'R/11/01' AND o.order_id = '4813'")" = 1 ] ||
  fail "complaint by phone not linked"
[ "$(q "SELECT customer IS NULL FROM complaints WHERE complaint_id = 'R/11/03'")" = 1 ] || fail "no identifier: customer NULL"
[ "$(q "SELECT status FROM complaints WHERE complaint_id = 'R/11/02'")" = closed ] || fail "status closed"

"$bin" --db t.db import reviews hodnoceni.csv 2>err || fail "reviews: $(cat err)"
[ "$(q "SELECT review_id, rating, platform FROM reviews ORDER BY review_id")" = "H-1|2|heureka
H-2|5|heureka" ] || fail "reviews: $(q 'SELECT * FROM reviews')"
[ "$(q "SELECT count(*) FROM customers")" = 3 ] || fail "customers: $(q 'SELECT * FROM customers')"
[ "$(q "SELECT key FROM customers WHERE id = (SELECT customer FROM orders WHERE order_id = '4811')")" = 12 ] ||
  fail "customer key is the customer_id"
echo ok
