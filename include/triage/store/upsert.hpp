// The import write path: each record is upserted by its id. A row whose
// canonical fields hash the same as the stored row_hash is left untouched, so
// re-importing an unchanged export writes nothing.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "triage/core/model.hpp"
#include "triage/store/identity.hpp"

namespace triage::store {

// duplicate: the id was already written earlier in this import; the later
// row wins (it is written when it differs).
enum class Outcome { inserted, updated, unchanged, duplicate };

// Stable 64-bit hashes (FNV-1a over every canonical field, with separators
// and presence marks) that go into row_hash.
std::int64_t row_hash(const Order& r);
std::int64_t row_hash(const Complaint& r);
std::int64_t row_hash(const Dispute& r);
std::int64_t row_hash(const Review& r);

// What put() needs besides the record, worked out without the database (so
// it can be done on the reading thread): the row hash and the identifiers.
struct Prepared {
  std::int64_t hash = 0;
  Idents ids;
  // Set when the customer was resolved offline (IdentityResolver::resolve_offline).
  bool resolved = false;
  std::optional<std::int64_t> customer;
  // Identity writes that offline resolution handed over with this record.
  std::unique_ptr<IdentityWrites> writes;
};
// warm: an offline resolver whose table to start fetching for these
// identifiers while the row hash is computed.
void prepare(const Order& r, Prepared& out, const IdentityResolver* warm = nullptr);
void prepare(const Complaint& r, Prepared& out, const IdentityResolver* warm = nullptr);
void prepare(const Dispute& r, Prepared& out, const IdentityResolver* warm = nullptr);
void prepare(const Review& r, Prepared& out, const IdentityResolver* warm = nullptr);

// Prepared statements, reused for every row; use inside one write transaction.
class Upserter {
 public:
  Upserter(SQLite::Database& db, std::int64_t import_id);
  ~Upserter();
  // For an import about as large as the database: drops the kind's secondary
  // indexes (rebuilt by finish(), one sort instead of a random insert a row)
  // and holds customer identifiers in memory. fresh: the table held no row
  // when this import began, so once ids come out of ascending order its unique
  // id index is dropped too and rows are only appended; a later row with an
  // id seen before then replaces the earlier one at finish().
  void start_bulk(RecordKind kind, bool fresh = false);
  // Writes what was deferred and rebuilds dropped indexes; call before commit.
  // Returns how many rows a later row of the same id replaced (fresh bulk
  // mode only): each was counted as inserted by put() and is a duplicate.
  std::int64_t finish();

  // p: prepare(r, p) done beforehand.
  Outcome put(const Order& r, const Prepared& p);
  Outcome put(const Complaint& r, const Prepared& p);
  Outcome put(const Dispute& r, const Prepared& p);
  Outcome put(const Review& r, const Prepared& p);
  template <class Rec>
  Outcome put(const Rec& r) {
    prepare(r, scratch_);
    const Outcome out = put(r, scratch_);
    flush_rows();
    return out;
  }
  // In fresh bulk mode put(order) may hold up to kRows orders (by address)
  // for one multi-row insert: call this before any record passed to put()
  // changes or goes away. finish() calls it too.
  void flush_rows();
  static constexpr std::size_t kRows = 16;
  IdentityResolver& identities() { return ids_; }

 private:
  SQLite::Statement& stmt(std::unique_ptr<SQLite::Statement>& slot, const char* sql);
  // The stored row_hash of an id, if the row exists.
  // The stored row_hash and import_id of an id, if the row exists.
  struct Stored {
    std::int64_t hash;
    std::int64_t import_id;
  };
  std::optional<Stored> stored(std::unique_ptr<SQLite::Statement>& slot, const char* sql, const std::string& id);
  // unchanged/duplicate when nothing needs writing, else nullopt.
  std::optional<Outcome> skip(const std::optional<Stored>& old, std::int64_t hash) const;
  Outcome written(const std::optional<Stored>& old) const;

  SQLite::Database& db_;
  std::int64_t import_id_;
  IdentityResolver ids_;
  std::vector<std::string> dropped_indexes_;  // CREATE INDEX statements to run at finish()
  // Fresh bulk: the unique id index, dropped at the first id out of order.
  std::string unique_name_, unique_sql_, last_id_;
  bool bulk_ = false, fresh_ = false, unique_dropped_ = false;
  Prepared scratch_;
  struct HeldRow {
    const Order* r;
    std::optional<std::int64_t> customer;
    std::int64_t hash;
  };
  std::array<HeldRow, kRows> rows_{};
  std::size_t nrows_ = 0;
  std::unique_ptr<SQLite::Statement> order_multi_;
  std::unique_ptr<SQLite::Statement> order_insert_, order_hash_, order_put_, complaint_hash_, complaint_put_,
      dispute_hash_, dispute_put_, review_hash_, review_put_;
};

}  // namespace triage::store
