// triage customer: not built yet.
#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"

namespace triage::cli {

int run_customer(const GlobalOptions&, const CustomerOptions&) {
  throw Error(ErrorKind::runtime, "'customer' is not available in this build yet");
}

}  // namespace triage::cli
