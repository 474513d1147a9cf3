// The canonical records of the shop's exports, as the input layer produces
// them and the store keeps them. Times are UTC epoch seconds; money is kept in
// integer minor units (hundredths) with its currency, never in floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace triage {

using Timestamp = std::int64_t;  // seconds since 1970-01-01T00:00:00Z
using OptTime = std::optional<Timestamp>;

struct Money {
  std::int64_t minor = 0;  // hundredths of the currency unit
  std::string currency;    // ISO 4217 code, upper case; empty when the export gave none
};

enum class RecordKind { orders, complaints, disputes, reviews };
const char* to_string(RecordKind kind);

// Canonical value sets. The input layer normalizes export values to these
// spellings; the store keeps them as text so that sqlite3 users can read them.
//   payment_method: card, cod, transfer, paypal, blik, other
//   order status:   pending, shipped, delivered, returned, refused, lost, cancelled
//   channel:        email, phone, facebook, instagram, sms, chat, marketplace, other
//   dispute reason: fraudulent, product_not_received, product_unacceptable, duplicate,
//                   subscription_canceled, credit_not_processed, unrecognized, general
//   dispute status: needs_response, under_review, warning_needs_response,
//                   warning_under_review, won, lost, warning_closed, charge_refunded

struct Order {
  std::string order_id;  // required; a Shopify "#1001" is kept without the '#'
  std::string customer_id;
  std::string email;  // lower-cased
  std::string phone;  // normalized: digits with a leading '+' and country code when known
  Timestamp created_at = 0;  // required
  Money total;               // required
  std::string payment_method;
  std::string status;
  OptTime shipped_at;
  OptTime delivered_at;
  OptTime returned_at;
  std::string return_reason;
  std::optional<std::int64_t> delivery_attempts;
  std::optional<std::int64_t> refunded;  // minor units, same currency as total
  std::optional<std::int64_t> items;     // units
  std::string ship_name;
  std::string ship_company;
  std::string ship_street;
  std::string ship_city;
  std::string ship_postcode;
  std::string ship_country;
  std::string tags;
};

struct Complaint {
  std::string complaint_id;  // required
  std::string order_id;
  std::string customer_id;
  std::string email;
  std::string phone;
  Timestamp received_at = 0;  // required
  std::string channel;
  std::string subject;
  std::string message;
  std::string kind;  // empty: inferred by the policies' classify stage
  OptTime first_reply_at;
  std::string status;
  std::string lang;
};

struct Dispute {
  std::string dispute_id;  // required
  std::string order_id;
  Timestamp opened_at = 0;  // required
  std::optional<Money> amount;
  std::string reason;
  std::string status;
  OptTime due_by;
};

struct Review {
  std::string review_id;  // required
  std::string order_id;
  std::string customer_id;
  std::string email;
  std::string phone;
  int rating = 0;  // required, 1..5
  std::string text;
  Timestamp posted_at = 0;  // required
  std::string platform;
};

}  // namespace triage
