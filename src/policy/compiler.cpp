// Stage "compile": checked syntax trees to flat node arrays (fact ids, params
// folded into constants), lexicons compiled once, templates pre-split.
#include "triage/policy/compiler.hpp"

#include <fmt/core.h>
#include <openssl/evp.h>

#include <algorithm>
#include <stdexcept>

namespace triage::policy {

const char* to_string(Stage s) {
  switch (s) {
    case Stage::classify: return "classify";
    case Stage::segment: return "segment";
    case Stage::tag: return "tag";
    case Stage::action: return "action";
  }
  return "?";
}

int CompiledPack::param_index(std::string_view name) const {
  for (std::size_t i = 0; i < params.size(); ++i)
    if (params[i].name == name) return static_cast<int>(i);
  return -1;
}

int CompiledPack::action_index(std::string_view name) const {
  for (std::size_t i = 0; i < actions.size(); ++i)
    if (actions[i].name == name) return static_cast<int>(i);
  return -1;
}

namespace {

class ExprCompiler {
 public:
  ExprCompiler(const Pack& pack, CompiledExpr& out) : pack_(pack), out_(out) {}

  std::uint16_t compile(const Expr& e) {
    Node n;
    n.type = e.type;
    n.begin = e.begin;
    n.end = e.end;
    switch (e.kind) {
      case Expr::Kind::number:
      case Expr::Kind::duration:
      case Expr::Kind::boolean:
        n.op = NodeOp::constant;
        n.number = e.number;
        return push(std::move(n));
      case Expr::Kind::string:
        n.op = NodeOp::constant;
        n.str = e.text;
        return push(std::move(n));
      case Expr::Kind::name:
        if (e.ref == RefKind::param) {
          // Params are fixed once triage.toml is applied: fold them in, but
          // remember the name for traces.
          n.op = NodeOp::constant;
          n.number = pack_.params[static_cast<std::size_t>(e.index)].value;
          n.index = e.index;
          add_unique(out_.params_read, e.index);
          return push(std::move(n));
        }
        n.op = e.type == ValueType::boolean ? NodeOp::truthy : NodeOp::fact;
        n.index = e.index;
        add_unique(out_.facts_read, static_cast<facts::FactId>(e.index));
        return push(std::move(n));
      case Expr::Kind::list: {
        std::vector<std::uint16_t> items;
        for (const auto& item : e.args) items.push_back(value(*item));
        n.op = NodeOp::list;
        n.type = e.elem;
        n.a = static_cast<std::uint16_t>(out_.items.size());
        n.b = static_cast<std::uint16_t>(items.size());
        out_.items.insert(out_.items.end(), items.begin(), items.end());
        return push(std::move(n));
      }
      case Expr::Kind::unary:
        if (e.op == Op::not_) {
          n.op = NodeOp::not_;
          n.a = compile(*e.args[0]);
          return push(std::move(n));
        }
        n.a = value(*e.args[0]);
        if (out_.nodes[n.a].op == NodeOp::constant && out_.nodes[n.a].index < 0) {
          n.op = NodeOp::constant;
          n.number = -out_.nodes[n.a].number;
          out_.nodes.pop_back();
          return push(std::move(n));
        }
        n.op = NodeOp::arith;
        n.cmp = Op::neg;
        return push(std::move(n));
      case Expr::Kind::binary: return binary(e, std::move(n));
    }
    return push(std::move(n));
  }

 private:
  const Pack& pack_;
  CompiledExpr& out_;

  template <class T>
  static void add_unique(std::vector<T>& v, T x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
  }

  std::uint16_t push(Node n) {
    if (out_.nodes.size() >= 0xFFFF) throw std::length_error("condition too large");
    out_.nodes.push_back(std::move(n));
    return static_cast<std::uint16_t>(out_.nodes.size() - 1);
  }

