// The read side of the store for `run` and `explain`: selecting complaints and
// loading one customer's history with a handful of indexed queries.
#include "triage/store/queries.hpp"

#include <algorithm>
#include <iterator>

namespace triage::store {

namespace {

std::string text(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  return c.isNull() ? std::string() : c.getString();
}

OptTime opt_time(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  return c.isNull() ? OptTime() : OptTime(c.getInt64());
}

std::optional<std::int64_t> opt_int(SQLite::Statement& q, int i) {
  const auto c = q.getColumn(i);
  return c.isNull() ? std::optional<std::int64_t>() : std::optional<std::int64_t>(c.getInt64());
}

constexpr const char* kOrderColumns =
    "o.rowid, o.order_id, o.created_at, o.total, o.currency, o.payment_method, o.status, o.shipped_at, "
    "o.delivered_at, o.returned_at, o.delivery_attempts, o.refunded, o.items, o.ship_company, o.tags";

void read_order_row(SQLite::Statement& q, OrderRow& o) {
  o.rowid = q.getColumn(0).getInt64();
  o.order_id = text(q, 1);
  o.created_at = q.getColumn(2).getInt64();
  o.total = q.getColumn(3).getInt64();
  o.currency = text(q, 4);
  o.payment = text(q, 5);
  o.status = text(q, 6);
  o.shipped_at = opt_time(q, 7);
  o.delivered_at = opt_time(q, 8);
  o.returned_at = opt_time(q, 9);
  o.delivery_attempts = opt_int(q, 10);
  o.refunded = opt_int(q, 11);
  o.items = opt_int(q, 12);
  o.ship_company = text(q, 13);
  o.tags = text(q, 14);
}

constexpr const char* kComplaintColumns =
    "rowid, complaint_id, order_id, received_at, channel, subject, message, kind, inferred_kind, "
    "inferred_by, first_reply_at, status, lang";

void read_complaint(SQLite::Statement& q, ComplaintRow& c) {
  c.rowid = q.getColumn(0).getInt64();
  c.complaint_id = text(q, 1);
  c.order_id = text(q, 2);
  c.received_at = q.getColumn(3).getInt64();
  c.channel = text(q, 4);
  c.subject = text(q, 5);
  c.message = text(q, 6);
  c.kind = text(q, 7);
  c.inferred_kind = text(q, 8);
  c.inferred_by = text(q, 9);
  c.first_reply_at = opt_time(q, 10);
  c.status = text(q, 11);
  c.lang = text(q, 12);
}

// The customer of a complaint that names none: its order's. Imports keep
// order ids without the '#' customers type ("#1001"); a complaint row written
// by other means may still carry it.
constexpr const char* kOrderCustomerOf =
    "(SELECT o.customer FROM orders o WHERE o.order_id = ltrim(c.order_id, '#'))";

std::unique_ptr<SQLite::Statement> prepare(SQLite::Database& db, const std::string& sql) {
  return std::make_unique<SQLite::Statement>(db, sql);
}

// An order of a customer's history from the columns order_id, created_at,
// status, total, currency, refunded (0-5) and its rowid at `rowid_col`.
void read_history_order(SQLite::Statement& q, int rowid_col, OrderRow& o) {
  o.order_id = text(q, 0);
  o.created_at = q.getColumn(1).getInt64();
  o.status = text(q, 2);
  o.total = q.getColumn(3).getInt64();
  o.currency = text(q, 4);
  o.refunded = opt_int(q, 5);
  o.rowid = q.getColumn(rowid_col).getInt64();
}

}  // namespace

void CustomerHistory::clear() {
  customer.reset();
  key.clear();
  orders.clear();
  disputes.clear();
  reviews.clear();
  complaints.clear();
}

std::string strip_hash(std::string_view order_id) {
  while (!order_id.empty() && order_id.front() == '#') order_id.remove_prefix(1);
  return std::string(order_id);
}

HistoryReader::HistoryReader(SQLite::Database& db) : db_(db) {
  // Orders with their disputes in one pass, from the orders_customer index
  // alone (it holds these columns): no visit to the table per order.
  orders_ = prepare(db,
                    "SELECT o.order_id, o.created_at, o.status, o.total, o.currency, o.refunded, "
                    "d.opened_at, d.status, d.reason, o.rowid FROM orders o "
                    "LEFT JOIN disputes d ON d.order_id = o.order_id "
                    "WHERE o.customer = ? ORDER BY o.created_at");
  complaints_ = prepare(db, std::string("SELECT ") + kComplaintColumns +
                                " FROM complaints WHERE customer = ? ORDER BY received_at");
  reviews_ = prepare(db, "SELECT rating, posted_at FROM reviews WHERE customer = ?");
  key_ = prepare(db, "SELECT key FROM customers WHERE id = ?");
  by_rowid_ = prepare(db, std::string("SELECT ") + kComplaintColumns + " FROM complaints WHERE rowid = ?");
  order_by_id_ = prepare(db, std::string("SELECT ") + kOrderColumns +
                                 " FROM orders o WHERE o.order_id = ?1");
  order_by_rowid_ = prepare(db, std::string("SELECT ") + kOrderColumns + " FROM orders o WHERE o.rowid = ?1");
  order_disputes_ = prepare(db,
                            "SELECT d.order_id, d.opened_at, d.status, d.reason FROM disputes d "
                            "WHERE d.order_id = ?1 ORDER BY d.opened_at, d.dispute_id");
}

HistoryReader::~HistoryReader() = default;

std::vector<Target> HistoryReader::select(Selection selection, const std::string& version,
                                          const std::string& complaint_id) {
  const std::string customer = std::string("COALESCE(c.customer, ") + kOrderCustomerOf + ")";
  const std::string unclassified =
      "((c.kind IS NULL OR c.kind = '') AND (c.inferred_by IS NULL OR c.inferred_by <> ?1))";
  std::string sql;
  switch (selection) {
    case Selection::pending: {
      // A plain filter over the covering complaints_triage index: the
      // customer (a lookup in orders for complaints that name none) is worked
      // out only for the rows selected. (As a subquery in FROM, SQLite worked
      // it out for every complaint: six times slower on 200,000.)
      const std::string decide =
          "((c.status IS NULL OR c.status NOT IN ('closed', 'resolved')) AND NOT EXISTS "
          "(SELECT 1 FROM decisions d WHERE d.policy_version = ?1 AND d.complaint_id = c.complaint_id))";
      sql = "SELECT c.rowid, " + customer + ", c.received_at, " + decide + " FROM complaints c WHERE " + decide +
            " OR " + unclassified;
      break;
    }
    case Selection::all:
      sql = "SELECT c.rowid, " + customer + ", c.received_at, 1 FROM complaints c WHERE ?1 IS NOT NULL";
      break;
    case Selection::one:
      sql = "SELECT c.rowid, " + customer + ", c.received_at, 1 FROM complaints c WHERE ?1 IS NOT NULL "
            "AND c.complaint_id = ?2";
      break;
  }
  SQLite::Statement q(db_, sql);
  q.bind(1, version);
  if (selection == Selection::one) q.bind(2, complaint_id);
  std::vector<Target> out;
  while (q.executeStep()) {
    Target t;
    t.rowid = q.getColumn(0).getInt64();
    t.customer = q.getColumn(1).isNull() ? 0 : q.getColumn(1).getInt64();
    t.received_at = q.getColumn(2).getInt64();
    t.decide = q.getColumn(3).getInt() != 0;
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const Target& a, const Target& b) {
    if (a.customer != b.customer) return a.customer < b.customer;
    if (a.received_at != b.received_at) return a.received_at < b.received_at;
    return a.rowid < b.rowid;
  });
  if (!bulk_ && out.size() >= bulk_threshold_) load_bulk();
  return out;
}

