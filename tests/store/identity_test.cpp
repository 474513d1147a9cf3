// Identity resolution and the upsert path: one customer per shared
// identifier, merges into the older customer, unchanged rows left alone.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <SQLiteCpp/Statement.h>
#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "triage/store/db.hpp"
#include "triage/store/upsert.hpp"

using namespace triage;

namespace {

std::int64_t scalar(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement q(db, sql);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getInt64();
}

Order order(const std::string& id, const std::string& email, const std::string& phone, std::string cust = "") {
  Order o;
  o.order_id = id;
  o.email = email;
  o.phone = phone;
  o.customer_id = std::move(cust);
  o.created_at = 1790000000;
  o.total = Money{10000, "PLN"};
  o.status = "delivered";
  return o;
}

}  // namespace

TEST_CASE("records sharing an identifier are one customer, across kinds", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    CHECK(up.put(order("1001", "anna@example.pl", "")) == store::Outcome::inserted);
    CHECK(up.put(order("PL-1", "anna@example.pl", "+48601234567", "K-1")) == store::Outcome::inserted);
    Complaint c;
    c.complaint_id = "C-1";
    c.phone = "+48601234567";
    c.received_at = 1790000100;
    CHECK(up.put(c) == store::Outcome::inserted);
    Complaint anonymous;
    anonymous.complaint_id = "C-2";
    anonymous.order_id = "1001";
    anonymous.received_at = 1790000200;
    up.put(anonymous);
    up.finish();
  });
  CHECK(scalar(*db, "SELECT count(*) FROM customers") == 1);
  CHECK(scalar(*db, "SELECT count(DISTINCT customer) FROM orders") == 1);
  CHECK(scalar(*db, "SELECT customer FROM complaints WHERE complaint_id = 'C-1'") ==
        scalar(*db, "SELECT customer FROM orders WHERE order_id = '1001'"));
  CHECK(scalar(*db, "SELECT customer IS NULL FROM complaints WHERE complaint_id = 'C-2'") == 1);
  // The key people see is the customer_id once one is known.
  SQLite::Statement key(*db, "SELECT key FROM customers");
  REQUIRE(key.executeStep());
  CHECK(key.getColumn(0).getString() == "K-1");
}

TEST_CASE("a record linking two customers merges them into the older", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.put(order("1", "a@example.com", ""));
    up.put(order("2", "", "+48600100200"));
    Review r;
    r.review_id = "R-1";
    r.phone = "+48600100200";
    r.rating = 1;
    r.posted_at = 1790000000;
    up.put(r);
    CHECK(scalar(*db, "SELECT count(*) FROM customers") == 2);
    up.put(order("3", "a@example.com", "+48600100200"));
    CHECK(up.identities().merges() == 1);
    up.finish();
  });
  CHECK(scalar(*db, "SELECT count(*) FROM customers") == 1);
  CHECK(scalar(*db, "SELECT min(id) FROM customers") == 1);
  CHECK(scalar(*db, "SELECT count(*) FROM orders WHERE customer = 1") == 3);
  CHECK(scalar(*db, "SELECT customer FROM reviews") == 1);
  CHECK(scalar(*db, "SELECT count(*) FROM identities WHERE customer <> 1") == 0);
}

TEST_CASE("upserts: unchanged rows are not written, changed rows are updated", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    auto o = order("1", "a@example.com", "");
    store::Upserter first(*db, 1);
    CHECK(first.put(o) == store::Outcome::inserted);
    CHECK(first.put(o) == store::Outcome::duplicate);  // twice in one import
    first.finish();
    store::Upserter second(*db, 2);  // the next import
    CHECK(second.put(o) == store::Outcome::unchanged);
    o.status = "returned";
    CHECK(second.put(o) == store::Outcome::updated);
    second.finish();
  });
  CHECK(scalar(*db, "SELECT count(*) FROM orders") == 1);
  SQLite::Statement q(*db, "SELECT status FROM orders");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "returned");
}

TEST_CASE("row hashes are stable and see every field", "[identity]") {
  auto a = order("1", "a@example.com", "");
  // A fixed value: a change here would rewrite every row of every database.
  CHECK(store::row_hash(a) == store::row_hash(order("1", "a@example.com", "")));
  auto b = a;
  b.items = 0;
  CHECK(store::row_hash(a) != store::row_hash(b));
  b = a;
  b.tags = "x";
  CHECK(store::row_hash(a) != store::row_hash(b));
}