  // A rough price of evaluating node i, in comparisons.
  int cost(std::uint16_t i) const {
    const Node& n = out_.nodes[i];
    switch (n.op) {
      case NodeOp::matches: return 100 + cost(n.a);
      case NodeOp::and_:
      case NodeOp::or_:
      case NodeOp::compare:
      case NodeOp::arith: return 1 + cost(n.a) + (n.op == NodeOp::arith && n.cmp == Op::neg ? 0 : cost(n.b));
      case NodeOp::in_list: return 1 + cost(n.a) + out_.nodes[n.b].b;
      case NodeOp::not_:
      case NodeOp::in_tags: return 1 + cost(n.a);
      default: return 1;
    }
  }

  // A boolean fact read as a value (in a comparison) is its 0/1, not a test.
  std::uint16_t value(const Expr& e) {
    const auto i = compile(e);
    if (out_.nodes[i].op == NodeOp::truthy) out_.nodes[i].op = NodeOp::fact;
    return i;
  }

  std::uint16_t binary(const Expr& e, Node n) {
    switch (e.op) {
      case Op::and_:
      case Op::or_:
        n.op = e.op == Op::and_ ? NodeOp::and_ : NodeOp::or_;
        n.a = compile(*e.args[0]);
        n.b = compile(*e.args[1]);
        // Evaluation is pure, so the cheaper side may go first: a lexicon
        // search is far dearer than a comparison of facts.
        n.b_first = cost(n.b) < cost(n.a);
        return push(std::move(n));
      case Op::matches:
        n.op = NodeOp::matches;
        n.a = value(*e.args[0]);
        n.index = e.args[1]->index;
        add_unique(out_.lexicons_read, static_cast<int>(n.index));
        return push(std::move(n));
      case Op::in:
        n.a = value(*e.args[0]);
        if (e.args[1]->type == ValueType::tags) {
          n.op = NodeOp::in_tags;
          add_unique(out_.facts_read, facts::FactId::tags);
        } else {
          n.op = NodeOp::in_list;
          n.b = value(*e.args[1]);
        }
        return push(std::move(n));
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge:
        n.op = NodeOp::compare;
        n.cmp = e.op;
        n.a = value(*e.args[0]);
        n.b = value(*e.args[1]);
        return push(std::move(n));
      default: {
        n.op = NodeOp::arith;
        n.cmp = e.op;
        n.a = value(*e.args[0]);
        n.b = value(*e.args[1]);
        const Node& x = out_.nodes[n.a];
        const Node& y = out_.nodes[n.b];
        // Constant arithmetic (params.lost_after * 2) is done once, here.
        if (x.op == NodeOp::constant && y.op == NodeOp::constant && n.b == n.a + 1 &&
            n.b + 1u == out_.nodes.size()) {
          double v = 0;
          switch (e.op) {
            case Op::add: v = x.number + y.number; break;
            case Op::sub: v = x.number - y.number; break;
            case Op::mul: v = x.number * y.number; break;
            default:
              if (y.number == 0) return push(std::move(n));
              v = x.number / y.number;
          }
          out_.nodes.resize(n.a);
          n.op = NodeOp::constant;
          n.number = v;
          n.index = -1;
        }
        return push(std::move(n));
      }
    }
  }
};

CompiledExpr compile_condition(const Pack& pack, const Condition& c) {
  CompiledExpr out;
  out.source = c.source;
  if (!c.expr) return out;
  ExprCompiler ec(pack, out);
  out.root = ec.compile(*c.expr);
  return out;
}

CompiledTemplate compile_template(const Pack& pack, const std::string& text) {
  CompiledTemplate out;
  std::string lit;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string::npos) {
        const std::string name = text.substr(i + 1, close - i - 1);
        TemplatePiece p;
        if (name.rfind("params.", 0) == 0) {
          for (std::size_t k = 0; k < pack.params.size(); ++k)
            if (pack.params[k].name == name.substr(7)) {
              p.kind = TemplatePiece::Kind::param;
              p.index = static_cast<int>(k);
            }
        } else if (const auto id = facts::find(name)) {
          p.kind = TemplatePiece::Kind::fact;
          p.index = static_cast<int>(*id);
        }
        if (p.kind != TemplatePiece::Kind::literal) {
          if (!lit.empty()) out.push_back({TemplatePiece::Kind::literal, std::move(lit), -1});
          lit.clear();
          out.push_back(std::move(p));
          i = close + 1;
          continue;
        }
      }
    }
    lit += text[i++];
  }
  if (!lit.empty()) out.push_back({TemplatePiece::Kind::literal, std::move(lit), -1});
  return out;
}

