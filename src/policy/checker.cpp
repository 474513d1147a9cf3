// Stage "check": resolves every name of the pack and infers every
// condition's type, collecting each problem with its place and a suggestion.
#include "triage/policy/checker.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace triage::policy {

namespace {

ValueType from_fact_type(facts::Type t) {
  switch (t) {
    case facts::Type::boolean: return ValueType::boolean;
    case facts::Type::number: return ValueType::number;
    case facts::Type::money: return ValueType::money;
    case facts::Type::duration: return ValueType::duration;
    case facts::Type::time: return ValueType::time;
    case facts::Type::string: return ValueType::string;
    case facts::Type::text: return ValueType::text;
    case facts::Type::tags: return ValueType::tags;
  }
  return ValueType::unknown;
}

bool numeric(ValueType t) { return t == ValueType::number || t == ValueType::money; }
bool textual(ValueType t) { return t == ValueType::string || t == ValueType::text; }

// Whether two types may be compared with == and !=.
bool comparable(ValueType a, ValueType b) {
  if (numeric(a) && numeric(b)) return true;
  if (textual(a) && textual(b)) return true;
  return a == b && (a == ValueType::duration || a == ValueType::time || a == ValueType::boolean);
}

bool orderable(ValueType t) {
  return numeric(t) || t == ValueType::duration || t == ValueType::time;
}

class Checker {
 public:
  Checker(Pack& pack, Diagnostics& diags, std::vector<std::string> names)
      : pack_(pack), diags_(diags), names_(std::move(names)) {
    for (const auto& l : pack.lexicons) lexicon_names_.push_back(l.name);
  }

  void condition(Condition& c) {
    if (!c.expr) return;  // a syntax error, already reported
    cond_ = &c;
    const ValueType t = infer(*c.expr);
    if (t != ValueType::unknown && t != ValueType::boolean)
      error(*c.expr, fmt::format("the condition is a {}, not true or false; compare it, e.g. `{} >= 1`",
                                 to_string(t), c.source.substr(c.expr->begin, c.expr->end - c.expr->begin)));
  }

  void placeholders(const Template& t, const std::string& what) {
    std::size_t i = 0;
    while ((i = t.text.find('{', i)) != std::string::npos) {
      const auto close = t.text.find('}', i);
      if (close == std::string::npos) break;
      const std::string name = t.text.substr(i + 1, close - i - 1);
      const auto where = t.origin.at(t.text, static_cast<std::uint32_t>(i));
      if (name.rfind("params.", 0) == 0) {
        if (!pack_.param(name.substr(7)))
          diags_.add(where, fmt::format("unknown param `{}` in {}{}", name, what, did_you_mean(name, names_)));
      } else if (!facts::find(name)) {
        diags_.add(where, fmt::format("unknown fact `{{{}}}` in {}{}", name, what, did_you_mean(name, names_)));
      }
      i = close + 1;
    }
  }

 private:
  Pack& pack_;
  Diagnostics& diags_;
  std::vector<std::string> names_;
  std::vector<std::string> lexicon_names_;
  Condition* cond_ = nullptr;

  std::string src(const Expr& e) const { return cond_->source.substr(e.begin, e.end - e.begin); }
  void error(const Expr& at, const std::string& msg) { diags_.add(cond_->origin.at(cond_->source, at.begin), msg); }

  // What a value of type t is called in messages: "customer.ltv (money)".
  std::string described(const Expr& e) const {
    switch (e.kind) {
      case Expr::Kind::number: return fmt::format("the number {}", src(e));
      case Expr::Kind::duration: return fmt::format("the duration {}", src(e));
      case Expr::Kind::string: return fmt::format("the string {}", src(e));
      case Expr::Kind::boolean: return src(e);
      default: return fmt::format("`{}` ({})", src(e), to_string(e.type));
    }
  }

  ValueType set(Expr& e, ValueType t) {
    e.type = t;
    return t;
  }

  ValueType name(Expr& e) {
    if (e.text.rfind("params.", 0) == 0) {
      const std::string p = e.text.substr(7);
      for (std::size_t i = 0; i < pack_.params.size(); ++i)
        if (pack_.params[i].name == p) {
          e.ref = RefKind::param;
          e.index = static_cast<std::int32_t>(i);
          return set(e, from_fact_type(pack_.params[i].type));
        }
      error(e, fmt::format("unknown param `{}`{}", e.text, did_you_mean(e.text, names_)));
      return ValueType::unknown;
    }
    if (const auto id = facts::find(e.text)) {
      e.ref = RefKind::fact;
      e.index = static_cast<std::int32_t>(*id);
      return set(e, from_fact_type(facts::info(*id).type));
    }
    if (pack_.lexicon(e.text)) {
      error(e, fmt::format("`{}` is a lexicon; use it as `complaint.text matches {}`", e.text, e.text));
      return ValueType::unknown;
    }
    error(e, fmt::format("unknown fact `{}`{}", e.text, did_you_mean(e.text, names_)));
    return ValueType::unknown;
  }

