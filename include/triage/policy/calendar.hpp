// Working-day clock for reply deadlines, and the duration syntax policies use
// ("36h", "1d 12h").
#pragma once

#include <date/tz.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/core/model.hpp"

namespace triage::policy {

// Counts only time on working days: Monday–Friday that are not holidays, in
// the shop's time zone, DST-correct (a working day is the span from its local
// midnight to the next local midnight, 23 or 25 hours on a DST change day).
class Calendar {
 public:
  // `zone` must not be null. Holidays are dates "YYYY-MM-DD" in `zone`;
  // throws std::invalid_argument naming the bad entry.
  Calendar(const date::time_zone* zone, std::vector<std::string> holidays);

  // start + `seconds` of working time. Received Saturday 10:00 with 24h: the
  // clock starts Monday 00:00 local and is due Tuesday 00:00 local. 24h from
  // Friday 15:00 gives Monday 15:00. Negative or zero `seconds` returns the
  // start moved forward to the next working instant (itself when working).
  Timestamp add_working_time(Timestamp start, std::int64_t seconds) const;
  // Whether the local date of `t` is a working day.
  bool is_working_day(Timestamp t) const;
  // Working seconds between two instants (0 when to <= from).
  std::int64_t working_time_between(Timestamp from, Timestamp to) const;

  const date::time_zone* zone() const { return zone_; }

  // The holiday dates as days since the epoch, sorted and unique; throws
  // std::invalid_argument naming the first entry that is not YYYY-MM-DD.
  static std::vector<int> holiday_days(const std::vector<std::string>& holidays);

 private:
  bool is_working_date(date::sys_days local_day) const;
  const date::time_zone* zone_;
  std::vector<int> holidays_;  // days since epoch of the local holiday dates, sorted
};

// The shop's calendar from triage.toml's time zone and holidays; throws
// Error(input) naming the setting when one is wrong.
Calendar calendar_for(const Config& config);
// The same checks of the holidays without building the calendar, so that a
// zone left unresolved (the built-in default) stays unresolved.
void check_holidays(const Config& config);

// Parses durations as policies write them: "36h", "14d", "90m", "2w",
// "1d 12h", "45s", "1.5h" (units s m h d w; parts may be separated by
// spaces; a fraction is rounded to whole seconds); returns seconds, nullopt on
// error, a missing unit, a sign, or overflow.
std::optional<std::int64_t> parse_duration(std::string_view text);

}  // namespace triage::policy
