// The benchmark's reference: triage's default policy pack translated by hand
// into json-rules-engine rules, set up as a competent user would (one Engine
// built once, a plain property lookup as pathResolver, text normalized once
// per complaint, one precompiled regex per lexicon with letters spelled out).
//
// Follows the default pack of commit ac83832 (policies/*.toml, files_sha256
// below). The lexicons' words and the params are read from pack.json, which
// bench/jre/pack.py extracts from the pack, so only the conditions here are
// hand-written: when a rule's `when` changes, change it here too.
'use strict';

const { Engine } = require('json-rules-engine');

const FOLLOWS_SHA256 = 'e498914d6d76accf8650017f90d5fb3fc5f2763f0c2b79c206973ca4b36b1c47';

// ---------------------------------------------------------------- text

// After normalization only these remain of words: Latin letters without
// diacritics, digits and Cyrillic letters (written out, not \p{L}).
const LETTER = 'a-z0-9\\u0430-\\u045f\\u0491';
const LATIN_EXTRA = { 'ł': 'l', 'ŀ': 'l', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ı': 'i', 'ß': 'ss' };
const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const MARKS = /[\u0300-\u036f]/g;
const INVISIBLE = /['\u2019\u02bc\u2018\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SEPARATORS = new RegExp(`[^${LETTER}]+`, 'g');

// The same spelling triage matches lexicons against (src/policy/text.cpp):
// lower case, Latin diacritics removed, Cyrillic kept (ё → е), apostrophes
// dropped, one space between words and one at each end.
function normalize(text) {
  const t = text
    .toLowerCase()
    .replace(LATIN_ACCENTED, (ch) => LATIN_EXTRA[ch] || ch.normalize('NFKD').replace(MARKS, ''))
    .replace(/[ёѐ]/g, 'е')
    .replace(/ѝ/g, 'и')
    .replace(INVISIBLE, '')
    .replace(SEPARATORS, ' ')
    .trim();
  return t ? ` ${t} ` : ' ';
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A phrase matches whole words; a trailing * any word ending.
function phrasePattern(phrase) {
  const words = [];
  for (let token of phrase.split(/\s+/)) {
    if (!token) continue;
    let wildcard = false;
    while (token.endsWith('*')) {
      token = token.slice(0, -1);
      wildcard = true;
    }
    const w = normalize(token).trim();
    if (!w) continue;
    words.push(escape(w) + (wildcard ? '[^ ]*' : ''));
  }
  return words.join(' ');
}

// One regex per lexicon: its phrases between spaces, or any of its regexes
// (RE2 syntax; \pL spelled out as the letters above; like triage, case-sensitive
// on the lower-case text).
function compileLexicon(lex) {
  const parts = [];
  if (lex.phrases.length) parts.push(` (?:${lex.phrases.map(phrasePattern).join('|')}) `);
  for (const re of lex.regex) parts.push(`(?:${re.replace(/\\pL/g, `[${LETTER}]`).replace(/\\p\{L\}/g, `[${LETTER}]`)})`);
  return parts.length ? new RegExp(parts.join('|')) : /(?!)/;
}

// ---------------------------------------------------------------- conditions

const fact = (name, path, operator, value, priority) =>
  priority ? { fact: name, path, operator, value, priority } : { fact: name, path, operator, value };
const all = (...c) => ({ all: c });
const any = (...c) => ({ any: c });
const not = (c) => ({ not: c });
const matches = (lexicon) => fact('complaint', 'text', 'matches', lexicon);
const kindIs = (k) => fact('complaint', 'kind', 'is', k);
const kindIn = (list) => fact('complaint', 'kind', 'in', list);
const order = (path, operator, value) => fact('order', path, operator, value);
const customer = (path, operator, value) => fact('customer', path, operator, value);
const TRUE = { all: [] };
// `order.id != '' or order.status != ''`: there is an order.
const hasOrder = any(order('id', 'isnt', ''), order('status', 'isnt', ''));

function buildRules(P) {
  const classify = [
    ['refund', matches('refund_missing')],
    ['lost', matches('lost_in_transit')],
    ['not_received', any(matches('not_received'), matches('delivered_denied'))],
    ['wrong_address', any(matches('wrong_address'), matches('parcel_returned'))],
    ['defect', matches('defect')],
    ['subscription', matches('subscription')],
    ['return', any(matches('return_request'), matches('refuse_return'))],
    ['refund', matches('refund')],
    ['compensation', matches('freebie')],
    ['delivery', any(matches('delivery'), matches('minute_delivery'), matches('address_change'))],
    ['invoice', matches('invoice')],
    ['question', matches('question')],
    ['other', TRUE],
  ];
  const segments = [
    ['suspected-competitor', all(customer('orders', 'greaterThanInclusive', P.competitor_min_orders),
                                 customer('returns', 'is', { fact: 'customer', path: 'orders' }))],
    ['ghost', customer('refused', 'greaterThanInclusive', P.ghost_refusals)],
    ['indecisive', all(customer('orders', 'greaterThanInclusive', P.indecisive_min_orders),
                       customer('return_rate', 'greaterThanInclusive', P.indecisive_return_rate))],
    ['aggressor', all(customer('negative_reviews', 'greaterThanInclusive', 1), customer('complaints', 'is', 0))],
    ['gimme', customer('compensation_requests', 'greaterThanInclusive', 1)],
    ['grateful', fact('review', 'rating', 'greaterThanInclusive', 4)],
    ['engaged', customer('orders', 'greaterThanInclusive', P.engaged_orders)],
    ['silent', all(customer('complaints', 'is', 0), not(fact('review', 'rating', 'greaterThanInclusive', 1)))],
    ['regular', TRUE],
  ];
  const tagRules = [
    ['vip', 'vip', customer('ltv', 'greaterThanInclusive', P.vip_ltv)],
    ['threat', 'threat', any(matches('review_threat'), matches('violence'))],
  ];
  const deliveredButDenied = all(any(kindIn(['not_received', 'lost']), matches('delivered_denied')),
                                 order('status', 'is', 'delivered'));
  const wrongAddress = all(any(kindIs('wrong_address'), matches('wrong_address'), matches('parcel_returned')), hasOrder);
  const subscriptionTerms = all(kindIs('subscription'), hasOrder);
  const returnKinds = kindIn(['return', 'refund']);
  const noDelivery = not(order('since_delivered', 'greaterThanInclusive', 0));
  const firstCodOrder = all(customer('orders', 'is', 1), order('payment', 'is', 'cod'), order('status', 'is', 'pending'),
                            order('total', 'greaterThanInclusive', P.cod_verify_total));
  // [id, action, tag, priority, condition], in load order (files by name, rules in file order).
  const actionRules = [
    ['lost-parcel', 'reship', '', 80, order('status', 'is', 'lost')],
    ['lost-in-transit', 'reship', '', 80,
      all(kindIn(['not_received', 'lost']), order('status', 'is', 'shipped'),
          order('since_shipped', 'greaterThanInclusive', P.lost_after))],
    ['open-dispute', 'dispute-evidence', 'chargeback', 95,
      all(fact('dispute', 'open', 'is', true),
          any(kindIn(['lost', 'not_received', 'wrong_address', 'defect', 'subscription', 'return', 'refund',
                      'compensation', 'delivery']),
              matches('chargeback'), matches('refund')))],
    ['delivered-but-denied', 'customer-error', '', 60, deliveredButDenied],
    ['wrong-address', 'customer-error', '', 60, wrongAddress],
    ['subscription-terms', 'customer-error', '', 60, subscriptionTerms],
    ['vip-goodwill', 'goodwill', '', 61,
      all(fact('tags', undefined, 'contains', 'vip'), not(fact('tags', undefined, 'contains', 'threat')),
          any(deliveredButDenied, wrongAddress, subscriptionTerms))],
    ['defect-in-warranty', 'replace', '', 76,
      all(kindIs('defect'), order('since_delivered', 'lessThanInclusive', P.warranty))],
    ['defect-in-warranty-since-shipping', 'replace', '', 76,
      all(kindIs('defect'), noDelivery, order('since_shipped', 'lessThanInclusive', P.warranty))],
    ['demanding', 'standard-process', 'demanding', 65,
      all(any(matches('minute_delivery'), matches('address_change')),
          order('delivery_attempts', 'greaterThanInclusive', P.demanding_attempts))],
    ['order-not-found', 'escalate', '', 1,
      all(kindIn(['lost', 'not_received', 'wrong_address', 'defect', 'subscription', 'return', 'refund', 'delivery']),
          not(hasOrder))],
    ['verify-cod-company', 'verify-order', '', 90,
      all(firstCodOrder, order('business', 'is', true))],
    ['verify-cod-units', 'verify-order', '', 90,
      all(firstCodOrder, order('items', 'greaterThanInclusive', P.cod_verify_items))],
    ['suspected-competitor', 'end-relationship', '', 85, customer('segment', 'is', 'suspected-competitor')],
    ['ghost-prepayment', 'require-prepayment', '', 45, customer('segment', 'is', 'ghost')],
    ['freebie', 'decline', '', 50,
      any(kindIs('compensation'),
          all(matches('freebie'), not(kindIn(['return', 'refund', 'defect', 'wrong_address', 'subscription']))))],
    ['refuses-to-return', 'offer-return', '', 78, all(matches('refuse_return'), hasOrder)],
    ['refund-returned-order', 'refund', '', 75,
      all(kindIs('refund'), any(order('status', 'is', 'returned'), order('returned', 'is', true)),
          not(order('refunded', 'greaterThanInclusive', { fact: 'order', path: 'total' })))],
    ['serial-returner', 'accept-return', '', 40,
      all(customer('segment', 'is', 'indecisive'), not(kindIn(['invoice', 'question'])))],
    ['return-in-window', 'accept-return', '', 35,
      all(returnKinds, order('since_delivered', 'lessThanInclusive', P.return_window))],
    ['return-in-window-since-shipping', 'accept-return', '', 35,
      all(returnKinds, noDelivery, order('since_shipped', 'lessThanInclusive', P.return_window))],
    ['return-after-window', 'decline', '', 30,
      all(returnKinds, order('since_delivered', 'greaterThan', P.return_window))],
    ['return-after-window-since-shipping', 'decline', '', 30,
      all(returnKinds, noDelivery, order('since_shipped', 'greaterThan', P.return_window))],
    ['violence', 'escalate', 'threat', 100, matches('violence')],
    ['review-threat', 'standard-process', 'threat', 70, matches('review_threat')],
  ];
  return { classify, segments, tagRules, actionRules };
}

// ---------------------------------------------------------------- engine

// A decision under construction, kept in the `decision` fact so the rules'
// handlers can write the stage results that later stages read.
function buildEngine(pack) {
  if (pack.files_sha256 !== FOLLOWS_SHA256)
    process.stderr.write(
      `rules.js: the pack changed since this translation (${pack.files_sha256.slice(0, 12)} vs ` +
        `${FOLLOWS_SHA256.slice(0, 12)}): its lexicons and params are current, check its conditions\n`,
    );
  const lexicons = new Map();
  for (const [name, lex] of Object.entries(pack.lexicons)) lexicons.set(name, compileLexicon(lex));
  const { classify, segments, tagRules, actionRules } = buildRules(pack.params);

  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: (object, path) => (object == null ? undefined : object[path]),
  });
  // A missing fact makes every comparison false, `!=` included.
  engine.addOperator('is', (a, b) => a !== undefined && a !== null && a === b);
  engine.addOperator('isnt', (a, b) => a !== undefined && a !== null && a !== b);
  engine.addOperator('matches', (text, name) => typeof text === 'string' && lexicons.get(name).test(text));

  // Stages are priority bands, evaluated one after the other: classify (first
  // match, only when no kind was given), segment (first match), tag rules (in
  // load order, each seeing the tags before it), then every action rule at once.
  const unset = (path) => fact('complaint', path, 'unset', null, 100);
  engine.addOperator('unset', (v) => v === undefined || v === null);
  let band = 10000;
  classify.forEach(([kind, when]) => {
    engine.addRule({
      name: `classify:${kind}`,
      priority: band--,
      conditions: all(unset('kind'), when),
      event: { type: 'classify' },
      onSuccess: (event, almanac) => almanac.factValue('complaint').then((c) => { c.kind = kind; }),
    });
  });
  segments.forEach(([id, when]) => {
    engine.addRule({
      name: `segment:${id}`,
      priority: band--,
      conditions: all(fact('customer', 'segment', 'unset', null, 100), when),
      event: { type: 'segment' },
      onSuccess: (event, almanac) => almanac.factValue('customer').then((c) => { c.segment = id; }),
    });
  });
  tagRules.forEach(([id, tag, when]) => {
    engine.addRule({
      name: `tag:${id}`,
      priority: band--,
      conditions: all(when),
      event: { type: 'tag', params: { tag } },
      onSuccess: (event, almanac) => almanac.factValue('tags').then((tags) => { if (!tags.includes(tag)) tags.push(tag); }),
    });
  });
  actionRules.forEach(([id, action, tag, priority, when], index) => {
    engine.addRule({
      name: id,
      priority: 1,
      conditions: all(when),
      event: { type: 'action', params: { id, action, tag, priority, index } },
    });
  });
  return { engine, normalize };
}

// Runs the engine over one complaint's facts and returns its decision.
async function decide(engine, facts) {
  const { events } = await engine.run(facts);
  let winner = null;
  const tags = facts.tags;
  for (const e of events) {
    if (e.type !== 'action') continue;
    const p = e.params;
    if (p.tag && !tags.includes(p.tag)) tags.push(p.tag);
    if (!winner || p.priority > winner.priority || (p.priority === winner.priority && p.index < winner.index)) winner = p;
  }
  return {
    action: winner ? winner.action : 'escalate',
    rule: winner ? winner.id : null,
    kind: facts.complaint.kind,
    segment: facts.customer.segment || 'regular',
    tags,
  };
}

module.exports = { buildEngine, decide, normalize, FOLLOWS_SHA256 };