  ValueType infer(Expr& e) {
    switch (e.kind) {
      case Expr::Kind::number: return set(e, ValueType::number);
      case Expr::Kind::duration: return set(e, ValueType::duration);
      case Expr::Kind::string: return set(e, ValueType::string);
      case Expr::Kind::boolean: return set(e, ValueType::boolean);
      case Expr::Kind::name: return name(e);
      case Expr::Kind::list: return list(e);
      case Expr::Kind::unary: return unary(e);
      case Expr::Kind::binary: return binary(e);
    }
    return ValueType::unknown;
  }

  ValueType list(Expr& e) {
    ValueType elem = ValueType::unknown;
    const Expr* first = nullptr;
    bool ok = true;
    for (auto& item : e.args) {
      const ValueType t = infer(*item);
      if (t == ValueType::unknown) {
        ok = false;
        continue;
      }
      if (t == ValueType::list || t == ValueType::tags) {
        error(*item, "a list cannot hold lists");
        ok = false;
        continue;
      }
      if (!first) {
        first = item.get();
        elem = t;
      } else if (!comparable(elem, t)) {
        error(*item, fmt::format("a list holds values of one type: {} is a {}, {} a {}", src(*first),
                                 to_string(elem), src(*item), to_string(t)));
        ok = false;
      }
    }
    e.elem = ok ? elem : ValueType::unknown;
    return set(e, ValueType::list);
  }

  ValueType unary(Expr& e) {
    const ValueType t = infer(*e.args[0]);
    if (t == ValueType::unknown) return ValueType::unknown;
    if (e.op == Op::not_) {
      if (t != ValueType::boolean) {
        error(*e.args[0], fmt::format("`not` needs true or false, and {} is not", described(*e.args[0])));
        return ValueType::unknown;
      }
      return set(e, ValueType::boolean);
    }
    if (!numeric(t) && t != ValueType::duration) {
      error(e, fmt::format("cannot negate {}", described(*e.args[0])));
      return ValueType::unknown;
    }
    return set(e, t);
  }

  ValueType binary(Expr& e) {
    Expr& l = *e.args[0];
    Expr& r = *e.args[1];
    if (e.op == Op::matches) return matches(e, l, r);
    const ValueType a = infer(l);
    const ValueType b = infer(r);
    if (a == ValueType::unknown || b == ValueType::unknown) return ValueType::unknown;
    switch (e.op) {
      case Op::and_:
      case Op::or_:
        for (Expr* side : {&l, &r})
          if (side->type != ValueType::boolean) {
            error(*side, fmt::format("`{}` joins conditions, and {} is not true or false; compare it, e.g. `{} >= 1`",
                                     to_string(e.op), described(*side), src(*side)));
            return ValueType::unknown;
          }
        return set(e, ValueType::boolean);
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: return comparison(e, l, r);
      case Op::in: return membership(e, l, r);
      default: return arithmetic(e, l, r);
    }
  }

  std::string mismatch_hint(ValueType a, ValueType b) const {
    auto either = [&](ValueType x, ValueType y) { return (a == x && b == y) || (a == y && b == x); };
    if (either(ValueType::duration, ValueType::number) || either(ValueType::duration, ValueType::money))
      return "; write the number with a unit, such as 10d or 36h";
    if (either(ValueType::time, ValueType::duration))
      return "; compare a time with a time, or a difference of times with a duration (now - complaint.received_at > 36h)";
    if (either(ValueType::string, ValueType::number) || either(ValueType::string, ValueType::money))
      return "; a number is written without quotes";
    if (a == ValueType::tags || b == ValueType::tags) return "; test a tag with 'tag' in tags";
    if (a == ValueType::boolean || b == ValueType::boolean) return "; a true/false fact is a condition by itself";
    return "";
  }

  ValueType comparison(Expr& e, Expr& l, Expr& r) {
    if (!comparable(l.type, r.type)) {
      error(e, fmt::format("cannot compare {} with {}{}", described(l), described(r), mismatch_hint(l.type, r.type)));
      return ValueType::unknown;
    }
    if (e.op != Op::eq && e.op != Op::ne && !orderable(l.type)) {
      error(e, fmt::format("`{}` orders numbers, money, durations and times, not {}; use == or !=", to_string(e.op),
                           described(l)));
      return ValueType::unknown;
    }
    return set(e, ValueType::boolean);
  }

