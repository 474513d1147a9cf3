// triage run: decides the complaints that wait for a decision under the
// current policy version, records each decision (one write transaction), and
// prints them most urgent first with a summary on stderr.
#include <SQLiteCpp/Transaction.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
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

// A decision on its way from the walk to the writers.
struct Finished {
  policy::Decision decision;
  std::int64_t rowid = 0;
  bool unclassified = false;
  bool decide = false;
  std::string complaint_id, order_id, customer;
};

// A single consumer thread fed with the deciders' groups of decisions, put
// back in walk order (group numbers from the walker). The consumer's first
// error, or abort(), stops the producers at their next push; finish()
// rethrows the consumer's error.
class Pipeline {
 public:
  explicit Pipeline(std::function<void(Finished&)> consume) : consume_(std::move(consume)) {
    thread_ = std::thread([this] { loop(); });
  }
  ~Pipeline() { stop(); }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Group `seq`'s decisions (possibly none); every group from 0 up is pushed once.
  void push(std::size_t seq, std::vector<Finished>&& group) {
    std::unique_lock lock(mutex_);
    // The group the consumer waits for is always let in, so this cannot deadlock.
    room_.wait(lock, [&] { return seq < next_ + kWindow || failed_; });
    if (failed_) {
      if (error_) std::rethrow_exception(error_);
      throw Error(ErrorKind::runtime, "run: stopped after an error");
    }
    waiting_.emplace(seq, std::move(group));
    ready_.notify_one();
  }
  // Lets every waiting producer go (a decider failed; the walk is over).
  void abort() {
    std::lock_guard lock(mutex_);
    failed_ = true;
    room_.notify_all();
    ready_.notify_one();
  }
  void finish() {
    stop();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  static constexpr std::size_t kWindow = 512;  // groups ahead of the consumer, bounding memory

  void stop() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    ready_.notify_one();
    if (thread_.joinable()) thread_.join();
  }
  void loop() {
    std::vector<Finished> work;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return waiting_.count(next_) > 0 || done_ || failed_; });
        if (failed_) return;
        const auto it = waiting_.find(next_);
        if (it == waiting_.end()) return;  // done, and nothing left in order
        work = std::move(it->second);
        waiting_.erase(it);
        ++next_;
      }
      room_.notify_all();
      try {
        for (auto& f : work) consume_(f);
      } catch (...) {
        std::lock_guard lock(mutex_);
        error_ = std::current_exception();
        failed_ = true;
        waiting_.clear();
        room_.notify_all();
        return;
      }
    }
  }

  std::function<void(Finished&)> consume_;
  std::map<std::size_t, std::vector<Finished>> waiting_;
  std::size_t next_ = 0;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  bool done_ = false, failed_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace

