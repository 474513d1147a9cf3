// Finding a customer from what a shop owner has at hand: a customer id, an
// e-mail, a phone number, an order id or a complaint id.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>

#include "triage/core/config.hpp"

namespace triage::store {

// The customer (customers.id) the key names, or nullopt.
std::optional<std::int64_t> find_customer(SQLite::Database& db, const std::string& key,
                                          const Config& config);

}  // namespace triage::store
