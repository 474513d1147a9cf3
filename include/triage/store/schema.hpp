// The database schema: one SQLite file, versioned with PRAGMA user_version
// and migrated forward by the binary. Times are INTEGER seconds since the
// epoch (UTC; read them with datetime(x, 'unixepoch')); money is INTEGER
// hundredths with a currency column.
#pragma once

#include <string_view>
#include <vector>

namespace triage::store {

// Migration N (1-based) takes a database from user_version N-1 to N.
const std::vector<std::string_view>& migrations();
// The user_version this binary writes.
int schema_version();

}  // namespace triage::store
