// The reference side of figure 3: json-rules-engine deciding every complaint
// of a facts dump (bench/jre/facts.sql) with the translated default pack.
// Only the decisions are timed; the facts are built in memory beforehand.
// usage: node run.js FACTS.json DECISIONS.ndjson PACK.json   (PACK.json: bench/jre/pack.py
// on `triage init`'s policies/, so that it matches the binary's built-in pack)
'use strict';

const fs = require('fs');
const { buildEngine, decide } = require('./rules');

const [factsPath, outPath, packPath] = process.argv.slice(2);
if (!factsPath || !outPath || !packPath) {
  process.stderr.write('usage: node run.js FACTS.json DECISIONS.ndjson PACK.json\n');
  process.exit(2);
}

const num = (v) => (v === null || v === undefined ? undefined : Number(v));
const str = (v) => (v === null || v === undefined || v === '' ? undefined : String(v));

// One complaint's facts as the rules read them; a missing fact is undefined.
function toFacts(r) {
  const order = r.order_id == null ? {} : {
    id: str(r.order_id),
    status: str(r.order_status),
    payment: str(r.order_payment),
    total: num(r.order_total),
    items: num(r.order_items),
    delivery_attempts: num(r.order_delivery_attempts),
    since_shipped: num(r.order_since_shipped),
    since_delivered: num(r.order_since_delivered),
    business: r.order_business == null ? undefined : r.order_business === 1,
    refunded: num(r.order_refunded),
    returned: r.order_returned == null ? undefined : r.order_returned === 1,
  };
  const customer = r.customer == null ? {} : {
    orders: num(r.customer_orders),
    returns: num(r.customer_returns),
    refused: num(r.customer_refused),
    return_rate: num(r.customer_return_rate),
    ltv: num(r.customer_ltv),
    complaints: num(r.customer_complaints),
    compensation_requests: num(r.customer_compensation_requests),
    negative_reviews: num(r.customer_negative_reviews),
  };
  let open;
  if (r.order_id != null) open = r.order_dispute_open == null ? undefined : r.order_dispute_open === 1;
  else open = r.customer_dispute_open ? true : undefined;
  const tags = r.order_id == null || !r.order_tags ? [] :
    r.order_tags.split(/[,;]/).map((t) => t.trim()).filter((t) => t);
  return {
    id: r.id,
    raw: r.text,
    facts: {
      complaint: { kind: str(r.kind), text: undefined },
      order,
      customer,
      dispute: open === undefined ? {} : { open },
      review: r.review_rating == null ? {} : { rating: r.review_rating },
      tags,
    },
  };
}

async function main() {
  const pack = JSON.parse(fs.readFileSync(packPath, 'utf8'));
  const rows = JSON.parse(fs.readFileSync(factsPath, 'utf8') || '[]');
  const complaints = rows.map(toFacts);
  rows.length = 0;
  const { engine, normalize } = buildEngine(pack);

  const decisions = new Array(complaints.length);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < complaints.length; ++i) {
    const c = complaints[i];
    if (c.raw != null) c.facts.complaint.text = normalize(c.raw);
    decisions[i] = await decide(engine, c.facts);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const out = fs.openSync(outPath, 'w');
  let buf = '';
  for (let i = 0; i < complaints.length; ++i) {
    buf += JSON.stringify({ complaint: complaints[i].id, ...decisions[i] }) + '\n';
    if (buf.length > 1 << 20) { fs.writeSync(out, buf); buf = ''; }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  const rate = seconds > 0 ? complaints.length / seconds : 0;
  process.stdout.write(`decided ${complaints.length} complaints in ${seconds.toFixed(3)} s\n`);
  process.stdout.write(`throughput ${rate.toFixed(0)}\n`);
  process.stdout.write(`cpu_throughput ${(cpuSeconds > 0 ? complaints.length / cpuSeconds : 0).toFixed(0)}\n`);
}

main().catch((e) => {
  process.stderr.write(`run.js: ${e.stack || e}\n`);
  process.exit(1);
});
