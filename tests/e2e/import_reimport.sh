#!/usr/bin/env bash
# Importing the same export again is a no-op: same counts, same dump, same
# file size; a later export updates changed rows, adds new ones, keeps absent ones.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3

cp "$src/tests/data/import/"{shopify-orders.csv,zamowienia-cp1250.csv,orders-good.csv,orders-next.csv} .
import_all() {
  "$bin" --db t.db import orders shopify-orders.csv --preset shopify 2>>"$1"
  "$bin" --db t.db import orders zamowienia-cp1250.csv 2>>"$1"
  "$bin" --db t.db import orders orders-good.csv 2>>"$1"
}
import_all first.err
[ "$(stat -c %a t.db)" = 600 ] || fail "database mode $(stat -c %a t.db), expected 600"
[ "$(sqlite3 t.db 'PRAGMA journal_mode')" = wal ] || fail "not WAL"
sqlite3 t.db .dump >before.sql
size_before="$(stat -c %s t.db)"
pages_before="$(sqlite3 t.db 'PRAGMA page_count')"

import_all second.err
sqlite3 t.db .dump >after.sql
cmp -s before.sql after.sql || { diff before.sql after.sql | head -20; fail "re-import changed the dump"; }
[ "$(stat -c %s t.db)" = "$size_before" ] || fail "the file grew: $size_before -> $(stat -c %s t.db)"
[ "$(sqlite3 t.db 'PRAGMA page_count')" = "$pages_before" ] || fail "page count changed"
grep -qF "shopify-orders.csv: 7 read, 0 new, 0 updated, 4 unchanged, 3 line-item rows folded, 0 rejected" second.err ||
  fail "second summary: $(cat second.err)"
grep -qF "orders-good.csv: 3 read, 0 new, 0 updated, 3 unchanged, 0 rejected" second.err || fail "$(cat second.err)"
[ "$(sqlite3 t.db 'SELECT count(*) FROM imports')" = 3 ] || fail "imports rows: $(sqlite3 t.db 'SELECT * FROM imports')"

# The next night: A-2 changed, A-5 new (same customer as A-1 by e-mail), A-1 absent but kept.
"$bin" --db t.db import orders orders-next.csv 2>next.err
grep -qF "orders-next.csv: 3 read, 1 new, 1 updated, 1 unchanged, 0 rejected" next.err || fail "next: $(cat next.err)"
[ "$(sqlite3 t.db "SELECT status FROM orders WHERE order_id = 'A-2'")" = delivered ] || fail "A-2 not updated"
[ "$(sqlite3 t.db "SELECT count(*) FROM orders WHERE order_id = 'A-1'")" = 1 ] || fail "A-1 dropped"
[ "$(sqlite3 t.db "SELECT count(DISTINCT customer) FROM orders WHERE order_id IN ('A-1', 'A-5')")" = 1 ] ||
  fail "A-1 and A-5 share an e-mail"
row="$(sqlite3 t.db "SELECT kind, file, length(sha256), rows_read, rows_new, rows_updated, rows_unchanged FROM imports ORDER BY id DESC LIMIT 1")"
[ "$row" = "orders|orders-next.csv|64|3|1|1|1" ] || fail "imports row: $row"
echo ok
