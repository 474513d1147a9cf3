// The evaluator: compiled conditions over one complaint's facts, the decision
// stages, and the trace (facts read, lexicon hits, why a rule failed).
#include "triage/policy/evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "triage/policy/language.hpp"
#include "triage/policy/text.hpp"

namespace triage::policy {

// ---- context ---------------------------------------------------------------

namespace {
// Buffers kept between decisions of one thread, so that a decision does not
// allocate them anew.
struct Scratch {
  std::string text;
  std::string other;
  std::vector<std::int8_t> lex;
};
thread_local Scratch t_scratch;
}  // namespace

EvalContext::EvalContext(const CompiledPack& pack, facts::FactSet& facts) : pack_(pack), facts_(facts) {
  text_.swap(t_scratch.text);
  scratch_.swap(t_scratch.other);
  lex_.swap(t_scratch.lex);
  reset();
}

EvalContext::~EvalContext() {
  text_.swap(t_scratch.text);
  scratch_.swap(t_scratch.other);
  lex_.swap(t_scratch.lex);
}

void EvalContext::reset() {
  text_ready_ = false;
  lex_.assign(pack_.lexicons.size(), -1);
}

const std::string& EvalContext::normalized(facts::FactId id) {
  if (id == facts::FactId::complaint_text) {
    if (!text_ready_) {
      normalize_into(facts_[id].text, text_);
      text_ready_ = true;
    }
    return text_;
  }
  normalize_into(facts_[id].text, scratch_);
  return scratch_;
}

bool EvalContext::lexicon_matches(int index, facts::FactId id) {
  const auto& lex = pack_.lexicons[static_cast<std::size_t>(index)].lexicon;
  if (!lex || facts_[id].missing) return false;
  if (id != facts::FactId::complaint_text) return lex->matches(normalized(id));
  // The first question about complaint.text answers every lexicon at once.
  if (lex_[static_cast<std::size_t>(index)] < 0) {
    if (pack_.bank) pack_.bank->match_all(normalized(id), lex_);
    auto& cached = lex_[static_cast<std::size_t>(index)];
    if (cached < 0) cached = lex->matches(normalized(id)) ? 1 : 0;
  }
  return lex_[static_cast<std::size_t>(index)] == 1;
}

// ---- evaluation --------------------------------------------------------------

namespace {

struct Val {
  enum class K : std::uint8_t { missing, num, str } k = K::missing;
  double n = 0;
  std::string_view s;
};

bool order(Op op, double a, double b) {
  switch (op) {
    case Op::eq: return a == b;
    case Op::ne: return a != b;
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    case Op::ge: return a >= b;
    default: return false;
  }
}

class Eval {
 public:
  Eval(const CompiledExpr& e, EvalContext& ctx) : e_(e), ctx_(ctx) {}

  bool test(std::uint16_t i) {
    const Node& n = e_.nodes[i];
    switch (n.op) {
      case NodeOp::truthy: {
        const auto& v = ctx_.facts()[static_cast<facts::FactId>(n.index)];
        return !v.missing && v.number != 0;
      }
      case NodeOp::constant: return n.number != 0;
      case NodeOp::not_: return !test(n.a);
      case NodeOp::and_: return n.b_first ? test(n.b) && test(n.a) : test(n.a) && test(n.b);
      case NodeOp::or_: return n.b_first ? test(n.b) || test(n.a) : test(n.a) || test(n.b);
      case NodeOp::compare: return compare(n, value(n.a), value(n.b));
      case NodeOp::in_list: {
        const Val x = value(n.a);
        if (x.k == Val::K::missing) return false;
        const Node& list = e_.nodes[n.b];
        for (std::uint16_t k = 0; k < list.b; ++k)
          if (compare_eq(x, value(e_.items[list.a + k]))) return true;
        return false;
      }
      case NodeOp::in_tags: {
        const Val x = value(n.a);
        if (x.k != Val::K::str) return false;
        for (const auto& t : ctx_.facts().tags)
          if (t == x.s) return true;
        return false;
      }
      case NodeOp::matches: {
        const Node& left = e_.nodes[n.a];
        if (left.op == NodeOp::fact) return ctx_.lexicon_matches(n.index, static_cast<facts::FactId>(left.index));
        const Val x = value(n.a);
        const auto& lex = ctx_.pack().lexicons[static_cast<std::size_t>(n.index)].lexicon;
        return x.k == Val::K::str && lex && lex->matches(normalize(x.s));
      }
      default: {
        const Val x = value(i);
        return x.k == Val::K::num && x.n != 0;
      }
    }
  }

