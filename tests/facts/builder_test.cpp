// Facts built from a small database: the time cut at complaint.received_at,
// the counting rules, LTV with refunds and exchange rates, customer
// resolution through the order, and which complaints a run selects.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include <fmt/core.h>

#include <functional>
#include <map>
#include <mutex>
#include <set>

#include "triage/core/error.hpp"
#include "triage/facts/walker.hpp"
#include "triage/store/db.hpp"

using namespace triage;
using facts::FactId;

namespace {

constexpr Timestamp kDay = 86400;
constexpr Timestamp T0 = 1790000000;  // the complaints arrive at T0 + 100 days

struct Db {
  Config config = Config::defaults();
  std::unique_ptr<SQLite::Database> db = store::open("", config, store::OpenMode::scratch);

  void customer(int id, const std::string& key) {
    db->exec(fmt::format("INSERT INTO customers(id, key) VALUES ({}, '{}')", id, key));
  }
  // status, created, total (minor), currency, refunded, shipped, delivered, returned
  void order(const std::string& id, int customer, const std::string& status, Timestamp created, long total,
             const std::string& currency = "PLN", std::optional<long> refunded = {}, OptTime shipped = {},
             OptTime delivered = {}, OptTime returned = {}, const std::string& company = "",
             const std::string& tags = "") {
    SQLite::Statement q(*db,
                        "INSERT INTO orders(order_id, customer, created_at, total, currency, status, refunded, "
                        "shipped_at, delivered_at, returned_at, ship_company, tags, row_hash) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)");
    q.bind(1, id);
    if (customer) q.bind(2, customer);
    q.bind(3, static_cast<std::int64_t>(created));
    q.bind(4, static_cast<std::int64_t>(total));
    q.bind(5, currency);
    q.bind(6, status);
    if (refunded) q.bind(7, static_cast<std::int64_t>(*refunded));
    if (shipped) q.bind(8, static_cast<std::int64_t>(*shipped));
    if (delivered) q.bind(9, static_cast<std::int64_t>(*delivered));
    if (returned) q.bind(10, static_cast<std::int64_t>(*returned));
    q.bind(11, company);
    q.bind(12, tags);
    q.exec();
  }
  void complaint(const std::string& id, int customer, const std::string& order, Timestamp received,
                 const std::string& message = "hello", const std::string& kind = "",
                 const std::string& status = "open") {
    SQLite::Statement q(*db,
                        "INSERT INTO complaints(complaint_id, order_id, customer, received_at, subject, message, "
                        "kind, status, row_hash) VALUES (?,?,?,?,'Subject',?,?,?,0)");
    q.bind(1, id);
    if (!order.empty()) q.bind(2, order);
    if (customer) q.bind(3, customer);
    q.bind(4, static_cast<std::int64_t>(received));
    q.bind(5, message);
    if (!kind.empty()) q.bind(6, kind);
    q.bind(7, status);
    q.exec();
  }
  void dispute(const std::string& id, const std::string& order, Timestamp opened, const std::string& status,
               const std::string& reason = "fraudulent") {
    db->exec(fmt::format("INSERT INTO disputes(dispute_id, order_id, opened_at, status, reason, row_hash) "
                         "VALUES ('{}', '{}', {}, '{}', '{}', 0)",
                         id, order, opened, status, reason));
  }
  void review(const std::string& id, int customer, int rating, Timestamp posted) {
    db->exec(fmt::format("INSERT INTO reviews(review_id, customer, rating, posted_at, row_hash) "
                         "VALUES ('{}', {}, {}, {}, 0)",
                         id, customer, rating, posted));
  }

  // Every selected complaint's facts, by complaint id.
  std::map<std::string, facts::FactSet> walk(store::Selection sel = store::Selection::all,
                                             const std::string& id = {},
                                             const std::function<std::string(const facts::Subject&,
                                                                             facts::FactSet&)>& classify = {}) {
    facts::Walker w(*db, config);
    facts::WalkOptions o;
    o.selection = sel;
    o.complaint_id = id;
    o.version = "v1";
    o.now = T0 + 200 * kDay;
    std::map<std::string, facts::FactSet> out;
    w.walk(o, [&](const facts::Subject& s, facts::FactSet& f) {
      std::string kind = classify ? classify(s, f) : f[FactId::complaint_kind].text;
      if (s.role == facts::Role::decide) out[s.complaint.complaint_id] = f;
      return kind;
    });
    unconverted = w.builder().unconverted();
    return out;
  }

