// Writing what `run` decided: one row per decision in `decisions` (history is
// only ever added to), and the classify stage's answer kept on the complaint.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>

#include "triage/core/model.hpp"

namespace triage::store {

// A decision as the `decisions` table keeps it; lists are already encoded
// (tags ';'-joined, evidence and also_matched as JSON).
struct DecisionRow {
  std::string complaint_id;
  std::string policy_version;
  Timestamp decided_at = 0;
  std::string kind;
  std::string segment;
  std::string action;
  std::string rule;  // empty: no rule matched (stored as NULL)
  int priority = 0;
  std::string tags;
  Timestamp reply_by = 0;
  bool overdue = false;
  std::string lang;
  std::string why;
  std::string evidence;      // JSON array
  std::string also_matched;  // JSON array
};

// Prepared once, used inside the caller's write transaction.
class DecisionWriter {
 public:
  explicit DecisionWriter(SQLite::Database& db);
  void record(const DecisionRow& d);
  // Keeps the kind the classify stage gave a complaint under `version`
  // (empty kind: none matched; stored as NULL so that it is not asked again).
  void set_inferred_kind(std::int64_t complaint_rowid, const std::string& kind, const std::string& version);

 private:
  SQLite::Statement insert_, infer_;
};

}  // namespace triage::store
