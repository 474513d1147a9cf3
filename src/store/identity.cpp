// Identity resolution and customer merges (see identity.hpp).
#include "triage/store/identity.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "triage/core/error.hpp"

namespace triage::store {

namespace {

// Identifiers held in memory: 2^21 slots of 12 bytes (24 MiB) at most, so
// memory stays bounded whatever the size of the file or the database.
// (The map doubles past 2/3 full: 2^21 * 2 / 3 = 1,398,101 entries.)
constexpr std::size_t cache_limit = 1'390'000;
constexpr std::size_t pending_text_limit = 8u << 20;    // bulk: flush new identifiers every 8 MiB
constexpr std::size_t offline_text_limit = 2u << 20;    // offline: hand them over every 2 MiB

bool usable_phone(std::string_view p) {
  return std::count_if(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 7;
}

std::uint64_t hash_ident(std::string_view s) {
  // FNV-1a, then a final mix so that similar identifiers spread over the table.
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h | 1;  // 0 marks an empty slot
}

}  // namespace

// ---------------------------------------------------------------- IdentMap

std::optional<std::int64_t> IdentMap::find(std::uint64_t key) const {
  if (keys_.empty()) return std::nullopt;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return vals_[i];
    if (keys_[i] == 0) return std::nullopt;
  }
}

void IdentMap::put(std::uint64_t key, std::int64_t customer) {
  if (customer < 0 || customer > 0xffffffffll) {
    throw Error(ErrorKind::runtime, fmt::format("customer id {} is out of range", customer));
  }
  if ((count_ + 1) * 3 > keys_.size() * 2) grow();
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) {
      vals_[i] = static_cast<std::uint32_t>(customer);
      return;
    }
    if (keys_[i] == 0) {
      keys_[i] = key;
      vals_[i] = static_cast<std::uint32_t>(customer);
      ++count_;
      return;
    }
  }
}

void IdentMap::clear() {
  keys_.clear();
  keys_.shrink_to_fit();
  vals_.clear();
  vals_.shrink_to_fit();
  count_ = 0;
}

void IdentMap::grow() {
  std::vector<std::uint64_t> keys(std::max<std::size_t>(4096, keys_.size() * 2), 0);
  std::vector<std::uint32_t> vals(keys.size(), 0);
  keys.swap(keys_);
  vals.swap(vals_);
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t j = 0; j < keys.size(); ++j) {
    if (keys[j] == 0) continue;
    std::size_t i = keys[j] & mask;
    while (keys_[i] != 0) i = (i + 1) & mask;
    keys_[i] = keys[j];
    vals_[i] = vals[j];
  }
}

// ---------------------------------------------------------------- resolver

IdentityResolver::IdentityResolver(SQLite::Database& db)
    : db_(db),
      find_(db, "SELECT customer FROM identities WHERE ident = ?"),
      add_(db, "INSERT INTO identities(ident, customer) VALUES (?, ?)"),
      create_(db, "INSERT INTO customers(key) VALUES (?)"),
      best_key_(db,
                "SELECT ident FROM identities WHERE customer = ? ORDER BY "
                "CASE WHEN ident LIKE 'id:%' THEN 0 WHEN ident LIKE 'email:%' THEN 1 ELSE 2 END, ident "
                "LIMIT 1"),
      set_key_(db, "UPDATE customers SET key = ?2 WHERE id = ?1 AND key IS NOT ?2"),
      create_with_id_(db, "INSERT INTO customers(id, key) VALUES (?, ?)") {}

void IdentityResolver::start_bulk(std::string deferred_table) {
  bulk_ = true;
  deferred_table_ = std::move(deferred_table);
  known_.clear();
  // New identifiers reach identities_customer in random customer order; one
  // sort at the end is far cheaper. Merges re-point identities at finish().
  {
    SQLite::Statement q(db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                             "tbl_name = 'identities' AND sql IS NOT NULL ORDER BY name");
    std::vector<std::string> names;
    while (q.executeStep()) {
      names.push_back(q.getColumn(0).getString());
      dropped_indexes_.push_back(q.getColumn(1).getString());
    }
    q.reset();
    for (const auto& name : names) db_.exec("DROP INDEX \"" + name + "\"");
  }
  complete_ = true;
  SQLite::Statement all(db_, "SELECT ident, customer FROM identities");
  while (complete_ && all.executeStep()) {
    const char* s = all.getColumn(0).getText();
    remember(hash_ident(s), all.getColumn(1).getInt64());
  }
}

std::int64_t IdentityResolver::root(std::int64_t id) const {
  for (auto it = merged_.find(id); it != merged_.end(); it = merged_.find(id)) id = it->second;
  return id;
}

std::optional<std::int64_t> IdentityResolver::lookup(const std::string& ident, std::uint64_t hash) {
  if (auto c = known_.find(hash)) return root(*c);
  if (bulk_ && complete_) return std::nullopt;  // everything is in memory
  find_.reset();
  find_.bind(1, ident);
  std::optional<std::int64_t> out;
  if (find_.executeStep()) out = find_.getColumn(0).getInt64();
  find_.reset();
  if (!out) return out;
  remember(hash, *out);
  // In bulk mode identities are re-pointed only at finish(): the stored
  // customer may have been merged away since.
  return root(*out);
}

