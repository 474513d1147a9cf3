#!/usr/bin/env bash
# Customer text is untrusted: escape sequences (CSI, OSC, DCS, C1 controls,
# BEL, backspace, a bare CR) planted in every kind of customer field never
# reach the terminal through `run --format table`, `explain`, `customer`, or
# the messages import prints on stderr. Checked without a TTY (where no colour
# is allowed at all) and, when `script` is available, on a pseudo-terminal.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
status=0
now=2026-11-30T12:00:00
esc=$'\e'

# Payloads: colour and screen clear (CSI), window title and hyperlink (OSC),
# DCS, 8-bit CSI as a UTF-8 C1 code point, BEL, backspace, a bare CR.
csi=$'\e[31mRED\e[2J\e[H'
osc=$'\e]0;pwned-title\a\e]8;;http://evil.example/\e\\link\e]8;;\e\\'
dcs=$'\eP1$qm\e\\'
c1=$'\xc2\x9b31mC1RED\xc2\x9d0;c1title\xc2\x9c'
misc=$'bell\a back\b\b\bspace cr\rOVERWRITE'
all="$csi$osc$dcs$c1$misc"
q() { local s="${1//\"/\"\"}"; printf '"%s"' "$s"; }  # one CSV cell

{
  echo 'order_id,customer_id,email,phone,created_at,total,currency,payment_method,status,shipped_at,ship_name,ship_company,ship_street,ship_city,tags'
  echo "$(q "O-1$csi"),$(q "K-1$osc"),evil@example.com,600100200,2026-11-01 10:00,120.00,PLN,card,shipped,2026-11-02 10:00,$(q "$all"),$(q "$all"),$(q "$all"),$(q "$all"),$(q "$all")"
  # A currency nobody converts: the LTV warning names it.
  echo "O-2,K-1,evil@example.com,600100200,2026-10-01 10:00,50.00,$(q "X$csi"),card,delivered,2026-10-02 10:00,a,b,c,d,e"
} >orders.csv
{
  echo 'complaint_id,order_id,customer_id,email,received_at,channel,subject,message,status,lang'
  echo "C-1,$(q "O-1$csi"),$(q "K-1$osc"),evil@example.com,2026-11-20 10:00,email,$(q "Where $all"),$(q "My parcel never arrived $all negative review $all"),open,"
  echo "$(q "C-2$dcs"),$(q "O-1$csi"),,evil@example.com,2026-11-21 10:00,email,$(q "$c1"),$(q "$misc nie dotarła paczka"),open,"
} >complaints.csv
{
  echo 'review_id,email,rating,text,posted_at,platform'
  echo "$(q "RV-1$csi"),evil@example.com,1,$(q "$all"),2026-11-10 10:00,$(q "$osc")"
} >reviews.csv

"$bin" --db t.db -q import orders orders.csv
"$bin" --db t.db -q import complaints complaints.csv
"$bin" --db t.db -q import reviews reviews.csv

# leaks FILE LABEL: fails on ESC, C1 code points, BEL, backspace or a bare CR.
leaks() {
  local file="$1" label="$2"
  if LC_ALL=C grep -q "$esc" "$file"; then
    echo "FAIL [$label]: an ESC byte reached the output: $(LC_ALL=C grep -a "$esc" "$file" | head -2 | cat -v | head -c 300)"
    status=1
  fi
  if LC_ALL=C grep -qP '\xc2[\x80-\x9f]' "$file"; then
    echo "FAIL [$label]: a C1 control reached the output: $(LC_ALL=C grep -aP '\xc2[\x80-\x9f]' "$file" | head -1 | cat -v | head -c 300)"
    status=1
  fi
  if LC_ALL=C grep -qP '[\x07\x08]|\r(?!\n)' "$file"; then
    echo "FAIL [$label]: BEL, backspace or a bare CR reached the output: $(LC_ALL=C grep -aP '[\x07\x08]|\r(?!\n)' "$file" | head -1 | cat -v | head -c 300)"
    status=1
  fi
}

