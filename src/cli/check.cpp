// triage check: load, check and compile the policy pack and say what it holds;
// no database is needed. Test cases are read by `triage test`, not here, so
// that check stays quick enough to run before every edit is saved.
#include <fmt/core.h>

#include <cstdio>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/program.hpp"

namespace triage::cli {

int run_check(const GlobalOptions& g, const PolicyOptions& o) {
  const std::string dir = resolve_policies(o.policies);
  const auto program = policy::load_program(dir, g.config);
  if (g.verbosity != Verbosity::quiet) {
    const auto info = program->info();
    fmt::print(stderr, "{}: {} files, {} rules, {} actions, {} lexicons — OK (version {})\n",
               dir.empty() ? "built-in pack" : dir, info.files, info.rules, info.actions, info.lexicons,
               program->version());
  }
  return exit_ok;
}

}  // namespace triage::cli
