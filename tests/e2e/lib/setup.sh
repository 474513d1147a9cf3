# Sourced first by the end-to-end tests: strict mode, $bin (the binary under
# test), $src (the source tree), a fresh work directory as the current one,
# removed on exit, fail() and need_sqlite3.
set -euo pipefail
bin="${TRIAGE_BIN:?set TRIAGE_BIN to the triage binary}"
src="${TRIAGE_SOURCE_DIR:?set TRIAGE_SOURCE_DIR to the source tree}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
# Tests that look inside the database skip (not fail) where sqlite3 is missing.
need_sqlite3() {
  command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 is not installed (scripts/deps installs it)"; exit 0; }
}
