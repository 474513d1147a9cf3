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

namespace triage::store {

class IdentityResolver {
 public:
  explicit IdentityResolver(SQLite::Database& db);

  // The customer these identifiers belong to, created or merged as needed;
  // nullopt when none is usable (no id, no e-mail with '@', no phone of 7+ digits).
  // Must run inside a write transaction.
  std::optional<std::int64_t> resolve(std::string_view customer_id, std::string_view email,
                                      std::string_view phone);

  std::int64_t customers_created() const { return created_; }
  std::int64_t merges() const { return merges_; }

 private:
  std::optional<std::int64_t> lookup(const std::string& ident);
  void merge(std::int64_t from, std::int64_t into);
  void refresh_key(std::int64_t customer);

  SQLite::Database& db_;
  SQLite::Statement find_, add_, create_, best_key_, set_key_;
  // Recently seen identifiers: exports repeat customers, and most lookups hit.
  std::unordered_map<std::string, std::int64_t> cache_;
  std::int64_t created_ = 0, merges_ = 0;
};

}  // namespace triage::store
