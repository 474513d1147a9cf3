// The `when` tokenizer: numbers, durations, quoted strings, dotted names,
// keywords and operators, each with its byte span.
#include "triage/policy/lexer.hpp"

#include <fmt/core.h>

#include <cstdlib>

#include "triage/policy/calendar.hpp"

namespace triage::policy {

const char* to_string(TokenKind k) {
  switch (k) {
    case TokenKind::number: return "a number";
    case TokenKind::duration: return "a duration";
    case TokenKind::string: return "a string";
    case TokenKind::name: return "a name";
    case TokenKind::kw_and: return "`and`";
    case TokenKind::kw_or: return "`or`";
    case TokenKind::kw_not: return "`not`";
    case TokenKind::kw_in: return "`in`";
    case TokenKind::kw_matches: return "`matches`";
    case TokenKind::kw_true: return "`true`";
    case TokenKind::kw_false: return "`false`";
    case TokenKind::eq: return "`==`";
    case TokenKind::ne: return "`!=`";
    case TokenKind::lt: return "`<`";
    case TokenKind::le: return "`<=`";
    case TokenKind::gt: return "`>`";
    case TokenKind::ge: return "`>=`";
    case TokenKind::plus: return "`+`";
    case TokenKind::minus: return "`-`";
    case TokenKind::star: return "`*`";
    case TokenKind::slash: return "`/`";
    case TokenKind::lparen: return "`(`";
    case TokenKind::rparen: return "`)`";
    case TokenKind::lbracket: return "`[`";
    case TokenKind::rbracket: return "`]`";
    case TokenKind::comma: return "`,`";
    case TokenKind::end: return "the end of the condition";
  }
  return "?";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

TokenKind keyword(std::string_view w) {
  if (w == "and") return TokenKind::kw_and;
  if (w == "or") return TokenKind::kw_or;
  if (w == "not") return TokenKind::kw_not;
  if (w == "in") return TokenKind::kw_in;
  if (w == "matches") return TokenKind::kw_matches;
  if (w == "true") return TokenKind::kw_true;
  if (w == "false") return TokenKind::kw_false;
  return TokenKind::name;
}

}  // namespace

std::vector<Token> tokenize(std::string_view src) {
  std::vector<Token> out;
  const auto n = static_cast<std::uint32_t>(src.size());
  std::uint32_t i = 0;
  auto push = [&](TokenKind k, std::uint32_t b, std::uint32_t e) {
    Token t;
    t.kind = k;
    t.begin = b;
    t.end = e;
    out.push_back(std::move(t));
  };
  while (i < n) {
    const char c = src[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const std::uint32_t b = i;
    if (is_digit(c) || (c == '.' && i + 1 < n && is_digit(src[i + 1]))) {
      while (i < n && is_digit(src[i])) ++i;
      if (i < n && src[i] == '.') {
        ++i;
        while (i < n && is_digit(src[i])) ++i;
      }
      const std::string digits(src.substr(b, i - b));
      if (i < n && is_name_start(src[i])) {
        // A number with a unit: a duration (36h, 14d, 90m, 2w).
        std::uint32_t e = i;
        while (e < n && is_name_char(src[e])) ++e;
        const std::string_view word = src.substr(b, e - b);
        const auto secs = parse_duration(word);
        if (!secs)
          throw SyntaxError(i, fmt::format("`{}` is not a number or a duration; write durations "
                                           "as 90m, 36h, 14d or 2w",
                                           word));
        Token t;
        t.kind = TokenKind::duration;
        t.begin = b;
        t.end = e;
        t.number = static_cast<double>(*secs);
        t.text = std::string(word);
        out.push_back(std::move(t));
        i = e;
        continue;
      }
      Token t;
      t.kind = TokenKind::number;
      t.begin = b;
      t.end = i;
      t.number = std::strtod(digits.c_str(), nullptr);
      t.text = digits;
      out.push_back(std::move(t));
      continue;
    }
    if (is_name_start(c)) {
      // Names are dotted paths: customer.ltv, params.vip_ltv. A lexicon name
      // may hold dashes (`review-threat`); a dash before anything but a letter
      // is a minus.
      while (i < n && (is_name_char(src[i]) ||
                       ((src[i] == '.' || src[i] == '-') && i + 1 < n && is_name_start(src[i + 1]))))
        ++i;
      Token t;
      t.kind = keyword(src.substr(b, i - b));
      t.begin = b;
      t.end = i;
      t.text = std::string(src.substr(b, i - b));
      out.push_back(std::move(t));
      continue;
    }
    if (c == '\'' || c == '"') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < n) {
        if (src[i] == c) {
          closed = true;
          ++i;
          break;
        }
        if (src[i] == '\\' && i + 1 < n && (src[i + 1] == c || src[i + 1] == '\\')) {
          value += src[i + 1];
          i += 2;
          continue;
        }
        value += src[i++];
      }
      if (!closed) throw SyntaxError(b, fmt::format("unterminated string; close it with {}", c));
      Token t;
      t.kind = TokenKind::string;
      t.begin = b;
      t.end = i;
      t.text = std::move(value);
      out.push_back(std::move(t));
      continue;
    }
    auto two = [&](char next) { return i + 1 < n && src[i + 1] == next; };
    switch (c) {
      case '=':
        if (two('=')) { push(TokenKind::eq, b, i + 2); i += 2; continue; }
        throw SyntaxError(b, "`=` is not an operator; compare with `==`");
      case '!':
        if (two('=')) { push(TokenKind::ne, b, i + 2); i += 2; continue; }
        throw SyntaxError(b, "`!` is not an operator; write `not` or `!=`");
      case '<':
        if (two('=')) { push(TokenKind::le, b, i + 2); i += 2; continue; }
        push(TokenKind::lt, b, ++i);
        continue;
      case '>':
        if (two('=')) { push(TokenKind::ge, b, i + 2); i += 2; continue; }
        push(TokenKind::gt, b, ++i);
        continue;
      case '&':
        throw SyntaxError(b, "`&` is not an operator; write `and`");
      case '|':
        throw SyntaxError(b, "`|` is not an operator; write `or`");
      case '+': push(TokenKind::plus, b, ++i); continue;
      case '-': push(TokenKind::minus, b, ++i); continue;
      case '*': push(TokenKind::star, b, ++i); continue;
      case '/': push(TokenKind::slash, b, ++i); continue;
      case '(': push(TokenKind::lparen, b, ++i); continue;
      case ')': push(TokenKind::rparen, b, ++i); continue;
      case '[': push(TokenKind::lbracket, b, ++i); continue;
      case ']': push(TokenKind::rbracket, b, ++i); continue;
      case ',': push(TokenKind::comma, b, ++i); continue;
      default: break;
    }
    // Show the whole UTF-8 character, not its first byte.
    std::uint32_t e = i + 1;
    while (e < n && (static_cast<unsigned char>(src[e]) & 0xC0) == 0x80) ++e;
    throw SyntaxError(b, fmt::format("unexpected character `{}`", src.substr(b, e - b)));
  }
  push(TokenKind::end, n, n);
  return out;
}

}  // namespace triage::policy