int run_run(const GlobalOptions& g, const RunOptions& o) {
  const auto format = report::parse_format(o.format);
  const Timestamp now = facts::run_clock(o.now, g.config);
  const auto program = policy::load_program(resolve_policies(o.policies), g.config);
  const std::string& version = program->version();
  // The lexicons compile on their first match (a tenth of a second for the
  // default pack): a throwaway decision compiles them on another core while
  // the database is opened and the complaints selected. Any error here is
  // the real decisions' to report.
  std::thread warm_up([&program] {
    try {
      facts::FactSet f;
      f.set_text(facts::FactId::complaint_text, "warm up");
      (void)program->decide(f, policy::Tracing::off);
    } catch (...) {
    }
  });
  struct JoinWarmUp {
    std::thread& t;
    ~JoinWarmUp() {
      if (t.joinable()) t.join();
    }
  } join_warm_up{warm_up};

  std::unique_ptr<SQLite::Database> db;
  if (o.dry_run && !std::filesystem::exists(g.db_path)) {
    db = store::open(g.db_path, g.config, store::OpenMode::scratch, true);
  } else if (!std::filesystem::exists(g.db_path)) {
    db = store::open(g.db_path, g.config, store::OpenMode::read_only, true);  // says how to create one
  } else {
    // Each connection is used by one thread at a time (the walker's reading
    // thread while it runs, this one before and after), so SQLite need not lock.
    db = store::open(g.db_path, g.config, o.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write,
                     true);
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
  // Decisions are written on a connection of their own, by the second
  // thread: each connection is used by one thread, and the reads never wait
  // for the writes (nor find the page cache full of pages still to write).
  std::unique_ptr<SQLite::Database> wdb;
  std::unique_ptr<store::DecisionWriter> writer;
  if (!o.dry_run) {
    wdb = store::open(g.db_path, g.config, store::OpenMode::read_write, true);
    wdb->exec("PRAGMA cache_size = -16384");
    writer = std::make_unique<store::DecisionWriter>(*wdb);
  }
  // The kinds the classify stage gave are written at the end, in rowid
  // order: one pass over the complaints table instead of a page each.
  // Kinds are few: each is kept once, and a complaint by its number.
  std::vector<std::pair<std::int64_t, std::uint16_t>> inferred;
  std::vector<std::string> kinds;
  store::DecisionRow rec;
  rec.policy_version = version;
  rec.decided_at = now;

  // Everything after the decision (encoding, recording, output) runs on a
  // second thread, so that reading and deciding never wait for writing. The
  // writes keep the walk's order, so the decisions table is the same.
  const auto record = [&](Finished& f) {
    if (writer && f.unclassified) {
      auto k = std::find(kinds.begin(), kinds.end(), f.decision.kind);
      if (k == kinds.end()) k = kinds.insert(kinds.end(), f.decision.kind);
      inferred.emplace_back(f.rowid, static_cast<std::uint16_t>(k - kinds.begin()));
    }
    if (!f.decide) return;
    policy::Decision& d = f.decision;
    ++per_action[d.action];
    if (d.overdue) ++overdue;
    std::string kind = std::move(d.kind);
    std::string segment = d.segment;
    auto row = report::make_row(std::move(d), std::move(f.complaint_id), std::move(f.order_id),
                                std::move(f.customer), version);
    if (writer) {
      rec.complaint_id = row.complaint;
      rec.kind = std::move(kind);
      rec.segment = std::move(segment);
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
  };

  std::size_t decided = 0;
  const auto walk_all = [&] {
    Pipeline pipeline(record);
    // Two deciders: a customer's complaints stay in order on one thread, and
    // the pipeline puts the customers back in walk order.
    walk.deciders = 2;
    walk.on_abort = [&pipeline] { pipeline.abort(); };
    const auto visit = [&](const facts::Subject& s, facts::FactSet& f) -> std::string {
      thread_local std::vector<Finished> group;
      Finished job;
      job.decision = program->decide(f, policy::Tracing::off);
      std::string kind = job.decision.kind;
      job.rowid = s.complaint.rowid;
      job.unclassified = s.unclassified;
      job.decide = s.role == facts::Role::decide;
      if (job.decide) {
        job.complaint_id = s.complaint.complaint_id;
        job.order_id = s.order ? s.order->order_id : s.complaint.order_id;
        job.customer = s.history.key;
      }
      if (job.decide || (writer && job.unclassified)) group.push_back(std::move(job));
      if (s.last_in_unit) {
        std::vector<Finished> done;
        done.swap(group);
        pipeline.push(s.unit, std::move(done));
      }
      return kind;
    };
    decided = walker.walk(walk, visit);
    pipeline.finish();
  };
  if (writer) {
    // One transaction: a run killed halfway records nothing, and a second run
    // waits for this one and then finds nothing left to decide. The reads see
    // the database as it was when this run took the write lock.
    store::with_write_transaction(*wdb, [&] {
      {
        SQLite::Transaction snapshot(*db);
        walk_all();
      }  // the read ends before the commit, so that its checkpoint can copy every page
      std::sort(inferred.begin(), inferred.end());
      for (const auto& [rowid, kind] : inferred) writer->set_inferred_kind(rowid, kinds[kind], version);
    });
  } else {
    SQLite::Transaction snapshot(*db);  // a consistent view while reading; nothing is written
    walk_all();
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
