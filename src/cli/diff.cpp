// triage diff: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_diff(const GlobalOptions&, const DiffOptions&) {
  throw Error(ErrorKind::runtime, "'diff' is not available in this build yet");
}

}  // namespace triage::cli
