// triage import: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_import(const GlobalOptions&, const ImportOptions&) {
  throw Error(ErrorKind::runtime, "'import' is not available in this build yet");
}

}  // namespace triage::cli
