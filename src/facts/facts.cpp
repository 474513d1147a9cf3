// The fact catalogue and the formatting of fact values for people.
#include "triage/facts/facts.hpp"

#include <fmt/core.h>

#include <cmath>
#include <ctime>

namespace triage::facts {

const char* to_string(Type t) {
  switch (t) {
    case Type::boolean: return "boolean";
    case Type::number: return "number";
    case Type::money: return "money";
    case Type::duration: return "duration";
    case Type::time: return "time";
    case Type::string: return "string";
    case Type::text: return "text";
    case Type::tags: return "tags";
  }
  return "?";
}

const std::array<FactInfo, kFactCount>& catalogue() {
  using enum FactId;
  static const std::array<FactInfo, kFactCount> cat = {{
      {complaint_id, "complaint.id", Type::string, "the complaint's id"},
      {complaint_kind, "complaint.kind", Type::string, "what the complaint is about (given or inferred)"},
      {complaint_channel, "complaint.channel", Type::string, "email, phone, facebook, ..."},
      {complaint_text, "complaint.text", Type::text, "subject and message"},
      {complaint_age, "complaint.age", Type::duration, "time from receipt to now"},
      {complaint_answered, "complaint.answered", Type::boolean, "a first reply was sent"},
      {complaint_lang, "complaint.lang", Type::string, "language of the complaint"},
      {complaint_received_at, "complaint.received_at", Type::time, "when it was received"},
      {order_id, "order.id", Type::string, "the order's id"},
      {order_total, "order.total", Type::money, "the order's total"},
      {order_currency, "order.currency", Type::string, "the order's currency"},
      {order_payment, "order.payment", Type::string, "card, cod, transfer, paypal, blik, other"},
      {order_status, "order.status", Type::string, "pending, shipped, delivered, returned, refused, lost, cancelled"},
      {order_items, "order.items", Type::number, "units in the order"},
      {order_delivery_attempts, "order.delivery_attempts", Type::number, "the carrier's delivery attempts"},
      {order_since_shipped, "order.since_shipped", Type::duration, "from shipping to the complaint"},
      {order_since_delivered, "order.since_delivered", Type::duration, "from delivery to the complaint"},
      {order_business, "order.business", Type::boolean, "shipped to a company"},
      {order_refunded, "order.refunded", Type::money, "amount refunded"},
      {order_returned, "order.returned", Type::boolean, "the order was returned"},
      {customer_key, "customer.key", Type::string, "the customer's key"},
      {customer_orders, "customer.orders", Type::number, "orders not cancelled"},
      {customer_ltv, "customer.ltv", Type::money, "lifetime value in the shop's currency"},
      {customer_avg_order, "customer.avg_order", Type::money, "mean total of orders not cancelled"},
      {customer_returns, "customer.returns", Type::number, "returned orders"},
      {customer_return_rate, "customer.return_rate", Type::number, "returned over orders not cancelled or pending"},
      {customer_refused, "customer.refused", Type::number, "refused or uncollected orders"},
      {customer_complaints, "customer.complaints", Type::number, "earlier complaints"},
      {customer_disputes, "customer.disputes", Type::number, "bank disputes opened before the complaint"},
      {customer_negative_reviews, "customer.negative_reviews", Type::number, "reviews of 1-2 stars"},
      {customer_compensation_requests, "customer.compensation_requests", Type::number, "earlier complaints of kind compensation"},
      {customer_since_first_order, "customer.since_first_order", Type::duration, "from the first order to the complaint"},
      {customer_segment, "customer.segment", Type::string, "the customer's segment"},
      {dispute_open, "dispute.open", Type::boolean, "the dispute awaits the bank's decision"},
      {dispute_reason, "dispute.reason", Type::string, "the dispute's reason"},
      {dispute_status, "dispute.status", Type::string, "the dispute's status"},
      {dispute_since_opened, "dispute.since_opened", Type::duration, "from the dispute to the complaint"},
      {review_rating, "review.rating", Type::number, "stars of the customer's latest review"},
      {review_since_posted, "review.since_posted", Type::duration, "from that review to the complaint"},
      {tags, "tags", Type::tags, "tags of the order and of the rules so far"},
      {now, "now", Type::time, "the clock of this run"},
  }};
  return cat;
}

const FactInfo& info(FactId id) { return catalogue()[static_cast<std::size_t>(id)]; }

std::optional<FactId> find(std::string_view name) {
  for (const auto& f : catalogue())
    if (f.name == name) return f.id;
  return std::nullopt;
}

void FactSet::clear() {
  for (auto& v : values) {
    v.missing = true;
    v.number = 0;
    v.text.clear();
  }
  tags.clear();
}

void FactSet::set_number(FactId id, double v) {
  auto& x = (*this)[id];
  x.missing = false;
  x.number = v;
}

void FactSet::set_bool(FactId id, bool v) { set_number(id, v ? 1.0 : 0.0); }

void FactSet::set_text(FactId id, std::string_view v) {
  auto& x = (*this)[id];
  x.text.assign(v);
  x.missing = v.empty();
}

namespace {

std::string group_thousands(long long whole) {
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return whole < 0 ? "-" + out : out;
}

}  // namespace

std::string format_value(Type type, const Value& v, std::string_view currency) {
  if (type == Type::tags) return v.text;
  if (v.missing) return "missing";
  switch (type) {
    case Type::boolean:
      return v.number != 0 ? "true" : "false";
    case Type::number: {
      if (v.number == std::floor(v.number) && std::fabs(v.number) < 1e15)
        return fmt::format("{}", static_cast<long long>(v.number));
      return fmt::format("{:.2f}", v.number);
    }
    case Type::money: {
      const long long cents = std::llround(v.number * 100.0);
      const long long whole = cents / 100;
      const long long frac = cents < 0 ? -(cents % 100) : cents % 100;
      std::string sign = (cents < 0 && whole == 0) ? "-" : "";
      return fmt::format("{}{}.{:02} {}", sign, group_thousands(whole), frac, currency);
    }
    case Type::duration: {
      long long s = std::llround(v.number);
      const bool neg = s < 0;
      if (neg) s = -s;
      const long long d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60;
      std::string out;
      if (d) out += fmt::format("{}d", d);
      if (h) out += fmt::format("{}{}h", out.empty() ? "" : " ", h);
      if (m && !d) out += fmt::format("{}{}m", out.empty() ? "" : " ", m);
      if (out.empty()) out = fmt::format("{}s", s);
      return neg ? "-" + out : out;
    }
    case Type::time: {
      const std::time_t t = static_cast<std::time_t>(v.number);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      return buf;
    }
    case Type::string:
    case Type::text:
    case Type::tags:
      return v.text;
  }
  return v.text;
}

}  // namespace triage::facts
