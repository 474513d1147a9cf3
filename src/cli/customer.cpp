// triage customer KEY: one customer's profile — identifiers, orders, lifetime
// value, returns, refusals, disputes, reviews, and complaints with their
// latest decisions — found by customer id, e-mail, phone, order or complaint id.
#include <SQLiteCpp/Statement.h>
#include <fmt/core.h>

#include <cmath>
#include <ctime>
#include <map>
#include <set>

#include "triage/cli/commands.hpp"
#include "triage/core/error.hpp"
#include "triage/facts/facts.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/store/db.hpp"
#include "triage/store/lookup.hpp"

namespace triage::cli {

namespace {

std::string day(std::int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string money(double major, const std::string& currency) {
  facts::Value v;
  v.missing = false;
  v.number = major;
  return facts::format_value(facts::Type::money, v, currency);
}

std::string col(SQLite::Statement& q, int i) {
  return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString();
}

// Shortens customer text for one line of the profile, safely for a terminal.
std::string snippet(const std::string& text, std::size_t max_chars) {
  std::string flat = terminal_safe(text);
  std::size_t chars = 0, i = 0;
  for (; i < flat.size(); ++i) {
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80 && chars++ == max_chars) break;
  }
  return i < flat.size() ? flat.substr(0, i) + "…" : flat;
}

}  // namespace

int run_customer(const GlobalOptions& g, const CustomerOptions& o) {
  auto db = store::open(g.db_path, g.config, store::OpenMode::read_only);
  const auto found = store::find_customer(*db, o.key, g.config);
  if (!found) {
    throw Error(ErrorKind::usage,
                fmt::format("no customer matches '{}'; give a customer id, e-mail, phone, order id "
                            "or complaint id that was imported",
                            terminal_safe(o.key)));
  }
  const std::int64_t cust = *found;
  const Config& cfg = g.config;

  std::string key;
  {
    SQLite::Statement q(*db, "SELECT key FROM customers WHERE id = ?");
    q.bind(1, cust);
    if (q.executeStep()) key = col(q, 0);
  }
  std::vector<std::string> idents;
  {
    SQLite::Statement q(*db, "SELECT ident FROM identities WHERE customer = ? ORDER BY ident");
    q.bind(1, cust);
    while (q.executeStep()) idents.push_back(terminal_safe(col(q, 0)));
  }

  struct OrderRow {
    std::string id, status, payment, currency;
    std::int64_t created = 0, total = 0, refunded = 0;
  };
  std::vector<OrderRow> orders;
  {
    SQLite::Statement q(*db,
                        "SELECT order_id, created_at, total, currency, status, payment_method, "
                        "COALESCE(refunded, 0) FROM orders WHERE customer = ? ORDER BY created_at");
    q.bind(1, cust);
    while (q.executeStep()) {
      orders.push_back({col(q, 0), col(q, 4), col(q, 5), col(q, 3), q.getColumn(1).getInt64(),
                        q.getColumn(2).getInt64(), q.getColumn(6).getInt64()});
    }
  }

  // Aggregates as the policies define them (PRODUCT §5), over everything known today.
  int counted = 0, returns = 0, refused = 0, not_pending = 0;
  double ltv = 0, sum_totals = 0;
  std::set<std::string> unconverted;
  for (const auto& r : orders) {
    if (r.status == "cancelled") continue;
    ++counted;
    if (r.status != "pending") ++not_pending;
    if (r.status == "returned") ++returns;
    if (r.status == "refused") ++refused;
    double rate = 1.0;
    if (!r.currency.empty() && r.currency != cfg.currency) {
      auto it = cfg.rates.find(r.currency);
      if (it == cfg.rates.end()) {
        unconverted.insert(r.currency);
        continue;
      }
      rate = it->second;
    }
    sum_totals += static_cast<double>(r.total) / 100.0 * rate;
    if (r.status == "shipped" || r.status == "delivered" || r.status == "lost")
      ltv += static_cast<double>(r.total - r.refunded) / 100.0 * rate;
  }

  auto& out = stdout;
  fmt::print(out, "Customer {}\n", terminal_safe(key));
  for (const auto& id : idents) fmt::print(out, "  {}\n", id);
  fmt::print(out, "\n");
  fmt::print(out, "  orders       {} (not cancelled)\n", counted);
  fmt::print(out, "  LTV          {}\n", money(ltv, cfg.currency));
  if (counted > 0) fmt::print(out, "  avg order    {}\n", money(sum_totals / counted, cfg.currency));
  if (not_pending > 0) {
    fmt::print(out, "  returns      {} ({:.0f}% of orders not pending)\n", returns,
               100.0 * returns / not_pending);
  } else {
    fmt::print(out, "  returns      {}\n", returns);
  }
  fmt::print(out, "  refused      {}\n", refused);
  for (const auto& c : unconverted) {
    fmt::print(stderr, "triage: orders in {} are left out of LTV; add a rate under [rates] in "
                       "triage.toml\n", terminal_safe(c));
  }

  // The latest decision on any of the customer's complaints carries the segment and tags.
  {
    SQLite::Statement q(*db,
                        "SELECT d.segment, d.tags, d.complaint_id FROM decisions d "
                        "JOIN complaints c ON c.complaint_id = d.complaint_id "
                        "LEFT JOIN orders o ON o.order_id = c.order_id "
                        "WHERE COALESCE(c.customer, o.customer) = ? ORDER BY d.id DESC LIMIT 1");
    q.bind(1, cust);
    if (q.executeStep()) {
      fmt::print(out, "  segment      {} (as decided for {})\n", terminal_safe(col(q, 0)),
                 terminal_safe(col(q, 2)));
      const std::string tags = col(q, 1);
      fmt::print(out, "  tags         {}\n", tags.empty() ? "-" : terminal_safe(tags));
    } else {
      fmt::print(out, "  segment      not decided yet (run `triage run`)\n");
    }
  }

  fmt::print(out, "\nOrders\n");
  if (orders.empty()) fmt::print(out, "  none\n");
  for (const auto& r : orders) {
    fmt::print(out, "  {:<12} {}  {:>16}  {:<10} {}\n", terminal_safe(r.id), day(r.created),
               money(static_cast<double>(r.total) / 100.0, r.currency),
               terminal_safe(r.status), terminal_safe(r.payment));
  }

  fmt::print(out, "\nComplaints\n");
  {
    SQLite::Statement q(
        *db,
        "SELECT c.complaint_id, c.received_at, COALESCE(NULLIF(c.kind, ''), c.inferred_kind), "
        "c.status, (SELECT d.action || ' (rule ' || COALESCE(d.rule, '-') || ')' FROM decisions d "
        "WHERE d.complaint_id = c.complaint_id ORDER BY d.id DESC LIMIT 1), c.subject "
        "FROM complaints c LEFT JOIN orders o ON o.order_id = c.order_id "
        "WHERE COALESCE(c.customer, o.customer) = ? ORDER BY c.received_at");
    q.bind(1, cust);
    int n = 0;
    while (q.executeStep()) {
      ++n;
      const std::string decision = col(q, 4);
      fmt::print(out, "  {:<12} {}  {:<14} {:<8} {}  \"{}\"\n", terminal_safe(col(q, 0)),
                 day(q.getColumn(1).getInt64()), terminal_safe(col(q, 2)),
                 terminal_safe(col(q, 3)),
                 decision.empty() ? "not decided" : "-> " + terminal_safe(decision),
                 snippet(col(q, 5), 40));
    }
    if (n == 0) fmt::print(out, "  none\n");
  }

  fmt::print(out, "\nReviews\n");
  {
    SQLite::Statement q(*db,
                        "SELECT r.review_id, r.posted_at, r.rating, r.platform, r.text FROM reviews r "
                        "LEFT JOIN orders o ON o.order_id = r.order_id "
                        "WHERE COALESCE(r.customer, o.customer) = ? ORDER BY r.posted_at");
    q.bind(1, cust);
    int n = 0;
    while (q.executeStep()) {
      ++n;
      fmt::print(out, "  {:<12} {}  {} star{}  {:<10} \"{}\"\n", terminal_safe(col(q, 0)),
                 day(q.getColumn(1).getInt64()), q.getColumn(2).getInt(),
                 q.getColumn(2).getInt() == 1 ? " " : "s", terminal_safe(col(q, 3)),
                 snippet(col(q, 4), 50));
    }
    if (n == 0) fmt::print(out, "  none\n");
  }

  fmt::print(out, "\nDisputes\n");
  {
    SQLite::Statement q(*db,
                        "SELECT d.dispute_id, d.opened_at, d.order_id, d.amount, d.currency, d.reason, "
                        "d.status FROM disputes d JOIN orders o ON o.order_id = d.order_id "
                        "WHERE o.customer = ? ORDER BY d.opened_at");
    q.bind(1, cust);
    int n = 0;
    while (q.executeStep()) {
      ++n;
      const std::string amount =
          q.getColumn(3).isNull()
              ? std::string("-")
              : money(static_cast<double>(q.getColumn(3).getInt64()) / 100.0, col(q, 4));
      fmt::print(out, "  {:<22} {}  order {:<10} {:>14}  {:<22} {}\n",
                 terminal_safe(col(q, 0)), day(q.getColumn(1).getInt64()),
                 terminal_safe(col(q, 2)), amount, terminal_safe(col(q, 5)),
                 terminal_safe(col(q, 6)));
    }
    if (n == 0) fmt::print(out, "  none\n");
  }
  return exit_ok;
}

}  // namespace triage::cli
