// Upserts of the four record kinds, keyed by id, skipping unchanged rows.
#include "triage/store/upsert.hpp"

#include <sqlite3.h>

#include <SQLiteCpp/Exception.h>

#include <cstring>
#include <string>

namespace triage::store {

namespace {

class Fnv {
 public:
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) {
      h_ ^= b[i];
      h_ *= 0x100000001b3ull;
    }
  }
  Fnv& operator<<(const std::string& s) {
    bytes(s.data(), s.size());
    const unsigned char sep = 0x1f;
    bytes(&sep, 1);
    return *this;
  }
  Fnv& operator<<(std::int64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(v) >> (8 * i));
    bytes(b, 8);
    return *this;
  }
  Fnv& operator<<(const std::optional<std::int64_t>& v) {
    const unsigned char mark = v ? 1 : 0;
    bytes(&mark, 1);
    if (v) *this << *v;
    return *this;
  }
  std::int64_t value() const { return static_cast<std::int64_t>(h_); }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

// The records outlive each statement's exec, and every parameter is bound
// again for the next row, so SQLite need not copy the text.
void bind_text(SQLite::Statement& st, int i, const std::string& s) {
  if (s.empty()) st.bind(i);
  else st.bindNoCopy(i, s);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<std::int64_t>& v) {
  if (v) st.bind(i, static_cast<std::int64_t>(*v));
  else st.bind(i);
}
void bind_customer(SQLite::Statement& st, int i, const std::optional<std::int64_t>& v) { bind_opt(st, i, v); }

}  // namespace

std::int64_t row_hash(const Order& r) {
  Fnv h;
  h << std::string("o1") << r.order_id << r.customer_id << r.email << r.phone << r.created_at << r.total.minor
    << r.total.currency << r.payment_method << r.status << r.shipped_at << r.delivered_at << r.returned_at
    << r.return_reason << r.delivery_attempts << r.refunded << r.items << r.ship_name << r.ship_company
    << r.ship_street << r.ship_city << r.ship_postcode << r.ship_country << r.tags;
  return h.value();
}

std::int64_t row_hash(const Complaint& r) {
  Fnv h;
  h << std::string("c1") << r.complaint_id << r.order_id << r.customer_id << r.email << r.phone
    << r.received_at << r.channel << r.subject << r.message << r.kind << r.first_reply_at << r.status
    << r.lang;
  return h.value();
}

std::int64_t row_hash(const Dispute& r) {
  Fnv h;
  h << std::string("d1") << r.dispute_id << r.order_id << r.opened_at
    << (r.amount ? std::optional<std::int64_t>(r.amount->minor) : std::nullopt)
    << (r.amount ? r.amount->currency : std::string()) << r.reason << r.status << r.due_by;
  return h.value();
}

std::int64_t row_hash(const Review& r) {
  Fnv h;
  h << std::string("r1") << r.review_id << r.order_id << r.customer_id << r.email << r.phone
    << static_cast<std::int64_t>(r.rating) << r.text << r.posted_at << r.platform;
  return h.value();
}

namespace {
// Orders, complaints and reviews name their customer by the same three identifiers.
template <typename Record>
void prepare_identified(const Record& r, Prepared& out, const IdentityResolver* warm) {
  out.resolved = false;
  out.writes.reset();
  prepare_idents(r.customer_id, r.email, r.phone, out.ids);
  if (warm) warm->prefetch(out.ids);
  out.hash = row_hash(r);
}
}  // namespace

void prepare(const Order& r, Prepared& out, const IdentityResolver* warm) { prepare_identified(r, out, warm); }
void prepare(const Complaint& r, Prepared& out, const IdentityResolver* warm) { prepare_identified(r, out, warm); }
void prepare(const Dispute& r, Prepared& out, const IdentityResolver*) {
  out.hash = row_hash(r);
  out.resolved = false;
  out.writes.reset();
  out.ids.n = 0;
}
void prepare(const Review& r, Prepared& out, const IdentityResolver* warm) { prepare_identified(r, out, warm); }

