// triage check: load, check and compile the policy pack and its test cases,
// and say what it holds; no database is needed.
#include <fmt/core.h>

#include <cstdio>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/policy_tests.hpp"
#include "triage/policy/program.hpp"

namespace triage::cli {

int run_check(const GlobalOptions& g, const PolicyOptions& o) {
  const std::string dir = resolve_policies(o.policies);
  const auto source = policy::load_sources(dir);
  policy::Diagnostics case_diags;
  std::string pack_errors;
  std::shared_ptr<const policy::Program> program;
  try {
    program = policy::load_program(source, g.config);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::policy) throw;
    pack_errors = e.what();
  }
  const auto cases = policy::load_cases(source.tests, g.config, case_diags);
  if (!pack_errors.empty() || !case_diags.empty()) {
    std::string all = pack_errors;
    if (!case_diags.empty()) all += (all.empty() ? "" : "\n") + case_diags.text();
    throw Error(ErrorKind::policy, all);
  }
  if (g.verbosity != Verbosity::quiet) {
    const auto info = program->info();
    fmt::print(stderr, "{}: {} files, {} rules, {} actions, {} lexicons, {} test cases — OK (version {})\n",
               dir.empty() ? "built-in pack" : dir, info.files, info.rules, info.actions, info.lexicons,
               cases.size(), program->version());
  }
  return exit_ok;
}

}  // namespace triage::cli
