// The `when` expression language's syntax tree and tokens, with byte offsets
// into the condition's source so that every error can point at its column.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace triage::policy {

enum class TokenKind : std::uint8_t {
  number,    // 12, 0.5
  duration,  // 36h, 14d, 90m, 2w
  string,    // 'x' or "x"
  name,      // customer.ltv, params.vip_ltv, tags, a lexicon name
  kw_and,
  kw_or,
  kw_not,
  kw_in,
  kw_matches,
  kw_true,
  kw_false,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  plus,
  minus,
  star,
  slash,
  lparen,
  rparen,
  lbracket,
  rbracket,
  comma,
  end,
};
const char* to_string(TokenKind k);

struct Token {
  TokenKind kind = TokenKind::end;
  std::uint32_t begin = 0;  // byte offset in the source
  std::uint32_t end = 0;
  std::string text;   // a name, or a string literal's value (unescaped)
  double number = 0;  // a number, or a duration in seconds
};

enum class Op : std::uint8_t {
  or_,
  and_,
  not_,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  matches,
  add,
  sub,
  mul,
  div,
  neg,
};
const char* to_string(Op op);  // as written: "or", "==", "+", "-" (neg too)

// The type of an expression, as the checker infers it.
enum class ValueType : std::uint8_t {
  unknown,  // not checked yet, or in error
  boolean,
  number,
  money,  // a number in major units; compares with numbers
  duration,
  time,
  string,
  text,  // customer text: `matches` searches it
  tags,
  list,
  lexicon,
};
const char* to_string(ValueType t);

// What a name refers to, as the checker resolves it.
enum class RefKind : std::uint8_t { none, fact, param, lexicon };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  enum class Kind : std::uint8_t { number, duration, string, boolean, name, list, unary, binary };
  Kind kind = Kind::number;
  Op op = Op::or_;     // unary and binary
  double number = 0;   // number, duration (seconds), boolean (0/1)
  std::string text;    // string value, or the name as written
  std::vector<ExprPtr> args;  // operands (unary: 1, binary: 2) or list items
  std::uint32_t begin = 0;    // span in the source, for errors and traces
  std::uint32_t end = 0;
  // Filled by the checker.
  ValueType type = ValueType::unknown;
  ValueType elem = ValueType::unknown;  // a list's item type
  RefKind ref = RefKind::none;
  std::int32_t index = -1;  // FactId, param or lexicon index
};

}  // namespace triage::policy
