#!/bin/sh
# Nightly triage: import last night's exports, decide what waits, and mail
# the table. Install with `crontab -e`:
#   30 6 * * 1-5  /home/shop/triage/cron.sh
# Exit codes: 0 ok, 2 bad input or policy (nothing changed), 3 another run
# holds the database (try again later), 4 something is overdue.
set -eu

cd /home/shop/triage                 # holds triage.db, triage.toml, policies/
EXPORTS=/home/shop/exports
TRIAGE=/usr/local/bin/triage
export TRIAGE_DB=/home/shop/triage/triage.db

# Each import is one transaction: a file with bad rows imports the good ones
# and leaves the bad ones, with their line and reason, in FILE.rejects.csv.
"$TRIAGE" -q import orders     "$EXPORTS/shopify-orders.csv" --preset shopify
"$TRIAGE" -q import orders     "$EXPORTS/zamowienia.csv" --map zamowienia.map.toml
"$TRIAGE" -q import disputes   "$EXPORTS/stripe-disputes.csv" --preset stripe
"$TRIAGE" -q import reviews    "$EXPORTS/reviews.csv"
"$TRIAGE" -q import complaints "$EXPORTS/complaints.csv"

# Decide the new complaints into a CSV for the spreadsheet (formula cells are
# neutralized). Exit 4 means a customer already waits past the reply deadline.
out="decisions-$(date +%F).csv"
status=0
"$TRIAGE" run --format csv --fail-on-overdue > "$out" || status=$?
case "$status" in
  0) ;;
  4) mail -s "triage: complaints overdue" -A "$out" shop@example.com < /dev/null ;;
  *) exit "$status" ;;
esac
