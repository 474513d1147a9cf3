#!/usr/bin/env python3
"""Extracts what the json-rules-engine reference needs from a triage policy
pack (lexicons and params) into JSON, with a hash of the pack's files so that
rules.js can tell when the pack moved on from the version it translates.
usage: pack.py POLICY_DIR > pack.json"""
import glob
import hashlib
import json
import os
import re
import sys
import tomllib


def seconds(value):
    """A duration param ("36h", "14d") in seconds; numbers stay numbers."""
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", value)
        if not m:
            raise SystemExit(f"pack.py: cannot read the duration {value!r}")
        unit = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[m.group(2)]
        return float(m.group(1)) * unit
    return value


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    files = sorted(glob.glob(os.path.join(sys.argv[1], "*.toml")))
    digest = hashlib.sha256()
    lexicons, params = {}, {}
    for path in files:
        data = open(path, "rb").read()
        digest.update(os.path.basename(path).encode() + b"\0" + data + b"\0")
        pack = tomllib.loads(data.decode("utf-8"))
        for name, lex in pack.get("lexicon", {}).items():
            lexicons[name] = {"phrases": lex.get("phrases", []), "regex": lex.get("regex", [])}
        for name, value in pack.get("params", {}).items():
            params[name] = seconds(value)
    json.dump({"files_sha256": digest.hexdigest(), "params": params, "lexicons": lexicons},
              sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


main()
