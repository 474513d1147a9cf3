// triage explain ID: decides one complaint with the full trace and prints why,
// rule by rule. Records nothing.
#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/facts/clock.hpp"
#include "triage/facts/walker.hpp"
#include "triage/policy/program.hpp"
#include "triage/report/explain.hpp"
#include "triage/store/db.hpp"

namespace triage::cli {

int run_explain(const GlobalOptions& g, const ExplainOptions& o) {
  const Timestamp now = facts::run_clock(o.now, g.config);
  const auto program = policy::load_program(resolve_policies(o.policies), g.config);
  auto db = store::open(g.db_path, g.config, store::OpenMode::read_only);

  facts::WalkOptions walk;
  walk.selection = store::Selection::one;
  walk.complaint_id = o.complaint;
  walk.version = program->version();
  walk.now = now;
  // Show the classify stage at work rather than a kind kept from a run.
  walk.kinds = facts::KindSource::reclassify;

  std::string text;
  facts::Walker walker(*db, g.config);
  SQLite::Transaction snapshot(*db);  // read-only: rolled back when done
  walker.walk(walk, [&](const facts::Subject& s, facts::FactSet& f) -> std::string {
    if (s.role != facts::Role::decide) return program->decide(f, policy::Tracing::off).kind;
    const auto d = program->decide(f, policy::Tracing::full);
    report::Explanation e;
    e.complaint = &s.complaint;
    e.customer = s.history.key;
    e.order = s.order ? s.order->order_id : std::string();
    e.notes = &s.notes;
    e.decision = &d;
    e.zone = g.config.zone;
    text = report::render_explanation(e);
    return d.kind;
  });
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (g.verbosity != Verbosity::quiet) {
    if (const auto warning = walker.builder().unconverted_warning(); !warning.empty())
      fmt::print(stderr, "triage: warning: {}\n", warning);
  }
  return exit_ok;
}

}  // namespace triage::cli
