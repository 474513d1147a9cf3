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
};

class Walker {
 public:
  Walker(SQLite::Database& db, const Config& config);

  // Visits every selected complaint (and any earlier complaint of the same
  // customer still to classify). Returns how many were visited to decide.
  // Throws Error(usage) when Selection::one names an unknown complaint.
  std::size_t walk(const WalkOptions& options, const Visitor& visit);

  const Builder& builder() const { return builder_; }

 private:
  store::HistoryReader reader_;
  Builder builder_;
};

}  // namespace triage::facts
