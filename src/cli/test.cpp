// triage test: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_test(const GlobalOptions&, const PolicyOptions&) {
  throw Error(ErrorKind::runtime, "'test' is not available in this build yet");
}

}  // namespace triage::cli
