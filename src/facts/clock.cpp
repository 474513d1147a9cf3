// Reading --now.
#include "triage/facts/clock.hpp"

#include <date/tz.h>
#include <fmt/core.h>

#include <chrono>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"
#include "triage/input/values.hpp"

namespace triage::facts {

Timestamp run_clock(const std::string& text, const Config& config, const char* option) {
  if (text.empty()) {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  const date::time_zone* zone = config.zone ? config.zone : date::locate_zone(config.timezone);
  input::TimeParser parser(zone);
  Timestamp t = 0;
  std::string why;
  if (!parser.parse(text, false, t, why)) {
    throw Error(ErrorKind::usage,
                fmt::format("{}: cannot read '{}' as a time ({}); write it like 2026-11-24T09:00 (in {}) or "
                            "2026-11-24T09:00:00+01:00",
                            option, terminal_safe(text), why, config.timezone));
  }
  return t;
}

}  // namespace triage::facts