Upserter::Upserter(SQLite::Database& db, std::int64_t import_id) : db_(db), import_id_(import_id), ids_(db) {}
Upserter::~Upserter() = default;

SQLite::Statement& Upserter::stmt(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
  if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
  slot->tryReset();
  return *slot;
}

std::optional<Upserter::Stored> Upserter::stored(std::unique_ptr<SQLite::Statement>& slot, const char* sql,
                                                  const std::string& id) {
  auto& st = stmt(slot, sql);
  st.bind(1, id);
  std::optional<Stored> out;
  if (st.executeStep()) {
    out = Stored{st.getColumn(0).getInt64(), st.getColumn(1).isNull() ? -1 : st.getColumn(1).getInt64()};
  }
  st.reset();
  return out;
}

std::optional<Outcome> Upserter::skip(const std::optional<Stored>& old, std::int64_t hash) const {
  if (!old || old->hash != hash) return std::nullopt;
  return old->import_id == import_id_ ? Outcome::duplicate : Outcome::unchanged;
}

Outcome Upserter::written(const std::optional<Stored>& old) const {
  if (!old) return Outcome::inserted;
  return old->import_id == import_id_ ? Outcome::duplicate : Outcome::updated;
}

void Upserter::start_bulk(RecordKind kind, bool fresh) {
  const std::string table = to_string(kind);
  {
    SQLite::Statement q(db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                             "AND sql IS NOT NULL ORDER BY name");
    q.bind(1, table);
    std::vector<std::string> names;
    while (q.executeStep()) {
      std::string sql = q.getColumn(1).getString();
      // A unique index decides insert or update; it can go only while every row is this import's.
      if (sql.rfind("CREATE UNIQUE", 0) == 0) {
        // Kept while ids come in ascending order (inserts then append to it).
        if (fresh && kind == RecordKind::orders && unique_sql_.empty()) {
          unique_name_ = q.getColumn(0).getString();
          unique_sql_ = std::move(sql);
        }
        continue;
      } else {
        dropped_indexes_.push_back(std::move(sql));
      }
      names.push_back(q.getColumn(0).getString());
    }
    q.reset();
    for (const auto& name : names) db_.exec("DROP INDEX \"" + name + "\"");
  }
  ids_.start_bulk(kind == RecordKind::disputes ? std::string() : table);
  bulk_ = true;
  fresh_ = !unique_sql_.empty();
  unique_dropped_ = false;
  last_id_.clear();
  // Inserts now mostly append, so a smaller page cache costs little and leaves
  // room for the identifiers held in memory (and for the index sorts at the end).
  db_.exec("PRAGMA cache_size = -16384");
  // One helper thread for the index sorts at finish(), when the reading
  // thread is done (more helpers only cost memory and CPU: measured).
  db_.exec("PRAGMA threads = 1");
}

std::int64_t Upserter::finish() {
  flush_rows();
  ids_.flush();
  std::int64_t replaced = 0;
  if (unique_dropped_) {
    // Every row is this import's, so an id found twice came twice in the file:
    // the later row wins, as it would have by an update.
    try {
      db_.exec(unique_sql_);
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT) throw;
      db_.exec("CREATE INDEX triage_fresh_ids ON orders(order_id)");
      replaced = db_.exec(
          "DELETE FROM orders WHERE EXISTS (SELECT 1 FROM orders l WHERE l.order_id = orders.order_id "
          "AND l.rowid > orders.rowid)");
      db_.exec("DROP INDEX triage_fresh_ids");
      db_.exec(unique_sql_);
    }
  }
  unique_sql_.clear();
  unique_dropped_ = false;
  for (const auto& sql : dropped_indexes_) db_.exec(sql);
  dropped_indexes_.clear();
  // Merges re-point this table's rows through its customer index, rebuilt above.
  ids_.finish();
  fresh_ = false;
  return replaced;
}

namespace {

constexpr const char* order_columns =
    "INSERT INTO orders(order_id, customer, customer_id, email, phone, created_at, total, currency, "
    "payment_method, status, shipped_at, delivered_at, returned_at, return_reason, "
    "delivery_attempts, refunded, items, ship_name, ship_company, ship_street, ship_city, "
    "ship_postcode, ship_country, tags, row_hash, import_id) "
    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)";

