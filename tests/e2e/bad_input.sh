#!/usr/bin/env bash
# Drives the bad input corpus: every tests/data/bad/FILE with a FILE.expect
# beside it (plus a few large cases generated here) is imported over a database
# that already holds a good import; the exit code, stderr, rejects file and row
# counts must match the expectation, a failed import must leave the database
# byte-identical, and so must --strict whenever a row is rejected.
#
# FILE.expect lines (# starts a comment):
#   kind: orders|complaints|disputes|reviews
#   args: extra import arguments (file names are relative to the corpus)
#   exit: the expected exit code
#   stderr: a substring of stderr (any number of these)
#   rejects: LINE REASON   a rejects-file row for input line LINE whose reason
#                          contains REASON (any number of these)
#   rows: TABLE N          rows in TABLE afterwards (the baseline holds 2 orders)
#   sql: QUERY = VALUE     a query's single value afterwards
set -euo pipefail
bin="${TRIAGE_BIN:?}"
src="${TRIAGE_SOURCE_DIR:?}"
corpus="$src/tests/data/bad"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 is not installed (scripts/deps installs it)"; exit 0; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL [$case_name]: $*"
  failures=$((failures + 1))
}

# The state every case starts from: two good orders.
baseline="$work/baseline.db"
printf '%s\n' 'order_id,customer_id,email,created_at,total,currency,payment_method,status' \
  'G-1,K9,g1@example.com,2026-10-01 10:00,10.00,PLN,card,delivered' \
  'G-2,K9,g1@example.com,2026-10-02 10:00,20.00,PLN,card,shipped' >"$work/good.csv"
"$bin" --db "$baseline" -q import orders "$work/good.csv" || { echo "FAIL: the baseline import failed"; exit 1; }
[ ! -s "$baseline-wal" ] || { echo "FAIL: the baseline left a non-empty WAL file"; exit 1; }

# db_same CASE_DIR: the database is byte-identical to the baseline, with no
# pending WAL content that could hold a change.
db_same() {
  cmp -s "$baseline" "$1/t.db" || return 1
  [ ! -s "$1/t.db-wal" ]
}