  Val value(std::uint16_t i) {
    const Node& n = e_.nodes[i];
    Val out;
    switch (n.op) {
      case NodeOp::constant:
        if (n.type == ValueType::string) {
          out.k = Val::K::str;
          out.s = n.str;
        } else {
          out.k = Val::K::num;
          out.n = n.number;
        }
        return out;
      case NodeOp::fact: {
        const auto& v = ctx_.facts()[static_cast<facts::FactId>(n.index)];
        if (v.missing) return out;
        if (n.type == ValueType::string || n.type == ValueType::text) {
          out.k = Val::K::str;
          out.s = v.text;
        } else {
          out.k = Val::K::num;
          out.n = v.number;
        }
        return out;
      }
      case NodeOp::arith: {
        const Val x = value(n.a);
        if (x.k != Val::K::num) return out;
        if (n.cmp == Op::neg) {
          out.k = Val::K::num;
          out.n = -x.n;
          return out;
        }
        const Val y = value(n.b);
        if (y.k != Val::K::num) return out;
        out.k = Val::K::num;
        switch (n.cmp) {
          case Op::add: out.n = x.n + y.n; break;
          case Op::sub: out.n = x.n - y.n; break;
          case Op::mul: out.n = x.n * y.n; break;
          default:
            if (y.n == 0) return Val{};  // a ratio over zero is missing
            out.n = x.n / y.n;
        }
        return out;
      }
      default:
        out.k = Val::K::num;
        out.n = test(i) ? 1 : 0;
        return out;
    }
  }

  static bool compare_eq(const Val& x, const Val& y) {
    if (x.k == Val::K::missing || y.k == Val::K::missing || x.k != y.k) return false;
    return x.k == Val::K::str ? x.s == y.s : x.n == y.n;
  }

  static bool compare(const Node& n, const Val& x, const Val& y) {
    if (x.k == Val::K::missing || y.k == Val::K::missing || x.k != y.k) return false;
    if (x.k == Val::K::str) return n.cmp == Op::eq ? x.s == y.s : n.cmp == Op::ne ? x.s != y.s : false;
    return order(n.cmp, x.n, y.n);
  }

  // ---- tracing ----

  std::string src(std::uint16_t i) const {
    const Node& n = e_.nodes[i];
    return e_.source.substr(n.begin, n.end - n.begin);
  }

  std::string show(std::uint16_t i, const Val& v, ValueType hint) const {
    const Node& n = e_.nodes[i];
    if (v.k == Val::K::missing) return "missing";
    if (v.k == Val::K::str) return fmt::format("'{}'", v.s);
    facts::Value fv;
    fv.missing = false;
    fv.number = v.n;
    facts::Type t = facts::Type::number;
    switch (n.type) {
      case ValueType::money: t = facts::Type::money; break;
      case ValueType::duration: t = facts::Type::duration; break;
      case ValueType::time: t = facts::Type::time; break;
      case ValueType::boolean: t = facts::Type::boolean; break;
      default:
        if (hint == ValueType::money) t = facts::Type::money;
        else if (n.op == NodeOp::constant && n.index >= 0 &&
                 ctx_.pack().params[static_cast<std::size_t>(n.index)].fractional)
          return fmt::format("{:.2f}", v.n);
    }
    return facts::format_value(t, fv, ctx_.facts().currency);
  }

  static const char* negated(Op op) {
    switch (op) {
      case Op::eq: return "!=";
      case Op::ne: return "==";
      case Op::lt: return ">=";
      case Op::le: return ">";
      case Op::gt: return "<=";
      case Op::ge: return "<";
      default: return "?";
    }
  }

  // The missing facts under node i.
  std::string missing_under(std::uint16_t i) const {
    std::string out;
    collect_missing(i, out);
    return out;
  }
  void collect_missing(std::uint16_t i, std::string& out) const {
    const Node& n = e_.nodes[i];
    if ((n.op == NodeOp::fact || n.op == NodeOp::truthy) &&
        ctx_.facts()[static_cast<facts::FactId>(n.index)].missing) {
      const auto name = facts::info(static_cast<facts::FactId>(n.index)).name;
      if (out.find(name) == std::string::npos) out += fmt::format("{}{}", out.empty() ? "" : ", ", name);
      return;
    }
    if (n.op == NodeOp::arith || n.op == NodeOp::compare || n.op == NodeOp::in_list || n.op == NodeOp::in_tags ||
        n.op == NodeOp::matches) {
      collect_missing(n.a, out);
      if (n.op == NodeOp::arith && n.cmp != Op::neg) collect_missing(n.b, out);
      if (n.op == NodeOp::compare) collect_missing(n.b, out);
    }
  }

