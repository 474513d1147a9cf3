#!/usr/bin/env bash
# triage run in every format on the small run pack: the documented fields,
# most urgent first, customer text made safe, the summary on stderr only.
source "$TRIAGE_SOURCE_DIR/tests/data/run/setup.sh"

# NDJSON: one object a line, exactly the documented fields, urgent first.
triage run --policies "$pack" --now "$NOW" --dry-run --format ndjson >out.ndjson 2>err || fail "ndjson exited $?: $(cat err)"
python3 - out.ndjson <<'PY' || fail "ndjson content (see above)"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
fields = ["complaint", "order", "customer", "segment", "action", "action_label", "rule", "priority", "tags",
          "reply_by", "overdue", "lang", "why", "reply", "evidence", "also_matched", "policy_version"]
for r in rows:
    assert list(r) == fields, list(r)
got = [(r["complaint"], r["action"], r["overdue"], r["reply_by"]) for r in rows]
want = [("K3", "standard-process", True, "2026-11-20T08:00:00+01:00"),
        ("K1", "reship", True, "2026-11-23T09:00:00+01:00"),
        ("K2", "reship", True, "2026-11-24T00:00:00+01:00"),
        ("K5", "standard-process", False, "2026-11-24T00:00:00+01:00")]
assert got == want, got
k3 = rows[0]
assert k3["segment"] == "ghost" and k3["tags"] == ["threat"] and k3["also_matched"] == ["freebie"], k3
assert {"lexicon": "review_threat", "words": ["negative review"]} in k3["evidence"], k3["evidence"]
k2 = rows[2]
assert k2["customer"] == "C2" and k2["order"] == "2001", k2   # no identifiers: the order's customer
assert "1 275.00 PLN" not in json.dumps(k2)
k1 = rows[1]
assert k1["tags"] == ["rush", "fragile", "vip"], k1["tags"]   # order tags, then rule tags
assert {"fact": "customer.ltv", "value": "1 700.00 PLN"} in k1["evidence"], k1["evidence"]
assert k1["reply"] == "We are sending order 1002 again today.", k1["reply"]
PY
grep -q '^4 complaints triaged: 2 reship, 2 standard-process (3 overdue)' err || fail "summary: $(cat err)"

# JSON: one array with the same objects.
triage run --policies "$pack" --now "$NOW" --dry-run --format json -q >out.json 2>err || fail "json exited $?"
[[ ! -s err ]] || fail "-q printed on stderr: $(cat err)"
python3 -c 'import json,sys; a=json.load(open("out.json")); b=[json.loads(l) for l in open("out.ndjson")]; assert a==b' ||
  fail "json array differs from ndjson"

# CSV: header, one row per decision, formula cells neutralized (--all brings K4: a reply starting with '=').
triage run --policies "$pack" --now "$NOW" --dry-run --all --format csv -q >out.csv || fail "csv exited $?"
python3 - out.csv <<'PY' || fail "csv content"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 5, len(rows)
k4 = [r for r in rows if r["complaint"] == "K4"][0]
assert k4["action"] == "decline" and k4["reply"].startswith("'=We are sorry"), k4
k1 = [r for r in rows if r["complaint"] == "K1"][0]
assert k1["tags"] == "rush;fragile;vip" and k1["overdue"] == "true", k1
assert "customer.ltv=1 700.00 PLN" in k1["evidence"], k1["evidence"]
PY
head -1 out.csv | grep -q $'^complaint,order,customer,segment,action,action_label,rule,priority,tags,reply_by,overdue,lang,why,reply,evidence,also_matched,policy_version\r$' ||
  fail "csv header: $(head -1 out.csv)"

# Table (not a terminal): no colour, no escape sequences from the customer's text, one line per decision.
NO_COLOR= triage run --policies "$pack" --now "$NOW" --dry-run >out.txt 2>err || fail "table exited $?"
head -1 out.txt | grep -Eq '^COMPLAINT +CUSTOMER +ACTION +REPLY BY +WHY$' || fail "table header: $(head -1 out.txt)"
[[ $(wc -l <out.txt) -eq 5 ]] || fail "table lines: $(cat out.txt)"
! grep -q $'\x1b' out.txt || fail "escape sequence in the table: $(cat -v out.txt)"
grep -q '^K5 .*Asked: =cmd() Control red and newline$' out.txt || fail "K5 line: $(cat -v out.txt)"
grep -q '^K3 .*Fri 20 Nov 08:00 OVERDUE' out.txt || fail "K3 line: $(cat out.txt)"
COLUMNS=60 triage run --policies "$pack" --now "$NOW" --dry-run -q >narrow.txt
python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 60 for l in open("narrow.txt", encoding="utf-8")))' ||
  fail "COLUMNS=60 not respected: $(cat narrow.txt)"

# Unknown format: usage error.
rc=0; triage run --policies "$pack" --format xml >/dev/null 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "--format xml: exit $rc"
echo ok
