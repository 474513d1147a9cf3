// Resolves a free-form key to a customer, trying each kind of identifier.
#include "triage/store/lookup.hpp"

#include <SQLiteCpp/Statement.h>

#include "triage/input/values.hpp"

namespace triage::store {

namespace {

std::optional<std::int64_t> one(SQLite::Database& db, const char* sql, const std::string& arg) {
  SQLite::Statement q(db, sql);
  q.bind(1, arg);
  if (q.executeStep() && !q.getColumn(0).isNull()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> find_customer(SQLite::Database& db, const std::string& key,
                                          const Config& config) {
  const char* by_ident = "SELECT customer FROM identities WHERE ident = ?";
  if (auto c = one(db, by_ident, "id:" + key)) return c;
  std::string email;
  input::normalize_email(key, email);
  if (!email.empty())
    if (auto c = one(db, by_ident, "email:" + email)) return c;
  std::string phone;
  input::normalize_phone(key, input::country_code_for_zone(config.timezone), phone);
  if (!phone.empty())
    if (auto c = one(db, by_ident, "phone:" + phone)) return c;
  const std::string order = !key.empty() && key[0] == '#' ? key.substr(1) : key;
  if (auto c = one(db, "SELECT customer FROM orders WHERE order_id = ?", order)) return c;
  if (auto c = one(db,
                   "SELECT COALESCE(c.customer, o.customer) FROM complaints c "
                   "LEFT JOIN orders o ON o.order_id = c.order_id WHERE c.complaint_id = ?",
                   key))
    return c;
  return std::nullopt;
}

}  // namespace triage::store
