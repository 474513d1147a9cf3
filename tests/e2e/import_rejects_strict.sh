#!/usr/bin/env bash
# Bad rows go verbatim to FILE.rejects.csv (0600) with their line and reason,
# the rest imports; --strict aborts on the first one and leaves the database
# byte-identical; --dry-run writes nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
need_sqlite3

cp "$src/tests/data/import/"{shopify-orders.csv,orders-one-bad.csv} .
"$bin" --db t.db -q import orders shopify-orders.csv --preset shopify
cp t.db before.db

# --strict: exit 2, the line named, nothing written, no rejects file.
rc=0
"$bin" --db t.db import orders orders-one-bad.csv --strict 2>err || rc=$?
[ "$rc" = 2 ] || fail "--strict: exit $rc"
grep -qF "orders-one-bad.csv:4: created_at: '2026-11-31 09:00' is not a date" err || fail "--strict message: $(cat err)"
grep -qF -- "--strict" err || fail "message does not mention --strict"
cmp t.db before.db || fail "--strict changed the database"
[ ! -s t.db-wal ] || fail "--strict left WAL content"
[ ! -e orders-one-bad.csv.rejects.csv ] || fail "--strict wrote a rejects file"

# --dry-run: counts, nothing written.
"$bin" --db t.db import orders orders-one-bad.csv --dry-run 2>err || fail "--dry-run exit $?"
grep -qF "orders-one-bad.csv: 4 read, 3 new, 0 updated, 1 rejected (dry run: nothing written)" err || fail "dry run: $(cat err)"
cmp t.db before.db || fail "--dry-run changed the database"
[ ! -e orders-one-bad.csv.rejects.csv ] || fail "--dry-run wrote a rejects file"
"$bin" --db none.db -q import orders orders-one-bad.csv --dry-run || fail "dry run without a database"
[ ! -e none.db ] || fail "--dry-run created a database"

# Normal: exit 0, three rows in, one reject with line 4, verbatim.
"$bin" --db t.db import orders orders-one-bad.csv 2>err || fail "exit $?"
grep -qF "orders-one-bad.csv: 4 read, 3 new, 0 updated, 1 rejected (see orders-one-bad.csv.rejects.csv)" err ||
  fail "summary: $(cat err)"
[ "$(stat -c %a orders-one-bad.csv.rejects.csv)" = 600 ] || fail "rejects file mode"
expected='order_id,customer_id,email,phone,created_at,total,currency,payment_method,status,items,tags,line,reason
A-3,C-3,cy@example.com,,2026-11-31 09:00,15.00,PLN,card,pending,1,,4,"created_at: '"'"'2026-11-31 09:00'"'"' is not a date (use YYYY-MM-DD [HH:MM[:SS]] or DD.MM.YYYY [HH:MM])"'
[ "$(cat orders-one-bad.csv.rejects.csv)" = "$expected" ] || fail "rejects file:
$(cat orders-one-bad.csv.rejects.csv)"
[ "$(sqlite3 t.db 'SELECT count(*) FROM orders')" = 7 ] || fail "rows"
[ "$(sqlite3 t.db "SELECT tags FROM orders WHERE order_id = 'A-4'")" = "note
on two lines" ] || fail "multi-line field"

# --rejects PATH, and a clean import removes the stale default rejects file.
"$bin" --db t.db -q import orders orders-one-bad.csv --rejects elsewhere.csv
[ -s elsewhere.csv ] || fail "--rejects PATH not written"
grep -v '^A-3' orders-one-bad.csv >clean.csv
: >clean.csv.rejects.csv
"$bin" --db t.db -q import orders clean.csv
[ ! -e clean.csv.rejects.csv ] || fail "stale rejects file kept after a clean import"
# -q prints nothing.
[ -z "$("$bin" --db t.db -q import orders orders-one-bad.csv 2>&1)" ] || fail "-q printed something"
echo ok