void bind_order(SQLite::Statement& st, const Order& r, const std::optional<std::int64_t>& customer,
                std::int64_t hash, std::int64_t import_id, int at = 0) {
  st.bindNoCopy(at + 1, r.order_id);
  bind_customer(st, at + 2, customer);
  bind_text(st, at + 3, r.customer_id);
  bind_text(st, at + 4, r.email);
  bind_text(st, at + 5, r.phone);
  st.bind(at + 6, static_cast<std::int64_t>(r.created_at));
  st.bind(at + 7, static_cast<std::int64_t>(r.total.minor));
  st.bindNoCopy(at + 8, r.total.currency);
  bind_text(st, at + 9, r.payment_method);
  bind_text(st, at + 10, r.status);
  bind_opt(st, at + 11, r.shipped_at);
  bind_opt(st, at + 12, r.delivered_at);
  bind_opt(st, at + 13, r.returned_at);
  bind_text(st, at + 14, r.return_reason);
  bind_opt(st, at + 15, r.delivery_attempts);
  bind_opt(st, at + 16, r.refunded);
  bind_opt(st, at + 17, r.items);
  bind_text(st, at + 18, r.ship_name);
  bind_text(st, at + 19, r.ship_company);
  bind_text(st, at + 20, r.ship_street);
  bind_text(st, at + 21, r.ship_city);
  bind_text(st, at + 22, r.ship_postcode);
  bind_text(st, at + 23, r.ship_country);
  bind_text(st, at + 24, r.tags);
  st.bind(at + 25, hash);
  st.bind(at + 26, import_id);
}

bool is_duplicate_key(const SQLite::Exception& e) {
  // Any other constraint failure fails again, with its own message, on the upsert path.
  return (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT;
}

}  // namespace

namespace {

constexpr int order_params = 26;

// order_columns for Upserter::kRows rows in one statement.
std::string multi_row_sql() {
  const std::string one(order_columns);
  std::string sql = one.substr(0, one.find(" VALUES ")) + " VALUES ";
  for (std::size_t k = 0; k < Upserter::kRows; ++k) {
    sql += k ? ",(" : "(";
    for (int i = 1; i <= order_params; ++i) {
      sql += (i > 1 ? ",?" : "?") + std::to_string(static_cast<int>(k) * order_params + i);
    }
    sql += ")";
  }
  return sql;
}

}  // namespace

void Upserter::flush_rows() {
  if (nrows_ == 0) return;
  if (nrows_ == kRows) {
    static const std::string sql = multi_row_sql();
    auto& st = stmt(order_multi_, sql.c_str());
    for (std::size_t k = 0; k < kRows; ++k) {
      bind_order(st, *rows_[k].r, rows_[k].customer, rows_[k].hash, import_id_, static_cast<int>(k) * order_params);
    }
    st.exec();
  } else {
    for (std::size_t k = 0; k < nrows_; ++k) {
      auto& st = stmt(order_insert_, order_columns);
      bind_order(st, *rows_[k].r, rows_[k].customer, rows_[k].hash, import_id_);
      st.exec();
    }
  }
  nrows_ = 0;
}

