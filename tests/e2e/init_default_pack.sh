#!/usr/bin/env bash
# triage init writes the built-in default pack (identical to policies/ in the
# source tree, tests included) and a commented triage.toml that loads; the
# written pack checks and passes its own tests, and an edited param in the
# written triage.toml reaches the pack.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
src="${TRIAGE_SOURCE_DIR:?}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Into a directory that does not exist yet, two levels deep.
shop="$work/a/shop"
if ! "$bin" init "$shop" >"$work/out" 2>"$work/err"; then
  fail "init into a new directory exited non-zero: $(cat "$work/err")"
fi
[ -s "$work/out" ] && fail "init printed on stdout: $(head -3 "$work/out")"
grep -q "wrote $shop/triage.toml" "$work/err" || fail "stderr does not name triage.toml: $(cat "$work/err")"
grep -q "wrote $shop/policies/params.toml" "$work/err" || fail "stderr does not name policies/params.toml"
for f in triage.toml policies/params.toml policies/actions.toml policies/segments.toml policies/tests/carrier.toml; do
  [ -s "$shop/$f" ] || fail "$f was not written"
done

# The written pack is the source pack, file for file.
if ! diff -r "$src/policies" "$shop/policies" >"$work/diff"; then
  fail "the written pack differs from policies/: $(head -20 "$work/diff")"
fi

# The written settings load, and the pack checks and passes its tests with them.
(
  cd "$shop"
  "$bin" check >"$work/check.out" 2>"$work/check.err" || fail "check in the new shop failed: $(cat "$work/check.err")"
  "$bin" test >"$work/test.out" 2>"$work/test.err" || fail "test in the new shop failed: $(tail -20 "$work/test.out" "$work/test.err")"
)
grep -q " 0 failed" "$work/test.out" "$work/test.err" || fail "test did not report 0 failed"

# Every param of the pack is listed, commented, in triage.toml.
for p in vip_ltv reply_within lost_after return_window warranty cod_verify_total cod_verify_items \
         indecisive_return_rate indecisive_min_orders competitor_min_orders ghost_refusals \
         demanding_attempts engaged_orders; do
  grep -q "^# $p = " "$shop/triage.toml" || fail "triage.toml does not list param $p"
done

# Uncommenting a param in triage.toml changes the decisions: with vip_ltv
# raised above every case's LTV, the VIP cases must fail.
sed -i 's/^# vip_ltv = .*/vip_ltv = 100000.00/' "$shop/triage.toml"
set +e
(cd "$shop" && "$bin" test >"$work/test2.out" 2>"$work/test2.err")
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "test with vip_ltv = 100000 should fail the VIP cases (exit 1), got exit $rc"
grep -q "vip" "$work/test2.out" "$work/test2.err" || fail "the failures do not mention the vip tag"

# A wrong param name in triage.toml is reported at its line.
printf '\n[params]\nvip_ltvv = 1.0\n' >"$work/bad.toml"
set +e
(cd "$shop" && "$bin" check --config "$work/bad.toml" >/dev/null 2>"$work/bad.err")
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "check with an unknown param should exit 2, got $rc"
grep -q "vip_ltvv" "$work/bad.err" || fail "the unknown param is not named: $(cat "$work/bad.err")"

# Without DIR, init writes into the current directory; -q keeps stderr quiet.
mkdir "$work/here"
(cd "$work/here" && "$bin" init -q >"$work/q.out" 2>"$work/q.err") || fail "init -q in the current directory failed"
[ -s "$work/here/policies/threats.toml" ] || fail "init without DIR did not write ./policies"
[ -s "$work/here/triage.toml" ] || fail "init without DIR did not write ./triage.toml"
[ -s "$work/q.err" ] && fail "init -q printed: $(cat "$work/q.err")"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "init: default pack and triage.toml written and working"
