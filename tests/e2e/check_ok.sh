#!/usr/bin/env bash
# triage check on good packs: exit 0, a one-line summary on stderr, nothing on
# stdout; -q prints nothing; the version changes with a param override.
set -euo pipefail
: "${TRIAGE_BIN:?}" "${TRIAGE_SOURCE_DIR:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
good="$TRIAGE_SOURCE_DIR/tests/data/policies/good"
fail() { echo "FAIL: $*"; exit 1; }

"$TRIAGE_BIN" check --policies "$good" >out 2>err || fail "check on the good pack exited $?: $(cat err)"
[[ ! -s out ]] || fail "stdout not empty: $(cat out)"
grep -Eq '^.*good: 3 files, 6 rules, 6 actions, 3 lexicons — OK \(version [0-9a-f]{16}\)$' err ||
  fail "unexpected summary: $(cat err)"
v1=$(sed -E 's/.*version ([0-9a-f]+).*/\1/' err)

"$TRIAGE_BIN" check -q --policies "$good" >out 2>err || fail "check -q exited $?"
[[ ! -s out && ! -s err ]] || fail "-q printed something: $(cat out err)"

# An override in triage.toml is part of the version; an unknown one is an error at its line.
printf '[params]\nvip_ltv = 900\n' >triage.toml
"$TRIAGE_BIN" check --policies "$good" 2>err || fail "check with an override exited $?: $(cat err)"
v2=$(sed -E 's/.*version ([0-9a-f]+).*/\1/' err)
[[ "$v1" != "$v2" ]] || fail "the version did not change with a param override"
printf '# settings\n[params]\nvip_ltw = 900\n' >triage.toml
rc=0
"$TRIAGE_BIN" check --policies "$good" 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "unknown override: exit $rc, expected 2"
grep -q 'triage.toml:3:11: unknown param `vip_ltw`.*did you mean `vip_ltv`?' err || fail "unknown override: $(cat err)"
rm triage.toml

# The pack built into the binary checks too, from any directory.
TRIAGE_POLICIES= "$TRIAGE_BIN" check 2>err || fail "built-in pack: exit $?: $(cat err)"
grep -q 'built-in pack: .* — OK (version' err || fail "built-in pack: $(cat err)"

# The built-in pack is checked from what the build recorded; an unedited copy
# of it (`triage init`) must give the same summary and version, with and
# without an override, and a bad override the same message.
"$TRIAGE_BIN" -q init "$work/copy" || fail "init exited $?"
builtin_and_copy() {  # prints "<built-in summary>|<copy summary>" with the names cut off
  local a b
  a=$(TRIAGE_POLICIES= "$TRIAGE_BIN" check 2>&1 | sed 's/^[^:]*: //') || true
  b=$("$TRIAGE_BIN" check --policies "$work/copy/policies" 2>&1 | sed 's/^[^:]*: //') || true
  echo "$a|$b"
}
plain=$(builtin_and_copy)
[[ "${plain%|*}" == "${plain#*|}" ]] || fail "built-in and copy differ: $plain"
printf '[params]\nvip_ltv = 3000\n' >triage.toml
raised=$(builtin_and_copy)
[[ "${raised%|*}" == "${raised#*|}" ]] || fail "built-in and copy differ with an override: $raised"
[[ "$raised" != "$plain" ]] || fail "the built-in pack's version did not change with an override"
printf '[params]\nreply_within = 24\n' >triage.toml
bad=$(builtin_and_copy)
[[ "${bad%|*}" == "${bad#*|}" ]] || fail "built-in and copy give different errors: $bad"
grep -q 'triage.toml:2:16: param `reply_within` is a duration' <<<"$bad" || fail "bad override: $bad"
# An edited copy is loaded in full: still OK, with a version of its own.
echo '# a note' >>"$work/copy/policies/params.toml"
rm triage.toml
edited=$("$TRIAGE_BIN" check --policies "$work/copy/policies" 2>&1 | sed 's/^[^:]*: //')
[[ "$edited" == *"— OK (version"* && "$edited" != "${plain#*|}" ]] || fail "edited copy: $edited"

# A directory that is not there is a policy error.
rc=0
"$TRIAGE_BIN" check --policies "$work/nope" 2>err || rc=$?
[[ $rc -eq 2 ]] || fail "missing dir: exit $rc, expected 2"
echo "ok"
