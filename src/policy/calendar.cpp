// Working-day clock and duration parsing (see calendar.hpp).
#include "triage/policy/calendar.hpp"

namespace triage::policy {

Calendar::Calendar(const date::time_zone* zone, std::vector<std::string>) : zone_(zone) {}
Timestamp Calendar::add_working_time(Timestamp start, std::int64_t seconds) const { return start + seconds; }
bool Calendar::is_working_day(Timestamp) const { return true; }
std::int64_t Calendar::working_time_between(Timestamp from, Timestamp to) const { return to > from ? to - from : 0; }
bool Calendar::is_working_date(date::sys_days) const { return true; }
std::optional<std::int64_t> parse_duration(std::string_view) { return std::nullopt; }

}  // namespace triage::policy
