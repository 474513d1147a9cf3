// The import write path: each record is upserted by its id. A row whose
// canonical fields hash the same as the stored row_hash is left untouched, so
// re-importing an unchanged export writes nothing.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "triage/core/model.hpp"
#include "triage/store/identity.hpp"

namespace triage::store {

enum class Outcome { inserted, updated, unchanged };

// Stable 64-bit hashes (FNV-1a over every canonical field, with separators
// and presence marks) that go into row_hash.
std::int64_t row_hash(const Order& r);
std::int64_t row_hash(const Complaint& r);
std::int64_t row_hash(const Dispute& r);
std::int64_t row_hash(const Review& r);

// Prepared statements, reused for every row; use inside one write transaction.
class Upserter {
 public:
  Upserter(SQLite::Database& db, std::int64_t import_id);
  ~Upserter();
  Outcome put(const Order& r);
  Outcome put(const Complaint& r);
  Outcome put(const Dispute& r);
  Outcome put(const Review& r);
  IdentityResolver& identities() { return ids_; }

 private:
  SQLite::Statement& stmt(std::unique_ptr<SQLite::Statement>& slot, const char* sql);
  // The stored row_hash of an id, if the row exists.
  std::optional<std::int64_t> stored_hash(std::unique_ptr<SQLite::Statement>& slot, const char* sql,
                                          const std::string& id);

  SQLite::Database& db_;
  std::int64_t import_id_;
  IdentityResolver ids_;
  std::unique_ptr<SQLite::Statement> order_hash_, order_put_, complaint_hash_, complaint_put_,
      dispute_hash_, dispute_put_, review_hash_, review_put_;
};

}  // namespace triage::store
