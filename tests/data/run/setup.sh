# Sourced by tests/e2e/run_*.sh and explain_*.sh: a work directory with the
# small run pack's exports imported into ./triage.db (with ./triage.toml).
set -euo pipefail
: "${TRIAGE_BIN:?}" "${TRIAGE_SOURCE_DIR:?}"
data="$TRIAGE_SOURCE_DIR/tests/data/run"
pack="$data/policies"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
cp "$data/triage.toml" triage.toml
for kind in orders complaints disputes reviews; do
  "$TRIAGE_BIN" -q import "$kind" "$data/$kind.csv" || fail "import $kind exited $?"
done
NOW=2026-11-24T12:00
triage() { "$TRIAGE_BIN" "$@"; }
decisions() { sqlite3 triage.db 'SELECT count(*) FROM decisions'; }
