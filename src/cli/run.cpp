// triage run: decides the complaints that wait for a decision under the
// current policy version, records each decision (one write transaction), and
// prints them most urgent first with a summary on stderr.
#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <vector>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/facts/clock.hpp"
#include "triage/facts/walker.hpp"
#include "triage/policy/program.hpp"
#include "triage/report/writers.hpp"
#include "triage/store/db.hpp"
#include "triage/store/decisions.hpp"

namespace triage::cli {

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += sep;
    out += x;
  }
  return out;
}

std::string summary(std::size_t total, const std::map<std::string, std::size_t>& per_action, std::size_t overdue) {
  if (total == 0) return "0 complaints to triage";
  std::vector<std::pair<std::string, std::size_t>> counts(per_action.begin(), per_action.end());
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out = fmt::format("{} complaint{} triaged:", total, total == 1 ? "" : "s");
  for (std::size_t i = 0; i < counts.size(); ++i)
    out += fmt::format("{} {} {}", i ? "," : "", counts[i].second, counts[i].first);
  if (overdue) out += fmt::format(" ({} overdue)", overdue);
  return out;
}

}  // namespace

int run_run(const GlobalOptions& g, const RunOptions& o) {
  const auto format = report::parse_format(o.format);
  const Timestamp now = facts::run_clock(o.now, g.config);
  const auto program = policy::load_program(resolve_policies(o.policies), g.config);
  const std::string& version = program->version();

  std::unique_ptr<SQLite::Database> db;
  if (o.dry_run && !std::filesystem::exists(g.db_path)) {
    db = store::open(g.db_path, g.config, store::OpenMode::scratch);
  } else if (!std::filesystem::exists(g.db_path)) {
    db = store::open(g.db_path, g.config, store::OpenMode::read_only);  // says how to create one
  } else {
    db = store::open(g.db_path, g.config, o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  }

  // A run reads each customer's rows once, mostly from indexes in customer
  // order: a smaller page cache costs little time and keeps the run's memory
  // well under the bound (PRODUCT.md §9).
  db->exec("PRAGMA cache_size = -8192");
  facts::WalkOptions walk;
  walk.selection = !o.complaint.empty() ? store::Selection::one
                   : o.all              ? store::Selection::all
                                        : store::Selection::pending;
  walk.complaint_id = o.complaint;
  walk.version = version;
  walk.now = now;
  walk.kinds = facts::KindSource::keep_inferred;

  const report::TableStyle style =
      format == report::Format::table ? report::detect_style(STDOUT_FILENO) : report::TableStyle{};
  report::Output output(format, stdout, g.config.zone, style);
  std::map<std::string, std::size_t> per_action;
  std::size_t overdue = 0;

  facts::Walker walker(*db, g.config);
  std::unique_ptr<store::DecisionWriter> writer;
  if (!o.dry_run) writer = std::make_unique<store::DecisionWriter>(*db);
  store::DecisionRow rec;
  rec.policy_version = version;
  rec.decided_at = now;

  const auto visit = [&](const facts::Subject& s, facts::FactSet& f) -> std::string {
    policy::Decision d = program->decide(f, policy::Tracing::off);
    std::string kind = d.kind;
    if (writer && s.unclassified) writer->set_inferred_kind(s.complaint.rowid, kind, version);
    if (s.role != facts::Role::decide) return kind;

    ++per_action[d.action];
    if (d.overdue) ++overdue;
    const std::string segment = d.segment;
    auto row = report::make_row(std::move(d), s.complaint.complaint_id,
                                s.order ? s.order->order_id : s.complaint.order_id, s.history.key, version);
    if (writer) {
      rec.complaint_id = row.complaint;
      rec.kind = kind;
      rec.segment = segment;
      rec.action = row.action;
      rec.rule = row.rule;
      rec.priority = row.priority;
      rec.tags = join(row.tags, ";");
      rec.reply_by = row.reply_by;
      rec.overdue = row.overdue;
      rec.lang = row.lang;
      rec.why = row.why;
      rec.evidence.clear();
      report::write_evidence_json(row, rec.evidence);
      rec.also_matched.clear();
      report::write_list_json(row.also_matched, rec.also_matched);
      writer->record(rec);
    }
    output.add(row);
    return kind;
  };

  std::size_t decided = 0;
  if (writer) {
    // One transaction: a run killed halfway records nothing, and a second run
    // waits for this one and then finds nothing left to decide.
    store::with_write_transaction(*db, [&] { decided = walker.walk(walk, visit); });
  } else {
    SQLite::Transaction snapshot(*db);  // a consistent view while reading; nothing is written
    decided = walker.walk(walk, visit);
  }

  output.finish();
  if (g.verbosity != Verbosity::quiet) {
    if (const auto warning = walker.builder().unconverted_warning(); !warning.empty())
      fmt::print(stderr, "triage: warning: {}\n", warning);
    fmt::print(stderr, "{}{}\n", summary(decided, per_action, overdue),
               o.dry_run && decided ? " (dry run: nothing recorded)" : "");
  }
  if (o.fail_on_overdue && overdue > 0) return exit_overdue;
  return exit_ok;
}

}  // namespace triage::cli
