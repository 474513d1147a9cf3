// Customer identity: records that share a customer_id, an e-mail or a
// normalized phone are one customer. Each identifier ('id:C1', 'email:a@b',
// 'phone:+48600100200') points at its customer in `identities`; a record that
// links two customers merges the newer into the older.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstdint>
#include <memory>
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
  // Starts fetching key's slot into the cache, for a find() a little later.
  void prefetch(std::uint64_t key) const {
    if (keys_.empty()) return;
    const std::size_t i = key & (keys_.size() - 1);
    __builtin_prefetch(keys_.data() + i);
    __builtin_prefetch(vals_.data() + i);
  }
  std::size_t size() const { return count_; }
  void clear();

 private:
  void grow();
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> vals_;
  std::size_t count_ = 0;
};

// A record's usable identifiers ('id:C1', 'email:a@b', 'phone:+48...') and
// their hashes: worked out without the database, so on the reading thread.
struct Idents {
  std::array<std::string, 3> text;
  std::array<std::uint64_t, 3> hash{};
  std::size_t n = 0;
};
// None usable: no id, no e-mail with '@', no phone of 7+ digits.
void prepare_idents(std::string_view customer_id, std::string_view email, std::string_view phone, Idents& out);

// What resolving offline left to write, handed from the reading thread to
// the writing one: new identifiers (sorted), new customers, merges.
struct IdentityWrites {
  std::string text;                                            // identifiers, '\0'-separated
  std::vector<std::pair<std::uint32_t, std::int64_t>> idents;  // offset in text, customer; sorted
  std::vector<std::pair<std::int64_t, std::string>> customers;  // id, key
  std::vector<std::pair<std::int64_t, std::int64_t>> merged;    // customer merged away, into
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
  std::optional<std::int64_t> resolve(const Idents& ids);

  // Writes the identifiers still pending and frees the memory held for them;
  // finish() does it too.
  void flush();
  // Writes what was deferred; call before committing, after the deferred
  // table's indexes are back.
  void finish();

  // Offline: after start_bulk(), when every identifier is in memory,
  // resolve_offline() needs no database and so can run on the reading thread
  // while another thread writes. Returns false when offline resolution is not
  // possible (not every identifier fits in memory).
  bool start_offline();
  // Reading thread. false: memory is full; this record and every later one
  // must be resolved by resolve() on the writing thread, after go_online().
  bool resolve_offline(const Idents& ids, std::optional<std::int64_t>& customer);
  bool writes_due() const;
  // Reading thread, offline: warms the cache for resolve_offline(ids).
  void prefetch(const Idents& ids) const {
    for (std::size_t i = 0; i < ids.n; ++i) known_.prefetch(ids.hash[i]);
  }
  void take_writes(IdentityWrites& out);  // reading thread
  void apply(const IdentityWrites& w);    // writing thread
  // Writing thread, once the reading thread no longer uses this resolver:
  // writes what offline resolution left, then goes on as plain bulk mode.
  void go_online();
  bool offline() const { return offline_; }

  std::int64_t customers_created() const { return created_; }
  std::int64_t merges() const { return merges_; }

 private:
  std::optional<std::int64_t> lookup(const std::string& ident, std::uint64_t hash);
  std::int64_t root(std::int64_t id) const;
  void merge(std::int64_t from, std::int64_t into);
  // Moves `from`'s rows to `into` (identities only when asked; never the
  // deferred table) and deletes `from`.
  void repoint(std::int64_t from, std::int64_t into, bool with_identities);
  void add_ident(const std::string& ident, std::uint64_t hash, std::int64_t customer);
  void flush_pending();
  void remember(std::uint64_t hash, std::int64_t customer);
  void refresh_key(std::int64_t customer);

  SQLite::Database& db_;
  SQLite::Statement find_, add_, create_, best_key_, set_key_;
  IdentMap known_;
  bool bulk_ = false;
  bool complete_ = false;  // bulk: every identifier of the table is in known_
  bool offline_ = false;
  std::int64_t next_customer_ = 0;                                 // offline: ids given out here
  std::vector<std::pair<std::int64_t, std::string>> new_customers_;  // offline: not yet written
  std::vector<std::pair<std::int64_t, std::int64_t>> new_merges_;    // offline: not yet applied
  SQLite::Statement create_with_id_;
  std::unique_ptr<SQLite::Statement> add_many_;  // offline: many identifiers an insert
  std::string deferred_table_;
  std::unordered_map<std::int64_t, std::int64_t> merged_;  // merged-away customer -> into
  std::string pending_text_;                               // bulk: new identifiers, '\0'-separated
  std::vector<std::pair<std::uint32_t, std::int64_t>> pending_;  // offset in pending_text_, customer
  std::vector<std::int64_t> dirty_keys_;
  std::vector<std::string> dropped_indexes_;  // bulk: identities' own indexes, rebuilt at finish()
  std::int64_t created_ = 0, merges_ = 0;
  Idents scratch_;
};

}  // namespace triage::store
