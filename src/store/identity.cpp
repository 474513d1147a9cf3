// Identity resolution and customer merges (see identity.hpp).
#include "triage/store/identity.hpp"

#include <algorithm>
#include <array>

namespace triage::store {

namespace {
constexpr std::size_t cache_limit = 200000;

bool usable_phone(std::string_view p) {
  return std::count_if(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 7;
}
}  // namespace

IdentityResolver::IdentityResolver(SQLite::Database& db)
    : db_(db),
      find_(db, "SELECT customer FROM identities WHERE ident = ?"),
      add_(db, "INSERT INTO identities(ident, customer) VALUES (?, ?)"),
      create_(db, "INSERT INTO customers(key) VALUES (?)"),
      best_key_(db,
                "SELECT ident FROM identities WHERE customer = ? ORDER BY "
                "CASE WHEN ident LIKE 'id:%' THEN 0 WHEN ident LIKE 'email:%' THEN 1 ELSE 2 END, ident "
                "LIMIT 1"),
      set_key_(db, "UPDATE customers SET key = ?2 WHERE id = ?1 AND key IS NOT ?2") {}

std::optional<std::int64_t> IdentityResolver::lookup(const std::string& ident) {
  if (auto it = cache_.find(ident); it != cache_.end()) return it->second;
  find_.reset();
  find_.bind(1, ident);
  std::optional<std::int64_t> out;
  if (find_.executeStep()) out = find_.getColumn(0).getInt64();
  if (out) {
    if (cache_.size() >= cache_limit) cache_.clear();
    cache_.emplace(ident, *out);
  }
  return out;
}

std::optional<std::int64_t> IdentityResolver::resolve(std::string_view customer_id, std::string_view email,
                                                      std::string_view phone) {
  std::array<std::string, 3> idents;
  std::size_t n = 0;
  if (!customer_id.empty()) idents[n++] = std::string("id:").append(customer_id);
  if (email.find('@') != std::string_view::npos) idents[n++] = std::string("email:").append(email);
  if (usable_phone(phone)) idents[n++] = std::string("phone:").append(phone);
  if (n == 0) return std::nullopt;

  std::array<std::optional<std::int64_t>, 3> found;
  std::optional<std::int64_t> target;
  for (std::size_t i = 0; i < n; ++i) {
    found[i] = lookup(idents[i]);
    if (found[i] && (!target || *found[i] < *target)) target = found[i];
  }
  bool changed = false, created_now = false;
  if (!target) {
    create_.reset();
    // The key shown to people: customer_id, else e-mail, else phone.
    const auto& first = idents[0];
    create_.bind(1, first.substr(first.find(':') + 1));
    create_.exec();
    target = db_.getLastInsertRowid();
    ++created_;
    created_now = true;
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      if (found[i] && *found[i] != *target) {
        merge(*found[i], *target);
        changed = true;
        // The same older customer may appear twice in found.
        for (std::size_t j = i + 1; j < n; ++j)
          if (found[j] == found[i]) found[j] = target;
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (found[i]) continue;
    add_.reset();
    add_.bind(1, idents[i]);
    add_.bind(2, *target);
    add_.exec();
    if (cache_.size() >= cache_limit) cache_.clear();
    cache_[idents[i]] = *target;
    changed = true;
  }
  // A new customer already has the best key; an existing one may have gained a better one.
  if (changed && !created_now) refresh_key(*target);
  return target;
}

void IdentityResolver::merge(std::int64_t from, std::int64_t into) {
  for (const char* sql : {"UPDATE identities SET customer = ?2 WHERE customer = ?1",
                          "UPDATE orders SET customer = ?2 WHERE customer = ?1",
                          "UPDATE complaints SET customer = ?2 WHERE customer = ?1",
                          "UPDATE reviews SET customer = ?2 WHERE customer = ?1",
                          "DELETE FROM customers WHERE id = ?1"}) {
    SQLite::Statement st(db_, sql);
    st.bind(1, from);
    if (st.getBindParameterCount() >= 2) st.bind(2, into);
    st.exec();
  }
  // Cached identifiers of the merged customer now point elsewhere.
  cache_.clear();
  ++merges_;
}

void IdentityResolver::refresh_key(std::int64_t customer) {
  best_key_.reset();
  best_key_.bind(1, customer);
  if (!best_key_.executeStep()) return;
  const std::string ident = best_key_.getColumn(0).getString();
  best_key_.reset();
  set_key_.reset();
  set_key_.bind(1, customer);
  set_key_.bind(2, ident.substr(ident.find(':') + 1));
  set_key_.exec();
}

}  // namespace triage::store
