// Recording decisions and inferred kinds.
#include "triage/store/decisions.hpp"

namespace triage::store {

namespace {

void bind_text(SQLite::Statement& st, int i, const std::string& s) {
  if (s.empty()) st.bind(i);
  else st.bind(i, s);
}

}  // namespace

DecisionWriter::DecisionWriter(SQLite::Database& db)
    : insert_(db,
              "INSERT INTO decisions(complaint_id, policy_version, decided_at, kind, segment, action, rule, "
              "priority, tags, reply_by, overdue, lang, why, evidence, also_matched) "
              "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)"),
      infer_(db, "UPDATE complaints SET inferred_kind = ?2, inferred_by = ?3 WHERE rowid = ?1") {}

void DecisionWriter::record(const DecisionRow& d) {
  insert_.reset();
  insert_.bind(1, d.complaint_id);
  insert_.bind(2, d.policy_version);
  insert_.bind(3, static_cast<std::int64_t>(d.decided_at));
  bind_text(insert_, 4, d.kind);
  bind_text(insert_, 5, d.segment);
  insert_.bind(6, d.action);
  bind_text(insert_, 7, d.rule);
  insert_.bind(8, d.priority);
  bind_text(insert_, 9, d.tags);
  insert_.bind(10, static_cast<std::int64_t>(d.reply_by));
  insert_.bind(11, d.overdue ? 1 : 0);
  bind_text(insert_, 12, d.lang);
  bind_text(insert_, 13, d.why);
  bind_text(insert_, 14, d.evidence);
  bind_text(insert_, 15, d.also_matched);
  insert_.exec();
}

void DecisionWriter::set_inferred_kind(std::int64_t complaint_rowid, const std::string& kind,
                                       const std::string& version) {
  infer_.reset();
  infer_.bind(1, complaint_rowid);
  bind_text(infer_, 2, kind);
  infer_.bind(3, version);
  infer_.exec();
}

}  // namespace triage::store
