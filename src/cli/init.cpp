// triage init: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_init(const GlobalOptions&, const InitOptions&) {
  throw Error(ErrorKind::runtime, "'init' is not available in this build yet");
}

}  // namespace triage::cli
