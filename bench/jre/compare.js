// Compares triage's decisions (NDJSON from `triage run --format ndjson`) with
// the reference's (bench/jre/run.js): action, and with --full also the tags
// and the segment, complaint by complaint. Prints the differences to stderr
// and, last on stdout, "N/M agree". Exits 1 on any difference with --strict.
// usage: node compare.js [--strict] [--full] TRIAGE.ndjson REFERENCE.ndjson
'use strict';

const fs = require('fs');

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const full = args.includes('--full');
const [triagePath, refPath] = args.filter((a) => !a.startsWith('--'));
if (!triagePath || !refPath) {
  process.stderr.write('usage: node compare.js [--strict] [--full] TRIAGE.ndjson REFERENCE.ndjson\n');
  process.exit(2);
}

function load(file) {
  const m = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    m.set(String(d.complaint), d);
  }
  return m;
}

const tri = load(triagePath);
const ref = load(refPath);
const sortedTags = (t) => (Array.isArray(t) ? [...t] : String(t || '').split(';').filter((x) => x)).sort().join(';');
let same = 0, shown = 0;
const diffs = new Map();
for (const [id, r] of ref) {
  const t = tri.get(id);
  let why = '';
  if (!t) why = 'not decided by triage';
  else if (t.action !== r.action) why = `action ${t.action} (rule ${t.rule}) vs ${r.action} (rule ${r.rule})`;
  else if (full && sortedTags(t.tags) !== sortedTags(r.tags)) why = `tags [${sortedTags(t.tags)}] vs [${sortedTags(r.tags)}]`;
  else if (full && t.segment !== r.segment) why = `segment ${t.segment} vs ${r.segment}`;
  if (!why) { ++same; continue; }
  const key = why.replace(/^(\S+ \S+ \(rule \S+\) vs \S+ \(rule \S+\)).*/, '$1');
  diffs.set(key, (diffs.get(key) || 0) + 1);
  if (shown++ < 20) process.stderr.write(`${id}: triage ${why} (reference kind ${r.kind}, segment ${r.segment})\n`);
}
for (const id of tri.keys()) if (!ref.has(id) && shown++ < 40) process.stderr.write(`${id}: not decided by the reference\n`);
if (diffs.size) {
  process.stderr.write('differences by kind:\n');
  for (const [k, n] of [...diffs].sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${n}  ${k}\n`);
}
const total = Math.max(ref.size, tri.size);
process.stdout.write(`${same}/${total} decisions agree\n`);
process.exit(strict && same !== total ? 1 : 0);
