# Sourced by the tests that kill an import with kill -9: setup.sh's work
# directory, and `child` (the import running now) killed on exit too. Needs
# sqlite3 to look inside the database.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_sqlite3
child=""
cleanup() {
  [ -n "$child" ] && kill -9 "$child" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

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
