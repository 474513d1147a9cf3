// Working-day clock and duration parsing (see calendar.hpp). Days are walked
// one local calendar day at a time, each from its local midnight to the next,
// so DST changes (23- and 25-hour days) come out right.
#include "triage/policy/calendar.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>

namespace triage::policy {
namespace {

using std::chrono::seconds;

// Deadlines further away than this are clamped: no policy waits a century,
// and it bounds the day-by-day walk.
constexpr std::int64_t kMaxWorkingSeconds = std::int64_t{100} * 366 * 86400;

bool is_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<date::year_month_day> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!is_digits(y) || !is_digits(m) || !is_digits(d)) return std::nullopt;
  const auto num = [](std::string_view v) {
    int n = 0;
    for (const char c : v) n = n * 10 + (c - '0');
    return n;
  };
  const date::year_month_day ymd{date::year{num(y)}, date::month{static_cast<unsigned>(num(m))},
                                 date::day{static_cast<unsigned>(num(d))}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

Calendar::Calendar(const date::time_zone* zone, std::vector<std::string> holidays)
    : zone_(zone), holidays_(holiday_days(holidays)) {
  if (zone_ == nullptr) throw std::invalid_argument("calendar: no time zone given");
}

std::vector<int> Calendar::holiday_days(const std::vector<std::string>& holidays) {
  std::vector<int> days;
  days.reserve(holidays.size());
  for (const auto& h : holidays) {
    const auto ymd = parse_date(h);
    if (!ymd)
      throw std::invalid_argument("holiday `" + h +
                                  "` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-12-24");
    days.push_back(date::sys_days{*ymd}.time_since_epoch().count());
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

bool Calendar::is_working_date(date::sys_days local_day) const {
  const date::weekday wd{local_day};
  if (wd == date::Saturday || wd == date::Sunday) return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(),
                             static_cast<int>(local_day.time_since_epoch().count()));
}

namespace {

// The local calendar day (as a day count) that instant `t` falls on in `zone`.
date::sys_days local_day_of(const date::time_zone* zone, Timestamp t) {
  const auto local = zone->to_local(date::sys_seconds{seconds{t}});
  return date::sys_days{date::floor<date::days>(local).time_since_epoch()};
}

// The instant local day `day` begins. Where midnight is skipped by a DST
// change the day begins at the change; where it repeats, at the first one.
Timestamp day_start(const date::time_zone* zone, date::sys_days day) {
  const date::local_seconds midnight{day.time_since_epoch()};
  return zone->to_sys(midnight, date::choose::earliest).time_since_epoch().count();
}

}  // namespace

bool Calendar::is_working_day(Timestamp t) const {
  return is_working_date(local_day_of(zone_, t));
}

Timestamp Calendar::add_working_time(Timestamp start, std::int64_t secs) const {
  std::int64_t remaining = std::clamp<std::int64_t>(secs, 0, kMaxWorkingSeconds);
  Timestamp t = start;
  auto day = local_day_of(zone_, t);
  for (;;) {
    const auto next = day + date::days{1};
    const Timestamp end = day_start(zone_, next);
    if (is_working_date(day)) {
      const std::int64_t available = end - t;
      if (remaining <= available) return t + remaining;
      remaining -= available;
    }
    t = std::max(t, end);
    day = next;
  }
}

std::int64_t Calendar::working_time_between(Timestamp from, Timestamp to) const {
  if (to <= from) return 0;
  std::int64_t total = 0;
  Timestamp t = from;
  auto day = local_day_of(zone_, t);
  while (t < to) {
    const auto next = day + date::days{1};
    const Timestamp end = std::min(day_start(zone_, next), to);
    if (is_working_date(day) && end > t) total += end - t;
    t = std::max(t, end);
    day = next;
  }
  return total;
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max() / 4;
  std::int64_t total = 0;
  bool any = false;
  std::size_t i = 0;
  const auto n = text.size();
  while (true) {
    while (i < n && text[i] == ' ') ++i;
    if (i == n) break;
    // A number: digits, optionally with a fraction ("1.5h").
    const std::size_t b = i;
    std::int64_t whole = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      if (whole > kMax / 10) return std::nullopt;
      whole = whole * 10 + (text[i] - '0');
      ++i;
    }
    const bool had_whole = i > b;
    std::int64_t frac = 0, frac_scale = 1;
    if (i < n && text[i] == '.') {
      ++i;
      const std::size_t fb = i;
      while (i < n && text[i] >= '0' && text[i] <= '9') {
        if (frac_scale < 1000000) {
          frac = frac * 10 + (text[i] - '0');
          frac_scale *= 10;
        }
        ++i;
      }
      if (i == fb) return std::nullopt;
    }
    if (!had_whole && frac_scale == 1) return std::nullopt;
    if (i == n) return std::nullopt;  // a number needs a unit
    std::int64_t unit = 0;
    switch (text[i]) {
      case 's':
        unit = 1;
        break;
      case 'm':
        unit = 60;
        break;
      case 'h':
        unit = 3600;
        break;
      case 'd':
        unit = 86400;
        break;
      case 'w':
        unit = 7 * 86400;
        break;
      default:
        return std::nullopt;
    }
    ++i;
    if (i < n && text[i] != ' ' && !(text[i] >= '0' && text[i] <= '9')) return std::nullopt;
    if (whole > kMax / unit) return std::nullopt;
    const std::int64_t part = whole * unit + (frac * unit + frac_scale / 2) / frac_scale;
    if (total > kMax - part) return std::nullopt;
    total += part;
    any = true;
  }
  if (!any) return std::nullopt;
  return total;
}

}  // namespace triage::policy