std::string place(const Loc& l) { return fmt::format("{}:{}", l.file, l.line); }

}  // namespace

std::string pack_version(const Pack& pack) {
  std::string data = pack.normalized;
  auto params = pack.params;
  std::sort(params.begin(), params.end(), [](const ParamDef& a, const ParamDef& b) { return a.name < b.name; });
  for (const auto& p : params) data += fmt::format("param {}={:.17g}:{}\n", p.name, p.value, facts::to_string(p.type));
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < 8 && i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

std::shared_ptr<CompiledPack> compile_pack(const Pack& pack, Diagnostics& diags) {
  auto out = std::make_shared<CompiledPack>();
  for (const auto& p : pack.params) out->params.push_back({p.name, p.type, p.value, p.fractional});
  for (const auto& l : pack.lexicons) {
    CompiledLexicon cl;
    cl.name = l.name;
    try {
      cl.lexicon = std::make_unique<Lexicon>(LexiconSpec{l.name, l.phrases, l.regexes});
    } catch (const std::invalid_argument& e) {
      diags.add(l.where, e.what());
    }
    out->lexicons.push_back(std::move(cl));
  }
  {
    std::vector<const Lexicon*> all;
    for (const auto& cl : out->lexicons) all.push_back(cl.lexicon.get());
    out->bank = std::make_unique<LexiconBank>(all);
  }
  for (const auto& c : pack.classify) {
    CompiledRule r;
    r.stage = Stage::classify;
    r.id = c.kind;
    r.file = place(c.where);
    r.when = compile_condition(pack, c.when);
    out->classify.push_back(std::move(r));
  }
  for (const auto& s : pack.segments) {
    CompiledRule r;
    r.stage = Stage::segment;
    r.id = s.id;
    r.file = place(s.where);
    r.when = compile_condition(pack, s.when);
    out->segments.push_back(std::move(r));
  }
  for (const auto& a : pack.actions) {
    CompiledAction ca;
    ca.name = a.name;
    ca.label = a.label;
    ca.meaning = a.meaning;
    const auto& langs = reply_languages();
    for (std::size_t i = 0; i < langs.size(); ++i)
      if (const auto it = a.reply.find(langs[i]); it != a.reply.end()) {
        ca.reply[i] = compile_template(pack, it->second.text);
        ca.has_reply[i] = true;
      }
    out->actions.push_back(std::move(ca));
  }
  out->escalate = out->action_index("escalate");
  out->reply_within = out->param_index("reply_within");
  for (const auto& d : pack.rules) {
    CompiledRule r;
    r.id = d.id;
    r.file = place(d.where);
    r.when = compile_condition(pack, d.when);
    r.tag = d.tag;
    r.priority = d.priority;
    r.has_why = d.has_why;
    if (d.has_why) r.why = compile_template(pack, d.why.text);
    if (d.action.empty()) {
      r.stage = Stage::tag;
      out->tag_rules.push_back(std::move(r));
    } else {
      r.stage = Stage::action;
      r.action = out->action_index(d.action);
      out->action_rules.push_back(std::move(r));
    }
  }
  out->file_count = pack.file_count;
  out->rule_count = pack.rules.size();
  out->version = pack_version(pack);
  return out;
}

}  // namespace triage::policy
