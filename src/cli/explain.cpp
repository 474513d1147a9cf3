// triage explain: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_explain(const GlobalOptions&, const ExplainOptions&) {
  throw Error(ErrorKind::runtime, "'explain' is not available in this build yet");
}

}  // namespace triage::cli
