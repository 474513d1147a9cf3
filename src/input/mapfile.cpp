// Reading and checking --map files against the canonical columns and values.
#include "triage/input/mapfile.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <toml.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/core/toml_file.hpp"
#include "triage/input/values.hpp"

namespace triage::input {

const std::vector<std::string_view>& canonical_columns(RecordKind kind) {
  static const std::vector<std::string_view> orders = {
      "order_id", "customer_id", "email", "phone", "created_at", "total", "currency",
      "payment_method", "status", "shipped_at", "delivered_at", "returned_at", "return_reason",
      "delivery_attempts", "refunded", "items", "ship_name", "ship_company", "ship_street",
      "ship_city", "ship_postcode", "ship_country", "tags"};
  static const std::vector<std::string_view> complaints = {
      "complaint_id", "order_id", "customer_id", "email", "phone", "received_at", "channel",
      "subject", "message", "kind", "first_reply_at", "status", "lang"};
  static const std::vector<std::string_view> disputes = {
      "dispute_id", "order_id", "opened_at", "amount", "currency", "reason", "status", "due_by"};
  static const std::vector<std::string_view> reviews = {
      "review_id", "order_id", "customer_id", "email", "phone", "rating", "text", "posted_at", "platform"};
  switch (kind) {
    case RecordKind::orders: return orders;
    case RecordKind::complaints: return complaints;
    case RecordKind::disputes: return disputes;
    case RecordKind::reviews: return reviews;
  }
  return orders;
}

const std::vector<std::string_view>* canonical_values(RecordKind kind, std::string_view column) {
  static const std::vector<std::string_view> payment = {"card", "cod", "transfer", "paypal", "blik", "other"};
  static const std::vector<std::string_view> order_status = {"pending", "shipped", "delivered", "returned",
                                                             "refused", "lost", "cancelled"};
  static const std::vector<std::string_view> channel = {"email", "phone", "facebook", "instagram",
                                                        "sms", "chat", "marketplace", "other"};
  static const std::vector<std::string_view> reason = {
      "fraudulent", "product_not_received", "product_unacceptable", "duplicate",
      "subscription_canceled", "credit_not_processed", "unrecognized", "general"};
  static const std::vector<std::string_view> dispute_status = {
      "needs_response", "under_review", "warning_needs_response", "warning_under_review", "won",
      "lost", "warning_closed", "charge_refunded", "prevented"};
  if (column == "payment_method" && kind == RecordKind::orders) return &payment;
  if (column == "status" && kind == RecordKind::orders) return &order_status;
  if (column == "channel" && kind == RecordKind::complaints) return &channel;
  if (column == "reason" && kind == RecordKind::disputes) return &reason;
  if (column == "status" && kind == RecordKind::disputes) return &dispute_status;
  return nullptr;
}

namespace {

bool kind_from_name(std::string_view s, RecordKind& out) {
  for (auto k : {RecordKind::orders, RecordKind::complaints, RecordKind::disputes, RecordKind::reviews}) {
    if (s == to_string(k)) {
      out = k;
      return true;
    }
  }
  return false;
}

[[noreturn]] void bad(const std::string& path, const toml::value& v, const std::string& what) {
  throw Error(ErrorKind::input, fmt::format("{}:{}: {}", path, v.location().line(), what));
}

bool contains(const std::vector<std::string_view>& list, std::string_view s) {
  for (auto x : list)
    if (x == s) return true;
  return false;
}

}  // namespace

MapFile MapFile::load(const std::string& path) {
  MapFile m;
  m.path = path;
  const toml::value doc = read_toml_file(path);
  if (!doc.is_table()) return m;
  for (const auto& [kname, kval] : doc.as_table()) {
    RecordKind kind{};
    if (!kind_from_name(kname, kind)) {
      bad(path, kval, fmt::format("unknown section [{}]; a map has [orders], [complaints], [disputes] "
                                  "or [reviews] tables",
                                  kname));
    }
    if (!kval.is_table()) bad(path, kval, fmt::format("[{}] must be a table", kname));
    auto& km = m.kinds[kind];
    const auto& cols = canonical_columns(kind);
    for (const auto& [part, pval] : kval.as_table()) {
      if (part == "columns") {
        if (!pval.is_table()) bad(path, pval, fmt::format("[{}.columns] must be a table", kname));
        for (const auto& [canon, hval] : pval.as_table()) {
          if (!contains(cols, canon)) {
            bad(path, hval, fmt::format("`{}` is not a column of {}; the columns are: {}", canon, kname,
                                        fmt::join(cols, ", ")));
          }
          if (!hval.is_string()) {
            bad(path, hval, fmt::format("{}.columns.{} must be the header text, in quotes", kname, canon));
          }
          km.columns[canon] = Column{hval.as_string(), static_cast<int>(hval.location().line())};
        }
      } else if (part == "values") {
        if (!pval.is_table()) bad(path, pval, fmt::format("[{}.values] must be a table", kname));
        for (const auto& [canon, table] : pval.as_table()) {
          if (!contains(cols, canon)) {
            bad(path, table, fmt::format("`{}` is not a column of {}; the columns are: {}", canon, kname,
                                         fmt::join(cols, ", ")));
          }
          if (!table.is_table()) {
            bad(path, table, fmt::format("[{}.values.{}] must be a table of \"file value\" = \"{} value\"",
                                         kname, canon, canon));
          }
          const auto* allowed = canonical_values(kind, canon);
          auto& vm = km.values[canon];
          for (const auto& [from, to] : table.as_table()) {
            if (!to.is_string()) bad(path, to, fmt::format("the value for \"{}\" must be a string", from));
            const std::string target = to.as_string();
            if (allowed && !contains(*allowed, target)) {
              bad(path, to, fmt::format("\"{}\" is not a {} value; use one of: {}", target, canon,
                                        fmt::join(*allowed, ", ")));
            }
            vm[fold(from)] = target;
          }
        }
      } else {
        bad(path, pval, fmt::format("unknown table [{}.{}]; use [{}.columns] or [{}.values.COLUMN]", kname,
                                    part, kname, kname));
      }
    }
  }
  return m;
}

const MapFile::KindMap* MapFile::find(RecordKind kind) const {
  const auto it = kinds.find(kind);
  return it == kinds.end() ? nullptr : &it->second;
}

}  // namespace triage::input
