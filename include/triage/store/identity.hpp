// Customer identity: records that share a customer_id, an e-mail or a
// normalized phone are one customer. Each identifier ('id:C1', 'email:a@b',
// 'phone:+48600100200') points at its customer in `identities`; a record that
// links two customers merges the newer into the older.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace triage::store {

// Identifier hash -> customer id, open addressing, 12 bytes a slot.
class IdentMap {
 public:
  std::optional<std::int64_t> find(std::uint64_t key) const;
  void put(std::uint64_t key, std::int64_t customer);
  std::size_t size() const { return count_; }
  void clear();

 private:
  void grow();
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> vals_;
  std::size_t count_ = 0;
};

class IdentityResolver {
 public:
  explicit IdentityResolver(SQLite::Database& db);

  // For an import about as large as the database: every identifier is held in
  // memory (64-bit hashes), new ones are written sorted at finish(), and
  // re-pointing rows of `deferred_table` (whose customer index the import
  // dropped) waits for finish() too.
  void start_bulk(std::string deferred_table);

  // The customer these identifiers belong to, created or merged as needed;
  // nullopt when none is usable (no id, no e-mail with '@', no phone of 7+ digits).
  // Must run inside a write transaction.
  std::optional<std::int64_t> resolve(std::string_view customer_id, std::string_view email,
                                      std::string_view phone);

  // Writes what was deferred; call before committing.
  void finish();

  std::int64_t customers_created() const { return created_; }
  std::int64_t merges() const { return merges_; }

 private:
  std::optional<std::int64_t> lookup(const std::string& ident, std::uint64_t hash);
  std::int64_t root(std::int64_t id) const;
  void merge(std::int64_t from, std::int64_t into);
  void add_ident(const std::string& ident, std::uint64_t hash, std::int64_t customer);
  void flush_pending();
  void remember(std::uint64_t hash, std::int64_t customer);
  void refresh_key(std::int64_t customer);

  SQLite::Database& db_;
  SQLite::Statement find_, add_, create_, best_key_, set_key_;
  IdentMap known_;
  bool bulk_ = false;
  bool complete_ = false;  // bulk: every identifier of the table is in known_
  std::string deferred_table_;
  std::unordered_map<std::int64_t, std::int64_t> merged_;  // merged-away customer -> into
  std::string pending_text_;                               // bulk: new identifiers, '\0'-separated
  std::vector<std::pair<std::uint32_t, std::int64_t>> pending_;  // offset in pending_text_, customer
  std::vector<std::int64_t> dirty_keys_;
  std::vector<std::string> dropped_indexes_;  // bulk: identities' own indexes, rebuilt at finish()
  std::int64_t created_ = 0, merges_ = 0;
};

}  // namespace triage::store