  // The same walk as `run` makes it over many complaints: disputes and reviews
  // read in bulk, two deciders; the visits in walk order, with their facts.
  std::vector<std::pair<std::string, facts::FactSet>> walk_fast(unsigned deciders, std::size_t bulk_from) {
    facts::Walker w(*db, config);
    facts::WalkOptions o;
    o.selection = store::Selection::all;
    o.version = "v1";
    o.now = T0 + 200 * kDay;
    o.deciders = deciders;
    o.bulk_from = bulk_from;
    std::mutex m;
    std::map<std::pair<std::size_t, std::int64_t>, std::pair<std::string, facts::FactSet>> seen;
    w.walk(o, [&](const facts::Subject& s, facts::FactSet& f) {
      std::lock_guard lock(m);
      seen[{s.unit, s.complaint.received_at}] = {s.complaint.complaint_id, f};
      return f[FactId::complaint_kind].text;
    });
    std::vector<std::pair<std::string, facts::FactSet>> out;
    for (auto& [k, v] : seen) out.push_back(std::move(v));
    return out;
  }
  std::set<std::string> unconverted;
};

double num(const facts::FactSet& f, FactId id) {
  REQUIRE_FALSE(f[id].missing);
  return f[id].number;
}

}  // namespace

TEST_CASE("an order created after the complaint is not known to it") {
  Db d;
  d.customer(1, "C1");
  d.order("1", 1, "delivered", T0, 10000, "PLN", {}, T0 + kDay, T0 + 2 * kDay);
  d.order("2", 1, "delivered", T0 + 150 * kDay, 50000);
  d.complaint("K1", 1, "2", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(f[FactId::order_id].missing);
  CHECK(f[FactId::order_total].missing);
  CHECK(num(f, FactId::customer_orders) == 1);
  CHECK(num(f, FactId::customer_ltv) == Approx(100.0));
  CHECK(num(f, FactId::customer_since_first_order) == 100 * kDay);
}

TEST_CASE("a delivery after the complaint is missing, the status stays as imported") {
  Db d;
  d.customer(1, "C1");
  d.order("1", 1, "delivered", T0, 10000, "PLN", {}, T0 + 90 * kDay, T0 + 120 * kDay);
  d.complaint("K1", 1, "1", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(f[FactId::order_status].text == "delivered");
  CHECK(num(f, FactId::order_since_shipped) == 10 * kDay);
  CHECK(f[FactId::order_since_delivered].missing);
  facts::Notes n;
  n.clear();
  CHECK(facts::missing_reason(FactId::order_since_delivered, n) == "no delivery date before the complaint");
}

TEST_CASE("a dispute opened after the complaint does not count") {
  Db d;
  d.customer(1, "C1");
  d.order("1", 1, "delivered", T0, 10000);
  d.order("2", 1, "delivered", T0 + kDay, 10000);
  d.dispute("D1", "1", T0 + 50 * kDay, "won");
  d.dispute("D2", "1", T0 + 150 * kDay, "needs_response");
  d.dispute("D3", "2", T0 + 60 * kDay, "under_review");
  d.complaint("K1", 1, "1", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(num(f, FactId::customer_disputes) == 2);
  // The order's latest dispute known at the time, not the later open one.
  CHECK(f[FactId::dispute_status].text == "won");
  CHECK(num(f, FactId::dispute_open) == 0);
  CHECK(num(f, FactId::dispute_since_opened) == 50 * kDay);
}

TEST_CASE("without an order, the dispute is the customer's latest open one") {
  Db d;
  d.customer(1, "C1");
  d.order("1", 1, "delivered", T0, 10000);
  d.order("2", 1, "delivered", T0 + kDay, 10000);
  d.dispute("D1", "1", T0 + 40 * kDay, "under_review");
  d.dispute("D2", "2", T0 + 60 * kDay, "lost");
  d.complaint("K1", 1, "", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(f[FactId::order_id].missing);
  CHECK(f[FactId::dispute_status].text == "under_review");
  CHECK(num(f, FactId::dispute_open) == 1);
}

TEST_CASE("a review posted after the complaint does not count") {
  Db d;
  d.customer(1, "C1");
  d.review("R1", 1, 2, T0 + 10 * kDay);
  d.review("R2", 1, 5, T0 + 20 * kDay);
  d.review("R3", 1, 1, T0 + 120 * kDay);
  d.complaint("K1", 1, "", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(num(f, FactId::customer_negative_reviews) == 1);
  CHECK(num(f, FactId::review_rating) == 5);
  CHECK(num(f, FactId::review_since_posted) == 80 * kDay);
}

TEST_CASE("LTV: shipped, delivered and lost orders less refunds, converted at the configured rates") {
  Db d;
  d.config.rates["EUR"] = 4.0;
  d.customer(1, "C1");
  d.order("1", 1, "delivered", T0, 100000, "PLN", 20000);    // 800.00
  d.order("2", 1, "shipped", T0 + kDay, 10000, "EUR");       // 100 EUR = 400.00
  d.order("3", 1, "lost", T0 + 2 * kDay, 5000, "PLN");       // 50.00
  d.order("4", 1, "returned", T0 + 3 * kDay, 70000, "PLN");  // not in LTV
  d.order("5", 1, "pending", T0 + 4 * kDay, 30000, "PLN");   // not in LTV
  d.order("6", 1, "cancelled", T0 + 5 * kDay, 90000, "PLN");
  d.order("7", 1, "delivered", T0 + 6 * kDay, 10000, "USD");  // no rate: left out
  d.complaint("K1", 1, "2", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(num(f, FactId::customer_ltv) == Approx(1250.0));
  CHECK(num(f, FactId::customer_orders) == 6);
  CHECK(num(f, FactId::customer_returns) == 1);
  // avg over orders not cancelled with a known rate: 1000 + 400 + 50 + 700 + 300
  CHECK(num(f, FactId::customer_avg_order) == Approx(2450.0 / 5));
  // returned over orders not cancelled or pending: 1 / 5
  CHECK(num(f, FactId::customer_return_rate) == Approx(0.2));
  CHECK(num(f, FactId::order_total) == Approx(400.0));
  CHECK(f[FactId::order_currency].text == "EUR");
  CHECK(d.unconverted == std::set<std::string>{"USD"});
}

TEST_CASE("return rate over zero settled orders is missing") {
  Db d;
  d.customer(1, "C1");
  d.order("1", 1, "pending", T0, 10000);
  d.order("2", 1, "cancelled", T0, 10000);
  d.complaint("K1", 1, "1", T0 + 100 * kDay);
  const auto f = d.walk().at("K1");
  CHECK(f[FactId::customer_return_rate].missing);
  CHECK(num(f, FactId::customer_orders) == 1);
  CHECK(num(f, FactId::customer_ltv) == 0);
}

TEST_CASE("a complaint without identifiers takes its order's customer, '#' or not") {
  Db d;
  d.customer(1, "ann@example.com");
  d.order("1001", 1, "delivered", T0, 10000, "PLN", {}, {}, {}, {}, "ACME sp. z o.o.", "gift, vip;; rush ");
  d.complaint("K0", 1, "", T0 + 10 * kDay);
  d.complaint("K1", 0, "#1001", T0 + 100 * kDay);
  const auto all = d.walk();
  const auto& f = all.at("K1");
  CHECK(f[FactId::customer_key].text == "ann@example.com");
  CHECK(f[FactId::order_id].text == "1001");
  CHECK(num(f, FactId::order_business) == 1);
  CHECK(f.tags == std::vector<std::string>{"gift", "vip", "rush"});
  CHECK(num(f, FactId::customer_complaints) == 1);  // K0, received before
  CHECK(num(all.at("K0"), FactId::customer_complaints) == 0);
}

TEST_CASE("a complaint with no customer and no order has no customer facts") {
  Db d;
  d.complaint("K1", 0, "", T0);
  const auto f = d.walk().at("K1");
  CHECK(f[FactId::customer_orders].missing);
  CHECK(f[FactId::customer_key].missing);
  CHECK(f[FactId::complaint_text].text == "Subject\nhello");
  CHECK(num(f, FactId::complaint_age) == 200 * kDay);
}

TEST_CASE("earlier complaints' kinds, inferred in the same walk, count as compensation requests") {
  Db d;
  d.customer(1, "C1");
  d.complaint("K1", 1, "", T0 + 10 * kDay, "give me a voucher", "", "closed");
  d.complaint("K2", 1, "", T0 + 20 * kDay, "anything", "compensation", "closed");
  d.complaint("K3", 1, "", T0 + 30 * kDay, "where is it");
  const auto classify = [](const facts::Subject& s, facts::FactSet& f) -> std::string {
    if (!f[FactId::complaint_kind].missing) return f[FactId::complaint_kind].text;
    return s.complaint.message.find("voucher") != std::string::npos ? "compensation" : "question";
  };
  // Only K3 is open and decided; K1 is classified on the way because K3 counts it.
  const auto got = d.walk(store::Selection::pending, {}, classify);
  REQUIRE(got.size() == 1);
  const auto& f = got.at("K3");
  CHECK(num(f, FactId::customer_complaints) == 2);
  CHECK(num(f, FactId::customer_compensation_requests) == 2);
}

TEST_CASE("selection: pending skips closed and already decided complaints; one finds any; unknown is an error") {
  Db d;
  d.customer(1, "C1");
  d.complaint("K1", 1, "", T0, "a", "question", "closed");
  d.complaint("K2", 1, "", T0 + kDay, "b", "question", "open");
  d.complaint("K3", 1, "", T0 + 2 * kDay, "c", "question", "resolved");
  d.complaint("K4", 1, "", T0 + 3 * kDay, "d", "question", "open");
  d.db->exec("INSERT INTO decisions(complaint_id, policy_version, decided_at, action, overdue) "
             "VALUES ('K4', 'v1', 0, 'escalate', 0), ('K2', 'v0', 0, 'escalate', 0)");
  auto pending = d.walk(store::Selection::pending);
  CHECK(pending.size() == 1);
  CHECK(pending.count("K2") == 1);
  CHECK(d.walk(store::Selection::all).size() == 4);
  CHECK(d.walk(store::Selection::one, "K3").count("K3") == 1);
  CHECK_THROWS_AS(d.walk(store::Selection::one, "nope"), Error);
}

TEST_CASE("reading disputes and reviews in bulk, with two deciders, gives the same facts in the same order") {
  Db d;
  for (int c = 1; c <= 12; ++c) {
    d.customer(c, fmt::format("C{}", c));
    for (int k = 0; k < c % 4 + 1; ++k) {
      const std::string id = fmt::format("O{}-{}", c, k);
      d.order(id, c, k % 3 ? "delivered" : "returned", T0 - (40 - k) * kDay, 10000 + c * 100 + k);
      // Two disputes opened at the same moment on some orders: the later one read counts.
      if ((c + k) % 3 == 0) {
        d.dispute(fmt::format("D{}-{}a", c, k), id, T0 + k * kDay, "needs_response", "fraudulent");
        d.dispute(fmt::format("D{}-{}b", c, k), id, T0 + k * kDay, "won", "not_received");
      }
    }
    // Reviews posted at the same moment with different ratings.
    d.review(fmt::format("R{}a", c), c, c % 5 + 1, T0 - 5 * kDay);
    if (c % 2) d.review(fmt::format("R{}b", c), c, 1, T0 - 5 * kDay);
    for (int k = 0; k < c % 3 + 1; ++k)
      d.complaint(fmt::format("K{}-{}", c, k), c, fmt::format("O{}-0", c), T0 + (10 + k) * kDay, "where is it",
                  k ? "" : "compensation");
  }
  const auto slow = d.walk_fast(1, 1000000);
  const auto fast = d.walk_fast(2, 0);
  REQUIRE(slow.size() == fast.size());
  REQUIRE(slow.size() > 20);
  for (std::size_t i = 0; i < slow.size(); ++i) {
    INFO(slow[i].first);
    CHECK(slow[i].first == fast[i].first);
    for (std::size_t f = 0; f < facts::kFactCount; ++f) {
      const auto& a = slow[i].second.values[f];
      const auto& b = fast[i].second.values[f];
      INFO(facts::catalogue()[f].name);
      CHECK(a.missing == b.missing);
      CHECK(a.number == b.number);
      CHECK(a.text == b.text);
    }
  }
}
