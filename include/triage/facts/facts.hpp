// The facts of one complaint that policies read: the catalogue of fact names
// with their types, and FactSet, the values for one complaint. The facts layer
// fills a FactSet from the store; the policy layer compiles `when` expressions
// against the catalogue's ids and evaluates them over a FactSet.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage::facts {

// How a value is compared and shown. money is a number in major units of the
// shop's currency (shown with the currency); duration is seconds (compared
// with literals such as 36h); time is epoch seconds UTC; text is customer
// text that `matches` can search; tags is a list of strings.
enum class Type : std::uint8_t { boolean, number, money, duration, time, string, text, tags };
const char* to_string(Type t);

// Every fact a policy may read. The order is the catalogue order.
enum class FactId : std::uint16_t {
  complaint_id,
  complaint_kind,
  complaint_channel,
  complaint_text,
  complaint_age,
  complaint_answered,
  complaint_lang,
  complaint_received_at,
  order_id,
  order_total,
  order_currency,
  order_payment,
  order_status,
  order_items,
  order_delivery_attempts,
  order_since_shipped,
  order_since_delivered,
  order_business,
  order_refunded,
  order_returned,
  customer_key,
  customer_orders,
  customer_ltv,
  customer_avg_order,
  customer_returns,
  customer_return_rate,
  customer_refused,
  customer_complaints,
  customer_disputes,
  customer_negative_reviews,
  customer_compensation_requests,
  customer_since_first_order,
  customer_segment,
  dispute_open,
  dispute_reason,
  dispute_status,
  dispute_since_opened,
  review_rating,
  review_since_posted,
  tags,
  now,
  count_  // not a fact: the number of facts
};
constexpr std::size_t kFactCount = static_cast<std::size_t>(FactId::count_);

struct FactInfo {
  FactId id;
  std::string_view name;  // as written in policies, e.g. "customer.ltv"
  Type type;
  std::string_view about;  // one line for help and explain
};

// The whole catalogue, in FactId order.
const std::array<FactInfo, kFactCount>& catalogue();
const FactInfo& info(FactId id);
// Looks a name up; nullopt when unknown.
std::optional<FactId> find(std::string_view name);

// One fact's value. A fact that is not known (no order, no dispute, a ratio
// over zero orders) is `missing`: every comparison with it is false.
struct Value {
  bool missing = true;
  double number = 0;  // boolean (0/1), number, money, duration, time
  std::string text;   // string, text
};

// The facts of one complaint. Reused across complaints to avoid allocation.
struct FactSet {
  std::array<Value, kFactCount> values;
  std::vector<std::string> tags;  // the `tags` fact: order tags at first, rule tags are added
  std::string currency = "PLN";   // the shop's currency, for showing money facts

  void clear();
  Value& operator[](FactId id) { return values[static_cast<std::size_t>(id)]; }
  const Value& operator[](FactId id) const { return values[static_cast<std::size_t>(id)]; }
  void set_number(FactId id, double v);
  void set_bool(FactId id, bool v);
  void set_text(FactId id, std::string_view v);  // for string and text facts; empty stays missing
};

// A value written for people: money with currency ("1 520.00 PLN"),
// durations readable ("3d 4h"), times as ISO 8601 UTC, booleans as true/false.
std::string format_value(Type type, const Value& v, std::string_view currency);

}  // namespace triage::facts
