// One decision as the writers show it (the fields of PRODUCT.md §7), and the
// encodings every writer shares: JSON objects, local times, safe text.
#pragma once


#include <string>
#include <string_view>
#include <vector>

#include "triage/core/model.hpp"
#include "triage/policy/program.hpp"

namespace date {
class time_zone;
}

namespace triage::report {

struct Row {
  std::string complaint;
  std::string order;     // empty: none
  std::string customer;  // the customer's key; empty: none
  std::string segment;
  std::string action;
  std::string action_label;
  std::string rule;  // empty: no rule matched
  int priority = 0;
  std::vector<std::string> tags;
  Timestamp reply_by = 0;
  bool overdue = false;
  std::string lang;
  std::string why;
  std::string reply;
  std::vector<policy::FactRead> evidence;
  std::vector<policy::LexiconHit> hits;
  std::vector<std::string> also_matched;
  std::string policy_version;
};

// Moves what the writers need out of a decision.
Row make_row(policy::Decision&& d, std::string complaint, std::string order, std::string customer,
             std::string policy_version);

// The row as one compact JSON object, fields in the documented order,
// appended to `out`; invalid UTF-8 in customer text becomes U+FFFD, never an
// error (the same text nlohmann::json's dump writes with its `replace`
// handler, without building a JSON value first).
void write_json(const Row& r, const date::time_zone* zone, std::string& out);
// The evidence list: {fact, value} for facts read (value null when missing),
// {lexicon, words} for lexicon hits.
void write_evidence_json(const Row& r, std::string& out);
void write_list_json(const std::vector<std::string>& v, std::string& out);

// "2026-11-24T09:00:00+01:00" in `zone`.
std::string iso_local(Timestamp t, const date::time_zone* zone);
// "Mon 24 Nov 09:00" in `zone`, for tables.
std::string short_local(Timestamp t, const date::time_zone* zone);

// Text with invalid UTF-8 bytes replaced by U+FFFD (control characters kept).
std::string valid_utf8(std::string_view s);
// Columns the text takes on a terminal (wide characters count two).
std::size_t display_width(std::string_view s);
// The text cut to `width` columns, with "…" when cut.
std::string fit(std::string_view s, std::size_t width);

}  // namespace triage::report
