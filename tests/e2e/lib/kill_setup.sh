# Sourced by the tests that kill an import with kill -9: a work directory as
# the current one, and `child` (the import running now) killed and the
# directory removed on exit. Needs sqlite3 to look inside the database.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 is not installed (scripts/deps installs it)"; exit 0; }
work="$(mktemp -d)"
child=""
cleanup() {
  [ -n "$child" ] && kill -9 "$child" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