TEST_CASE("bulk mode: identifiers in memory, merges and indexes applied at finish", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.put(order("0", "old@example.com", "+48600100300"));  // before bulk mode: in the database
    up.start_bulk(RecordKind::orders);
    up.put(order("1", "a@example.com", ""));
    up.put(order("2", "", "+48600100200"));
    up.put(order("3", "a@example.com", "+48600100200"));  // merges 1's and 2's customers
    up.put(order("4", "", "+48600100300"));                // finds the customer from before bulk mode
    CHECK(up.put(order("4", "", "+48600100300")) == store::Outcome::duplicate);
    up.finish();
  });
  CHECK(scalar(*db, "SELECT count(*) FROM customers") == 2);
  CHECK(scalar(*db, "SELECT count(DISTINCT customer) FROM orders WHERE order_id IN ('1', '2', '3')") == 1);
  CHECK(scalar(*db, "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer") == 5);
  CHECK(scalar(*db, "SELECT count(*) FROM identities i JOIN customers c ON c.id = i.customer") == 4);
  CHECK(scalar(*db, "SELECT customer FROM orders WHERE order_id = '4'") ==
        scalar(*db, "SELECT customer FROM orders WHERE order_id = '0'"));
  // The dropped indexes are back.
  CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name IN ('orders_customer', 'identities_customer')") == 2);
  {
    SQLite::Statement fk(*db, "PRAGMA foreign_key_check");
    CHECK_FALSE(fk.executeStep());
  }
}

TEST_CASE("fresh bulk mode: rows appended without the id index, a later duplicate replaces the earlier",
          "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  std::int64_t replaced = -1;
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.put(order("1", "a@example.com", ""));  // before bulk mode, through the unique index
    up.start_bulk(RecordKind::orders, true);
    CHECK(up.put(order("2", "b@example.com", "")) == store::Outcome::inserted);
    // Kept while the ids ascend ...
    CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'orders_order_id'") == 1);
    auto later = order("1", "a@example.com", "");
    later.status = "returned";
    CHECK(up.put(later) == store::Outcome::inserted);  // found out at finish()
    // ... and dropped at the first id out of order.
    CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'orders_order_id'") == 0);
    CHECK(up.put(order("2", "b@example.com", "")) == store::Outcome::inserted);
    CHECK(up.put(order("3", "c@example.com", "")) == store::Outcome::inserted);
    replaced = up.finish();
  });
  CHECK(replaced == 2);
  CHECK(scalar(*db, "SELECT count(*) FROM orders") == 3);
  CHECK(scalar(*db, "SELECT count(*) FROM orders WHERE order_id = '1' AND status = 'returned'") == 1);
  CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name IN ('orders_order_id', 'orders_customer')") == 2);
  CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'triage_fresh_ids'") == 0);
  // The unique index is back: a clash is caught again.
  CHECK_THROWS(db->exec("INSERT INTO orders(order_id, created_at, total, currency, row_hash) "
                        "VALUES ('3', 1, 1, 'PLN', 1)"));
}

TEST_CASE("bulk mode on a table that held rows keeps its unique id index", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.put(order("1", "a@example.com", ""));
    up.start_bulk(RecordKind::orders, false);
    CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'orders_order_id'") == 1);
    auto later = order("1", "a@example.com", "");
    later.status = "returned";
    CHECK(up.put(later) == store::Outcome::duplicate);
    CHECK(up.finish() == 0);
  });
  CHECK(scalar(*db, "SELECT count(*) FROM orders") == 1);
  CHECK(scalar(*db, "SELECT status = 'returned' FROM orders") == 1);
}