void HistoryReader::load_bulk() {
  bulk_ = true;
  // In the order the per-customer join meets them: by order, then opened_at
  // (the disputes_order index), ties by rowid.
  // Keyed by the order's rowid, which the customer's orders carry: no
  // string hashing per order.
  {
    SQLite::Statement q(db_,
                        "SELECT o.rowid, d.order_id, d.opened_at, d.status, d.reason FROM disputes d "
                        "JOIN orders o ON o.order_id = d.order_id ORDER BY d.order_id, d.opened_at, d.rowid");
    while (q.executeStep())
      disputes_by_order_[q.getColumn(0).getInt64()].push_back(
          DisputeRow{text(q, 1), q.getColumn(2).getInt64(), text(q, 3), text(q, 4)});
    // One bit per order rowid answers "any dispute?" from the cache; the map
    // (a cache miss or two) is asked only for the few orders that have one.
    std::int64_t top = -1;
    for (const auto& [rowid, list] : disputes_by_order_) top = std::max(top, rowid);
    disputed_.assign(static_cast<std::size_t>(top + 1), false);
    for (const auto& [rowid, list] : disputes_by_order_)
      if (rowid >= 0) disputed_[static_cast<std::size_t>(rowid)] = true;
  }
  // In the order the per-customer query meets them: posted_at, then rowid.
  {
    SQLite::Statement q(db_,
                        "SELECT r.customer, r.rating, r.posted_at FROM reviews r WHERE r.customer IS NOT NULL "
                        "ORDER BY r.customer, r.posted_at, r.rowid");
    while (q.executeStep())
      reviews_by_customer_.emplace_back(q.getColumn(0).getInt64(),
                                        ReviewRow{q.getColumn(1).getInt(), q.getColumn(2).getInt64()});
  }
  orders_only_ = prepare(db_,
                         "SELECT o.order_id, o.created_at, o.status, o.total, o.currency, o.refunded, o.rowid "
                         "FROM orders o WHERE o.customer = ? ORDER BY o.created_at");
}

