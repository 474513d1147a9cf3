#!/usr/bin/env bash
# '-' reads standard input; its rejects go to stderr with line numbers.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3

"$bin" --db t.db import orders - <"$src/tests/data/import/orders-one-bad.csv" >out 2>err || fail "exit $?"
[ ! -s out ] || fail "stdout is not empty"
grep -qF "stdin: 4 read, 3 new, 0 updated, 1 rejected" err || fail "summary: $(cat err)"
grep -qF 'A-3,C-3,cy@example.com,,2026-11-31 09:00,15.00,PLN,card,pending,1,,4,"created_at:' err || fail "reject on stderr: $(cat err)"
[ "$(sqlite3 t.db 'SELECT count(*) FROM orders')" = 3 ] || fail "rows"
[ "$(sqlite3 t.db "SELECT file FROM imports")" = "-" ] || fail "imports.file"
# A pipe of a cp1250 file works as well as the file.
"$bin" --db t.db -q import orders - <"$src/tests/data/import/zamowienia-cp1250.csv" || fail "cp1250 on stdin"
[ "$(sqlite3 t.db "SELECT ship_city FROM orders WHERE order_id = 'Z/2026/103'")" = "Łódź" ] || fail "cp1250 on stdin"
# An empty input is an error.
rc=0
"$bin" --db t.db import orders - </dev/null 2>err || rc=$?
[ "$rc" = 2 ] || fail "empty stdin: exit $rc"
grep -qF "empty" err || fail "empty stdin message: $(cat err)"
echo ok
