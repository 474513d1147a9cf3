// Precedence climbing over the tokens of a `when` condition.
#include "triage/policy/parser.hpp"

#include <fmt/core.h>

namespace triage::policy {

const char* to_string(Op op) {
  switch (op) {
    case Op::or_: return "or";
    case Op::and_: return "and";
    case Op::not_: return "not";
    case Op::eq: return "==";
    case Op::ne: return "!=";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::in: return "in";
    case Op::matches: return "matches";
    case Op::add: return "+";
    case Op::sub: return "-";
    case Op::mul: return "*";
    case Op::div: return "/";
    case Op::neg: return "-";
  }
  return "?";
}

const char* to_string(ValueType t) {
  switch (t) {
    case ValueType::unknown: return "unknown";
    case ValueType::boolean: return "boolean";
    case ValueType::number: return "number";
    case ValueType::money: return "money";
    case ValueType::duration: return "duration";
    case ValueType::time: return "time";
    case ValueType::string: return "string";
    case ValueType::text: return "text";
    case ValueType::tags: return "tags";
    case ValueType::list: return "list";
    case ValueType::lexicon: return "lexicon";
  }
  return "?";
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view src) : tokens_(tokenize(src)) {}

  ExprPtr parse() {
    if (peek().kind == TokenKind::end) throw SyntaxError(0, "empty condition; write an expression such as `customer.orders >= 1`");
    // Bounds on length and nesting keep every recursive stage (parser, checker,
    // compiler) far from the stack's end, whatever a pack file holds.
    if (tokens_.size() > kMaxTokens) {
      throw SyntaxError(0, fmt::format("the condition is too long ({} tokens, at most {}); split it into "
                                       "several rules or a segment",
                                       tokens_.size(), kMaxTokens));
    }
    auto e = parse_or();
    if (peek().kind != TokenKind::end)
      throw SyntaxError(peek().begin, fmt::format("unexpected {} after a complete expression; "
                                                  "join conditions with `and` or `or`",
                                                  describe(peek())));
    return e;
  }

 private:
  static constexpr std::size_t kMaxTokens = 4096;
  static constexpr int kMaxDepth = 200;  // about 66 levels of parentheses
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;

