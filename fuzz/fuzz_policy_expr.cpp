// libFuzzer target: the `when` expression lexer and parser on arbitrary text.
// A syntax error must point inside the text; a parsed expression written back
// in canonical form must parse again to the same canonical form.
#include <cstddef>
#include <cstdint>
#include <string>

#include "triage/policy/lexer.hpp"
#include "triage/policy/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace triage::policy;
  if (size > 4096) return 0;  // conditions are one line; deep nesting is covered below that
  const std::string source(reinterpret_cast<const char*>(data), size);
  ExprPtr expr;
  try {
    expr = parse_expression(source);
  } catch (const SyntaxError& e) {
    if (e.offset() > source.size()) __builtin_trap();  // the error must point into the text
    return 0;
  }
  if (!expr) __builtin_trap();
  const std::string canonical = to_sexpr(*expr);
  // to_sexpr is a debugging form: it prints large numbers with an exponent
  // ("5.6e+17"), which conditions cannot spell, so those are not re-parsed.
  if (canonical.find("e+") != std::string::npos || canonical.find("e-") != std::string::npos) return 0;
  // Nor does it escape quotes and backslashes inside strings, which a source
  // can only hold through `\` escapes or double quotes.
  if (source.find('\\') != std::string::npos || source.find('"') != std::string::npos) return 0;
  try {
    const ExprPtr again = parse_expression(canonical);
    if (!again || to_sexpr(*again) != canonical) __builtin_trap();
  } catch (const SyntaxError& e) {
    // The canonical form of a valid expression is valid, except that its added
    // parentheses may cross the nesting and length bounds.
    const std::string why = e.what();
    if (why.find("too deeply") == std::string::npos && why.find("too long") == std::string::npos) __builtin_trap();
  }
  return 0;
}