Outcome Upserter::put(const Order& r, const Prepared& p) {
  if (p.writes) ids_.apply(*p.writes);
  if (!p.resolved) ids_.go_online();
  const std::int64_t hash = p.hash;
  if (bulk_) {
    // Most rows of a bulk import are new: insert first, look up only on a clash.
    // A row that cannot clash is held for a multi-row insert: any row once the
    // unique index is gone (duplicates are settled at finish()), else one whose
    // id is above every id so far.
    bool hold = false;
    if (fresh_ && !unique_dropped_) {
      // Ids out of order would make every insert into the unique index a
      // random one: from here on it is built once at finish() instead.
      if (!last_id_.empty() && r.order_id < last_id_) {
        db_.exec("DROP INDEX \"" + unique_name_ + "\"");
        unique_dropped_ = true;
      } else if (last_id_.empty() || r.order_id > last_id_) {
        last_id_ = r.order_id;
        hold = true;
      }
    }
    hold = hold || unique_dropped_;
    const auto customer = p.resolved ? p.customer : ids_.resolve(p.ids);
    if (hold) {
      rows_[nrows_++] = HeldRow{&r, customer, hash};
      if (nrows_ == kRows) flush_rows();
      return Outcome::inserted;
    }
    flush_rows();  // rows keep the file's order
    auto& ins = stmt(order_insert_, order_columns);
    bind_order(ins, r, customer, hash, import_id_);
    try {
      ins.exec();
      return Outcome::inserted;
    } catch (const SQLite::Exception& e) {
      ins.tryReset();  // reset() would throw the step's error again
      // Fresh: no unique index, so this is no clash but a real failure.
      if (unique_dropped_ || !is_duplicate_key(e)) throw;
    }
  }
  const auto old = stored(order_hash_, "SELECT row_hash, import_id FROM orders WHERE order_id = ?", r.order_id);
  if (const auto same = skip(old, hash)) return *same;
  const auto customer = ids_.resolve(p.ids);
  auto& st = stmt(order_put_,
                  (std::string(order_columns) +
                   " ON CONFLICT(order_id) DO UPDATE SET customer=excluded.customer, customer_id=excluded.customer_id, "
                   "email=excluded.email, phone=excluded.phone, created_at=excluded.created_at, "
                   "total=excluded.total, currency=excluded.currency, payment_method=excluded.payment_method, "
                   "status=excluded.status, shipped_at=excluded.shipped_at, delivered_at=excluded.delivered_at, "
                   "returned_at=excluded.returned_at, return_reason=excluded.return_reason, "
                   "delivery_attempts=excluded.delivery_attempts, refunded=excluded.refunded, items=excluded.items, "
                   "ship_name=excluded.ship_name, ship_company=excluded.ship_company, "
                   "ship_street=excluded.ship_street, ship_city=excluded.ship_city, "
                   "ship_postcode=excluded.ship_postcode, ship_country=excluded.ship_country, tags=excluded.tags, "
                   "row_hash=excluded.row_hash, import_id=excluded.import_id")
                      .c_str());
  bind_order(st, r, customer, hash, import_id_);
  st.exec();
  return written(old);
}

Outcome Upserter::put(const Complaint& r, const Prepared& p) {
  if (p.writes) ids_.apply(*p.writes);
  if (!p.resolved) ids_.go_online();
  const std::int64_t hash = p.hash;
  const auto old = stored(complaint_hash_, "SELECT row_hash, import_id FROM complaints WHERE complaint_id = ?", r.complaint_id);
  if (const auto same = skip(old, hash)) return *same;
  const auto customer = ids_.resolve(p.ids);
  // A changed text or kind makes the classify stage's earlier answer stale.
  auto& st = stmt(complaint_put_,
                  "INSERT INTO complaints(complaint_id, order_id, customer, customer_id, email, phone, received_at, "
                  "channel, subject, message, kind, first_reply_at, status, lang, row_hash, import_id) "
                  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16) "
                  "ON CONFLICT(complaint_id) DO UPDATE SET order_id=excluded.order_id, customer=excluded.customer, "
                  "customer_id=excluded.customer_id, email=excluded.email, phone=excluded.phone, "
                  "received_at=excluded.received_at, channel=excluded.channel, "
                  "inferred_kind=CASE WHEN subject IS excluded.subject AND message IS excluded.message AND "
                  "kind IS excluded.kind THEN inferred_kind END, "
                  "inferred_by=CASE WHEN subject IS excluded.subject AND message IS excluded.message AND "
                  "kind IS excluded.kind THEN inferred_by END, "
                  "subject=excluded.subject, message=excluded.message, kind=excluded.kind, "
                  "first_reply_at=excluded.first_reply_at, status=excluded.status, lang=excluded.lang, "
                  "row_hash=excluded.row_hash, import_id=excluded.import_id");
  st.bindNoCopy(1, r.complaint_id);
  bind_text(st, 2, r.order_id);
  bind_customer(st, 3, customer);
  bind_text(st, 4, r.customer_id);
  bind_text(st, 5, r.email);
  bind_text(st, 6, r.phone);
  st.bind(7, static_cast<std::int64_t>(r.received_at));
  bind_text(st, 8, r.channel);
  bind_text(st, 9, r.subject);
  bind_text(st, 10, r.message);
  bind_text(st, 11, r.kind);
  bind_opt(st, 12, r.first_reply_at);
  bind_text(st, 13, r.status);
  bind_text(st, 14, r.lang);
  st.bind(15, static_cast<std::int64_t>(hash));
  st.bind(16, static_cast<std::int64_t>(import_id_));
  st.exec();
  return written(old);
}

