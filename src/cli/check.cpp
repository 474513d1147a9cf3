// triage check: load, check and compile the policy pack and say what it holds;
// no database is needed. Test cases are read by `triage test`, not here, so
// that check stays quick enough to run before every edit is saved.
#include <fmt/core.h>

#include <cstdio>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/pack_digest.hpp"
#include "triage/policy/program.hpp"

namespace triage::cli {

int run_check(const GlobalOptions& g, const PolicyOptions& o) {
  const std::string dir = resolve_policies(o.policies);
  const auto source = policy::load_sources(dir);
  // The built-in pack (or an unedited copy of it, as `triage init` writes)
  // was checked when triage was built; only triage.toml is left to check.
  std::optional<policy::CheckedPack> checked;
  if (const auto* digest = policy::builtin_pack_digest()) checked = policy::check_from_digest(*digest, source, g.config);
  if (!checked) {
    const auto program = policy::load_program(source, g.config);
    checked = policy::CheckedPack{program->info(), program->version()};
  }
  if (g.verbosity != Verbosity::quiet)
    fmt::print(stderr, "{}: {} files, {} rules, {} actions, {} lexicons — OK (version {})\n",
               dir.empty() ? "built-in pack" : dir, checked->info.files, checked->info.rules, checked->info.actions,
               checked->info.lexicons, checked->version);
  return exit_ok;
}

}  // namespace triage::cli