void HistoryReader::load_orphans() {
  orphans_loaded_ = true;
  {
    SQLite::Statement q(db_, std::string("SELECT c.rowid, ") + kOrderCustomerOf +
                                 " FROM complaints c WHERE c.customer IS NULL");
    while (q.executeStep())
      if (!q.getColumn(1).isNull())
        orphan_complaints_.emplace(q.getColumn(1).getInt64(), q.getColumn(0).getInt64());
  }
  {
    SQLite::Statement q(db_,
                        "SELECT r.rating, r.posted_at, (SELECT o.customer FROM orders o WHERE o.order_id = "
                        "ltrim(r.order_id, '#')) FROM reviews r WHERE r.customer IS NULL");
    while (q.executeStep())
      if (!q.getColumn(2).isNull())
        orphan_reviews_.emplace(q.getColumn(2).getInt64(),
                                ReviewRow{q.getColumn(0).getInt(), q.getColumn(1).getInt64()});
  }
}

void HistoryReader::load(std::int64_t customer, std::int64_t rowid, CustomerHistory& out) {
  out.clear();
  if (customer == 0) {
    auto& q = *by_rowid_;
    q.reset();
    q.bind(1, rowid);
    if (q.executeStep()) {
      out.complaints.emplace_back();
      read_complaint(q, out.complaints.back());
    }
    q.reset();
    return;
  }
  if (!orphans_loaded_) load_orphans();
  out.customer = customer;
  {
    auto& q = *key_;
    q.reset();
    q.bind(1, customer);
    if (q.executeStep()) out.key = text(q, 0);
    q.reset();
  }
  if (bulk_) {
    auto& q = *orders_only_;
    q.reset();
    q.bind(1, customer);
    while (q.executeStep()) {
      auto& o = out.orders.emplace_back();
      read_history_order(q, 6, o);
      if (o.rowid >= 0 && static_cast<std::uint64_t>(o.rowid) < disputed_.size() &&
          disputed_[static_cast<std::size_t>(o.rowid)]) {
        const auto it = disputes_by_order_.find(o.rowid);
        if (it != disputes_by_order_.end()) out.disputes.insert(out.disputes.end(), it->second.begin(), it->second.end());
      }
    }
    q.reset();
    std::stable_sort(out.disputes.begin(), out.disputes.end(),
                     [](const DisputeRow& a, const DisputeRow& b) { return a.opened_at < b.opened_at; });
  } else {
    auto& q = *orders_;
    q.reset();
    q.bind(1, customer);
    while (q.executeStep()) {
      // An order with several disputes comes once per dispute.
      if (out.orders.empty() || out.orders.back().order_id != q.getColumn(0).getText()) {
        read_history_order(q, 9, out.orders.emplace_back());
      }
      if (!q.getColumn(6).isNull())
        out.disputes.push_back(
            DisputeRow{out.orders.back().order_id, q.getColumn(6).getInt64(), text(q, 7), text(q, 8)});
    }
    q.reset();
    std::stable_sort(out.disputes.begin(), out.disputes.end(),
              [](const DisputeRow& a, const DisputeRow& b) { return a.opened_at < b.opened_at; });
  }
  if (bulk_) {
    // A walk loads customers in ascending order: carry on from the last one
    // rather than searching the whole list each time.
    auto it = reviews_by_customer_.begin() + static_cast<std::ptrdiff_t>(reviews_at_);
    if (it != reviews_by_customer_.begin() && std::prev(it)->first >= customer) it = reviews_by_customer_.begin();
    while (it != reviews_by_customer_.end() && it->first < customer) ++it;
    reviews_at_ = static_cast<std::size_t>(it - reviews_by_customer_.begin());
    for (; it != reviews_by_customer_.end() && it->first == customer; ++it) out.reviews.push_back(it->second);
  } else {
    auto& q = *reviews_;
    q.reset();
    q.bind(1, customer);
    while (q.executeStep()) out.reviews.push_back(ReviewRow{q.getColumn(0).getInt(), q.getColumn(1).getInt64()});
    q.reset();
  }
  {
    const auto [from, to] = orphan_reviews_.equal_range(customer);
    for (auto it = from; it != to; ++it) out.reviews.push_back(it->second);
  }
  {
    auto& q = *complaints_;
    q.reset();
    q.bind(1, customer);
    while (q.executeStep()) {
      out.complaints.emplace_back();
      read_complaint(q, out.complaints.back());
    }
    q.reset();
    const auto [from, to] = orphan_complaints_.equal_range(customer);
    for (auto it = from; it != to; ++it) {
      auto& r = *by_rowid_;
      r.reset();
      r.bind(1, it->second);
      if (r.executeStep()) {
        out.complaints.emplace_back();
        read_complaint(r, out.complaints.back());
      }
      r.reset();
    }
    // Sorting here rather than in SQL spares a sorter per customer.
    std::sort(out.complaints.begin(), out.complaints.end(), [](const ComplaintRow& a, const ComplaintRow& b) {
      if (a.received_at != b.received_at) return a.received_at < b.received_at;
      return a.complaint_id < b.complaint_id;
    });
  }
}

bool HistoryReader::find_order(const std::string& order_id, OrderRow& order, std::vector<DisputeRow>* disputes) {
  if (disputes) disputes->clear();
  if (order_id.empty()) return false;
  const std::string bare = strip_hash(order_id);
  auto& q = *order_by_id_;
  q.reset();
  q.bind(1, bare);
  const bool found = q.executeStep();
  if (found) read_order_row(q, order);
  q.reset();
  if (!found || !disputes) return found;
  auto& d = *order_disputes_;
  d.reset();
  d.bind(1, order.order_id);
  while (d.executeStep())
    disputes->push_back(DisputeRow{order.order_id, d.getColumn(1).getInt64(), text(d, 2), text(d, 3)});
  d.reset();
  return true;
}

bool HistoryReader::read_order(std::int64_t rowid, OrderRow& order) {
  auto& q = *order_by_rowid_;
  q.reset();
  q.bind(1, rowid);
  const bool found = q.executeStep();
  if (found) read_order_row(q, order);
  q.reset();
  return found;
}

}  // namespace triage::store
