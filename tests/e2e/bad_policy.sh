#!/usr/bin/env bash
# Invalid policy packs through the real binary: for each tests/data/bad/policies/CASE/
# with CASE.expect (lines `stderr: SUBSTRING`), `triage check` exits 2, prints
# nothing on stdout, and names FILE:LINE:COL with the problem; `triage run` with
# the same pack refuses before touching the database. The checker's messages
# are unit-tested in tests/policy; this proves the binary reports them.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
corpus="${TRIAGE_SOURCE_DIR:?}/tests/data/bad/policies"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
status=0
n=0
printf '%s\n' 'order_id,created_at,total' 'P-1,2026-01-01,1.00' >o.csv
"$bin" --db t.db -q import orders o.csv
cp t.db before.db

for expect in "$corpus"/*.expect; do
  name="$(basename "$expect" .expect)"
  pack="$corpus/$name"
  n=$((n + 1))
  rc=0
  "$bin" check --policies "$pack" >out 2>err || rc=$?
  [ "$rc" = 2 ] || { echo "FAIL [$name]: check exited $rc, expected 2: $(head -c 400 err)"; status=1; }
  [ -s out ] && { echo "FAIL [$name]: check printed on stdout"; status=1; }
  # Every message line names its place as FILE:LINE:COL or FILE:LINE.
  grep -qE "$pack/[^:]+\.toml:[0-9]+(:[0-9]+)?: " err || { echo "FAIL [$name]: no FILE:LINE: in: $(head -c 400 err)"; status=1; }
  while IFS= read -r line; do
    case "$line" in
      stderr:*) s="${line#stderr: }"
        grep -qF -- "$s" err || { echo "FAIL [$name]: stderr lacks \"$s\"; got: $(head -c 400 err)"; status=1; } ;;
    esac
  done <"$expect"
  grep -qiE 'sanitizer|terminate called' err && { echo "FAIL [$name]: crash"; status=1; }

  rc=0
  "$bin" --db t.db run --policies "$pack" --now 2026-11-30T12:00:00 >out 2>err || rc=$?
  {
    [ "$rc" = 2 ] || { echo "FAIL [$name]: run exited $rc, expected 2: $(head -c 300 err)"; status=1; }
    [ -s out ] && { echo "FAIL [$name]: run printed on stdout with an invalid pack"; status=1; }
    cmp -s t.db before.db || { echo "FAIL [$name]: run changed the database with an invalid pack"; status=1; }
  }
done

# A pack directory that does not exist, or holds no policy file.
mkdir empty
for pack in does-not-exist empty; do
  rc=0
  "$bin" check --policies "$pack" >out 2>err || rc=$?
  [ "$rc" = 2 ] || { echo "FAIL [$pack]: check exited $rc, expected 2: $(head -c 300 err)"; status=1; }
  grep -qF "$pack" err || { echo "FAIL [$pack]: the error does not name the directory: $(head -c 300 err)"; status=1; }
done

# A triage.toml that is not UTF-8 (saved in Windows-1250): its place, exit 2.
printf 'timezone = "Europe/Warsaw"\ncurrency = '"'"'z\xb3'"'"'\n' >bad-config.toml
rc=0
"$bin" --config bad-config.toml check >out 2>err || rc=$?
[ "$rc" = 2 ] || { echo "FAIL [triage.toml]: check exited $rc, expected 2: $(head -c 300 err)"; status=1; }
grep -qF 'bad-config.toml:2:14: not valid UTF-8' err || { echo "FAIL [triage.toml]: no place for the bad byte: $(head -c 300 err)"; status=1; }

[ "$n" -ge 8 ] || { echo "FAIL: only $n policy cases found"; status=1; }
[ "$status" = 0 ] && echo "ok: $n invalid packs refused with their place"
exit "$status"
