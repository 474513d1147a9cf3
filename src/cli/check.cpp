// triage check: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_check(const GlobalOptions&, const PolicyOptions&) {
  throw Error(ErrorKind::runtime, "'check' is not available in this build yet");
}

}  // namespace triage::cli
