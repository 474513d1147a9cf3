// Reading what the facts layer needs from the store: which complaints a run
// decides, and one customer's history (orders, disputes, reviews, complaints)
// loaded at once with prepared statements on the indexed columns.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "triage/core/model.hpp"

namespace triage::store {

struct OrderRow {
  std::int64_t rowid = 0;
  std::string order_id;
  Timestamp created_at = 0;
  std::int64_t total = 0;  // minor units of `currency`
  std::string currency;
  std::string payment;
  std::string status;
  OptTime shipped_at, delivered_at, returned_at;
  std::optional<std::int64_t> delivery_attempts, refunded, items;
  std::string ship_company;
  std::string tags;
};

struct DisputeRow {
  std::string order_id;
  Timestamp opened_at = 0;
  std::string status;
  std::string reason;
};

struct ReviewRow {
  int rating = 0;
  Timestamp posted_at = 0;
};

struct ComplaintRow {
  std::int64_t rowid = 0;
  std::string complaint_id;
  std::string order_id;  // as imported
  Timestamp received_at = 0;
  std::string channel, subject, message;
  std::string kind;           // as imported; empty: inferred
  std::string inferred_kind;  // the classify stage's answer ...
  std::string inferred_by;    // ... under this policy version
  OptTime first_reply_at;
  std::string status;
  std::string lang;
};

// Everything about one customer the facts of their complaints are built from.
struct CustomerHistory {
  std::optional<std::int64_t> customer;  // nullopt: a complaint that names no customer
  std::string key;                       // customers.key
  std::vector<OrderRow> orders;          // by created_at; only order_id, created_at, status,
                                         // total, currency and refunded are read (the index holds them)
  std::vector<DisputeRow> disputes;      // on those orders
  std::vector<ReviewRow> reviews;
  std::vector<ComplaintRow> complaints;  // by received_at, then complaint_id
  void clear();
};

// Which complaints `run` decides.
enum class Selection {
  pending,  // open, with no decision under the policy version
  all,      // every complaint
  one,      // the complaint named, whatever its state
};

// A complaint a walk visits: decided (and shown), or only classified so that
// later complaints count its kind.
struct Target {
  std::int64_t rowid = 0;
  std::int64_t customer = 0;  // 0: no customer known
  Timestamp received_at = 0;
  bool decide = false;
};

// A leading '#' is what customers type ("#1001") and what some exports keep.
std::string strip_hash(std::string_view order_id);

class HistoryReader {
 public:
  explicit HistoryReader(SQLite::Database& db);
  ~HistoryReader();

  // The complaints to decide under `version` (plus, except for Selection::one,
  // those with a blank kind not yet classified under it), sorted by customer
  // then received_at. Selection::one with an unknown id returns nothing.
  std::vector<Target> select(Selection selection, const std::string& version,
                             const std::string& complaint_id = {});

  // One customer's history, or (customer 0) just the complaint `rowid`.
  void load(std::int64_t customer, std::int64_t rowid, CustomerHistory& out);

  // An order by id (with or without '#'), every field; with its disputes when
  // `disputes` is given. False when unknown.
  bool find_order(const std::string& order_id, OrderRow& order, std::vector<DisputeRow>* disputes);
  // An order of a loaded history, every field, by its rowid.
  bool read_order(std::int64_t rowid, OrderRow& order);

  // From how many selected complaints on, select() reads every dispute and
  // review once into memory instead of querying them per customer (they are
  // a few percent of the orders; a small run should not read them all).
  void set_bulk_threshold(std::size_t n) { bulk_threshold_ = n; }

 private:
  void load_orphans();
  void load_bulk();
  SQLite::Database& db_;
  std::unique_ptr<SQLite::Statement> orders_, complaints_, reviews_, key_, by_rowid_,
      order_by_id_, order_by_rowid_, order_disputes_;
  // Complaints and reviews that name no customer belong to their order's
  // customer; they are few, so they are mapped once per run.
  bool orphans_loaded_ = false;
  std::unordered_multimap<std::int64_t, std::int64_t> orphan_complaints_;  // customer -> rowid
  std::unordered_multimap<std::int64_t, ReviewRow> orphan_reviews_;        // customer -> review
  // Bulk mode: every dispute by order id, every review by customer.
  std::size_t bulk_threshold_ = 20000;
  bool bulk_ = false;
  std::unique_ptr<SQLite::Statement> orders_only_;
  std::unordered_map<std::int64_t, std::vector<DisputeRow>> disputes_by_order_;  // by the order's rowid
  std::vector<std::pair<std::int64_t, ReviewRow>> reviews_by_customer_;  // sorted by customer, stable
  std::size_t reviews_at_ = 0;  // where the last customer's reviews started
  std::vector<bool> disputed_;  // by order rowid: has a dispute
};

}  // namespace triage::store
