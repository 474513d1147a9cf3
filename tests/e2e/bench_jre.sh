#!/usr/bin/env bash
# The benchmark's reference is a faithful translation: json-rules-engine with
# bench/jre/rules.js decides the same action as `triage run` for every
# complaint of a small generated shop. Needs node and the bench's npm
# packages (`npm ci` in bench/); without them it is skipped.
set -euo pipefail
: "${TRIAGE_BIN:?set TRIAGE_BIN to the triage binary}"
: "${TRIAGE_SOURCE_DIR:?set TRIAGE_SOURCE_DIR to the repository}"
bench="$TRIAGE_SOURCE_DIR/bench"
if [ ! -d "$bench/node_modules/json-rules-engine" ] || ! command -v node >/dev/null; then
  echo "skipped: node packages not installed (run npm ci in bench/)"
  exit 0
fi
for tool in sqlite3 python3; do
  if ! command -v "$tool" >/dev/null; then echo "skipped: $tool not installed"; exit 0; fi
done
gen="$(dirname "$TRIAGE_BIN")/bench/triage_bench_gen"
[ -x "$gen" ] || { echo "FAIL: the generator is not built at $gen" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

"$gen" --seed 11 --orders 6000 --customers 1500 --complaints 1500 --out data 2>/dev/null
for kind in orders disputes reviews complaints; do
  "$TRIAGE_BIN" --db t.db -q import "$kind" "data/$kind.csv" || fail "import $kind"
done
"$TRIAGE_BIN" --db t.db -q run --all --format ndjson --now 2026-11-21T08:00:00Z > triage.ndjson ||
  fail "triage run exited $?"
[ "$(wc -l < triage.ndjson)" -eq 1500 ] || fail "triage decided $(wc -l < triage.ndjson) complaints, not 1500"
sqlite3 -json t.db < "$bench/jre/facts.sql" > facts.json || fail "facts.sql"
# The lexicons and params of the pack built into the binary under test.
"$TRIAGE_BIN" -q init pack > /dev/null || fail "triage init"
python3 "$bench/jre/pack.py" pack/policies > pack.json || fail "pack.py"
node "$bench/jre/run.js" facts.json reference.ndjson pack.json > run.out 2> run.err || fail "run.js: $(cat run.err)"
if ! node "$bench/jre/compare.js" --strict triage.ndjson reference.ndjson > compare.out 2> compare.err; then
  cat compare.err >&2
  fail "json-rules-engine and triage disagree: $(tail -1 compare.out)"
fi
echo "bench_jre: $(tail -1 compare.out)"
