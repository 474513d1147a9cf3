// triage run: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_run(const GlobalOptions&, const RunOptions&) {
  throw Error(ErrorKind::runtime, "'run' is not available in this build yet");
}

}  // namespace triage::cli
