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

# kill_import DELAY_MS DB FILE: starts `triage import orders FILE` into DB,
# kills it with -9 after DELAY_MS and counts in `killed_mid` whether it was
# still running then.
killed_mid=0
kill_import() {
  "$bin" --db "$2" -q import orders "$3" 2>/dev/null &
  child=$!
  sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"
  kill -9 "$child" 2>/dev/null || true
  local rc=0
  wait "$child" 2>/dev/null || rc=$?
  child=""
  if [ "$rc" = 137 ]; then killed_mid=$((killed_mid + 1)); fi
}
