#!/usr/bin/env bash
# Every option that `triage SUBCOMMAND --help` lists is documented in the README.
set -euo pipefail
bin="${TRIAGE_BIN:?}"
readme="${TRIAGE_SOURCE_DIR:?}/README.md"
status=0
for sub in import run explain customer check test diff init; do
  grep -q "^triage $sub" "$readme" || { echo "README lacks a synopsis line for 'triage $sub'"; status=1; }
  help="$("$bin" "$sub" --help)"
  for opt in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
    case "$opt" in --help|--version) continue ;; esac
    grep -q -- "$opt" "$readme" || { echo "README does not mention $opt of 'triage $sub'"; status=1; }
  done
done
exit "$status"