  // Counts one level of nesting for as long as it lives.
  struct Nest {
    explicit Nest(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxDepth) {
        throw SyntaxError(p_.peek().begin,
                          "the condition nests too deeply (parentheses, `not` or `-`); write it more simply");
      }
    }
    ~Nest() { --p_.depth_; }
    Parser& p_;
  };

  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool accept(TokenKind k) {
    if (peek().kind != k) return false;
    next();
    return true;
  }
  static std::string describe(const Token& t) {
    switch (t.kind) {
      case TokenKind::name:
      case TokenKind::number:
      case TokenKind::duration: return fmt::format("`{}`", t.text);
      case TokenKind::string: return fmt::format("'{}'", t.text);
      default: return to_string(t.kind);
    }
  }

  static ExprPtr binary(Op op, ExprPtr a, ExprPtr b) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::binary;
    e->op = op;
    e->begin = a->begin;
    e->end = b->end;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
  }
  static ExprPtr unary(Op op, std::uint32_t begin, ExprPtr a) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::unary;
    e->op = op;
    e->begin = begin;
    e->end = a->end;
    e->args.push_back(std::move(a));
    return e;
  }

  ExprPtr parse_or() {
    const Nest nest(*this);
    auto left = parse_and();
    while (accept(TokenKind::kw_or)) left = binary(Op::or_, std::move(left), parse_and());
    return left;
  }
  ExprPtr parse_and() {
    auto left = parse_not();
    while (accept(TokenKind::kw_and)) left = binary(Op::and_, std::move(left), parse_not());
    return left;
  }
  ExprPtr parse_not() {
    const Nest nest(*this);
    if (peek().kind == TokenKind::kw_not) {
      const auto b = next().begin;
      return unary(Op::not_, b, parse_not());
    }
    return parse_comparison();
  }
  ExprPtr parse_comparison() {
    auto left = parse_additive();
    Op op;
    switch (peek().kind) {
      case TokenKind::eq: op = Op::eq; break;
      case TokenKind::ne: op = Op::ne; break;
      case TokenKind::lt: op = Op::lt; break;
      case TokenKind::le: op = Op::le; break;
      case TokenKind::gt: op = Op::gt; break;
      case TokenKind::ge: op = Op::ge; break;
      case TokenKind::kw_in: op = Op::in; break;
      case TokenKind::kw_matches: op = Op::matches; break;
      case TokenKind::kw_not:
        if (tokens_[pos_ + 1].kind == TokenKind::kw_in)
          throw SyntaxError(peek().begin, "`not in` is not supported; write `not (x in [...])`");
        return left;
      default: return left;
    }
    next();
    auto right = parse_additive();
    auto e = binary(op, std::move(left), std::move(right));
    switch (peek().kind) {
      case TokenKind::eq: case TokenKind::ne: case TokenKind::lt: case TokenKind::le:
      case TokenKind::gt: case TokenKind::ge: case TokenKind::kw_in: case TokenKind::kw_matches:
        throw SyntaxError(peek().begin, fmt::format("comparisons do not chain; join them with `and` "
                                                    "(a < b and b < c)"));
      default: break;
    }
    return e;
  }
  ExprPtr parse_additive() {
    auto left = parse_multiplicative();
    for (;;) {
      if (accept(TokenKind::plus)) left = binary(Op::add, std::move(left), parse_multiplicative());
      else if (accept(TokenKind::minus)) left = binary(Op::sub, std::move(left), parse_multiplicative());
      else return left;
    }
  }
  ExprPtr parse_multiplicative() {
    auto left = parse_unary();
    for (;;) {
      if (accept(TokenKind::star)) left = binary(Op::mul, std::move(left), parse_unary());
      else if (accept(TokenKind::slash)) left = binary(Op::div, std::move(left), parse_unary());
      else return left;
    }
  }
  ExprPtr parse_unary() {
    const Nest nest(*this);
    if (peek().kind == TokenKind::minus) {
      const auto b = next().begin;
      return unary(Op::neg, b, parse_unary());
    }
    return parse_primary();
  }
  ExprPtr parse_primary() {
    const Token& t = peek();
    auto leaf = [&](Expr::Kind k) {
      auto e = std::make_unique<Expr>();
      e->kind = k;
      e->begin = t.begin;
      e->end = t.end;
      e->number = t.number;
      e->text = t.text;
      next();
      return e;
    };
    switch (t.kind) {
      case TokenKind::number: return leaf(Expr::Kind::number);
      case TokenKind::duration: return leaf(Expr::Kind::duration);
      case TokenKind::string: return leaf(Expr::Kind::string);
      case TokenKind::name: return leaf(Expr::Kind::name);
      case TokenKind::kw_true:
      case TokenKind::kw_false: {
        auto e = leaf(Expr::Kind::boolean);
        e->number = t.kind == TokenKind::kw_true ? 1 : 0;
        return e;
      }
      case TokenKind::lparen: {
        const auto b = next().begin;
        auto e = parse_or();
        if (peek().kind != TokenKind::rparen)
          throw SyntaxError(peek().begin, fmt::format("expected `)` to close the `(`, found {}", describe(peek())));
        e->begin = b;
        e->end = next().end;
        return e;
      }
      case TokenKind::lbracket: {
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::list;
        e->begin = next().begin;
        if (peek().kind != TokenKind::rbracket) {
          for (;;) {
            e->args.push_back(parse_additive());
            if (accept(TokenKind::comma)) {
              if (peek().kind == TokenKind::rbracket) break;  // trailing comma
              continue;
            }
            break;
          }
        }
        if (peek().kind != TokenKind::rbracket)
          throw SyntaxError(peek().begin, fmt::format("expected `,` or `]` in the list, found {}", describe(peek())));
        e->end = next().end;
        return e;
      }
      case TokenKind::end:
        throw SyntaxError(t.begin, "the condition ends too early; an operand is missing");
      default:
        throw SyntaxError(t.begin, fmt::format("expected a value, a fact or `(`, found {}", describe(t)));
    }
  }
};

}  // namespace

ExprPtr parse_expression(std::string_view source) { return Parser(source).parse(); }

std::string to_sexpr(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::number: return fmt::format("{}", e.number);
    case Expr::Kind::duration: return fmt::format("{}s", e.number);
    case Expr::Kind::string: return fmt::format("'{}'", e.text);
    case Expr::Kind::boolean: return e.number != 0 ? "true" : "false";
    case Expr::Kind::name: return e.text;
    case Expr::Kind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + to_sexpr(*e.args[i]);
      return out + "]";
    }
    case Expr::Kind::unary:
      return fmt::format("({} {})", e.op == Op::neg ? "-" : "not", to_sexpr(*e.args[0]));
    case Expr::Kind::binary:
      return fmt::format("({} {} {})", to_sexpr(*e.args[0]), to_string(e.op), to_sexpr(*e.args[1]));
  }
  return "?";
}

}  // namespace triage::policy
