#!/usr/bin/env bash
# A hostile regex in a policy lexicon cannot hang triage: '(a+)+$' against a
# long run of a's (exponential for a backtracking engine) completes quickly
# because lexicons run on RE2; a regex too large to compile is a policy error
# with its place, not a hang or a crash.
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
status=0
now=2026-11-30T12:00:00

mkdir pack
cat >pack/hostile.toml <<'EOF'
[action.escalate-now]
label = "Escalate"

[lexicon.catastrophic]
about = "Exponential for a backtracking engine"
regex = ['(a+)+$', '(a|aa)+b', '(.*a){20}', '^(\w+\s?)+c$']
phrases = ["a* a* a* a* a* a* a* a* b"]

[[rule]]
id = "hostile"
when = "complaint.text matches catastrophic"
action = "escalate-now"
EOF
rc=0
"$bin" check --policies pack >out 2>err || rc=$?
[ "$rc" = 0 ] || { echo "FAIL: check refused the hostile pack (exit $rc): $(head -c 400 err)"; status=1; }

long="$(head -c 60000 /dev/zero | tr '\0' a)"
words="$(for _ in $(seq 1 3000); do printf 'a '; done)"
{
  echo 'complaint_id,received_at,channel,subject,message,status'
  echo "H-1,2026-11-20 10:00,email,x,${long}!,open"
  echo "H-2,2026-11-20 10:00,email,x,${long},open"
  echo "H-3,2026-11-20 10:00,email,x,${words}c,open"
} >complaints.csv
"$bin" --db t.db -q import complaints complaints.csv

rc=0
start=$(date +%s)
timeout 60 "$bin" --db t.db run --all --dry-run --policies pack --now "$now" --format ndjson >out 2>err || rc=$?
took=$(( $(date +%s) - start ))
{
  [ "$rc" = 124 ] && { echo "FAIL: run did not finish within 60 s on a catastrophic regex"; status=1; }
  [ "$rc" = 0 ] || [ "$rc" = 124 ] || { echo "FAIL: run exited $rc: $(head -c 400 err)"; status=1; }
  # Even under sanitizers this is a fraction of a second; 20 s means backtracking.
  [ "$took" -le 20 ] || { echo "FAIL: run took ${took}s on three complaints"; status=1; }
  # H-2 ends in a's: '(a+)+$' matches it, so the rule must fire (the regex really ran).
  grep -q '"H-2"' out && grep '"H-2"' out | grep -q '"hostile"' ||
    { echo "FAIL: the hostile lexicon did not match H-2: $(grep '"H-2"' out | head -c 300)"; status=1; }
}

# A regex too big for RE2's limits, and one RE2 does not support (backreference).
mkdir big
cat >big/big.toml <<'EOF'
[action.x]
label = "X"

[lexicon.huge]
regex = ['((\w{1000}){1000}){1000}']

[lexicon.backref]
regex = ['(a)\1']
EOF
rc=0
timeout 60 "$bin" check --policies big >out 2>err || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: check of an oversized regex exited $rc, expected 2: $(head -c 400 err)"; status=1; }
# Each error names the lexicon's place and the regex.
grep -qE 'big\.toml:4:[0-9]+: .*huge' err || { echo "FAIL: the oversized regex error does not name big.toml:4 and the lexicon: $(head -c 400 err)"; status=1; }
grep -qE 'big\.toml:7:[0-9]+: .*backref' err || { echo "FAIL: the backreference error does not name big.toml:7 and the lexicon: $(head -c 400 err)"; status=1; }

[ "$status" = 0 ] && echo "ok: hostile regexes complete (${took:-?}s) and oversized ones are refused"
exit "$status"
