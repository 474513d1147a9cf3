// Building one complaint's FactSet from its customer's history, as the world
// was when the complaint was received (PRODUCT.md §5, "Fact definitions"):
// records dated after complaint.received_at are not known to it.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/facts/facts.hpp"
#include "triage/store/queries.hpp"

namespace triage::facts {

// Whether a blank-kind complaint takes the kind kept from an earlier run under
// the same policy version, or goes through the classify stage again.
enum class KindSource { keep_inferred, reclassify };

// What the builder learned beside the values, for explain: why a group of
// facts is missing.
struct Notes {
  std::string order;     // empty when the order is known
  std::string customer;  // empty when the customer is known
  std::string dispute;   // empty when a dispute was found
  std::string review;    // empty when a review was found
  std::string unconverted;  // a currency without a rate, when money facts were left out
  bool kind_kept = false;   // complaint.kind is the kind an earlier run inferred
  void clear();
};

struct BuildInput {
  const store::CustomerHistory* history = nullptr;
  std::size_t index = 0;                        // the complaint, in history->complaints
  const store::OrderRow* order = nullptr;       // its order as found, or null
  const std::vector<store::DisputeRow>* order_disputes = nullptr;  // null: take them from history
  Timestamp now = 0;
  std::string_view version;  // the policy version, for kinds kept from earlier runs
  KindSource kinds = KindSource::keep_inferred;
};

// The kind that counts for a complaint: as imported, else as inferred.
std::string_view known_kind(const store::ComplaintRow& c);

// The complaint's text as policies match it: subject and message, one a line.
std::string complaint_text(const store::ComplaintRow& c);

// Splits an order's tags on ',' and ';', trimmed, empty ones dropped.
std::vector<std::string> split_tags(std::string_view tags);

class Builder {
 public:
  explicit Builder(const Config& config);

  void build(const BuildInput& in, FactSet& out, Notes* notes = nullptr);

  // Currencies whose orders were left out of money facts for want of a rate.
  const std::set<std::string>& unconverted() const { return unconverted_; }
  // The one warning a run prints about them; empty when there are none.
  std::string unconverted_warning() const;
  // Adds what another builder (of another thread) learned.
  void merge(const Builder& other) { unconverted_.insert(other.unconverted_.begin(), other.unconverted_.end()); }

 private:
  // Minor units of `currency` in major units of the shop's currency.
  std::optional<double> to_shop(std::int64_t minor, const std::string& currency);

  const Config& config_;
  std::set<std::string> unconverted_;
};

// Why a fact is missing, in words for explain ("no shipping date before the complaint").
std::string missing_reason(FactId id, const Notes& notes);

}  // namespace triage::facts
