// triage test: run the pack's test cases (tests/*.toml) and report each
// failure with the decision and its evidence; exit 1 when any fails.
#include <fmt/core.h>

#include <cstdio>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/policy_tests.hpp"
#include "triage/policy/program.hpp"

namespace triage::cli {

int run_test(const GlobalOptions& g, const PolicyOptions& o) {
  const std::string dir = resolve_policies(o.policies);
  const auto source = policy::load_sources(dir);
  const auto program = policy::load_program(source, g.config);
  policy::Diagnostics diags;
  const auto cases = policy::load_cases(source.tests, g.config, diags);
  diags.throw_if_any();
  if (cases.empty() && g.verbosity != Verbosity::quiet)
    fmt::print(stderr, "{}: no test cases; write them as [[case]] in {}/tests/*.toml\n",
               dir.empty() ? "built-in pack" : dir, dir.empty() ? "policies" : dir);
  const auto report = policy::run_cases(*program, cases);
  bool first = true;
  for (const auto& r : report.results) {
    if (r.passed) continue;
    if (!first) fmt::print("\n");
    first = false;
    fmt::print("{}", policy::render_failure(r));
  }
  if (report.failed) fmt::print("\n");
  fmt::print("{} passed, {} failed\n", report.passed, report.failed);
  std::fflush(stdout);
  return report.failed ? exit_runtime : exit_ok;
}

}  // namespace triage::cli