  std::string why_false(std::uint16_t i) {
    const Node& n = e_.nodes[i];
    switch (n.op) {
      case NodeOp::and_: return test(n.a) ? why_false(n.b) : why_false(n.a);
      case NodeOp::or_: return why_false(n.a) + "; " + why_false(n.b);
      case NodeOp::not_: return fmt::format("{}: {} holds", src(i), src(n.a));
      case NodeOp::truthy: {
        const auto& v = ctx_.facts()[static_cast<facts::FactId>(n.index)];
        return fmt::format("{} is {}", src(i), v.missing ? "missing" : "false");
      }
      case NodeOp::compare: {
        const Val x = value(n.a), y = value(n.b);
        if (x.k == Val::K::missing || y.k == Val::K::missing)
          return fmt::format("{}: {} missing", src(i), missing_under(i).empty() ? "a value is" : missing_under(i) + " is");
        return fmt::format("{}: {} {} {}", src(i), show(n.a, x, e_.nodes[n.b].type), negated(n.cmp),
                           show(n.b, y, e_.nodes[n.a].type));
      }
      case NodeOp::in_list: {
        const Val x = value(n.a);
        if (x.k == Val::K::missing) return fmt::format("{}: {} is missing", src(i), src(n.a));
        return fmt::format("{}: {} is not in the list", src(i), show(n.a, x, ValueType::unknown));
      }
      case NodeOp::in_tags: {
        const Val x = value(n.a);
        if (x.k == Val::K::missing) return fmt::format("{}: {} is missing", src(i), src(n.a));
        const auto& tags = ctx_.facts().tags;
        return fmt::format("{}: tags are {}", src(i), tags.empty() ? "none" : "[" + fmt::format("{}", fmt::join(tags, ", ")) + "]");
      }
      case NodeOp::matches: {
        const Node& left = e_.nodes[n.a];
        const auto& lex = ctx_.pack().lexicons[static_cast<std::size_t>(n.index)].name;
        if (left.op == NodeOp::fact && ctx_.facts()[static_cast<facts::FactId>(left.index)].missing)
          return fmt::format("{}: {} is missing", src(i), src(n.a));
        return fmt::format("{}: no phrase of `{}` found", src(i), lex);
      }
      default: return fmt::format("{} is false", src(i));
    }
  }