TEST_CASE("fresh bulk mode with ascending ids keeps the id index and finds a duplicate at once", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.start_bulk(RecordKind::orders, true);
    CHECK(up.put(order("1", "a@example.com", "")) == store::Outcome::inserted);
    CHECK(up.put(order("2", "b@example.com", "")) == store::Outcome::inserted);
    auto again = order("2", "b@example.com", "");
    again.status = "returned";
    CHECK(up.put(again) == store::Outcome::duplicate);
    CHECK(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'orders_order_id'") == 1);
    CHECK(up.finish() == 0);
  });
  CHECK(scalar(*db, "SELECT count(*) FROM orders") == 2);
  CHECK(scalar(*db, "SELECT count(*) FROM orders WHERE order_id = '2' AND status = 'returned'") == 1);
}

TEST_CASE("offline resolution: customers made in memory, written by apply, merged like online", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.put(order("0", "old@example.com", "+48600100300"));  // known before
    up.start_bulk(RecordKind::orders, true);
    auto& ids = up.identities();
    REQUIRE(ids.start_offline());
    auto put_offline = [&](const Order& o) {
      store::Prepared p;
      store::prepare(o, p);
      REQUIRE(ids.resolve_offline(p.ids, p.customer));
      p.resolved = true;
      p.writes = std::make_unique<store::IdentityWrites>();
      ids.take_writes(*p.writes);
      const auto out = up.put(o, p);
      up.flush_rows();  // o is gone after this call
      return out;
    };
    CHECK(put_offline(order("1", "a@example.com", "")) == store::Outcome::inserted);
    CHECK(put_offline(order("2", "", "+48600100200")) == store::Outcome::inserted);
    CHECK(put_offline(order("3", "a@example.com", "+48600100200")) == store::Outcome::inserted);  // merges 1 and 2
    CHECK(put_offline(order("4", "", "+48600100300")) == store::Outcome::inserted);  // the customer from before
    // Back online (as when memory is full): the rest resolves from the database.
    CHECK(up.put(order("5", "a@example.com", "")) == store::Outcome::inserted);
    up.finish();
  });
  CHECK(scalar(*db, "SELECT count(*) FROM customers") == 2);
  CHECK(scalar(*db, "SELECT count(DISTINCT customer) FROM orders WHERE order_id IN ('1', '2', '3', '5')") == 1);
  CHECK(scalar(*db, "SELECT customer FROM orders WHERE order_id = '4'") ==
        scalar(*db, "SELECT customer FROM orders WHERE order_id = '0'"));
  CHECK(scalar(*db, "SELECT count(*) FROM identities i JOIN customers c ON c.id = i.customer") == 4);
  CHECK(scalar(*db, "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer") == 6);
}

TEST_CASE("fresh bulk mode: rows held for multi-row inserts keep the file's order", "[identity]") {
  auto db = store::open("", Config::defaults(), store::OpenMode::scratch);
  std::int64_t replaced = -1;
  std::vector<Order> rows;
  for (int i = 0; i < 40; ++i) rows.push_back(order(fmt::format("{:03}", i), fmt::format("c{}@example.com", i % 7), ""));
  rows.push_back(order("010", "c3@example.com", ""));  // out of order: a duplicate of an earlier row
  rows.back().status = "returned";
  for (int i = 40; i < 75; ++i) rows.push_back(order(fmt::format("{:03}", i), fmt::format("c{}@example.com", i % 7), ""));
  store::with_write_transaction(*db, [&] {
    store::Upserter up(*db, 1);
    up.start_bulk(RecordKind::orders, true);
    for (const auto& r : rows) {
      store::Prepared p;
      store::prepare(r, p);
      CHECK(up.put(r, p) == store::Outcome::inserted);
    }
    replaced = up.finish();
  });
  CHECK(replaced == 1);
  CHECK(scalar(*db, "SELECT count(*) FROM orders") == 75);
  CHECK(scalar(*db, "SELECT count(*) FROM customers") == 7);
  CHECK(scalar(*db, "SELECT status = 'returned' FROM orders WHERE order_id = '010'") == 1);
  // Rows went in in the file's order.
  CHECK(scalar(*db, "SELECT (SELECT rowid FROM orders WHERE order_id = '039') < rowid AND "
                    "rowid < (SELECT rowid FROM orders WHERE order_id = '040') FROM orders WHERE order_id = '010'") == 1);
  CHECK(scalar(*db, "SELECT count(*) FROM orders a JOIN orders b ON b.rowid = a.rowid + 1 "
                    "WHERE b.order_id < a.order_id") == 1);
}
