// Walking the complaints a run decides, customer by customer: each customer's
// history is loaded once, and their complaints are visited in the order they
// were received, so that a kind inferred for an earlier complaint counts for
// the later ones (customer.compensation_requests).
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <functional>
#include <string>

#include "triage/core/config.hpp"
#include "triage/facts/builder.hpp"
#include "triage/store/queries.hpp"

namespace triage::facts {

// Why a complaint is visited.
enum class Role {
  decide,    // selected: decide it, record and show the decision
  classify,  // only its kind is wanted, for the complaints after it
};

struct Subject {
  const store::ComplaintRow& complaint;
  const store::CustomerHistory& history;
  const store::OrderRow* order;  // the complaint's order when known at the time, else null
  Role role;
  bool unclassified;  // blank kind, not classified under this policy version yet
  const Notes& notes;
  // The customer's group of complaints this one belongs to, numbered from 0
  // in walk order, and whether it is the group's last visit: with several
  // deciders, this is how a visitor puts the groups back in order.
  std::size_t unit = 0;
  bool last_in_unit = true;
};

// Decides one complaint over its facts; returns the complaint's kind after the
// classify stage, which the walk keeps for the customer's later complaints.
using Visitor = std::function<std::string(const Subject&, FactSet&)>;

struct WalkOptions {
  store::Selection selection = store::Selection::pending;
  std::string complaint_id;  // for Selection::one
  std::string version;       // the policy version
  Timestamp now = 0;
  KindSource kinds = KindSource::keep_inferred;
  // Threads that build facts and visit. Above 1, the visitor is called from
  // that many threads at once (never two for one customer: a customer's
  // complaints are visited in order on one thread), and on_abort, when given,
  // is called as soon as a visit fails, so that a visitor waiting for another
  // thread's group can give up.
  unsigned deciders = 1;
  std::function<void()> on_abort;
  // From this many selected complaints on, disputes and reviews are read
  // once into memory rather than per customer (same facts either way).
  std::size_t bulk_from = 20000;
};

class Walker {
 public:
  Walker(SQLite::Database& db, const Config& config);

  // Visits every selected complaint (and any earlier complaint of the same
  // customer still to classify). Returns how many were visited to decide.
  // Throws Error(usage) when Selection::one names an unknown complaint.
  std::size_t walk(const WalkOptions& options, const Visitor& visit);

  // After a walk, what every decider's builder learned (unconverted currencies).
  const Builder& builder() const { return builder_; }

 private:
  store::HistoryReader reader_;
  Builder builder_;
};

}  // namespace triage::facts