 private:
  const CompiledExpr& e_;
  EvalContext& ctx_;
};

std::string show_fact(facts::FactId id, const facts::FactSet& f) {
  if (id == facts::FactId::tags) return f.tags.empty() ? "none" : fmt::format("{}", fmt::join(f.tags, ", "));
  return facts::format_value(facts::info(id).type, f[id], f.currency);
}

std::string show_param(const CompiledParam& p, const std::string& currency) {
  facts::Value v;
  v.missing = false;
  v.number = p.value;
  if (p.type == facts::Type::number && p.fractional) return fmt::format("{:.2f}", p.value);
  return facts::format_value(p.type, v, currency);
}

}  // namespace

bool evaluate(const CompiledExpr& e, EvalContext& ctx) {
  if (e.nodes.empty()) return false;
  return Eval(e, ctx).test(e.root);
}

std::string explain_failure(const CompiledExpr& e, EvalContext& ctx) {
  if (e.nodes.empty()) return "the condition did not compile";
  return Eval(e, ctx).why_false(e.root);
}

void collect_reads(const CompiledExpr& e, EvalContext& ctx, std::vector<FactRead>& out,
                   std::vector<std::string>* missing) {
  auto add = [&](std::string name, std::string value, bool miss) {
    if (miss && missing && std::find(missing->begin(), missing->end(), name) == missing->end())
      missing->push_back(name);
    for (const auto& r : out)
      if (r.name == name) return;
    out.push_back({std::move(name), std::move(value), miss});
  };
  for (const auto id : e.facts_read) {
    const bool miss = id != facts::FactId::tags && ctx.facts()[id].missing;
    add(std::string(facts::info(id).name), show_fact(id, ctx.facts()), miss);
  }
  for (const int p : e.params_read) {
    const auto& param = ctx.pack().params[static_cast<std::size_t>(p)];
    add("params." + param.name, show_param(param, ctx.facts().currency), false);
  }
}

void collect_hits(const CompiledExpr& e, EvalContext& ctx, std::vector<LexiconHit>& out) {
  for (const auto& n : e.nodes) {
    if (n.op != NodeOp::matches) continue;
    const auto& lex = ctx.pack().lexicons[static_cast<std::size_t>(n.index)];
    if (!lex.lexicon) continue;
    const Node& left = e.nodes[n.a];
    if (left.op != NodeOp::fact) continue;
    const auto id = static_cast<facts::FactId>(left.index);
    if (ctx.facts()[id].missing) continue;
    // The yes/no answer is cached for the decision (one pass over the text
    // answers every lexicon): only a lexicon that matched has words to show.
    if (!ctx.lexicon_matches(n.index, id)) continue;
    auto m = lex.lexicon->match(ctx.normalized(id));
    if (!m.matched) continue;
    bool merged = false;
    for (auto& h : out)
      if (h.lexicon == lex.name) {
        for (auto& w : m.words)
          if (std::find(h.words.begin(), h.words.end(), w) == h.words.end()) h.words.push_back(std::move(w));
        merged = true;
      }
    if (!merged) out.push_back({lex.name, std::move(m.words)});
  }
}

std::string fill(const CompiledTemplate& t, EvalContext& ctx) {
  std::string out;
  for (const auto& p : t) {
    switch (p.kind) {
      case TemplatePiece::Kind::literal: out += p.text; break;
      case TemplatePiece::Kind::fact: out += show_fact(static_cast<facts::FactId>(p.index), ctx.facts()); break;
      case TemplatePiece::Kind::param:
        out += show_param(ctx.pack().params[static_cast<std::size_t>(p.index)], ctx.facts().currency);
        break;
    }
  }
  return out;
}

// ---- the decision --------------------------------------------------------------

namespace {

void add_tag(facts::FactSet& f, const std::string& tag) {
  if (tag.empty()) return;
  if (std::find(f.tags.begin(), f.tags.end(), tag) == f.tags.end()) f.tags.push_back(tag);
}

RuleTrace trace_rule(const CompiledRule& r, EvalContext& ctx, bool matched, const char* skipped = nullptr) {
  RuleTrace t;
  t.stage = to_string(r.stage);
  t.id = r.id;
  t.file = r.file;
  if (r.action >= 0) t.action = ctx.pack().actions[static_cast<std::size_t>(r.action)].name;
  t.tag = r.tag;
  t.priority = r.priority;
  t.matched = matched;
  t.when = r.when.source;
  if (skipped) {
    t.failed = skipped;
    return t;
  }
  if (!matched) t.failed = explain_failure(r.when, ctx);
  collect_reads(r.when, ctx, t.facts, &t.missing);
  if (matched) collect_hits(r.when, ctx, t.hits);
  return t;
}

int language_slot(const std::string& lang) {
  const auto& langs = reply_languages();
  for (std::size_t i = 0; i < langs.size(); ++i)
    if (langs[i] == lang) return static_cast<int>(i);
  return -1;
}

}  // namespace

Decision decide(const CompiledPack& pack, const DecideSettings& settings, facts::FactSet& facts,
                Tracing tracing) {
  using facts::FactId;
  EvalContext ctx(pack, facts);
  Decision d;
  const bool tracing_on = tracing == Tracing::full;

  // Stage 1: classify, only when the import gave no kind.
  const bool classify = facts[FactId::complaint_kind].missing;
  for (const auto& r : pack.classify) {
    if (!classify || d.kind_inferred) {
      if (tracing_on)
        d.trace.push_back(trace_rule(r, ctx, false, classify ? "skipped: an earlier classify rule matched"
                                                             : "skipped: complaint.kind was given"));
      continue;
    }
    const bool m = evaluate(r.when, ctx);
    if (tracing_on) d.trace.push_back(trace_rule(r, ctx, m));
    if (m) {
      facts.set_text(FactId::complaint_kind, r.id);
      d.kind_inferred = true;
    }
  }
  d.kind = facts[FactId::complaint_kind].text;

  // Stage 2: segment, first match; none matching leaves the customer `regular`.
  bool segmented = false;
  for (const auto& r : pack.segments) {
    if (segmented) {
      if (tracing_on) d.trace.push_back(trace_rule(r, ctx, false, "skipped: an earlier segment matched"));
      continue;
    }
    const bool m = evaluate(r.when, ctx);
    if (tracing_on) d.trace.push_back(trace_rule(r, ctx, m));
    if (m) {
      facts.set_text(FactId::customer_segment, r.id);
      segmented = true;
    }
  }
  if (!segmented) facts.set_text(FactId::customer_segment, "regular");
  d.segment = facts[FactId::customer_segment].text;

  // Stage 3: tag-only rules, in load order; their tags are visible to later rules.
  std::vector<const CompiledRule*> tagged;
  for (const auto& r : pack.tag_rules) {
    const bool m = evaluate(r.when, ctx);
    if (tracing_on) d.trace.push_back(trace_rule(r, ctx, m));
    if (m) {
      add_tag(facts, r.tag);
      tagged.push_back(&r);
    }
  }

  // Stage 4: action rules; the highest priority wins, ties by load order.
  std::vector<const CompiledRule*> matched;
  const CompiledRule* winner = nullptr;
  for (const auto& r : pack.action_rules) {
    const bool m = evaluate(r.when, ctx);
    if (tracing_on) d.trace.push_back(trace_rule(r, ctx, m));
    if (!m) continue;
    add_tag(facts, r.tag);
    if (!r.tag.empty()) tagged.push_back(&r);
    matched.push_back(&r);
    if (!winner || r.priority > winner->priority) winner = &r;
  }

  const int action = winner ? winner->action : pack.escalate;
  if (action >= 0) {
    d.action = pack.actions[static_cast<std::size_t>(action)].name;
    d.action_label = pack.actions[static_cast<std::size_t>(action)].label;
  } else {
    d.action = "escalate";
  }
  if (winner) {
    d.rule = winner->id;
    d.priority = winner->priority;
    d.why = winner->has_why ? fill(winner->why, ctx)
                            : fmt::format("rule `{}` matched: {}", winner->id, winner->when.source);
    collect_reads(winner->when, ctx, d.evidence, nullptr);
    collect_hits(winner->when, ctx, d.hits);
  } else {
    d.why = "no rule matched";
  }
  for (const auto* r : tagged) {
    if (r == winner) continue;
    collect_reads(r->when, ctx, d.evidence, nullptr);
    collect_hits(r->when, ctx, d.hits);
  }
  std::stable_sort(matched.begin(), matched.end(),
                   [](const CompiledRule* a, const CompiledRule* b) { return a->priority > b->priority; });
  for (const auto* r : matched)
    if (r != winner) d.also_matched.push_back(r->id);
  d.tags = facts.tags;

  // The reply, in the complaint's language when we have a draft for it.
  int slot = -1;
  if (!facts[FactId::complaint_lang].missing) slot = language_slot(facts[FactId::complaint_lang].text);
  if (slot < 0 && !facts[FactId::complaint_text].missing)
    slot = language_slot(guess_language(facts[FactId::complaint_text].text, ctx.normalized(FactId::complaint_text)));
  if (slot < 0) slot = language_slot(settings.default_lang);
  if (slot < 0) slot = 0;
  d.lang = reply_languages()[static_cast<std::size_t>(slot)];
  if (action >= 0) {
    const auto& a = pack.actions[static_cast<std::size_t>(action)];
    int use = a.has_reply[static_cast<std::size_t>(slot)] ? slot : -1;
    if (use < 0) {
      const int def = language_slot(settings.default_lang);
      if (def >= 0 && a.has_reply[static_cast<std::size_t>(def)]) use = def;
    }
    for (std::size_t i = 0; use < 0 && i < a.has_reply.size(); ++i)
      if (a.has_reply[i]) use = static_cast<int>(i);
    if (use >= 0) d.reply = fill(a.reply[static_cast<std::size_t>(use)], ctx);
  }

  // The deadline, on working time.
  const auto& received = facts[FactId::complaint_received_at];
  if (!received.missing && settings.calendar) {
    const double within = pack.reply_within >= 0 ? pack.params[static_cast<std::size_t>(pack.reply_within)].value : 86400;
    d.reply_by = settings.calendar->add_working_time(static_cast<Timestamp>(received.number),
                                                     static_cast<std::int64_t>(within));
    const auto& answered = facts[FactId::complaint_answered];
    const auto& now = facts[FactId::now];
    d.overdue = (answered.missing || answered.number == 0) && !now.missing &&
                static_cast<Timestamp>(now.number) > d.reply_by;
  }
  return d;
}

}  // namespace triage::policy
