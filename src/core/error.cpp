// Maps error kinds to the documented exit codes.
#include "triage/core/error.hpp"

namespace triage {

int exit_code_for(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::usage:
    case ErrorKind::input:
    case ErrorKind::policy:
      return exit_bad_input;
    case ErrorKind::locked:
      return exit_locked;
    case ErrorKind::runtime:
      return exit_runtime;
  }
  return exit_runtime;
}

int Error::exit_code() const noexcept { return exit_code_for(kind_); }

}  // namespace triage