  ValueType membership(Expr& e, Expr& l, Expr& r) {
    if (r.type == ValueType::tags) {
      if (!textual(l.type)) {
        error(e, fmt::format("tags are strings, and {} is not; write 'tag' in tags", described(l)));
        return ValueType::unknown;
      }
      return set(e, ValueType::boolean);
    }
    if (r.type != ValueType::list) {
      error(r, fmt::format("`in` needs a list such as ['a', 'b'] or `tags` on its right, not {}", described(r)));
      return ValueType::unknown;
    }
    if (l.type == ValueType::list || l.type == ValueType::tags) {
      error(l, fmt::format("`in` tests one value, and {} is a list", described(l)));
      return ValueType::unknown;
    }
    if (r.elem != ValueType::unknown && !comparable(l.type, r.elem)) {
      error(e, fmt::format("cannot look for {} in a list of {} values{}", described(l), to_string(r.elem),
                           mismatch_hint(l.type, r.elem)));
      return ValueType::unknown;
    }
    return set(e, ValueType::boolean);
  }

  ValueType matches(Expr& e, Expr& l, Expr& r) {
    const ValueType a = infer(l);
    bool ok = a != ValueType::unknown;
    if (ok && !textual(a)) {
      error(l, fmt::format("`matches` searches text, and {} is not text", described(l)));
      ok = false;
    }
    if (r.kind != Expr::Kind::name) {
      error(r, "`matches` takes a lexicon name on its right, such as `complaint.text matches review_threat`");
      return ValueType::unknown;
    }
    bool found = false;
    for (std::size_t i = 0; i < pack_.lexicons.size(); ++i)
      if (pack_.lexicons[i].name == r.text) {
        r.ref = RefKind::lexicon;
        r.index = static_cast<std::int32_t>(i);
        r.type = ValueType::lexicon;
        found = true;
      }
    if (!found) {
      error(r, fmt::format("unknown lexicon `{}`{}", r.text, did_you_mean(r.text, lexicon_names_)));
      return ValueType::unknown;
    }
    return ok ? set(e, ValueType::boolean) : ValueType::unknown;
  }

  ValueType arithmetic(Expr& e, Expr& l, Expr& r) {
    const ValueType a = l.type, b = r.type;
    using V = ValueType;
    V out = V::unknown;
    switch (e.op) {
      case Op::add:
      case Op::sub:
        if (numeric(a) && numeric(b)) out = (a == V::money || b == V::money) ? V::money : V::number;
        else if (a == V::duration && b == V::duration) out = V::duration;
        else if (a == V::time && b == V::duration) out = V::time;
        else if (e.op == Op::add && a == V::duration && b == V::time) out = V::time;
        else if (e.op == Op::sub && a == V::time && b == V::time) out = V::duration;
        break;
      case Op::mul:
        if (numeric(a) && numeric(b)) out = (a == V::money || b == V::money) ? V::money : V::number;
        else if ((a == V::duration && b == V::number) || (a == V::number && b == V::duration)) out = V::duration;
        break;
      case Op::div:
        if (numeric(a) && numeric(b)) out = (a == V::money && b != V::money) ? V::money : V::number;
        else if (a == V::duration && b == V::number) out = V::duration;
        else if (a == V::duration && b == V::duration) out = V::number;
        break;
      default: break;
    }
    if (out == V::unknown) {
      error(e, fmt::format("cannot compute {} {} {}{}", described(l), to_string(e.op), described(r),
                           mismatch_hint(a, b)));
      return V::unknown;
    }
    return set(e, out);
  }
};

}  // namespace

std::vector<std::string> known_names(const Pack& pack) {
  std::vector<std::string> names;
  for (const auto& f : facts::catalogue()) names.emplace_back(f.name);
  for (const auto& p : pack.params) names.push_back("params." + p.name);
  return names;
}

void check_pack(Pack& pack, Diagnostics& diags) {
  Checker c(pack, diags, known_names(pack));
  for (auto& d : pack.classify) c.condition(d.when);
  for (auto& d : pack.segments) c.condition(d.when);
  std::vector<std::string> actions;
  for (const auto& a : pack.actions) actions.push_back(a.name);
  for (auto& r : pack.rules) {
    c.condition(r.when);
    if (!r.action.empty() && !pack.action(r.action))
      diags.add(r.action_at, fmt::format("unknown action `{}`{}", r.action, did_you_mean(r.action, actions)));
    if (r.has_why) c.placeholders(r.why, fmt::format("the why of rule `{}`", r.id));
  }
  for (const auto& a : pack.actions)
    for (const auto& [lang, t] : a.reply)
      if (!a.builtin) c.placeholders(t, fmt::format("reply.{} of action `{}`", lang, a.name));
}

}  // namespace triage::policy
