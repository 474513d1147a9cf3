// Unit tests for the working-day clock and duration parsing.
#include "triage/policy/calendar.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <catch2/catch.hpp>

using triage::Timestamp;
using triage::policy::Calendar;
using triage::policy::parse_duration;

namespace {

// A local wall-clock time in `zone` as a UTC timestamp.
Timestamp local(const char* zone, int y, unsigned mo, unsigned d, int h, int mi = 0) {
  const auto* tz = date::locate_zone(zone);
  const auto lt =
      date::local_days{date::year{y} / mo / d} + std::chrono::hours{h} + std::chrono::minutes{mi};
  return tz->to_sys(lt, date::choose::earliest).time_since_epoch().count();
}

std::string show(const char* zone, Timestamp t) {
  const auto* tz = date::locate_zone(zone);
  return date::format("%F %H:%M %a",
                      date::zoned_seconds{tz, date::sys_seconds{std::chrono::seconds{t}}});
}

constexpr std::int64_t H = 3600;
constexpr const char* kWaw = "Europe/Warsaw";

}  // namespace

TEST_CASE("working time skips weekends", "[calendar]") {
  const Calendar cal(date::locate_zone(kWaw), {});
  // 2026-03-06 is a Friday.
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 6, 15), 24 * H)) ==
        "2026-03-09 15:00 Mon");
  // Saturday 10:00: the clock starts on Monday 00:00.
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 7, 10), 24 * H)) ==
        "2026-03-10 00:00 Tue");
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 8, 23, 59), 1 * H)) ==
        "2026-03-09 01:00 Mon");
  // Within a working day.
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 3, 9), 36 * H)) ==
        "2026-03-04 21:00 Wed");
  // Two weeks of working time are ten working days.
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 2, 12), 10 * 24 * H)) ==
        "2026-03-16 12:00 Mon");
  CHECK(cal.is_working_day(local(kWaw, 2026, 3, 6, 23, 59)));
  CHECK_FALSE(cal.is_working_day(local(kWaw, 2026, 3, 7, 0)));
  CHECK_FALSE(cal.is_working_day(local(kWaw, 2026, 3, 8, 12)));
}

TEST_CASE("working time skips holidays", "[calendar]") {
  // 2026-05-01 (Friday) and 2026-05-04 (Monday) are holidays here.
  const Calendar cal(date::locate_zone(kWaw), {"2026-05-04", "2026-05-01"});
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 4, 30, 15), 24 * H)) ==
        "2026-05-05 15:00 Tue");
  CHECK_FALSE(cal.is_working_day(local(kWaw, 2026, 5, 1, 12)));
  CHECK(cal.is_working_day(local(kWaw, 2026, 5, 5, 12)));
  // The same instant without holidays.
  const Calendar plain(date::locate_zone(kWaw), {});
  CHECK(show(kWaw, plain.add_working_time(local(kWaw, 2026, 4, 30, 15), 24 * H)) ==
        "2026-05-01 15:00 Fri");
}

TEST_CASE("holidays must be valid dates", "[calendar]") {
  const auto* tz = date::locate_zone(kWaw);
  CHECK_THROWS_AS(Calendar(tz, {"2026-13-01"}), std::invalid_argument);
  CHECK_THROWS_AS(Calendar(tz, {"2026-02-30"}), std::invalid_argument);
  CHECK_THROWS_AS(Calendar(tz, {"26-01-01"}), std::invalid_argument);
  CHECK_THROWS_AS(Calendar(tz, {"2026/01/01"}), std::invalid_argument);
  CHECK_THROWS_WITH(Calendar(tz, {"tomorrow"}),
                    Catch::Contains("tomorrow") && Catch::Contains("YYYY-MM-DD"));
  CHECK_THROWS_AS(Calendar(nullptr, {}), std::invalid_argument);
  CHECK_NOTHROW(Calendar(tz, {"2028-02-29"}));
}

TEST_CASE("the zone decides where a day begins", "[calendar]") {
  const Calendar waw(date::locate_zone(kWaw), {});
  const Calendar utc(date::locate_zone("UTC"), {});
  // Friday 23:30 UTC is already Saturday 00:30 in Warsaw (CET, +1).
  const Timestamp t = local("UTC", 2026, 1, 9, 23, 30);
  CHECK(utc.is_working_day(t));
  CHECK_FALSE(waw.is_working_day(t));
  CHECK(show("UTC", utc.add_working_time(t, 1 * H)) == "2026-01-12 00:30 Mon");
  CHECK(show(kWaw, waw.add_working_time(t, 1 * H)) == "2026-01-12 01:00 Mon");
  // Sunday 23:30 UTC is Monday 00:30 in Warsaw.
  const Timestamp s = local("UTC", 2026, 1, 11, 23, 30);
  CHECK_FALSE(utc.is_working_day(s));
  CHECK(waw.is_working_day(s));
}