Outcome Upserter::put(const Dispute& r, const Prepared& p) {
  if (p.writes) ids_.apply(*p.writes);
  if (!p.resolved) ids_.go_online();
  const std::int64_t hash = p.hash;
  const auto old = stored(dispute_hash_, "SELECT row_hash, import_id FROM disputes WHERE dispute_id = ?", r.dispute_id);
  if (const auto same = skip(old, hash)) return *same;
  auto& st = stmt(dispute_put_,
                  "INSERT INTO disputes(dispute_id, order_id, opened_at, amount, currency, reason, status, due_by, "
                  "row_hash, import_id) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) "
                  "ON CONFLICT(dispute_id) DO UPDATE SET order_id=excluded.order_id, opened_at=excluded.opened_at, "
                  "amount=excluded.amount, currency=excluded.currency, reason=excluded.reason, "
                  "status=excluded.status, due_by=excluded.due_by, row_hash=excluded.row_hash, "
                  "import_id=excluded.import_id");
  st.bindNoCopy(1, r.dispute_id);
  bind_text(st, 2, r.order_id);
  st.bind(3, static_cast<std::int64_t>(r.opened_at));
  bind_opt(st, 4, r.amount ? std::optional<std::int64_t>(r.amount->minor) : std::nullopt);
  if (r.amount) bind_text(st, 5, r.amount->currency);  // not a temporary: bound without a copy
  else st.bind(5);
  bind_text(st, 6, r.reason);
  bind_text(st, 7, r.status);
  bind_opt(st, 8, r.due_by);
  st.bind(9, static_cast<std::int64_t>(hash));
  st.bind(10, static_cast<std::int64_t>(import_id_));
  st.exec();
  return written(old);
}

Outcome Upserter::put(const Review& r, const Prepared& p) {
  if (p.writes) ids_.apply(*p.writes);
  if (!p.resolved) ids_.go_online();
  const std::int64_t hash = p.hash;
  const auto old = stored(review_hash_, "SELECT row_hash, import_id FROM reviews WHERE review_id = ?", r.review_id);
  if (const auto same = skip(old, hash)) return *same;
  const auto customer = ids_.resolve(p.ids);
  auto& st = stmt(review_put_,
                  "INSERT INTO reviews(review_id, order_id, customer, customer_id, email, phone, rating, text, "
                  "posted_at, platform, row_hash, import_id) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12) "
                  "ON CONFLICT(review_id) DO UPDATE SET order_id=excluded.order_id, customer=excluded.customer, "
                  "customer_id=excluded.customer_id, email=excluded.email, phone=excluded.phone, "
                  "rating=excluded.rating, text=excluded.text, posted_at=excluded.posted_at, "
                  "platform=excluded.platform, row_hash=excluded.row_hash, import_id=excluded.import_id");
  st.bindNoCopy(1, r.review_id);
  bind_text(st, 2, r.order_id);
  bind_customer(st, 3, customer);
  bind_text(st, 4, r.customer_id);
  bind_text(st, 5, r.email);
  bind_text(st, 6, r.phone);
  st.bind(7, r.rating);
  bind_text(st, 8, r.text);
  st.bind(9, static_cast<std::int64_t>(r.posted_at));
  bind_text(st, 10, r.platform);
  st.bind(11, static_cast<std::int64_t>(hash));
  st.bind(12, static_cast<std::int64_t>(import_id_));
  st.exec();
  return written(old);
}

}  // namespace triage::store