# Non-TTY: no colour at all, so any ESC is a leak.
rc=0
"$bin" --db t.db run --all --dry-run --now "$now" --format table >table.out 2>table.err || rc=$?
[ "$rc" = 0 ] || { echo "FAIL: run --format table exited $rc: $(head -c 300 table.err)"; status=1; }
grep -q 'C-1' table.out || { echo "FAIL: the table does not list C-1: $(head -c 300 table.out | cat -v)"; status=1; }
leaks table.out "run --format table (stdout)"
leaks table.err "run --format table (stderr)"
for id in C-1 "C-2$dcs"; do
  rc=0
  "$bin" --db t.db explain "$id" --now "$now" >explain.out 2>explain.err || rc=$?
  [ "$rc" = 0 ] || { echo "FAIL: explain exited $rc: $(head -c 300 explain.err | cat -v)"; status=1; }
  leaks explain.out "explain $(printf %q "$id") (stdout)"
  leaks explain.err "explain $(printf %q "$id") (stderr)"
done
for key in evil@example.com "K-1$osc" "O-1$csi"; do
  rc=0
  "$bin" --db t.db customer "$key" >customer.out 2>customer.err || rc=$?
  [ "$rc" = 0 ] || { echo "FAIL: customer $(printf %q "$key") exited $rc: $(head -c 300 customer.err | cat -v)"; status=1; }
  leaks customer.out "customer (stdout)"
  leaks customer.err "customer (stderr)"
done

# Messages about bad rows quote the cell: with --dry-run and --strict they go
# to stderr, which is the terminal.
{
  echo 'order_id,created_at,total,status,payment_method'
  echo "$(q "X-1$csi"),2026-11-01,$(q "12$osc"),delivered,card"
  echo "X-2,$(q "2026$csi"),1.00,$(q "lost$osc"),$(q "card$c1")"
  echo "X-3,2026-11-01,1.00,delivered,$(q "cash$misc")"
} >bad.csv
for args in "--dry-run" "--strict" "--rejects -"; do
  # shellcheck disable=SC2086
  "$bin" --db t.db import orders bad.csv $args >import.out 2>import.err || true
  grep -q 'bad.csv' import.err || { echo "FAIL [import $args]: no message about bad.csv: $(head -c 300 import.err | cat -v)"; status=1; }
  if [ "$args" = "--rejects -" ]; then
    # The rejects on stderr are the rows verbatim by contract (PRODUCT.md 8);
    # the summary line must be clean.
    grep '^bad.csv: ' import.err >import.msg || true
    [ -s import.msg ] || { echo "FAIL [import $args]: no summary line"; status=1; }
    leaks import.msg "import $args (messages)"
  else
    leaks import.err "import $args (stderr)"
  fi
done
# A --map value and an unknown preset-less value named in an error.
printf '[orders.values.status]\n"%s" = "nonsense"\n' "ok$csi" >map.toml
"$bin" --db t.db import orders bad.csv --map map.toml >import.out 2>import.err || true
leaks import.err "import --map with an escape in a value"

# On a pseudo-terminal (colour allowed, so only the payloads are looked for).
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
  TERM=xterm COLUMNS=200 script -qec "'$bin' --db t.db run --all --dry-run --now $now" /dev/null >tty.out 2>&1 || true
  for needle in $'\e[2J' $'\e]0;' $'\e]8;' $'\eP1' $'\xc2\x9b' $'\a' $'\b'; do
    if LC_ALL=C grep -qF -- "$needle" tty.out; then
      echo "FAIL [run on a TTY]: a planted sequence $(printf %q "$needle") reached the terminal"
      status=1
    fi
  done
else
  echo "note: script(1) is missing; the pseudo-terminal case is skipped"
fi

[ "$status" = 0 ] && echo "ok: no planted control sequence reached the terminal"
exit "$status"