TEST_CASE("DST changes on a weekend keep local wall-clock deadlines", "[calendar]") {
  const Calendar cal(date::locate_zone(kWaw), {});
  // Spring forward on Sunday 2026-03-29: Friday 15:00 CET + 24h -> Monday 15:00 CEST.
  const Timestamp fri = local(kWaw, 2026, 3, 27, 15);
  const Timestamp due = cal.add_working_time(fri, 24 * H);
  CHECK(show(kWaw, due) == "2026-03-30 15:00 Mon");
  CHECK(due - fri == (24 + 48 - 1) * H);  // the weekend was one hour short
  // Fall back on Sunday 2026-10-25: Friday 15:00 CEST + 24h -> Monday 15:00 CET.
  const Timestamp fri2 = local(kWaw, 2026, 10, 23, 15);
  const Timestamp due2 = cal.add_working_time(fri2, 24 * H);
  CHECK(show(kWaw, due2) == "2026-10-26 15:00 Mon");
  CHECK(due2 - fri2 == (24 + 48 + 1) * H);
  // A complaint on the DST Sunday starts counting on Monday 00:00 local.
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 29, 2, 30), 24 * H)) ==
        "2026-03-31 00:00 Tue");
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 10, 25, 2, 30), 24 * H)) ==
        "2026-10-27 00:00 Tue");
  CHECK_FALSE(cal.is_working_day(local(kWaw, 2026, 3, 29, 12)));
}

TEST_CASE("working time between two instants", "[calendar]") {
  const Calendar cal(date::locate_zone(kWaw), {});
  const Timestamp fri = local(kWaw, 2026, 3, 27, 0);
  const Timestamp tue = local(kWaw, 2026, 3, 31, 0);
  CHECK(cal.working_time_between(fri, tue) == 48 * H);
  CHECK(cal.working_time_between(tue, fri) == 0);
  CHECK(cal.working_time_between(local(kWaw, 2026, 3, 27, 12), local(kWaw, 2026, 3, 30, 12)) ==
        24 * H);
}

TEST_CASE("a DST change on a working day counts its real length", "[calendar]") {
  // Iran changed clocks at midnight on weekdays: Tuesday 2022-03-22 began at
  // 01:00 (23 hours long), Wednesday 2022-09-21 lasted 25 hours.
  constexpr const char* kTeh = "Asia/Tehran";
  const Calendar cal(date::locate_zone(kTeh), {});
  const Timestamp mon = local(kTeh, 2022, 3, 21, 0);
  const Timestamp tue = local(kTeh, 2022, 3, 22, 1);
  const Timestamp wed = local(kTeh, 2022, 3, 23, 0);
  CHECK(tue - mon == 24 * H);
  CHECK(cal.working_time_between(tue, wed) == 23 * H);
  CHECK(show(kTeh, cal.add_working_time(mon, 48 * H)) == "2022-03-23 01:00 Wed");
  CHECK(cal.is_working_day(tue));
  CHECK(cal.working_time_between(local(kTeh, 2022, 9, 21, 0), local(kTeh, 2022, 9, 22, 0)) ==
        25 * H);
}

TEST_CASE("zero and negative working time", "[calendar]") {
  const Calendar cal(date::locate_zone(kWaw), {});
  const Timestamp tue = local(kWaw, 2026, 3, 3, 10);
  CHECK(cal.add_working_time(tue, 0) == tue);
  CHECK(cal.add_working_time(tue, -5) == tue);
  CHECK(show(kWaw, cal.add_working_time(local(kWaw, 2026, 3, 7, 10), 0)) == "2026-03-09 00:00 Mon");
}

TEST_CASE("parse_duration", "[calendar]") {
  CHECK(parse_duration("36h") == 36 * 3600);
  CHECK(parse_duration("14d") == 14 * 86400);
  CHECK(parse_duration("90m") == 90 * 60);
  CHECK(parse_duration("2w") == 14 * 86400);
  CHECK(parse_duration("45s") == 45);
  CHECK(parse_duration("1d 12h") == 36 * 3600);
  CHECK(parse_duration("1d12h") == 36 * 3600);
  CHECK(parse_duration(" 0h ") == 0);
  CHECK(parse_duration("1.5h") == 5400);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("   "));
  CHECK_FALSE(parse_duration("36"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("36x"));
  CHECK_FALSE(parse_duration("36hours"));
  CHECK_FALSE(parse_duration("-1d"));
  CHECK_FALSE(parse_duration("1.h"));
  CHECK_FALSE(parse_duration("1d,2h"));
  CHECK_FALSE(parse_duration("99999999999999999999d"));
  CHECK_FALSE(parse_duration("999999999999999w"));
}
