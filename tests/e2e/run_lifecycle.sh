#!/usr/bin/env bash
# triage run over time: --dry-run records nothing, a run records each decision
# once, a re-run decides nothing new, a policy edit re-decides, --complaint
# decides one whatever its state, --fail-on-overdue exits 4, bad input exits 2.
source "$TRIAGE_SOURCE_DIR/tests/data/run/setup.sh"

triage run --policies "$pack" --now "$NOW" --dry-run --format ndjson >/dev/null 2>err || fail "dry run exited $?"
[[ $(decisions) -eq 0 ]] || fail "--dry-run recorded $(decisions) decisions"
[[ $(sqlite3 triage.db "SELECT count(*) FROM complaints WHERE inferred_by IS NOT NULL") -eq 0 ]] ||
  fail "--dry-run recorded inferred kinds"

triage run --policies "$pack" --now "$NOW" --format ndjson >first.ndjson 2>err || fail "run exited $?: $(cat err)"
[[ $(wc -l <first.ndjson) -eq 4 ]] || fail "first run decided $(wc -l <first.ndjson)"
[[ $(decisions) -eq 4 ]] || fail "first run recorded $(decisions)"
# Closed K4 was classified too (its kind counts for later complaints), but not decided.
[[ $(sqlite3 triage.db "SELECT inferred_kind FROM complaints WHERE complaint_id = 'K4'") == compensation ]] ||
  fail "K4 not classified"
[[ $(sqlite3 triage.db "SELECT count(*) FROM decisions WHERE complaint_id = 'K4'") -eq 0 ]] || fail "closed K4 decided"
row=$(sqlite3 -separator '|' triage.db "SELECT action, rule, priority, tags, overdue, segment, kind, decided_at FROM decisions WHERE complaint_id = 'K1'")
[[ "$row" == "reship|lost-parcel|80|rush;fragile;vip|1|regular|not_received|1795518000" ]] || fail "K1 row: $row"
sqlite3 triage.db "SELECT evidence FROM decisions WHERE complaint_id = 'K3'" | python3 -c 'import json,sys; e=json.load(sys.stdin); assert {"lexicon":"review_threat","words":["negative review"]} in e, e' ||
  fail "K3 evidence not JSON"

triage run --policies "$pack" --now "$NOW" --format ndjson >second.ndjson 2>err || fail "re-run exited $?"
[[ ! -s second.ndjson ]] || fail "re-run decided again: $(cat second.ndjson)"
grep -qx '0 complaints to triage' err || fail "re-run summary: $(cat err)"
[[ $(decisions) -eq 4 ]] || fail "re-run recorded more"

# A policy edit changes the version: everything open is decided again, history kept.
cp -r "$pack" edited
sed -i 's/^priority = 10$/priority = 11/' edited/rules.toml
triage run --policies edited --now "$NOW" --format ndjson >third.ndjson 2>err || fail "edited run exited $?"
[[ $(wc -l <third.ndjson) -eq 4 ]] || fail "edited pack decided $(wc -l <third.ndjson)"
[[ $(decisions) -eq 8 ]] || fail "history not kept: $(decisions)"
[[ $(sqlite3 triage.db "SELECT count(DISTINCT policy_version) FROM decisions") -eq 2 ]] || fail "versions"

# --complaint: a closed one too, recorded; an unknown one is a usage error.
triage run --policies "$pack" --now "$NOW" --complaint K4 --format ndjson >one.ndjson 2>err || fail "--complaint exited $?"
grep -q '"complaint":"K4","order":null,"customer":"C3","segment":"regular","action":"decline"' one.ndjson ||
  fail "--complaint K4: $(cat one.ndjson)"
[[ $(decisions) -eq 9 ]] || fail "--complaint not recorded"
rc=0; triage run --policies "$pack" --complaint NOPE 2>err >/dev/null || rc=$?
[[ $rc -eq 2 ]] || fail "unknown complaint: exit $rc"
grep -q "no complaint 'NOPE'" err || fail "unknown complaint message: $(cat err)"

# --fail-on-overdue: 4 when a printed decision is overdue, 0 otherwise.
rc=0; triage run --policies "$pack" --now "$NOW" --all --dry-run --fail-on-overdue -q >/dev/null || rc=$?
[[ $rc -eq 4 ]] || fail "--fail-on-overdue with overdue: exit $rc"
rc=0; triage run --policies "$pack" --now 2026-11-19T09:00 --complaint K3 --dry-run --fail-on-overdue -q >/dev/null || rc=$?
[[ $rc -eq 0 ]] || fail "--fail-on-overdue without overdue: exit $rc"
rc=0; triage run --policies "$pack" --now 2026-11-19T09:00+01:00 --complaint K3 --dry-run --fail-on-overdue -q >/dev/null || rc=$?
[[ $rc -eq 0 ]] || fail "--now with an offset: exit $rc"

# Bad --now, bad pack: exit 2, nothing recorded.
rc=0; triage run --policies "$pack" --now yesterday 2>err || rc=$?
[[ $rc -eq 2 ]] && grep -q -- "--now: cannot read 'yesterday'" err || fail "bad --now: exit $rc $(cat err)"
mkdir broken && printf '[[rule]]\nid = "x"\nwhen = "customer.ltw > 1"\naction = "escalate"\n' >broken/a.toml
rc=0; triage run --policies broken 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "bad pack: exit $rc"
[[ $(decisions) -eq 9 ]] || fail "a failed run recorded something"

# A database held by another writer: exit 3 after the busy timeout, nothing recorded.
{ printf 'busy_timeout = "200ms"\n'; cat "$data/triage.toml"; } >triage.toml
sqlite3 triage.db "DELETE FROM decisions WHERE policy_version <> (SELECT policy_version FROM decisions WHERE complaint_id='K4' ORDER BY id DESC LIMIT 1)"
python3 - <<'PY' &
import sqlite3, time
c = sqlite3.connect("triage.db", isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open("locked", "w").close()
time.sleep(3)
c.execute("ROLLBACK")
PY
while [[ ! -f locked ]]; do sleep 0.05; done
before=$(decisions)
rc=0; triage run --policies "$pack" --now "$NOW" -q >/dev/null 2>err || rc=$?
wait
[[ $rc -eq 3 ]] || fail "locked database: exit $rc $(cat err)"
[[ $(decisions) -eq $before ]] || fail "a locked run recorded something"
echo ok
