#!/usr/bin/env bash
# triage test: a passing pack exits 0 with "N passed, 0 failed"; a failing case
# exits 1 and shows expected vs actual with the evidence; bad cases exit 2.
set -euo pipefail
: "${TRIAGE_BIN:?}" "${TRIAGE_SOURCE_DIR:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
good="$TRIAGE_SOURCE_DIR/tests/data/policies/good"

"$TRIAGE_BIN" test --policies "$good" >out 2>err || fail "good pack: exit $?: $(cat out err)"
[[ "$(tail -n1 out)" == "6 passed, 0 failed" ]] || fail "good pack: $(cat out)"
[[ ! -s err ]] || fail "good pack: stderr not empty: $(cat err)"

# A copy of the pack with one wrong expectation.
cp -r "$good" pack
cat >pack/tests/wrong.toml <<'CASE'
[[case]]
name = "expects goodwill for a small customer"
[case.complaint]
text = "The parcel has not arrived"
[case.order]
status = "shipped"
since_shipped = "12d"
[case.customer]
ltv = 100.0
[case.expect]
action = "goodwill"
tags = ["vip"]
CASE
rc=0
"$TRIAGE_BIN" test --policies pack >out 2>err || rc=$?
[[ $rc -eq 1 ]] || fail "failing case: exit $rc, expected 1: $(cat out err)"
[[ "$(tail -n1 out)" == "6 passed, 1 failed" ]] || fail "failing case summary: $(tail -n1 out)"
grep -q '^FAIL expects goodwill for a small customer (pack/tests/wrong.toml:1)$' out || fail "no FAIL line: $(cat out)"
grep -q 'action: expected goodwill, got reship' out || fail "no action diff: $(cat out)"
grep -q 'tags: expected \[vip\], got \[\]' out || fail "no tags diff: $(cat out)"
grep -q 'evidence: .*order.since_shipped = 12d' out || fail "no evidence: $(cat out)"
grep -q "rule goodwill-vip (pack/20-rules.toml:[0-9]*) did not match: 'vip' in tags: tags are none" out ||
  fail "no why-not: $(cat out)"

# A case naming an unknown fact: exit 2 with its place.
cat >pack/tests/wrong.toml <<'CASE'
[[case]]
name = "typo"
[case.customer]
ltw = 3
[case.expect]
action = "reship"
CASE
rc=0
"$TRIAGE_BIN" test --policies pack >out 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "bad case: exit $rc, expected 2"
grep -q 'pack/tests/wrong.toml:4:1: unknown fact `customer.ltw`; did you mean `customer.ltv`?' err || fail "bad case: $(cat err)"

# The same from a pack under tests/data: the case file's place is named.
rc=0
(cd "$TRIAGE_SOURCE_DIR/tests/data/policies" && "$TRIAGE_BIN" test --policies bad_case) >out 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "bad_case: exit $rc, expected 2"
grep -q 'bad_case/tests/cases.toml:4:1: unknown fact `order.totl`; did you mean `order.total`?' err || fail "bad_case: $(cat err)"

# An invalid pack: exit 2, nothing run.
rc=0
"$TRIAGE_BIN" test --policies "$TRIAGE_SOURCE_DIR/tests/data/policies/bad/unknown_fact" >out 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "bad pack: exit $rc, expected 2"
[[ ! -s out ]] || fail "bad pack: stdout not empty"
echo "ok"
