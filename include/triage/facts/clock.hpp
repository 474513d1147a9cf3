// The clock of a run: `--now` when given (so that runs and tests replay), else
// the system clock. Only complaint.age and overdue depend on it.
#pragma once

#include <string>

#include "triage/core/config.hpp"
#include "triage/core/model.hpp"

namespace triage::facts {

// Parses `text` as ISO 8601 (a time without a zone is in the configured zone);
// empty text gives the system clock. Throws Error(usage) naming `option`.
Timestamp run_clock(const std::string& text, const Config& config, const char* option = "--now");

}  // namespace triage::facts
