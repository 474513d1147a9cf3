// Splits a `when` condition into tokens that remember where they stand.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "triage/policy/ast.hpp"

namespace triage::policy {

// A problem in a condition's text, at a byte offset into it. The pack loader
// turns the offset into FILE:LINE:COL.
class SyntaxError : public std::runtime_error {
 public:
  SyntaxError(std::uint32_t offset, const std::string& message)
      : std::runtime_error(message), offset_(offset) {}
  std::uint32_t offset() const noexcept { return offset_; }

 private:
  std::uint32_t offset_;
};

// All tokens of `source`, ending with TokenKind::end. Throws SyntaxError.
std::vector<Token> tokenize(std::string_view source);

}  // namespace triage::policy
