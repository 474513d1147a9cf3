// The text `triage explain` prints: the complaint, the decision, the facts
// and lexicon hits behind it, then every rule by stage with why it did or did
// not match. Plain text, safe for a terminal.
#pragma once

#include <string>

#include "triage/facts/builder.hpp"
#include "triage/policy/program.hpp"
#include "triage/store/queries.hpp"

namespace date {
class time_zone;
}

namespace triage::report {

struct Explanation {
  const store::ComplaintRow* complaint = nullptr;
  std::string customer;  // key; empty: none
  std::string order;     // the order used; empty: none
  const facts::Notes* notes = nullptr;
  const policy::Decision* decision = nullptr;  // decided with Tracing::full
  const date::time_zone* zone = nullptr;
};

std::string render_explanation(const Explanation& e);

}  // namespace triage::report