void IdentityResolver::add_ident(const std::string& ident, std::uint64_t hash, std::int64_t customer) {
  if (bulk_) {
    pending_.emplace_back(static_cast<std::uint32_t>(pending_text_.size()), customer);
    pending_text_.append(ident);
    pending_text_.push_back('\0');
    remember(hash, customer);
    // Offline, the reading thread hands them over when writes_due().
    if (!offline_ && pending_text_.size() >= pending_text_limit) flush_pending();
    return;
  }
  add_.reset();
  add_.bind(1, ident);
  add_.bind(2, customer);
  add_.exec();
  remember(hash, customer);
}

void IdentityResolver::remember(std::uint64_t hash, std::int64_t customer) {
  if (known_.size() >= cache_limit) {
    // Full: from now on the map is a cache in front of the table. Pending
    // identifiers go to the table first, so that lookups there find them.
    flush_pending();
    known_.clear();
    complete_ = false;
  }
  known_.put(hash, customer);
}

void prepare_idents(std::string_view customer_id, std::string_view email, std::string_view phone, Idents& out) {
  std::size_t n = 0;
  if (!customer_id.empty()) out.text[n++].assign("id:").append(customer_id);
  if (email.find('@') != std::string_view::npos) out.text[n++].assign("email:").append(email);
  if (usable_phone(phone)) out.text[n++].assign("phone:").append(phone);
  for (std::size_t i = 0; i < n; ++i) out.hash[i] = hash_ident(out.text[i]);
  out.n = n;
}

std::optional<std::int64_t> IdentityResolver::resolve(std::string_view customer_id, std::string_view email,
                                                      std::string_view phone) {
  prepare_idents(customer_id, email, phone, scratch_);
  return resolve(scratch_);
}

