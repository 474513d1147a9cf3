#!/usr/bin/env bash
# triage init never overwrites a shop's edited policies by accident: with any
# target file present it exits 2, names the file and writes nothing; --force
# overwrites; a DIR that is a regular file is refused.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

shop="$work/shop"
"$bin" init -q "$shop" || { echo "FAIL: first init failed"; exit 1; }

# The owner edits a policy; a second init must leave it alone.
echo "# edited by the owner" >>"$shop/policies/threats.toml"
before="$(cat "$shop/policies/threats.toml")"
set +e
"$bin" init "$shop" >"$work/out" 2>"$work/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "init over an existing pack should exit 2, got $rc"
grep -q "already exists" "$work/err" || fail "the refusal does not say a file exists: $(cat "$work/err")"
grep -q "$shop/policies/" "$work/err" || fail "the refusal does not name the file: $(cat "$work/err")"
grep -q -- "--force" "$work/err" || fail "the refusal does not mention --force"
[ "$(cat "$shop/policies/threats.toml")" = "$before" ] || fail "the edited file changed without --force"

# Only triage.toml present: still refused, and no policies directory appears.
other="$work/other"
mkdir "$other"
echo 'timezone = "Europe/Prague"' >"$other/triage.toml"
set +e
"$bin" init "$other" >/dev/null 2>"$work/err2"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "init over an existing triage.toml should exit 2, got $rc"
grep -q "triage.toml" "$work/err2" || fail "the refusal does not name triage.toml: $(cat "$work/err2")"
[ -e "$other/policies" ] && fail "a refused init still wrote policies/"
grep -q "Europe/Prague" "$other/triage.toml" || fail "the existing triage.toml was changed"

# --force overwrites with the default pack.
"$bin" init --force "$shop" 2>"$work/err3" || fail "init --force failed: $(cat "$work/err3")"
grep -q "edited by the owner" "$shop/policies/threats.toml" && fail "--force did not restore threats.toml"
grep -q "wrote $shop/policies/threats.toml" "$work/err3" || fail "--force did not say what it wrote"

# A DIR that is a regular file.
touch "$work/afile"
set +e
"$bin" init "$work/afile" >/dev/null 2>"$work/err4"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "init into a regular file should exit 2, got $rc"
grep -q "not a directory" "$work/err4" || fail "no clear message for a file as DIR: $(cat "$work/err4")"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "init: refuses to overwrite without --force"