run_case() {  # run_case INPUT EXPECT
  local input="$1" expect="$2"
  case_name="$(basename "$input")"
  local dir="$work/case-$case_name"
  mkdir -p "$dir"
  cp "$input" "$dir/"
  # Map files and other companions share the case's stem.
  local stem="${case_name%.*}"
  for f in "$(dirname "$input")/$stem".*.toml; do [ -e "$f" ] && cp "$f" "$dir/"; done
  cp "$baseline" "$dir/t.db"

  local kind="" args="" want_exit=""
  local -a want_err=() want_rej=() want_rows=() want_sql=()
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      '#'* | '') ;;
      kind:*) kind="${line#kind: }" ;;
      args:*) args="${line#args: }" ;;
      exit:*) want_exit="${line#exit: }" ;;
      stderr:*) want_err+=("${line#stderr: }") ;;
      rejects:*) want_rej+=("${line#rejects: }") ;;
      rows:*) want_rows+=("${line#rows: }") ;;
      sql:*) want_sql+=("${line#sql: }") ;;
      *) fail "unknown expectation line: $line" ;;
    esac
  done <"$expect"
  [ -n "$kind" ] && [ -n "$want_exit" ] || { fail "the expectation needs kind: and exit:"; return; }

  local rc=0
  # shellcheck disable=SC2086  # args is a list of words
  (cd "$dir" && "$bin" --db t.db import "$kind" "$case_name" $args) >"$dir/out" 2>"$dir/err" || rc=$?
  [ "$rc" = "$want_exit" ] || fail "exit $rc, expected $want_exit; stderr: $(head -c 600 "$dir/err")"
  grep -q . "$dir/out" && fail "import printed on stdout: $(head -c 200 "$dir/out")"
  [ "$rc" -le 3 ] || fail "exit $rc is not one of the documented codes"
  grep -qiE 'sanitizer|terminate called|Assertion' "$dir/err" && fail "crash: $(head -c 600 "$dir/err")"
  local s
  for s in "${want_err[@]}"; do
    grep -qF -- "$s" "$dir/err" || fail "stderr lacks \"$s\"; got: $(head -c 600 "$dir/err")"
  done
  local rejects="$dir/$case_name.rejects.csv"
  if [ "${#want_rej[@]}" -gt 0 ]; then
    if [ ! -f "$rejects" ]; then
      fail "no rejects file $case_name.rejects.csv"
    else
      local perm
      perm="$(stat -c %a "$rejects")"
      [ "$perm" = 600 ] || fail "rejects file has mode $perm, expected 600"
      local r n reason found
      for r in "${want_rej[@]}"; do
        n="${r%% *}"
        reason="${r#* }"
        found=0
        # Each rejects row ends with ,LINE,"REASON".
        while IFS= read -r line; do
          if [[ "$line" == *",$n,\""*"$reason"* ]]; then found=1; break; fi
        done <"$rejects"
        [ "$found" = 1 ] || fail "rejects file has no row for line $n with \"$reason\"; got: $(cat "$rejects" | head -c 800)"
      done
      local want_lines got_lines
      want_lines=$((${#want_rej[@]} + 1))
      got_lines="$(grep -c '' "$rejects" || true)"
      # Rows with embedded newlines span more lines; never fewer than one per reject.
      [ "$got_lines" -ge "$want_lines" ] || fail "rejects file has $got_lines lines, expected at least $want_lines"
    fi
  elif [ -e "$rejects" ]; then
    fail "a rejects file was written though no row should be rejected: $(head -c 400 "$rejects")"
  fi

  if [ "$rc" != 0 ]; then
    db_same "$dir" || fail "the failed import changed the database"
    [ -e "$rejects" ] && fail "the failed import left a rejects file"
  fi

  local spec table want got
  for spec in "${want_rows[@]}"; do
    table="${spec%% *}"
    want="${spec#* }"
    got="$(sqlite3 "$dir/t.db" "SELECT count(*) FROM $table" 2>&1)" || true
    [ "$got" = "$want" ] || fail "$table has $got rows, expected $want"
  done
  for spec in "${want_sql[@]}"; do
    want="${spec##* = }"
    got="$(sqlite3 "$dir/t.db" "${spec% = *}" 2>&1)" || true
    [ "$got" = "$want" ] || fail "${spec% = *} gave '$got', expected '$want'"
  done

  # --strict: the first reject aborts everything and the database stays as it was.
  if [ "${#want_rej[@]}" -gt 0 ] && [[ "$args" != *--strict* ]]; then
    cp "$baseline" "$dir/t.db"
    rm -f "$dir/t.db-wal" "$dir/t.db-shm" "$rejects"
    rc=0
    # shellcheck disable=SC2086
    (cd "$dir" && "$bin" --db t.db import "$kind" "$case_name" $args --strict) >/dev/null 2>"$dir/err" || rc=$?
    [ "$rc" = 2 ] || fail "--strict: exit $rc, expected 2; stderr: $(head -c 400 "$dir/err")"
    local first="${want_rej[0]%% *}"
    grep -qF -- "$case_name:$first:" "$dir/err" || fail "--strict: stderr does not name $case_name:$first:; got: $(head -c 400 "$dir/err")"
    grep -qF -- "--strict" "$dir/err" || fail "--strict: stderr does not say --strict aborted the import"
    db_same "$dir" || fail "--strict changed the database"
    [ -e "$rejects" ] && fail "--strict wrote a rejects file"
  fi
  rm -rf "$dir"
}

ncases=0
for expect in "$corpus"/*.expect; do
  [ -e "$expect" ] || continue
  input="${expect%.expect}"
  [ -f "$input" ] || { case_name="$(basename "$expect")"; fail "no input file beside it"; continue; }
  run_case "$input" "$expect"
  ncases=$((ncases + 1))
done

# Large cases, generated rather than committed. repeat N CHAR prints CHAR N times.
gen="$work/gen"
mkdir -p "$gen"
repeat() { head -c "$1" /dev/zero | tr '\0' "$2"; }
header='order_id,customer_id,email,created_at,total,currency,payment_method,status,ship_street'
good_row() { printf 'B-%s,K1,a@example.com,2026-11-01 10:00,1.00,PLN,card,delivered,Main St 1\n' "$1"; }

# A field one byte over 1 MiB is rejected; one of exactly 1 MiB is not.
{
  echo "$header"
  good_row 1
  printf 'B-2,K1,a@example.com,2026-11-01 10:00,1.00,PLN,card,delivered,'; repeat $((1048576 + 1)) x; echo
  printf 'B-3,K1,a@example.com,2026-11-01 10:00,1.00,PLN,card,delivered,"'; repeat 1048576 y; echo '"'
  good_row 4
} >"$gen/orders_field_over_1mib.csv"
cat >"$gen/orders_field_over_1mib.csv.expect" <<'EOF'
kind: orders
exit: 0
stderr: 1 rejected
rejects: 3 1 MiB
rows: orders 5
sql: SELECT length(ship_street) FROM orders WHERE order_id = 'B-3' = 1048576
EOF

# A record over 4 MiB made of fields under 1 MiB each, in quotes with
# embedded newlines, between good rows: only it is rejected, and the line
# numbers after it stay right.
{
  echo "$header"
  good_row 1
  printf 'B-2,K1,a@example.com,2026-11-01 10:00,1.00,PLN,card,delivered,"'
  for _ in 1 2 3 4 5; do repeat 1000000 z; printf '\n'; done
  echo '"'
  good_row 4
  echo 'B-5,K1,a@example.com,not a date,1.00,PLN,card,delivered,x'
} >"$gen/orders_record_over_4mib.csv"
cat >"$gen/orders_record_over_4mib.csv.expect" <<'EOF'
kind: orders
exit: 0
stderr: 2 rejected
rejects: 3 4 MiB
rejects: 10 created_at
rows: orders 4
EOF

# A record over 4 MiB whose quote never closes swallows the rest of the file:
# it is rejected, the rows before it import.
{
  echo "$header"
  good_row 1
  printf 'B-2,K1,a@example.com,2026-11-01 10:00,1.00,PLN,card,delivered,"'
  for _ in 1 2 3 4 5; do repeat 1000000 q; printf '\n'; done
} >"$gen/orders_unterminated_over_4mib.csv"
cat >"$gen/orders_unterminated_over_4mib.csv.expect" <<'EOF'
kind: orders
exit: 0
stderr: 1 rejected
rejects: 3 unterminated quote
rows: orders 3
EOF

# A header line over the limit is refused as a whole.
{ repeat $((5 << 20)) h; echo; good_row 1; } >"$gen/orders_header_over_4mib.csv"
cat >"$gen/orders_header_over_4mib.csv.expect" <<'EOF'
kind: orders
exit: 2
stderr: orders_header_over_4mib.csv:1
stderr: 4 MiB
rows: orders 2
EOF

# The same invalid UTF-8 file without --encoding is read as Windows-1250 (not
# rejected): the contrast shows the reject above comes from --encoding utf-8.
cp "$corpus/orders_invalid_utf8.csv" "$gen/orders_invalid_utf8_auto.csv"
cat >"$gen/orders_invalid_utf8_auto.csv.expect" <<'EOF'
kind: orders
exit: 0
stderr: 0 rejected
rows: orders 5
EOF

for expect in "$gen"/*.expect; do
  run_case "${expect%.expect}" "$expect"
  ncases=$((ncases + 1))
done

[ "$ncases" -ge 20 ] || { echo "FAIL: only $ncases cases ran; the corpus is missing files"; failures=$((failures + 1)); }
if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s) in $ncases cases"
  exit 1
fi
echo "ok: $ncases bad input cases"
