#!/usr/bin/env bash
# triage explain: the complaint, the decision, the facts and lexicon hits,
# every rule with why it did not match and which facts were missing; records
# nothing; an unknown id exits 2.
source "$TRIAGE_SOURCE_DIR/tests/data/run/setup.sh"

triage explain K3 --policies "$pack" --now "$NOW" >out 2>err || fail "explain exited $?: $(cat err)"
expect() { grep -qF -- "$1" out || fail "explain lacks: $1
$(cat out)"; }
expect "Complaint K3"
expect "kind       compensation (inferred by the classify stage)"
expect "Decision: standard-process — Standard process, no extras"
expect "rule       review-threat (priority 60)"
expect "segment    ghost"
expect "OVERDUE"
expect 'review_threat: "negative review"'
expect "✓ review-threat  (wins)"
expect "✗ vip"
expect "customer.ltv >= params.vip_ltv: 0.00 PLN < 1 500.00 PLN"
expect "order.since_shipped is missing: no shipping date before the complaint"
expect "- gimme"
[[ $(decisions) -eq 0 ]] || fail "explain recorded a decision"

# Customer text is stripped of control sequences.
triage explain K5 --policies "$pack" --now "$NOW" >out || fail "explain K5 exited $?"
! grep -q $'\x1b' out || fail "escape sequence in explain: $(cat -v out)"
expect "answered   yes"
expect "kind       question (given in the import)"

# A complaint naming no customer gets its order's; the EUR order is converted by [rates].
triage explain K2 --policies "$pack" --now "$NOW" >out 2>err || fail "explain K2 exited $?"
expect "customer   C2"
! grep -q "warning" err || fail "a rate is configured, yet: $(cat err)"

rc=0; triage explain NOPE --policies "$pack" >/dev/null 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "unknown complaint: exit $rc"
echo ok
