// Parses a `when` condition into an Expr tree by precedence climbing:
// or < and < not < comparison (== != < <= > >= in matches) < + - < * / < unary
// minus < primary (numbers, strings, true/false, durations, names, lists,
// parentheses).
#pragma once

#include <string_view>

#include "triage/policy/ast.hpp"
#include "triage/policy/lexer.hpp"

namespace triage::policy {

// Throws SyntaxError at the offending token.
ExprPtr parse_expression(std::string_view source);

// The expression written back in canonical form, fully parenthesized, for
// tests and debugging: "(a and (b or c))".
std::string to_sexpr(const Expr& e);

}  // namespace triage::policy
