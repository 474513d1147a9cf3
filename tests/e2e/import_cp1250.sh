#!/usr/bin/env bash
# A Polish shop's own export: Windows-1250, ';', CRLF, decimal commas and
# no-break-space thousands, Polish headers and values: imports right with no flags.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3
q() { sqlite3 t.db "$1"; }

cp "$src/tests/data/import/zamowienia-cp1250.csv" .
"$bin" --db t.db import orders zamowienia-cp1250.csv 2>err || fail "exit $?: $(cat err)"
grep -qF "zamowienia-cp1250.csv: 4 read, 4 new, 0 updated, 0 rejected" err || fail "summary: $(cat err)"
[ ! -e zamowienia-cp1250.csv.rejects.csv ] || fail "a rejects file was written"
got="$(q "SELECT order_id, total, currency, payment_method, status, items, ship_city FROM orders ORDER BY order_id")"
want="Z/2026/101|124950|PLN|cod|delivered|2|Wrocław
Z/2026/102|8990|PLN|transfer|shipped|1|Kraków
Z/2026/103|240000|PLN|cod|refused|4|Łódź
Z/2026/104|123456|PLN|blik|returned|1|Gdańsk"
[ "$got" = "$want" ] || fail "rows differ:
$got
expected:
$want"
[ "$(q "SELECT ship_company FROM orders WHERE order_id = 'Z/2026/103'")" = "Żabka Sp. z o.o." ] || fail "company text"
# Zone-less local times are Europe/Warsaw.
[ "$(q "SELECT created_at FROM orders WHERE order_id = 'Z/2026/101'")" = "$(date -d '2026-11-03 09:12 +0100' +%s)" ] ||
  fail "created_at not read in Europe/Warsaw"
# K-77's two orders (one by e-mail, one by phone written differently) are one customer.
[ "$(q "SELECT count(DISTINCT customer) FROM orders WHERE customer_id = 'K-77'")" = 1 ] || fail "K-77 split"
[ "$(q "SELECT phone FROM orders WHERE order_id = 'Z/2026/103'")" = "+48601234567" ] || fail "phone"

# Forcing the wrong reading is possible and visible: as UTF-8 every row has invalid bytes.
rc=0
"$bin" --db t2.db import orders zamowienia-cp1250.csv --encoding utf-8 --rejects r.csv 2>err || rc=$?
[ "$rc" = 0 ] || fail "--encoding utf-8: exit $rc"
grep -qF "4 rejected" err || fail "--encoding utf-8 should reject the rows: $(cat err)"
grep -q 'UTF-8' r.csv || fail "reason"
# With --decimal . a lone ',' before two digits still cannot group thousands, so "89,90" stays 89.90.
"$bin" --db t3.db -q import orders zamowienia-cp1250.csv --decimal . || fail "--decimal ."
[ "$(sqlite3 t3.db "SELECT total FROM orders WHERE order_id = 'Z/2026/102'")" = 8990 ] || fail "--decimal . on 89,90"
echo ok