std::optional<std::int64_t> IdentityResolver::resolve(const Idents& ids) {
  const std::size_t n = ids.n;
  if (n == 0) return std::nullopt;
  const auto& idents = ids.text;
  const auto& hashes = ids.hash;
  std::array<std::optional<std::int64_t>, 3> found;
  std::optional<std::int64_t> target;
  for (std::size_t i = 0; i < n; ++i) {
    found[i] = lookup(idents[i], hashes[i]);
    if (found[i] && (!target || *found[i] < *target)) target = found[i];
  }
  bool changed = false, created_now = false;
  if (!target) {
    // The key shown to people: customer_id, else e-mail, else phone.
    const auto& first = idents[0];
    if (offline_) {
      target = next_customer_++;
      new_customers_.emplace_back(*target, first.substr(first.find(':') + 1));
    } else {
      create_.reset();
      create_.bind(1, first.substr(first.find(':') + 1));
      create_.exec();
      target = db_.getLastInsertRowid();
    }
    ++created_;
    created_now = true;
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      if (found[i] && *found[i] != *target) {
        const auto from = *found[i];
        merge(from, *target);
        changed = true;
        for (std::size_t j = i; j < n; ++j)
          if (found[j] == from) found[j] = target;
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (found[i]) continue;
    add_ident(idents[i], hashes[i], *target);
    changed = true;
  }
  // A new customer already has the best key; an existing one may have gained a better one.
  if (changed && !created_now) dirty_keys_.push_back(*target);
  return target;
}

void IdentityResolver::merge(std::int64_t from, std::int64_t into) {
  merged_[from] = into;
  if (offline_) {
    new_merges_.emplace_back(from, into);
    ++merges_;
    return;
  }
  // In bulk mode identities and the deferred table (without their customer
  // index) are re-pointed once for all merges, at finish().
  repoint(from, into, !bulk_);
  ++merges_;
}

void IdentityResolver::repoint(std::int64_t from, std::int64_t into, bool with_identities) {
  for (const char* table : {"identities", "orders", "complaints", "reviews"}) {
    const bool identities = std::strcmp(table, "identities") == 0;
    if (identities ? !with_identities : deferred_table_ == table) continue;
    SQLite::Statement st(db_, fmt::format("UPDATE {} SET customer = ?2 WHERE customer = ?1", table));
    st.bind(1, from);
    st.bind(2, into);
    st.exec();
  }
  SQLite::Statement del(db_, "DELETE FROM customers WHERE id = ?");
  del.bind(1, from);
  del.exec();
}

void IdentityResolver::flush_pending() {
  if (pending_.empty()) return;
  // Sorted, the inserts walk the identities tree once instead of at random.
  const char* base = pending_text_.data();
  std::sort(pending_.begin(), pending_.end(),
            [base](const auto& a, const auto& b) { return std::strcmp(base + a.first, base + b.first) < 0; });
  for (const auto& [offset, customer] : pending_) {
    add_.reset();
    add_.bind(1, base + offset);
    add_.bind(2, root(customer));
    add_.exec();
  }
  pending_.clear();
  pending_text_.clear();
}

bool IdentityResolver::start_offline() {
  if (!bulk_ || !complete_) return false;
  SQLite::Statement q(db_, "SELECT coalesce(max(id), 0) + 1 FROM customers");
  q.executeStep();
  next_customer_ = q.getColumn(0).getInt64();
  offline_ = true;
  return true;
}

bool IdentityResolver::resolve_offline(const Idents& ids, std::optional<std::int64_t>& customer) {
  // Room for this record's identifiers, so that remember() never has to
  // reach for the database.
  if (!offline_ || known_.size() + ids.n >= cache_limit) return false;
  customer = resolve(ids);
  return true;
}

// Small hand-overs keep the writing thread busy while the reading one is,
// and leave little to write at the end.
bool IdentityResolver::writes_due() const {
  return pending_text_.size() >= offline_text_limit || new_merges_.size() >= 65536;
}

void IdentityResolver::take_writes(IdentityWrites& out) {
  // Sorted here, on the reading thread: the inserts then walk the tree once.
  const char* base = pending_text_.data();
  std::sort(pending_.begin(), pending_.end(),
            [base](const auto& a, const auto& b) { return std::strcmp(base + a.first, base + b.first) < 0; });
  for (auto& p : pending_) p.second = root(p.second);
  out.text.swap(pending_text_);
  out.idents.swap(pending_);
  out.customers.swap(new_customers_);
  out.merged.swap(new_merges_);
  for (auto& m : out.merged) m.second = root(m.second);
  pending_text_.clear();
  pending_.clear();
  new_customers_.clear();
  new_merges_.clear();
}

void IdentityResolver::apply(const IdentityWrites& w) {
  for (const auto& [id, key] : w.customers) {
    create_with_id_.reset();
    create_with_id_.bind(1, id);
    create_with_id_.bindNoCopy(2, key);
    create_with_id_.exec();
  }
  // Many rows a statement: the per-statement work is paid once for them all.
  constexpr std::size_t rows = 32;
  if (!add_many_) {
    std::string sql = "INSERT INTO identities(ident, customer) VALUES ";
    for (std::size_t k = 0; k < rows; ++k) sql += fmt::format("{}(?{},?{})", k ? "," : "", 2 * k + 1, 2 * k + 2);
    add_many_ = std::make_unique<SQLite::Statement>(db_, sql);
  }
  const char* base = w.text.data();
  std::size_t i = 0;
  for (; i + rows <= w.idents.size(); i += rows) {
    add_many_->reset();
    for (std::size_t k = 0; k < rows; ++k) {
      const int at = static_cast<int>(2 * k);
      add_many_->bindNoCopy(at + 1, base + w.idents[i + k].first);
      add_many_->bind(at + 2, w.idents[i + k].second);
    }
    add_many_->exec();
  }
  for (; i < w.idents.size(); ++i) {
    add_.reset();
    add_.bindNoCopy(1, base + w.idents[i].first);
    add_.bind(2, w.idents[i].second);
    add_.exec();
  }
  // identities and the deferred table are re-pointed at finish().
  for (const auto& [from, into] : w.merged) repoint(from, into, false);
}

void IdentityResolver::go_online() {
  if (!offline_) return;
  IdentityWrites w;
  take_writes(w);
  apply(w);
  offline_ = false;
}

void IdentityResolver::flush() {
  go_online();
  flush_pending();
  if (bulk_) {
    // Give the memory back before the index sorts need theirs.
    known_.clear();
    std::string().swap(pending_text_);
    decltype(pending_)().swap(pending_);
  }
}

void IdentityResolver::finish() {
  flush();
  // The indexes first: the merges below then find their rows through them
  // instead of reading whole tables.
  for (const auto& sql : dropped_indexes_) db_.exec(sql);
  dropped_indexes_.clear();
  if (bulk_ && !merged_.empty()) {
    db_.exec("CREATE TEMP TABLE IF NOT EXISTS triage_merged(old INTEGER PRIMARY KEY, new INTEGER NOT NULL)");
    db_.exec("DELETE FROM temp.triage_merged");
    SQLite::Statement put(db_, "INSERT INTO temp.triage_merged(old, new) VALUES (?, ?)");
    for (const auto& [from, into] : merged_) {
      put.reset();
      put.bind(1, from);
      put.bind(2, root(into));
      put.exec();
    }
    for (const std::string& table : {std::string("identities"), deferred_table_}) {
      if (table.empty()) continue;
      db_.exec(fmt::format("UPDATE {0} SET customer = (SELECT new FROM temp.triage_merged WHERE old = {0}.customer) "
                           "WHERE customer IN (SELECT old FROM temp.triage_merged)",
                           table));
    }
    db_.exec("DROP TABLE temp.triage_merged");
  }
  for (auto& id : dirty_keys_) id = root(id);
  std::sort(dirty_keys_.begin(), dirty_keys_.end());
  dirty_keys_.erase(std::unique(dirty_keys_.begin(), dirty_keys_.end()), dirty_keys_.end());
  for (const auto id : dirty_keys_) {
    if (merged_.count(id) == 0) refresh_key(id);
  }
  dirty_keys_.clear();
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
