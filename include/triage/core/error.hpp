// The one error type of triage: thrown at the leaves, caught once in main,
// and mapped to the exit codes of the product contract.
#pragma once

#include <stdexcept>
#include <string>

namespace triage {

enum class ErrorKind {
  usage,    // bad command line: exit 2
  input,    // bad input file or data: exit 2
  policy,   // invalid policy pack: exit 2
  locked,   // database busy past the timeout: exit 3
  runtime,  // anything else that went wrong at run time: exit 1
};

// Exit codes of the product contract (PRODUCT.md section 7).
enum ExitCode : int {
  exit_ok = 0,
  exit_runtime = 1,
  exit_bad_input = 2,
  exit_locked = 3,
  exit_overdue = 4,
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message) : std::runtime_error(std::move(message)), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }
  int exit_code() const noexcept;

 private:
  ErrorKind kind_;
};

int exit_code_for(ErrorKind kind) noexcept;

}  // namespace triage
